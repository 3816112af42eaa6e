"""History searches flat in the data: the indexes each search starts from, and the decisions beside their RMA

Revision ID: 0012
Revises: 0011

History lists RMAs newest first and finds them by number, customer, SKU, outcome and dates. Before
this revision most of those searches read every RMA, line or decision of the station: a customer's
name went through every order, an outcome through every decision of every line. Now each has an
index that starts where it does and, where it can, ends with the RMA's id, so that a page of the
newest matches is a short walk down it (receiving_app/persistence/rma_search_plans.py says how
each search uses them):

- ``search_decisions``: one row per standing decision with its RMA's id, outcome, SKU and time,
  kept by triggers on ``decisions`` and ``rma_lines`` in the transaction that changes them;
- an RMA's authorization day with its id; a SKU's lines and the lines still to receive by RMA;
  a customer's orders;
- customers by account (lower case, by its start) and by any part of their name: on PostgreSQL a
  trigram index (the pg_trgm extension, created here when the server allows it; without it the
  name search reads the customers table, which is small, and says nothing), on SQLite a full-text
  table of trigrams (FTS5; a SQLite built without it reads the customers table likewise);
- on PostgreSQL, RMA numbers compared byte by byte, so that a number's start is a range (SQLite's
  GLOB has that of the unique index on number).
"""

import sqlalchemy as sa
from alembic import op

from receiving_app.persistence.column_types import UtcDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

PENDING = sa.text("status IN ('open', 'on_hold')")
SEARCH_COLUMNS = "decision_id, rma_id, rma_line_id, sku, outcome, decided_at, decided_on"

SQLITE_TRIGGERS = (
    f"""
    CREATE TRIGGER search_decisions_after_insert AFTER INSERT ON decisions WHEN NEW.voided_at IS NULL
    BEGIN
        INSERT INTO search_decisions ({SEARCH_COLUMNS})
        SELECT NEW.id, line.rma_id, line.id, line.sku, NEW.outcome, NEW.decided_at, date(NEW.decided_at)
        FROM rma_lines AS line WHERE line.id = NEW.rma_line_id;
    END
    """,
    f"""
    CREATE TRIGGER search_decisions_after_update
    AFTER UPDATE OF rma_line_id, outcome, decided_at, voided_at ON decisions
    BEGIN
        DELETE FROM search_decisions WHERE decision_id = OLD.id;
        INSERT INTO search_decisions ({SEARCH_COLUMNS})
        SELECT NEW.id, line.rma_id, line.id, line.sku, NEW.outcome, NEW.decided_at, date(NEW.decided_at)
        FROM rma_lines AS line WHERE line.id = NEW.rma_line_id AND NEW.voided_at IS NULL;
    END
    """,
    """
    CREATE TRIGGER search_decisions_after_delete AFTER DELETE ON decisions
    BEGIN
        DELETE FROM search_decisions WHERE decision_id = OLD.id;
    END
    """,
    """
    CREATE TRIGGER search_decisions_line_changed AFTER UPDATE OF rma_id, sku ON rma_lines
    BEGIN
        UPDATE search_decisions SET rma_id = NEW.rma_id, sku = NEW.sku
        WHERE decision_id IN (SELECT id FROM decisions WHERE rma_line_id = NEW.id AND voided_at IS NULL);
    END
    """,
)

POSTGRESQL_TRIGGERS = (
    f"""
    CREATE FUNCTION search_decisions_follow_decision() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            DELETE FROM search_decisions WHERE decision_id = OLD.id;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.voided_at IS NULL THEN
            INSERT INTO search_decisions ({SEARCH_COLUMNS})
            SELECT NEW.id, line.rma_id, line.id, line.sku, NEW.outcome, NEW.decided_at, NEW.decided_at::date
            FROM rma_lines AS line WHERE line.id = NEW.rma_line_id;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER search_decisions_follow_decision
    AFTER INSERT OR DELETE OR UPDATE OF rma_line_id, outcome, decided_at, voided_at ON decisions
    FOR EACH ROW EXECUTE FUNCTION search_decisions_follow_decision()
    """,
    """
    CREATE FUNCTION search_decisions_follow_line() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE search_decisions SET rma_id = NEW.rma_id, sku = NEW.sku
        WHERE decision_id IN (SELECT id FROM decisions WHERE rma_line_id = NEW.id AND voided_at IS NULL);
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER search_decisions_follow_line AFTER UPDATE OF rma_id, sku ON rma_lines
    FOR EACH ROW WHEN (OLD.rma_id IS DISTINCT FROM NEW.rma_id OR OLD.sku IS DISTINCT FROM NEW.sku)
    EXECUTE FUNCTION search_decisions_follow_line()
    """,
)

