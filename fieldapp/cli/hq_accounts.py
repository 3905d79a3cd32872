"""``fieldapp hq account add|list|disable|role|passwd``: HQ's named accounts (an admin's work; ``passwd``:
anyone's own passphrase)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from fieldapp.cli.common import EXIT_OK, Commands, Passphrases, account, database, hq_dir, hq_prompt
from fieldapp.hq.accounts import ROLES, Account


def _scope(parser: Any) -> None:
    parser.add_argument(
        "--nationality",
        action="append",
        default=[],
        metavar="CODE",
        help="a liaison sees persons of this nationality (repeat for more)",
    )
    parser.add_argument(
        "--receiving-body",
        action="append",
        default=[],
        metavar="NAME",
        help="a liaison sees persons handed over to this receiving body (repeat for more)",
    )


def register(hq: Commands) -> None:
    group = hq.group("account", "HQ's named accounts: who signs in, in which role", hq=True)
    p = group.command("add", run_add, "add an account (you give its first passphrase to its holder)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--role", required=True, choices=ROLES)
    _scope(p)
    p = group.command("list", run_list, "list HQ's accounts, their roles and status")
    p.add_argument("--json", action="store_true")
    p = group.command(
        "disable", run_disable, "disable an account: its passphrase no longer opens HQ (HQ's keys re-sealed)"
    )
    p.add_argument("name", metavar="NAME")
    p = group.command("role", run_role, "give an account another role (and a liaison's scope)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("role", choices=ROLES)
    _scope(p)
    group.command("passwd", run_passwd, "change your own account's passphrase")


def _line(a: Account) -> str:
    scope = ", ".join((*a.nationalities, *a.receiving_bodies))
    limited = f" (sees: {scope})" if scope else ""
    return f"{a.name:24} {a.role:8} {a.status:9} {a.verify_key[:16]}…{limited}"


def run_add(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.account_admin import add_account

    passphrase = passphrases.get(hq_prompt(args))
    new = passphrases.get(f"First passphrase for {args.name} (hand it over in person)", new=True)
    store = _pg_store(args, passphrase)
    try:
        added = add_account(
            hq_dir(args),
            passphrase,
            args.name,
            args.role,
            new,
            account=account(args),
            nationalities=tuple(args.nationality),
            receiving_bodies=tuple(args.receiving_body),
            store=store,
        )
    finally:
        if store is not None:
            store.close()
    print(f"Added the HQ account {added.name} ({added.role}). They sign in with --account {added.name!r}.")
    if store is not None and added.role == "liaison":
        from fieldapp.hq.pg_roles import role_name

        print(f"Their own PostgreSQL role, held to their scope: {role_name(added)}.")
    return EXIT_OK


def _pg_store(args: argparse.Namespace, passphrase: str) -> Any:
    """On PostgreSQL, the store (a liaison's database role is kept there); None for the SQLCipher store."""
    from fieldapp.hq.identity import unlock_hq
    from fieldapp.hq.store import open_store

    url = database(args)
    if not url:
        return None
    return open_store(unlock_hq(hq_dir(args), passphrase, account(args)), url)


def run_list(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.account_admin import list_accounts

    roster = list_accounts(hq_dir(args), passphrases.get(hq_prompt(args)), account(args))
    if args.json:
        print(json.dumps([a.public() for a in roster], ensure_ascii=False, indent=2))
        return EXIT_OK
    for a in roster:
        print(_line(a))
    return EXIT_OK


def run_disable(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.account_admin import disable_account
    from fieldapp.hq.identity import unlock_hq
    from fieldapp.hq.store import open_store

    passphrase = passphrases.get(hq_prompt(args))
    identity = unlock_hq(hq_dir(args), passphrase, account(args))
    store = open_store(identity, database(args))  # the SQLCipher store is re-keyed through it
    try:
        disabled = disable_account(hq_dir(args), passphrase, args.name, account=account(args), store=store)
    finally:
        store.close()
    print(
        f"Disabled {disabled.name}: HQ's keys were re-sealed to the other accounts; {disabled.name}'s passphrase "
        f"no longer opens {identity.hq_name}. Their past decisions stay verifiable."
    )
    return EXIT_OK


def run_role(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.account_admin import set_role

    passphrase = passphrases.get(hq_prompt(args))
    store = _pg_store(args, passphrase)
    try:
        changed = set_role(
            hq_dir(args),
            passphrase,
            args.name,
            args.role,
            account=account(args),
            nationalities=tuple(args.nationality),
            receiving_bodies=tuple(args.receiving_body),
            store=store,
        )
    finally:
        if store is not None:
            store.close()
    print(f"{changed.name} is now an HQ {changed.role}.")
    return EXIT_OK


def run_passwd(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.hq.account_admin import change_passphrase

    current = passphrases.get(hq_prompt(args))
    new = passphrases.get("Your new HQ passphrase", new=True)
    change_passphrase(hq_dir(args), current, new, account(args))
    print("Your HQ passphrase was changed.")
    return EXIT_OK
