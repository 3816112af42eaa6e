"""The RMA desk: finding a customer's order, checking a return request under the seller's policy, and
creating the RMA, numbered as the seller numbers its own.

The policy checks what the order can tell before any cartridge is seen (``domain.authorization``):
a product the seller does not take back, a reason refused outright, a return outside its window, an
order the seller did not sell. A refusal says why in the policy's words; a supervisor may authorize
the RMA anyway, and the ``rma_created`` event records who, why and over which refusals. An RMA is
authorized under the version in force today; a check may ask under another (``desk_rules.py``).

An RMA takes its seller's prefix and width from the seller's newest RMA number on file (RA0000611
numbers on as RA0000612); a seller with none on file starts at ``<authorization>-000001``. The serial
comes from the seller's counter, bumped inside the creating transaction, so numbers have no gaps
(``persistence/desk_records.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.authorization import ReturnRequest, authorize
from receiving_app.domain.errors import InputError, RuleRefusal
from receiving_app.domain.facts import Category, ReturnDates
from receiving_app.domain.money import Money
from receiving_app.domain.policy import Policy
from receiving_app.domain.policy_schedule import PolicySchedule
from receiving_app.domain.scan import number_prefix
from receiving_app.domain.tracking import TrackingNumber, tracking_number_from_text
from receiving_app.persistence.catalog_tables import CatalogItemRow
from receiving_app.persistence.order_tables import OrderLineRow, OrderRow
from receiving_app.persistence.parcel_tables import TrackingNumberRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.commands import Approval
from receiving_app.services.desk_rules import RulesVersion, VersionedVerdict, rules_chosen, seller_versions
from receiving_app.services.desk_views import (
    CreatedLine,
    CreatedRma,
    DeskVerdict,
    LineVerdict,
    OrderLineView,
    OrderSummary,
    OrderView,
    RmaRequest,
)
from receiving_app.services.errors import NotFound
from receiving_app.services.mapping import mask_name
from receiving_app.services.policy_book import PolicyBook
from receiving_app.services.rma_lines import RECEIVING_ROLES, SUPERVISOR_ROLES, require_user

FOUND_ORDERS_SHOWN = 50
FIRST_SERIAL_WIDTH = 6  # RA-000001: a seller's first RMA when none of its own is on file


class ReturnNotAuthorized(RuleRefusal):
    """The seller's policy refuses a line and no supervisor authorized it anyway; ``verdict`` says why."""

    def __init__(self, verdict: DeskVerdict) -> None:
        refused = [line for line in verdict.lines if not line.authorized]
        lines = ", ".join(f"line {line.line_no} ({line.sku})" for line in refused)
        super().__init__(
            f"The {verdict.seller} policy does not authorize {lines} of order {verdict.order_number}: "
            + " ".join(verdict.reasons)
            + " A supervisor can authorize it anyway."
        )
        self.verdict = verdict


class NumberingConflict(RuleRefusal):
    """The seller's next RMA number belongs to another seller: their numbers start alike."""


@dataclass(frozen=True)
class _Planned:
    """A request read against its order: the order lines and how many of each to return, and the verdict."""

    order: OrderRow
    policy: Policy
    lines: tuple[tuple[OrderLineRow, int], ...]  # each order line and the quantity to return
    verdict: VersionedVerdict


