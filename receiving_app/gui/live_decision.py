"""The live decision: what the facts set on the current unit would decide, asked for whenever one
changes, and whether Enter may decide on it now.

Nothing is written by a preview. Previews run one at a time, so a burst of key presses costs one
preview rather than one each. Every change of a fact, the weight or the unit starts a new
*generation*; a preview counts only for the generation it was asked for, so Enter never decides
on an answer to facts that have changed since. Enter pressed while the answer is on its way is
remembered and carried out when it comes, for that generation only.

A unit is decided only after the clerk set something on it by hand (a fact, N or O, the reason or
choice, a weight captured or typed): a bouncing Enter, or the LF after a CR, finds the next unit
untouched and decides nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from receiving_app.domain.engine import MissingFact
from receiving_app.domain.judgement import Judgement
from receiving_app.gui.decision_panel import asks_virgin
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.style import MOVING

if TYPE_CHECKING:
    from receiving_app.gui.receiving_screen import ReceivingScreen

Verdict = Judgement | MissingFact | str  # a judgement, the facts still to check, or why none can be made


class LiveDecision(QObject):
    """The preview of the current unit, kept up to date with its facts."""

    def __init__(self, screen: ReceivingScreen) -> None:
        super().__init__(screen)
        self._screen = screen
        self._generation = 0
        self._running = False
        self._wanted = False
        self._verdict: Verdict | None = None
        self._accept_for: int | None = None  # the generation an Enter is waiting to decide
        self._quiet = 0
        self.touched = False
        """The clerk set something on this unit by hand since it came on screen."""

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Panels being set up announce their resets; they change no fact the clerk set."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def unit_changed(self) -> None:
        self._generation += 1
        self._verdict = None
        self._accept_for = None
        self.touched = False

    def facts_changed(self, *_: object) -> None:
        if self._quiet:
            return
        self._generation += 1
        self._verdict = None
        self.request()

    def checked_by_hand(self) -> None:
        if not self._quiet:
            self.touched = True

    def verdict(self) -> Verdict | None:
        """The answer for the facts on screen now; None while it is being worked out."""
        return self._verdict

    def accept_when_judged(self) -> None:
        """Enter came before the answer: decide when it comes, if the facts are still those of this Enter."""
        self._accept_for = self._generation
        if not self._running:
            self.request()

    def request(self) -> None:
        screen = self._screen
        if self._quiet or not screen.unit_is_open():
            return
        if self._running:
            self._wanted = True  # asked again when the running preview comes back
            return
        command, generation, receiving = screen.command(), self._generation, screen.station.receiving

        def preview() -> Judgement | MissingFact:
            try:
                return receiving.preview(command)
            except MissingFact as missing:
                return missing

        self._running, self._wanted = True, False
        # After the paint: the new unit shows first, and what it still needs a frame later.
        screen.runner.start(
            preview,
            owner=screen,
            after_paint=True,
            on_success=lambda verdict: self._judged(generation, verdict),
            on_failure=lambda message: self._judged(generation, message),
        )

    def _judged(self, generation: int, verdict: Verdict) -> None:
        self._running = False
        if self._wanted or generation != self._generation:
            self.request()
            return
        self._verdict = verdict
        self._show(verdict)
        waiting, self._accept_for = self._accept_for, None
        if waiting is None:
            return
        if waiting == generation:
            self._screen.acceptor.accept()
        else:
            self._screen.feedback(
                MOVING,
                f"The facts changed after {key_label(Command.ACCEPT)}: check the decision, "
                f"then press {key_label(Command.ACCEPT)} again.",
                alarm=True,
            )

    def _show(self, verdict: Verdict) -> None:
        screen = self._screen
        panel, where = screen.decision_panel, screen.where()
        screen.inspection_panel.ask_virgin(isinstance(verdict, MissingFact) and asks_virgin(verdict))
        if isinstance(verdict, Judgement):
            panel.show_judgement(verdict, screen.display.voided_before(screen.current_line, screen.current_unit), where)
            screen.preview_shown.emit(verdict)
            return
        if isinstance(verdict, MissingFact):
            panel.show_missing(verdict, where)
        else:
            panel.show_problem(verdict, where)
        screen.preview_shown.emit(None)
