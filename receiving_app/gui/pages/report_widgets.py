"""The Reports page's widgets that its form does not hold: the figures and tabs of where the day's units
went, the tab of cartridges held for their customers and the Aging tab, each made as the form makes its
own; and the currencies a report may be made in."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QFrame,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

# A style sheet, not setFont: under the station's style sheet a font set on a widget is lost when the
# window takes the page in.
TILE_VALUE_STYLE = "font-size: 22pt; font-weight: bold;"
HOLDS_ENDING_EMPTY = "No customer's cartridge has a hold ending within a week."
HOLDS_ENDING_NOTE = (
    "From its day a hold is ended with `receiving-app holds end`; a cartridge the customer asked back:"
    " `receiving-app holds reclaim LP… --tracking …`."
)


def offer_currencies(label: QLabel, choice: QComboBox, currencies: set[str]) -> None:
    """A report adds up one currency: where the sellers' policies name two or more, the page offers them, one
    report for each; with one, there is nothing to choose and the list stays out of sight."""
    choice.addItems(sorted(currencies))
    for widget in (label, choice):
        widget.setVisible(len(currencies) > 1)


def figure_tile(area: QWidget, stem: str, caption_text: str) -> tuple[QFrame, QLabel]:
    """A figure's tile as the form draws the others: its caption over its value."""
    tile = QFrame(area)
    tile.setObjectName(f"{stem}Tile")
    tile.setFrameShape(QFrame.Shape.StyledPanel)
    column = QVBoxLayout(tile)
    caption = QLabel(caption_text, tile)
    caption.setObjectName(f"{stem}Caption")
    value = QLabel("–", tile)
    value.setObjectName(f"{stem}Value")
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    value.setAccessibleName(caption_text)
    value.setStyleSheet(TILE_VALUE_STYLE)
    column.addWidget(caption)
    column.addWidget(value)
    return tile, value


def sorting_table(tabs: QTabWidget, before: QWidget, stem: str, title: str) -> QTableView:
    """A table as the form makes the others, on its own tab before ``before``'s, as the PDF orders them."""
    table = report_table(stem)
    tabs.insertTab(tabs.indexOf(before), table, title)
    return table


@dataclass(frozen=True)
class HoldsEndingTab:
    table: QTableView
    empty: QLabel
    """Shown in the table's place while there is no row."""
    note: QLabel


def holds_ending_tab(tabs: QTabWidget, title: str) -> HoldsEndingTab:
    """The last tab: the cartridges held for customers whose hold ends soon, or a sentence saying there
    are none, over a note of the commands that end a hold."""
    page = QWidget()
    page.setObjectName("heldPage")
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    empty = QLabel(HOLDS_ENDING_EMPTY, page)
    empty.setObjectName("heldEmptyLabel")
    empty.setWordWrap(True)
    table = report_table("held")
    # The commands in the note as code; selectable, so that they can be copied into a terminal.
    note = QLabel(HOLDS_ENDING_NOTE, page)
    note.setObjectName("heldNoteLabel")
    note.setTextFormat(Qt.TextFormat.MarkdownText)
    note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    note.setWordWrap(True)
    column.addWidget(empty, 1, Qt.AlignmentFlag.AlignTop)
    column.addWidget(table, 1)
    column.addWidget(note)
    empty.setVisible(False)
    tabs.addTab(page, title)
    return HoldsEndingTab(table, empty, note)


AGING_NOTE = (
    "As of the day's end, or now for today. The PDF prints the five oldest of each list;"
    " `receiving-app aging` lists them all."
)


@dataclass(frozen=True)
class AgingTab:
    counts: QTableView
    """One row per list: how many are late, when that is, what to do."""
    oldest: QTableView
    """What is late, oldest first within each list."""
    note: QLabel


def aging_tab(tabs: QTabWidget, title: str) -> AgingTab:
    """The last tab: the counts of what waits longer than it should over the oldest of each, with a note."""
    page = QWidget()
    page.setObjectName("agingPage")
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    counts, oldest = report_table("agingCounts"), report_table("aging")
    # Four rows, always: the counts take the height they need and the oldest the rest.
    counts.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    counts.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    note = QLabel(AGING_NOTE, page)
    note.setObjectName("agingNoteLabel")
    note.setTextFormat(Qt.TextFormat.MarkdownText)
    note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    note.setWordWrap(True)
    column.addWidget(counts)
    column.addWidget(oldest, 1)
    column.addWidget(note)
    tabs.addTab(page, title)
    return AgingTab(counts, oldest, note)


def report_table(stem: str) -> QTableView:
    """A read-only, row-selecting table, as the form makes the report's others."""
    table = QTableView()
    table.setObjectName(f"{stem}Table")
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return table
