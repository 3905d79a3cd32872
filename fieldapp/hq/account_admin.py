"""An HQ admin's work on accounts: add one, change its role, disable it; and anyone's own passphrase.

Every change re-opens the key file with the acting account's passphrase (asked again: accounts are what
protects everything else) and writes it again, HQ's secrets bound to the new roster.

Disabling re-seals: a new key-file key, sealed to every other active account's public key (no one
else's passphrase is needed), and, for the embedded SQLCipher store, a new SQLCipher key with the store
re-keyed (``PRAGMA rekey``): the disabled passphrase no longer opens the key file, and a copy of the key
file kept from before yields a key that no longer opens the store. The new key is written to the key file
first, beside the old one (``sqlcipher_key_previous``); a store left under the old key by a crash is
re-keyed when next opened (fieldapp.hq.store). On PostgreSQL the store key only seals file blobs, which
are not re-sealed: see the README, "HQ accounts".
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from fieldapp.errors import message
from fieldapp.hq import accounts
from fieldapp.hq.accounts import Account
from fieldapp.hq.errors import AccountError
from fieldapp.hq.identity import STORE_FILE, KeyFile, now, open_key_file, save_key_file
from fieldapp.hq.store import HqStore, SqlCipherStore, rekey_file
from fieldapp.records.ids import uuid7
from fieldapp.vault.passphrase import check_new_passphrase

NO_ACCOUNT = message("hq.no_account", "HQ has no account named '{name}'.")
ACCOUNT_DISABLED = message("hq.account_disabled", "The HQ account '{name}' is disabled.")
KEEP_ONE_ADMIN = message("hq.keep_one_admin", "HQ must keep at least one active admin account.")
NOT_OWN_ACCOUNT = message(
    "hq.not_own_account", "An admin cannot disable their own account; ask another admin."
)


def list_accounts(folder: Path, passphrase: str, account: str | None = None) -> tuple[Account, ...]:
    """Every account, disabled ones too (an admin's view)."""
    key_file = open_key_file(folder, passphrase, account)
    accounts.require(key_file.signed_in, "accounts")
    return key_file.accounts


def _as_admin(folder: Path, passphrase: str, account: str | None) -> KeyFile:
    key_file = open_key_file(folder, passphrase, account)
    accounts.require(key_file.signed_in, "accounts")
    return key_file


def _scope(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(sorted({v.strip() for v in values if v.strip()}))


def add_account(
    folder: Path,
    passphrase: str,
    name: str,
    role: str,
    new_passphrase: str,
    *,
    account: str | None = None,
    nationalities: tuple[str, ...] = (),
    receiving_bodies: tuple[str, ...] = (),
    store: HqStore | None = None,
) -> Account:
    """A new account (``account``: the admin acting). ``new_passphrase``: the new account's, which the
    admin hands over; the holder changes it with ``change_passphrase``. ``store``: on PostgreSQL, a
    liaison gets their own database role there (fieldapp.hq.pg_roles)."""
    key_file = _as_admin(folder, passphrase, account)
    name = accounts.check_name(name, key_file.accounts)
    nationalities, receiving_bodies = _scope(nationalities), _scope(receiving_bodies)
    accounts.check_role(role, nationalities, receiving_bodies)
    check_new_passphrase(new_passphrase, (name, str(key_file.public["hq_name"])))
    added = accounts.new_account(
        str(key_file.public["hq_id"]),
        uuid7(),
        name,
        role,
        new_passphrase,
        key_file.kfk,
        now(),
        nationalities=nationalities,
        receiving_bodies=receiving_bodies,
    )
    save_key_file(folder, replace(key_file, accounts=(*key_file.accounts, added)))
    if role == "liaison" and _postgresql(store):
        from fieldapp.hq import pg_roles

        pg_roles.grant(
            store, accounts.open_account(str(key_file.public["hq_id"]), added, new_passphrase).signed_in
        )
    return added


def _postgresql(store: HqStore | None) -> bool:
    return getattr(store, "dialect", "") == "postgresql"


def _target(key_file: KeyFile, name: str) -> Account:
    found = accounts.find(key_file.accounts, name)
    if found is None:
        raise AccountError(NO_ACCOUNT, name=name.strip())
    if not found.active:
        raise AccountError(ACCOUNT_DISABLED, name=found.name)
    return found


def _admins_left(roster: tuple[Account, ...]) -> None:
    if not any(a.active and a.role == "admin" for a in roster):
        raise AccountError(KEEP_ONE_ADMIN)


def set_role(
    folder: Path,
    passphrase: str,
    name: str,
    role: str,
    *,
    account: str | None = None,
    nationalities: tuple[str, ...] = (),
    receiving_bodies: tuple[str, ...] = (),
    store: HqStore | None = None,
) -> Account:
    """Give an account another role (and a liaison's scope). On PostgreSQL (``store``) a liaison's role
    follows: its scope changes, or it is closed when the account is no longer a liaison's. An account
    becoming a liaison gets no database role (it would need the account's key): add a liaison's account."""
    key_file = _as_admin(folder, passphrase, account)
    target = _target(key_file, name)
    nationalities, receiving_bodies = _scope(nationalities), _scope(receiving_bodies)
    accounts.check_role(role, nationalities, receiving_bodies)
    changed = replace(target, role=role, nationalities=nationalities, receiving_bodies=receiving_bodies)
    roster = tuple(changed if a.account_id == target.account_id else a for a in key_file.accounts)
    _admins_left(roster)
    save_key_file(folder, replace(key_file, accounts=roster))
    if target.role == "liaison" and _postgresql(store):
        from fieldapp.hq import pg_roles

        if role == "liaison":
            pg_roles.update_scope(store, changed)
        else:
            pg_roles.revoke(store, changed)
    return changed


def change_passphrase(folder: Path, passphrase: str, new_passphrase: str, account: str | None = None) -> None:
    """The signed-in account's own passphrase, changed (any role)."""
    key_file = open_key_file(folder, passphrase, account)
    me = key_file.signed_in.account
    check_new_passphrase(new_passphrase, (me.name, str(key_file.public["hq_name"])))
    opened = accounts.open_account(str(key_file.public["hq_id"]), me, passphrase)
    resealed = accounts.with_passphrase(str(key_file.public["hq_id"]), opened, new_passphrase)
    roster = tuple(resealed if a.account_id == me.account_id else a for a in key_file.accounts)
    save_key_file(folder, replace(key_file, accounts=roster))


def disable_account(
    folder: Path,
    passphrase: str,
    name: str,
    *,
    account: str | None = None,
    store: HqStore | None = None,
) -> Account:
    """Disable an account and re-seal HQ's keys (see the module docstring).

    ``store``: the store this program holds open, if any: the SQLCipher store is re-keyed through it (a
    second connection would leave it reading under a key the file no longer has). Other programs holding
    the SQLCipher store open must be closed first: the re-key waits for them, then fails."""
    key_file = _as_admin(folder, passphrase, account)
    target = _target(key_file, name)
    if target.account_id == key_file.signed_in.account.account_id:
        raise AccountError(NOT_OWN_ACCOUNT)
    hq_id = str(key_file.public["hq_id"])
    kfk = os.urandom(32)
    roster = tuple(
        a.disabled()
        if a.account_id == target.account_id
        else accounts.resealed(hq_id, a, kfk)
        if a.active
        else a
        for a in key_file.accounts
    )
    _admins_left(roster)
    resealed = replace(key_file, accounts=roster, kfk=kfk)
    path = folder / STORE_FILE
    if not path.exists() or (
        store is not None and not isinstance(store, SqlCipherStore)
    ):  # PostgreSQL: the key file alone, and a liaison's database role closed
        save_key_file(folder, resealed)
        if target.role == "liaison" and _postgresql(store):
            from fieldapp.hq import pg_roles

            pg_roles.revoke(store, target)
        return next(a for a in roster if a.account_id == target.account_id)
    old_key = bytes.fromhex(str(key_file.secret["sqlcipher_key"]))
    new_key = os.urandom(32)
    staged = {**key_file.secret, "sqlcipher_key": new_key.hex(), "sqlcipher_key_previous": old_key.hex()}
    save_key_file(folder, replace(resealed, secret=staged))
    if isinstance(store, SqlCipherStore):
        store.rekey(new_key)
    else:
        rekey_file(path, old_key, new_key)
    final = {k: v for k, v in staged.items() if k != "sqlcipher_key_previous"}
    save_key_file(folder, replace(resealed, secret=final))
    return next(a for a in roster if a.account_id == target.account_id)
