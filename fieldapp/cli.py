"""The `fieldapp` command. With no sub-command it launches the desktop app."""

from __future__ import annotations

import argparse
import getpass
import hashlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from fieldapp.cli_options import add_unlock_options
from fieldapp.errors import ChoosePassphrase, FieldAppError, UnknownOfficer, ValidationError
from fieldapp.hq.command import register as register_hq
from fieldapp.paths import prepare_data_dir
from fieldapp.reports.command import register as register_reports
from fieldapp.screening.command import register as register_screening
from fieldapp.sync.command import register as register_sync
from fieldapp.vault import session as vault
from fieldapp.vault.recovery import recover
from fieldapp.vault.session import ROLES, Session
from fieldapp.version import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


class Passphrases:
    """Passphrases from --passphrase-file (``-`` = standard input, one per line, in the order asked) or a prompt."""

    def __init__(self, path: str | None, stdin: TextIO) -> None:
        self.path = path
        self.stdin = stdin
        self._lines: list[str] | None = None

    def _read(self, path: str) -> list[str]:
        if path == "-":
            return [line.rstrip("\r\n") for line in self.stdin]
        try:
            return Path(path).read_text("utf-8").splitlines()
        except OSError as exc:
            raise ValidationError(f"Cannot read the passphrase file {path}: {exc.strerror}.") from exc

    def get(self, prompt: str, *, new: bool = False, file: str | None = None) -> str:
        """The next passphrase: from ``file`` (its first line), --passphrase-file, or a prompt."""
        if file:
            lines = self._read(file)
        elif self.path:
            if self._lines is None:
                self._lines = self._read(self.path)
            lines = self._lines
        else:
            value = getpass.getpass(f"{prompt}: ")
            if new and getpass.getpass("Type it again: ") != value:
                raise ValidationError("The two passphrases differ.")
            return value
        if not lines:
            raise ValidationError(f"The passphrase file has no line left for: {prompt}.")
        return lines.pop(0)


def _pick_officer(args: argparse.Namespace, data_dir: Path) -> str:
    if args.officer:
        return str(args.officer)
    officers = vault.slot_officers(data_dir)
    if len(officers) == 1:
        return officers[0][1]
    names = ", ".join(name for _, name in officers)
    raise UnknownOfficer(f"Several officers can unlock this vault ({names}); say which with --officer NAME.")


def _unlock(args: argparse.Namespace, secrets: Passphrases) -> Session:
    data_dir = prepare_data_dir(args.data_dir, create=False)
    officer = _pick_officer(args, data_dir)
    passphrase = secrets.get(f"Passphrase for {officer}")
    try:
        session = vault.unlock(data_dir, officer, passphrase)
    except ChoosePassphrase as exc:  # an invited officer's first sign-in: they choose their own now
        print(exc.message, file=sys.stderr)
        own = secrets.get(f"Your own new passphrase, {officer}", new=True)
        session = vault.unlock(data_dir, officer, passphrase, new_passphrase=own)
    for warning in session.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return session


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True))


# --- commands --------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, secrets: Passphrases) -> int:
    passphrase = secrets.get(f"New passphrase for {args.officer}", new=True)
    session = vault.create_vault(args.data_dir, args.officer, passphrase, device_name=args.device_name)
    print(f"Created a vault in {session.data_dir} with {session.officer.name} as admin.")
    session.close()
    return EXIT_OK


def cmd_officer(args: argparse.Namespace, secrets: Passphrases) -> int:
    session = _unlock(args, secrets)
    try:
        if args.officer_command == "list":
            officers, revoked = session.officers(), vault.revoked_by_hq(session)
            if args.json:
                _print_json([{**o.__dict__, "revoked_by_hq": o.id in revoked} for o in officers])
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

    session = _unlock(args, secrets)
    try:
        persons = Records(session).persons(operation_id=args.operation, search=args.search, limit=args.limit)
        if args.json:
            _print_json([p.to_json() for p in persons])
            return EXIT_OK
        for p in persons:
            names = " / ".join(n for n in (p.name, p.name_own) if n)
            print(f"{p.temp_id:16} {names:50} {p.nationality:4} {p.outcome or '-':22} {p.id}")
    finally:
        session.close()
    return EXIT_OK


