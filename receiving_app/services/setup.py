"""Getting a database ready: newest schema, and every installed policy version recorded."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.exc import IntegrityError

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.policy import Policy
from receiving_app.persistence.catalog_tables import SellerRow
from receiving_app.persistence.schema import upgrade_to_head
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.services.errors import LineNotOpen


def prepare_database(
    units: UnitOfWorkFactory, policies: Mapping[str, Policy], *, station: str = "setup"
) -> tuple[str | None, str]:
    """Migrate, then record sellers and policy versions; safe to run from many stations at once."""
    revisions = upgrade_to_head(units.engine)
    for policy in policies.values():
        try:
            _record_policy(units, policy, station)
        except IntegrityError:
            # Another station recorded the same version a moment ago; check it is the same text.
            _record_policy(units, policy, station)
    return revisions


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
