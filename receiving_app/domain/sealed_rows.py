"""The rows that decide money or rights, held against the digests the audit chain recorded for them.

Each transaction that writes such a row records the row's digest in the chain (see
``domain.audit``). ``audit verify`` replays those records into a ledger and compares every row
as the database holds it now: a row whose digest differs was changed outside the station, a row
with no record was put in by hand, and a recorded row that is gone was deleted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from receiving_app.domain.digest_text import hex_of_short_text, short_text
from receiving_app.domain.money import Money

DIGEST_BYTES = 16  # of the SHA-256: 128 bits, ample against a forged row and half the size to store


# Most of a row's values are text, whole numbers and flags, written into the digested text as they are;
# looked up by exact type before the checks below, which a full verify makes for millions of values.
_WRITTEN_AS_THEY_ARE = frozenset({str, int, bool})


def _plain(value: Any) -> Any:
    if type(value) in _WRITTEN_AS_THEY_ARE:
        return value
    if isinstance(value, Money):
        return f"{value.currency} {value}"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    if isinstance(value, float):
        raise TypeError("sealed rows hold exact values; got a float")
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def row_text(values: Mapping[str, Any]) -> str:
    """A row's stored values as the canonical text its digest is taken of. Empty (NULL) columns are left
    out, so that a column added later, empty on the old rows, leaves their digests as they were."""
    present = {name: _plain(value) for name, value in values.items() if value is not None}
    return json.dumps(present, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def row_digest(values: Mapping[str, Any]) -> str:
    """The digest of a row's stored values (``row_text``)."""
    # In 22 characters of URL-safe base64 rather than 32 hex digits: a receive seals a dozen rows, and
    # the chain keeps their digests for ever.
    digest = hashlib.sha256(row_text(values).encode("utf-8")).digest()[:DIGEST_BYTES]
    return short_text(digest)


def same_digest(recorded: str, current: str) -> bool:
    """Whether a row's digest now is the one recorded: records written before December 2026 hold the same
    128 bits as 32 hex digits."""
    if len(recorded) == 2 * DIGEST_BYTES:
        return recorded == hex_of_short_text(current)
    return recorded == current


def sealed_rows_text(digests: Mapping[str, Mapping[str, str]]) -> str:
    """The canonical text an event carries for the rows of its transaction: {table: {key: digest}}."""
    if not digests:
        return ""
    return json.dumps(digests, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


CHANGED = "differs from its record in the audit chain: it was changed outside the station"
PUT_IN = "has no record in the audit chain: it was put in outside the station"
GONE = "is recorded in the audit chain but gone: it was deleted outside the station"


@dataclass(frozen=True, slots=True)
class RowDifference:
    table: str
    key: str
    problem: str

    def __str__(self) -> str:
        return f"{self.table} row {self.key} {self.problem}"


KeyRange = tuple[int | None, int | None]  # (after, up_to] of a table's whole-number key; None: no bound


@dataclass
class RowLedger:
    """The newest recorded digest of every sealed row, built by replaying the chain; "" (or no entry) for
    a row the station itself removed."""

    recorded: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(self, sealed_rows: str) -> None:
        if sealed_rows:
            for table, rows in json.loads(sealed_rows).items():
                recorded = self.recorded.setdefault(table, {})
                for key, digest in rows.items():
                    if digest:
                        recorded[key] = digest
                    else:  # the station itself removed the row
                        recorded.pop(key, None)

    def records(self, table: str) -> int:
        """How many of the table's rows have a record (and were not removed by the station)."""
        return sum(1 for digest in self.recorded.get(table, {}).values() if digest)

    def first_difference(
        self,
        table: str,
        current: Iterable[tuple[str, str]],
        within: KeyRange | None = None,
        *,
        as_many_rows: bool = False,
    ) -> RowDifference | None:
        """Compares the table's rows now, as (key, digest) in key order, with their records: the first
        row changed or put in, else the first recorded row that is gone. ``within``: ``current`` holds
        only the rows whose whole-number key lies in that range, and only their records count.
        ``as_many_rows``: the table holds as many rows as it has records, so none can be gone unless one
        was put in, which is found first (a million records are not looked through again)."""
        recorded = self.recorded.get(table, {})
        seen: set[str] = set()
        for key, digest in current:
            if not as_many_rows:
                seen.add(key)
            expected = recorded.get(key)
            if not expected:
                return RowDifference(table, key, PUT_IN)
            if not same_digest(expected, digest):
                return RowDifference(table, key, CHANGED)
        if as_many_rows:
            return None
        keys = (key for key, digest in recorded.items() if digest)
        if within is not None:
            keys = (key for key in keys if _within(int(key), within))
        gone = min((key for key in keys if key not in seen), key=_natural, default=None)
        return None if gone is None else RowDifference(table, gone, GONE)


def first_of_ranges(differences: Iterable[RowDifference | None]) -> RowDifference | None:
    """One table's first difference from its key ranges' (in key order), as ``first_difference`` finds it
    over the whole table: the first row changed or put in, else the first row gone."""
    found = [difference for difference in differences if difference is not None]
    changed = next((difference for difference in found if difference.problem != GONE), None)
    return changed or min(found, key=lambda difference: _natural(difference.key), default=None)


def _within(key: int, within: KeyRange) -> bool:
    after, up_to = within
    return (after is None or after < key) and (up_to is None or key <= up_to)


def _natural(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)
