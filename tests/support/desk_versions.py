"""A version of a seller's policy published to take effect later, as an admin publishes one, for the
RMA desk's tests of checking a request under it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from receiving_app.bootstrap import load_shipped_policies
from receiving_app.services.policy_publishing import PublishedView
from receiving_app.services.station import Station

SELLER = "image-pro-services"
INSTALLED = load_shipped_policies()[SELLER].version  # the installed file's
# Not needed and ordered wrong returns: 60 days from the purchase and 30 from the shipment today.
SHORTER_WINDOW = {"reasons.not_needed.windows[1].days": 10}  # 10 days from the shipment
LONGER_WINDOWS = {"reasons.not_needed.windows[0].days": 120, "reasons.not_needed.windows[1].days": 90}


def publish_windows(
    station: Station, changes: Mapping[str, Any], effective: date, *, seller: str = SELLER, name: str = "windows"
) -> PublishedView:
    """The seller's version in effect with ``changes``, published by the demo's admin from ``effective``."""
    drafts = station.policy_drafts
    drafts.start(name, seller, user="admin", station="office")
    draft = drafts.revise(name, dict(changes), user="admin", station="office")
    return station.policy_publishing.publish(draft, effective, user="admin", station="office")
