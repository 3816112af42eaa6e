"""SCP-01 (NCI) answers as a scale sends them: LF, an optional weight line, the status bytes, CR ETX."""

from __future__ import annotations

STABLE = (0x00, 0x00)


def answer(weight: bytes | None, *status_bits: int, prefix: bytes = b"") -> bytes:
    """An answer whose status bytes carry ``status_bits`` on top of the fixed bits 4 and 5,
    with bit 6 set on every byte after the first that another byte follows."""
    count = len(status_bits)
    status = bytes(0x30 | bits | (0x40 if 1 <= index < count - 1 else 0) for index, bits in enumerate(status_bits))
    weight_line = b"" if weight is None else weight + b"\r\n"
    return b"\n" + weight_line + prefix + status + b"\r\x03"
