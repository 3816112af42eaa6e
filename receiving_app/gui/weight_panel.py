"""The weight panel: the live reading, stable or moving, the fill gauge, and the captured weight.

A captured weight belongs to one unit. Only a stable, non-negative reading of a loaded pan is
captured, and only when a unit of the line's SKU can weigh it. Once a weight was taken from the
pan, no other unit gets a weight from it until the scale has seen the pan change (motion, or the
pan emptied): two quick Enters can never decide two cartridges on one reading. A weight typed by
hand is deliberate and is not held back by the pan, but it is checked against the SKU all the same.

Once captured, the large number is the captured weight, the one that will be decided; the live
reading moves to a smaller line beneath it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import Enum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QWidget

from receiving_app.devices.scales import ScaleReading, ScaleStatus
from receiving_app.domain.errors import InputError
from receiving_app.domain.fill_text import fill_text
from receiving_app.domain.pan import EMPTY_PAN_G, PanWatch, implausible_weight
from receiving_app.domain.weight import FillMeasurement, Weight
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.gui.forms.ui_weight_panel import Ui_WeightPanel
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.style import (
    BAD,
    GOOD,
    MOVING,
    NEUTRAL,
    READING_POINT_SIZE,
    WAIT,
    Tone,
    restyle,
    sized_font,
    tone_style,
)
from receiving_app.services.views import RmaLineView

# At or below this the platter is empty: lifting the last item off lets the pan give the next unit a weight.
EMPTY_PLATTER_G = EMPTY_PAN_G
MAX_READINGS_KEPT = 20
CAPTURED_MARK_POINT_SIZE = 14

_STATE_WORDS: dict[ScaleStatus, tuple[Tone, str]] = {
    ScaleStatus.STABLE: (GOOD, "Stable"),
    ScaleStatus.MOVING: (MOVING, "Moving — wait"),
    ScaleStatus.OVERLOAD: (BAD, "Overload — remove the item"),
    ScaleStatus.UNDERLOAD: (BAD, "Below zero — zero the scale"),
    ScaleStatus.NOT_RESPONDING: (WAIT, "Scale not responding"),
}
# Readings that show the pan changing. A scale that does not answer says nothing about the pan.
_PAN_IN_MOTION = frozenset({ScaleStatus.MOVING, ScaleStatus.OVERLOAD, ScaleStatus.UNDERLOAD})


class _Until(Enum):
    """When a message about capturing stops being true."""

    CAPTURED = "captured"  # a weight is captured, or the bench moves to another unit
    PAN_CHANGES = "pan_changes"  # the scale sees motion or an empty pan
    STABLE = "stable"  # the scale settles


@dataclass(frozen=True, slots=True)
class _Problem:
    symbol: str
    text: str
    until: _Until


def fill_fraction(grams: Decimal, line: RmaLineView) -> Decimal | None:
    """The fraction left, from the catalog's full and empty weights (None if they cannot say)."""
    try:
        return FillMeasurement(grams, line.full_g, line.empty_g).reported_fraction
    except InputError:
        return None


