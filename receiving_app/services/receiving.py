"""Receiving at the bench: open an RMA by its scan, then receive each unit of its lines, hold a
line, or record what did not arrive.

Receiving a unit is one transaction: the inspection, every weight reading, the decision and its
numbered documents and the audit events commit together or not at all (the PDFs are drawn right
after, see document_issuing). The line is locked first, so a second receive of the same unit, from
any station, waits and then finds the first one's decision instead of writing another.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from sqlalchemy.exc import IntegrityError

from receiving_app.documents.photos import UnreadablePhoto, printable_photo
from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.decision import Outcome
from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import (
    Category,
    CustomerChoice,
    Item,
    PaymentMethod,
    ReturnDates,
    ReturnFacts,
    ReturnReason,
)
from receiving_app.domain.inspection import WeightLimits
from receiving_app.domain.judgement import Judgement, Stated, Weighing, judge
from receiving_app.domain.lifecycle import (
    LineStatus,
    RmaStatus,
    TransitionRefused,
    UnitState,
    line_status_of,
    require_can_hold,
    require_can_release,
    require_unit_open,
    rma_status_of,
)
from receiving_app.domain.policy import Policy
from receiving_app.domain.scan import parse_scan
from receiving_app.persistence.tables import DecisionRow, RmaLineRow, RmaRow, UserRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services import receiving_rows
from receiving_app.services.commands import PhotoAttachment, ReceiveLine
from receiving_app.services.document_issuing import DocumentIssuer
from receiving_app.services.errors import LineNotOpen, NotAllowed, NotFound, SupervisorNeeded
from receiving_app.services.mapping import decision_view, rma_view
from receiving_app.services.views import DecisionView, ReceiveResult, RmaView

RECEIVING_ROLES = frozenset({"receiver", "supervisor", "admin"})
SUPERVISOR_ROLES = frozenset({"supervisor", "admin"})


class ScanProblem(InputError):
    """A scan that opened nothing: garbled, or no RMA has that number. Recorded, then shown."""


class ReceivingService:
    def __init__(
        self,
        units: UnitOfWorkFactory,
        policies: Mapping[str, Policy],
        issuer: DocumentIssuer,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._units = units
        self._policies = policies
        self._issuer = issuer
        self._today = today

    # Opening an RMA -----------------------------------------------------------------------------

    def look_up_scan(
        self, raw_scan: str, *, user: str, station: str, mask_customer: bool = True
    ) -> tuple[RmaView, tuple[DecisionView, ...]]:
        """The RMA a scan names and the decisions already made on its lines, for the bench to show.

        Read without the write lock, so that the RMA shows at once even while another station is
        recording; the bench then records the opening with ``record_opened``. A bad scan is
        recorded and raised as ScanProblem.
        """
        number = self._scanned_number(raw_scan, user=user, station=station)
        with self._units.read() as uow:
            row = uow.records.rma(number)
            if row is not None:
                line_numbers = {line.id: line.line_no for line in row.lines}
                decisions = tuple(
                    decision_view(decision, line_numbers[decision.rma_line_id])
                    for decision in uow.records.decisions_for_rma(row.id)
                )
                units = uow.records.unit_states_of_lines(row.lines)
                return rma_view(row, self._policy(row.seller_id), units, mask_customer=mask_customer), decisions
        raise self._unknown_rma(number, user=user, station=station)

    def record_opened(self, number: str, *, user: str, station: str) -> None:
        """The audit event of an RMA shown by ``look_up_scan``."""
        with self._units.write() as uow:
            uow.record(AuditEvent("rma_opened", user, station, number, {"scanned": number}))
            uow.commit()

    def _scanned_number(self, raw_scan: str, *, user: str, station: str) -> str:
        try:
            return parse_scan(raw_scan).text.upper()
        except InputError as problem:
            self._record_refused_scan(AuditEvent("scan_rejected", user, station, None, {"problem": str(problem)}))
            raise ScanProblem(f"Scan not understood: {problem}") from None

    def _unknown_rma(self, number: str, *, user: str, station: str) -> ScanProblem:
        self._record_refused_scan(AuditEvent("scan_unknown_rma", user, station, None, {"scanned": number}))
        return ScanProblem(f"No RMA, RA or RGA numbered {number} is on file.")

    def _record_refused_scan(self, event: AuditEvent) -> None:
        with self._units.write() as uow:
            uow.record(event)
            uow.commit()

    def record_left(self, number: str, open_lines: Sequence[int], *, user: str, station: str) -> None:
        """The bench moved to another RMA while lines of this one were still open."""
        with self._units.write() as uow:
            uow.record(AuditEvent("rma_left_open", user, station, number, {"open_lines": list(open_lines)}))
            uow.commit()

    # Receiving a unit -------------------------------------------------------------------------------

    def receive(self, command: ReceiveLine) -> ReceiveResult:
        try:
            return self._receive_once(command)
        except IntegrityError:
            # Another station committed this unit's decision between our lock and our insert
            # (possible only where row locks are not taken); theirs stands, and we report it.
            with self._units.read() as uow:
                rma, line = self._rma_and_line(uow, command, lock=False)
                existing = uow.records.standing_decision(line.id, command.unit)
                if existing is None:
                    raise
                return ReceiveResult(
                    rma.number, line.line_no, command.unit, True, decision_view(existing, line.line_no), rma.status
                )

    def _receive_once(self, command: ReceiveLine) -> ReceiveResult:
        # Before the transaction: shrinking a camera photo takes milliseconds, and a file that is
        # not a picture is refused before anything is locked or written.
        thumbnails = [_printable(photo) for photo in command.photos]
        with self._units.write() as uow:
            rma, line = self._rma_and_line(uow, command, lock=True)
            existing = uow.records.standing_decision(line.id, command.unit)
            if existing is not None:
                self._store_missing_pdfs(uow, existing, command)
                return ReceiveResult(
                    rma.number, line.line_no, command.unit, True, decision_view(existing, line.line_no), rma.status
                )
            self._require_user(uow, command.user, RECEIVING_ROLES, "receive returns")
            units = uow.records.unit_states(line)
            _refuse_unless(
                lambda: require_unit_open(
                    LineStatus(line.status), units[command.unit - 1], where=_where(rma, line, command.unit)
                )
            )
            if command.override:
                self._require_user(uow, command.override.supervisor, SUPERVISOR_ROLES, "override a decision")

            policy = self._policy(rma.seller_id)
            self._require_recorded_policy(uow, policy)
            received_on = command.received_on or self._today()
            judgement = self._judge(uow, rma, line, command, policy, received_on)
            approved_over = self._require_approval(uow, line, command, judgement)

            now = uow.clock()
            inspection = receiving_rows.inspection_row(line, command, received_on, thumbnails, now)
            uow.records.add(inspection)
            decision_row = receiving_rows.decision_row(line, inspection, judgement, command, approved_over, now)
            uow.records.add(decision_row)
            uow.records.flush()  # the unique index on the unit speaks here, before documents are numbered
            documents = self._issuer.issue_for(
                uow, decision_row, judgement.decision.documents, rma, line, command.station
            )
            units[command.unit - 1] = UnitState.DECIDED
            closed = self._set_statuses(rma, line, units)

            for event in receiving_rows.receiving_events(
                rma.number, line, decision_row, judgement, command, approved_over
            ):
                uow.record(event)
            for document in documents:
                uow.record(
                    AuditEvent(
                        "document_issued",
                        command.user,
                        command.station,
                        rma.number,
                        {
                            "line": line.line_no,
                            "unit": command.unit,
                            "type": document.content.document_type.value,
                            "number": document.number,
                        },
                    )
                )
            if closed:
                uow.record(AuditEvent("rma_closed", command.user, command.station, rma.number, {}))
            uow.commit()
            result = ReceiveResult(
                rma.number, line.line_no, command.unit, False, decision_view(decision_row, line.line_no), rma.status
            )
        rendered = self._issuer.render_pdfs(documents)
        with self._units.write() as uow:
            self._issuer.store_pdfs(uow, rendered, user=command.user, station=command.station)
            uow.commit()
        return result

    def _store_missing_pdfs(self, uow: UnitOfWork, decision: DecisionRow, command: ReceiveLine) -> None:
        """Receiving a unit again after a power cut also finishes the PDFs the cut left undrawn."""
        undrawn = [document for document in decision.documents if document.pdf is None]
        for document in undrawn:
            self._issuer.stored_pdf(uow, document, user=command.user, station=command.station)
        if undrawn:
            uow.commit()

    def preview(self, command: ReceiveLine) -> Judgement:
        """The judgement receiving would make now, for the live panel; writes nothing.

        Raises MissingFact (what is still to check) and ImplausibleWeight as receiving would.
        """
        with self._units.read() as uow:
            rma, line = self._rma_and_line(uow, command, lock=False)
            policy = self._policy(rma.seller_id)
            return self._judge(uow, rma, line, command, policy, command.received_on or self._today())

    def _judge(
        self, uow: UnitOfWork, rma: RmaRow, line: RmaLineRow, command: ReceiveLine, policy: Policy, received_on: date
    ) -> Judgement:
        item = line.item
        limits = WeightLimits(
            item.sku, item.full_g, item.empty_g, item.weight_tolerance_g, item.sealed_min_g, item.sealed_max_g
        )
        weighing = None
        if command.weight is not None:
            if not command.weight.capturable:
                raise InputError("weight: only a stable, non-negative reading can be used for a decision.")
            weighing = Weighing(command.weight.grams, f"{command.weight.value} {command.weight.unit}")
        override = None
        if command.override is not None:
            override = (_override_outcome(command.override.outcome), command.override.reason)
            if not command.override.reason.strip():
                raise InputError("override: a supervisor override needs a written reason.")
        facts = self._facts(uow, rma, line, command, received_on)
        stated = Stated(ReturnReason(line.reason), CustomerChoice(line.customer_choice))
        return judge(policy, facts, stated=stated, limits=limits, weighing=weighing, override=override)

    def _require_approval(
        self, uow: UnitOfWork, line: RmaLineRow, command: ReceiveLine, judgement: Judgement
    ) -> tuple[str, ...]:
        """What a supervisor's approval was needed for (nothing, when the bench may decide alone);
        refuses without a supervisor's approval where one is needed."""
        why = list(judgement.needs_supervisor)
        if uow.records.unit_was_voided(line.id, command.unit):
            why.append(f"Unit {command.unit} of line {line.line_no} was decided before and that decision was voided.")
        if not why or command.override is not None:
            return ()  # an override is a supervisor's own decision
        if command.approval is None:
            raise SupervisorNeeded(tuple(why))
        self._require_user(uow, command.approval.supervisor, SUPERVISOR_ROLES, "approve a decision")
        if not command.approval.note.strip():
            raise InputError("approval: a supervisor's approval needs a written note.")
        return tuple(why)

    # Holding and skipping lines -------------------------------------------------------------------

    def hold(self, rma_number: str, line_no: int, *, user: str, station: str, note: str) -> None:
        if not note.strip():
            raise InputError("A hold needs a note saying why the line waits.")
        with self._units.write() as uow:
            rma, line = self._locked_line(uow, rma_number, line_no, user, RECEIVING_ROLES, "hold lines")
            _refuse_unless(lambda: require_can_hold(LineStatus(line.status), where=_where(rma, line)))
            line.status, line.hold_note = LineStatus.ON_HOLD.value, note.strip()
            uow.record(AuditEvent("line_held", user, station, rma.number, {"line": line_no, "note": note.strip()}))
            uow.commit()

    def release_hold(self, rma_number: str, line_no: int, *, user: str, station: str, note: str = "") -> None:
        with self._units.write() as uow:
            rma, line = self._locked_line(uow, rma_number, line_no, user, SUPERVISOR_ROLES, "release holds")
            _refuse_unless(lambda: require_can_release(LineStatus(line.status), where=_where(rma, line)))
            line.status = LineStatus.OPEN.value
            uow.record(AuditEvent("hold_released", user, station, rma.number, {"line": line_no, "note": note.strip()}))
            uow.commit()

    def mark_not_received(
        self, rma_number: str, line_no: int, *, user: str, station: str, note: str = "", unit: int | None = None
    ) -> tuple[int, ...]:
        """Records that a unit (or, without ``unit``, every open unit of the line) was not in the parcel."""
        with self._units.write() as uow:
            rma, line = self._locked_line(uow, rma_number, line_no, user, RECEIVING_ROLES, "record partial receipts")
            units = uow.records.unit_states(line)
            if unit is not None:
                _require_unit_number(rma, line, unit)
                missing: tuple[int, ...] = (unit,)
            else:
                missing = tuple(number for number, state in enumerate(units, 1) if state is UnitState.OPEN)
                if not missing:
                    raise LineNotOpen(
                        f"{_where(rma, line)} is {line.status.replace('_', ' ')}: no unit is still to receive."
                    )
            for number in missing:
                _refuse_unless(
                    lambda number=number: require_unit_open(
                        LineStatus(line.status), units[number - 1], where=_where(rma, line, number)
                    )
                )
            now, received_on = uow.clock(), self._today()
            for number in missing:
                uow.records.add(
                    receiving_rows.absence_row(
                        line, number, user=user, station=station, note=note.strip(), received_on=received_on, at=now
                    )
                )
                units[number - 1] = UnitState.NOT_RECEIVED
            closed = self._set_statuses(rma, line, units)
            uow.record(
                AuditEvent(
                    "line_not_received",
                    user,
                    station,
                    rma.number,
                    {"line": line_no, "units": list(missing), "note": note.strip()},
                )
            )
            if closed:
                uow.record(AuditEvent("rma_closed", user, station, rma.number, {}))
            uow.commit()
            return missing

    # Helpers ------------------------------------------------------------------------------------------

    def _locked_line(
        self, uow: UnitOfWork, rma_number: str, line_no: int, user: str, roles: frozenset[str], doing: str
    ) -> tuple[RmaRow, RmaLineRow]:
        rma, line = self._rma_and_line(uow, ReceiveLine(rma_number, line_no, user, ""), lock=True)
        self._require_user(uow, user, roles, doing)
        return rma, line

    @staticmethod
    def _set_statuses(rma: RmaRow, line: RmaLineRow, units: list[UnitState]) -> bool:
        """The line's and the RMA's status after a unit changed; true when this closed the RMA."""
        line.status = line_status_of(units, on_hold=line.status == LineStatus.ON_HOLD.value).value
        was_closed = rma.status == RmaStatus.CLOSED.value
        rma.status = rma_status_of(LineStatus(other.status) for other in rma.lines).value
        return rma.status == RmaStatus.CLOSED.value and not was_closed

    def _policy(self, policy_id: str) -> Policy:
        policy = self._policies.get(policy_id)
        if policy is None:
            raise NotFound(f"The policy {policy_id!r} is not installed at this station.")
        return policy

    @staticmethod
    def _rma_and_line(uow: UnitOfWork, command: ReceiveLine, *, lock: bool) -> tuple[RmaRow, RmaLineRow]:
        rma = uow.records.rma(command.rma_number.strip().upper())
        if rma is None:
            raise NotFound(f"No RMA numbered {command.rma_number} is on file.")
        line = (
            uow.records.rma_line_for_update(rma.id, command.line_no)
            if lock
            else next((candidate for candidate in rma.lines if candidate.line_no == command.line_no), None)
        )
        if line is None:
            raise NotFound(f"{rma.number} has no line {command.line_no} (it has {len(rma.lines)}).")
        _require_unit_number(rma, line, command.unit)
        return rma, line

    @staticmethod
    def _require_user(uow: UnitOfWork, name: str, roles: frozenset[str], doing: str) -> UserRow:
        user = uow.records.user(name)
        if user is None or not user.active:
            raise NotAllowed(f"{name!r} is not a known, active user of this station.")
        if user.role not in roles:
            raise NotAllowed(f"{name} is a {user.role} and may not {doing}.")
        return user

    @staticmethod
    def _require_recorded_policy(uow: UnitOfWork, policy: Policy) -> None:
        recorded = uow.records.policy_version(policy.id, policy.version)
        if recorded is None:
            raise LineNotOpen(
                f"Policy {policy.id} version {policy.version} is not recorded in this database; run `receiving-app db upgrade`."
            )
        if recorded.source_text != policy.source_text:
            raise LineNotOpen(
                f"Policy {policy.id} version {policy.version} was edited without a new version; "
                "give the changed policy a new version before deciding under it."
            )

    @staticmethod
    def _facts(uow: UnitOfWork, rma: RmaRow, line: RmaLineRow, command: ReceiveLine, received_on: date) -> ReturnFacts:
        order = rma.order
        reported = rma.reported_on
        if received_on < reported:
            raise InputError(f"received: {received_on} is before the return was authorised ({reported}).")
        return ReturnFacts(
            reason=command.reason or ReturnReason(line.reason),
            customer_choice=command.customer_choice or CustomerChoice(line.customer_choice),
            # Each unit is decided on its own: its merchandise is one unit's price.
            item=Item(line.sku, Category(line.item.category), line.order_line.unit_price, 1),
            dates=ReturnDates(
                purchased=order.purchased_on,
                reported=reported,
                shipped=order.shipped_on,
                delivered=order.delivered_on,
                received=received_on,
            ),
            payment_method=PaymentMethod(order.payment_method),
            shipping_paid=(order.shipping_paid - uow.records.shipping_already_refunded(order.id)).floored_at_zero(),
            return_label_cost=(rma.return_label_cost - uow.records.label_already_deducted(rma.id)).floored_at_zero(),
            condition=command.condition,
            flags=command.flags,
        )


def _where(rma: RmaRow, line: RmaLineRow, unit: int | None = None) -> str:
    if unit is None or line.quantity == 1:
        return f"Line {line.line_no} of {rma.number}"
    return f"Unit {unit} of {line.quantity} on line {line.line_no} of {rma.number}"


def _require_unit_number(rma: RmaRow, line: RmaLineRow, unit: int) -> None:
    if not 1 <= unit <= line.quantity:
        raise NotFound(f"Line {line.line_no} of {rma.number} has {line.quantity} unit(s); there is no unit {unit}.")


def _refuse_unless(check: Callable[[], None]) -> None:
    try:
        check()
    except TransitionRefused as refused:
        raise LineNotOpen(str(refused)) from None


def _override_outcome(value: str) -> Outcome:
    try:
        return Outcome(value)
    except ValueError:
        raise InputError(f"override: the outcome must be refund, replacement or denied, not {value!r}") from None


def _printable(photo: PhotoAttachment) -> bytes:
    try:
        return printable_photo(photo.content)
    except UnreadablePhoto as problem:
        raise InputError(f"The photo {photo.file_name} cannot be read as a picture ({problem}).") from None
