"""The Reports page's charts on the bench's screens, 1366x768 and 1920x1080, with the keyboard map shown
and hidden, on a crowded day (five-figure refunds, all ten denial reasons, every fill level, units on
every route): each
chart keeps its minimum size, two sit side by side where two fit, the page never scrolls sideways,
and every title, axis label and bar figure is drawn whole ("$356.45", never "56.45" or "Origina...").

The page is shown alone in the area the station window gives a page on each screen (measured with
the window fitted to the screen: the navigation list takes 160 px and the keyboard map 390 px more),
so that these checks hold whatever else the window is doing."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import combinations

import pytest
from PySide6.QtCore import QSize, Qt

from receiving_app.domain.decision import DENIAL_CODES
from receiving_app.domain.money import Money
from receiving_app.gui.pages.report_charts import CHART_MINIMUM
from receiving_app.gui.pages.reports import ReportsPage
from receiving_app.services.report_model import (
    BenchReport,
    FeesCollected,
    FillLevels,
    OutcomeCount,
    ReasonCount,
    RefundsByMethod,
    RouteCount,
    identifier_words,
)
from tests.support.chart_texts import drawn_texts
from tests.support.demo_users import USERS

WAIT_MS = 15_000
ALL_AXES = Qt.Orientation.Horizontal | Qt.Orientation.Vertical
# The page's area in the station window fitted to each screen, by whether the keyboard map is shown.
PAGE_AREAS = {
    ("1366x768", False): QSize(1182, 715),
    ("1366x768", True): QSize(798, 715),
    ("1920x1080", False): QSize(1736, 1027),
    ("1920x1080", True): QSize(1340, 1027),
}
DAY = date(2026, 3, 2)
REASONS = sorted(DENIAL_CODES)
FILL_BUCKETS = (3, 0, 12, 7, 1, 0, 9, 4, 2, 118)
# Every route of the shipped routing file, as its labels read: the longest must be drawn whole too.
ROUTES = (
    RouteCount("quarantine", "Quarantine", 2, None),
    RouteCount("hold_for_customer", "Hold for the customer", 14, None),
    RouteCount("return_to_vendor", "Return to vendor", 9, None),
    RouteCount("restock_new", "Back to stock, new", 318, None),
    RouteCount("restock_open_box", "Back to stock, open box", 57, None),
    RouteCount("empties_virgin", "Virgin empty", 71, Money(Decimal("213.00"))),
    RouteCount("oem_recycling", "HP recycling", 48, None),
    RouteCount("empties_other", "Other empties", 26, None),
    RouteCount("scrap", "Scrap", 4, None),
)


def _refunds(method: str, lines: int, amount: str) -> RefundsByMethod:
    zero = Money.zero()
    return RefundsByMethod(method, lines, Money(Decimal(amount)), zero, zero, zero, Money(Decimal(amount)))


CROWDED_DAY = BenchReport(
    kind="daily",
    day=DAY,
    start=datetime.combine(DAY, time()),
    end=datetime.combine(DAY + timedelta(days=1), time()),
    station=None,
    generated_at=datetime.combine(DAY, time(17, 30)),
    personal_data=False,
    outcomes=(OutcomeCount("refund", 412), OutcomeCount("replacement", 37), OutcomeCount("denied", 156)),
    refunds_by_method=(
        _refunds("original_payment", 380, "12356.45"),
        _refunds("account_credit", 31, "356.45"),
        _refunds("none", 1, "0.00"),
    ),
    fees=FeesCollected(12, Money(Decimal("1234.50"))),
    denials_by_reason=tuple(ReasonCount(code, 40 - 3 * index) for index, code in enumerate(REASONS)),
    denied_fill=FillLevels(sum(FILL_BUCKETS), 0, Decimal("0.01"), Decimal("0.93"), Decimal("1"), FILL_BUCKETS),
    operators=(),
    stations=(),
    overrides=(),
    holds=(),
    routes=ROUTES,
)

EXPECTED_WORDS = {
    "outcomes": {"Lines received by outcome", "Refund", "Replacement", "Denied", "412", "37", "156"},
    "refunds": {"Refunds by method ($)", "Original payment", "Account credit", "$12,356.45", "$356.45", "$0.00"},
    "denials": {"Denials by reason", *(identifier_words(code) for code in REASONS), "40", "13"},
    "fill": {
        "Fill level left in denied cartridges",
        *(FillLevels.bucket_label(index) for index in range(10)),
        *(str(count) for count in FILL_BUCKETS),
    },
    "routes": {"Units by route", *(route.label for route in ROUTES), *(str(route.units) for route in ROUTES)},
}

SCREENS = [
    pytest.param((screen, map_shown), id=f"{screen}-map-{'shown' if map_shown else 'hidden'}")
    for screen, map_shown in PAGE_AREAS
]


@pytest.fixture
def reports(request, qtbot, station, monkeypatch) -> ReportsPage:
    """The Reports page on the crowded day, in the area a page gets on the screen."""
    monkeypatch.setattr(station.reports, "daily", lambda *args, **kwargs: CROWDED_DAY)
    page = ReportsPage(station, USERS["admin"])  # an admin: the widest controls
    qtbot.add_widget(page)
    page.resize(PAGE_AREAS[request.param])
    with qtbot.waitSignal(page.report_shown, timeout=WAIT_MS):
        page.show()
    qtbot.waitUntil(lambda: all(view.chart().plotArea().width() > 0 for view in page.chartViews.values()))
    return page


@pytest.mark.parametrize("reports", SCREENS, indirect=True)
def test_the_charts_fit_the_screen_and_draw_every_word_whole(reports, request) -> None:
    screen, map_shown = request.node.callspec.params["reports"]
    scroll, views = reports.ui.reportScroll, reports.chartViews

    # Each chart at least its minimum size, two side by side where two fit, nothing past the page's edge.
    assert scroll.horizontalScrollBar().maximum() == 0
    for key, view in views.items():
        assert view.minimumWidth() >= CHART_MINIMUM.width() and view.minimumHeight() >= CHART_MINIMUM.height()
        assert view.width() >= view.minimumWidth() and view.height() >= view.minimumHeight(), key
        left = view.mapTo(scroll.viewport(), view.rect().topLeft()).x()
        assert left >= 0 and left + view.width() <= scroll.viewport().width(), f"{key} runs past the page's edge"
    side_by_side = views["outcomes"].y() == views["refunds"].y() and views["denials"].y() == views["fill"].y()
    assert side_by_side == (screen == "1920x1080" or not map_shown)  # beside the map, 1366 px hold one
    if not side_by_side:
        assert len({view.x() for view in views.values()}) == 1

    # Every title, axis label and bar figure drawn whole, inside its chart, over no other.
    for key, view in views.items():
        texts = drawn_texts(view)
        viewport = view.viewport().rect().toRectF()
        assert EXPECTED_WORDS[key] <= {text.text for text in texts}, key
        for text in texts:
            assert not text.cut_short, f"{key}: {text.text!r}"
            assert viewport.contains(text.rect), f"{key}: {text.text!r} at {text.rect} runs out of {viewport}"
            assert text.room_short_by < 1, f"{key}: {text.text!r} has {text.rect.width()} px"
        for first, second in combinations(texts, 2):
            overlap = first.rect.intersected(second.rect)
            assert overlap.width() < 2 or overlap.height() < 2, f"{key}: {first.text!r} over {second.text!r}"
        assert not any(axis.labelsTruncated() for axis in view.chart().axes(ALL_AXES)), key
