"""Digests written short (URL-safe base64, unpadded) read back as the hex digits they stand for."""

from __future__ import annotations

import hashlib

import pytest

from receiving_app.domain.digest_text import hex_of_short_text, short_text, short_text_of_hex


@pytest.mark.parametrize(("digest", "length"), [(hashlib.sha256(b"memo").digest(), 43), (bytes(range(16)), 22)])
def test_a_digest_written_short_reads_back_as_its_hex_digits(digest: bytes, length: int) -> None:
    written = short_text(digest)

    assert len(written) == length and "=" not in written
    assert set(written) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert hex_of_short_text(written) == digest.hex()
    assert short_text_of_hex(digest.hex()) == written


def test_the_bytes_that_need_both_url_safe_letters_are_written_with_them() -> None:
    assert short_text(bytes.fromhex("fbff")) == "-_8"
    assert hex_of_short_text("-_8") == "fbff"
