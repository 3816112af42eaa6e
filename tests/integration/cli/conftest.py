"""The command-line tests' printer ports come from tests/support/printer_ports.py."""

from tests.support.printer_ports import closed_port, raw_port_server  # noqa: F401 - fixtures
