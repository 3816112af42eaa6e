"""The demo's three users as the window holds them once each has signed in."""

from __future__ import annotations

from receiving_app.services.auth import SignedInUser

USERS = {
    "receiver": SignedInUser("receiver", "Riley Receiver", "receiver"),
    "supervisor": SignedInUser("supervisor", "Sam Supervisor", "supervisor"),
    "admin": SignedInUser("admin", "Alex Admin", "admin"),
}
RECEIVER = USERS["receiver"]
