"""The queries the services make, in their words, gathered over one session (see unit_of_work.py).

Each area's queries live in a module of their own; this class puts them behind the one
``uow.records`` the services know.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from receiving_app.persistence.accounting_records import AccountingRecords
from receiving_app.persistence.aging_records import AgingRecords
from receiving_app.persistence.archive_records import ArchiveRecords
from receiving_app.persistence.audit_checkpoint_records import AuditCheckpointRecords
from receiving_app.persistence.audit_records import AuditRecords
from receiving_app.persistence.bulk_loading_records import BulkLoadingRecords
from receiving_app.persistence.catalog_records import CatalogRecords
from receiving_app.persistence.day_count_records import DayCountRecords
from receiving_app.persistence.decision_records import DecisionRecords
from receiving_app.persistence.desk_records import DeskRecords
from receiving_app.persistence.disposition_records import DispositionRecords
from receiving_app.persistence.document_records import DocumentRecords
from receiving_app.persistence.matching_records import MatchingRecords
from receiving_app.persistence.outbox_records import OutboxRecords
from receiving_app.persistence.parcel_records import ParcelRecords
from receiving_app.persistence.policy_admin_records import PolicyAdminRecords
from receiving_app.persistence.policy_replay_records import PolicyReplayRecords
from receiving_app.persistence.receiving_records import ReceivingRecords
from receiving_app.persistence.rma_records import RmaRecords
from receiving_app.persistence.rma_search_records import RmaSearchRecords
from receiving_app.persistence.table_base import Base
from receiving_app.persistence.user_records import UserRecords


class Records(
    RmaRecords,
    DecisionRecords,
    RmaSearchRecords,
    CatalogRecords,
    UserRecords,
    DocumentRecords,
    AuditRecords,
    AuditCheckpointRecords,
    ArchiveRecords,
    BulkLoadingRecords,
    DayCountRecords,
    DispositionRecords,
    DeskRecords,
    MatchingRecords,
    ParcelRecords,
    AgingRecords,
    OutboxRecords,
    PolicyAdminRecords,
    PolicyReplayRecords,
    ReceivingRecords,
    AccountingRecords,
):
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, row: Base) -> None:
        self.session.add(row)

    def flush(self) -> None:
        self.session.flush()
