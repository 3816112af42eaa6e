"""The keyboard wedge: a scanner's burst is a scan wherever focus is, a person's typing is typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QVBoxLayout, QWidget

from receiving_app.domain.scan import ScanKind
from receiving_app.gui.scan_wedge import ScanLookUp, ScanWedge, take_scans_in
from tests.support.gui_station import INTERKEY_MS, FakeClock

SLOW = 0.2  # seconds between a person's keys
FAST = 0.005  # seconds between a scanner's keys


class Bench(QWidget):
    """A window with a scan box, a box for typing, a search box and a checkbox, standing in for the
    station window."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.field = QLineEdit(self)
        self.field.setObjectName("field")
        take_scans_in(self.field)  # as the bench's scan box
        self.notes = QLineEdit(self)
        self.notes.setObjectName("notes")
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.look_up = ScanLookUp(self.search)
        self.check = QCheckBox("check", self)
        self.check.setObjectName("check")
        for widget in (self.field, self.notes, self.search, self.check):
            layout.addWidget(widget)
        self.routed: list[str] = []

    def route(self, _receiver, _key: int, text: str) -> bool:
        if text.upper() == "U":
            self.routed.append("U")
            return True
        return False


@pytest.fixture
def bench(qtbot) -> Bench:
    widget = Bench()
    qtbot.add_widget(widget)
    widget.show()
    return widget


def make_wedge(bench: Bench, clock: FakeClock, **settings: str) -> ScanWedge:
    wedge = ScanWedge({"max_interkey_ms": str(INTERKEY_MS), **settings}, clock=clock)
    wedge.watch(bench, bench.route)
    return wedge


def type_keys(qtbot, widget, clock: FakeClock, text: str, gap: float) -> None:
    for character in text:
        clock.advance(gap)
        qtbot.keyClick(widget, character)


def test_a_fast_burst_into_a_text_field_is_a_scan_and_leaves_the_field_empty(qtbot, bench) -> None:
    clock = FakeClock()
    wedge = make_wedge(bench, clock)
    with qtbot.waitSignal(wedge.scanned) as scanned:
        type_keys(qtbot, bench.field, clock, "RA0100003", FAST)
        qtbot.keyClick(bench.field, Qt.Key.Key_Return)
    assert scanned.args[0].text == "RA0100003"
    assert bench.field.text() == ""
    wedge.stop()


def test_slow_typing_reaches_the_text_field(qtbot, bench) -> None:
    clock = FakeClock()
    wedge = make_wedge(bench, clock)
    scans = []
    wedge.scanned.connect(scans.append)
    type_keys(qtbot, bench.field, clock, "RA01", SLOW)
    qtbot.waitUntil(lambda: bench.field.text() == "RA01")
    assert scans == []
    wedge.stop()


def test_a_typed_key_outside_a_text_field_goes_to_the_commands_but_a_scan_starting_with_it_does_not(
    qtbot, bench
) -> None:
    clock = FakeClock()
    wedge = make_wedge(bench, clock)
    type_keys(qtbot, bench.check, clock, "u", SLOW)
    qtbot.waitUntil(lambda: bench.routed == ["U"])
    with qtbot.waitSignal(wedge.scanned):
        type_keys(qtbot, bench.check, clock, "UPC12345", FAST)
        qtbot.keyClick(bench.check, Qt.Key.Key_Tab)
    assert bench.routed == ["U"]
    wedge.stop()


@pytest.mark.parametrize("terminator", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab])
def test_enter_or_tab_ends_a_scan(qtbot, bench, terminator) -> None:
    clock = FakeClock()
    wedge = make_wedge(bench, clock)
    with qtbot.waitSignal(wedge.scanned) as scanned:
        type_keys(qtbot, bench.field, clock, "HP-83A", FAST)
        qtbot.keyClick(bench.field, terminator)
    assert scanned.args[0].text == "HP-83A"
    wedge.stop()


def test_the_aim_identifier_is_stripped_and_a_upc_is_read_as_a_product(qtbot, bench) -> None:
    clock = FakeClock()
    wedge = make_wedge(bench, clock)
    with qtbot.waitSignal(wedge.scanned) as scanned:
        type_keys(qtbot, bench.field, clock, "]E0082002977276", FAST)
        qtbot.keyClick(bench.field, Qt.Key.Key_Return)
    value = scanned.args[0]
    assert (value.kind, value.text, value.gtin) == (ScanKind.GTIN, "082002977276", "00082002977276")
    wedge.stop()


