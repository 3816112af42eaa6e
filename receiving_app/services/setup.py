"""Getting a database ready: newest schema, every installed policy version and the routing file recorded."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.exc import IntegrityError

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.policy import Policy
from receiving_app.domain.routing import RoutingTable
from receiving_app.persistence.catalog_tables import SellerRow
from receiving_app.persistence.schema import upgrade_to_head
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.services.errors import LineNotOpen


def prepare_database(
    units: UnitOfWorkFactory,
    policies: Mapping[str, Policy],
    routing: RoutingTable | None = None,
    *,
    station: str = "setup",
) -> tuple[str | None, str]:
    """Migrate, then record sellers, policy versions and the routing file; safe to run from many
    stations at once."""
    revisions = upgrade_to_head(units.engine)
    for policy in policies.values():
        try:
            _record_policy(units, policy, station)
        except IntegrityError:
            # Another station recorded the same version a moment ago; check it is the same text.
            _record_policy(units, policy, station)
    if routing is not None:
        try:
            _record_routing(units, routing, station)
        except IntegrityError:
            _record_routing(units, routing, station)
    return revisions


def _record_routing(units: UnitOfWorkFactory, routing: RoutingTable, station: str) -> None:
    with units.write() as uow:
        recorded = uow.records.routing_version(routing.version)
        if recorded is None:
            uow.records.record_routing_version(routing.version, routing.source_text, uow.clock())
            uow.record(AuditEvent("routing_recorded", "system", station, None, {"version": routing.version}))
        elif recorded.source_text != routing.source_text:
            raise LineNotOpen(
                f"routes.toml: version {routing.version} is already recorded with different routes; "
                "give the edited routes a new version."
            )
        uow.commit()


def _record_policy(units: UnitOfWorkFactory, policy: Policy, station: str) -> None:
    with units.write() as uow:
        seller = uow.records.seller(policy.id)
        if seller is None:
            uow.records.add(
                SellerRow(id=policy.id, name=policy.seller, authorization=policy.authorization, return_address="")
            )
        else:
            seller.name, seller.authorization = policy.seller, policy.authorization
        recorded = uow.records.policy_version(policy.id, policy.version)
        if recorded is None:
            uow.records.flush()
            uow.records.record_policy_version(policy.id, policy.version, policy.source_text, uow.clock())
            uow.record(
                AuditEvent("policy_recorded", "system", station, None, {"policy": policy.id, "version": policy.version})
            )
        elif recorded.source_text != policy.source_text:
            raise LineNotOpen(
                f"{policy.source}: version {policy.version} is already recorded with different rules; "
                "give the edited policy a new version."
            )
        uow.commit()
