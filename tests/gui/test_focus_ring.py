"""A visible focus ring on every control the keyboard reaches: for each kind of focusable control on
the station's pages, the station's style sheet has a :focus rule for it, and the control drawn with
the focus shows the ring's colour (a spin box, its tint) where the same control without it does not."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QWidget

from receiving_app.gui.app import station_window
from receiving_app.gui.main_window import MainWindow
from receiving_app.gui.style import FOCUS_COLOUR, FOCUS_RING_STYLE, FOCUS_TINT
from tests.support.demo_rmas import open_rmas
from tests.support.demo_users import USERS
from tests.support.gui_keyboard import open_rma, wait_until_idle
from tests.support.gui_session import on_screen


@pytest.fixture
def window(qtbot, station, runner, wedge) -> MainWindow:
    """The window as an admin sees it (every control of the Catalog and Settings enabled)."""
    yield on_screen(qtbot, station_window(station, USERS["admin"], runner, wedge, None), size=QSize(1600, 1000))
    wait_until_idle(qtbot, runner)


def qt_class(widget: QWidget) -> type:
    """The widget's Qt class, under the station's own subclasses."""
    return next(cls for cls in type(widget).__mro__ if cls.__module__.startswith("PySide6"))


def takes_focus_itself(widget: QWidget) -> bool:
    """A control Tab stops at; a scroll area's viewport takes focus for its scroll area."""
    parent = widget.parentWidget()
    is_viewport = isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None and not is_viewport


def focusable_controls(page: QWidget) -> list[QWidget]:
    """The shown controls of ``page`` the keyboard can reach."""
    return [
        widget
        for widget in page.findChildren(QWidget)
        if takes_focus_itself(widget) and widget.isVisible() and widget.isEnabled()
    ]


def colour_pixels(image: QImage, colour: str, *, band: int | None = None) -> int:
    """Pixels of ``colour`` in the image, or in its outer ``band`` px only (where a ring is drawn)."""
    wanted = QColor(colour)
    width, height = image.width(), image.height()
    points = (
        (x, y)
        for y in range(height)
        for x in (
            range(width)
            if band is None or y < band or y >= height - band
            else (*range(band), *range(width - band, width))
        )
    )
    return sum(
        1
        for x, y in points
        if abs(image.pixelColor(x, y).red() - wanted.red()) <= 12
        and abs(image.pixelColor(x, y).green() - wanted.green()) <= 12
        and abs(image.pixelColor(x, y).blue() - wanted.blue()) <= 12
    )


def has_focus_rule(cls: type) -> bool:
    names = [base.__name__ for base in cls.__mro__]
    return any(
        f"{name}:focus" in FOCUS_RING_STYLE or f"{name}::tab:selected:focus" in FOCUS_RING_STYLE for name in names
    )


def drawn(widget: QWidget, focused: bool, elsewhere: QWidget) -> QImage:
    (widget if focused else elsewhere).setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert widget.hasFocus() is focused
    return widget.grab().toImage()


def ring_shown(widget: QWidget, elsewhere: QWidget) -> int:
    """How many more pixels of the ring (a spin box: of its tint) the widget shows with the focus."""
    if isinstance(widget, QAbstractSpinBox):
        return colour_pixels(drawn(widget, True, elsewhere), FOCUS_TINT) - colour_pixels(
            drawn(widget, False, elsewhere), FOCUS_TINT
        )
    return colour_pixels(drawn(widget, True, elsewhere), FOCUS_COLOUR, band=2) - colour_pixels(
        drawn(widget, False, elsewhere), FOCUS_COLOUR, band=2
    )


def test_every_focusable_control_on_the_pages_wears_the_ring_when_focused(
    qtbot, window, keyboard, station, runner
) -> None:
    assert QApplication.instance().styleSheet() == FOCUS_RING_STYLE
    open_rma(qtbot, window, keyboard, runner, open_rmas(station, lines=3)[0])  # the inspection's controls enabled
    pages, checked, unseen = window.ui.navigationList, {}, []
    for row in range(pages.count()):
        pages.setCurrentRow(row)
        wait_until_idle(qtbot, runner)
        # The Reports page draws its charts anew once its report has come: a control gone meanwhile
        # is looked for again among the page's controls as they are then.
        for _look in range(3):
            gone = False
            for widget in focusable_controls(window.ui.pageStack.currentWidget()):
                cls = qt_class(widget) if shiboken6.isValid(widget) else None
                if cls is None or cls in checked:
                    continue
                assert has_focus_rule(cls), f"no :focus rule for {cls.__name__}"
                try:
                    shown = ring_shown(widget, elsewhere=pages)  # the page list is always on screen
                except RuntimeError:
                    if shiboken6.isValid(widget):
                        raise
                    gone = True
                    continue
                checked[cls] = shown
                if shown < min(widget.width(), widget.height()):
                    unseen.append(f"{cls.__name__} {widget.objectName()}: {shown} px")
            if not gone:
                break
    # The pages' kinds of control, at the least: one added without a rule fails above.
    assert {cls.__name__ for cls in checked} >= {
        "QPushButton",
        "QLineEdit",
        "QComboBox",
        "QCheckBox",
        "QTableView",
        "QListWidget",
        "QSpinBox",
        "QDateEdit",
        "QTabBar",
        "QTextBrowser",
    }
    assert unseen == []
