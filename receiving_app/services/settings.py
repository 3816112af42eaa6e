"""A station's own settings (station id, paper, printers per document type, devices, nightly backups, aging
limits, time zone), as a JSON file.

These belong to one bench, not to the warehouse, so they live beside the station rather than in
the shared database. A damaged file is reported and replaced by defaults, never a crash.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from receiving_app.domain.errors import InputError
from receiving_app.services.credentials import without_password
from receiving_app.services.delivery_settings import check_delivery_settings
from receiving_app.services.errors import NotAllowed
from receiving_app.services.station_time import zone_problem

if TYPE_CHECKING:  # the sign-in dialog reads the settings before the database and document layers have loaded
    from receiving_app.documents.model import PageSize
    from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
    from receiving_app.services.auth import SignedInUser


def this_computers_name() -> str:
    """The station id of a station that names none: its computer's name."""
    if hasattr(os, "uname"):
        return os.uname().nodename  # what gethostname() answers, without socket's import (3 ms of the sign-in)
    import socket  # Windows has no uname

    return socket.gethostname()


_BACKUP_TIME = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")
MAX_INSPECTION_HOURS = 24 * 90
MAX_UNIDENTIFIED_DAYS = 365
DOCUMENT_PRINTER_KEYS = (
    "credit_memo",
    "restocking_fee_receipt",
    "denial_notice",
    "replacement_slip",
    "rma_label",
    "license_plate",
    "container_manifest",
)


@dataclass(frozen=True)
class StationSettings:
    station_id: str = field(default_factory=this_computers_name)
    page_size: PageSize = "letter"
    receipt_layout: str = "roll"  # roll (80 mm) or page
    printers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # document type -> backend settings
    scale: Mapping[str, str] = field(default_factory=lambda: {"protocol": "simulated"})
    scanner: Mapping[str, str] = field(default_factory=lambda: {"prefix": "", "suffix": "", "max_interkey_ms": "35"})
    idle_lock_minutes: int = 10
    database_url: str = ""  # a shared database for this station, never with its password (see credentials.py)
    backup_folder: str = ""  # where the station backs itself up every night; none when empty
    backup_keep: int = 7  # how many of this station's nightly backups the folder keeps
    backup_time: str = "02:00"  # local time, HH:MM
    # Aging (services/aging.py): a parcel checked in longer than this is late for the bench, and a return
    # without an RMA left open longer than this is late for the back office.
    aging_inspection_hours: int = 48
    aging_unidentified_days: int = 7
    # The outbox (docs/messages.md): customers' e-mails through this SMTP server (a folder of .eml files when
    # empty; its password in the keyring), from this address, and every event to these webhook URLs.
    smtp_url: str = ""
    mail_from: str = ""
    webhook_urls: list[str] = field(default_factory=list)
    # The station's time zone (services/station_time.py): an IANA name; empty is this computer's.
    time_zone: str = ""

    def printer_for(self, document_type: str, fallback_folder: Path) -> Mapping[str, str]:
        return self.printers.get(document_type) or {"backend": "folder", "folder": str(fallback_folder)}

    def with_changes(self, **changes: Any) -> StationSettings:
        return replace(self, **changes)


def routing_digest(settings: StationSettings) -> str:
    """The digest of where the station sends each document: ``audit verify`` holds the settings file
    against the digest its last recorded change left, so a hand edit that reroutes credit memos shows."""
    text = json.dumps(settings.printers, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SettingsStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None  # why the file could not be used, for the settings screen

    def load(self) -> StationSettings:
        if not self.path.exists():
            return StationSettings()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return _validated(data)
        except (OSError, ValueError, TypeError) as error:
            self.problem = f"{self.path} could not be used ({error}); the defaults are in effect."
            return StationSettings()

    def save(self, settings: StationSettings) -> None:
        _validated(asdict(settings))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(settings), indent=2, sort_keys=True), encoding="utf-8")
        temporary.replace(self.path)


def _validated(data: Any) -> StationSettings:
    if not isinstance(data, dict):
        raise InputError("settings must be a JSON object")
    defaults = asdict(StationSettings())
    unknown = set(data) - set(defaults)
    if unknown:
        raise InputError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    merged = {**defaults, **data}
    if merged["page_size"] not in ("letter", "a4"):
        raise InputError("page_size must be letter or a4")
    if merged["receipt_layout"] not in ("roll", "page"):
        raise InputError("receipt_layout must be roll or page")
    unknown_documents = set(merged["printers"]) - set(DOCUMENT_PRINTER_KEYS)
    if unknown_documents:
        raise InputError(f"printers: unknown document type(s) {', '.join(sorted(unknown_documents))}")
    if merged["database_url"] and merged["database_url"] != without_password(merged["database_url"]):
        raise InputError("database_url must not carry a password; the keyring keeps it")
    if not isinstance(merged["idle_lock_minutes"], int) or merged["idle_lock_minutes"] < 1:
        raise InputError("idle_lock_minutes must be a whole number of at least 1")
    if not isinstance(merged["backup_folder"], str):
        raise InputError("backup_folder must be a folder's path, or empty for no nightly backup")
    if not isinstance(merged["backup_keep"], int) or merged["backup_keep"] < 1:
        raise InputError("backup_keep must be a whole number of at least 1")
    if not isinstance(merged["backup_time"], str) or not _BACKUP_TIME.fullmatch(merged["backup_time"]):
        raise InputError("backup_time must be a time of day as HH:MM, such as 02:00")
    for name, most in (
        ("aging_inspection_hours", MAX_INSPECTION_HOURS),
        ("aging_unidentified_days", MAX_UNIDENTIFIED_DAYS),
    ):
        value = merged[name]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
            raise InputError(f"{name} must be a whole number from 1 to {most}")
    check_delivery_settings(merged["smtp_url"], merged["mail_from"], merged["webhook_urls"])
    if not isinstance(merged["time_zone"], str):
        raise InputError("time_zone must be a time zone's name, such as America/Los_Angeles, or empty")
    merged["time_zone"] = merged["time_zone"].strip()
    problem = zone_problem(merged["time_zone"])
    if problem is not None:
        raise InputError(f"time_zone: {problem}")
    return StationSettings(**merged)


class SettingsService:
    """Reading and changing a station's settings: admins only, and every change is an audit event."""

    def __init__(self, store: SettingsStore, units: UnitOfWorkFactory) -> None:
        self.store = store
        self._units = units

    def load(self) -> tuple[StationSettings, str | None]:
        """The settings and, when the file could not be used, why (the defaults are then in effect)."""
        return self.store.load(), self.store.problem

    def save(self, settings: StationSettings, *, by: SignedInUser, station: str) -> None:
        from receiving_app.domain.audit import AuditEvent  # the audit chain's hashing is not needed to read settings

        if by.role != "admin":
            raise NotAllowed(f"{by.name} is a {by.role}; only an admin changes the station's settings.")
        before, after = asdict(self.store.load()), asdict(settings)
        changed = sorted(key for key in after if after[key] != before[key])
        with self._units.write() as uow:
            # The file is written inside the transaction: if it cannot be written, no change is recorded.
            uow.record(
                AuditEvent(
                    "settings_changed",
                    by.name,
                    station,
                    None,
                    {"changed": changed, "routing": routing_digest(settings), "station_id": settings.station_id},
                )
            )
            self.store.save(settings)
            uow.commit()
