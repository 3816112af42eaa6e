"""Reading the catalog, the sellers and their orders, and recording the policy texts decided under."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from receiving_app.persistence.catalog_tables import CatalogItemRow, PolicyVersionRow, SellerRow
from receiving_app.persistence.order_tables import OrderRow


class CatalogRecords:
    session: Session

    def catalog_item(self, sku: str) -> CatalogItemRow | None:
        return self.session.get(CatalogItemRow, sku)

    def catalog_item_by_upc(self, upc: str) -> CatalogItemRow | None:
        return self.session.execute(select(CatalogItemRow).where(CatalogItemRow.upc == upc)).scalar_one_or_none()

    def catalog(self) -> Sequence[CatalogItemRow]:
        return self.session.execute(select(CatalogItemRow).order_by(CatalogItemRow.sku)).scalars().all()

    def seller(self, seller_id: str) -> SellerRow | None:
        return self.session.get(SellerRow, seller_id)

    def sellers(self) -> Sequence[SellerRow]:
        return self.session.execute(select(SellerRow).order_by(SellerRow.id)).scalars().all()

    def order(self, number: str) -> OrderRow | None:
        return self.session.execute(select(OrderRow).where(OrderRow.number == number)).scalar_one_or_none()

    def policy_version(self, policy_id: str, version: str) -> PolicyVersionRow | None:
        return self.session.get(PolicyVersionRow, (policy_id, version))

    def record_policy_version(self, policy_id: str, version: str, source_text: str, at: datetime) -> PolicyVersionRow:
        row = PolicyVersionRow(
            policy_id=policy_id,
            version=version,
            source_text=source_text,
            sha256=hashlib.sha256(source_text.encode("utf-8")).hexdigest(),
            recorded_at=at,
        )
        self.session.add(row)
        return row
