"""CAS scales and indicators: the streamed ``ST,GS,...`` frames, the data-only line, the ENQ / DC1
poll and the ``ERR`` reply.

Sources: CAS CI-600D series manual, section 10 "Serial data information" (10-1 CAS 22-byte,
10-2 CAS 10-byte and 10-3 AND 18-byte formats); CAS CI-400 series manual, appendix 1 "Data format";
CAS CI-6000A series manual, "10 bytes of CAS" and "Output error message"; CAS NT-200 manual,
section 14 "CAS & command mode protocol"; CAS SW-II and AP-1 manuals, "RS-232C protocol"
(ENQ / ACK / DC1 and the SOH ... EOT weight block).

Streamed (continuous) frames, ASCII, closed by CR LF:

    ST,GS,<id><lamp>,<8-byte weight> kg     CAS 22 bytes (device id, lamp status byte)
    ST,NT,<8-byte weight>kg                 AND 18 bytes
    <8-byte weight>                         CAS 10 bytes, data only: "000013.5" for 13.5 kg

Header 1 is ST (stable), US (unstable) or OL (overload); header 2 is GS (gross) or NT (net).
The weight field carries its own sign and decimal point. The data-only line has no header and
no unit: its weight is in the unit the indicator is set to, which the station is told
(``default_unit``, kg unless configured: the manuals' formats weigh in kg). Nor does it say
whether the scale has settled, and a decision may use only a weight the scale called stable
(``base``), so a data-only reading is shown as moving and is never captured: the clerk types the
weight, or sets the indicator to the 22-byte format.

Polled scales: the host sends ENQ; the scale answers ACK when ready (NAK: ask again) and the
host sends DC1 for the weight, which comes back as the block

    SOH STX <S|U> <sign: space or -> <6 characters with the point> <unit, 2> BCC ETX EOT

where BCC is the exclusive-or of the bytes from the stability letter to the unit. Some
indicators answer ENQ with a line (streamed-style or data-only) instead; both are accepted.

An indicator in trouble sends ``ERR``, its error code (bytes 4 to 7) and CR LF instead of a
weight. The manuals give no meanings for these codes on the serial line, so the clerk is told
the code to look up in the indicator's own error list.
"""

from __future__ import annotations

import re
from functools import reduce

import serial

from receiving_app.devices.scales.base import (
    GarbledFrame,
    ScaleError,
    ScaleReading,
    ScaleStatus,
    ascii_text,
    no_zero_command,
    supported_unit,
    weighed,
    weight_number,
    without_weight,
)
from receiving_app.devices.scales.serial_link import SerialSettings
from receiving_app.devices.scales.serial_scale import SerialScale

SOH, STX, ETX, EOT = b"\x01", b"\x02", b"\x03", b"\x04"
ENQ, ACK, NAK, DC1 = b"\x05", b"\x06", b"\x15", b"\x11"
LINE_END = b"\r\n"
ERROR_REPLY = b"ERR"

_STREAM_STATES = {b"ST": ScaleStatus.STABLE, b"US": ScaleStatus.MOVING, b"OL": ScaleStatus.OVERLOAD}
_BLOCK_STATES = {b"S": ScaleStatus.STABLE, b"U": ScaleStatus.MOVING}
_WEIGHT_AND_UNIT = re.compile(r"(?P<number>[ 0-9.+-]+?) *(?P<unit>[A-Za-z]{1,2})")
_BLOCK_LENGTH = 15
# Eight bytes of sign, digits and point: no letter, so no frame that names a unit can pass for one.
_DATA_ONLY_LINE = re.compile(rb"(?P<weight>[ +\-.0-9]{8})\r\n")
# The code fills bytes 4 to 7, padded with spaces where it is shorter.
_ERROR_LINE = re.compile(rb"ERR(?P<code>[ 0-9A-Za-z]{1,4})\r\n")


def parse_frame(frame: bytes, *, default_unit: str = "kg") -> ScaleReading:
    """A streamed or data-only line, or the block that answers DC1; an ``ERR`` reply raises its error."""
    if frame.startswith(SOH):
        return _parse_block(frame)
    if frame.startswith(ERROR_REPLY):
        raise _reported_error(frame)
    data_only = _DATA_ONLY_LINE.fullmatch(frame)
    if data_only is not None:
        value = weight_number(data_only["weight"].decode("ascii"))
        # The format has no stable flag, and only a weight the scale called stable may decide.
        return weighed(value, default_unit, ScaleStatus.MOVING, frame)
    return _parse_stream_line(frame)


def _reported_error(frame: bytes) -> ScaleError:
    match = _ERROR_LINE.fullmatch(frame)
    code = match["code"].strip(b" ").decode("ascii") if match is not None else ""
    if not code or " " in code:
        return GarbledFrame(f"not a CAS error reply (ERR, a code, CR LF): {frame!r}")
    return ScaleError(
        f"the scale reports error {code}: look the code up in the error list of the scale's manual, "
        "or call a supervisor"
    )


