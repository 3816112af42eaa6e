"""The CSV reports the station writes, split back into their titled sections."""

from __future__ import annotations

import csv
import io


def csv_sections(text: str) -> dict[str, list[list[str]]]:
    """Title -> rows (heading row first), read the way a spreadsheet user or a script would."""
    blocks = text.replace("\r\n", "\n").strip("\n").split("\n\n")
    sections = {}
    for block in blocks[1:]:
        rows = list(csv.reader(io.StringIO(block)))
        title, *body = rows
        sections[title[0]] = [row for row in body if not row[0].startswith("Note: ")]
    return sections
