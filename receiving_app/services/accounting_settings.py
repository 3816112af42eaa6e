"""The accounts and names the exports write, from ``accounting.toml`` beside the station's settings file.

Without the file every default of ``domain.accounting.BookAccounts`` stands. The file is read each time
a batch is made, so a mistake in it stops the exports (naming the file and the key) and nothing else::

    [accounts]
    sales_returns = "4100"
    restocking_fees = "4200"

    [files]
    date_format = "MM/DD/YYYY"   # or DD/MM/YYYY, or YYYY-MM-DD; the journal always writes YYYY-MM-DD

    [xero]
    tax_type = "Tax Exempt"      # the name of a tax rate of the Xero organization
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from receiving_app.domain.accounting import BookAccounts
from receiving_app.domain.errors import InputError
from receiving_app.persistence.toml_files import read_toml

FILE_NAME = "accounting.toml"
DATE_FORMATS = {"MM/DD/YYYY": "%m/%d/%Y", "DD/MM/YYYY": "%d/%m/%Y", "YYYY-MM-DD": "%Y-%m-%d"}
MAX_CODE_LENGTH = 64
DEFAULT_DATE_FORMAT = "MM/DD/YYYY"  # as a US organization's QuickBooks and Xero read a day
DEFAULT_XERO_TAX_TYPE = "Tax Exempt"
_ACCOUNT_KEYS = tuple(item.name for item in dataclasses.fields(BookAccounts))


@dataclass(frozen=True, slots=True)
class AccountingSettings:
    accounts: BookAccounts = field(default_factory=BookAccounts)
    date_format: str = DEFAULT_DATE_FORMAT  # how the QuickBooks and Xero files write a day
    xero_tax_type: str = DEFAULT_XERO_TAX_TYPE

    @property
    def strftime(self) -> str:
        return DATE_FORMATS[self.date_format]


def _refuse(source: str, key: str, problem: str) -> InputError:
    return InputError(f"{source}: {key}: {problem}")


def load_accounting_settings(path: Path) -> AccountingSettings:
    """The file's settings, or the defaults when there is no file; InputError naming the key at fault."""
    if not path.exists():
        return AccountingSettings()
    data, _text = read_toml(path, _refuse)
    source = path.name
    unknown = sorted(set(data) - {"accounts", "files", "xero"})
    if unknown:
        raise _refuse(source, unknown[0], "is not a table this file has (accounts, files, xero)")
    accounts = _table(data, "accounts", source, _ACCOUNT_KEYS)
    files = _table(data, "files", source, ("date_format",))
    xero = _table(data, "xero", source, ("tax_type",))
    date_format = files.get("date_format", DEFAULT_DATE_FORMAT)
    if date_format not in DATE_FORMATS:
        raise _refuse(source, "files.date_format", f"must be one of {', '.join(DATE_FORMATS)}")
    return AccountingSettings(
        accounts=BookAccounts(**accounts),
        date_format=date_format,
        xero_tax_type=xero.get("tax_type", DEFAULT_XERO_TAX_TYPE),
    )


def _table(data: dict[str, Any], name: str, source: str, keys: tuple[str, ...]) -> dict[str, str]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise _refuse(source, name, "must be a table")
    values: dict[str, str] = {}
    for key, value in table.items():
        where = f"{name}.{key}"
        if key not in keys:
            raise _refuse(source, where, f"is not one of {', '.join(keys)}")
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_CODE_LENGTH:
            raise _refuse(source, where, f"must be text of 1 to {MAX_CODE_LENGTH} characters")
        if any(ord(character) < 32 for character in value):
            raise _refuse(source, where, "must not hold a control character")
        values[key] = value.strip()
    return values
