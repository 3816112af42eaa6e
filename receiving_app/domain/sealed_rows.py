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


def row_digest(values: Mapping[str, Any]) -> str:
    """The digest of a row's stored values. Empty (NULL) columns are left out, so that a column
    added later, empty on the old rows, leaves their digests as they were."""
    present = {name: _plain(value) for name, value in values.items() if value is not None}
    text = json.dumps(present, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    # In 22 characters of URL-safe base64 rather than 32 hex digits: a receive seals a dozen rows, and
    # the chain keeps their digests for ever.
    digest = hashlib.sha256(text.encode("utf-8")).digest()[:DIGEST_BYTES]
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


@dataclass(frozen=True, slots=True)
class RowDifference:
    table: str
    key: str
    problem: str

    def __str__(self) -> str:
        return f"{self.table} row {self.key} {self.problem}"


@dataclass
class RowLedger:
    """The newest recorded digest of every sealed row, built by replaying the chain."""

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

    def first_difference(self, table: str, current: Iterable[tuple[str, str]]) -> RowDifference | None:
        """Compares the table's rows now, as (key, digest), with their records."""
        recorded = self.recorded.get(table, {})
        seen: set[str] = set()
        for key, digest in current:
            seen.add(key)
            expected = recorded.get(key)
            if expected is None:
                return RowDifference(table, key, "has no record in the audit chain: it was put in outside the station")
            if not same_digest(expected, digest):
                return RowDifference(
                    table, key, "differs from its record in the audit chain: it was changed outside the station"
                )
        missing = sorted(set(recorded) - seen, key=_natural)
        if missing:
            return RowDifference(
                table, missing[0], "is recorded in the audit chain but gone: it was deleted outside the station"
            )
        return None


def _natural(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)
