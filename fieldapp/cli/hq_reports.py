"""``fieldapp hq dashboard|partner-export|app|demo``: charts, a partner's package, HQ mode in the app, a demo HQ."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fieldapp.cli.common import EXIT_OK, Commands, Passphrases, database, hq_dir, open_hq
from fieldapp.cli.hq import add_purpose
from fieldapp.hq.errors import HqError


def register(hq: Commands) -> None:
    p = hq.command(
        "dashboard", run_dashboard, "counts of persons as charts: one PNG image or an A4 landscape PDF"
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE.png|FILE.pdf")
    p.add_argument("--operation", metavar="ID", help="only this operation")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="from this date (operation date)")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="up to this date, inclusive")
    p.add_argument("--json", action="store_true", help="also print the counts as JSON")
    add_purpose(p)

    p = hq.command(
        "partner-export",
        run_partner_export,
        "a zip for a partner (CSV + photos + issued forms), encrypted to the partner's age key",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    key = p.add_mutually_exclusive_group(required=True)
    key.add_argument("--recipient", metavar="age1…", help="the partner's age public key")
    key.add_argument(
        "--unencrypted", action="store_true", help="write a plain zip (keep it on encrypted media)"
    )
    p.add_argument("--operation", metavar="ID", help="only this operation")
    p.add_argument("--nationality", metavar="ISO3", help="only persons of this nationality (e.g. VNM)")
    p.add_argument(
        "--receiving", metavar="TYPE|NAME", help="only persons handed over to this body (type or name)"
    )
    p.add_argument(
        "--for",
        dest="partner",
        choices=("ngo_iom", "embassy", "mosvy", "police"),
        default="ngo_iom",
        help="who receives it: only persons who consented to share with this kind of partner go in "
        "(default ngo_iom)",
    )
    p.add_argument("--no-media", action="store_true", help="leave out photos and issued PDFs")
    add_purpose(p)

    p = hq.command(
        "consular",
        run_consular,
        "per nationality: consented persons not yet notified to their embassy, and hours to notification",
    )
    p.add_argument("--json", action="store_true")

    hq.command("app", run_app, "open the desktop app on the HQ store (bundles, review, persons, dashboard…)")
    p = hq.command(
        "demo", run_demo, "build a demo HQ fed by three demo laptops (passphrase: demo hq passphrase)"
    )
    p.add_argument("--persons", type=int, default=24, help="persons per demo laptop (default 24)")


def run_dashboard(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.dashboard import DashboardFilter, as_json, dashboard
    from fieldapp.hq.disclosures import record_dashboard_export
    from fieldapp.records.disclosures import check_purpose

    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in (".png", ".pdf"):
        raise HqError(f"{output.name}: the dashboard is written as .png or .pdf.")
    where = DashboardFilter(args.operation, args.date_from, args.date_to)
    check_purpose("export", args.purpose)
    identity, store = open_hq(args, passphrases)
    try:
        board = dashboard(store, where, consular=True)
        from fieldapp.reports import charts  # Qt only now, after the store is read

        if suffix == ".png":
            charts.write_dashboard_png(board, output, hq_name=identity.hq_name)
        else:
            charts.write_dashboard_pdf(board, output, hq_name=identity.hq_name)
        record_dashboard_export(store, identity, identity.require("export").name, board, suffix, args.purpose)
    finally:
        store.close()
    if args.json:
        print(json.dumps(as_json(board), indent=2, ensure_ascii=False))
    else:
        print(f"Wrote {output}: {board.total} persons ({board.filter_text}).")
    return EXIT_OK


def run_partner_export(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.partner_export import PartnerFilter, disclose_partner_package, parse_recipient
    from fieldapp.records.disclosures import check_purpose

    if args.recipient:
        parse_recipient(args.recipient)  # a mistyped key fails before the passphrase is asked
    check_purpose("export", args.purpose)
    where = PartnerFilter(args.operation, args.nationality, args.receiving, args.partner)
    identity, store = open_hq(args, passphrases)
    try:
        result = disclose_partner_package(
            store,
            identity,
            identity.require("export").name,
            Path(args.output),
            purpose=args.purpose,
            where=where,
            recipient=args.recipient,
            unencrypted=args.unencrypted,
            media=not args.no_media,
        )
    finally:
        store.close()
    if not result.encrypted:
        print(
            "WARNING: this package is NOT encrypted: it holds names and photos. Keep it on encrypted media "
            "and never send it by e-mail or chat.",
            file=sys.stderr,
        )
    print(
        f"Wrote {result.path}: {result.persons} persons, {result.screenings} screenings, {result.handovers} "
        f"handovers, {result.media} media files ({'encrypted to the partner' if result.encrypted else 'plain zip'})."
    )
    if result.withheld_no_consent:
        print(
            f"Left out {result.withheld_no_consent} persons who did not consent to sharing their data with "
            "this kind of partner (said no, withdrew, or were never asked)."
        )
    if result.missing_media:
        print(f"{result.missing_media} media files are not held at HQ (not synced yet, or purged).")
    return EXIT_OK


def run_consular(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.records.consular import consular_counts
    from fieldapp.reference.countries import country_name

    _, store = open_hq(args, passphrases)
    try:
        counts = consular_counts(store.conn)
    finally:
        store.close()
    if args.json:
        print(json.dumps({k: vars(v) for k, v in counts.items()}, indent=2))
        return EXIT_OK
    print(f"{'Nationality':<28} {'pending':>8} {'notified':>9} {'median hours to notification':>30}")
    for code, count in counts.items():
        hours = "" if count.median_hours is None else f"{count.median_hours:.1f}"
        print(
            f"{country_name(code) if code else 'Unknown':<28} {count.pending:>8} {count.notified:>9} {hours:>30}"
        )
    return EXIT_OK


def run_app(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from ui.hq.app import main  # Qt only when the window is wanted

    return main(hq_dir(args), database(args))


def run_demo(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.demo.hq import build_demo_hq

    if args.persons < 4:
        raise HqError("--persons must be at least 4.")
    print(build_demo_hq(hq_dir(args), persons=args.persons, database=database(args)))
    return EXIT_OK
