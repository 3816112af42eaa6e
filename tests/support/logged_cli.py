"""Running ``receiving-app`` with a home of its own, so that what it logged can be read afterwards.

platformdirs puts the log in ``$XDG_STATE_HOME/receiving-app/log`` on Linux; the settings and the
default database go under ``$HOME``. Both point into the test's folder, so a run never reads the
tester's own settings and its log is the only thing in the file.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from receiving_app.services.import_rows import RMA_COLUMNS
from tests.support.cli import Run, run_cli


@dataclass(frozen=True)
class LoggedRun:
    code: int
    stdout: str
    stderr: str
    log: str  # the log file's text after the run ("" when there is none)
    log_mode: int | None  # the permission bits of the log file and of its folder
    folder_mode: int | None


def log_folder(home: Path) -> Path:
    return home / "state" / "receiving-app" / "log"


def home_environment(home: Path) -> dict[str, str]:
    return {
        "HOME": str(home),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "RECEIVING_APP_DB": "",
        "RECEIVING_APP_PASSWORD": "",
    }


def run_logged(
    home: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None, as_plain_user: bool = False
) -> LoggedRun:
    """``receiving-app ARGS`` with ``home`` as its home; ``as_plain_user`` runs it without root's
    right to write where the permissions say no (a read-only folder is not read-only to root)."""
    environment = {**home_environment(home), **(env or {})}
    run = (
        _run_without_override(args, stdin, environment)
        if as_plain_user
        else run_cli(*args, stdin=stdin, env=environment)
    )
    log = log_folder(home) / "receiving-app.log"
    return LoggedRun(
        run.code,
        run.stdout,
        run.stderr,
        log.read_text(encoding="utf-8") if log.exists() else "",
        log.stat().st_mode & 0o777 if log.exists() else None,
        log.parent.stat().st_mode & 0o777 if log.parent.exists() else None,
    )


def _run_without_override(args: tuple[str, ...], stdin: str | None, environment: dict[str, str]) -> Run:
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root, and setpriv is not here to drop root's override of permissions")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    completed = subprocess.run(
        [*prefix, sys.executable, "-m", "receiving_app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **environment},
        timeout=120,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


@dataclass(frozen=True)
class Customer:
    """A customer whose every detail is unusual enough to be found if it leaks anywhere."""

    account: str = "C77341"
    name: str = "Quentin Zabriskie-Oyelaran"
    email: str = "q.zabriskie@mailhost.test"
    phone: str = "+1 (555) 867-5309"
    address_lines: tuple[str, ...] = ("4417 Quillfeather Lane", "Marblehead, MA 01945")
    card_last4: str = "9867"

    def details(self) -> tuple[str, ...]:
        return (self.name, self.email, self.phone, *self.address_lines, self.card_last4)


def write_rma_csv(path: Path, number: str, customer: Customer) -> Path:
    """One RMA of one TN-660 (a SKU of the demo catalog), returned by ``customer``."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=RMA_COLUMNS)
        writer.writeheader()
        writer.writerow(
            {
                "rma_number": number,
                "seller": "image-pro-services",
                "reported_on": "2026-03-09",
                "return_label_cost": "0.00",
                "order_number": f"SO-{number}",
                "purchased_on": "2026-03-02",
                "shipped_on": "2026-03-03",
                "delivered_on": "2026-03-06",
                "shipping_paid": "7.95",
                "payment_method": "card",
                "customer_account": customer.account,
                "customer_name": customer.name,
                "customer_email": customer.email,
                "customer_phone": customer.phone,
                "customer_address": "|".join(customer.address_lines),
                "card_last4": customer.card_last4,
                "line": 1,
                "sku": "TN-660",
                "quantity": 1,
                "unit_price": "54.99",
                "reason": "defective",
                "customer_choice": "refund",
            }
        )
    return path
