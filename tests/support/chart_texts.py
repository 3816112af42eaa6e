"""The words a Qt Charts view draws, read back from its scene: what each one says, where it is on the
view, and in which font, so a test can check that no title, axis label or bar figure is cut short
("Origina...") or drawn past the view's edge ("56.45" for "$356.45").

Qt Charts draws its titles and axis labels as QGraphicsTextItems of private classes, which PySide
hands out as bare QGraphicsItems; they are wrapped again as what they are to read their text.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem, QGraphicsTextItem

TEXT_ITEM_TYPE = 8  # QGraphicsTextItem::Type
SIMPLE_TEXT_ITEM_TYPE = 9  # QGraphicsSimpleTextItem::Type
ELLIPSES = ("...", "…")


@dataclass(frozen=True)
class DrawnText:
    text: str
    rect: QRectF  # in the view's viewport, as drawn
    font: QFont

    @property
    def cut_short(self) -> bool:
        return any(ellipsis in self.text for ellipsis in ELLIPSES)

    @property
    def room_short_by(self) -> float:
        """How many px narrower the room drawn is than the font needs for the text (0 when it fits)."""
        return max(0.0, QFontMetricsF(self.font).horizontalAdvance(self.text) - self.rect.width())


def drawn_texts(view: QChartView) -> list[DrawnText]:
    """Every non-empty, visible piece of text in the chart view's scene."""
    texts = []
    for item in view.scene().items():
        if not item.isVisible():
            continue
        text_and_font = _text_and_font(item)
        if text_and_font is None or not text_and_font[0].strip():
            continue
        text, font = text_and_font
        rect = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        texts.append(DrawnText(text, QRectF(rect), font))
    return texts


def _text_and_font(item: QGraphicsItem) -> tuple[str, QFont] | None:
    if item.type() == SIMPLE_TEXT_ITEM_TYPE and isinstance(item, QGraphicsSimpleTextItem):
        return item.text(), item.font()
    if item.type() == TEXT_ITEM_TYPE:
        graphics_object = item.toGraphicsObject()
        text_item = shiboken6.wrapInstance(shiboken6.getCppPointer(graphics_object)[0], QGraphicsTextItem)
        return text_item.toPlainText(), text_item.font()
    return None