# SQLite's full-text table of customer names, cut into trigrams: a name matched by any part of three
# letters or more is a lookup in it, not a read of every customer. It reads the names from customers
# (external content), and triggers keep its index in step with them.
SQLITE_CUSTOMER_NAMES = (
    "CREATE VIRTUAL TABLE customer_names USING fts5(name, content='customers', content_rowid='id', tokenize='trigram')",
    "INSERT INTO customer_names (customer_names) VALUES ('rebuild')",
    """
    CREATE TRIGGER customer_names_after_insert AFTER INSERT ON customers
    BEGIN
        INSERT INTO customer_names (rowid, name) VALUES (NEW.id, NEW.name);
    END
    """,
    """
    CREATE TRIGGER customer_names_after_update AFTER UPDATE OF name ON customers
    BEGIN
        INSERT INTO customer_names (customer_names, rowid, name) VALUES ('delete', OLD.id, OLD.name);
        INSERT INTO customer_names (rowid, name) VALUES (NEW.id, NEW.name);
    END
    """,
    """
    CREATE TRIGGER customer_names_after_delete AFTER DELETE ON customers
    BEGIN
        INSERT INTO customer_names (customer_names, rowid, name) VALUES ('delete', OLD.id, OLD.name);
    END
    """,
)


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "search_decisions",
        sa.Column("decision_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("rma_id", sa.Integer(), nullable=False),
        sa.Column("rma_line_id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("decided_at", UtcDateTime(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("decision_id", name=op.f("pk_search_decisions")),
    )
    day = "decision.decided_at::date" if postgresql else "date(decision.decided_at)"
    op.execute(
        f"INSERT INTO search_decisions ({SEARCH_COLUMNS}) "
        f"SELECT decision.id, line.rma_id, line.id, line.sku, decision.outcome, decision.decided_at, {day} "
        "FROM decisions AS decision JOIN rma_lines AS line ON line.id = decision.rma_line_id "
        "WHERE decision.voided_at IS NULL"
    )
    op.create_index("ix_search_decisions_outcome_rma", "search_decisions", ["outcome", "rma_id"])
    op.create_index("ix_search_decisions_sku_rma", "search_decisions", ["sku", "rma_id"])
    op.create_index("ix_search_decisions_day_rma", "search_decisions", ["decided_on", "rma_id", "decided_at"])
    op.create_index("ix_search_decisions_rma_time", "search_decisions", ["rma_id", "decided_at"])
    for statement in POSTGRESQL_TRIGGERS if postgresql else SQLITE_TRIGGERS:
        op.execute(statement)

    op.create_index("ix_rmas_reported_on_id", "rmas", ["reported_on", "id"])
    op.drop_index("ix_rma_lines_sku", table_name="rma_lines")
    op.create_index("ix_rma_lines_sku_rma", "rma_lines", ["sku", "rma_id"])
    op.create_index("ix_rma_lines_pending", "rma_lines", ["rma_id"], sqlite_where=PENDING, postgresql_where=PENDING)
    op.create_index("ix_orders_customer_id", "orders", ["customer_id"])
    if postgresql:
        op.execute("CREATE INDEX ix_rmas_number_prefix ON rmas (upper(number) text_pattern_ops)")
        op.execute("CREATE INDEX ix_customers_account_folded ON customers (lower(account_number) text_pattern_ops)")
        if _trigrams_on_postgresql():
            op.execute("CREATE INDEX ix_customers_name_trigrams ON customers USING gin (lower(name) gin_trgm_ops)")
    else:
        op.execute("CREATE INDEX ix_customers_account_folded ON customers (lower(account_number))")
        _customer_names_on_sqlite()


def _trigrams_on_postgresql() -> bool:
    """pg_trgm, if this server has it and lets this user create it (it is a trusted extension)."""
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).first():
        return True
    if not bind.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).first():
        return False
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        return False
    return True


def _customer_names_on_sqlite() -> None:
    bind = op.get_bind()
    try:
        with bind.begin_nested():
            for statement in SQLITE_CUSTOMER_NAMES:
                bind.execute(sa.text(statement))
    except sa.exc.OperationalError as error:
        # A SQLite built without FTS5 (or older than 3.34, without its trigram tokenizer) searches
        # names by reading the customers table, as before this revision.
        if "fts5" not in str(error) and "tokenizer" not in str(error):
            raise


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        op.execute("DROP INDEX IF EXISTS ix_customers_name_trigrams")
        op.execute("DROP INDEX ix_customers_account_folded")
        op.execute("DROP INDEX ix_rmas_number_prefix")
        op.execute("DROP TRIGGER search_decisions_follow_line ON rma_lines")
        op.execute("DROP FUNCTION search_decisions_follow_line()")
        op.execute("DROP TRIGGER search_decisions_follow_decision ON decisions")
        op.execute("DROP FUNCTION search_decisions_follow_decision()")
    else:
        for trigger in ("customer_names_after_insert", "customer_names_after_update", "customer_names_after_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS customer_names")
        op.execute("DROP INDEX ix_customers_account_folded")
        for trigger in (
            "search_decisions_after_insert",
            "search_decisions_after_update",
            "search_decisions_after_delete",
            "search_decisions_line_changed",
        ):
            op.execute(f"DROP TRIGGER {trigger}")
    op.drop_index("ix_orders_customer_id", table_name="orders")
    op.drop_index("ix_rma_lines_pending", table_name="rma_lines")
    op.drop_index("ix_rma_lines_sku_rma", table_name="rma_lines")
    op.create_index("ix_rma_lines_sku", "rma_lines", ["sku"])
    op.drop_index("ix_rmas_reported_on_id", table_name="rmas")
    op.drop_table("search_decisions")
