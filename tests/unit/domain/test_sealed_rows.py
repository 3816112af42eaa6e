"""A sealed row's digest, and the records written before it was kept in base64."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from decimal import Decimal

from receiving_app.domain.sealed_rows import (
    CHANGED,
    GONE,
    PUT_IN,
    RowDifference,
    RowLedger,
    first_of_ranges,
    row_digest,
    same_digest,
)

ROW = {"id": 7, "outcome": "refund", "refund_total": Decimal("29.99"), "notes": None}


def hex_record(values: dict) -> str:
    """A digest as the chain recorded it before December 2026: the first 32 hex digits of the SHA-256."""
    present = {name: format(value, "f") if isinstance(value, Decimal) else value for name, value in values.items()}
    present = {name: value for name, value in present.items() if value is not None}
    text = json.dumps(present, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def test_a_digest_is_128_bits_in_22_characters_and_changes_with_any_value() -> None:
    digest = row_digest(ROW)

    assert len(digest) == 22
    assert row_digest({**ROW, "refund_total": Decimal("29.98")}) != digest
    assert row_digest({**ROW, "notes": ""}) != digest  # an empty note is a value; None is left out


def test_a_record_in_hex_digits_still_vouches_for_its_row() -> None:
    recorded = hex_record(ROW)

    assert same_digest(recorded, row_digest(ROW))
    assert not same_digest(recorded, row_digest({**ROW, "refund_total": Decimal("299.9")}))
    assert same_digest(row_digest(ROW), row_digest(ROW))


def test_the_ledger_names_a_row_changed_since_its_hex_record() -> None:
    ledger = RowLedger()
    ledger.add(json.dumps({"decisions": {"7": hex_record(ROW), "8": row_digest({**ROW, "id": 8})}}))

    assert ledger.first_difference("decisions", [("7", row_digest(ROW)), ("8", row_digest({**ROW, "id": 8}))]) is None
    changed = ledger.first_difference("decisions", [("7", row_digest({**ROW, "outcome": "deny"}))])
    assert changed is not None and changed.key == "7" and "changed outside the station" in changed.problem


def test_the_digest_of_a_row_of_every_kind_of_value_is_the_one_the_chain_already_holds() -> None:
    # Records are written once and verified for years: a faster digest must give these same 22 characters.
    row = {
        **ROW,
        "photo": b"\x89PNG",
        "flags": {"sealed": True, "weights": [Decimal("1.50"), 2]},
        "on": date(2026, 12, 5),
        "at": datetime(2026, 12, 5, 13, 50, tzinfo=UTC),
        "count": 3,
        "closed": False,
    }
    assert row_digest(ROW) == "jR-c8KMdnfk4J-nYQ9F-7A"
    assert row_digest(row) == "14gi97n7L5BpPGE__MJ5Ow"


def _recorded(*keys: int) -> RowLedger:
    return RowLedger({"decisions": {str(key): row_digest({**ROW, "id": key}) for key in keys}})


def _now(*keys: int) -> list[tuple[str, str]]:
    return [(str(key), row_digest({**ROW, "id": key})) for key in keys]


def test_a_range_of_keys_answers_for_its_own_records_only() -> None:
    ledger = _recorded(1, 2, 3, 4, 9)

    assert ledger.first_difference("decisions", _now(1, 2), within=(None, 2)) is None
    assert ledger.first_difference("decisions", _now(3, 4), within=(2, 4)) is None
    gone = ledger.first_difference("decisions", _now(3, 4), within=(2, None))  # open: up to any key
    assert gone is not None and (gone.key, gone.problem) == ("9", GONE)


def test_the_ranges_of_a_table_name_what_the_whole_table_names() -> None:
    ledger = _recorded(1, 2, 3, 4)
    changed_4 = [("3", row_digest({**ROW, "id": 3})), ("4", row_digest(ROW))]
    in_ranges = [
        ledger.first_difference("decisions", _now(2), within=(None, 2)),  # 1 is gone
        ledger.first_difference("decisions", changed_4, within=(2, None)),
    ]
    whole = ledger.first_difference("decisions", _now(2) + changed_4)

    assert whole is not None and (whole.key, whole.problem) == ("4", CHANGED)
    assert first_of_ranges(in_ranges) == whole
    assert first_of_ranges([ledger.first_difference("decisions", _now(2, 3), within=(None, 3)), None]) == RowDifference(
        "decisions", "1", GONE
    )


def test_a_row_the_station_removed_is_neither_gone_nor_expected() -> None:
    ledger = RowLedger({"documents": {"1": row_digest(ROW), "2": ""}})

    assert ledger.first_difference("documents", [("1", row_digest(ROW))]) is None
    put_back = ledger.first_difference("documents", [("1", row_digest(ROW)), ("2", row_digest(ROW))])
    assert put_back == RowDifference("documents", "2", PUT_IN)
