"""The one place where policies, databases, services and devices are wired together.

Only what the station window needs to put its sign-in on screen is imported at the top; the
database layer and the services load inside ``bootstrap()``, which the window runs in the
background while the clerk types (they take most of a start).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_config_dir, user_data_dir

from receiving_app import APP_NAME, __version__
from receiving_app.locations import policies_dir, resources_dir
from receiving_app.services.settings import SettingsStore

if TYPE_CHECKING:
    from datetime import date

    from receiving_app.domain.policy import Policy
    from receiving_app.domain.routing import RoutingTable
    from receiving_app.services.station import Station


def load_shipped_policies() -> Mapping[str, Policy]:
    from receiving_app.persistence.policy_files import load_policies

    return load_policies(policies_dir())


def load_shipped_routing() -> RoutingTable:
    from receiving_app.locations import warehouse_dir
    from receiving_app.persistence.route_files import load_routing

    return load_routing(warehouse_dir() / "routes.toml")


def settings_store(settings_path: Path | None = None) -> SettingsStore:
    """This station's settings file (in the user's configuration folder unless a test names one)."""
    return SettingsStore(settings_path or Path(user_config_dir(APP_NAME, appauthor=False)) / "settings.json")


def bootstrap(
    database_url: str | None = None,
    *,
    prepare: bool = True,
    settings_path: Path | None = None,
    today: Callable[[], date] | None = None,
) -> Station:
    """Open (and on first use create and migrate) the database, and build the services over it
    (``today`` is the calendar's date unless a test sets the day)."""
    from datetime import date

    from receiving_app.devices.printers.settings import printer_from_settings
    from receiving_app.documents.render import render
    from receiving_app.persistence.database import create_database_engine, resolve_database_url
    from receiving_app.persistence.message_files import load_message_texts
    from receiving_app.persistence.outbox_writing import OutboxSubscriptions
    from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
    from receiving_app.services.aging import AgingService
    from receiving_app.services.auth import AuthService
    from receiving_app.services.catalog import CatalogService
    from receiving_app.services.check_in import CheckInService
    from receiving_app.services.containers import ContainerService
    from receiving_app.services.credentials import with_remembered_password
    from receiving_app.services.day_counts import DayCountService
    from receiving_app.services.delivery_settings import delivery_from_settings
    from receiving_app.services.document_issuing import DocumentIssuer
    from receiving_app.services.history import HistoryService
    from receiving_app.services.holds import HoldService
    from receiving_app.services.line_actions import LineActionService
    from receiving_app.services.outbox import OutboxService
    from receiving_app.services.outbox_sender import OutboxSender
    from receiving_app.services.policy_book import PolicyBook
    from receiving_app.services.policy_drafts import PolicyDraftService
    from receiving_app.services.policy_publishing import PolicyPublishingService
    from receiving_app.services.policy_replay import PolicyReplayService
    from receiving_app.services.printing import PrintingService
    from receiving_app.services.receiving import ReceivingService
    from receiving_app.services.reports import ReportService
    from receiving_app.services.rma_desk import RmaDeskService
    from receiving_app.services.rma_opening import RmaOpeningService
    from receiving_app.services.search import SearchService
    from receiving_app.services.settings import SettingsService
    from receiving_app.services.setup import prepare_database
    from receiving_app.services.station import Station
    from receiving_app.services.stock import StockService
    from receiving_app.services.unidentified import UnidentifiedReturnService
    from receiving_app.services.unidentified_matching import UnidentifiedMatchingService
    from receiving_app.services.users import UserService

    policies = load_shipped_policies()
    routing = load_shipped_routing()
    store = settings_store(settings_path)
    settings = store.load()
    url = resolve_database_url(
        database_url, with_remembered_password(settings.database_url) if settings.database_url else None
    )
    outbox = OutboxSubscriptions(webhook_urls=tuple(settings.webhook_urls))  # docs/messages.md
    units = UnitOfWorkFactory(create_database_engine(url), outbox=outbox)
    if prepare:
        prepare_database(units, policies, routing, station=settings.station_id)
    # From here on a seller's policy is the version in effect, published at the station or installed.
    policies = PolicyBook(policies, units, today or date.today)
    policies.refresh()

    def render_with_settings(content, medium):
        return render(content, medium, receipt_layout=settings.receipt_layout)

    issuer = DocumentIssuer(render_with_settings, policies, page_size=settings.page_size)
    aging = AgingService(
        units,
        policies,
        inspection_hours=settings.aging_inspection_hours,
        unidentified_days=settings.aging_unidentified_days,
    )
    calendar = today or date.today
    drafts = PolicyDraftService(units, policies)
    return Station(
        database_url=url,
        policies=policies,
        settings_store=store,
        settings_service=SettingsService(store, units),
        settings=settings,
        printed_folder=Path(user_data_dir(APP_NAME, appauthor=False)) / "printed",
        units=units,
        issuer=issuer,
        rma_opening=RmaOpeningService(units, policies),
        receiving=ReceivingService(units, policies, issuer, routing, calendar),
        line_actions=LineActionService(units, calendar),
        history=HistoryService(units, policies, issuer),
        printing=PrintingService(units, issuer, printer_from_settings, routing),
        auth=AuthService(units),
        users=UserService(units),
        search=SearchService(units),
        catalog=CatalogService(units),
        reports=ReportService(units, routing, page_size=settings.page_size, aging=aging),
        day_counts=DayCountService(units),
        stock=StockService(units),
        containers=ContainerService(units, routing),
        holds=HoldService(units, routing),
        aging=aging,
        rma_desk=RmaDeskService(units, policies, calendar),
        unidentified_matching=UnidentifiedMatchingService(units, policies, calendar),
        check_in=CheckInService(units),
        unidentified=UnidentifiedReturnService(units),
        policy_drafts=drafts,
        policy_replay=PolicyReplayService(units, drafts),
        policy_publishing=PolicyPublishingService(units, policies, drafts),
        outbox=OutboxService(units),
        outbox_sender=OutboxSender(
            units,
            load_message_texts(resources_dir() / "messages", list(policies)),
            issuer,
            lambda: delivery_from_settings(settings, Path(user_data_dir(APP_NAME, appauthor=False)) / "outbox"),
            station=settings.station_id,
        ),
    )


def upgrade_database(database_url: str | None) -> tuple[str | None, str]:
    """Bring the database to the newest migration and record the shipped policies; returns the
    revisions before and after (``receiving-app db upgrade``)."""
    from receiving_app.persistence.database import create_database_engine, resolve_database_url
    from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
    from receiving_app.services.setup import prepare_database

    units = UnitOfWorkFactory(create_database_engine(resolve_database_url(database_url)))
    try:
        return prepare_database(units, load_shipped_policies(), load_shipped_routing())
    finally:
        units.engine.dispose()


def fill_demo_data(station: Station, *, rmas: int, seed: int, progress=lambda message: None):
    from datetime import date

    from receiving_app.services.demo import fill_demo

    return fill_demo(
        station.units,
        resources_dir() / "demo" / "catalog.csv",
        rmas=rmas,
        seed=seed,
        today=date.today(),
        progress=progress,
    )


def run_station_window(database_url: str | None = None, *, demo: bool = False) -> int:
    """The sign-in on screen at once; the station (database, services) opens behind it."""
    from receiving_app.gui.app import run

    def open_station() -> Station:
        station = bootstrap(database_url)
        try:
            if demo:
                with station.units.read() as uow:
                    empty = uow.records.is_empty()
                if empty:
                    fill_demo_data(station, rmas=200, seed=1)
        except BaseException:
            station.close()
            raise
        return station

    return run(settings_store().load(), open_station)


def self_test() -> str:
    """A headless check for an installed station: policies load, the worked example decides, Qt starts.

    The example is the one of docs/return-policies.md, shipped in ``resources/examples``.
    """
    from decimal import Decimal

    from receiving_app.domain.decision import decision_as_json
    from receiving_app.domain.engine import decide
    from receiving_app.domain.scenario import read_scenario

    policies = load_shipped_policies()
    examples = resources_dir() / "examples"
    scenario = read_scenario(json.loads((examples / "spec-scenario.json").read_text(), parse_float=Decimal))
    expected = json.loads((examples / "spec-decision.json").read_text())
    actual = decision_as_json(decide(policies[scenario.policy_id], scenario.facts))
    if actual != expected:
        raise RuntimeError(f"the worked example decided differently: {actual}")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as qt_version
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    probe = QLabel("self-test")
    probe.show()
    app.processEvents()
    probe.close()
    return (
        f"{APP_NAME} {__version__} self-test ok: {len(policies)} policies, "
        f"example decided {actual['outcome']} {actual['refund_total']}, Qt {qt_version} on {app.platformName()}"
    )