def cmd_status(args: argparse.Namespace, secrets: Passphrases) -> int:
    from fieldapp.records.service import Records

    session = _unlock(args, secrets)
    try:
        status = Records(session).status()
    finally:
        session.close()
    if args.json:
        _print_json(status)
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

    session = _unlock(args, secrets)
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
    from fieldapp.vault.enrolment import enrol

    session = _unlock(args, secrets)
    try:
        hq = enrol(session, Path(args.file), fingerprint=args.fingerprint)
    finally:
        session.close()
    print(f"Enrolled with {hq}. HQ's recovery key can now open this vault if every officer is locked out.")
    from fieldapp.screening import available_sets

    newest = ", ".join(f"{set_id} {versions[-1]}" for set_id, versions in available_sets().items())
    print(f"Indicator sets for new screenings: {newest}.")
    return EXIT_OK


def cmd_prompts(args: argparse.Namespace, secrets: Passphrases) -> int:
    from fieldapp.vault.audio_prompts import load_pack

    session = _unlock(args, secrets)
    try:
        loaded = load_pack(session, Path(args.file))
    finally:
        session.close()
    print(f"Loaded {loaded} recorded prompts signed by HQ; the respondent screen plays them.")
    return EXIT_OK


def cmd_recover(args: argparse.Namespace, secrets: Passphrases) -> int:
    try:
        identity = Path(args.hq_key).read_text("utf-8")
    except OSError as exc:
        raise ValidationError(f"Cannot read the HQ key file {args.hq_key}: {exc.strerror}.") from exc
    passphrase = secrets.get(f"New passphrase for {args.new_officer}", new=True)
    session = recover(args.data_dir, identity, args.new_officer, passphrase)
    print(f"Recovered: {session.officer.name} (admin) can now unlock this vault.")
    session.close()
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


def _smoke_workers() -> int:
    """packaging/smoke.sh: start the worker processes big HQ imports and photo imports use, as this
    build starts them (a frozen build runs itself again as each worker), and get an answer from each."""
    from concurrent.futures import Executor

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from fieldapp.hq import import_plan, importer
    from fieldapp.photos import batch
    from fieldapp.records.events import DEVICE_CONTEXT

    pools: list[tuple[str, Executor]] = [
        ("HQ signature checks", importer._workers()),
        ("photo import", batch._executor("process", 2)),
    ]
    for name, pool in pools:
        pid = pool.submit(os.getpid).result(timeout=120)
        if pid == os.getpid():
            print(f"{name}: ran in this process, not in a worker", file=sys.stderr)
            return EXIT_ERROR
        print(f"{name}: worker process {pid} answered")
    # A signature checked in a worker, as a big import checks them (libsodium must load there too).
    key = Ed25519PrivateKey.generate()
    digest = hashlib.sha256(b"smoke").hexdigest()
    good = key.sign(DEVICE_CONTEXT + bytes.fromhex(digest)).hex()
    device = key.public_key().public_bytes_raw().hex()
    checks = [
        import_plan.Check(1, digest, good, False, None, None),
        import_plan.Check(2, digest, "00" * 64, False, None, None),
    ]
    found = pools[0][1].submit(import_plan.verify_run, device, checks).result(timeout=120)
    if found != (1, ["event 2: device signature is not valid"]):
        print(f"HQ signature checks: wrong answer {found!r}", file=sys.stderr)
        return EXIT_ERROR
    print("HQ signature checks: a good signature passed and a bad one failed in a worker")
    importer._drop_pool()
    pools[1][1].shutdown()
    print("workers ok")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace, secrets: Passphrases) -> int:
    if args.smoke_workers:
        return _smoke_workers()
    if args.smoke_gui:  # packaging/smoke.sh: open the window, check the frozen build's Qt parts, quit
        from ui.smoke import main as smoke_main

        return smoke_main(data_dir=args.data_dir)
    from ui.app import main as gui_main

    return gui_main(data_dir=args.data_dir)


