"""Input the columns cannot hold is refused as bad input on SQLite and PostgreSQL alike, with nothing written:
an import file with a weight of 1e999999999, a 1,000-character SKU or a line number of 2^63, and `receive`
options with a line number of 2^63, a NUL in the notes or a station id longer than its column.

The commands run in this process (``receiving_app.cli.main``) against one database per module and
database kind: each is refused, so none changes what the next one finds."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.services.importing import ImportRejected, import_catalog
from receiving_app.services.station import Station
from tests.support.databases import DATABASES, fresh_postgres_database
from tests.support.invariants import row_counts
from tests.support.signing_in import DEMO_SECRETS, row_counts_beside_sign_ins, run_in_process
from tests.support.warehouse import Rma, add_rmas, rma_file

CATALOG_HEADER = "sku,oem_part_number,upc,brand,description,category,full_g,empty_g,list_price\n"
LINE_2_TO_THE_63 = str(2**63)


@dataclass(frozen=True)
class Warehouse:
    url: str
    station: Station
    folder: Path

    def catalog_file(self, row: str) -> Path:
        path = self.folder / "catalog.csv"
        path.write_text(CATALOG_HEADER + row + "\n", encoding="utf-8")
        return path

    def records(self) -> tuple[dict[str, int], list[str], list[object]]:
        """What a refused import leaves as it was: the receiving records (sign-ins apart), the RMAs, the catalog."""
        rmas = [rma.number for rma in self.station.history.list_rmas()]
        return row_counts_beside_sign_ins(self.station), rmas, list(self.station.catalog.list_items())


@pytest.fixture(scope="module", params=DATABASES)
def warehouse(request, tmp_path_factory) -> Iterator[Warehouse]:
    """The demo catalog and users and one open RMA, in this module's own user folders."""
    folder = tmp_path_factory.mktemp("bounds")
    with pytest.MonkeyPatch.context() as patch:
        for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            patch.setenv(variable, str(folder / variable.lower()))
        patch.delenv("RECEIVING_APP_DB", raising=False)
        database = nullcontext(f"sqlite:///{folder / 'station.sqlite3'}")
        with database if request.param == "sqlite" else fresh_postgres_database() as url:
            station = bootstrap(url, settings_path=folder / "settings.json", today=lambda: date(2026, 3, 16))
            try:
                fill_demo_data(station, rmas=0, seed=7)
                add_rmas(station, folder, Rma("RA0005001"))
                yield Warehouse(url, station, folder)
            finally:
                station.close()


def run(warehouse: Warehouse, monkeypatch, capsys, *argv: str, secret: str = DEMO_SECRETS["admin"]):
    outcome = run_in_process(["--db", warehouse.url, *argv], monkeypatch=monkeypatch, capsys=capsys, secret=secret)
    assert (outcome.code, outcome.stdout) == (2, ""), outcome
    assert outcome.stderr.splitlines() == [outcome.stderr.strip()], outcome.stderr
    return outcome.stderr


def test_a_catalog_weight_of_1e999999999_is_refused_in_under_a_second(warehouse, monkeypatch, capsys) -> None:
    path = warehouse.catalog_file("TN-1,,,Brother,Toner,toner,1e999999999,600,49.99")
    before = warehouse.records()

    started = time.perf_counter()
    with pytest.raises(ImportRejected, match="row 2: full_g is not a number"):
        import_catalog(warehouse.station.units, path, user="admin", station="test")
    assert time.perf_counter() - started < 1.0

    said = run(warehouse, monkeypatch, capsys, "import", "catalog", str(path), "--user", "admin")
    assert "row 2: full_g is not a number such as 12.5: '1e999999999'" in said
    assert warehouse.records() == before


def test_a_1000_character_sku_is_refused_and_nothing_is_written(warehouse, monkeypatch, capsys) -> None:
    path = warehouse.catalog_file(f"{'S' * 1000},,,Brother,Toner,toner,800,600,49.99")
    before = warehouse.records()

    said = run(warehouse, monkeypatch, capsys, "import", "catalog", str(path), "--user", "admin")

    assert "row 2: sku is longer than 64 characters (1000)" in said
    assert warehouse.records() == before


def test_an_rma_file_with_a_line_of_2_to_the_63_is_refused_and_nothing_is_written(
    warehouse, monkeypatch, capsys
) -> None:
    path = rma_file(warehouse.folder, Rma("RA0005002"))
    path.write_text(path.read_text(encoding="utf-8").replace(",1,TN-660,", f",{LINE_2_TO_THE_63},TN-660,"))
    before = warehouse.records()

    said = run(warehouse, monkeypatch, capsys, "import", "rmas", str(path), "--user", "admin")

    assert f"row 2: line must be a whole number from 1 to 10000, not '{LINE_2_TO_THE_63}'" in said
    assert warehouse.records() == before


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (
            ("--line", LINE_2_TO_THE_63),
            f"the line number must be a whole number from 1 to 10000, not {LINE_2_TO_THE_63}",
        ),
        (("--line", "1", "--unit", LINE_2_TO_THE_63), "the unit number must be a whole number from 1 to 10000"),
        (("--line", "1", "--notes", "cracked\x00"), "the notes field holds a NUL character"),
        (("--line", "1", "--station", "S" * 65), "the station id is longer than 64 characters"),
        (("--line", "1", "--weight", "1e999999999g"), "--weight: not a weight"),
        (("--line", "1", "--weight", "100001g"), "--weight: a weight must be at most 100000 g"),
    ],
    ids=["line 2^63", "unit 2^63", "NUL in the notes", "65-character station", "weight 1e999999999", "over 100 kg"],
)
def test_receive_options_outside_the_bounds_are_refused_and_nothing_is_written(
    warehouse, monkeypatch, capsys, options, words
) -> None:
    before = row_counts(warehouse.station)
    argv = ["receive", "RA0005001", "--user", "receiver", "--station", "S1", "--weight", "815g", *options]

    said = run(warehouse, monkeypatch, capsys, *argv, secret=DEMO_SECRETS["receiver"])

    assert words in said
    assert row_counts(warehouse.station) == before
