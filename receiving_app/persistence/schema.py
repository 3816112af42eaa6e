"""Bringing a database to the newest migration, on first use or by `receiving-app db upgrade`.

Every start of the station checks the schema, and Alembic takes about a tenth of a second to
import: so the check reads the database's revision and the revisions the migration files declare
without it, and Alembic is imported only when there is something to migrate (or the files do not
say plainly which revision is the newest).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "alembic_version"
_DECLARATION = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+)$", re.MULTILINE)


def _alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations in {MIGRATIONS / 'versions'}: the installation is incomplete")
    return head


def declared_head() -> str | None:
    """The newest revision as the migration files declare it; None if they do not say plainly."""
    revisions: set[str] = set()
    replaced: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        try:
            declared = {
                name: ast.literal_eval(value.strip())
                for name, value in _DECLARATION.findall(path.read_text(encoding="utf-8"))
            }
        except (ValueError, SyntaxError):
            return None
        if "revision" not in declared:
            continue
        revisions.add(declared["revision"])
        earlier = declared.get("down_revision")
        replaced.update(earlier if isinstance(earlier, (tuple, list)) else [earlier] if earlier else [])
    heads = revisions - replaced
    return heads.pop() if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def upgrade_to_head(engine: Engine) -> tuple[str | None, str]:
    """Migrate to the newest schema; returns (revision before, revision after)."""
    before = current_revision(engine)
    if before is not None and before == declared_head():
        return before, before
    head = head_revision()
    if before != head:
        from alembic import command

        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "head")
    return before, head
