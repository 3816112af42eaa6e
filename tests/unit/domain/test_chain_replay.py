"""The fast replay hashes exactly what the station hashed, seals as HMAC does, and names the same
first break in the same words; checkpoints are signed over everything they say."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from receiving_app.domain.audit import AuditEvent, ChainHead, chain, event_hash, head_seal
from receiving_app.domain.audit_checkpoints import Checkpoint, is_signed, routing_of, routing_text, signed
from receiving_app.domain.chain_replay import ChainReplay, Sealer, hashed_text, utc_text

KEY = bytes(range(32))
AT = datetime(2026, 3, 16, 14, 5, 7, 123456, tzinfo=UTC)
TEXT = st.text(st.characters(codec="utf-8"), max_size=40)


@given(
    sequence=st.integers(1, 10**9),
    event_type=TEXT,
    user=TEXT,
    station=TEXT,
    rma=st.none() | TEXT,
    payload=TEXT,
    rows=TEXT,
    microsecond=st.sampled_from([0, 1, 999_999]),
)
def test_the_hashed_text_is_the_canonical_json_the_station_hashes(
    sequence, event_type, user, station, rma, payload, rows, microsecond
) -> None:
    at = AT.replace(microsecond=microsecond)
    text = hashed_text("a" * 64, sequence, event_type, utc_text(at), user, station, rma, payload, rows)
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == event_hash(
        "a" * 64, sequence, event_type, at, user, station, rma, payload, rows
    )


@given(key=st.binary(min_size=0, max_size=100), digest=st.text("0123456789abcdef", min_size=64, max_size=64))
def test_the_sealer_is_hmac_sha256(key, digest) -> None:
    assert Sealer(key).seal(digest) == hmac.new(key, digest.encode(), hashlib.sha256).hexdigest()


@given(
    fields=st.lists(st.tuples(TEXT, TEXT, TEXT, st.none() | TEXT, TEXT), min_size=1, max_size=4),
    sealed_rows=TEXT,
)
def test_the_replay_accepts_every_chain_the_station_links(fields, sealed_rows) -> None:
    events = [AuditEvent(kind, user, station, rma, {"said": said}) for kind, user, station, rma, said in fields]
    linked = chain(events, after_sequence=0, after_hash="0" * 64, at=AT, key=KEY, sealed_rows=sealed_rows)
    replay = ChainReplay(KEY)
    assert replay.feed([_row(event) for event in linked]) is None
    assert replay.finish(ChainHead(len(linked), linked[-1].hash, head_seal(KEY, len(linked), linked[-1].hash))) is None


def _row(e) -> tuple:
    sealed_rows = e.sealed_rows or None
    return (
        e.sequence,
        e.event_type,
        e.at,
        e.user,
        e.station,
        e.rma_number,
        e.payload,
        e.previous_hash,
        e.hash,
        sealed_rows,
        e.seal,
    )


def _chain(count: int) -> tuple[list[tuple], ChainHead]:
    events = [
        AuditEvent("decision_made", "receiver", "bench-1", "RA0000301", {"line": n, "refund_total": "12.50"})
        for n in range(count)
    ]
    linked = chain(events, after_sequence=0, after_hash="0" * 64, at=AT, key=KEY, sealed_rows='{"decisions":{}}')
    rows = [_row(event) for event in linked]
    last = linked[-1]
    return rows, ChainHead(last.sequence, last.hash, head_seal(KEY, last.sequence, last.hash))


def test_a_whole_chain_replays_in_batches_and_ends_at_its_head() -> None:
    rows, head = _chain(25)
    replay = ChainReplay(KEY)
    assert all(replay.feed(rows[start : start + 10]) is None for start in range(0, 25, 10))
    assert replay.finish(head) is None
    assert replay.replayed == 25


def test_a_replay_from_a_checkpoint_reads_only_what_follows_it() -> None:
    rows, head = _chain(25)
    replay = ChainReplay(KEY, after_sequence=20, after_hash=rows[19][8])
    assert replay.feed(rows[20:]) is None and replay.finish(head) is None
    assert replay.replayed == 5


def test_the_first_break_is_named_as_the_event_by_event_replay_named_it() -> None:
    rows, head = _chain(6)
    changed = list(rows)
    changed[3] = (*changed[3][:3], "admin", *changed[3][4:])
    assert str(ChainReplay(KEY).feed(changed)) == (
        "event 4 (decision_made) was changed after it was recorded: its hash does not match"
    )
    assert str(ChainReplay(KEY).feed(rows[:2] + rows[3:])) == "event 3 (missing) is missing: the chain jumps to event 4"
    assert "not sealed with this station's chain key" in str(ChainReplay(bytes(32)).feed(rows))
    replay = ChainReplay(KEY)
    replay.feed(rows[:5])
    assert "events at the end of the chain were removed" in str(replay.finish(head))


def test_the_events_that_sealed_rows_are_noted_and_watched_hashes_kept() -> None:
    rows, _head = _chain(4)
    replay = ChainReplay(KEY, watched=[2])
    replay.feed(rows)
    assert [row[0] for row in replay.noted_rows] == [4]  # only the last event of a transaction carries its rows
    assert replay.hashes_at == {2: rows[1][8]}


def test_a_checkpoint_is_signed_over_everything_it_says() -> None:
    made = signed(Checkpoint(40, "b" * 64, AT, "bench-1", routing_text({"bench-1": "c" * 16})), KEY)
    assert is_signed(made, KEY) and routing_of(made) == {"bench-1": "c" * 16}
    assert not is_signed(made, bytes(32))
    for changed in (
        replace(made, sequence=41),
        replace(made, hash="d" * 64),
        replace(made, made_at=AT + timedelta(microseconds=1)),
        replace(made, station="bench-2"),
        replace(made, routing=routing_text({"bench-1": "e" * 16})),
    ):
        assert not is_signed(changed, KEY)
