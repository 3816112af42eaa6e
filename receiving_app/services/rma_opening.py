"""Opening an RMA at the bench by its scan, and leaving it for another with lines still open.

The scan arrives parsed (``domain.scan.ScanValue``): the wedge or the scan field parsed it once,
and it is not flattened to text and parsed again here. Each step is recorded in the audit trail,
refused scans too: a garbled scan or an unknown number says who scanned what, and where.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError
from receiving_app.domain.policy import Policy
from receiving_app.domain.scan import ScanValue
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.services.mapping import decision_view, rma_view
from receiving_app.services.rma_lines import installed_policy
from receiving_app.services.views import DecisionView, RmaView


class ScanProblem(InputError):
    """A scan that opened nothing: garbled, or no RMA has that number. Recorded, then shown."""


class RmaOpeningService:
    def __init__(self, units: UnitOfWorkFactory, policies: Mapping[str, Policy]) -> None:
        self._units = units
        self._policies = policies

    def look_up_scan(
        self, scan: ScanValue, *, user: str, station: str, mask_customer: bool = True
    ) -> tuple[RmaView, tuple[DecisionView, ...]]:
        """The RMA a scan names and the decisions already made on its lines, for the bench to show.

        Read without the write lock, so that the RMA shows at once even while another station is
        recording; the bench then records the opening with ``record_opened``. A number that names
        no RMA is recorded and raised as ScanProblem.
        """
        number = scan.text.upper()
        with self._units.read() as uow:
            row = uow.records.rma(number)
            if row is not None:
                line_numbers = {line.id: line.line_no for line in row.lines}
                decisions = tuple(
                    decision_view(decision, line_numbers[decision.rma_line_id])
                    for decision in uow.records.decisions_for_rma(row.id)
                )
                units = uow.records.unit_states_of_lines(row.lines)
                policy = installed_policy(self._policies, row.seller_id)
                return rma_view(row, policy, units, mask_customer=mask_customer), decisions
        raise self._unknown_rma(number, user=user, station=station)

    def record_opened(self, number: str, *, user: str, station: str) -> None:
        """The audit event of an RMA shown by ``look_up_scan``."""
        self._record(AuditEvent("rma_opened", user, station, number, {"scanned": number}))

    def record_left(self, number: str, open_lines: Sequence[int], *, user: str, station: str) -> None:
        """The bench moved to another RMA while lines of this one were still open."""
        self._record(AuditEvent("rma_left_open", user, station, number, {"open_lines": list(open_lines)}))

    def record_refused_scan(self, problem: str, *, user: str, station: str) -> None:
        """A scan that could not be parsed: what was wrong with it, never the characters it held."""
        self._record(AuditEvent("scan_rejected", user, station, None, {"problem": problem}))

    def _unknown_rma(self, number: str, *, user: str, station: str) -> ScanProblem:
        self._record(AuditEvent("scan_unknown_rma", user, station, None, {"scanned": number}))
        return ScanProblem(f"No RMA, RA or RGA numbered {number} is on file.")

    def _record(self, event: AuditEvent) -> None:
        with self._units.write() as uow:
            uow.record(event)
            uow.commit()
