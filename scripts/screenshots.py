"""Regenerate the README's screenshots from the real station window, offscreen, on a demo database.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs]

It signs in as the demo receiver, scans a demo RMA, lets the simulated scale settle and the
decision preview arrive, and saves docs/sign-in.png, docs/receiving.png and docs/decision.png; then
the Reports page on those decisions, docs/reports-1366x768.png and docs/reports-1920x1080.png; a
foreign cartridge's answer, docs/scan-answer-1366x768.png; every page opened by its key at both
bench sizes with the keyboard map closed and open, docs/screens/PAGE-WxH-map-STATE.png; the
denial accepted, docs/accepted-1366x768.png; and at both sizes the dock's Check-in page after a cart of
parcels, docs/screens/check-in-parcels-WxH.png, and a parcel without an RMA at the bench (F12), its
items weighed, docs/screens/no-rma-WxH.png, then recorded, docs/screens/no-rma-recorded-WxH.png; and
the RMA desk's three tabs at both sizes, docs/screens/rma-desk-TAB-WxH.png: a customer's orders found,
the open returns without an RMA with the first one's items, and the aging lists; and, signed in as the
demo's admin, the Policies page's "Draft and replay" comparison of a draft with a higher fill threshold
replayed over the demo's units received, docs/screens/policy-replay-WxH.png.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py --only policy-replay

saves the comparison alone.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSize, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from receiving_app.bootstrap import bootstrap, fill_demo_data  # noqa: E402
from receiving_app.domain.scan import parse_scan  # noqa: E402
from receiving_app.gui.app import StationSession  # noqa: E402
from receiving_app.gui.keyboard_map import Command, page_binding  # noqa: E402
from receiving_app.gui.style import apply_station_style  # noqa: E402
from scripts.demo_history import receive_history  # noqa: E402

WINDOW_SIZE = QSize(1920, 1080)  # the commonest bench monitor
REPORT_SIZES = (QSize(1366, 768), QSize(1920, 1080))
DESK_ORDER = "SO-0000201"  # the demo's first order nothing has been returned from
UNKNOWN_UPS_LABELS = ("1Z5R89390357567127", "1Z879E930346834440")  # valid UPS numbers no demo RMA carries
ADMIN = ("admin", "admin-demo")  # the demo's admin and password
REPLAY_SELLER = "image-pro-services"
REPLAY_THRESHOLD = "0.25"  # the draft's fill threshold, up from 10 %
HISTORY_UNITS = 150  # received before the replay, the fills of scripts/demo_history.py in turn


def wait_until(app: QApplication, condition: Callable[[], bool], what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"screenshots: gave up waiting for {what}")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # 256 colours are plenty for a window's flat colours and keep docs/ a quarter of the size.
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8, flags)
    if not image.save(str(path)):
        raise SystemExit(f"screenshots: could not write {path}")
    print(f"wrote {path}")


def save_reports_page(app: QApplication, window, out: Path) -> None:
    """The Reports page on today's decisions, at each of the bench's screen sizes."""
    navigation = window.ui.navigationList
    navigation.setCurrentItem(navigation.findItems("Reports", Qt.MatchFlag.MatchExactly)[0])
    page = window.ui.pageStack.currentWidget()
    wait_until(app, lambda: page.report is not None, "the day's report")
    for size in REPORT_SIZES:
        window.fit_to_screen(size)
        settle(app, 0.5)
        save(window, out / f"reports-{size.width()}x{size.height()}.png")


def save_scan_answer(app: QApplication, window, runner, out: Path) -> None:
    """A cartridge of another RMA scanned at a 1366x768 bench: the answer names its UPC, every digit
    of it, and the catalog product it is."""
    screen = window.receiving
    window.fit_to_screen(QSize(1366, 768))
    on_rma = {line.upc for line in screen.rma.lines}
    screen.handle_scan(parse_scan(next(upc for upc in ("082002977276", "086931098026") if upc not in on_rma)))
    wait_until(app, lambda: "is not on" in screen.feedback_text and not runner.busy, "the foreign cartridge's answer")
    settle(app, 0.3)
    save(window, out / "scan-answer-1366x768.png")


def save_pages_by_key(app: QApplication, window, station, runner, out: Path) -> None:
    """Every page opened by its key alone (Ctrl+1 to Ctrl+6) at each bench size, the focus ring on the
    control the keys go to and the day's count in the status bar (two units received beforehand)."""
    from PySide6.QtTest import QTest

    from receiving_app.domain.facts import Condition, Flags
    from receiving_app.domain.weight_capture import WeightCapture
    from receiving_app.services.commands import ReceiveLine

    rma = next(rma for rma in station.history.list_rmas("open") if len(rma.lines) >= 2)
    for line in rma.lines[:2]:  # found as sold, weighed full
        full = WeightCapture(line.full_g, "g", line.full_g, True, "manual")
        station.receiving.receive(
            ReceiveLine(
                rma.number,
                line.line,
                "receiver",
                station.settings.station_id,
                condition=Condition.as_sold(),
                flags=Flags.as_sold(),
                weight=full,
            )
        )
    navigation = window.ui.navigationList
    titles = [navigation.item(row).text() for row in range(navigation.count())]
    for size in REPORT_SIZES:
        window.fit_to_screen(size)
        for map_state in ("closed", "open"):
            if window.ui.keyboardMapDock.isVisible() != (map_state == "open"):
                QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
            for title in [*titles[1:], titles[0]]:  # Receiving last, by Ctrl+1
                binding = page_binding(title)
                QTest.keyClick(QApplication.focusWidget() or window, binding.key, binding.modifiers)
                wait_until(app, lambda: not runner.busy, f"the {title} page")
                settle(app, 0.3)
                name = f"{title.lower().replace(' ', '-')}-{size.width()}x{size.height()}-map-{map_state}.png"
                save(window, out / "screens" / name)


