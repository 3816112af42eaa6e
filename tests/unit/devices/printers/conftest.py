"""The printer tests' PDFs and jobs come from tests/support/print_jobs.py."""

from tests.support.print_jobs import make_job, make_pdf  # noqa: F401 - fixtures pytest finds here
