"""Audit events keep their hashes and seals as bytes: 32 bytes each where their hex digits took 64

Revision ID: 0015
Revises: 0014

An audit event holds three digests (the hash of the event before it, its own, and its seal under the
chain key): written as hex, 192 of the 450-odd bytes of a typical event, and a decided line writes
six or seven events. They are now kept as their bytes, and read back as the same hex digits, so
every hash is the one the chain was written with and the chain verifies as before. The hashes
themselves are unchanged: an event's hash is still taken over the hex digits of the one before it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

DIGESTS = ("previous_hash", "hash", "seal")
ONLY_THIS_TABLE = {"resolve_fks": False}  # as in 0013: the customers' expression index is not reflected


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        for column in DIGESTS:
            op.execute(f"ALTER TABLE audit_events ALTER COLUMN {column} TYPE bytea USING decode({column}, 'hex')")
        return
    # SQLite before 3.41 has no unhex(): the station's own, for this statement.
    connection.connection.dbapi_connection.create_function("digest_bytes", 1, _digest_bytes, deterministic=True)
    _retype(sa.LargeBinary(), sa.String(length=64), "digest_bytes")


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        for column in DIGESTS:
            op.execute(f"ALTER TABLE audit_events ALTER COLUMN {column} TYPE varchar(64) USING encode({column}, 'hex')")
        return
    connection.connection.dbapi_connection.create_function("digest_hex", 1, _digest_hex, deterministic=True)
    _retype(sa.String(length=64), sa.LargeBinary(), "digest_hex")


def _retype(new: sa.types.TypeEngine, old: sa.types.TypeEngine, convert: str) -> None:
    """SQLite: each value converted in place (a column's declared type does not bind what it holds),
    then the table copied with the columns' new type, which the values then have already."""
    assignments = ", ".join(f"{column} = {convert}({column})" for column in DIGESTS)
    op.execute(f"UPDATE audit_events SET {assignments}")
    with op.batch_alter_table("audit_events", schema=None, reflect_kwargs=ONLY_THIS_TABLE) as batch_op:
        for column in DIGESTS:
            batch_op.alter_column(column, type_=new, existing_type=old)


def _digest_bytes(value: str | bytes | None) -> bytes | None:
    if value is None:
        return None
    return bytes.fromhex(value.decode("ascii") if isinstance(value, bytes) else value)


def _digest_hex(value: bytes | None) -> str | None:
    return None if value is None else bytes(value).hex()
