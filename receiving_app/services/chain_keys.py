"""Moving the audit chain's key between the stations of one warehouse.

The key never enters the database. Whoever may read this computer user's private files may read
the key; the database's users and roles do not come into it, and a station must hold the key
before it writes its first event to a shared database (it refuses to write otherwise).
"""

from __future__ import annotations

from pathlib import Path

from receiving_app.domain.errors import InputError
from receiving_app.persistence.chain_key import export_station_chain_key, parsed_key, replace_station_chain_key


def export_chain_key(path: Path) -> None:
    try:
        export_station_chain_key(path)
    except FileExistsError:
        raise InputError(f"{path} exists already; the key is written to a new file only") from None


def import_chain_key(path: Path) -> None:
    try:
        text = path.read_text()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    replace_station_chain_key(parsed_key(text))
