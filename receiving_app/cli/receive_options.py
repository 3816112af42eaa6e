"""Turning `receive` options into a ReceiveLine command.

A fact the options do not give is not checked: without --condition the condition is unknown,
without --weight the unit was not weighed, and without --virgin or --not-virgin nobody said whether an
empty was refilled before; the service refuses a decision or a route that rests on any of them.
Flags are the exception: they keep their defaults (bought here, nothing wrong) unless --flag says otherwise.
"""

from __future__ import annotations

import argparse
import socket
from datetime import date

from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import FLAG_FIELDS, Condition, CustomerChoice, Flags, ReturnReason
from receiving_app.domain.weight import Weight
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.services.commands import Approval, ReceiveLine

CONDITION_CHECKS = ("unopened", "sealed", "original_packaging", "labels_intact")


def receive_command_from_options(args: argparse.Namespace) -> ReceiveLine:
    return ReceiveLine(
        rma_number=args.number,
        line_no=_line(args.line),
        unit=_unit(args.unit),
        user=args.user,
        station=args.station or socket.gethostname(),
        reason=_reason(args.reason),
        customer_choice=CustomerChoice(args.choice) if args.choice else None,
        condition=_condition(args.condition, args.box_damage),
        flags=_flags(args.flag),
        virgin=args.virgin,
        weight=_weight(args.weight),
        received_on=_received(args.received),
        notes=args.notes,
        approval=_approval(args.approved_by, args.approval_note),
    )


def _line(value: int) -> int:
    if value < 1:
        raise InputError("--line: lines are numbered from 1")
    return value


def _unit(value: int) -> int:
    if value < 1:
        raise InputError("--unit: a line's units are numbered from 1")
    return value


def _approval(supervisor: str | None, note: str | None) -> Approval | None:
    if supervisor is None:
        if note:
            raise InputError("--approval-note: give it with --approved-by, the supervisor who approves")
        return None
    if not (note or "").strip():
        raise InputError("--approved-by: a supervisor's approval needs --approval-note saying why")
    return Approval(supervisor, note.strip())


def _reason(value: str | None) -> ReturnReason | None:
    if value is None:
        return None
    try:
        return ReturnReason(value)
    except ValueError:
        raise InputError(
            f"--reason must be one of {', '.join(reason.value for reason in ReturnReason)}, not {value!r}"
        ) from None


def _condition(listed: str | None, box_damage: bool) -> Condition:
    """With --condition exactly the listed checks are true and the others false; without it none
    was checked (box damage is known only when --box-damage says it is there)."""
    if listed is None:
        return Condition(box_damage=True if box_damage else None)
    names = [name.strip() for name in listed.split(",") if name.strip()]
    unknown = [name for name in names if name not in CONDITION_CHECKS]
    if unknown:
        raise InputError(
            f"--condition: unknown check(s) {', '.join(unknown)} "
            f"(use {', '.join(CONDITION_CHECKS)}; box damage is --box-damage)"
        )
    return Condition(**{name: name in names for name in CONDITION_CHECKS}, box_damage=box_damage)


def _flags(named: list[str]) -> Flags:
    """Each --flag NAME is true; sold_by_seller stays true unless --flag not_sold_by_seller says otherwise."""
    accepted = (*FLAG_FIELDS, "not_sold_by_seller")
    unknown = [name for name in named if name not in accepted]
    if unknown:
        raise InputError(f"--flag: unknown flag(s) {', '.join(unknown)} (use {', '.join(accepted)})")
    values: dict[str, bool | None] = {name: name in named for name in FLAG_FIELDS}
    values["sold_by_seller"] = "not_sold_by_seller" not in named
    return Flags(**values)


def _weight(text: str | None) -> WeightCapture | None:
    if text is None:
        return None
    try:
        weight = Weight.parse(text)
    except InputError as error:
        raise InputError(f"--weight: {error}") from None
    return WeightCapture.typed(weight)


def _received(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--received: not a date in YYYY-MM-DD form: {text!r}") from None