# --- parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    add_unlock_options(common)

    parser = argparse.ArgumentParser(
        prog="fieldapp",
        parents=[common],
        description="Screening, photos, handover forms and sync for raid teams. Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    parser.add_argument("--smoke-gui", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--smoke-workers", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(handler=cmd_gui, data_dir=None, passphrase_file=None, officer=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(
        name: str, handler: Callable[[argparse.Namespace, Passphrases], int], help_text: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = command("init", cmd_init, "create a new vault with its first officer (admin)")
    p.add_argument("--device-name", help="a name for this laptop (default: its host name)")

    p = command("officer", cmd_officer, "add, list, change the passphrase of, or disable officers")
    officer_sub = p.add_subparsers(dest="officer_command", required=True, metavar="ACTION")
    q = officer_sub.add_parser("list", parents=[common], help="list officers")
    q.add_argument("--json", action="store_true")
    q = officer_sub.add_parser("add", parents=[common], help="add an officer (admin only)")
    q.add_argument("name")
    q.add_argument("--role", choices=ROLES, default="screener")
    q.add_argument(
        "--new-passphrase-file", metavar="FILE", help="the new officer's one-time passphrase (first line)"
    )
    q = officer_sub.add_parser("role", parents=[common], help="change an officer's role (admin only)")
    q.add_argument("name")
    q.add_argument("role", choices=ROLES)
    q = officer_sub.add_parser("passwd", parents=[common], help="change your own passphrase")
    q.add_argument("--new-passphrase-file", metavar="FILE", help="the new passphrase (first line)")
    q = officer_sub.add_parser(
        "disable", parents=[common], help="stop an officer unlocking this vault (admin only)"
    )
    q.add_argument("name")
    q.add_argument(
        "--rekey",
        action="store_true",
        help="also give the vault a new data key, so a key the officer may have copied opens nothing new "
        "(asks for your passphrase again)",
    )

    p = command("demo", cmd_demo, "create a realistic demo vault (an operation in Sihanoukville)")
    p.add_argument("--persons", type=int, default=120, help="how many persons (default 120)")
    p.add_argument("--seed", type=int, default=7, help=argparse.SUPPRESS)

    p = command("person", cmd_person, "list persons")
    person_sub = p.add_subparsers(dest="person_command", required=True, metavar="ACTION")
    q = person_sub.add_parser(
        "list", parents=[common], help="list persons: id, temporary id, names, nationality, outcome"
    )
    q.add_argument("--operation", metavar="ID")
    q.add_argument(
        "--search", metavar="TEXT", help="any name in any script, alias, document number or temporary id"
    )
    q.add_argument("--limit", type=int, default=100_000)
    q.add_argument("--json", action="store_true")

    p = command("status", cmd_status, "counts and sync state")
    p.add_argument("--json", action="store_true")

    p = command("check", cmd_check, "check the database, the signed event log and the projections")
    p.add_argument(
        "--rebuild", action="store_true", help="rebuild the projections from the log and keep the rebuild"
    )

    p = command("enrol", cmd_enrol, "load HQ's enrolment file (adds HQ's recovery slot)")
    p.add_argument("file")
    p.add_argument(
        "--fingerprint",
        metavar="TEXT",
        help="HQ's key fingerprint as HQ gave it to you (needed for the first file: it is compared)",
    )

    p = command("prompts", cmd_prompts, "load HQ's signed pack of recorded prompts (respondent screen)")
    p.add_argument("file")

    p = command("recover", cmd_recover, "HQ only: open a vault with HQ's recovery key and add a new admin")
    p.add_argument(
        "--hq-key", required=True, metavar="FILE", help="HQ's recovery identity (AGE-SECRET-KEY-...)"
    )
    p.add_argument("--new-officer", required=True, metavar="NAME")

    register_screening(sub)
    register_reports(sub)
    register_sync(sub)
    register_hq(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    secrets = Passphrases(args.passphrase_file, stdin or sys.stdin)
    try:
        return int(args.handler(args, secrets))
    except FieldAppError as exc:
        print(f"fieldapp: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        return EXIT_OK
    except KeyboardInterrupt:
        print("fieldapp: interrupted; nothing half-saved was kept.", file=sys.stderr)
        return 130
