"""The station's pages beyond the receiving screen: RMA history (with each RMA's detail), the
catalog, the seller policies, the station settings, the dock's check-in, the RMA desk and the outbox.

Each page is a QWidget built as ``Page(station, signed_in_user, parent)``. It reads nothing when
it is built: it loads its data in the background the first time it is shown, and every service or
device call runs through its own ``OperationRunner``, so no page ever waits on the UI thread.
What a user may do follows their role (admins edit the catalog and settings, supervisors void);
the services check the same rules again.

Adding them to the main window, e.g. as tabs::

    from receiving_app.gui.pages import PAGES

    for title, page_class in PAGES:
        tabs.addTab(page_class(station, signed_in_user, tabs), title)

or one at a time (``HistoryPage``, ``CatalogPage``, ``PoliciesPage``, ``ReportsPage``, ``SettingsPage``); to show one
RMA straight from the receiving screen, ``HistoryPage.open_rma(number)``. Pages are built per
signed-in user: build them again after a different user signs in.

Forms: ``ui/pages_*.ui`` compile into ``receiving_app/gui/forms/ui_pages_*.py`` (never edit those)
with every other form: ``python scripts/compile_forms.py``.

The policies page and the printer rows of the settings page are built in code: one is generated
text, the other the same row repeated per document type, which a form would not describe.
"""

from __future__ import annotations

from receiving_app.gui.pages.catalog import CatalogPage
from receiving_app.gui.pages.check_in import CheckInPage
from receiving_app.gui.pages.history import HistoryPage
from receiving_app.gui.pages.outbox import OutboxPage
from receiving_app.gui.pages.policies import PoliciesPage
from receiving_app.gui.pages.reports import ReportsPage
from receiving_app.gui.pages.rma_desk import RmaDeskPage
from receiving_app.gui.pages.rma_detail import RmaDetailView
from receiving_app.gui.pages.settings import SettingsPage

PAGES = (
    ("History", HistoryPage),
    ("Catalog", CatalogPage),
    ("Policies", PoliciesPage),
    ("Reports", ReportsPage),
    ("Settings", SettingsPage),
    ("Check-in", CheckInPage),
    ("RMA desk", RmaDeskPage),
    ("Outbox", OutboxPage),
)

__all__ = [
    "PAGES",
    "CatalogPage",
    "CheckInPage",
    "HistoryPage",
    "OutboxPage",
    "PoliciesPage",
    "ReportsPage",
    "RmaDeskPage",
    "RmaDetailView",
    "SettingsPage",
]
