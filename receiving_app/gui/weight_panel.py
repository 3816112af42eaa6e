"""The weight panel: the live reading, stable or moving, the fill gauge, and the captured weight.

Only a stable, non-negative reading is captured. Auto-capture takes the first stable reading of
a new item; it is disarmed while the previous item's stable weight is still on the platter, so
moving to the next line never captures the last cartridge again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QWidget

from receiving_app.devices.scales import ScaleReading, ScaleStatus
from receiving_app.domain.errors import InputError
from receiving_app.domain.weight import FillMeasurement, Weight
from receiving_app.gui.forms.ui_weight_panel import Ui_WeightPanel
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.style import BAD, GOOD, MOVING, NEUTRAL, READING_POINT_SIZE, WAIT, Tone, restyle, sized_font, tone_style
from receiving_app.services.commands import WeightCapture
from receiving_app.services.views import RmaLineView

MANUAL_SOURCE = "manual"
# Below this the platter is empty: lifting the last item re-arms auto-capture.
EMPTY_PLATTER_G = Decimal(5)
MAX_READINGS_KEPT = 20

_STATE_WORDS: dict[ScaleStatus, tuple[Tone, str]] = {
    ScaleStatus.STABLE: (GOOD, "Stable"),
    ScaleStatus.MOVING: (MOVING, "Moving — wait"),
    ScaleStatus.OVERLOAD: (BAD, "Overload — remove the item"),
    ScaleStatus.UNDERLOAD: (BAD, "Below zero — zero the scale"),
    ScaleStatus.NOT_RESPONDING: (WAIT, "Scale not responding"),
}


def capture_from_reading(reading: ScaleReading, source: str) -> WeightCapture:
    return WeightCapture(
        value=reading.value,
        unit=reading.unit,
        grams=reading.grams,
        stable=reading.status is ScaleStatus.STABLE,
        source=MANUAL_SOURCE if reading.manual else source,
        read_at=datetime.now(UTC),
    )


def fill_percent(grams: Decimal, line: RmaLineView) -> int | None:
    """Whole percent left, from the catalog's full and empty weights (None if they cannot say)."""
    try:
        fraction = FillMeasurement(grams, line.full_g, line.empty_g).reported_fraction
    except InputError:
        return None
    return int((fraction * 100).to_integral_value())