def _parse_stream_line(frame: bytes) -> ScaleReading:
    if not frame.endswith(LINE_END):
        raise GarbledFrame(f"incomplete CAS frame (no CR LF at the end): {frame!r}")
    line = frame[: -len(LINE_END)]
    state = _STREAM_STATES.get(line[:2])
    if state is None or line[2:3] != b"," or line[3:5] not in (b"GS", b"NT") or line[5:6] != b",":
        raise GarbledFrame(f"not a CAS frame (ST/US/OL, GS/NT header): {frame!r}")
    payload = line[6:]
    if payload[2:3] == b",":
        payload = payload[3:]  # the 22-byte form: a device id and a lamp status byte come first
    text = ascii_text(payload, "CAS")
    if state is ScaleStatus.OVERLOAD:
        # The manuals have one header for both ends of the range; the sign tells them apart.
        below_zero = text.strip().startswith("-")
        return without_weight(ScaleStatus.UNDERLOAD if below_zero else ScaleStatus.OVERLOAD, frame)
    match = _WEIGHT_AND_UNIT.fullmatch(text)
    if match is None:
        raise GarbledFrame(f"not a CAS weight and unit: {frame!r}")
    return weighed(weight_number(match["number"]), match["unit"], state, frame)


def _parse_block(frame: bytes) -> ScaleReading:
    if len(frame) != _BLOCK_LENGTH or frame[1:2] != STX or frame[-2:] != ETX + EOT:
        raise GarbledFrame(f"not a CAS weight block (SOH STX ... ETX EOT): {frame!r}")
    data, check = frame[2:12], frame[12]
    if reduce(lambda bcc, byte: bcc ^ byte, data, 0) != check:
        raise GarbledFrame(f"CAS weight block failed its check byte: {frame!r}")
    state = _BLOCK_STATES.get(data[:1])
    sign = data[1:2]
    if state is None or sign not in (b" ", b"-"):
        raise GarbledFrame(f"CAS weight block with an unknown state or sign: {frame!r}")
    digits = ascii_text(data[2:8], "CAS")
    if not re.fullmatch(r" *[0-9]+(\.[0-9]+)? *", digits):
        raise GarbledFrame(f"CAS weight block without a weight: {frame!r}")
    value = weight_number(digits)
    return weighed(-value if sign == b"-" else value, ascii_text(data[8:10], "CAS"), state, frame)


class CasScale(SerialScale):
    """A CAS scale either streaming (``mode="continuous"``) or polled with ENQ (``mode="enq"``).

    ``default_unit`` is the unit of data-only lines, which name none.
    """

    protocol = "cas"
    default_settings = SerialSettings(baudrate=9600, bytesize=serial.EIGHTBITS, parity=serial.PARITY_NONE)
    default_min_interval = 0.1
    MODES = ("continuous", "enq")

    def __init__(
        self,
        port: str,
        *,
        mode: str = "continuous",
        default_unit: str = "kg",
        settings: SerialSettings | None = None,
        min_interval: float | None = None,
    ) -> None:
        if mode not in self.MODES:
            raise ScaleError(f"CAS mode must be one of {', '.join(self.MODES)}, not {mode!r}")
        super().__init__(port, settings=settings, min_interval=min_interval)
        self.mode = mode
        # Checked now, so that a wrong setting is reported when the scale is opened, not weighed on.
        self.default_unit = supported_unit(default_unit).symbol

    def _read(self, deadline: float) -> ScaleReading:
        if self.mode == "enq":
            return self._poll(deadline)
        return self._latest_streamed(deadline)

    def _parse(self, frame: bytes) -> ScaleReading:
        return parse_frame(frame, default_unit=self.default_unit)

    def _latest_streamed(self, deadline: float) -> ScaleReading:
        """The first whole frame sent after now: older ones describe a load that may be gone."""
        self._link.discard_input(deadline)
        first_line = self._link.read_frame(b"\n", deadline)
        try:
            return self._parse(first_line)
        except GarbledFrame:
            # Discarding the buffer may have cut a frame in two; the next one is whole.
            return self._parse(self._link.read_frame(b"\n", deadline))

    def _poll(self, deadline: float) -> ScaleReading:
        while True:
            self._link.discard_input(deadline)
            self._link.write(ENQ, deadline)
            answer = self._link.read_bytes(1, deadline)
            if answer == NAK:
                continue  # not ready yet; the link's pacing spaces the next ENQ, its deadline ends the wait
            if answer == ACK:
                self._link.write(DC1, deadline)
                answer = self._link.read_bytes(1, deadline)
            # Indicators that skip the handshake start their frame straight away.
            return self._frame_from(answer, deadline)

    def _frame_from(self, first_byte: bytes, deadline: float) -> ScaleReading:
        """The weight block, or a line: a weight, or an ERR reply where the block was asked for."""
        frame_end = EOT if first_byte == SOH else b"\n"
        return self._parse(first_byte + self._link.read_frame(frame_end, deadline, max_length=64))

    def _zero(self, deadline: float) -> None:
        raise no_zero_command(self.port)
