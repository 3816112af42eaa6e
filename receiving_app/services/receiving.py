"""Receiving one unit of an RMA line at the bench, and the live preview of its judgement.

Receiving a unit is one transaction: the inspection, every weight reading, the decision and its
numbered documents and the audit events commit together or not at all (the PDFs are drawn right
after, see document_issuing). The line is locked first, so a second receive of the same unit, from
any station, waits and then finds the first one's decision instead of writing another. The rows
every station queues on, the document counters and the audit chain's head, are taken last, right
before the commit: everything else is read, decided and written before them.

A unit that came as an unidentified return and was weighed then is decided on that weight when the
request brings none: the scale measured that very cartridge, and the reading keeps its source and time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date

from sqlalchemy.exc import IntegrityError

from receiving_app.documents.photos import UnreadablePhoto, printable_photo
from receiving_app.domain.decision import Outcome
from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import (
    Category,
    CustomerChoice,
    PaymentMethod,
    ReturnDates,
    ReturnFacts,
    ReturnReason,
)
from receiving_app.domain.inspection import WeightLimits
from receiving_app.domain.judgement import Judgement, Stated, judge
from receiving_app.domain.lifecycle import LineStatus, UnitState, require_unit_open
from receiving_app.domain.policy import Policy
from receiving_app.domain.routing import RoutingTable
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services import receiving_rows
from receiving_app.services.commands import PhotoAttachment, ReceiveLine
from receiving_app.services.disposition import (
    LICENSE_PLATE_COUNTER,
    hold_end,
    restock,
    route_of,
    sort_unit,
    where_it_went,
)
from receiving_app.services.document_issuing import DocumentIssuer
from receiving_app.services.errors import LineNotOpen, SupervisorNeeded
from receiving_app.services.mapping import check_in_capture, decision_view
from receiving_app.services.policy_book import policy_in_effect
from receiving_app.services.rma_lines import (
    RECEIVING_ROLES,
    SUPERVISOR_ROLES,
    line_to_receive,
    refusals_as_line_not_open,
    require_unit_number,
    require_user,
    rma_and_line,
    set_statuses,
    where,
)
from receiving_app.services.unit_facts import unit_facts
from receiving_app.services.views import ReceiveResult


class ReceivingService:
    def __init__(
        self,
        units: UnitOfWorkFactory,
        policies: Mapping[str, Policy],
        issuer: DocumentIssuer,
        routing: RoutingTable,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._units = units
        self._policies = policies
        self._issuer = issuer
        self._routing = routing
        self._today = today
        # The policy and routing versions found recorded with the texts this station holds: a recorded
        # version is never changed (its row is sealed), so each is compared once, not at every receive.
        self._recorded_policies: set[tuple[str, str, str]] = set()
        self._recorded_routing: set[tuple[str, str]] = set()

    def receive(self, command: ReceiveLine) -> ReceiveResult:
        try:
            return self._receive_once(command)
        except IntegrityError:
            # Another station committed this unit's decision between our lock and our insert
            # (possible only where row locks are not taken); theirs stands, and we report it.
            with self._units.read() as uow:
                rma, line = _unit_of_line(uow, command, lock=False)
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
            rma, line = line_to_receive(uow, command.rma_number, command.line_no)
            require_unit_number(rma, line, command.unit)
            on_file = uow.records.unit_on_file(line, command.unit)
            units = on_file.states
            existing = (
                uow.records.standing_decision(line.id, command.unit)
                if units[command.unit - 1] is UnitState.DECIDED
                else None
            )
            if existing is not None:
                self._store_missing_pdfs(uow, existing, command)
                return ReceiveResult(
                    rma.number, line.line_no, command.unit, True, decision_view(existing, line.line_no), rma.status
                )
            # Held while the unit of work lasts: the documents name these users, and the session keeps
            # only the rows something refers to, so it would read them again.
            people = [require_user(uow, command.user, RECEIVING_ROLES, "receive returns")]
            given = command.weight
            command = _with_check_in_weight(uow, line, command)
            with refusals_as_line_not_open():
                require_unit_open(
                    LineStatus(line.status), units[command.unit - 1], where=where(rma, line, command.unit)
                )
            if command.override:
                people.append(require_user(uow, command.override.supervisor, SUPERVISOR_ROLES, "override a decision"))

            received_on = command.received_on or self._today()
            policy = policy_in_effect(self._policies, uow, rma.seller_id, received_on)
            self._require_recorded_policy(uow, policy)
            judgement = self._judge(uow, rma, line, command, policy, received_on)
            approved_over = self._require_approval(uow, line, command, judgement, on_file.voided_before)
            self._require_recorded_routing(uow)
            assert judgement.route is not None  # _judge sorts every unit it judges

            now = uow.clock()
            inspection = receiving_rows.inspection_row(line, command, received_on, thumbnails, now)
            uow.records.add(inspection)
            decision_row = receiving_rows.decision_row(line, inspection, judgement, command, approved_over, now)
            uow.records.add(decision_row)
            restock(uow, line, decision_row, judgement.route, command, now)
            units[command.unit - 1] = UnitState.DECIDED
            closed = set_statuses(rma, line, units)
            # The unique index on the unit speaks here, before any number is taken; and what is written
            # now is not written while the numbers below are held.
            uow.records.flush()

            # Last: the counters every station queues on, held from here until the commit. The documents are
            # drawn with their numbers under them (a millisecond or two each), so that a document is never
            # committed without its PDF and a receive is one transaction and one audit-head lock.
            document_types = judgement.decision.documents
            numbers = uow.records.next_document_sequences(
                [*(document_type.value for document_type in document_types), LICENSE_PLATE_COUNTER]
            )
            documents = self._issuer.issue_for(
                uow, decision_row, document_types, rma, line, command.station, numbers=numbers, policy=policy
            )
            drawn = self._issuer.draw(uow, decision_row, documents)
            held_until = hold_end(judgement.route.route, policy, received_on)
            plate = sort_unit(
                uow,
                line,
                decision_row,
                judgement.route,
                self._routing,
                command,
                now,
                held_until,
                sequence=numbers[LICENSE_PLATE_COUNTER],
            )
            for event in receiving_rows.receiving_events(
                rma.number,
                line,
                decision_row,
                judgement,
                command,
                approved_over,
                drawn,
                where_it_went(plate, judgement.route),
                closes_rma=closed,
            ):
                uow.record(event)
            uow.records.write_issued(decision_row)
            uow.commit()
            return ReceiveResult(
                rma.number,
                line.line_no,
                command.unit,
                False,
                decision_view(decision_row, line.line_no),
                rma.status,
                weighed_at_check_in=command.weight is not given,
            )

    def _store_missing_pdfs(self, uow: UnitOfWork, decision: DecisionRow, command: ReceiveLine) -> None:
        """Receiving a unit again also draws any of its PDFs still undrawn: before December 2026 a PDF was
        stored in a transaction after the decision's, and a power cut between the two left it undrawn."""
        undrawn = [document for document in decision.documents if not document.stored]
        for document in undrawn:
            self._issuer.stored_pdf(uow, document, user=command.user, station=command.station)
        if undrawn:
            uow.commit()

    def preview(self, command: ReceiveLine) -> Judgement:
        """The judgement receiving would make now, for the live panel; writes nothing.

        Raises MissingFact (what is still to check) and ImplausibleWeight as receiving would.
        """
        with self._units.read() as uow:
            rma, line = _unit_of_line(uow, command, lock=False)
            received_on = command.received_on or self._today()
            policy = policy_in_effect(self._policies, uow, rma.seller_id, received_on)
            command = _with_check_in_weight(uow, line, command)
            return self._judge(uow, rma, line, command, policy, received_on)

    def _judge(
        self, uow: UnitOfWork, rma: RmaRow, line: RmaLineRow, command: ReceiveLine, policy: Policy, received_on: date
    ) -> Judgement:
        item = line.item
        limits = WeightLimits(
            item.sku, item.full_g, item.empty_g, item.weight_tolerance_g, item.sealed_min_g, item.sealed_max_g
        )
        if command.weight is not None and not command.weight.capturable:
            raise InputError("weight: only a stable, non-negative reading can be used for a decision.")
        override = None
        if command.override is not None:
            override = (_override_outcome(command.override.outcome), command.override.reason)
            if not command.override.reason.strip():
                raise InputError("override: a supervisor override needs a written reason.")
        facts = self._facts(uow, rma, line, command, received_on)
        stated = Stated(ReturnReason(line.reason), CustomerChoice(line.customer_choice))
        judgement = judge(policy, facts, stated=stated, limits=limits, weighing=command.weight, override=override)
        # Sorted before Enter: the panel shows where the cartridge goes beside what is paid for it.
        return replace(judgement, route=route_of(self._routing, line, command, judgement))

    def _require_approval(
        self, uow: UnitOfWork, line: RmaLineRow, command: ReceiveLine, judgement: Judgement, voided_before: bool
    ) -> tuple[str, ...]:
        """What a supervisor's approval was needed for (nothing, when the bench may decide alone);
        refuses without a supervisor's approval where one is needed."""
        why = list(judgement.needs_supervisor)
        if voided_before:
            why.append(f"Unit {command.unit} of line {line.line_no} was decided before and that decision was voided.")
        if not why or command.override is not None:
            return ()  # an override is a supervisor's own decision
        if command.approval is None:
            raise SupervisorNeeded(tuple(why))
        require_user(uow, command.approval.supervisor, SUPERVISOR_ROLES, "approve a decision")
        if not command.approval.note.strip():
            raise InputError("approval: a supervisor's approval needs a written note.")
        return tuple(why)

    def _require_recorded_routing(self, uow: UnitOfWork) -> None:
        routing = self._routing
        if (routing.version, routing.source_text) in self._recorded_routing:
            return
        recorded = uow.records.routing_version(routing.version)
        if recorded is None:
            raise LineNotOpen(
                f"Routing version {routing.version} is not recorded in this database; run `receiving-app db upgrade`."
            )
        if recorded.source_text != routing.source_text:
            raise LineNotOpen(
                f"Routing version {routing.version} was edited without a new version; "
                "give the changed routes a new version before sorting under them."
            )
        self._recorded_routing.add((routing.version, routing.source_text))

    def _require_recorded_policy(self, uow: UnitOfWork, policy: Policy) -> None:
        if (policy.id, policy.version, policy.source_text) in self._recorded_policies:
            return
        recorded = uow.records.policy_version(policy.id, policy.version)
        if recorded is None:
            raise LineNotOpen(
                f"Policy {policy.id} version {policy.version} is not recorded in this database; "
                "run `receiving-app db upgrade`."
            )
        if recorded.source_text != policy.source_text:
            raise LineNotOpen(
                f"Policy {policy.id} version {policy.version} was edited without a new version; "
                "give the changed policy a new version before deciding under it."
            )
        self._recorded_policies.add((policy.id, policy.version, policy.source_text))

    @staticmethod
    def _facts(uow: UnitOfWork, rma: RmaRow, line: RmaLineRow, command: ReceiveLine, received_on: date) -> ReturnFacts:
        order = rma.order
        reported = rma.reported_on
        if received_on < reported:
            raise InputError(f"received: {received_on} is before the return was authorized ({reported}).")
        shipping_refunded, label_deducted = uow.records.refunded_already(order.id, rma.id)
        return unit_facts(
            reason=command.reason or ReturnReason(line.reason),
            choice=command.customer_choice or CustomerChoice(line.customer_choice),
            sku=line.sku,
            category=Category(line.item.category),
            unit_price=line.order_line.unit_price,
            dates=ReturnDates(
                purchased=order.purchased_on,
                reported=reported,
                shipped=order.shipped_on,
                delivered=order.delivered_on,
                received=received_on,
            ),
            payment_method=PaymentMethod(order.payment_method),
            shipping_paid=order.shipping_paid,
            shipping_refunded=shipping_refunded,
            label_cost=rma.return_label_cost,
            label_deducted=label_deducted,
            condition=command.condition,
            flags=command.flags,
        )


def _unit_of_line(uow: UnitOfWork, command: ReceiveLine, *, lock: bool) -> tuple[RmaRow, RmaLineRow]:
    rma, line = rma_and_line(uow, command.rma_number, command.line_no, lock=lock)
    require_unit_number(rma, line, command.unit)
    return rma, line


def _with_check_in_weight(uow: UnitOfWork, line: RmaLineRow, command: ReceiveLine) -> ReceiveLine:
    """The request, weighed with the reading taken when the unit came without an RMA if it brings none."""
    if command.weight is not None:
        return command
    item = uow.records.check_in_weights_of_lines([line.id]).get((line.id, command.unit))
    captured = check_in_capture(item) if item is not None else None
    return replace(command, weight=captured) if captured is not None else command


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