class WeightPanel(QGroupBox):
    """Shows readings and keeps the weight captured for the current line.

    Signals:
        weight_changed(object): the captured ``WeightCapture``, or None when it was cleared.
    """

    weight_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_WeightPanel()
        self.form.setupUi(self)
        self.form.readingLabel.setFont(sized_font(self.font(), READING_POINT_SIZE))
        self.form.stateLabel.setFont(sized_font(self.font(), 16))
        self.form.captureButton.setText(f"Capture  [{key_label(Command.CAPTURE_WEIGHT)}]")
        self.form.manualEdit.setPlaceholderText(f"[{key_label(Command.MANUAL_WEIGHT)}] " + self.form.manualEdit.placeholderText())
        self.form.captureButton.clicked.connect(self.capture_now)
        self.form.manualEdit.returnPressed.connect(self.use_typed_weight)
        self.source = "scale"
        self._line: RmaLineView | None = None
        self._last: ScaleReading | None = None
        self._captured: WeightCapture | None = None
        self._seen: list[WeightCapture] = []
        self._armed = True
        self._show_captured()

    @property
    def captured(self) -> WeightCapture | None:
        return self._captured

    @property
    def readings_seen(self) -> tuple[WeightCapture, ...]:
        """The readings shown for this line other than the captured one, kept as evidence."""
        captured = self._captured
        if captured is None:
            return tuple(self._seen)
        return tuple(reading for reading in self._seen if (reading.grams, reading.stable) != (captured.grams, captured.stable))

    def set_line(self, line: RmaLineView | None) -> None:
        self._line = line
        self.setTitle(f"Weight — line {line.line}, {line.sku}" if line else "Weight")
        self._seen.clear()
        self.form.manualEdit.clear()
        self.form.problemLabel.clear()
        item_still_on_platter = self._last is not None and self._last.capturable and self._last.grams > EMPTY_PLATTER_G
        self._armed = not item_still_on_platter
        self._set_captured(None)
        self._show_gauge()

    def show_reading(self, reading: ScaleReading) -> None:
        self._last = reading
        tone, words = _STATE_WORDS[reading.status]
        if reading.status is ScaleStatus.STABLE and reading.grams is not None and reading.grams < 0:
            tone, words = BAD, "Negative — zero the scale"
        self.form.readingLabel.setText("— g" if reading.value is None else f"{reading.value} {reading.unit}")
        self.form.stateLabel.setText(f"{tone.symbol} {words}")
        restyle(self.form.stateLabel, tone_style(tone))
        self.form.problemLabel.clear()
        if not reading.capturable or reading.grams is None or reading.grams <= EMPTY_PLATTER_G:
            self._armed = True
        if self._line is not None and reading.grams is not None:
            self._remember(capture_from_reading(reading, self.source))
        if self._armed and self._line is not None and self._captured is None and reading.capturable and reading.grams > EMPTY_PLATTER_G:
            self._armed = False
            self._set_captured(capture_from_reading(reading, self.source))
        self._show_gauge()

    def show_scale_problem(self, message: str) -> None:
        self.form.stateLabel.setText(f"{WAIT.symbol} No reading")
        restyle(self.form.stateLabel, tone_style(WAIT))
        self.form.problemLabel.setText(f"Scale: {message}. Type the weight instead ([{key_label(Command.MANUAL_WEIGHT)}]).")

    def capture_now(self) -> None:
        if self._line is None:
            self._problem("Pick a line before capturing a weight.")
        elif self._last is None or not self._last.capturable:
            self._problem("The scale is not stable: wait for ✔ Stable, or type the weight.")
        else:
            self._set_captured(capture_from_reading(self._last, self.source))

    def start_typing(self) -> None:
        self.form.manualEdit.setFocus()
        self.form.manualEdit.selectAll()

    def use_typed_weight(self) -> None:
        text = self.form.manualEdit.text().strip()
        if self._line is None:
            self._problem("Pick a line before typing its weight.")
            return
        try:
            weight = Weight.parse(text)
        except InputError as error:
            self._problem(f"{error}")
            return
        self.form.problemLabel.clear()
        self._set_captured(
            WeightCapture(weight.value, weight.unit.symbol, weight.in_grams, True, MANUAL_SOURCE, datetime.now(UTC))
        )

    def clear_capture(self) -> None:
        self._armed = True
        self._set_captured(None)

    # Showing -------------------------------------------------------------------------------------

    def _remember(self, reading: WeightCapture) -> None:
        previous = self._seen[-1] if self._seen else None
        if previous is None or (previous.grams, previous.stable) != (reading.grams, reading.stable):
            self._seen.append(reading)
            del self._seen[:-MAX_READINGS_KEPT]

    def _set_captured(self, capture: WeightCapture | None) -> None:
        changed = capture != self._captured
        self._captured = capture
        self._show_captured()
        self._show_gauge()
        if changed:
            self.weight_changed.emit(capture)

    def _show_captured(self) -> None:
        capture = self._captured
        if capture is None:
            self.form.capturedLabel.setText(f"{NEUTRAL.symbol} Captured: nothing yet")
            restyle(self.form.capturedLabel, tone_style(NEUTRAL))
            return
        how = "typed by hand (manual)" if capture.source == MANUAL_SOURCE else f"from the scale ({capture.source})"
        self.form.capturedLabel.setText(f"{GOOD.symbol} Captured: {capture.value} {capture.unit} {how}")
        restyle(self.form.capturedLabel, tone_style(GOOD))

    def _show_gauge(self) -> None:
        grams = self._captured.grams if self._captured else (self._last.grams if self._last else None)
        percent = fill_percent(grams, self._line) if self._line is not None and grams is not None and grams >= 0 else None
        self.form.fillGauge.setValue(percent or 0)
        self.form.fillGauge.setFormat("%p% left" if percent is not None else "fill level: —")

    def _problem(self, message: str) -> None:
        self.form.problemLabel.setText(f"{BAD.symbol} {message}")
