"""`receiving-app unidentified`: returns that came without an RMA (or items their RMA does not list),
recorded with what is inside, rejected with a reason, listed and shown. Every change signs its --user in;
`list` and `show` mask the sender typed from the label, as `rma show` never names a customer."""

from __future__ import annotations

import argparse
import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING

from receiving_app.cli.credentials import sign_in
from receiving_app.cli.shared import EXIT_OK, Commands, add_action, add_command_group, open_station, print_json
from receiving_app.cli.unidentified_match_command import add_unidentified_match_action
from receiving_app.domain.errors import InputError
from receiving_app.domain.weight import Weight
from receiving_app.domain.weight_capture import WeightCapture

if TYPE_CHECKING:  # the services load with the station, not when the command line is parsed
    from receiving_app.services.commands import PhotoAttachment
    from receiving_app.services.station import Station
    from receiving_app.services.unidentified_views import UnidentifiedView

MAX_PHOTO_BYTES = 32 * 2**20  # a camera's largest picture, many times over


def add_unidentified_commands(commands: Commands) -> None:
    actions = add_command_group(commands, "unidentified", "returns that came without an RMA")
    recording = add_action(
        actions,
        "record",
        record_return,
        "record a parcel without an RMA, or items its RMA does not list (asks for the password)",
    )
    recording.add_argument("--tracking", metavar="T", help="its carrier's tracking number, or whatever label it has")
    recording.add_argument("--sender", default="", metavar="TEXT", help="the sender, as the parcel's label gives it")
    recording.add_argument("--notes", default="", metavar="TEXT")
    recording.add_argument(
        "--found-with", metavar="RMA", help="the RMA whose parcel held these items though it does not list them"
    )
    recording.add_argument(
        "--place",
        metavar="P",
        help="the shelf or bin it waits in (default: the unidentified returns' quarantine shelf)",
    )
    adding = add_action(actions, "add-item", add_item, "record an item found in it (asks for the password)")
    adding.add_argument("number", metavar="NUMBER", help="the unidentified return (UR-...) or its license plate")
    adding.add_argument("--scan", required=True, metavar="CODE", help="the cartridge's barcode or SKU, as scanned")
    adding.add_argument(
        "--weight", metavar="W", help="its stable weight, e.g. 812.4g, 28.6oz, 1.79lb (within what its SKU can weigh)"
    )
    adding.add_argument("--photo", action="append", default=[], metavar="FILE", help="a photo of it (repeatable)")
    rejecting = add_action(actions, "reject", reject_return, "give up on one, saying why (asks for the password)")
    rejecting.add_argument("number", metavar="NUMBER", help="the unidentified return (UR-...) or its license plate")
    rejecting.add_argument("--reason", required=True, metavar="TEXT", help="why it is rejected")
    for action in (recording, adding, rejecting):
        action.add_argument("--user", required=True, help="who does it, signed in with RECEIVING_APP_PASSWORD")
        action.add_argument("--station", metavar="ID", help="the station recorded with it (default: this station's id)")
        action.add_argument("--json", action="store_true")
    listing = add_action(actions, "list", list_open, "the open ones, newest first")
    listing.add_argument("--limit", type=int, default=200, metavar="N", help="at most this many (default 200)")
    listing.add_argument("--json", action="store_true")
    showing = add_action(actions, "show", show_return, "one, with its items")
    showing.add_argument("number", metavar="NUMBER", help="the unidentified return (UR-...) or its license plate")
    showing.add_argument("--json", action="store_true")
    add_unidentified_match_action(actions)


def record_return(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        user, where = _signed_in(station, args, "record returns without an RMA")
        view = station.unidentified.record(
            tracking_or_label=args.tracking,
            sender=args.sender,
            notes=args.notes,
            found_with_rma=args.found_with,
            place=args.place,
            user=user,
            station=where,
        )
    return _said(args, view, f"{view.number} recorded with license plate {view.lpn}: put it on {view.place}.")


def add_item(args: argparse.Namespace) -> int:
    weight = _weight(args.weight)
    photos = tuple(_photo(Path(name)) for name in args.photo)
    with open_station(args) as station:
        user, where = _signed_in(station, args, "record returns without an RMA")
        view = station.unidentified.add_item(
            args.number, scanned=args.scan, weight=weight, photos=photos, user=user, station=where
        )
    item = view.items[-1]
    weighed = f", {item.weight_as_read}" if item.weight_as_read else ""
    return _said(
        args, view, f"{view.number} item {item.item}: {item.sku or item.scanned} ({item.description}){weighed}."
    )


def reject_return(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        user, where = _signed_in(station, args, "reject returns without an RMA")
        view = station.unidentified.reject(args.number, args.reason, user=user, station=where)
    return _said(args, view, f"{view.number} rejected: {view.reject_reason}")


def list_open(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise InputError("--limit: give a whole number of at least 1")
    with open_station(args) as station:
        views = station.unidentified.list_open(args.limit)
    if args.json:
        print_json([view.as_json() for view in views])
        return EXIT_OK
    for view in views:
        label = view.tracking_number or view.label or "-"
        print(f"{view.number}  {view.lpn}  {view.age_days:>3} d  {len(view.items)} item(s)  {label}  {view.place}")
    return EXIT_OK


def show_return(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        view = station.unidentified.show(args.number)
    if args.json:
        print_json(view.as_json())
        return EXIT_OK
    found_with = f", found with {view.found_with_rma}" if view.found_with_rma else ""
    print(f"{view.number}  {view.lpn}  {view.status}  {view.place}{found_with}")
    print(f"  recorded {view.recorded_at:%Y-%m-%d %H:%M} by {view.recorded_by} at {view.station}")
    for item in view.items:
        weighed = f"  {item.weight_as_read}" if item.weight_as_read else ""
        print(f"  item {item.item}: {item.sku or item.scanned} ({item.description}){weighed}  {item.photos} photo(s)")
    if view.reject_reason:
        print(f"  rejected by {view.resolved_by}: {view.reject_reason}")
    return EXIT_OK


def _signed_in(station: Station, args: argparse.Namespace, doing: str) -> tuple[str, str]:
    """The signed-in user's name and the station to record."""
    where = args.station or station.settings.station_id
    return sign_in(station, args.user, least_role="receiver", doing=doing, at=where).name, where


def _said(args: argparse.Namespace, view: UnidentifiedView, sentence: str) -> int:
    if args.json:
        print_json(view.as_json())
    else:
        print(sentence)
    return EXIT_OK


def _weight(text: str | None) -> WeightCapture | None:
    if text is None:
        return None
    try:
        return WeightCapture.typed(Weight.parse(text))
    except InputError as error:
        raise InputError(f"--weight: {error}") from None


def _photo(path: Path) -> PhotoAttachment:
    from receiving_app.services.commands import PhotoAttachment

    try:
        if path.stat().st_size > MAX_PHOTO_BYTES:
            raise InputError(f"--photo: {path.name} is larger than {MAX_PHOTO_BYTES // 2**20} MiB")
        content = path.read_bytes()
    except OSError as error:
        raise InputError(f"--photo: cannot read {path}: {error.strerror or error}") from None
    return PhotoAttachment(path.name, mimetypes.guess_type(path.name)[0] or "image/jpeg", content)
