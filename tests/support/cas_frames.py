"""CAS frames as an indicator sends them."""

from __future__ import annotations

from functools import reduce

CAS_22 = b"ST,NT,1\xc0,0013.500 kg\r\n"  # device id "1", lamp byte 0xC0 (bit 7 set, stable)


def block(data: bytes) -> bytes:
    """SOH STX data BCC ETX EOT, BCC the exclusive-or of the data bytes."""
    return b"\x01\x02" + data + bytes([reduce(lambda a, b: a ^ b, data, 0)]) + b"\x03\x04"
