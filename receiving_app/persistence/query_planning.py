"""How PostgreSQL is to plan the statements of a search or a report, for that transaction only.

The station's statements are prepared by the driver once it has sent them five times on a
connection, and PostgreSQL may then run a prepared statement with a plan made without its values.
For a lookup by number or id that plan is as good as any and saves planning it each time; for a
search or a report it can be much worse: the RMAs of a list of customers read newest first took
200 ms instead of 6, and the daily report over a day of 100,000 lines 250 ms instead of 180. Such a
transaction has each statement planned for its own values. Two more settings for the same
transactions: PostgreSQL compiles a query to machine code when its estimated cost is high, and a
walk's estimate counts every row it might test although it stops after a page (the compiling took
longer than the search); and starting parallel workers cost more than they saved, on two cores that
are the stations' too (a search 10 ms against 6, the daily report 175 against 158).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# In one round trip; ``true``: until the transaction ends.
_PLANNED_FOR_THEIR_VALUES = text(
    "SELECT set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true), "
    "set_config('max_parallel_workers_per_gather', '0', true)"
)


def plan_for_their_values(session: Session) -> None:
    """For the rest of the session's transaction on PostgreSQL (SQLite plans each statement once, and
    has none of these settings)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_PLANNED_FOR_THEIR_VALUES)
