"""Putting units away at the bench by keyboard and scanner alone: a unit decided with Enter, or a plate
scanned, goes into the container scanned after it; Ctrl+O opens a container for that unit's route; a
container that fills closes and its manifest prints at once; a container of another route refuses the
unit and nothing is recorded. Checked through the services, the database and the printed folder."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt

from receiving_app.bootstrap import load_shipped_routing
from receiving_app.devices.printers import PrintError
from receiving_app.domain.routing_file import routing_from_mapping
from receiving_app.gui.keyboard_map import Command, binding_for
from receiving_app.services.containers import ContainerService
from tests.support.gui_keyboard import open_rma, receive_as_sold, wait_until_idle
from tests.support.pdf import decode_code128, rasterize_page, reading_text
from tests.support.warehouse import Line, Rma, add_rmas

NUMBER = "RA0000401"
STATION_ID = "bench-test"


def two_sealed_toners(station, folder) -> None:
    """An RMA of two TN-660 the customer did not need, delivered last week: sealed and full, each goes
    back to stock as new."""
    today = date.today()
    add_rmas(
        station,
        folder,
        Rma(
            NUMBER,
            lines=(Line(sku="TN-660", reason="not_needed", quantity=2),),
            purchased=str(today - timedelta(days=20)),
            shipped=str(today - timedelta(days=19)),
            delivered=str(today - timedelta(days=15)),
            reported=str(today - timedelta(days=12)),
        ),
    )


def decide_both(qtbot, window, keyboard, station, runner, folder):
    """Both units weighed full, N, Enter: their ``ReceiveResult``s and the weight typed, in grams."""
    two_sealed_toners(station, folder)
    rma = station.history.show_rma(NUMBER).rma
    open_rma(qtbot, window, keyboard, runner, rma)
    full_g = rma.lines[0].full_g
    results = [receive_as_sold(qtbot, window, keyboard, runner, f"{full_g} g") for _ in range(2)]
    assert [result.decision.route for result in results] == ["restock_new", "restock_new"]
    return results, full_g


def press_open_container(qtbot, keyboard, runner) -> None:
    binding = binding_for(Command.OPEN_CONTAINER)
    keyboard.clock.advance(0.5)
    qtbot.keyClick(keyboard.focus(), binding.key, binding.modifiers)
    keyboard.clock.advance(0.5)
    wait_until_idle(qtbot, runner)


def scan(qtbot, keyboard, runner, code: str) -> None:
    keyboard.scan(code)
    wait_until_idle(qtbot, runner)


def type_in_scan_field(keyboard, text: str) -> None:
    """F2, the code typed at a person's pace, Enter."""
    keyboard.press(Qt.Key.Key_F2)
    keyboard.type(text)
    keyboard.press(Qt.Key.Key_Return)


def containers_of_units(station) -> list[str | None]:
    return [decision.container for decision in station.history.show_rma(NUMBER).decisions]


def kg(grams: Decimal) -> str:
    return f"{grams / 1000:.3f}"


def small_tote(station, units: int):
    """A stock tote opened under the shipped routes with its kind holding ``units`` units."""
    text = load_shipped_routing().source_text.replace("max_units = 40", f"max_units = {units}")
    routing = routing_from_mapping(tomllib.loads(text), "routes.toml", text)
    return ContainerService(station.units, routing).open_container("restock_new", user="receiver", station=STATION_ID)


def test_the_key_opens_a_tote_for_the_last_unit_and_scanning_it_puts_the_unit_in(
    qtbot, window, keyboard, station, runner, tmp_path
) -> None:
    (first, second), full_g = decide_both(qtbot, window, keyboard, station, runner, tmp_path)
    screen = window.receiving
    assert station.containers.list_containers("open") == ()

    press_open_container(qtbot, keyboard, runner)
    (tote,) = station.containers.list_containers("open")
    assert (tote.route, tote.kind, tote.units) == ("restock_new", "stock_tote", 0)
    second_plate = second.decision.license_plate
    assert screen.feedback_text == (
        f"✔ {tote.code} opened for Back to stock, new (Stock tote): scan it to put {second_plate} in."
    )

    scan(qtbot, keyboard, runner, tote.code)
    assert containers_of_units(station) == [None, tote.code]
    assert screen.feedback_text == f"✔ {second_plate} is in {tote.code} (Stock tote: 1 unit, {kg(full_g)} kg of 25 kg)."

    # The unit decided first is put away by its plate, then the tote.
    first_plate = first.decision.license_plate
    with qtbot.waitSignal(screen.rma_shown):
        keyboard.scan(first_plate)
    wait_until_idle(qtbot, runner)
    assert screen.feedback_text == f"✔ {first_plate} (line 1 unit 1) goes to Back to stock, new: scan its container."
    scan(qtbot, keyboard, runner, tote.code)
    assert containers_of_units(station) == [tote.code, tote.code]
    assert screen.feedback_text == (
        f"✔ {first_plate} is in {tote.code} (Stock tote: 2 units, {kg(2 * full_g)} kg of 25 kg)."
    )

    # The key again names the tote already open rather than opening a second one.
    press_open_container(qtbot, keyboard, runner)
    assert [view.code for view in station.containers.list_containers("open")] == [tote.code]
    assert screen.feedback_text.startswith(f"✔ {tote.code} is open for Back to stock, new already")