def save_accepted(app: QApplication, window, runner, out: Path) -> None:
    """Enter on the previewed denial at a 1366x768 bench: the answer says where the notice went, saved
    to the station's folder rather than printed, and the line list shows the line decided."""
    window.fit_to_screen(QSize(1366, 768))
    screen = window.receiving
    screen.handle_command(Command.ACCEPT)

    def saved() -> bool:
        # The feedback names the plate and route first, then where the papers went ("Saved to folder DN-…").
        return "saved to folder" in screen.feedback_text.lower() and not runner.busy

    wait_until(app, saved, "the accepted denial")
    settle(app, 0.3)
    save(window, out / "accepted-1366x768.png")


def save_check_in(app: QApplication, window, station, size: QSize, out: Path) -> None:
    """The Check-in page after a cart: RMA labels, carriers' barcodes, a label that names nothing, and a
    parcel scanned twice, the last answer on the banner."""
    arrived = {rma for _kind, rma in _parcels(station)}
    waiting = [rma for rma in station.history.list_rmas("open") if rma.number not in arrived and rma.tracking_numbers]
    window.fit_to_screen(size)
    navigation = window.ui.navigationList
    navigation.setCurrentItem(navigation.findItems("Check-in", Qt.MatchFlag.MatchExactly)[0])
    page = window.ui.pageStack.currentWidget()
    answers: list[object] = []
    page.answered.connect(answers.append)
    first, *tracked = waiting[:4]
    labels = [first.number, *(rma.tracking_numbers[0] for rma in tracked), "STORE RETURN 55", first.number]
    for label in labels:
        page.take_scan(parse_scan(label))
    wait_until(app, lambda: len(answers) == len(labels), "the cart")
    settle(app, 0.3)
    save(window, out / "screens" / f"check-in-parcels-{size.width()}x{size.height()}.png")


