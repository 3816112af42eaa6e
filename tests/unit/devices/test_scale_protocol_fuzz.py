"""Every scale protocol's parsers fed random bytes and garbled real frames: whatever arrives, a parser
gives a consistent reading, an acknowledgement, or its own error saying what is wrong, and never crashes."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from receiving_app.devices.scales import (
    ScaleError,
    ScaleReading,
    ScaleStatus,
    cas,
    hid_pos,
    mt_sics,
    scp01,
    toledo_8217,
)
from receiving_app.domain.weight import Unit
from tests.support import cas_frames, hid_pos_reports, scp01_answers, toledo_8217_records
from tests.support.frame_fuzzing import NORMAL_EXAMPLES, frames, fuzz_at_length, mutated, seeded_frames

Parse = Callable[[bytes], ScaleReading | None]


def assert_only_clear_outcomes(parse: Parse, frame: bytes) -> None:
    """Either the parser's own error with a message, or a reading that is consistent."""
    try:
        reading = parse(frame)
    except ScaleError as error:
        assert str(error), "a scale error must say what is wrong"
        return
    if reading is None:  # a command's acknowledgement (zero) carries no reading
        return
    assert isinstance(reading, ScaleReading)
    if reading.capturable:
        assert reading.status is ScaleStatus.STABLE
        assert reading.grams is not None and reading.grams >= 0
    if reading.grams is not None:
        assert reading.value is not None
        assert reading.grams == reading.value * Unit.from_symbol(reading.unit).grams_per_unit


@dataclass(frozen=True)
class FuzzedProtocol:
    name: str
    parsers: Sequence[Parse] = field(repr=False)
    frames: st.SearchStrategy[bytes] = field(repr=False)  # what hypothesis draws in the normal run
    frames_at_length: Callable[[], Iterator[bytes]] = field(repr=False)  # the seeded long run under `slow`

    def check(self, frame: bytes) -> None:
        for parse in self.parsers:
            assert_only_clear_outcomes(parse, frame)


MT_SICS_SEEDS = [
    b"S S     100.00 g\r\n",
    b"S D      99.98 kg\r\n",
    b"S S      -1.79 lb\r\n",
    b"S I\r\n",
    b"S +\r\n",
    b"Z A\r\n",
    b"T S      35.20 oz\r\n",
    b"ES\r\n",
]
MT_SICS_ALPHABET = b"SDIZTA+-.0123456789 gklbozE\r\n"

TOLEDO_8217_SEEDS = [
    b"\x0201.790\r",
    b"\x02  0.812kg\r",
    b"\x02-00.120\r",
    toledo_8217_records.status_record(0x01),
    toledo_8217_records.status_record(0x02),
    toledo_8217_records.status_record(0x04),
    toledo_8217_records.status_record(0x10),
]
TOLEDO_8217_ALPHABET = b"\x02\r?0123456789.-+ kglboz\x60\x61\x62\x64\x68\x70"

SCP_01_SEEDS = [
    scp01_answers.answer(b"0001.79lb", *scp01_answers.STABLE),
    scp01_answers.answer(b"000.812kg", 0x01, 0x00, prefix=b"S"),
    scp01_answers.answer(b"1LB 12.66OZ", *scp01_answers.STABLE),
    scp01_answers.answer(b"^^^^^^^^lb", 0x00, 0x02),
    scp01_answers.answer(None, 0x00, 0x01),
    scp01_answers.answer(b"-0000.12lb", 0x00, 0x00, 0x00, 0x00),
    b"\n?\r\x03",
]
SCP_01_ALPHABET = b"\n\r\x03S0123456789.- ^_lbkgozLBOZ0123pqrx"

CAS_SEEDS = [
    cas_frames.CAS_22,
    b"ST,GS,+0013.50kg\r\n",
    b"US,NT,-0001.79lb\r\n",
    b"OL,GS,--------kg\r\n",
    cas_frames.block(b"S 01.234kg"),
    cas_frames.block(b"U-00.012kg"),
]
CAS_ALPHABET = b"STUOLGN,+-.0123456789 kglboz\r\n\x01\x02\x03\x04"

HID_POS_SEEDS = [
    bytes(hid_pos_reports.report(status, unit, exponent, 812))
    for status, unit, exponent in [
        (4, hid_pos_reports.GRAM, 0),
        (3, hid_pos_reports.OUNCE, -1),
        (5, hid_pos_reports.KILOGRAM, -3),
        (6, hid_pos_reports.POUND, -2),
        (2, hid_pos_reports.GRAM, 0),
    ]
]
HID_POS_REPORTS = st.one_of(
    st.binary(min_size=0, max_size=8), st.binary(min_size=6, max_size=6), mutated(HID_POS_SEEDS)
)
HID_POS_LENGTHS = (*range(9), *[6] * 9)  # a report is 6 bytes

PROTOCOLS = [
    FuzzedProtocol(
        "mt-sics",
        (mt_sics.parse_weight_response, mt_sics.parse_zero_response, mt_sics.parse_tare_response),
        frames(MT_SICS_SEEDS, MT_SICS_ALPHABET),
        partial(seeded_frames, MT_SICS_SEEDS, MT_SICS_ALPHABET),
    ),
    FuzzedProtocol(
        "toledo-8217",
        (toledo_8217.parse_frame, toledo_8217.parse_zero_response),
        frames(TOLEDO_8217_SEEDS, TOLEDO_8217_ALPHABET),
        partial(seeded_frames, TOLEDO_8217_SEEDS, TOLEDO_8217_ALPHABET),
    ),
    FuzzedProtocol(
        "scp-01",
        (scp01.parse_frame, scp01.parse_zero_response),
        frames(SCP_01_SEEDS, SCP_01_ALPHABET),
        partial(seeded_frames, SCP_01_SEEDS, SCP_01_ALPHABET),
    ),
    FuzzedProtocol(
        "cas",
        (cas.parse_frame,),
        frames(CAS_SEEDS, CAS_ALPHABET),
        partial(seeded_frames, CAS_SEEDS, CAS_ALPHABET),
    ),
    FuzzedProtocol(
        "hid-pos",
        (hid_pos.parse_report,),
        HID_POS_REPORTS,
        partial(seeded_frames, HID_POS_SEEDS, lengths=HID_POS_LENGTHS),
    ),
]


@pytest.mark.parametrize("protocol", PROTOCOLS, ids=lambda protocol: protocol.name)
@settings(max_examples=NORMAL_EXAMPLES, deadline=None)
@given(data=st.data())
def test_fuzzed_frames_give_a_reading_or_a_scale_error(protocol: FuzzedProtocol, data: st.DataObject) -> None:
    protocol.check(data.draw(protocol.frames, label="frame"))


@pytest.mark.slow
@pytest.mark.parametrize("protocol", PROTOCOLS, ids=lambda protocol: protocol.name)
def test_fuzzed_frames_at_length(protocol: FuzzedProtocol) -> None:
    fuzz_at_length(protocol.check, protocol.frames_at_length())
