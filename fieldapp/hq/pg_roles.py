"""A liaison's own PostgreSQL role: for reading HQ's store with their own tools, held to their scope by
row-level security (pg_migrations/0007_account_signatures.sql), whatever SQL they run.

The role is named after the account and logs in with a password derived from the account's signing key:
only the liaison (signed in: ``liaison_credentials``) and the admin at the moment of adding the account
know it. HQ's own programs keep connecting as the role that owns the tables, which the policy does not bind.
Creating roles needs CREATEROLE for that role (README, "HQ accounts").
"""

from __future__ import annotations

import hmac
from typing import Any

from psycopg import sql

from fieldapp.errors import message
from fieldapp.hq.accounts import Account, SignedIn
from fieldapp.hq.errors import HqError

ONLY_LIAISON_ROLE = message(
    "hq.only_liaison_role", "Only a liaison's account has a PostgreSQL role of its own."
)

_PASSWORD_INFO = b"fieldapp-hq-liaison-pg-role-v1"


def role_name(account: Account) -> str:
    return "fieldapp_liaison_" + account.account_id.replace("-", "")


def role_password(signed_in: SignedIn) -> str:
    seed = signed_in.signing_key.private_bytes_raw()
    return hmac.new(seed, _PASSWORD_INFO, "sha256").hexdigest()


def liaison_credentials(signed_in: SignedIn | None) -> tuple[str, str]:
    """(role, password) of the signed-in liaison's PostgreSQL role."""
    if signed_in is None or signed_in.role != "liaison":
        raise HqError(ONLY_LIAISON_ROLE)
    return role_name(signed_in.account), role_password(signed_in)


def _raw(store: Any) -> Any:
    return store.conn.raw


def grant(store: Any, signed_in: SignedIn) -> None:
    """Create (or update) the liaison's role and scope in the store's database."""
    account = signed_in.account
    role = sql.Identifier(role_name(account))
    raw = _raw(store)
    with raw.transaction():
        exists = raw.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role_name(account),)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        raw.execute(
            sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(role, sql.Literal(role_password(signed_in)))
        )
        raw.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(_schema(raw), role))
        raw.execute(sql.SQL("GRANT SELECT ON persons TO {}").format(role))
        _set_scope(raw, account)


def update_scope(store: Any, account: Account) -> None:
    raw = _raw(store)
    with raw.transaction():
        _set_scope(raw, account)


def _set_scope(raw: Any, account: Account) -> None:
    name = role_name(account)
    raw.execute("DELETE FROM hq_liaison_scopes WHERE role_name = %s", (name,))
    rows = [(name, "nationality", n) for n in account.nationalities]
    rows += [(name, "receiving_body", b) for b in account.receiving_bodies]
    for row in rows:
        raw.execute("INSERT INTO hq_liaison_scopes (role_name, kind, value) VALUES (%s, %s, %s)", row)


def revoke(store: Any, account: Account) -> None:
    """The role can no longer log in nor read anything (an account disabled, or no longer a liaison)."""
    name = role_name(account)
    raw = _raw(store)
    with raw.transaction():
        raw.execute("DELETE FROM hq_liaison_scopes WHERE role_name = %s", (name,))
        if raw.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is None:
            return
        role = sql.Identifier(name)
        raw.execute(sql.SQL("REVOKE ALL ON persons FROM {}").format(role))
        raw.execute(sql.SQL("REVOKE USAGE ON SCHEMA {} FROM {}").format(_schema(raw), role))
        raw.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(role))


def _schema(raw: Any) -> sql.Identifier:
    return sql.Identifier(str(raw.execute("SELECT current_schema()").fetchone()[0]))
