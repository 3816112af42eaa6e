"""The chain's key lives outside the database, and a station without it never writes to the chain."""

from __future__ import annotations

import stat

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.persistence.chain_key import ChainKeyMismatch
from tests.support.cli import run_cli
from tests.support.tampering import opened


@pytest.fixture
def key_files(tmp_path, monkeypatch):
    """Two stations' own key files; the first is this test's station's."""
    first, second = tmp_path / "bench-1.key", tmp_path / "bench-2.key"
    monkeypatch.setenv("RECEIVING_APP_CHAIN_KEY_FILE", str(first))
    return first, second


@pytest.fixture
def station(key_files, database_url, tmp_path):
    """A station whose chain began under the first key file (not the suite's prepared databases' key)."""
    built = bootstrap(database_url, settings_path=tmp_path / "settings.json")
    fill_demo_data(built, rmas=0, seed=7)
    yield built
    built.close()


def events_in(station) -> int:
    with station.units.read() as uow:
        return uow.records.audit_head().sequence


def test_the_key_is_made_once_and_kept_private(key_files, station) -> None:
    first, _ = key_files
    station.auth.sign_in("admin", "admin-demo", station="bench-1")
    assert first.exists() and stat.S_IMODE(first.stat().st_mode) == 0o600
    assert station.history.verify_audit_chain().first_break is None


def test_a_station_with_another_key_writes_nothing_until_it_imports_the_warehouse_key(
    key_files, station, tmp_path, monkeypatch
) -> None:
    first, second = key_files
    station.auth.sign_in("admin", "admin-demo", station="bench-1")
    written = events_in(station)

    monkeypatch.setenv("RECEIVING_APP_CHAIN_KEY_FILE", str(second))
    with opened(station.database_url, tmp_path) as stranger:
        with pytest.raises(ChainKeyMismatch, match="audit import-key"):
            stranger.auth.sign_in("admin", "admin-demo", station="bench-2")
        with pytest.raises(ChainKeyMismatch):
            stranger.auth.sign_in("admin", "wrong", station="bench-2")
        assert events_in(stranger) == written
        assert "not sealed with this station's chain key" in str(stranger.history.verify_audit_chain().first_break)

    exported = tmp_path / "warehouse.key"
    assert run_cli("audit", "export-key", str(exported), env={"RECEIVING_APP_CHAIN_KEY_FILE": str(first)}).code == 0
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    again = run_cli("audit", "export-key", str(exported), env={"RECEIVING_APP_CHAIN_KEY_FILE": str(first)})
    assert again.code == 2 and "exists already" in again.stderr
    assert run_cli("audit", "import-key", str(exported), env={"RECEIVING_APP_CHAIN_KEY_FILE": str(second)}).code == 0

    with opened(station.database_url, tmp_path) as joined:
        joined.auth.sign_in("admin", "admin-demo", station="bench-2")
        assert events_in(joined) > written
        assert joined.history.verify_audit_chain().first_break is None


def test_a_file_that_is_not_a_key_is_refused(tmp_path) -> None:
    bad = tmp_path / "not-a-key"
    bad.write_text("hello")
    run = run_cli("audit", "import-key", str(bad), env={"RECEIVING_APP_CHAIN_KEY_FILE": str(tmp_path / "k")})
    assert run.code == 2 and "not a hexadecimal key" in run.stderr and not (tmp_path / "k").exists()