class RmaDeskService:
    def __init__(
        self, units: UnitOfWorkFactory, policies: Mapping[str, Policy], today: Callable[[], date] = date.today
    ) -> None:
        self._units = units
        self._policies = policies
        self._today = today

    def find_orders(self, text: str, *, mask_customer: bool = True) -> list[OrderSummary]:
        """Orders by number (whole or its start) or by the customer's account; by a part of the customer's
        name too where the names are shown (``mask_customer`` False), as History searches."""
        if not text.strip():
            raise InputError("Type an order number, a customer account or a part of the customer's name.")
        with self._units.read() as uow:
            return [
                OrderSummary(
                    number=order.number,
                    seller=order.seller_id,
                    seller_name=self._seller_name(order.seller_id),
                    customer_account=order.customer.account_number,
                    customer_name=_customer_name(order, mask_customer),
                    purchased=order.purchased_on,
                    lines=len(order.lines),
                )
                for order in uow.records.orders_matching(text, FOUND_ORDERS_SHOWN, match_names=not mask_customer)
            ]

    def order(self, number: str, *, mask_customer: bool = True) -> OrderView:
        """The order with each line's quantity, what RMAs already return of it, and what is left."""
        with self._units.read() as uow:
            order = _order(uow, number, lock=False)
            returned = uow.records.quantities_on_rmas(order.id)
            items = uow.records.catalog_items_by_sku({line.sku for line in order.lines})
            return OrderView(
                number=order.number,
                seller=order.seller_id,
                seller_name=self._seller_name(order.seller_id),
                customer_account=order.customer.account_number,
                customer_name=_customer_name(order, mask_customer),
                purchased=order.purchased_on,
                shipped=order.shipped_on,
                delivered=order.delivered_on,
                lines=tuple(
                    OrderLineView(
                        line_no=line.line_no,
                        sku=line.sku,
                        description=items[line.sku].description,
                        category=items[line.sku].category,
                        quantity=line.quantity,
                        already_returned=returned.get(line.id, 0),
                    )
                    for line in order.lines
                ),
            )

    def check(self, request: RmaRequest, rules: str | date | None = None) -> VersionedVerdict:
        """What the policy says of each requested line; writes nothing. ``rules`` asks under another
        version than today's, by its name or by a day (``desk_rules.py``): what the rules will be once
        a published version takes effect. ``create`` authorizes under today's whatever was checked."""
        with self._units.read() as uow:
            return self._plan(uow, request, self._today(), lock=False, rules=rules).verdict

    def versions(self, seller: str) -> tuple[RulesVersion, ...]:
        """The seller's versions a check may ask under, newest first, today's marked."""
        with self._units.read() as uow:
            return seller_versions(self._schedule(uow), seller, self._today())

    def create(self, request: RmaRequest, *, user: str, station: str, approval: Approval | None = None) -> CreatedRma:
        """The RMA, numbered and recorded with its tracking numbers (source ``desk``) and its event."""
        tracking = tracking_numbers_typed(request.tracking_numbers)
        with self._units.write() as uow:
            _, created = self.create_within(
                uow, request, user=user, station=station, approval=approval, tracking=tracking, source="desk"
            )
            uow.commit()
        return created

    def create_within(
        self,
        uow: UnitOfWork,
        request: RmaRequest,
        *,
        user: str,
        station: str,
        approval: Approval | None,
        tracking: Iterable[TrackingNumber],
        source: str,
    ) -> tuple[RmaRow, CreatedRma]:
        """Creates the RMA in ``uow`` without committing, for a caller that records more with it
        (matching an unidentified return); the order is locked until that caller commits."""
        require_user(uow, user, RECEIVING_ROLES, "authorize returns")
        today = self._today()
        planned = self._plan(uow, request, today, lock=True)
        supervisor = None
        if not planned.verdict.authorized:
            if approval is None:
                raise ReturnNotAuthorized(planned.verdict)
            if not approval.note.strip():
                raise InputError("approval: a supervisor's authorization needs a written note saying why.")
            supervisor = require_user(
                uow, approval.supervisor, SUPERVISOR_ROLES, "authorize a return the policy refuses"
            ).name
        numbers = tuple(dict.fromkeys(tracking))
        for number in numbers:
            holder = uow.records.rma_number_of_tracking_number(number.number)
            if holder is not None:
                raise InputError(f"Tracking number {number.display} is already on {holder}.")

        policy, order, now = planned.policy, planned.order, uow.clock()
        rma = RmaRow(
            number=_next_number(uow, policy),
            seller_id=policy.id,
            order=order,
            reported_on=today,  # the authorization date: every window is judged on it
            # The desk buys no label: a label bought later is the seller's, recorded by import.
            return_label_cost=Money.zero(order.shipping_paid.currency),
            status="open",
            created_at=now,
        )
        for line_no, (order_line, quantity) in enumerate(planned.lines, start=1):
            rma.lines.append(
                RmaLineRow(
                    line_no=line_no,
                    order_line=order_line,
                    sku=order_line.sku,
                    quantity=quantity,
                    reason=request.reason.value,
                    customer_choice=request.customer_choice.value,
                    status="open",
                    hold_note="",
                )
            )
        uow.records.add(rma)
        uow.records.flush()
        for number in numbers:
            uow.records.add(
                TrackingNumberRow(
                    number=number.number,
                    carrier=number.carrier.value,
                    rma_id=rma.id,
                    source=source,
                    added_at=now,
                    added_by=user,
                )
            )
        created = CreatedRma(
            number=rma.number,
            seller=policy.id,
            order_number=order.number,
            lines=tuple(
                CreatedLine(line.line_no, line.order_line.line_no, line.sku, line.quantity) for line in rma.lines
            ),
            verdict=planned.verdict,
            supervisor=supervisor,
            tracking_numbers=tuple(number.number for number in numbers),
        )
        uow.record(AuditEvent("rma_created", user, station, rma.number, _created_payload(created, request, approval)))
        return rma, created

    def _plan(
        self, uow: UnitOfWork, request: RmaRequest, today: date, *, lock: bool, rules: str | date | None = None
    ) -> _Planned:
        order = _order(uow, request.order_number, lock=lock)
        # The desk may authorize for a seller other than the order's: that seller did not sell it.
        seller = request.seller or order.seller_id
        chosen = rules_chosen(self._schedule(uow), seller, rules, today)
        policy = chosen.policy
        if not request.lines:
            raise InputError(f"Name at least one line of order {order.number} to return.")
        returned = uow.records.quantities_on_rmas(order.id)
        items = uow.records.catalog_items_by_sku({line.sku for line in order.lines})
        dates = ReturnDates(
            purchased=order.purchased_on,
            reported=chosen.used.counted_to,
            shipped=order.shipped_on,
            delivered=order.delivered_on,
        )
        lines: list[tuple[OrderLineRow, int]] = []
        verdicts: list[LineVerdict] = []
        for requested in request.lines:
            order_line = _order_line(order, requested.line_no, already=[line.line_no for line, _ in lines])
            quantity = _quantity(order, order_line, requested.quantity, returned.get(order_line.id, 0))
            authorization = authorize(policy, _return_request(request, items[order_line.sku], dates, seller, order))
            lines.append((order_line, quantity))
            verdicts.append(LineVerdict(order_line.line_no, order_line.sku, quantity, authorization.refusals))
        verdict = VersionedVerdict(order.number, policy.id, tuple(verdicts), chosen.used)
        return _Planned(order, policy, tuple(lines), verdict)

    def _schedule(self, uow: UnitOfWork) -> PolicySchedule:
        """Every version of every seller, with what another station published since read in ``uow``."""
        if isinstance(self._policies, PolicyBook):
            return self._policies.refresh(uow)
        return PolicySchedule(self._policies)

    def _seller_name(self, seller_id: str) -> str:
        policy = self._policies.get(seller_id)
        return policy.seller if policy else seller_id


