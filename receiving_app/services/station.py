"""The services one station process uses, wired by bootstrap() and handed to the window or CLI.

Each service is built the first time it is asked for (built_on_use.py), by the builder bootstrap gave
for its name: a command loads the modules of the services it uses and no others.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from receiving_app.domain.policy import Policy
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.services.built_on_use import BuiltOnUse
from receiving_app.services.settings import SettingsService, SettingsStore, StationSettings

if TYPE_CHECKING:  # each is imported by its builder in bootstrap.py, when first used
    from receiving_app.services.accounting_exports import AccountingExportService
    from receiving_app.services.accounting_register import AccountingRegisterService
    from receiving_app.services.aging import AgingService
    from receiving_app.services.archiving import ArchiveService
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
    issuer: ClassVar[BuiltOnUse[DocumentIssuer]] = BuiltOnUse()
    rma_opening: ClassVar[BuiltOnUse[RmaOpeningService]] = BuiltOnUse()
    receiving: ClassVar[BuiltOnUse[ReceivingService]] = BuiltOnUse()
    line_actions: ClassVar[BuiltOnUse[LineActionService]] = BuiltOnUse()
    history: ClassVar[BuiltOnUse[HistoryService]] = BuiltOnUse()
    printing: ClassVar[BuiltOnUse[PrintingService]] = BuiltOnUse()
    auth: ClassVar[BuiltOnUse[AuthService]] = BuiltOnUse()
    users: ClassVar[BuiltOnUse[UserService]] = BuiltOnUse()
    search: ClassVar[BuiltOnUse[SearchService]] = BuiltOnUse()
    catalog: ClassVar[BuiltOnUse[CatalogService]] = BuiltOnUse()
    reports: ClassVar[BuiltOnUse[ReportService]] = BuiltOnUse()
    day_counts: ClassVar[BuiltOnUse[DayCountService]] = BuiltOnUse()
    stock: ClassVar[BuiltOnUse[StockService]] = BuiltOnUse()
    containers: ClassVar[BuiltOnUse[ContainerService]] = BuiltOnUse()
    holds: ClassVar[BuiltOnUse[HoldService]] = BuiltOnUse()
    aging: ClassVar[BuiltOnUse[AgingService]] = BuiltOnUse()
    rma_desk: ClassVar[BuiltOnUse[RmaDeskService]] = BuiltOnUse()
    unidentified_matching: ClassVar[BuiltOnUse[UnidentifiedMatchingService]] = BuiltOnUse()
    check_in: ClassVar[BuiltOnUse[CheckInService]] = BuiltOnUse()
    unidentified: ClassVar[BuiltOnUse[UnidentifiedReturnService]] = BuiltOnUse()
    policy_drafts: ClassVar[BuiltOnUse[PolicyDraftService]] = BuiltOnUse()
    policy_replay: ClassVar[BuiltOnUse[PolicyReplayService]] = BuiltOnUse()
    policy_publishing: ClassVar[BuiltOnUse[PolicyPublishingService]] = BuiltOnUse()
    outbox: ClassVar[BuiltOnUse[OutboxService]] = BuiltOnUse()
    outbox_sender: ClassVar[BuiltOnUse[OutboxSender]] = BuiltOnUse()
    # The accountant's register and exports (docs/accounting.md).
    register: ClassVar[BuiltOnUse[AccountingRegisterService]] = BuiltOnUse()
    exports: ClassVar[BuiltOnUse[AccountingExportService]] = BuiltOnUse()
    # The oldest records moved to archive files (services/archiving.py).
    archives: ClassVar[BuiltOnUse[ArchiveService]] = BuiltOnUse()

    zone: tzinfo | None = None  # where every time is shown and printed, a report's days end; None: the computer's
    builders: Mapping[str, Callable[[Station], object]] = field(default_factory=dict, repr=False, compare=False)
    building: threading.RLock = field(default_factory=threading.RLock, init=False, repr=False, compare=False)

    def printer_settings(self, document_type: str) -> Mapping[str, str]:
        return self.settings.printer_for(document_type, self.printed_folder)

    def build_every_service(self) -> None:
        """Builds now each service a first use would build: the station window has it done on a worker
        once it has first been painted."""
        for name, attribute in vars(Station).items():
            if isinstance(attribute, BuiltOnUse):
                getattr(self, name)

    def close(self) -> None:
        self.units.engine.dispose()
