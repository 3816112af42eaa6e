"""Every sealed row's digest that a commit takes without reading the row (from the object a flush
wrote, or from the row a statement returned) checked against the row read back from the database.

``audit verify`` would find a wrong one later, as a row that "differs from its record"; this finds it
at the commit that recorded it, naming the table and the row.
"""

from __future__ import annotations

import pytest

from receiving_app.persistence import row_sealing, unit_of_work


def check_known_digests(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, each commit reads every written row again and fails on a digest that differs."""
    taken_without_reading = row_sealing.digests_of

    def checked(session, written, known=None):
        told = taken_without_reading(session, written, known)
        read = taken_without_reading(session, written)
        wrong = sorted(
            f"{table} row {key}: sealed as {told[table][key]!r}, the database holds {digest!r}"
            for table, rows in read.items()
            for key, digest in rows.items()
            if told[table][key] != digest
        )
        assert not wrong, "digests taken without reading the rows differ from the rows:\n" + "\n".join(wrong)
        return told

    monkeypatch.setattr(unit_of_work, "digests_of", checked)