def tracking_numbers_typed(texts: Iterable[str]) -> tuple[TrackingNumber, ...]:
    """Each typed tracking number in its canonical form; refuses, naming it, one that is none."""
    numbers = []
    for text in texts:
        number = tracking_number_from_text(text)
        if number is None:
            raise InputError(
                f"{text.strip()!r} is not a UPS, FedEx or USPS tracking number (its form or check digit is wrong)."
            )
        numbers.append(number)
    return tuple(numbers)


def _order(uow: UnitOfWork, number: str, *, lock: bool) -> OrderRow:
    order = uow.records.order_at_desk(number, lock=lock)
    if order is None:
        raise NotFound(f"No order numbered {number.strip()} is on file.")
    return order


def _order_line(order: OrderRow, line_no: int, *, already: list[int]) -> OrderLineRow:
    if line_no in already:
        raise InputError(f"Line {line_no} of order {order.number} is named twice.")
    line = next((line for line in order.lines if line.line_no == line_no), None)
    if line is None:
        numbers = ", ".join(str(line.line_no) for line in order.lines)
        raise NotFound(f"Order {order.number} has no line {line_no} (its lines: {numbers}).")
    return line


def _quantity(order: OrderRow, line: OrderLineRow, asked: int | None, returned: int) -> int:
    left = line.quantity - returned
    where = f"Line {line.line_no} of order {order.number} ({line.sku})"
    if left < 1:
        raise InputError(f"{where} is on RMAs already: all {line.quantity} of it.")
    if asked is None:
        return left
    if asked < 1:
        raise InputError(f"{where}: return at least 1, not {asked}.")
    if asked > left:
        raise InputError(f"{where}: {asked} asked, but only {left} of its {line.quantity} can still be returned.")
    return asked


def _return_request(
    request: RmaRequest, item: CatalogItemRow, dates: ReturnDates, seller: str, order: OrderRow
) -> ReturnRequest:
    return ReturnRequest(
        reason=request.reason,
        customer_choice=request.customer_choice,
        category=Category(item.category),
        dates=dates,
        sold_by_seller=order.seller_id == seller,
    )


def _next_number(uow: UnitOfWork, policy: Policy) -> str:
    """The seller's next RMA number: its own prefix and width, the serial from its counter."""
    latest = uow.records.latest_rma_number_of(policy.id)
    prefix = number_prefix(latest) if latest else f"{policy.authorization}-"
    width = len(latest) - len(prefix) if latest else FIRST_SERIAL_WIDTH
    number = prefix + str(uow.records.next_rma_serial(policy.id, prefix)).zfill(width)
    holder = uow.records.seller_of_rma_number(number)
    if holder == policy.id:
        # The seller's own RMAs were imported past the counter: go on after the highest of them.
        serial = uow.records.restart_rma_serial(policy.id, uow.records.highest_rma_serial(policy.id, prefix) + 1)
        number = prefix + str(serial).zfill(width)
    elif holder is not None:
        raise NumberingConflict(
            f"{number} is already an RMA of {holder}, whose numbers start as {policy.seller}'s do ({prefix}); "
            f"import one of {policy.seller}'s own RMAs so that the desk numbers on from it."
        )
    return number


def _customer_name(order: OrderRow, masked: bool) -> str:
    return mask_name(order.customer.name) if masked else order.customer.name


def _created_payload(created: CreatedRma, request: RmaRequest, approval: Approval | None) -> dict[str, object]:
    payload: dict[str, object] = {
        "number": created.number,
        "order": created.order_number,
        "seller": created.seller,
        "lines": [
            {"line": line.line, "order_line": line.order_line, "sku": line.sku, "quantity": line.quantity}
            for line in created.lines
        ],
        "reason": request.reason.value,
        "choice": request.customer_choice.value,
        "tracking_numbers": list(created.tracking_numbers),
    }
    if created.supervisor is not None and approval is not None:
        payload.update(supervisor=created.supervisor, note=approval.note.strip(), refused=list(created.verdict.reasons))
    return payload