def test_a_tote_that_fills_closes_and_its_manifest_prints_with_the_totes_barcode(
    qtbot, window, keyboard, station, runner, tmp_path, printed_folder
) -> None:
    (first, second), full_g = decide_both(qtbot, window, keyboard, station, runner, tmp_path)
    tote = small_tote(station, 2)
    screen = window.receiving

    scan(qtbot, keyboard, runner, tote.code)
    assert station.containers.show(tote.code).status == "open"
    assert not (printed_folder / f"{tote.code}.pdf").exists()

    # The first unit by the scan field this time, typed by hand: its plate, then the tote.
    first_plate = first.decision.license_plate
    with qtbot.waitSignal(screen.rma_shown):
        type_in_scan_field(keyboard, first_plate)
    wait_until_idle(qtbot, runner)
    type_in_scan_field(keyboard, tote.code)
    wait_until_idle(qtbot, runner)

    closed = station.containers.show(tote.code)
    assert (closed.status, closed.units, closed.closed_because) == ("closed", 2, "full: 2 units of 2")
    assert containers_of_units(station) == [tote.code, tote.code]
    assert screen.feedback_text == (
        f"✔ {tote.code} is full and closed; manifest {tote.code} saved to folder {printed_folder}."
        f" {first_plate} went in last (Stock tote: 2 units, {kg(2 * full_g)} kg of 25 kg)."
    )
    manifest = (printed_folder / f"{tote.code}.pdf").read_bytes()
    assert decode_code128(rasterize_page(manifest, dpi=203))[0] == tote.code
    text = reading_text(manifest)
    assert "TN-660" in text and first_plate in text and second.decision.license_plate in text


def test_a_container_of_another_route_refuses_the_unit_and_records_nothing(
    qtbot, window, keyboard, station, runner, tmp_path
) -> None:
    two_sealed_toners(station, tmp_path)
    rma = station.history.show_rma(NUMBER).rma
    open_rma(qtbot, window, keyboard, runner, rma)
    result = receive_as_sold(qtbot, window, keyboard, runner, f"{rma.lines[0].full_g} g")
    plate = result.decision.license_plate
    box = station.containers.open_container("oem_recycling", user="receiver", station=STATION_ID)
    screen = window.receiving
    line_before = (screen.current_line.line, screen.current_unit)

    scan(qtbot, keyboard, runner, box.code)

    assert screen.feedback_text == (
        f"✖ {plate} goes to Back to stock, new, not into {box.code} (HP recycling)."
        " No container is open for Back to stock, new: Ctrl+O opens one."
    )
    assert containers_of_units(station) == [None]
    assert station.containers.show(box.code).units == 0
    assert (screen.current_line.line, screen.current_unit) == line_before  # the bench stays on the next unit


def test_without_a_unit_sorted_a_container_scan_and_the_key_say_what_comes_first(
    qtbot, window, keyboard, station, runner
) -> None:
    tote = station.containers.open_container("restock_new", user="receiver", station=STATION_ID)
    screen = window.receiving

    scan(qtbot, keyboard, runner, tote.code)
    assert screen.feedback_text == "✖ Scan a unit's license plate first, or decide a unit: then scan its container."
    assert station.containers.show(tote.code).units == 0

    press_open_container(qtbot, keyboard, runner)
    assert screen.feedback_text.startswith("✖ Decide a unit or scan its license plate first")
    assert [view.code for view in station.containers.list_containers("open")] == [tote.code]


def test_a_manifest_that_fails_to_print_still_says_the_tote_closed_and_how_to_print_it(
    qtbot, window, keyboard, station, runner, tmp_path, printed_folder, monkeypatch
) -> None:
    two_sealed_toners(station, tmp_path)
    rma = station.history.show_rma(NUMBER).rma
    open_rma(qtbot, window, keyboard, runner, rma)
    plate = receive_as_sold(qtbot, window, keyboard, runner, f"{rma.lines[0].full_g} g").decision.license_plate
    tote = small_tote(station, 1)

    def jammed(*_args, **_kwargs):
        raise PrintError("the label printer is out of paper")

    monkeypatch.setattr(station.printing, "print_manifest", jammed)
    scan(qtbot, keyboard, runner, tote.code)

    assert station.containers.show(tote.code).status == "closed"
    assert containers_of_units(station) == [tote.code]
    assert window.receiving.feedback_text.startswith(
        f"✖ {tote.code} is full and closed, but the manifest {tote.code} did not print: the label printer is"
        f" out of paper. receiving-app print {tote.code} prints it again. {plate} went in last (Stock tote: 1 unit,"
    )
    assert not (printed_folder / f"{tote.code}.pdf").exists()
