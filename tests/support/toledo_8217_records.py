"""Toledo 8217 status records as a scale sends them: STX, "?", the status byte, CR."""

from __future__ import annotations


def status_record(bits: int) -> bytes:
    """A "?" record; bits 5 and 6 are always set on the wire."""
    return b"\x02?" + bytes([0x60 | bits]) + b"\r"
