"""Fuzzing a frame parser: random bytes, and real frames with bytes flipped, cut or inserted.

Mutated real frames reach deep into a parser (past the header checks) far more often than
random bytes do; random bytes find what a parser assumes about framing. The normal run lets
hypothesis choose (and shrink what fails); the long run under ``slow`` makes the same kinds of
frames with a seeded generator, because hypothesis spends a millisecond per example and a
parser a few microseconds.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence

from hypothesis import strategies as st

NORMAL_EXAMPLES = 300
SLOW_EXAMPLES = 200_000


@st.composite
def mutated(draw: st.DrawFn, seeds: Sequence[bytes], alphabet: bytes = b"") -> bytes:
    frame = bytearray(draw(st.sampled_from(seeds)))
    interesting = st.sampled_from(alphabet) if alphabet else st.integers(0, 255)
    byte = st.one_of(st.integers(0, 255), interesting)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["replace", "insert", "delete", "truncate"]))
        position = draw(st.integers(0, max(0, len(frame) - 1)))
        if action == "replace" and frame:
            frame[position] = draw(byte)
        elif action == "insert":
            frame.insert(position, draw(byte))
        elif action == "delete" and frame:
            del frame[position]
        elif action == "truncate":
            del frame[position:]
    return bytes(frame)


def frames(seeds: Sequence[bytes], alphabet: bytes = b"") -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=40), mutated(seeds, alphabet))


def seeded_frames(
    seeds: Sequence[bytes],
    alphabet: bytes = b"",
    *,
    lengths: Sequence[int] = range(41),
    count: int = SLOW_EXAMPLES,
    seed: int = 2026,
) -> Iterator[bytes]:
    """``count`` frames like ``frames`` makes, the same ones on every run: half random bytes (of one
    of ``lengths``), half mutated seeds."""
    rng = random.Random(seed)
    pool = alphabet or bytes(range(256))
    for _ in range(count):
        if rng.random() < 0.5:
            yield rng.randbytes(rng.choice(lengths))
            continue
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
        yield bytes(frame)


def fuzz_at_length(check: Callable[[bytes], None], frames_to_try: Iterator[bytes]) -> None:
    """Runs ``check`` on every frame; a failure names the frame that caused it."""
    for frame in frames_to_try:
        try:
            check(frame)
        except Exception as failure:
            raise AssertionError(f"frame {frame!r}: {failure!r}") from failure
