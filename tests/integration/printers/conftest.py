"""The printer tests' ports come from tests/support/printer_ports.py, their PDFs and jobs from
tests/support/print_jobs.py."""

from tests.support.print_jobs import make_job, make_pdf  # noqa: F401 - fixtures pytest finds here
from tests.support.printer_ports import closed_port, raw_port_server, unresponsive_port  # noqa: F401 - fixtures
