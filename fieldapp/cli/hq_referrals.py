"""``fieldapp hq directory import|export|ship|map`` and ``fieldapp hq referrals`` / ``hq referral
acknowledge|close``: HQ's directory of receiving bodies, and what became of each referral."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from fieldapp.cli.common import EXIT_OK, Commands, Passphrases, hq_review, open_hq, print_json


def register(hq: Commands) -> None:
    directory = hq.group(
        "directory",
        "HQ's directory of receiving bodies: import or export it, ship it signed, map typed names",
        hq=True,
    )
    p = directory.command(
        "import", run_directory_import, "make a CSV or JSON file HQ's directory (next revision)"
    )
    p.add_argument("file", metavar="FILE.csv|FILE.json")
    p = directory.command(
        "export", run_directory_export, "write HQ's directory to a CSV or JSON file for editing"
    )
    p.add_argument("file", metavar="FILE.csv|FILE.json")
    p = directory.command(
        "ship", run_directory_ship, "write HQ's directory alone, signed, for enrolled laptops"
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p = directory.command(
        "map", run_directory_map, "map a receiving body typed as free text on a handover to a directory entry"
    )
    p.add_argument("handover_id", metavar="HANDOVER_ID")
    p.add_argument("body_id", metavar="BODY_ID")
    p.add_argument("--reason", required=True)

    p = hq.command("referrals", run_referrals, "referrals (handovers handed over) and their status")
    p.add_argument(
        "--unacknowledged", action="store_true", help="only those still unacknowledged after --days days"
    )
    p.add_argument("--days", type=int, default=7, help="days after sending (default 7)")
    p.add_argument("--unmapped", action="store_true", help="only those naming a body typed as free text")
    p.add_argument("--json", action="store_true")
    referral = hq.group(
        "referral", "record what a receiving body did with a referral (HQ's signed decision)", hq=True
    )
    p = referral.command(
        "acknowledge",
        run_acknowledge,
        "the signed copy came back: its verification code (typed or scanned) records it received (or refused)",
    )
    p.add_argument("code", metavar="CODE")
    p.add_argument(
        "--refused", action="store_true", help="the receiving body refused the person (give --reason)"
    )
    p.add_argument("--reason", default="", help="why it was refused (needed with --refused)")
    p.add_argument("--receiving-officer", default="", metavar="NAME", help="who signed the copy")
    p = referral.command("close", run_close, "close a referral received or refused (with the reason)")
    p.add_argument("handover_id", metavar="HANDOVER_ID")
    p.add_argument("--reason", required=True)


def run_directory_import(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq import directory

    listed = directory.read_file(Path(args.file))  # before asking for the passphrase
    _, store = open_hq(args, passphrases)
    try:
        with store.transaction():
            document = directory.replace(store, listed)
    finally:
        store.close()
    print(
        f"HQ's directory is now revision {document['revision']} ({len(document['bodies'])} receiving bodies). "
        "It goes out with every enrolment file; `fieldapp hq directory ship` writes it for enrolled laptops."
    )
    return EXIT_OK


def run_directory_export(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq import directory

    _, store = open_hq(args, passphrases)
    try:
        count = directory.export(store.conn, Path(args.file))
    finally:
        store.close()
    print(f"Wrote {count} receiving bodies to {args.file}.")
    return EXIT_OK


def run_directory_ship(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.atomic import write_atomic
    from fieldapp.hq import enrolments

    identity, store = open_hq(args, passphrases)
    try:
        with store.transaction():
            data = enrolments.issue_directory(store, identity)
        write_atomic(Path(args.output), data, mode=0o644)
    finally:
        store.close()
    print(f"Wrote {args.output}: HQ's directory, signed; laptops load it with `fieldapp enrol FILE`.")
    return EXIT_OK


def run_directory_map(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.referrals import map_body

    with hq_review(args, passphrases) as review:
        found = map_body(review, args.handover_id, args.body_id, args.reason)
    print(f"Handover {found.reference_no or found.handover_id} now names {found.body_id}.")
    return EXIT_OK


def _row(found: Any, now: Any) -> dict[str, Any]:
    return {
        "handover_id": found.handover_id,
        "reference_no": found.reference_no,
        "temp_id": found.temp_id,
        "receiving_type": found.receiving_type,
        "receiving_name": found.receiving_name,
        "body_id": found.body_id,
        "unmapped": found.unmapped,
        "sent_at": found.sent_at,
        "days_waiting": found.days_waiting(now),
        "status": found.status,
        "steps": [
            {
                "status": s.status,
                "at": s.at,
                "via": s.via,
                "by": s.by,
                "receiving_officer": s.receiving_officer,
                "reason": s.reason,
                "event_or_decision_id": s.source_id,
            }
            for s in found.steps
        ],
    }


def run_referrals(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from datetime import UTC, datetime

    from fieldapp.hq.errors import HqError
    from fieldapp.hq.referrals import referrals

    if args.days < 0:
        raise HqError("--days cannot be negative.")
    now = datetime.now(UTC)
    _, store = open_hq(args, passphrases)
    try:
        found = referrals(store.conn, unacknowledged=args.unacknowledged, days=args.days, now=now)
    finally:
        store.close()
    if args.unmapped:
        found = [r for r in found if r.unmapped]
    if args.json:
        print_json([_row(r, now) for r in found])
        return EXIT_OK
    if not found:
        print(
            "No referral matches."
            if not args.unacknowledged
            else f"Every referral sent {args.days} days ago or more was acknowledged."
        )
    for r in found:
        body = r.body_id or f"{r.receiving_name or r.receiving_type} (typed: not in the directory)"
        print(
            f"{r.reference_no}  {r.status:<8}  sent {r.sent_at[:10]} ({r.days_waiting(now)} days)  to {body}  "
            f"[{r.handover_id}]"
        )
    return EXIT_OK


def run_acknowledge(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.referrals import acknowledge_by_code

    status = "refused" if args.refused else "received"
    with hq_review(args, passphrases) as review:
        found = acknowledge_by_code(
            review, args.code, status=status, reason=args.reason, receiving_officer=args.receiving_officer
        )
    print(f"Referral {found.reference_no} ({found.handover_id}) is now {found.status}.")
    return EXIT_OK


def run_close(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.referrals import record_status

    with hq_review(args, passphrases) as review:
        found = record_status(review, args.handover_id, "closed", args.reason)
    print(f"Referral {found.reference_no} ({found.handover_id}) is now closed.")
    return EXIT_OK