def save_parcel_without_rma(app: QApplication, window, runner, size: QSize, label: str, out: Path) -> None:
    """At the bench, before any RMA is open: ``label``, a carrier's number no RMA carries, F12, the sender
    and notes typed, two cartridges scanned and weighed on the demo's scale; then Enter, and the
    return's number, plate and place."""
    window.fit_to_screen(size)
    screen = window.receiving
    screen.handle_scan(parse_scan(label))
    wait_until(app, lambda: "F12" in screen.feedback_text and not runner.busy, "the unknown label")
    screen.handle_command(Command.UNIDENTIFIED)
    panel = screen.unidentified.panel
    panel.ui.senderEdit.setText("J. Doe, 12 Elm Street, Springfield")
    panel.ui.notesEdit.setText("No paperwork inside; box crushed on one corner")
    wait_until(app, lambda: not runner.busy, "the catalog")
    for code in ("082002977276", "CN-PG245XL"):
        screen.handle_scan(parse_scan(code))
        wait_until(app, lambda: panel.weight.captured is not None, f"the weight of {code}")
    settle(app, 0.3)
    save(window, out / "screens" / f"no-rma-{size.width()}x{size.height()}.png")
    screen.handle_command(Command.ACCEPT)
    wait_until(app, lambda: "recorded, 2 items" in screen.feedback_text and not runner.busy, "the recorded return")
    settle(app, 0.3)
    save(window, out / "screens" / f"no-rma-recorded-{size.width()}x{size.height()}.png")
    screen.handle_command(Command.ACCEPT)  # back to the bench


def save_rma_desk(app: QApplication, window, station, size: QSize, out: Path) -> None:
    """The RMA desk's tabs: a customer's orders found by their account, the returns without an RMA (the
    first one's items under them), and what waits past its limit."""
    window.fit_to_screen(size)
    navigation = window.ui.navigationList
    navigation.setCurrentItem(navigation.findItems("RMA desk", Qt.MatchFlag.MatchExactly)[0])
    page = window.ui.pageStack.currentWidget()
    tab = page.new_rma
    page.show_tab(tab)
    tab.ui.orderSearchEdit.setText(DESK_ORDER)
    tab.finder.find()
    wait_until(app, lambda: tab.finder.orders.rowCount() > 0 and not page.busy, "the order")
    tab.show_order(DESK_ORDER)
    wait_until(app, lambda: tab.lines.first_quantity() is not None and not page.busy, "the order's lines")
    first = tab.lines.first_quantity()
    assert first is not None
    first.setValue(first.maximum())
    tab.ui.reasonCombo.setCurrentIndex(tab.ui.reasonCombo.findData("defective"))
    wait_until(app, lambda: not page.busy, "the policy's check")
    for name, shown in (("new", tab), ("unidentified", page.unidentified), ("aging", page.aging)):
        page.show_tab(shown)
        wait_until(app, lambda: not page.busy, f"the RMA desk's {name} tab")
        settle(app, 0.3)
        save(window, out / "screens" / f"rma-desk-{name}-{size.width()}x{size.height()}.png")


def sign_in_as(app: QApplication, session, name: str, secret: str):
    """The window of ``name``, signed in afresh (whoever was signed in signs out first)."""
    if session.window is not None:
        session.window.sign_out_requested.emit()
        wait_until(app, lambda: session.window is None, "the sign-out")
    session.sign_in.ui.nameEdit.setText(name)
    session.sign_in.ui.secretEdit.setText(secret)
    session.sign_in.sign_in()
    wait_until(app, lambda: session.window is not None and session.user is not None, f"{name}'s sign-in")
    return session.window


def save_policy_replay(app: QApplication, session, station, out: Path) -> None:
    """The Policies page's "Draft and replay" tab, signed in as the admin: a draft of Image-Pro's policy
    whose fill threshold is REPLAY_THRESHOLD, replayed over the demo's history of the last thirty days,
    at each bench size."""
    print(f"received {receive_history(station, HISTORY_UNITS)} units to replay over")
    drafts, name = station.policy_drafts, f"{REPLAY_SELLER}-fill"
    drafts.start(name, REPLAY_SELLER, user=ADMIN[0], station=station.settings.station_id)
    changes = {"fill_rule.minimum_fraction": REPLAY_THRESHOLD}
    drafts.revise(name, changes, user=ADMIN[0], station=station.settings.station_id)
    window = sign_in_as(app, session, *ADMIN)
    window.fit_to_screen(REPORT_SIZES[0])
    navigation = window.ui.navigationList
    navigation.setCurrentItem(navigation.findItems("Policies", Qt.MatchFlag.MatchExactly)[0])
    page = window.ui.pageStack.currentWidget()
    page.show_policy(REPLAY_SELLER)
    page.tabs.setCurrentIndex(1)  # Draft and replay
    panel = page.draft_panel
    wait_until(app, lambda: panel.draft is not None and panel.draft.name == name, "the stored draft")
    reports: list[object] = []
    panel.replayed.connect(reports.append)
    panel.replay()
    wait_until(app, lambda: bool(reports) and not panel.runner.busy, "the replay", timeout=60.0)
    for size in REPORT_SIZES:
        window.fit_to_screen(size)
        if window.ui.keyboardMapDock.isVisible():  # F1, as the admin closes it: the comparison gets its room
            window.route_key(window, Qt.Key.Key_F1, "")
        settle(app, 0.5)
        save(window, out / "screens" / f"policy-replay-{size.width()}x{size.height()}.png")


