"""Which characters of a text the documents cannot print, so that such text can be refused where it comes in.

A character the embedded faces lack would be printed as an empty box on a customer's credit memo or
parcel label. Names are printed in the bold face and addresses in the regular one, so a character
counts as printable only when both faces have it.
"""

from __future__ import annotations

from functools import cache

LAYOUT_WHITESPACE = frozenset(" \t\r\n")
"""Characters that only place the printable ones: the layouts break lines and words on them."""


@cache
def _printable() -> frozenset[int]:
    # The faces' character maps, read once per process when the faces are loaded. Imported here:
    # the services check text with this module in every command, and only rendering needs reportlab.
    from receiving_app.documents.typography import BOLD, REGULAR, faces

    loaded = faces()
    return loaded[REGULAR].characters & loaded[BOLD].characters


def characters_without_glyph(text: str) -> str:
    """The distinct characters of ``text`` that the documents cannot print, in the order they first occur."""
    printable = _printable()
    lacking = dict.fromkeys(
        character for character in text if ord(character) not in printable and character not in LAYOUT_WHITESPACE
    )
    return "".join(lacking)


def unprintable_named(text: str) -> str:
    """The characters ``characters_without_glyph`` finds, each with its code point for a refusal: "漢 (U+6F22)"."""
    return ", ".join(f"{character} (U+{ord(character):04X})" for character in characters_without_glyph(text))
