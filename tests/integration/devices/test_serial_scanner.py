"""A serial barcode scanner through a real pseudo-terminal: lines become scans or rejections,
and neither garbage nor unplugging ends the reader."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from receiving_app.devices.scales.serial_link import PortUnavailable
from receiving_app.devices.serial_scanner import ScannerDisconnected, ScanRejected, SerialScanner
from receiving_app.domain.scan import ScanKind
from tests.integration.devices.pty_devices import PtyDevice, silent

GTIN = "09501101530003"


@pytest.fixture
def device() -> Iterator[PtyDevice]:
    scanner_side = silent()  # the scanner never reads; the test writes its lines
    yield scanner_side
    scanner_side.close()


def test_lines_become_scans_whatever_the_line_end(device) -> None:
    scanner = SerialScanner(device.path)
    try:
        assert scanner.read_scan(timeout=0.2) is None  # nothing scanned yet; the port is open now
        device.write(b"]C0RMA-2026-00042\r\n012345678905\r]C101" + GTIN.encode() + b"\x1d10AB-12\n")
        first, second, third = (scanner.read_scan(timeout=1.0) for _ in range(3))
    finally:
        scanner.close()
    assert (first.kind, first.text) == (ScanKind.TEXT, "RMA-2026-00042")
    assert (second.kind, second.gtin) == (ScanKind.GTIN, "00012345678905")
    assert (third.kind, third.gtin, third.batch) == (ScanKind.GS1, GTIN, "AB-12")


def test_a_line_split_across_reads_is_joined_and_a_late_lf_is_not_a_scan(device) -> None:
    scanner = SerialScanner(device.path)
    try:
        assert scanner.read_scan(timeout=0.1) is None
        device.write(b"RMA-2026-")
        assert scanner.read_scan(timeout=0.2) is None
        device.write(b"00042\r")
        assert scanner.read_scan(timeout=1.0).text == "RMA-2026-00042"
        device.write(b"\nTN-660\r\n")
        assert scanner.read_scan(timeout=1.0).text == "TN-660"
    finally:
        scanner.close()


def test_a_garbled_line_is_reported_and_the_next_scan_still_arrives(device) -> None:
    scanner = SerialScanner(device.path)
    try:
        scanner.read_scan(timeout=0.1)
        device.write(b"RM\x07A-42\r\n\xc3\xa9\r\n]E04006381333932\r\nRMA-2026-00042\r\n")
        results = [scanner.read_scan(timeout=1.0) for _ in range(4)]
    finally:
        scanner.close()
    assert [type(result) for result in results] == [ScanRejected, ScanRejected, ScanRejected, type(results[3])]
    assert results[0].raw == b"RM\x07A-42" and "garbled scan" in results[0].message
    assert "did not read correctly" in results[2].message
    assert results[3].text == "RMA-2026-00042"


def test_unplugging_is_reported_once_and_the_reader_picks_the_scanner_up_again(tmp_path) -> None:
    """The scanner comes back under the same name, like /dev/serial/by-id after a replug."""
    first, second = silent(), silent()
    link = tmp_path / "scanner"
    link.symlink_to(first.path)
    scanner = SerialScanner(str(link), reconnect_interval=0.05)
    stop = threading.Event()
    seen: list[object] = []

    def scan_on_second_until_read() -> None:
        # Opening a port throws away what was waiting, so the clerk "scans" until it is read.
        while not stop.wait(0.05):
            second.write(b"RMA-2026-00042\r\n")

    clerk = threading.Thread(target=scan_on_second_until_read)

    def read_until_stopped() -> None:
        for result in scanner.scans(stop, poll_seconds=0.05):
            seen.append(result)
            if isinstance(result, ScannerDisconnected):
                link.unlink()
                link.symlink_to(second.path)
                clerk.start()
            elif getattr(result, "text", None) == "RMA-2026-00042":
                stop.set()

    reader = threading.Thread(target=read_until_stopped)
    try:
        assert scanner.read_scan(timeout=0.05) is None  # the port is open before the first scan
        first.write(b"TN-660\r\n")
        reader.start()
        threading.Timer(0.3, first.unplug).start()
        reader.join(timeout=5)
        assert not reader.is_alive(), "the reader hung"
    finally:
        stop.set()
        if clerk.is_alive():
            clerk.join()
        scanner.close()
        first.close()
        second.close()
    assert [type(result).__name__ for result in seen] == ["ScanValue", "ScannerDisconnected", "ScanValue"]
    assert "disconnected" in seen[1].message


def test_a_missing_port_is_an_error_the_caller_can_show(tmp_path) -> None:
    scanner = SerialScanner(str(tmp_path / "no-such-port"))
    with pytest.raises(PortUnavailable, match="cannot open the port"):
        scanner.read_scan(timeout=0.1)


def test_closing_the_scanner_ends_the_reader(device) -> None:
    scanner = SerialScanner(device.path)
    stop = threading.Event()
    threading.Timer(0.2, scanner.close).start()
    assert list(scanner.scans(stop, poll_seconds=0.05)) == []
