"""The services one station process uses, built once by bootstrap() and handed to the window or CLI."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from receiving_app.domain.policy import Policy
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.services.aging import AgingService
from receiving_app.services.auth import AuthService
from receiving_app.services.catalog import CatalogService
from receiving_app.services.check_in import CheckInService
from receiving_app.services.containers import ContainerService
from receiving_app.services.day_counts import DayCountService
from receiving_app.services.document_issuing import DocumentIssuer
from receiving_app.services.history import HistoryService
from receiving_app.services.holds import HoldService
from receiving_app.services.line_actions import LineActionService
from receiving_app.services.outbox import OutboxService
from receiving_app.services.outbox_sender import OutboxSender
from receiving_app.services.policy_drafts import PolicyDraftService
from receiving_app.services.policy_publishing import PolicyPublishingService
from receiving_app.services.policy_replay import PolicyReplayService
from receiving_app.services.printing import PrintingService
from receiving_app.services.receiving import ReceivingService
from receiving_app.services.reports import ReportService
from receiving_app.services.rma_desk import RmaDeskService
from receiving_app.services.rma_opening import RmaOpeningService
from receiving_app.services.search import SearchService
from receiving_app.services.settings import SettingsService, SettingsStore, StationSettings
from receiving_app.services.stock import StockService
from receiving_app.services.unidentified import UnidentifiedReturnService
from receiving_app.services.unidentified_matching import UnidentifiedMatchingService
from receiving_app.services.users import UserService


@dataclass(frozen=True)
class Station:
    database_url: str
    policies: Mapping[str, Policy]
    settings_store: SettingsStore
    settings_service: SettingsService
    settings: StationSettings
    printed_folder: Path  # where documents go when no printer is configured
    units: UnitOfWorkFactory
    issuer: DocumentIssuer
    rma_opening: RmaOpeningService
    receiving: ReceivingService
    line_actions: LineActionService
    history: HistoryService
    printing: PrintingService
    auth: AuthService
    users: UserService
    search: SearchService
    catalog: CatalogService
    reports: ReportService
    day_counts: DayCountService
    stock: StockService
    containers: ContainerService
    holds: HoldService
    aging: AgingService
    rma_desk: RmaDeskService
    unidentified_matching: UnidentifiedMatchingService
    check_in: CheckInService
    unidentified: UnidentifiedReturnService
    policy_drafts: PolicyDraftService
    policy_replay: PolicyReplayService
    policy_publishing: PolicyPublishingService
    outbox: OutboxService
    outbox_sender: OutboxSender

    def printer_settings(self, document_type: str) -> Mapping[str, str]:
        return self.settings.printer_for(document_type, self.printed_folder)

    def close(self) -> None:
        self.units.engine.dispose()
