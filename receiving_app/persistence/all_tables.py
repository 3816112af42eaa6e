"""The station's whole schema: the metadata once every module that declares tables has been imported.

A table joins the metadata when its module is imported. Alembic compares migrations with this,
and a relationship that names its target class by string finds it only once it is declared: so
whatever needs every table imports this module rather than trusting its callers to have imported
the rest.
"""

from __future__ import annotations

from sqlalchemy import MetaData

# Imported for what importing them does: each module adds its tables to Base.metadata.
from receiving_app.persistence import (  # noqa: F401
    archive_tables,
    audit_checkpoint_tables,
    audit_tables,
    catalog_tables,
    decision_tables,
    disposition_tables,
    document_tables,
    export_tables,
    inspection_tables,
    order_tables,
    outbox_tables,
    parcel_tables,
    policy_admin_tables,
    rma_tables,
    search_tables,
    user_tables,
)
from receiving_app.persistence.table_base import Base

STATION_METADATA: MetaData = Base.metadata
