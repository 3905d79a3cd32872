"""``fieldapp hq init|enrol|sets|recovery-key|signing-key|import|device|officer|serve|check|prompts|rescore|
conflicts|export`` (HQ's side of sync)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from fieldapp.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Commands,
    Passphrases,
    account,
    database,
    hq_dir,
    hq_prompt,
    hq_review,
    open_hq,
)
from fieldapp.errors import message
from fieldapp.hq.errors import HqError
from fieldapp.screening import RULE_VERSION

NO_RECEIPT_FOLDER = message(
    "hq.no_receipt_folder", "The receipt folder {folder} does not exist; nothing was imported."
)


def register(hq: Commands) -> None:
    p = hq.command("init", run_init, "create the HQ folder: keys (under an HQ passphrase) and the HQ store")
    p.add_argument("--name", required=True, help="HQ's name, shown to officers when they enrol")
    p.add_argument("--url", default="", help="HQ's sync address (for network sync)")
    p.add_argument(
        "--tls-pin",
        default="",
        help="the SPKI pin of a TLS proxy's certificate (default: HQ's own, made now)",
    )
    p = hq.command("enrol", run_enrol, "write a signed enrolment file for one laptop")
    p.add_argument("--device", required=True, metavar="NAME")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--url", default="", metavar="https://HOST:PORT", help="where laptops reach `hq serve`")
    p.add_argument("--valid-days", type=int, default=14, help="days until HQ refuses the file (default 14)")
    p = hq.command("sets", run_sets, "write HQ's current indicator sets, signed, for enrolled laptops")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p = hq.command(
        "recovery-key",
        run_recovery_key,
        "export HQ's recovery key to a file kept offline, and remove it here",
    )
    p.add_argument("action", choices=("export",))
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p = hq.command(
        "signing-key",
        run_signing_key,
        "rotate HQ's signing key: the old key signs a statement naming the new one, which laptops follow",
    )
    p.add_argument("action", choices=("rotate",))
    p = hq.command("import", run_import, "import bundles (several volumes of one bundle count once)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--receipts", metavar="DIR", help="where to write receipts (default: beside each bundle)")
    p = hq.command("device", run_device, "list laptops, approve or revoke one")
    p.add_argument("action", choices=("list", "approve", "revoke"))
    p.add_argument("device_id", nargs="?", metavar="DEVICE_ID")
    p.add_argument("--reason", default="", help="why (revoke; approve: default 'fingerprint ... compared')")
    p.add_argument("--json", action="store_true")
    p = hq.command(
        "officer", run_officer, "list laptops' officers, or revoke one (their later work raises alarms)"
    )
    p.add_argument("action", choices=("list", "revoke"))
    p.add_argument("officer_id", nargs="?", metavar="OFFICER_ID")
    p.add_argument("--device", metavar="DEVICE_ID", help="one laptop's officers (list); the officer's laptop")
    p.add_argument("--reason", help="why HQ revokes the officer (revoke)")
    p.add_argument("--json", action="store_true")
    p = hq.command("serve", run_serve, "network sync: receive bundles over TLS and answer with receipts")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument(
        "--max-body", type=int, default=None, metavar="BYTES", help="largest request (chunk) accepted"
    )
    p.add_argument(
        "--rate", default=None, metavar="N/SECONDS", help="requests per laptop per window (240/60)"
    )
    hq.command(
        "check",
        run_check,
        "audit the store: every event's hash and signatures, HQ's decisions, the projections",
    )
    p = hq.command(
        "prompts",
        run_prompts,
        "sign a pack of recorded prompts (FOLDER/<language>/<question id>.wav|mp3|ogg|m4a)",
    )
    p.add_argument("folder")
    p.add_argument("-o", "--output", required=True, metavar="FILE.zip")
    p = hq.command(
        "rescore",
        run_rescore,
        "what the current rule and newest indicator sets say of recorded screenings (changes nothing)",
    )
    p.add_argument("--all", action="store_true", help="list every screening, not only those that change")
    p.add_argument("--json", action="store_true")
    p = hq.command(
        "conflicts", run_conflicts, "records changed concurrently on two laptops (the review queue)"
    )
    p.add_argument("--json", action="store_true")
    p = hq.command("export", run_export, "standard exports as CSV: CTDC variables or HTCDS v2 fields")
    p.add_argument("standard", choices=("ctdc", "htcds"))
    p.add_argument("-o", "--output", required=True, metavar="FILE.csv")
    p.add_argument("--k", type=int, default=11, help="small-cell suppression threshold (default 11, as CTDC)")
    p.add_argument("--no-suppression", action="store_true", help="keep small cells (for use inside HQ only)")
    add_purpose(p)


def add_purpose(parser: Any) -> None:
    parser.add_argument(
        "--purpose", required=True, help="why this export is made (recorded in the disclosure log)"
    )


def run_init(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.identity import FIRST_ACCOUNT, init_hq
    from fieldapp.hq.store import create_store

    first = account(args) or FIRST_ACCOUNT
    passphrase = passphrases.get(f"New HQ passphrase for {first} (HQ's first admin)", new=True)
    identity = init_hq(hq_dir(args), args.name, passphrase, url=args.url, tls_pin=args.tls_pin, account=first)
    create_store(identity, database(args)).close()
    print(f"Created HQ {identity.hq_name} ({identity.hq_id}) in {identity.folder}.")
    print(f"HQ key fingerprint: {identity.fingerprint} (officers compare it when they enrol).")
    print(f"TLS certificate pin (for `fieldapp hq serve`): {identity.tls_pin}")
    return EXIT_OK


def run_enrol(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.atomic import write_atomic
    from fieldapp.hq import enrolments

    identity, store = open_hq(args, passphrases)
    if args.url:
        from dataclasses import replace

        from fieldapp.sync.network import parse_url

        parse_url(args.url)
        identity = replace(identity, url=args.url)
    try:
        with store.transaction():
            _, data = enrolments.issue(store, identity, args.device, valid_days=args.valid_days)
        write_atomic(Path(args.output), data, mode=0o644)
    finally:
        store.close()
    print(f"Wrote {args.output} for {args.device}. HQ key fingerprint: {identity.fingerprint}")
    print(
        "Give the laptop's admin that fingerprint apart from the file (by phone, on paper): they compare it."
    )
    return EXIT_OK


def run_sets(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.atomic import write_atomic
    from fieldapp.hq import enrolments

    identity, store = open_hq(args, passphrases)
    try:
        with store.transaction():
            data = enrolments.issue_sets(store, identity)
        write_atomic(Path(args.output), data, mode=0o644)
    finally:
        store.close()
    print(f"Wrote {args.output}: HQ's indicator sets, signed; laptops load it with `fieldapp enrol FILE`.")
    return EXIT_OK


def run_recovery_key(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.identity import export_recovery_key

    recipient = export_recovery_key(
        hq_dir(args), passphrases.get(hq_prompt(args)), Path(args.output), account(args)
    )
    print(
        f"HQ's recovery key is in {args.output} and no longer in the HQ folder: keep it offline (a stick in a "
        f"safe). Its public key is {recipient}; enrolment files from now on seal laptops' recovery slots to it."
    )
    return EXIT_OK


def run_signing_key(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.identity import rotate_signing_key

    old, new = rotate_signing_key(hq_dir(args), passphrases.get(hq_prompt(args)), account(args))
    print(
        f"HQ's signing key was rotated: old fingerprint {old}, new fingerprint {new}. The old key signed a "
        "statement naming the new one; every enrolment file, indicator-set file and receipt from now on carries "
        "it, and laptops move to the new key only through it (each says so on its Sync screen). Restart "
        "`hq serve` so that it signs with the new key. Decisions signed by the old key still verify."
    )
    return EXIT_OK


def run_import(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.atomic import write_atomic
    from fieldapp.errors import FieldAppError
    from fieldapp.hq.importer import import_bundle
    from fieldapp.sync.bundle import group_bundles

    receipts = Path(args.receipts) if args.receipts else None
    if receipts is not None and not receipts.is_dir():  # before anything is imported, not after
        raise HqError(NO_RECEIPT_FOLDER, folder=receipts)
    identity, store = open_hq(args, passphrases)
    failures = 0
    try:
        for volumes in group_bundles(Path(f) for f in args.files):
            name = volumes[0].name
            try:
                result = import_bundle(store, identity, volumes)
            except FieldAppError as exc:
                failures += 1
                print(f"{name}: NOT imported: {exc.message}", file=sys.stderr)
                continue
            folder = receipts or volumes[0].parent
            receipt = (
                folder / f"receipt-{result.device_id[-12:]}-{result.acked_seq}-{result.bundle_hash[:12]}.json"
            )
            write_atomic(receipt, result.receipt, mode=0o644)
            print(
                f"{name}: {result.device_name}: events {result.seq_from}..{result.seq_to}, {result.new_events} new, "
                f"{result.duplicate_events} already held, {result.files} files; acknowledged up to "
                f"{result.acked_seq}. Receipt: {receipt}"
            )
            for gap in result.gaps:
                print(f"{name}: GAP: {gap}", file=sys.stderr)
            for alarm in result.alarms:
                print(f"{name}: ALARM: {alarm}", file=sys.stderr)
            if result.conflicts:
                print(
                    f"{name}: {result.conflicts} concurrent changes queued for review (`fieldapp hq conflicts`)."
                )
    finally:
        store.close()
    return EXIT_PROBLEMS if failures else EXIT_OK


def run_serve(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.server import serve

    limits: dict[str, Any] = {}
    if args.max_body:
        limits["max_body"] = args.max_body
    if args.rate:
        count, _, window = str(args.rate).partition("/")
        if not count.isdigit() or not window.replace(".", "", 1).isdigit():
            raise HqError("--rate takes N/SECONDS, e.g. 240/60.")
        limits["rate"] = (int(count), float(window))
    identity, store = open_hq(args, passphrases)  # the server reads stored receipts from it
    try:
        serve(identity, store, args.host, args.port, **limits)
    finally:
        store.close()
    return EXIT_OK


def run_officer(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq import officers

    with hq_review(args, passphrases) as review:
        if args.action == "list":
            rows = officers.officers(review.store, args.device)
            if args.json:
                print(json.dumps([o.__dict__ for o in rows], indent=2))
            for o in rows if not args.json else []:
                state = "active" if o.active else "disabled on the laptop"
                if o.revoked_at:
                    state += f", revoked by HQ {o.revoked_at}"
                print(f"{o.device_id}  {o.officer_id}  {o.name!r} ({o.role}): {state}")
            return EXIT_OK
        if not (args.officer_id and args.device and args.reason):
            raise HqError(
                "Say whom to revoke, on which laptop and why: "
                "`fieldapp hq officer revoke OFFICER_ID --device DEVICE_ID --reason TEXT`."
            )
        revoked = officers.revoke(review, args.device, args.officer_id, args.reason)
        print(
            f"{revoked.name} is revoked at HQ. Their work that arrives from now on is imported with an alarm. "
            "HQ's next receipt to the laptop names them, and the laptop then refuses their unlock; "
            "ask the laptop's admin to disable them there too (`fieldapp officer disable NAME --rekey`)."
        )
    return EXIT_OK


def run_device(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq import views

    with hq_review(args, passphrases) as review:
        store = review.store
        if args.action == "list":
            devices = store.devices()
            if args.json:
                print(json.dumps([d.__dict__ for d in devices], indent=2))
            for d in devices if not args.json else []:
                claimed = store.enrolment_name(d.enrolment_id)
                claim = f" (enrolment for {claimed!r})" if claimed else " (no known enrolment)"
                print(f"{d.device_id}  {d.status:9} {d.name!r}{claim}  fingerprint {d.fingerprint}")
            return EXIT_OK
        if not args.device_id:
            raise HqError(f"Say which device to {args.action}: `fieldapp hq device {args.action} DEVICE_ID`.")
        if args.action == "revoke" and not args.reason:
            raise HqError("Say why: `fieldapp hq device revoke DEVICE_ID --reason TEXT`.")
        status = "approved" if args.action == "approve" else "revoked"
        device = views.decide_device(review, args.device_id, status, args.reason)
        print(f"{device.name} ({device.device_id}) is now {status}.")
    return EXIT_OK


def run_check(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.check import run_hq_check

    identity, store = open_hq(args, passphrases)
    try:

        def step(done: int, total: int, what: str) -> None:
            if done < total:
                print(f"[{done + 1}/{total}] {what}…", flush=True)

        report = run_hq_check(store, identity, step)
    finally:
        store.close()
    print(
        f"{report.events} events, {report.decisions} HQ decisions and {report.disclosures} entries of HQ's "
        "disclosure log checked."
    )
    for gap in report.gaps:
        print(f"gap (not yet received): {gap}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    if report.ok:
        print("No problems: every signature checks out and the projections equal a fold of the logs.")
        return EXIT_OK
    return EXIT_PROBLEMS


def run_prompts(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.atomic import write_atomic
    from fieldapp.hq.identity import unlock_hq
    from fieldapp.vault.audio_prompts import build_pack, prompt_files

    files = prompt_files(Path(args.folder))
    if not files:
        raise HqError(
            f"{args.folder} holds no prompts laid out as <language>/<question id>.wav (or .mp3, .ogg, .m4a)."
        )
    identity = unlock_hq(hq_dir(args), passphrases.get(hq_prompt(args)), account(args))
    write_atomic(Path(args.output), build_pack(identity.hq_id, files, identity.sign))
    languages = sorted({f.language for f in files})
    print(
        f"Wrote {args.output}: {len(files)} recorded prompts ({', '.join(languages)}), signed by {identity.hq_name}."
    )
    return EXIT_OK


def run_rescore(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.rescore import rescore_screenings

    _, store = open_hq(args, passphrases)
    try:
        found = rescore_screenings(store.conn, changed_only=not args.all)
    finally:
        store.close()
    if args.json:
        print(json.dumps([r.to_dict() for r in found], indent=2, ensure_ascii=False))
        return EXIT_OK
    changed = [r for r in found if r.changed]
    print(f"{len(changed)} screening(s) change with rule {RULE_VERSION} and the newest indicator sets.")
    for r in found:
        mark = "CHANGED" if r.changed else "same"
        flags = ", ".join(r.flags) or "none"
        if set(r.flags) != set(r.recorded_flags):
            flags += f" (recorded: {', '.join(r.recorded_flags) or 'none'})"
        print(
            f"{mark:7} {r.temp_id or r.person_id[-12:]} screening {r.screening_id[-12:]} ({r.status}): "
            f"{r.recorded_outcome or '-'} ({r.recorded_rule or 'no rule recorded'}) -> "
            f"{r.result.outcome.value}; red flags now: {flags}"
        )
        if r.retired_answers:
            print(f"        ask again: {', '.join(r.retired_answers)} (no longer asked as such)")
    return EXIT_OK


def run_conflicts(args: argparse.Namespace, passphrases: Passphrases) -> int:
    _, store = open_hq(args, passphrases)
    try:
        items = store.conflicts()
    finally:
        store.close()
    if args.json:
        print(json.dumps(items, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not items:
        print("No concurrent changes waiting for review.")
    for c in items:
        print(
            f"{c['entity']} {c['entity_id']} field {c['field']!r} [{c['status']}]: "
            f"{c['a']['value']!r} (device {c['a']['device_id'][-12:]}) vs "
            f"{c['b']['value']!r} (device {c['b']['device_id'][-12:]})"
        )
    return EXIT_OK


def run_export(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.exports import EXPORTS, STANDARDS, export_standard, metadata_path
    from fieldapp.records.disclosures import check_purpose

    if args.k < 1:
        raise HqError("--k must be at least 1.")
    _, quasi = EXPORTS[args.standard]
    check_purpose("export", args.purpose)  # before the passphrase is asked
    k = None if args.no_suppression else args.k
    if k is None:
        print(
            "WARNING: small-cell suppression is OFF: this file can identify people. "
            "Keep it inside HQ; never send it to partners.",
            file=sys.stderr,
        )
    output = Path(args.output)
    identity, store = open_hq(args, passphrases)  # reads its projections
    try:
        result = export_standard(
            store, identity, identity.require("export").name, args.standard, output, k=k, purpose=args.purpose
        )
    finally:
        store.close()
    if k is not None:
        print(
            f"Suppression (k = {k} on {', '.join(quasi)}): {result.dropped} of {result.rows} rows dropped "
            f"({result.cells} combinations shared by fewer than {k})."
        )
    standard = STANDARDS[args.standard]
    print(
        f"Wrote {result.written} {args.standard.upper()} rows to {output}; which standard it follows "
        f"({standard.title}, version {standard.version}) is in {metadata_path(output)}."
    )
    print(f"Recorded in the disclosure log: {len(result.persons)} persons, purpose {args.purpose!r}.")
    return EXIT_OK
