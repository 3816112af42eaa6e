"""Fuzzing the scale protocols' frame parsers: random bytes, and real frames with bytes flipped, cut or inserted.

Mutated real frames reach deep into a parser (past the header checks) far more often than random bytes
do; random bytes find what a parser assumes about framing. Frames come from a seeded generator rather
than hypothesis: hypothesis spends a millisecond drawing a frame and a parser a few microseconds reading
it, so the normal run checks ten thousand frames per protocol in well under a second.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

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

NORMAL_FRAMES = 10_000  # per protocol, in the normal run
SLOW_FRAMES = 200_000  # per protocol, under `slow`

Parse = Callable[[bytes], ScaleReading | None]


def mutated_frame(
    rng: random.Random, seeds: Sequence[bytes], alphabet: bytes = b"", lengths: Sequence[int] = range(41)
) -> bytes:
    """Half the time random bytes (of one of ``lengths``), else a seed frame with 1 to 4 bytes replaced,
    inserted, deleted or cut off, the new bytes often from the protocol's own ``alphabet``."""
    if rng.random() < 0.5:
        return rng.randbytes(rng.choice(lengths))
    pool = alphabet or bytes(range(256))
    frame = bytearray(rng.choice(seeds))
    for _ in range(rng.randint(1, 4)):
        action = rng.choice(("replace", "insert", "delete", "truncate"))
        position = rng.randint(0, max(0, len(frame) - 1))
        byte = rng.choice(pool) if rng.random() < 0.5 else rng.randint(0, 255)
        if action == "replace" and frame:
            frame[position] = byte
        elif action == "insert":
            frame.insert(position, byte)
        elif action == "delete" and frame:
            del frame[position]
        elif action == "truncate":
            del frame[position:]
    return bytes(frame)


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
    seeds: Sequence[bytes] = field(repr=False)
    alphabet: bytes = field(default=b"", repr=False)
    lengths: Sequence[int] = field(default=range(41), repr=False)

    def frame(self, rng: random.Random) -> bytes:
        return mutated_frame(rng, self.seeds, self.alphabet, self.lengths)

    def frames(self, count: int, seed: int = 2026) -> Iterator[bytes]:
        """``count`` frames, the same ones on every run."""
        rng = random.Random(seed)
        return (self.frame(rng) for _ in range(count))

    def check(self, frame: bytes) -> None:
        for parse in self.parsers:
            assert_only_clear_outcomes(parse, frame)


def fuzz_frames(protocol: FuzzedProtocol, count: int) -> None:
    """Checks ``count`` seeded frames; a failure names the frame that caused it."""
    for frame in protocol.frames(count):
        try:
            protocol.check(frame)
        except Exception as failure:
            raise AssertionError(f"{protocol.name} frame {frame!r}: {failure!r}") from failure


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
TOLEDO_8217_SEEDS = [
    b"\x0201.790\r",
    b"\x02  0.812kg\r",
    b"\x02-00.120\r",
    toledo_8217_records.status_record(0x01),
    toledo_8217_records.status_record(0x02),
    toledo_8217_records.status_record(0x04),
    toledo_8217_records.status_record(0x10),
]
SCP_01_SEEDS = [
    scp01_answers.answer(b"0001.79lb", *scp01_answers.STABLE),
    scp01_answers.answer(b"000.812kg", 0x01, 0x00, prefix=b"S"),
    scp01_answers.answer(b"1LB 12.66OZ", *scp01_answers.STABLE),
    scp01_answers.answer(b"^^^^^^^^lb", 0x00, 0x02),
    scp01_answers.answer(None, 0x00, 0x01),
    scp01_answers.answer(b"-0000.12lb", 0x00, 0x00, 0x00, 0x00),
    b"\n?\r\x03",
]
CAS_SEEDS = [
    cas_frames.CAS_22,
    b"ST,GS,+0013.50kg\r\n",
    b"US,NT,-0001.79lb\r\n",
    b"OL,GS,--------kg\r\n",
    cas_frames.block(b"S 01.234kg"),
    cas_frames.block(b"U-00.012kg"),
    b"000013.5\r\n",
    b"-0000.12\r\n",
    b"ERR  03\r\n",
]
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

PROTOCOLS = [
    FuzzedProtocol(
        "mt-sics",
        (mt_sics.parse_weight_response, mt_sics.parse_zero_response, mt_sics.parse_tare_response),
        MT_SICS_SEEDS,
        b"SDIZTA+-.0123456789 gklbozE\r\n",
    ),
    FuzzedProtocol(
        "toledo-8217",
        (toledo_8217.parse_frame, toledo_8217.parse_zero_response),
        TOLEDO_8217_SEEDS,
        b"\x02\r?0123456789.-+ kglboz\x60\x61\x62\x64\x68\x70",
    ),
    FuzzedProtocol(
        "scp-01",
        (scp01.parse_frame, scp01.parse_zero_response),
        SCP_01_SEEDS,
        b"\n\r\x03S0123456789.- ^_lbkgozLBOZ0123pqrx",
    ),
    FuzzedProtocol("cas", (cas.parse_frame,), CAS_SEEDS, b"STUOLGNER,+-.0123456789 kglboz\r\n\x01\x02\x03\x04"),
    # A report is 6 bytes: random ones are that long half the time.
    FuzzedProtocol("hid-pos", (hid_pos.parse_report,), HID_POS_SEEDS, lengths=(*range(9), *[6] * 9)),
]
