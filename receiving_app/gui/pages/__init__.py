"""The station's pages beyond the receiving screen: RMA history (with each RMA's detail), the
catalog, the seller policies, the station settings, the dock's check-in, the RMA desk and the outbox.

Each page is a QWidget built as ``Page(station, signed_in_user, parent)``. It reads nothing when
it is built: it loads its data in the background the first time it is shown, and every service or
device call runs through its own ``OperationRunner``, so no page ever waits on the UI thread.
What a user may do follows their role (admins edit the catalog and settings, supervisors void);
the services check the same rules again.

``PAGES`` names them in the order of the navigation list, each by its module and class, so that
the station window imports a page only when it is first shown (every page's module at once was a
seventh of a second of the station's start on a slow computer). Adding them to a window, e.g. as
tabs::

    from receiving_app.gui.pages import PAGES

    for entry in PAGES:
        tabs.addTab(entry.page_class()(station, signed_in_user, tabs), entry.title)

or one at a time from their modules (``history.HistoryPage``, ``catalog.CatalogPage``, ...); to show
one RMA straight from the receiving screen, ``HistoryPage.open_rma(number)``. Pages are built per
signed-in user: build them again after a different user signs in.

Forms: ``ui/pages_*.ui`` compile into ``receiving_app/gui/forms/ui_pages_*.py`` (never edit those)
with every other form: ``python scripts/compile_forms.py``.

The policies page and the printer rows of the settings page are built in code: one is generated
text, the other the same row repeated per document type, which a form would not describe.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PageEntry:
    """A page of the navigation list: its title, and where its class is, imported when first asked for."""

    title: str
    module: str
    """The module under ``receiving_app.gui.pages`` that holds the page."""
    class_name: str

    def page_class(self) -> type[QWidget]:
        page: type[QWidget] = getattr(import_module(f"{__name__}.{self.module}"), self.class_name)
        return page


PAGES = (
    PageEntry("History", "history", "HistoryPage"),
    PageEntry("Catalog", "catalog", "CatalogPage"),
    PageEntry("Policies", "policies", "PoliciesPage"),
    PageEntry("Reports", "reports", "ReportsPage"),
    PageEntry("Settings", "settings", "SettingsPage"),
    PageEntry("Check-in", "check_in", "CheckInPage"),
    PageEntry("RMA desk", "rma_desk", "RmaDeskPage"),
    PageEntry("Outbox", "outbox", "OutboxPage"),
)
