"""``fieldapp init|officer|person|status|check|enrol|recover|demo``: the vault on this laptop."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldapp.bounded import read_bounded
from fieldapp.cli.common import EXIT_OK, EXIT_PROBLEMS, Commands, Passphrases, print_json, unlock
from fieldapp.vault import session as vault
from fieldapp.vault.recovery import recover
from fieldapp.vault.session import ROLES, Session

MAX_KEY_FILE = 64 * 1024


# --- commands --------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, secrets: Passphrases) -> int:
    passphrase = secrets.get(f"New passphrase for {args.officer}", new=True)
    session = vault.create_vault(args.data_dir, args.officer, passphrase, device_name=args.device_name)
    print(f"Created a vault in {session.data_dir} with {session.officer.name} as admin.")
    session.close()
    return EXIT_OK


def cmd_officer(args: argparse.Namespace, secrets: Passphrases) -> int:
    session = unlock(args, secrets)
    try:
        if args.officer_command == "list":
            officers, revoked = session.officers(), vault.revoked_by_hq(session)
            if args.json:
                print_json([{**o.__dict__, "revoked_by_hq": o.id in revoked} for o in officers])
            for o in officers if not args.json else []:
                state = "active" if o.active else "disabled"
                if o.id in revoked:
                    state += ", revoked by HQ: cannot unlock (disable them here with --rekey)"
                print(f"{o.name:30} {o.role:10} {state}")
        elif args.officer_command == "add":
            one_time = secrets.get(
                f"One-time passphrase for {args.name} (tell it to them only)",
                new=True,
                file=args.new_passphrase_file,
            )
            officer = session.add_officer(args.name, args.role, one_time)
            print(
                f"Added {officer.name} ({officer.role}). At their first sign-in they type the one-time passphrase "
                "and choose their own; their signing key is made then."
            )
        elif args.officer_command == "role":
            changed = session.set_role(args.name, args.role)
            print(f"{changed.name} is now a {changed.role}.")
        elif args.officer_command == "passwd":
            session.change_passphrase(secrets.get("New passphrase", new=True, file=args.new_passphrase_file))
            print(f"Passphrase changed for {session.officer.name}.")
        elif args.officer_command == "disable":
            _disable_officer(args, session, secrets)
    finally:
        session.close()
    return EXIT_OK


def _disable_officer(args: argparse.Namespace, session: Session, secrets: Passphrases) -> None:
    from fieldapp.vault.rekey import REKEY_NOTICE, rekey_vault

    target = session.find_officer(args.name)
    if target.active or not args.rekey:  # with --rekey, an officer disabled earlier is only re-keyed
        session.disable_officer(args.name)
        print(f"{target.name} can no longer unlock this vault.")
    if args.rekey:
        # Every remaining officer types their own passphrase: their slots are resealed directly.
        typed = {
            session.officer.id: secrets.get(
                f"Passphrase for {session.officer.name} again, to re-key the vault"
            )
        }
        for other in session.officers():
            if other.active and other.id != session.officer.id:
                typed[other.id] = secrets.get(f"{other.name}: type your passphrase (for the re-key)")
        result = rekey_vault(session, typed)
        print(REKEY_NOTICE.format(backups=result.backups_deleted))
        if result.resealed:
            print(f"The new key is in the slots of: {', '.join(result.resealed)}.")
        if result.invitations_dropped:
            print(f"Invite again (their invitation was dropped): {', '.join(result.invitations_dropped)}.")
        if not result.checkpointed:
            print("warning: another program has this vault open; close it and unlock again.", file=sys.stderr)


def cmd_person(args: argparse.Namespace, secrets: Passphrases) -> int:
    from fieldapp.records.service import Records

    session = unlock(args, secrets)
    try:
        persons = Records(session).persons(operation_id=args.operation, search=args.search, limit=args.limit)
        if args.json:
            print_json([p.to_json() for p in persons])
            return EXIT_OK
        for p in persons:
            names = " / ".join(n for n in (p.name, p.name_own) if n)
            print(f"{p.temp_id:16} {names:50} {p.nationality:4} {p.outcome or '-':22} {p.id}")
    finally:
        session.close()
    return EXIT_OK


def cmd_status(args: argparse.Namespace, secrets: Passphrases) -> int:
    from fieldapp.records.service import Records

    session = unlock(args, secrets)
    try:
        status = Records(session).status()
    finally:
        session.close()
    if args.json:
        print_json(status)
        return EXIT_OK
    sync = status["sync"]
    print(f"Vault {status['vault_id']} on {status['device_name']}, signed in as {status['officer']}")
    print(
        f"Operations: {status['operations']}   Persons: {status['persons']} ({status['persons_final']} final)"
    )
    print(
        f"Screenings: {status['screenings']}   Photos: {status['photos']}   Handovers: {status['handovers']}"
    )
    for outcome, n in status["outcomes"].items():
        print(f"  {outcome:24} {n}")
    if not sync["enrolled"]:
        print(f"Sync: not enrolled with HQ; {sync['unsynced_events']} events not yet sent.")
    else:
        print(
            f"Sync: HQ has acknowledged up to event {sync['acked_seq']}; {sync['unsynced_events']} not yet."
        )
    return EXIT_OK


def cmd_check(args: argparse.Namespace, secrets: Passphrases) -> int:
    from fieldapp.records.check import run_check

    session = unlock(args, secrets)
    try:
        report = run_check(session, rebuild=args.rebuild)
    finally:
        session.close()
    for warning in report.warnings:
        print(f"warning: {warning}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    if report.ok:
        print(f"OK: database sound, {report.events} events chained and signed, projections match the log.")
        return EXIT_OK
    return EXIT_PROBLEMS


def cmd_enrol(args: argparse.Namespace, secrets: Passphrases) -> int:
    from fieldapp.reference.receiving_bodies import HQ_DIRECTORY_META, directory_document
    from fieldapp.vault.enrolment import enrol

    session = unlock(args, secrets)
    try:
        hq = enrol(session, Path(args.file), fingerprint=args.fingerprint)
        held = directory_document(session.meta(HQ_DIRECTORY_META))
    finally:
        session.close()
    print(f"Enrolled with {hq}. HQ's recovery key can now open this vault if every officer is locked out.")
    print(f"HQ's directory of receiving bodies: revision {held['revision']}, {len(held['bodies'])} bodies.")
    from fieldapp.screening import available_sets

    newest = ", ".join(f"{set_id} {versions[-1]}" for set_id, versions in available_sets().items())
    print(f"Indicator sets for new screenings: {newest}.")
    return EXIT_OK


def cmd_prompts(args: argparse.Namespace, secrets: Passphrases) -> int:
    from fieldapp.vault.audio_prompts import load_pack

    session = unlock(args, secrets)
    try:
        loaded = load_pack(session, Path(args.file))
    finally:
        session.close()
    print(f"Loaded {loaded} recorded prompts signed by HQ; the respondent screen plays them.")
    return EXIT_OK


def cmd_recover(args: argparse.Namespace, secrets: Passphrases) -> int:
    identity = read_bounded(Path(args.hq_key), MAX_KEY_FILE).decode("utf-8", errors="replace")
    passphrase = secrets.get(f"New passphrase for {args.new_officer}", new=True)
    session = recover(args.data_dir, identity, args.new_officer, passphrase)
    print(f"Recovered: {session.officer.name} (admin) can now unlock this vault.")
    session.close()
    return EXIT_OK


def cmd_withdraw_consent(args: argparse.Namespace, secrets: Passphrases) -> int:
    from fieldapp.records.consent import BODIES, withdraw_consent
    from fieldapp.records.service import Records

    session = unlock(args, secrets)
    try:
        records = Records(session)
        person = records.find_person(args.person)
        key = f"share_{args.share_with}"
        changed = withdraw_consent(records, person.id, key, args.reason)
    finally:
        session.close()
    print(
        f"{person.temp_id}: no longer consents to sharing their data with {BODIES[key]} "
        f"({changed} screening(s) changed; HQ respects it after the next sync)."
    )
    return EXIT_OK


def cmd_link(args: argparse.Namespace, secrets: Passphrases) -> int:
    from fieldapp.records.links import link, unlink
    from fieldapp.records.service import Records

    session = unlock(args, secrets)
    try:
        records = Records(session)
        first, second = records.find_person(args.first), records.find_person(args.second)
        if args.person_command == "unlink":
            unlink(records, first.id, second.id)
            print(f"{first.temp_id} and {second.temp_id} are no longer linked.")
            return EXIT_OK
        prompts = link(records, first.id, second.id, args.relation, args.said_by)
    finally:
        session.close()
    print(f"Linked {first.temp_id} and {second.temp_id} ({args.relation.replace('_', ' ')}).")
    for prompt in prompts:
        print(f"SAFEGUARDING: {prompt.message}")
    return EXIT_OK


def cmd_protect(args: argparse.Namespace, secrets: Passphrases) -> int:
    from fieldapp.records.consular import set_protection
    from fieldapp.records.service import Records

    session = unlock(args, secrets)
    try:
        records = Records(session)
        person = records.find_person(args.person)
        set_protection(records, person.id, not args.lift, args.reason)
    finally:
        session.close()
    if args.lift:
        print(f"{person.temp_id}: the 'do not notify' flag is lifted; consent decides again.")
    else:
        print(f"{person.temp_id}: their embassy will not be told, whatever else they consented to.")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, secrets: Passphrases) -> int:
    from fieldapp.demo.build import DEMO_PASSPHRASE, build_demo

    passphrase = (
        secrets.get("Passphrase for the demo officers", new=True) if args.passphrase_file else DEMO_PASSPHRASE
    )
    summary = build_demo(args.data_dir, passphrase, persons=args.persons, seed=args.seed)
    print(summary)
    if not args.passphrase_file:
        print(f"Demo passphrase (every demo officer): {DEMO_PASSPHRASE}")
    return EXIT_OK


def register(commands: Commands) -> None:
    p = commands.command("init", cmd_init, "create a new vault with its first officer (admin)")
    p.add_argument("--device-name", help="a name for this laptop (default: its host name)")

    officer = commands.group("officer", "add, list, change the role or passphrase of, or disable officers")
    q = officer.command("list", cmd_officer, "list officers")
    q.add_argument("--json", action="store_true")
    q = officer.command("add", cmd_officer, "add an officer (admin only)")
    q.add_argument("name")
    q.add_argument("--role", choices=ROLES, default="screener")
    q.add_argument(
        "--new-passphrase-file", metavar="FILE", help="the new officer's one-time passphrase (first line)"
    )
    q = officer.command("role", cmd_officer, "change an officer's role (admin only)")
    q.add_argument("name")
    q.add_argument("role", choices=ROLES)
    q = officer.command("passwd", cmd_officer, "change your own passphrase")
    q.add_argument("--new-passphrase-file", metavar="FILE", help="the new passphrase (first line)")
    q = officer.command("disable", cmd_officer, "stop an officer unlocking this vault (admin only)")
    q.add_argument("name")
    q.add_argument(
        "--rekey",
        action="store_true",
        help="also give the vault a new data key, so a key the officer may have copied opens nothing new "
        "(asks every remaining officer's passphrase)",
    )

    p = commands.command("demo", cmd_demo, "create a realistic demo vault (an operation in Sihanoukville)")
    p.add_argument("--persons", type=int, default=120, help="how many persons (default 120)")
    p.add_argument("--seed", type=int, default=7, help=argparse.SUPPRESS)

    person = commands.group(
        "person", "list persons, link persons kept together, record a withdrawal of consent"
    )
    q = person.command("list", cmd_person, "list persons: id, temporary id, names, nationality, outcome")
    q.add_argument("--operation", metavar="ID")
    q.add_argument(
        "--search", metavar="TEXT", help="any name in any script, alias, document number or temporary id"
    )
    q.add_argument("--limit", type=int, default=100_000)
    q.add_argument("--json", action="store_true")
    q = person.command(
        "withdraw-consent",
        cmd_withdraw_consent,
        "record that a person withdrew a consent to share their data (a final screening: team lead, amended)",
    )
    q.add_argument("person", metavar="PERSON", help="the person's id or temporary id")
    q.add_argument(
        "--from", dest="share_with", required=True, choices=("embassy", "mosvy", "ngo_iom", "police")
    )
    q.add_argument("--reason", required=True, help="in the person's words, as far as possible")
    from fieldapp.records.links import RELATIONS, SAID_BY

    q = person.command(
        "link", cmd_link, "link two persons kept together (family, couple, travelled together)"
    )
    q.add_argument("first", metavar="PERSON", help="id or temporary id (the parent, for parent_child)")
    q.add_argument("second", metavar="OTHER", help="id or temporary id (the child, for parent_child)")
    q.add_argument("--relation", required=True, choices=sorted(RELATIONS))
    q.add_argument("--said-by", required=True, choices=sorted(SAID_BY), help="who said so")
    q = person.command(
        "do-not-notify",
        cmd_protect,
        "protect a person from any embassy notification (fear of return, asylum, stateless); --lift to undo",
    )
    q.add_argument("person", metavar="PERSON", help="id or temporary id")
    q.add_argument("--reason", required=True)
    q.add_argument("--lift", action="store_true", help="lift the flag (team lead)")
    q = person.command("unlink", cmd_link, "undo a link recorded in error")
    q.add_argument("first", metavar="PERSON")
    q.add_argument("second", metavar="OTHER")

    p = commands.command("status", cmd_status, "counts and sync state")
    p.add_argument("--json", action="store_true")

    p = commands.command("check", cmd_check, "check the database, the signed event log and the projections")
    p.add_argument(
        "--rebuild", action="store_true", help="rebuild the projections from the log and keep the rebuild"
    )

    p = commands.command("enrol", cmd_enrol, "load HQ's enrolment file (adds HQ's recovery slot)")
    p.add_argument("file")
    p.add_argument(
        "--fingerprint",
        metavar="TEXT",
        help="HQ's key fingerprint as HQ gave it to you (needed for the first file: it is compared)",
    )

    p = commands.command(
        "prompts", cmd_prompts, "load HQ's signed pack of recorded prompts (respondent screen)"
    )
    p.add_argument("file")

    p = commands.command(
        "recover", cmd_recover, "HQ only: open a vault with HQ's recovery key and add a new admin"
    )
    p.add_argument(
        "--hq-key", required=True, metavar="FILE", help="HQ's recovery identity (AGE-SECRET-KEY-...)"
    )
    p.add_argument("--new-officer", required=True, metavar="NAME")
