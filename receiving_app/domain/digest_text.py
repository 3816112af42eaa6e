"""Digests as the records write them: URL-safe base64 without its padding, a third shorter than hex digits
for the same bits (43 characters for a SHA-256, 22 for 16 bytes). Records written before December 2026
hold hex digits, which every reader still takes."""

from __future__ import annotations

import base64


def short_text(digest: bytes) -> str:
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def short_text_of_hex(hex_digits: str) -> str:
    return short_text(bytes.fromhex(hex_digits))


def hex_of_short_text(text: str) -> str:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).hex()
