"""``fieldapp hq audit``: who saw, printed or exported whom, at HQ and on the laptops (the disclosure log)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fieldapp.cli.common import EXIT_OK, Commands, Passphrases, open_hq
from fieldapp.records.disclosures import KINDS


def register(hq: Commands) -> None:
    p = hq.command(
        "audit",
        run_audit,
        "the disclosure log: every view, print, export and copy, at HQ and on the laptops (newest first)",
    )
    p.add_argument("--person", metavar="PERSON_ID", help="only disclosures naming this person")
    p.add_argument("--by", metavar="NAME", help="only this HQ account or laptop officer (name or id)")
    p.add_argument("--kind", choices=KINDS, help="only this kind")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="from this date (or ISO time), inclusive")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="up to this date (or ISO time), inclusive")
    p.add_argument("--csv", metavar="FILE.csv", help="write the list as CSV instead of printing it")
    p.add_argument("--json", action="store_true")


def run_audit(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.disclosures import AuditFilter, audit, write_csv

    where = AuditFilter(args.person, args.by, args.kind, args.since, args.until)
    _, store = open_hq(args, passphrases)
    try:
        rows = audit(store, where)
    finally:
        store.close()
    if args.csv:
        write_csv(rows, Path(args.csv))
        print(f"Wrote {len(rows)} disclosures to {args.csv}.")
        return EXIT_OK
    if args.json:
        print(
            json.dumps(
                [{**vars(r), "persons": list(r.persons), "temp_ids": list(r.temp_ids)} for r in rows],
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    print(f"{len(rows)} disclosures.")
    for r in rows:
        who = f"{r.actor} ({r.actor_id[-12:]})" if r.actor_id else r.actor
        shown = r.temp_ids or r.persons
        persons = ", ".join(shown[:5]) + (f" +{len(shown) - 5}" if len(shown) > 5 else "")
        purpose = f" — purpose: {r.purpose}" if r.purpose else ""
        print(
            f"{r.created_at}  {r.source:<14} {r.kind:<7} {r.what:<24} by {who}; persons: {persons or '-'}{purpose}"
        )
    return EXIT_OK
