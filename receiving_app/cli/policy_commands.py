"""`receiving-app policy`: drafts of a seller's policy saved and listed, replayed over the units
already decided, and published as a version deciding from its effective date; and every seller's
versions with the day each decides from (docs/return-policies.md, docs/cli.md)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from receiving_app.cli.credentials import sign_in
from receiving_app.cli.shared import EXIT_OK, Commands, add_action, add_command_group, open_station, print_json
from receiving_app.domain.errors import InputError

if TYPE_CHECKING:  # the services load with the station, not when the command line is parsed
    from receiving_app.domain.policy_comparison import Totals
    from receiving_app.services.policy_replay import ReplayReport

DRAFT_HELP = "a draft file (FILE.toml) or the name of a stored draft"


def add_policy_commands(commands: Commands) -> None:
    actions = add_command_group(commands, "policy", "policy drafts: save, replay over decided units, publish")
    drafts = add_command_group(actions, "draft", "policy drafts kept at the station")
    saving = add_action(drafts, "save", save_draft, "check a draft file and keep it under a name (admins)")
    saving.add_argument("file", metavar="FILE.toml")
    saving.add_argument("--name", required=True, help="the draft's name (no .toml ending, no / or \\)")
    saving.add_argument("--user", required=True, help="the admin saving it, signed in")
    saving.add_argument("--json", action="store_true")
    listing = add_action(drafts, "list", list_drafts, "the stored drafts")
    listing.add_argument("--json", action="store_true")
    showing = add_action(drafts, "show", show_draft, "one stored draft's text")
    showing.add_argument("name", metavar="NAME")
    showing.add_argument("--json", action="store_true")

    replaying = add_action(actions, "replay", replay_draft, "what a draft would change in the decisions made")
    replaying.add_argument("draft", metavar="DRAFT", help=DRAFT_HELP)
    replaying.add_argument("--from", dest="start", metavar="DATE", help="the first day units were received")
    replaying.add_argument("--to", dest="end", metavar="DATE", help="the last day units were received")
    replaying.add_argument("--user", help="who asks, signed in and named in the audit trail (default: cli)")
    replaying.add_argument("--json", action="store_true")

    publishing = add_action(actions, "publish", publish_draft, "make a draft the version deciding from a date")
    publishing.add_argument("draft", metavar="DRAFT", help=DRAFT_HELP)
    publishing.add_argument("--effective", required=True, metavar="DATE", help="the first day it decides")
    publishing.add_argument("--user", required=True, help="the admin publishing it, signed in")
    publishing.add_argument("--json", action="store_true")

    versions = add_action(actions, "versions", list_versions, "each seller's versions and when they decide")
    versions.add_argument("policy", nargs="?", metavar="POLICY", help="one seller's policy id")
    versions.add_argument("--json", action="store_true")


def save_draft(args: argparse.Namespace) -> int:
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{args.file} is not UTF-8 text") from None
    except OSError as error:
        raise InputError(f"cannot read {args.file}: {error.strerror or error}") from None
    with open_station(args) as station:
        admin = sign_in(station, args.user, least_role="admin", doing="edit policy drafts")
        draft = station.policy_drafts.save(args.name, text, user=admin.name, station=station.settings.station_id)
    if args.json:
        print_json(draft.as_json())
    else:
        print(f"saved draft {draft.name} of {draft.policy_id} (changes version {draft.based_on_version})")
    return EXIT_OK


def list_drafts(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        drafts = station.policy_drafts.drafts()
    if args.json:
        print_json([draft.as_json() for draft in drafts])
        return EXIT_OK
    for draft in drafts:
        published = f", published as {draft.published_version}" if draft.published_version else ""
        saved = draft.saved_at.date().isoformat() if draft.saved_at else ""
        print(f"{draft.name:<24} {draft.policy_id:<24} from {draft.based_on_version}  saved {saved}{published}")
    if not drafts:
        print("No policy drafts are stored.")
    return EXIT_OK


def show_draft(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        draft = station.policy_drafts.read(args.name)
    if args.json:
        print_json(draft.as_json(with_text=True))
    else:
        print(draft.text, end="")
    return EXIT_OK


def replay_draft(args: argparse.Namespace) -> int:
    start = _day(args.start, "--from") if args.start is not None else None
    end = _day(args.end, "--to") if args.end is not None else None
    with open_station(args) as station:
        user = (
            sign_in(station, args.user, least_role="receiver", doing="replay a policy draft").name
            if args.user
            else "cli"
        )
        draft = station.policy_drafts.read(args.draft)
        report = station.policy_replay.replay(
            draft, start=start, end=end, user=user, station=station.settings.station_id
        )
    if args.json:
        print_json(report.as_json())
    else:
        _say_replay(report)
    return EXIT_OK


def publish_draft(args: argparse.Namespace) -> int:
    effective = _day(args.effective, "--effective")
    with open_station(args) as station:
        admin = sign_in(station, args.user, least_role="admin", doing="publish a policy")
        draft = station.policy_drafts.read(args.draft)
        published = station.policy_publishing.publish(
            draft, effective, user=admin.name, station=station.settings.station_id
        )
    if args.json:
        print_json(published.as_json())
        return EXIT_OK
    print(
        f"published {published.policy_id} version {published.version}, deciding from {published.effective_on} "
        f"in place of version {published.replaces_version}:"
    )
    for difference in published.differences:
        print(f"  {difference}")
    return EXIT_OK


def list_versions(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        versions = station.policy_publishing.versions(args.policy)
    if args.json:
        print_json([version.as_json() for version in versions])
        return EXIT_OK
    for version in versions:
        since = f"from {version.effective_on}" if version.effective_on else "installed"
        now = "  in effect today" if version.in_effect_today else ""
        print(f"{version.policy_id:<24} {version.version:<14} {since}{now}")
    return EXIT_OK


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option}: not a date in YYYY-MM-DD form: {text!r}") from None


def _say_replay(report: ReplayReport) -> None:
    from receiving_app.domain.money_text import money_text

    comparison, draft = report.comparison, report.draft
    days = f"from {report.start or 'the first'} to {report.end or 'the last'} day"
    print(f"{draft.name} ({draft.policy_id}) replayed over {comparison.units_compared} unit(s) received {days}:")
    print(
        f"  {len(comparison.changed)} would change; {len(comparison.overridden)} overridden by a supervisor "
        f"and {len(comparison.undecided)} the draft cannot decide are in no total"
    )
    before, after = comparison.before, comparison.after
    print(f"  refunded  {money_text(before.refunded)} → {money_text(after.refunded)}")
    print(f"  fees      {money_text(before.fees)} → {money_text(after.fees)}")
    print(f"  denied    {before.denied} → {after.denied}{_by_reason(before, after)}")
    for item in comparison.changed:
        was, now = item.before, item.after
        print(
            f"  {item.key.rma} line {item.key.line} unit {item.key.unit}: "
            f"{was.outcome.value} {money_text(was.refund_total)} → {now.outcome.value} {money_text(now.refund_total)}"
        )


def _by_reason(before: Totals, after: Totals) -> str:
    codes = sorted({*before.denied_by_reason, *after.denied_by_reason})
    changes = [
        f"{code} {before.denied_by_reason.get(code, 0)} → {after.denied_by_reason.get(code, 0)}" for code in codes
    ]
    return f" ({'; '.join(changes)})" if changes else ""
