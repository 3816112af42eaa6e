"""The clerk's running count in the status bar: lines, cartridges and refunds today, theirs and the
station's. Read in the background after each decision and at sign-in; the window never waits for it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from receiving_app.domain.money_text import money_text
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.style import BASE_POINT_SIZE, sized_font
from receiving_app.services.day_counts import DayCount, DayCountService, WorkDone

COUNT_KEY = "day-count"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def work_words(work: WorkDone) -> str:
    """ "12 lines, 14 cartridges, $431.20"; a bench serving sellers in two currencies adds them apart
    ("$431.20 + €12.00"), and before the first decision there is nothing to add ("nothing")."""
    refunded = " + ".join(money_text(amount) for amount in work.refunded) or "nothing"
    return f"{plural(work.lines, 'line')}, {plural(work.units, 'cartridge')}, {refunded}"


def day_count_words(count: DayCount) -> str:
    # "refunded" once, after the clerk's part, which the station's part mirrors, and the station
    # unnamed (the window's title names it): a busy day's two counts then fit a 1366 px status bar
    # beside who is signed in and the keyboard map's key.
    return f"You today: {work_words(count.clerk)} refunded · This station: {work_words(count.station)}"


class DayCountLabel(QLabel):
    def __init__(
        self, counts: DayCountService, station_id: str, runner: OperationRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dayCountLabel")
        self.setAccessibleName("Today's count")
        self._counts = counts
        self._station_id = station_id
        self._runner = runner
        self._user: str | None = None
        self._asked_again = False
        self._words = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setContentsMargins(24, 0, 0, 0)  # apart from who is signed in, which it follows
        # A size below the work's: both counts fit a 1366 px status bar beside who is signed in.
        self.setFont(sized_font(self.font(), BASE_POINT_SIZE - 2, bold=False))

    def refresh(self, user: str) -> None:
        """Count again for ``user``; asked while a count runs, it counts once more when that one ends
        (the decision that asked may have been written after the running count read)."""
        self._user = user
        counts, station_id = self._counts, self._station_id
        started = self._runner.start(
            lambda: counts.today(user, station_id),
            owner=self,
            key=COUNT_KEY,
            on_success=self._counted,
            on_failure=self._not_counted,
        )
        self._asked_again = started is None

    @property
    def words(self) -> str:
        """The count in whole words, whether or not they fit the status bar."""
        return self._words

    def _counted(self, count: DayCount) -> None:
        self._say(day_count_words(count))
        self._count_again_if_asked()

    def _not_counted(self, message: str) -> None:
        self._say("Today's count could not be read just now.", why=message)
        self._count_again_if_asked()

    def _say(self, words: str, *, why: str = "") -> None:
        self._words = words
        self.setToolTip(why or words)  # whole, where a narrow screen cuts the label short
        self._fit()

    def _fit(self) -> None:
        self.setText(
            self.fontMetrics().elidedText(self._words, Qt.TextElideMode.ElideRight, self.contentsRect().width())
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def minimumSizeHint(self) -> QSize:
        # Words too long for a narrow screen are cut short here rather than widen the window.
        return QSize(0, super().minimumSizeHint().height())

    def _count_again_if_asked(self) -> None:
        if self._asked_again and self._user is not None:
            self._asked_again = False
            self.refresh(self._user)