def test_prefix_and_suffix_mark_a_scan_even_when_it_is_slow(qtbot, bench) -> None:
    clock = FakeClock()
    wedge = make_wedge(bench, clock, prefix="~", suffix="#")
    with qtbot.waitSignal(wedge.scanned) as scanned:
        type_keys(qtbot, bench.field, clock, "~RMA-100004#", SLOW)
    assert scanned.args[0].text == "RMA-100004"
    assert bench.field.text() == ""
    wedge.stop()


def test_a_garbled_scan_says_what_was_wrong(qtbot, bench) -> None:
    clock = FakeClock()
    wedge = make_wedge(bench, clock)
    with qtbot.waitSignal(wedge.scan_rejected) as rejected:
        type_keys(qtbot, bench.field, clock, "]E0082002977270", FAST)  # wrong check digit
        qtbot.keyClick(bench.field, Qt.Key.Key_Return)
    assert "check digit" in rejected.args[0]
    wedge.stop()


def test_a_burst_without_a_terminator_ends_with_silence(qtbot, bench) -> None:
    clock = FakeClock()
    wedge = make_wedge(bench, clock)
    with qtbot.waitSignal(wedge.scanned, timeout=2000) as scanned:
        type_keys(qtbot, bench.field, clock, "RGA-100002", FAST)
    assert scanned.args[0].text == "RGA-100002"
    wedge.stop()


# Text fields that want typing ------------------------------------------------------------------


def test_typing_as_fast_as_a_scanner_into_a_text_field_is_typing_when_no_suffix_is_configured(qtbot, bench) -> None:
    clock = FakeClock()
    wedge = make_wedge(bench, clock)
    scans, problems = [], []
    wedge.scanned.connect(scans.append)
    wedge.scan_rejected.connect(problems.append)
    typed = []
    bench.notes.returnPressed.connect(lambda: typed.append(bench.notes.text()))
    type_keys(qtbot, bench.notes, clock, "RA0100003", FAST)
    assert bench.notes.text() == "RA0100003"  # at once: nothing is held back where nothing can be a scan
    qtbot.keyClick(bench.notes, Qt.Key.Key_Return)
    assert typed == ["RA0100003"] and scans == [] and problems == []
    wedge.stop()


def test_with_a_suffix_configured_a_fast_burst_without_it_is_typing_and_one_with_it_is_a_scan(qtbot, bench) -> None:
    clock = FakeClock()
    wedge = make_wedge(bench, clock, suffix="#")
    scans = []
    wedge.scanned.connect(scans.append)
    type_keys(qtbot, bench.notes, clock, "crushed", FAST)
    qtbot.waitUntil(lambda: bench.notes.text() == "crushed")  # delivered once the burst went quiet
    assert scans == []
    bench.notes.clear()
    type_keys(qtbot, bench.notes, clock, "box crushed", FAST)
    qtbot.keyClick(bench.notes, Qt.Key.Key_Return)
    assert bench.notes.text() == "box crushed" and scans == []
    with qtbot.waitSignal(wedge.scanned) as scanned:
        type_keys(qtbot, bench.notes, clock, "RGA-100002#", FAST)
    assert scanned.args[0].text == "RGA-100002"
    assert bench.notes.text() == "box crushed"  # the scan did not type into the notes
    wedge.stop()


def test_a_complete_scan_into_a_search_box_is_the_boxs_to_look_up_not_the_benchs(qtbot, bench) -> None:
    clock = FakeClock()
    wedge = make_wedge(bench, clock, suffix="#")
    bench_scans = []
    wedge.scanned.connect(bench_scans.append)
    with qtbot.waitSignal(bench.look_up.scanned) as scanned:
        type_keys(qtbot, bench.search, clock, "]E0082002977276#", FAST)
    assert scanned.args[0].text == "082002977276" and bench_scans == []
    with qtbot.waitSignal(bench.look_up.scan_rejected) as rejected:
        type_keys(qtbot, bench.search, clock, "]E0082002977270#", FAST)
    assert "check digit" in rejected.args[0]
    wedge.stop()