class WeightPanel(QGroupBox):
    """Shows readings and keeps the weight captured for the current unit.

    Signals:
        weight_changed(object): the captured ``WeightCapture``, or None when it was cleared.
    """

    weight_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WeightPanel()
        self.ui.setupUi(self)
        self.ui.readingLabel.setFont(sized_font(self.font(), READING_POINT_SIZE))
        self.ui.readingLabel.setTextFormat(Qt.TextFormat.RichText)  # the captured mark is set smaller
        self.ui.stateLabel.setFont(sized_font(self.font(), 16))
        self.ui.captureButton.setText(f"Capture  [{key_label(Command.CAPTURE_WEIGHT)}]")
        self.ui.manualEdit.setPlaceholderText(
            f"[{key_label(Command.MANUAL_WEIGHT)}] " + self.ui.manualEdit.placeholderText()
        )
        self.ui.captureButton.clicked.connect(self.capture_now)
        self.ui.manualEdit.returnPressed.connect(self.use_typed_weight)
        self.source = "scale"
        self._line: RmaLineView | None = None
        self._unit: int | None = None
        # Each weighing of a unit has its own number: a new one for the next unit, and after X.
        self._weighing = 0
        self._weighing_again = False  # X was pressed: the same unit is to be weighed again
        self._pan = PanWatch(EMPTY_PLATTER_G)
        self._last: ScaleReading | None = None
        self._live: tuple[Tone, str] = (NEUTRAL, "No reading yet")
        self._captured: WeightCapture | None = None
        self._seen: list[WeightCapture] = []
        self._problem: _Problem | None = None
        self._scale_problem = ""
        self._show()

    @property
    def captured(self) -> WeightCapture | None:
        return self._captured

    @property
    def readings_seen(self) -> tuple[WeightCapture, ...]:
        """The readings shown for this line other than the captured one, kept as evidence."""
        captured = self._captured
        if captured is None:
            return tuple(self._seen)
        return tuple(
            reading for reading in self._seen if (reading.grams, reading.stable) != (captured.grams, captured.stable)
        )

    def set_line(self, line: RmaLineView | None, *, unit: int | None = None) -> None:
        """Start weighing a unit: another line, or the next unit of the same line. Nothing is captured yet."""
        self._line, self._unit = line, (unit if line is not None else None)
        self._weighing += 1
        self._weighing_again = False
        # Short enough for the inspect column of a 1366 px screen; the screen's heading names the line.
        of = f" · unit {unit}/{line.quantity}" if line is not None and unit is not None else ""
        self.setTitle(f"Weight — {line.sku}{of}" if line else "Weight")
        self._seen.clear()
        self.ui.manualEdit.clear()
        self._problem = None
        self._set_captured(None)
        self._show()

    def show_reading(self, reading: ScaleReading) -> None:
        self._last = reading
        tone, words = _STATE_WORDS[reading.status]
        if reading.status is ScaleStatus.STABLE and reading.grams is not None and reading.grams < 0:
            tone, words = BAD, "Negative — zero the scale"
        self._live = (tone, words)
        self._scale_problem = ""
        in_motion = reading.status in _PAN_IN_MOTION
        self._pan.saw(reading.grams, in_motion=in_motion)
        if self._problem is not None and (
            (self._problem.until is _Until.PAN_CHANGES and (in_motion or self._pan.is_empty(reading.grams)))
            or (self._problem.until is _Until.STABLE and reading.capturable)
        ):
            self._problem = None
        seen = reading.capture(self.source, datetime.now(UTC))
        if self._line is not None and seen is not None:
            self._remember(seen)
        if (
            self._line is not None
            and self._captured is None
            and reading.capturable
            and not self._pan.is_empty(reading.grams)
        ):
            self._take_reading(reading, waiting=WAIT.symbol)
        self._show()

    def show_scale_problem(self, message: str) -> None:
        self._live = (WAIT, "No reading")
        self._scale_problem = f"Scale: {message}. Type the weight instead ([{key_label(Command.MANUAL_WEIGHT)}])."
        self._show()

    def capture_now(self) -> None:
        reading = self._last
        if self._line is None:
            self._refuse("Pick a line before capturing a weight.")
        elif reading is None or not reading.capturable:
            self._refuse("The scale is not stable: wait for ✔ Stable, or type the weight.", _Until.STABLE)
        elif self._pan.is_empty(reading.grams):
            self._refuse("The scale's pan is empty: set the cartridge on it, or type the weight.", _Until.PAN_CHANGES)
        else:
            self._take_reading(reading, waiting=BAD.symbol)
            self._show()

    def start_typing(self) -> None:
        self.ui.manualEdit.setFocus()
        self.ui.manualEdit.selectAll()

    def use_typed_weight(self) -> None:
        """Capture the weight typed in the box; a weight the unit cannot have is refused and asked for again."""
        text = self.ui.manualEdit.text().strip()
        if self._line is None:
            self._refuse("Pick a line before typing its weight.")
            return
        try:
            weight = Weight.parse(text)
        except InputError as error:
            self._ask_again(f"{error}; type the weight again.")
            return
        refusal = implausible_weight(weight.in_grams, str(weight), self._line.sku, self._line.plausible_g)
        if refusal is not None:
            self._ask_again(f"{refusal}.")
            return
        # Typed for the cartridge on the pan: the pan gives no other unit a weight until it changes.
        self._pan.took(self._weighing, self._unit_name())
        self._problem = None
        self._set_captured(WeightCapture.typed(weight, datetime.now(UTC)))

    def clear_capture(self) -> None:
        """Forget this unit's weight so it can be weighed again, once the pan has changed."""
        self._weighing += 1
        self._weighing_again = True
        self._problem = None
        if self._line is not None and not self._pan.fresh:
            self._problem = _Problem(WAIT.symbol, self._pan_message(), _Until.PAN_CHANGES)
        self._set_captured(None)

    # Capturing -----------------------------------------------------------------------------------

    def _take_reading(self, reading: ScaleReading, *, waiting: str) -> None:
        """Capture a stable reading of a loaded pan for this unit, unless the pan or the SKU forbids it."""
        assert self._line is not None
        if not self._pan.may_take(self._weighing):
            self._problem = _Problem(waiting, self._pan_message(), _Until.PAN_CHANGES)
            return
        refusal = implausible_weight(
            reading.grams, f"{reading.value} {reading.unit}", self._line.sku, self._line.plausible_g
        )
        if refusal is not None:
            self._problem = _Problem(BAD.symbol, f"{refusal}.", _Until.PAN_CHANGES)
            return
        self._pan.took(self._weighing, self._unit_name())
        self._problem = None
        self._set_captured(reading.capture(self.source, datetime.now(UTC)))

    def _pan_message(self) -> str:
        taken = self._pan.taken
        if taken is None or (self._weighing_again and taken.unit_name == self._unit_name()):
            return f"Lift the cartridge off and set it back on the scale to weigh {self._unit_name()} again."
        return (
            f"That weight was captured for {taken.unit_name}. Lift the cartridge off and set the next one on the scale."
        )

    def _unit_name(self) -> str:
        if self._line is None:
            return "no line"
        return f"line {self._line.line}" + (f" unit {self._unit}" if self._unit is not None else "")

    def _refuse(self, message: str, until: _Until = _Until.CAPTURED) -> None:
        self._problem = _Problem(BAD.symbol, message, until)
        self._show()

    def _ask_again(self, message: str) -> None:
        self._refuse(message)
        self.start_typing()
        # The Enter that typed the weight may still move the focus on (the screen leaves the box once a
        # weight is captured): the refused text is selected again once that Enter is done with.
        QTimer.singleShot(0, self, self._select_refused_text)

    def _select_refused_text(self) -> None:
        if self._problem is not None and self.ui.manualEdit.text():
            self.start_typing()

    # Showing -------------------------------------------------------------------------------------

    def _remember(self, reading: WeightCapture) -> None:
        previous = self._seen[-1] if self._seen else None
        if previous is None or (previous.grams, previous.stable) != (reading.grams, reading.stable):
            self._seen.append(reading)
            del self._seen[:-MAX_READINGS_KEPT]

    def _set_captured(self, capture: WeightCapture | None) -> None:
        changed = capture != self._captured
        self._captured = capture
        self._show()
        if changed:
            self.weight_changed.emit(capture)

    def _show(self) -> None:
        self._show_weights()
        self._show_captured()
        self._show_gauge()
        self._show_problems()

    def _show_weights(self) -> None:
        """The large number is what will be decided: the captured weight once there is one, else the live reading."""
        last, capture = self._last, self._captured
        live = "— g" if last is None or last.value is None else f"{last.value} {last.unit}"
        tone, words = self._live
        ui = self.ui
        ui.stateLabel.setText(f"{tone.symbol} {words}")
        restyle(ui.stateLabel, tone_style(tone))
        if capture is None:
            ui.readingLabel.setText(live)
            ui.readingLabel.setAccessibleName("Scale reading")
            ui.stateLabel.setVisible(True)
            ui.liveLabel.setVisible(False)
            return
        ui.readingLabel.setText(
            f'{capture.value} {capture.unit} <span style="font-size: {CAPTURED_MARK_POINT_SIZE}pt; '
            f'color: {GOOD.background};">{GOOD.symbol} captured</span>'
        )
        ui.readingLabel.setAccessibleName("Captured weight, the one that will be decided")
        ui.stateLabel.setVisible(False)
        ui.liveLabel.setText(f"Scale now: {live}  {tone.symbol} {words}")
        restyle(ui.liveLabel, f"color: {tone.background if tone is not NEUTRAL else tone.foreground};")
        ui.liveLabel.setVisible(True)

    def _show_captured(self) -> None:
        capture = self._captured
        if capture is None:
            self.ui.capturedLabel.setText(f"{NEUTRAL.symbol} Captured: nothing yet")
            restyle(self.ui.capturedLabel, tone_style(NEUTRAL))
            return
        how = "typed by hand (manual)" if capture.typed_by_hand else f"from the scale ({capture.source})"
        self.ui.capturedLabel.setText(f"{GOOD.symbol} Captured: {capture.as_read} {how}")
        restyle(self.ui.capturedLabel, tone_style(GOOD))

    def _show_gauge(self) -> None:
        grams = self._captured.grams if self._captured else (self._last.grams if self._last else None)
        fraction = (
            fill_fraction(grams, self._line) if self._line is not None and grams is not None and grams >= 0 else None
        )
        self.ui.fillGauge.setValue(0 if fraction is None else int((fraction * 100).to_integral_value()))
        self.ui.fillGauge.setFormat("fill level: —" if fraction is None else f"{fill_text(fraction)} left")

    def _show_problems(self) -> None:
        lines = [f"{self._problem.symbol} {self._problem.text}"] if self._problem is not None else []
        if self._scale_problem:
            lines.append(self._scale_problem)
        self.ui.problemLabel.setText("\n".join(lines))
