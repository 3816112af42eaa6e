"""Every scale protocol's parsers fed random bytes and garbled real frames: whatever arrives, a parser
gives a consistent reading, an acknowledgement, or its own error saying what is wrong, and never crashes."""

from __future__ import annotations

import pytest

from tests.support.frame_fuzzing import NORMAL_FRAMES, PROTOCOLS, SLOW_FRAMES, FuzzedProtocol, fuzz_frames


@pytest.mark.parametrize("protocol", PROTOCOLS, ids=lambda protocol: protocol.name)
def test_fuzzed_frames_give_a_reading_or_a_scale_error(protocol: FuzzedProtocol) -> None:
    fuzz_frames(protocol, NORMAL_FRAMES)


@pytest.mark.slow
@pytest.mark.parametrize("protocol", PROTOCOLS, ids=lambda protocol: protocol.name)
def test_fuzzed_frames_at_length(protocol: FuzzedProtocol) -> None:
    fuzz_frames(protocol, SLOW_FRAMES)
