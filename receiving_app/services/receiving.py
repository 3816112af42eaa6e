"""Receiving at the bench: open an RMA by its scan, then receive, hold or skip each line.

Receiving a line is one transaction: the inspection, every weight reading, the decision and its
documents (numbered and rendered) and the audit events commit together or not at all. The line
is locked first, so a second receive of the same line, from any station, waits and then finds
the first one's decision instead of writing another.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PIL import Image
from sqlalchemy.exc import IntegrityError

from receiving_app.documents.style import photo_thumbnail
from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.decision import Decision, Outcome
from receiving_app.domain.engine import MissingFact, decide, decide_with_override
from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import (
    CONDITION_FIELDS,
    FLAG_FIELDS,
    Category,
    CustomerChoice,
    Item,
    PaymentMethod,
    ReturnDates,
    ReturnFacts,
    ReturnReason,
)
from receiving_app.domain.policy import Policy
from receiving_app.domain.scan import parse_scan
from receiving_app.domain.weight import FillMeasurement
from receiving_app.persistence.tables import (
    DecisionRow,
    InspectionRow,
    PhotoRow,
    RmaLineRow,
    RmaRow,
    UserRow,
    WeightReadingRow,
)
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.commands import PhotoAttachment, ReceiveLine, WeightCapture
from receiving_app.services.document_issuing import DocumentIssuer
from receiving_app.services.errors import LineNotOpen, NotAllowed, NotFound
from receiving_app.services.mapping import decision_view, rma_view
from receiving_app.services.views import DecisionView, ReceiveResult, RmaView

RECEIVING_ROLES = frozenset({"receiver", "supervisor", "admin"})
SUPERVISOR_ROLES = frozenset({"supervisor", "admin"})
LINE_DONE = frozenset({"decided", "not_received"})


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

    def open_by_scan(self, raw_scan: str, *, user: str, station: str, mask_customer: bool = True) -> RmaView:
        """The RMA a scanned (or typed) value names. A bad scan is recorded and raised as ScanProblem."""
        number = self._scanned_number(raw_scan, user=user, station=station)
        with self._units.write() as uow:
            row = uow.records.rma(number)
            if row is not None:
                view = rma_view(row, self._policy(row.seller_id), mask_customer=mask_customer)
                uow.record(AuditEvent("rma_opened", user, station, row.number, {"scanned": number}))
                uow.commit()
                return view
        raise self._unknown_rma(number, user=user, station=station)

    def look_up_scan(
        self, raw_scan: str, *, user: str, station: str, mask_customer: bool = True
    ) -> tuple[RmaView, tuple[DecisionView, ...]]:
        """The RMA a scan names and the decisions already made on its lines, for the bench to show.

        Read without the write lock, so that the RMA shows at once even while another station is
        recording; the bench then records the opening with ``record_opened``. A bad scan is
        recorded and raised as ScanProblem, as by ``open_by_scan``.
        """
        number = self._scanned_number(raw_scan, user=user, station=station)
        with self._units.read() as uow:
            row = uow.records.rma(number)
            if row is not None:
                line_numbers = {line.id: line.line_no for line in row.lines}
                decisions = tuple(decision_view(decision, line_numbers[decision.rma_line_id])
                                  for decision in uow.records.decisions_for_rma(row.id))
                return rma_view(row, self._policy(row.seller_id), mask_customer=mask_customer), decisions
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

    # Receiving a line -----------------------------------------------------------------------------

    def receive(self, command: ReceiveLine) -> ReceiveResult:
        try:
            return self._receive_once(command)
        except IntegrityError:
            # Another station committed this line's decision between our lock and our insert
            # (possible only where row locks are not taken); theirs stands, and we report it.
            with self._units.read() as uow:
                rma, line = self._rma_and_line(uow, command, lock=False)
                existing = uow.records.decision_for_line(line.id)
                if existing is None:
                    raise
                return ReceiveResult(rma.number, line.line_no, True, decision_view(existing, line.line_no), rma.status)

    def _receive_once(self, command: ReceiveLine) -> ReceiveResult:
        # Before the transaction: shrinking a camera photo takes milliseconds, and a file that is
        # not a picture is refused before anything is locked or written.
        thumbnails = [_printable(photo) for photo in command.photos]
        with self._units.write() as uow:
            rma, line = self._rma_and_line(uow, command, lock=True)
            existing = uow.records.decision_for_line(line.id)
            if existing is not None:
                self._store_missing_pdfs(uow, existing, command)
                return ReceiveResult(rma.number, line.line_no, True, decision_view(existing, line.line_no), rma.status)
            self._require_user(uow, command.user, RECEIVING_ROLES, "receive returns")
            if line.status in LINE_DONE or rma.status == "closed":
                raise LineNotOpen(f"Line {line.line_no} of {rma.number} is {line.status.replace('_', ' ')}, not open.")
            if command.override:
                self._require_user(uow, command.override.supervisor, SUPERVISOR_ROLES, "override a decision")

            policy = self._policy(rma.seller_id)
            self._require_recorded_policy(uow, policy)
            received_on = command.received_on or self._today()
            facts = self._facts(uow, rma, line, command, received_on)
            decision, engine_outcome = self._decide(policy, facts, command)

            inspection = self._record_inspection(uow, line, command, received_on, thumbnails)
            decision_row = self._record_decision(uow, line, inspection, decision, engine_outcome, command)
            documents = self._issuer.issue_for(uow, decision_row, decision.documents, rma, line, command.station)
            line.status = "decided"
            rma.status = self._rma_status(rma)

            uow.record(AuditEvent("inspection_recorded", command.user, command.station, rma.number, _inspection_payload(line, command)))
            for reading in (*command.readings_seen, *([command.weight] if command.weight else [])):
                uow.record(AuditEvent("weight_read", command.user, command.station, rma.number, _reading_payload(line, reading, reading is command.weight)))
            uow.record(AuditEvent("decision_made", command.user, command.station, rma.number, _decision_payload(line, decision, command)))
            for document in documents:
                uow.record(AuditEvent("document_issued", command.user, command.station, rma.number, {"line": line.line_no, "type": document.content.document_type.value, "number": document.number}))
            if command.override:
                uow.record(AuditEvent("decision_overridden", command.override.supervisor, command.station, rma.number, {"line": line.line_no, "engine_outcome": decision_row.engine_outcome, "outcome": decision.outcome.value, "reason": command.override.reason}))
            if rma.status == "closed":
                uow.record(AuditEvent("rma_closed", command.user, command.station, rma.number, {}))
            uow.commit()
            result = ReceiveResult(rma.number, line.line_no, False, decision_view(decision_row, line.line_no), rma.status)
        rendered = self._issuer.render_pdfs(documents)
        with self._units.write() as uow:
            self._issuer.store_pdfs(uow, rendered, user=command.user, station=command.station)
            uow.commit()
        return result

    def _store_missing_pdfs(self, uow: UnitOfWork, decision: DecisionRow, command: ReceiveLine) -> None:
        """Receiving a line again after a power cut also finishes the PDFs the cut left undrawn."""
        undrawn = [document for document in decision.documents if document.pdf is None]
        for document in undrawn:
            self._issuer.stored_pdf(uow, document, user=command.user, station=command.station)
        if undrawn:
            uow.commit()

    def preview(self, command: ReceiveLine) -> Decision:
        """The decision receiving would make now, for the live panel; writes nothing."""
        with self._units.read() as uow:
            rma, line = self._rma_and_line(uow, command, lock=False)
            policy = self._policy(rma.seller_id)
            facts = self._facts(uow, rma, line, command, command.received_on or self._today())
            return self._decide(policy, facts, command)[0]

    # Holding and skipping lines -------------------------------------------------------------------

    def hold(self, rma_number: str, line_no: int, *, user: str, station: str, note: str) -> None:
        if not note.strip():
            raise InputError("A hold needs a note saying why the line waits.")
        self._change_line(rma_number, line_no, user, station, RECEIVING_ROLES, "hold lines", "on_hold", "line_held", note.strip())

    def release_hold(self, rma_number: str, line_no: int, *, user: str, station: str, note: str = "") -> None:
        self._change_line(rma_number, line_no, user, station, SUPERVISOR_ROLES, "release holds", "open", "hold_released", note.strip())

    def mark_not_received(self, rma_number: str, line_no: int, *, user: str, station: str, note: str = "") -> None:
        self._change_line(rma_number, line_no, user, station, RECEIVING_ROLES, "record partial receipts", "not_received", "line_not_received", note.strip())

    def _change_line(self, rma_number, line_no, user, station, roles, doing, status, event_type, note) -> None:
        with self._units.write() as uow:
            rma, line = self._rma_and_line(uow, ReceiveLine(rma_number, line_no, user, station), lock=True)
            self._require_user(uow, user, roles, doing)
            if line.status == "decided":
                raise LineNotOpen(f"Line {line_no} of {rma.number} is already decided.")
            line.status = status
            line.hold_note = note if status == "on_hold" else line.hold_note
            rma.status = self._rma_status(rma)
            uow.record(AuditEvent(event_type, user, station, rma.number, {"line": line_no, "note": note}))
            if rma.status == "closed":
                uow.record(AuditEvent("rma_closed", user, station, rma.number, {}))
            uow.commit()

    # Helpers ------------------------------------------------------------------------------------------

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
            raise LineNotOpen(f"Policy {policy.id} version {policy.version} is not recorded in this database; run `receiving-app db upgrade`.")
        if recorded.source_text != policy.source_text:
            raise LineNotOpen(
                f"Policy {policy.id} version {policy.version} was edited without a new version; "
                "give the changed policy a new version before deciding under it."
            )

    @staticmethod
    def _facts(uow: UnitOfWork, rma: RmaRow, line: RmaLineRow, command: ReceiveLine, received_on: date) -> ReturnFacts:
        order = rma.order
        item = line.item
        fill = None
        if command.weight is not None:
            if not command.weight.capturable:
                raise InputError("weight: only a stable, non-negative reading can be used for a decision.")
            fill = FillMeasurement(command.weight.grams, item.full_g, item.empty_g)
        reported = rma.reported_on
        if received_on < reported:
            raise InputError(f"received: {received_on} is before the return was authorised ({reported}).")
        return ReturnFacts(
            reason=command.reason or ReturnReason(line.reason),
            customer_choice=command.customer_choice or CustomerChoice(line.customer_choice),
            item=Item(line.sku, Category(item.category), line.order_line.unit_price, line.quantity),
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
            fill=fill,
            condition=command.condition,
            flags=command.flags,
        )

    @staticmethod
    def _decide(policy: Policy, facts: ReturnFacts, command: ReceiveLine) -> tuple[Decision, str]:
        """The decision to record, and what the rules alone said ("unknown" if they lacked a fact)."""
        if command.override is None:
            decision = decide(policy, facts)
            return decision, decision.outcome.value
        try:
            outcome = Outcome(command.override.outcome)
        except ValueError:
            raise InputError(f"override: the outcome must be refund, replacement or denied, not {command.override.outcome!r}") from None
        if not command.override.reason.strip():
            raise InputError("override: a supervisor override needs a written reason.")
        try:
            engine_outcome = decide(policy, facts).outcome.value
        except MissingFact:
            engine_outcome = "unknown"
        return decide_with_override(policy, facts, outcome, command.override.reason), engine_outcome

    def _record_inspection(
        self, uow: UnitOfWork, line: RmaLineRow, command: ReceiveLine, received_on: date, thumbnails: list[bytes]
    ) -> InspectionRow:
        now = uow.clock()
        condition, flags = command.condition, command.flags
        inspection = InspectionRow(
            rma_line_id=line.id,
            station_id=command.station,
            user_name=command.user,
            inspected_at=now,
            received_on=received_on,
            unopened=condition.unopened,
            sealed=condition.sealed,
            original_packaging=condition.original_packaging,
            box_damage=condition.box_damage,
            labels_intact=condition.labels_intact,
            sold_by_seller=flags.sold_by_seller,
            hp_plus_rejected=flags.hp_plus_rejected,
            firmware_blocked=flags.firmware_blocked,
            improper_use=flags.improper_use,
            notes=command.notes,
        )
        for reading in command.readings_seen:
            inspection.readings.append(_reading_row(reading, captured=False, at=now))
        if command.weight is not None:
            inspection.readings.append(_reading_row(command.weight, captured=True, at=now))
        for photo, thumbnail in zip(command.photos, thumbnails, strict=True):
            inspection.photos.append(
                PhotoRow(file_name=photo.file_name, media_type=photo.media_type, content=photo.content, thumbnail=thumbnail)
            )
        uow.records.add(inspection)
        return inspection

    @staticmethod
    def _record_decision(
        uow: UnitOfWork, line: RmaLineRow, inspection: InspectionRow, decision: Decision, engine_outcome: str, command: ReceiveLine
    ) -> DecisionRow:
        amounts = decision.amounts
        row = DecisionRow(
            rma_line_id=line.id,
            inspection=inspection,
            policy_id=decision.policy_id,
            policy_version=decision.policy_version,
            outcome=decision.outcome.value,
            engine_outcome=engine_outcome,
            refund_method=decision.refund_method.value if decision.refund_method else None,
            merchandise=amounts.merchandise,
            restocking_fee=amounts.restocking_fee,
            return_shipping_deduction=amounts.return_shipping_deduction,
            shipping_refund=amounts.shipping_refund,
            refund_total=decision.refund_total,
            fill_fraction=decision.fill_fraction,
            reasons=[{"code": reason.code, "text": reason.text} for reason in decision.reasons],
            decided_at=uow.clock(),
            decided_by=command.user,
            station_id=command.station,
            overridden_by=command.override.supervisor if command.override else None,
            override_reason=command.override.reason.strip() if command.override else None,
        )
        uow.records.add(row)
        uow.records.flush()  # the unique constraint on the line speaks here, before documents are numbered
        return row

    @staticmethod
    def _rma_status(rma: RmaRow) -> str:
        statuses = [line.status for line in rma.lines]
        if all(status in LINE_DONE for status in statuses):
            return "closed"
        if any(status in LINE_DONE for status in statuses):
            return "partially_received"
        return "open"


def _printable(photo: PhotoAttachment) -> bytes:
    try:
        return photo_thumbnail(photo.content)
    except (OSError, ValueError, Image.DecompressionBombError) as problem:  # what Pillow raises for a file it cannot read
        raise InputError(f"The photo {photo.file_name} cannot be read as a picture ({problem}).") from None


def _reading_row(reading: WeightCapture, *, captured: bool, at) -> WeightReadingRow:
    return WeightReadingRow(
        read_at=reading.read_at or at,
        value=reading.value,
        unit=reading.unit,
        grams=reading.grams,
        stable=reading.stable,
        source=reading.source,
        captured=captured,
    )


def _inspection_payload(line: RmaLineRow, command: ReceiveLine) -> dict:
    condition, flags = command.condition, command.flags
    return {
        "line": line.line_no,
        "condition": {name: getattr(condition, name) for name in CONDITION_FIELDS},
        "flags": {name: getattr(flags, name) for name in FLAG_FIELDS},
        "notes": command.notes,
        "photos": len(command.photos),
    }


def _reading_payload(line: RmaLineRow, reading: WeightCapture, captured: bool) -> dict:
    return {
        "line": line.line_no,
        "value": reading.value,
        "unit": reading.unit,
        "grams": reading.grams,
        "stable": reading.stable,
        "source": reading.source,
        "captured": captured,
    }


def _decision_payload(line: RmaLineRow, decision: Decision, command: ReceiveLine) -> dict:
    amounts = decision.amounts
    return {
        "line": line.line_no,
        "policy": decision.policy_id,
        "policy_version": decision.policy_version,
        "outcome": decision.outcome.value,
        "refund_method": decision.refund_method.value if decision.refund_method else None,
        "merchandise": amounts.merchandise,
        "restocking_fee": amounts.restocking_fee,
        "return_shipping_deduction": amounts.return_shipping_deduction,
        "shipping_refund": amounts.shipping_refund,
        "refund_total": decision.refund_total,
        "fill_fraction": decision.fill_fraction,
        "reasons": [reason.code for reason in decision.reasons],
        "override": command.override.supervisor if command.override else None,
    }
