"""``fieldapp hq followup list|set``: each person's case status after the handover, and the reminders."""

from __future__ import annotations

import argparse

from fieldapp.cli.common import EXIT_OK, Commands, Passphrases, hq_review, print_json
from fieldapp.hq import followup


def register(hq: Commands) -> None:
    group = hq.group(
        "followup", "follow each person to the end: case statuses and 30/90-day reminders", hq=True
    )
    p = group.command(
        "list", run_list, "followed persons with their current status and days since the last update"
    )
    p.add_argument(
        "--due",
        type=int,
        choices=followup.REMINDER_DAYS,
        help="only cases not closed whose last update is at least this many days old",
    )
    p.add_argument("--person", metavar="PERSON_ID", help="one person's full status history instead")
    p.add_argument("--json", action="store_true")
    p = group.command("set", run_set, "record a person's case status (a signed HQ decision)")
    p.add_argument("person_id", metavar="PERSON")
    p.add_argument("status", metavar="STATUS", help=", ".join(followup.STATUSES))
    p.add_argument(
        "--date", dest="effective", metavar="YYYY-MM-DD", help="the day it took effect (default today)"
    )
    p.add_argument("--note", default="", help="optional; kept with the decision at HQ, never exported")
    p.add_argument("--route", help="repatriated: air, land or sea")
    p.add_argument("--via", help="repatriated: where the person crossed (optional)")
    p.add_argument(
        "--new-case", dest="new_person_id", metavar="PERSON_ID", help="re-trafficked: the new case"
    )


def run_list(args: argparse.Namespace, passphrases: Passphrases) -> int:
    with hq_review(args, passphrases) as review:
        if args.person:
            entries = followup.history(review.conn, args.person)
            if args.json:
                print_json([e.__dict__ | {"fields": dict(e.fields)} for e in entries])
            elif not entries:
                print(f"No case status recorded for {args.person}.")
            for e in entries:
                extra = "".join(f"  {k}={v}" for k, v in e.fields.items())
                print(
                    f"{e.effective}  {e.label:<22}{extra}  (by {e.analyst}, {e.decided_at[:10]}){'  ' + e.note if e.note else ''}"
                )
            return EXIT_OK
        items = followup.followups(review.conn, due=args.due)
    if args.json:
        print_json([i.__dict__ for i in items])
        return EXIT_OK
    if not items:
        print("No persons to follow up." if args.due is None else f"No case waits {args.due} days or more.")
    for i in items:
        print(f"{i.days_since:>5} days  {i.label:<22} since {i.effective}  {i.temp_id}  {i.person_id}")
    return EXIT_OK


def run_set(args: argparse.Namespace, passphrases: Passphrases) -> int:
    with hq_review(args, passphrases) as review:
        entry = followup.set_status(
            review.store,
            review.identity,
            args.person_id,
            args.status,
            effective=args.effective,
            note=args.note,
            route=args.route,
            via=args.via,
            new_person_id=args.new_person_id,
        )
    print(f"{args.person_id}: {entry.label} from {entry.effective} (HQ decision {entry.seq}).")
    return EXIT_OK
