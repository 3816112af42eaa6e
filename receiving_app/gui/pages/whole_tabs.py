"""A tab bar that draws a tab whole or not at all.

Where the tabs need more room than the bar has, Qt puts its scroll arrows at the bar's end and draws
the tab they fall across in part, its title cut ("Stock add"): a clerk reads that as the tab's name.
This bar leaves such a tab out, blank (no click, no tooltip there), until the arrows or the keyboard
bring it whole into view; Qt's own layout, scrolling and keyboard handling are kept. Titles are never
elided either ("Sto…"): a short title fits, and the tab's tooltip can carry a longer one.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QMouseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QStyle,
    QStyleOptionTab,
    QStylePainter,
    QTabBar,
    QTabWidget,
    QToolButton,
    QToolTip,
    QWidget,
)


class WholeTabBar(QTabBar):
    """A horizontal tab bar whose tabs are drawn whole or left blank, never cut by its scroll arrows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qt_tabwidget_tabbar")  # the name Qt gives the bar it makes for a tab widget
        # As on the bar Qt makes for a tab widget: the widget's frame draws the line under the tabs.
        self.setDrawBase(False)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.setUsesScrollButtons(True)

    def scrolling(self) -> bool:
        """Whether the tabs need more room than the bar has, so that its scroll arrows are shown."""
        return any(not arrow.isHidden() for arrow in self.arrows())

    def tab_room(self) -> QRect:
        """The part of the bar tabs are drawn in: all of it, or what the scroll arrows leave."""
        room = self.rect()
        for arrow in self.arrows():
            if arrow.isHidden():
                continue
            if arrow.geometry().center().x() >= room.center().x():
                room.setRight(min(room.right(), arrow.geometry().left() - 1))
            else:
                room.setLeft(max(room.left(), arrow.geometry().right() + 1))
        return room

    def whole_tabs(self) -> list[int]:
        """The tabs drawn, as now scrolled: those that lie whole in the room the arrows leave."""
        room = self.tab_room()
        shown = (index for index in range(self.count()) if self.isTabVisible(index))
        return [index for index in shown if room.contains(self.tabRect(index))]

    def arrows(self) -> list[QToolButton]:
        """Qt's scroll arrows, shown or not."""
        return self.findChildren(QToolButton, options=Qt.FindChildOption.FindDirectChildrenOnly)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.scrolling():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        current = self.currentIndex()
        whole = self.whole_tabs()
        # The current tab last, as Qt draws it, so that its raised edges lie over its neighbours'.
        for index in sorted(whole, key=lambda index: index == current):
            option = QStyleOptionTab()
            self.initStyleOption(option, index)
            painter.drawControl(QStyle.ControlElement.CE_TabBarTab, option)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._blank_at(event.position().toPoint()):
            event.ignore()  # nothing is drawn there to click
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._blank_at(event.pos()):
            QToolTip.hideText()  # nothing is drawn there to explain
            return True
        return super().event(event)

    def _blank_at(self, point: QPoint) -> bool:
        index = self.tabAt(point)
        return index >= 0 and self.scrolling() and index not in self.whole_tabs()


def give_whole_tab_bar(tabs: QTabWidget) -> WholeTabBar:
    """Puts a ``WholeTabBar`` on ``tabs`` in place of Qt's, keeping its pages, their titles and the page
    shown. Qt takes a new bar only from a tab widget without tabs, so the pages are taken off and put back."""
    pages = [(tabs.widget(index), tabs.tabText(index), tabs.tabToolTip(index)) for index in range(tabs.count())]
    shown = tabs.currentIndex()
    while tabs.count():
        tabs.removeTab(0)  # the page is kept, not deleted
    bar = WholeTabBar(tabs)
    tabs.setTabBar(bar)
    # Made last, the bar and its arrows would come last in the window's focus ring: Tab is to reach them
    # where it reached Qt's, just after the tab widget (which Qt passes over while the bar is its proxy).
    tabs.setFocusProxy(None)
    for before, after in pairwise((tabs, bar, *bar.arrows())):
        QWidget.setTabOrder(before, after)
    tabs.setFocusProxy(bar)
    for page, title, tooltip in pages:
        tabs.setTabToolTip(tabs.addTab(page, title), tooltip)
    tabs.setCurrentIndex(shown)
    return bar
