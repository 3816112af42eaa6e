"""Archiving the oldest records: the audit events and document PDFs recorded before a day leave the live
database for a file, and everything that read them still does, from the file: a full verify, a document
served as issued. A file changed or missing is named, never passed over; a broken chain is not archived."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from receiving_app.domain.errors import InputError, RuleRefusal
from receiving_app.persistence.audit_tables import AuditEventRow
from receiving_app.persistence.document_tables import DocumentRow
from receiving_app.services import archive_reading
from receiving_app.services.archive_reading import ArchiveUnavailable
from receiving_app.services.archiving import NothingToArchive
from receiving_app.services.audit_checkpointing import verify_audit_trail
from receiving_app.services.commands import PhotoAttachment
from tests.support.bench_day import BenchClock
from tests.support.cli import run_cli
from tests.support.photos import jpeg_photo
from tests.support.receiving import receive, weighed
from tests.support.warehouse import Line, Rma, add_rmas

EARLY, LATER, TODAY = datetime(2026, 3, 10, 15, tzinfo=UTC), datetime(2026, 3, 14, 15, tzinfo=UTC), date(2026, 3, 16)


@pytest.fixture
def issued(station, tmp_path) -> dict[str, bytes]:
    """Two lines received on 10 March (one with a damage photo), one on 14 March: each document as served."""
    add_rmas(
        station,
        tmp_path,
        Rma("RA0000901", lines=(Line(reason="not_needed"), Line(reason="not_needed"))),
        Rma("RA0000902", lines=(Line(reason="not_needed"),)),
    )
    clock = BenchClock(EARLY)
    station.units.clock = clock
    numbers = []
    for line in (1, 2):
        photos = (
            (PhotoAttachment("dent.jpg", "image/jpeg", jpeg_photo((320, 240), "#6b4a2a", quality=85)),)
            if line == 2
            else ()
        )
        result = receive(station, "RA0000901", line, weight=weighed("812.4g"), photos=photos)
        numbers += [document.number for document in result.decision.documents]
    clock.at(LATER)
    numbers += [document.number for document in receive(station, "RA0000902", 1).decision.documents]
    clock.at(datetime(2026, 3, 16, 9, tzinfo=UTC))
    return {number: station.history.document(number, reprint=False).pdf for number in numbers}


def _archive(station, tmp_path, day: date, name: str = "2026-03.archive"):
    return station.archives.make(before=day, to=tmp_path / name, user="supervisor", station="bench-1")


def _events_before(station, moment: datetime) -> int:
    with station.units.read() as uow:
        return uow.session.execute(select(func.count()).where(AuditEventRow.at < moment)).scalar_one()


def _verified(station, *, full: bool):
    return verify_audit_trail(station.units, full=full)


def test_the_oldest_events_and_pdfs_leave_the_database_and_are_still_read_from_the_file(
    station, tmp_path, issued
) -> None:
    cutoff = datetime(2026, 3, 12, tzinfo=UTC)
    older = _events_before(station, cutoff)
    with station.units.read() as uow:
        head = uow.records.audit_head().sequence

    made = _archive(station, tmp_path, date(2026, 3, 12))

    stretch = made.stretch
    assert (tmp_path / "2026-03.archive").is_file() and stretch.file == str(tmp_path / "2026-03.archive")
    assert stretch.first_sequence == 1 and stretch.events == stretch.last_sequence >= older > 0
    with station.units.read() as uow:
        kept = uow.session.execute(select(DocumentRow.number, DocumentRow.pdf, DocumentRow.archive_id)).all()
        first_live = uow.session.execute(select(func.min(AuditEventRow.sequence))).scalar_one()
    assert first_live == stretch.last_sequence + 1
    moved = {row.number for row in kept if row.archive_id is not None}
    assert all(row.pdf is None for row in kept if row.number in moved)
    assert stretch.documents == len(moved) >= 3 and len(moved) < len(issued)  # 14 March's stay
    # Every document is served as issued, from its row or from the archive; a reprint too.
    for number, pdf in issued.items():
        assert station.history.document(number, reprint=False).pdf == pdf, number
    assert station.history.document(sorted(moved)[0], reprint=True, user="receiver", station="bench-1").copy
    # The RMA's timeline still tells its whole story: the archived events first, then the reprint just made.
    timeline = [(event.sequence, event.type) for event in station.history.show_rma("RA0000901").events]
    assert [kind for _sequence, kind in timeline].count("decision_made") == 2
    assert timeline == sorted(timeline) and timeline[-1][0] > stretch.last_sequence
    # The chain checks out from the archive's end (by default) and from the first event (--full, from the file).
    by_default, full = _verified(station, full=False), _verified(station, full=True)
    assert by_default.first_break is None and by_default.checked_from == stretch.last_sequence
    # Every event: those before, the archive's own and the reprint's.
    assert full.first_break is None and full.replayed == full.events == head + 2
    # The bench goes on: a later receive links to the live chain, which still verifies whole.
    add_rmas(station, tmp_path, Rma("RA0000903"))
    receive(station, "RA0000903", 1)
    assert _verified(station, full=True).first_break is None


def test_only_an_rma_whose_story_began_before_the_archive_opens_its_file(
    station, tmp_path, issued, monkeypatch
) -> None:
    stretch = _archive(station, tmp_path, date(2026, 3, 12)).stretch
    add_rmas(station, tmp_path, Rma("RA0000903"))
    receive(station, "RA0000903", 1)
    opened: list[Path] = []
    real_file = archive_reading.ArchiveFile
    monkeypatch.setattr(archive_reading, "ArchiveFile", lambda path: opened.append(path) or real_file(path))

    # Imported after the cut: the whole story is live, and the bench's refresh reads no file.
    newer = [event.type for event in station.history.show_rma("RA0000903").events]
    assert newer[0] == "rma_imported" and "decision_made" in newer and opened == []
    # Imported before the cut and received after it: its beginning is read from the archive.
    older = station.history.show_rma("RA0000902").events
    assert older[0].type == "rma_imported" and older[0].sequence <= stretch.last_sequence
    assert "decision_made" in [event.type for event in older] and opened == [Path(stretch.file)]


def test_a_second_archive_continues_where_the_first_ended(station, tmp_path, issued) -> None:
    first = _archive(station, tmp_path, date(2026, 3, 12)).stretch
    second = _archive(station, tmp_path, date(2026, 3, 16), "2026-03b.archive").stretch
    assert second.first_sequence == first.last_sequence + 1
    assert [archive.file for archive in station.archives.archives()] == [first.file, second.file]
    for number, pdf in issued.items():
        assert station.history.document(number, reprint=False).pdf == pdf
    assert _verified(station, full=True).first_break is None
    with pytest.raises(NothingToArchive, match="nothing was moved"):
        _archive(station, tmp_path, date(2026, 3, 16), "again.archive")
    assert not (tmp_path / "again.archive").exists()


def test_an_archive_changed_or_gone_is_named_by_a_full_verify_and_where_a_document_is_read(
    station, tmp_path, issued
) -> None:
    stretch = _archive(station, tmp_path, date(2026, 3, 12)).stretch
    archived = tmp_path / "2026-03.archive"
    with station.units.read() as uow:
        number = uow.session.execute(
            select(DocumentRow.number).where(DocumentRow.archive_id.is_not(None)).limit(1)
        ).scalar_one()

    shutil.move(archived, tmp_path / "moved.archive")
    gone = _verified(station, full=True).first_break
    assert f"the archive {stretch.file} is not there" in str(gone)
    with pytest.raises(ArchiveUnavailable, match="is not there: put the file back"):
        station.history.document(number, reprint=False)
    # The live chain is checked from the archive's signed end without the file.
    assert _verified(station, full=False).first_break is None

    shutil.move(tmp_path / "moved.archive", archived)
    with sqlite3.connect(archived) as edited:
        edited.execute("UPDATE audit_events SET payload = replace(payload, '812.4', '912.4')")
    assert "its SHA-256 differs from the one recorded" in str(_verified(station, full=True).first_break)


def test_the_document_event_in_an_archive_still_vouches_for_its_pdf(station, tmp_path, issued) -> None:
    """A PDF swapped inside the archive is refused: its digest is held against the sealed event, there too."""
    _archive(station, tmp_path, date(2026, 3, 12))
    archived = tmp_path / "2026-03.archive"
    with sqlite3.connect(archived) as edited:
        number = edited.execute("SELECT number FROM documents ORDER BY number LIMIT 1").fetchone()[0]
        other = edited.execute("SELECT pdf, pdf_parts FROM documents WHERE number <> ? LIMIT 1", (number,)).fetchone()
        edited.execute("UPDATE documents SET pdf = ?, pdf_parts = ? WHERE number = ?", (*other, number))
    with pytest.raises(RuleRefusal, match="not the file that was issued"):
        station.history.document(number, reprint=False)


def test_nothing_is_moved_or_written_when_archiving_cannot_be_done(station, tmp_path, issued) -> None:
    with pytest.raises(NothingToArchive):
        _archive(station, tmp_path, date(2020, 1, 1), "empty.archive")
    with pytest.raises(InputError, match="after today"):
        _archive(station, tmp_path, date(2026, 3, 17), "future.archive")
    (tmp_path / "taken.archive").write_bytes(b"someone's file")
    with pytest.raises(InputError, match="already exists"):
        _archive(station, tmp_path, date(2026, 3, 12), "taken.archive")
    assert (tmp_path / "taken.archive").read_bytes() == b"someone's file"
    with station.units.write() as uow:  # a quiet edit of an old event
        uow.session.execute(text("UPDATE audit_events SET user_name = 'someone' WHERE sequence = 3"))
        uow.commit()
    with pytest.raises(RuleRefusal, match="does not check out at event 3"):
        _archive(station, tmp_path, date(2026, 3, 12), "broken.archive")
    assert sorted(path.name for path in tmp_path.glob("*.archive*")) == ["taken.archive"]
    with station.units.read() as uow:
        assert uow.session.execute(select(func.min(AuditEventRow.sequence))).scalar_one() == 1
        assert uow.session.execute(select(func.count()).where(DocumentRow.archive_id.is_not(None))).scalar_one() == 0


def test_the_record_of_an_archive_cannot_be_changed_or_removed(station, tmp_path, issued) -> None:
    _archive(station, tmp_path, date(2026, 3, 12))
    for statement in ("UPDATE audit_archives SET file = '/tmp/elsewhere'", "DELETE FROM audit_archives"):
        with pytest.raises(DBAPIError, match="audit_archives_are_append_only"), station.units.write() as uow:
            uow.session.execute(text(statement))
            uow.commit()


def test_the_commands_archive_list_and_still_render_and_verify(station, tmp_path, issued) -> None:
    url, archive = station.database_url, tmp_path / "march.archive"

    def make(before: str):
        options = ("--before", before, "--to", str(archive), "--user", "supervisor")
        return run_cli("--db", url, "archive", "make", *options, env={"RECEIVING_APP_PASSWORD": "supervisor-demo"})

    refused = make("12/03/2026")
    assert refused.code == 2 and refused.stderr == "error: --before: not a date in YYYY-MM-DD form: '12/03/2026'\n"
    made = make("2026-03-12")
    assert made.code == 0, made.stderr
    stretch = station.archives.archives()[0]
    assert made.stdout.startswith(f"archived {stretch.events} audit events (1 to {stretch.last_sequence}) and ")
    listed = run_cli("--db", url, "archive", "list")
    assert listed.stdout.strip().endswith(f"by supervisor: {archive.resolve()}")

    with station.units.read() as uow:
        number = uow.session.execute(
            select(DocumentRow.number).where(DocumentRow.archive_id.is_not(None)).limit(1)
        ).scalar_one()
    out = tmp_path / "original.pdf"
    options = ("--original", "--out", str(out), "--user", "receiver")
    rendered = run_cli("--db", url, "documents", "render", number, *options, env={"RECEIVING_APP_PASSWORD": "1111"})
    assert rendered.code == 0, rendered.stderr
    assert out.read_bytes() == issued[number]
    verified = run_cli("--db", url, "audit", "verify", "--full")
    assert verified.code == 0 and "events replayed" in verified.stdout, verified.stderr

    archive.rename(tmp_path / "lost.archive")
    missing = run_cli("--db", url, "audit", "verify", "--full")
    assert missing.code == 3
    assert missing.stderr == (
        f"audit chain broken: the archive {archive.resolve()} is not there: "
        "put the file back where the archive command wrote it\n"
    )