def _parcels(station) -> list[tuple[str, str | None]]:
    """Each parcel's kind and RMA: the demo's RMAs already checked in are not scanned again."""
    from sqlalchemy import select

    from receiving_app.persistence.parcel_tables import ParcelRow
    from receiving_app.persistence.rma_tables import RmaRow

    with station.units.read() as uow:
        query = select(ParcelRow.label_kind, RmaRow.number).outerjoin(RmaRow, ParcelRow.rma_id == RmaRow.id)
        return [tuple(row) for row in uow.session.execute(query)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--only", choices=["policy-replay"], help="save these screenshots alone")
    arguments = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="receiving-screenshots-"))
    settings = {
        "station_id": "bench-1",
        "scale": {"protocol": "simulated", "settle_readings": "2"},
    }
    (folder / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    station = bootstrap(f"sqlite:///{folder / 'demo.sqlite3'}", settings_path=folder / "settings.json")
    fill_demo_data(station, rmas=200, seed=1)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_station_style(app)
    session = StationSession(station.settings, lambda: station)
    session.start()
    if arguments.only == "policy-replay":
        save_policy_replay(app, session, station, arguments.out)
        return finish(session, station)
    sign_in = session.sign_in
    sign_in.ui.nameEdit.setText("receiver")
    sign_in.ui.secretEdit.setText("1111")
    settle(app, 0.3)
    save(sign_in, arguments.out / "sign-in.png")
    sign_in.sign_in()
    wait_until(app, lambda: session.window is not None, "the sign-in")

    window = session.window
    screen, runner = window.receiving, session.runner
    for size, label in zip(REPORT_SIZES, UNKNOWN_UPS_LABELS, strict=True):
        save_parcel_without_rma(app, window, runner, size, label, arguments.out)
    window.fit_to_screen(WINDOW_SIZE)
    rma = next(
        rma for rma in station.history.list_rmas("open") if len(rma.lines) >= 3 and rma.policy == "image-pro-services"
    )

    screen.handle_scan(parse_scan(rma.number))
    wait_until(app, lambda: screen.rma is not None and screen.weight_panel.captured is not None, "the first weight")
    screen.handle_command(Command.AS_SOLD)  # the clerk's one deliberate key: new and sealed, as sold
    wait_until(
        app, lambda: screen.decision_panel.outcome not in ("", "waiting") and not runner.busy, "the first decision"
    )
    settle(app, 0.5)
    save(window, arguments.out / "receiving.png")

    third = rma.lines[2]  # the demo scale puts a nearly empty cartridge on line 3
    screen.handle_scan(parse_scan(third.upc or third.sku))  # scanning the cartridge picks its line
    wait_until(app, lambda: screen.weight_panel.captured is not None, "the third line's weight")
    screen.handle_command(Command.OPENED_AS_SOLD)  # a used cartridge: opened, otherwise as sold
    wait_until(app, lambda: screen.decision_panel.outcome not in ("", "waiting") and not runner.busy, "the denial")
    settle(app, 0.5)
    save(window, arguments.out / "decision.png")
    save_scan_answer(app, window, runner, arguments.out)
    save_reports_page(app, window, arguments.out)
    save_pages_by_key(app, window, station, runner, arguments.out)
    save_accepted(app, window, runner, arguments.out)
    for size in REPORT_SIZES:
        save_check_in(app, window, station, size, arguments.out)
    for size in REPORT_SIZES:
        save_rma_desk(app, window, station, size, arguments.out)
    save_policy_replay(app, session, station, arguments.out)
    return finish(session, station)


def finish(session, station) -> int:
    if session.window is not None:
        session.window.close()
    session.shut_down()
    station.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
