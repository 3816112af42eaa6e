"""The one place where policies, databases, services and devices are wired together.

Only what the station window needs to put its sign-in on screen is imported at the top; the
database layer loads inside ``bootstrap()``, which the window runs in the background while the clerk
types (it takes most of a start), and each service the first time it is used (``_Wiring``): a
command pays for the services it uses, the window builds them all on that background worker.
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
    from datetime import date, tzinfo

    from receiving_app.domain.customer_messages import MessageTexts
    from receiving_app.domain.policy import Policy
    from receiving_app.domain.routing import RoutingTable
    from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
    from receiving_app.services.policy_book import PolicyBook
    from receiving_app.services.settings import StationSettings
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
    """Open (and on first use create and migrate) the database, and wire the services over it, each
    built when first used (``today`` is the calendar's date unless a test sets the day)."""
    from datetime import date

    from receiving_app.persistence.database import create_database_engine, resolve_database_url
    from receiving_app.persistence.message_files import load_message_texts
    from receiving_app.persistence.outbox_writing import OutboxSubscriptions
    from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
    from receiving_app.services.credentials import with_remembered_password
    from receiving_app.services.policy_book import PolicyBook
    from receiving_app.services.settings import SettingsService
    from receiving_app.services.setup import prepare_database
    from receiving_app.services.station import Station
    from receiving_app.services.station_time import station_zone

    policies = load_shipped_policies()
    routing = load_shipped_routing()
    store = settings_store(settings_path)
    settings = store.load()
    zone = station_zone(settings.time_zone)  # RECEIVING_APP_TIME_ZONE first
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
    # Read at every start, as before the services were built on use: a seller without texts stops it.
    texts = load_message_texts(resources_dir() / "messages", list(policies))
    wiring = _Wiring(units, policies, routing, store, settings, zone, today or date.today, texts)
    return Station(
        database_url=url,
        zone=zone,
        policies=policies,
        settings_store=store,
        settings_service=SettingsService(store, units),
        settings=settings,
        printed_folder=Path(user_data_dir(APP_NAME, appauthor=False)) / "printed",
        units=units,
        builders=wiring.builders(),
    )


class _Wiring:
    """How each service of the station is made, from what bootstrap() opened and read.

    The station calls a builder the first time its service is asked for (services/built_on_use.py),
    so each builder imports its own service: `rma list` loads the history, not reportlab, the
    accounting exports or e-mail. A builder asks the station for the services it is made over.
    """

    def __init__(
        self,
        units: UnitOfWorkFactory,
        policies: PolicyBook,
        routing: RoutingTable,
        store: SettingsStore,
        settings: StationSettings,
        zone: tzinfo | None,
        calendar: Callable[[], date],
        texts: Mapping[str, MessageTexts],
    ) -> None:
        self.units, self.policies, self.routing, self.zone = units, policies, routing, zone
        self.store, self.settings, self.calendar, self.texts = store, settings, calendar, texts

    def builders(self) -> dict[str, Callable[[Station], object]]:
        """Every other public method, by its name: each is named as the station attribute it builds."""
        names = [name for name in vars(_Wiring) if not name.startswith("_") and name != "builders"]
        return {name: getattr(self, name) for name in names}

    def issuer(self, station: Station):
        from receiving_app.services.document_issuing import DocumentIssuer

        settings = self.settings

        def render_with_settings(content, medium):
            # reportlab and the layouts load with the first document rendered, not with the station.
            from receiving_app.documents.render import render

            return render(content, medium, receipt_layout=settings.receipt_layout)

        return DocumentIssuer(render_with_settings, self.policies, page_size=settings.page_size, zone=self.zone)

    def rma_opening(self, station: Station):
        from receiving_app.services.rma_opening import RmaOpeningService

        return RmaOpeningService(self.units, self.policies)

    def receiving(self, station: Station):
        from receiving_app.services.receiving import ReceivingService

        return ReceivingService(self.units, self.policies, station.issuer, self.routing, self.calendar)

    def archives(self, station: Station):
        from receiving_app.services.archiving import ArchiveService

        return ArchiveService(self.units, self.calendar, zone=self.zone)

    def line_actions(self, station: Station):
        from receiving_app.services.line_actions import LineActionService

        return LineActionService(self.units, self.calendar)

    def history(self, station: Station):
        from receiving_app.services.history import HistoryService

        return HistoryService(self.units, self.policies, station.issuer)

    def printing(self, station: Station):
        from receiving_app.devices.printers.settings import printer_from_settings
        from receiving_app.services.printing import PrintingService

        return PrintingService(self.units, station.issuer, printer_from_settings, self.routing)

    def auth(self, station: Station):
        from receiving_app.services.auth import AuthService

        return AuthService(self.units)

    def users(self, station: Station):
        from receiving_app.services.users import UserService

        return UserService(self.units)

    def search(self, station: Station):
        from receiving_app.services.search import SearchService

        return SearchService(self.units, zone=self.zone)

    def catalog(self, station: Station):
        from receiving_app.services.catalog import CatalogService

        return CatalogService(self.units)

    def reports(self, station: Station):
        from receiving_app.services.reports import ReportService

        page_size = self.settings.page_size
        return ReportService(self.units, self.routing, zone=self.zone, page_size=page_size, aging=station.aging)

    def day_counts(self, station: Station):
        from receiving_app.services.day_counts import DayCountService

        return DayCountService(self.units, zone=self.zone)

    def stock(self, station: Station):
        from receiving_app.services.stock import StockService

        return StockService(self.units)

    def containers(self, station: Station):
        from receiving_app.services.containers import ContainerService

        return ContainerService(self.units, self.routing)

    def holds(self, station: Station):
        from receiving_app.services.holds import HoldService

        return HoldService(self.units, self.routing)

    def aging(self, station: Station):
        from receiving_app.services.aging import AgingService

        return AgingService(
            self.units,
            self.policies,
            inspection_hours=self.settings.aging_inspection_hours,
            unidentified_days=self.settings.aging_unidentified_days,
            zone=self.zone,
        )

    def rma_desk(self, station: Station):
        from receiving_app.services.rma_desk import RmaDeskService

        return RmaDeskService(self.units, self.policies, self.calendar)

    def unidentified_matching(self, station: Station):
        from receiving_app.services.unidentified_matching import UnidentifiedMatchingService

        return UnidentifiedMatchingService(self.units, self.policies, self.calendar)

    def check_in(self, station: Station):
        from receiving_app.services.check_in import CheckInService

        return CheckInService(self.units, zone=self.zone)

    def unidentified(self, station: Station):
        from receiving_app.services.unidentified import UnidentifiedReturnService

        return UnidentifiedReturnService(self.units)

    def policy_drafts(self, station: Station):
        from receiving_app.services.policy_drafts import PolicyDraftService

        return PolicyDraftService(self.units, self.policies)

    def policy_replay(self, station: Station):
        from receiving_app.services.policy_replay import PolicyReplayService

        return PolicyReplayService(self.units, station.policy_drafts)

    def policy_publishing(self, station: Station):
        from receiving_app.services.policy_publishing import PolicyPublishingService

        return PolicyPublishingService(self.units, self.policies, station.policy_drafts)

    def outbox(self, station: Station):
        from receiving_app.services.outbox import OutboxService

        return OutboxService(self.units)

    def outbox_sender(self, station: Station):
        from receiving_app.services.delivery_settings import delivery_from_settings
        from receiving_app.services.outbox_sender import OutboxSender

        settings = self.settings
        return OutboxSender(
            self.units,
            self.texts,
            station.issuer,
            lambda: delivery_from_settings(settings, Path(user_data_dir(APP_NAME, appauthor=False)) / "outbox"),
            station=settings.station_id,
        )

    def register(self, station: Station):
        from receiving_app.services.accounting_register import AccountingRegisterService

        return AccountingRegisterService(self.units, zone=self.zone)

    def exports(self, station: Station):
        from receiving_app.services.accounting_exports import AccountingExportService
        from receiving_app.services.accounting_settings import FILE_NAME as ACCOUNTING_FILE

        return AccountingExportService(
            self.units,
            self.store.path.parent / ACCOUNTING_FILE,  # docs/accounting.md
            Path(user_data_dir(APP_NAME, appauthor=False)) / "exports",
            station.outbox_sender.deliver_now,
            zone=self.zone,
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

    return run(settings_store().load(), open_station, warm_station)


def warm_station(station: Station) -> None:
    """Every service, and the documents' layouts with reportlab (a decision prints at once), built
    ahead behind the first window, rather than at a clerk's first scan or decision."""
    station.build_every_service()
    import receiving_app.documents.render  # noqa: F401 - loaded for what it loads


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
