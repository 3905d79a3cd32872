"""The HQ store: its embedded SQLCipher form, its schema, and opening either engine (see fieldapp.hq.sql_store).

Schema: the laptop's own migrations run first (``fieldapp/vault/migrations``: the same append-only
``events`` table with its triggers, and the same projection tables, so HQ folds the same events
with the same ``projections.apply``), then HQ's (``fieldapp/hq/migrations``: devices and their
approval, bundles, receipts, alarms, file blobs, the conflict review queue). Applied steps are
listed by name in ``hq_migrations``, so a later laptop migration simply runs next time.

Projections at HQ advance per device in seq order up to the first gap (``hq_devices.projected_seq``):
events that arrive beyond a gap are stored at once and folded when the gap is filled.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import TypeVar, overload

import sqlcipher3

from fieldapp.errors import VaultCorrupt, message
from fieldapp.hq.errors import HqError, HqExists, HqNotFound
from fieldapp.hq.identity import STORE_FILE, HqIdentity, now
from fieldapp.hq.sql_store import (
    HQ_CACHE_MIB,
    HQ_MEMORY_SECURITY,
    Device,
    HqStore,
    SqlStore,
    StoredEvent,
)
from fieldapp.migrations import Step, run, steps_in
from fieldapp.records import projections, service
from fieldapp.records.service import PersonFilter, PersonRow
from fieldapp.vault.db import Connection, open_database, transaction

REKEY_BLOCKED = message(
    "hq.rekey_blocked",
    "The HQ store could not be re-keyed: close every other program that has it open (hq serve, the HQ app) "
    "and open HQ again, which finishes the re-key ({reason}).",
)
STORE_EXISTS = message("hq.store_exists", "{path} already exists; refusing to overwrite an HQ store.")
STORE_MISSING = message("hq.store_missing", "The HQ store {path} is missing.")
STORE_OF_OTHER_HQ = message("hq.store_of_other_hq", "The HQ store belongs to another HQ key file.")

__all__ = [
    "HQ_CACHE_MIB",
    "HQ_MEMORY_SECURITY",
    "Device",
    "HqStore",
    "SqlCipherStore",
    "SqlStore",
    "StoredEvent",
    "create_store",
    "open_store",
    "schema_steps",
]


def schema_steps() -> list[Step]:
    """The laptop's steps (the same tables and projections), then HQ's own."""
    return steps_in("fieldapp.vault.migrations", "vault/") + steps_in("fieldapp.hq.migrations", "hq/")


class _Ledger:
    """The store's ``hq_migrations`` table: one row per step applied, written in the step's transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def applied(self) -> list[str]:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS hq_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        return [str(r[0]) for r in self.conn.execute("SELECT name FROM hq_migrations")]

    def apply(self, step: Step) -> None:
        quoted = step.name.replace("'", "''")
        try:
            self.conn.executescript(
                f"BEGIN IMMEDIATE;\n{step.sql}\n"
                f"INSERT INTO hq_migrations (name, applied_at) VALUES ('{quoted}', '{now()}');\nCOMMIT;"
            )
        except Exception:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise


def _migrate(conn: Connection) -> list[str]:
    return run(schema_steps(), _Ledger(conn))


class SqlCipherStore(SqlStore):
    """The embedded HQ store (one SQLCipher file in the HQ folder, keyed by HQ's store key)."""

    def __init__(self, conn: Connection, hq_id: str) -> None:
        self.conn = conn
        self.hq_id = hq_id

    def transaction(self) -> AbstractContextManager[None]:
        return transaction(self.conn)

    def projection_digest(self) -> dict[str, str]:
        return projections.digest(self.conn)

    # --- persons across all teams (the same search and filters as the field app) ----------------

    def person_ids(
        self, where: PersonFilter | None = None, *, sort: str = "temp_id", descending: bool = False
    ) -> list[str]:
        return self.in_scope(service.person_ids(self.conn, where, sort=sort, descending=descending))

    def persons_by_ids(self, ids: list[str]) -> list[PersonRow]:
        return service.persons_by_ids(self.conn, self.in_scope(ids))

    def rekey(self, new_key: bytes) -> None:
        """Re-key the open store (an account disabled): every page rewritten under ``new_key``."""
        _rekey(self.conn, new_key)

    def close(self) -> None:
        self.conn.close()


def _rekey(conn: Connection, new_key: bytes) -> None:
    if len(new_key) != 32:
        raise ValueError("the store key must be 32 bytes")
    try:
        # PRAGMAs take no parameters: the statement is built only from the key's hex digits.
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    except sqlcipher3.OperationalError as exc:  # another program holds the store (`hq serve`)
        raise HqError(REKEY_BLOCKED, reason=exc) from exc
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()


def rekey_file(path: Path, old_key: bytes, new_key: bytes) -> None:
    """Re-key the SQLCipher store at ``path`` from ``old_key`` to ``new_key`` and read it back."""
    conn = open_database(path, old_key, cache_mib=HQ_CACHE_MIB, memory_security=HQ_MEMORY_SECURITY)
    try:
        _rekey(conn, new_key)
    finally:
        conn.close()
    open_database(path, new_key, cache_mib=HQ_CACHE_MIB, memory_security=HQ_MEMORY_SECURITY).close()


@overload
def create_store(identity: HqIdentity, database: None = None) -> SqlCipherStore: ...
@overload
def create_store(identity: HqIdentity, database: str | None) -> HqStore: ...
def create_store(identity: HqIdentity, database: str | None = None) -> HqStore:
    """A new HQ store: the embedded SQLCipher file (``database`` None) or a PostgreSQL database (a URL)."""
    if database:
        from fieldapp.hq.pg_store import create_pg_store

        return _for(identity, create_pg_store(identity, database))
    path = identity.folder / STORE_FILE
    if path.exists():
        raise HqExists(STORE_EXISTS, path=path)
    return _for(identity, _open(identity, path))


@overload
def open_store(identity: HqIdentity, database: None = None) -> SqlCipherStore: ...
@overload
def open_store(identity: HqIdentity, database: str | None) -> HqStore: ...
def open_store(identity: HqIdentity, database: str | None = None) -> HqStore:
    if database:
        from fieldapp.hq.pg_store import open_pg_store

        return _for(identity, open_pg_store(identity, database))
    path = identity.folder / STORE_FILE
    if not path.exists():
        raise HqNotFound(STORE_MISSING, path=path)
    return _for(identity, _open(identity, path))


_Store = TypeVar("_Store", bound=HqStore)


def _for(identity: HqIdentity, store: _Store) -> _Store:
    """The store, opened for the account that unlocked HQ: a liaison's queries keep to their scope."""
    store.signed_in = identity.signed_in
    return store


def _open(identity: HqIdentity, path: Path) -> SqlCipherStore:
    try:
        conn = open_database(
            path, identity.store_key, cache_mib=HQ_CACHE_MIB, memory_security=HQ_MEMORY_SECURITY
        )
    except VaultCorrupt:
        if not identity.previous_store_key:
            raise
        # An account's disabling stopped between writing the new key and re-keying the store: finish it.
        rekey_file(path, identity.previous_store_key, identity.store_key)
        conn = open_database(
            path, identity.store_key, cache_mib=HQ_CACHE_MIB, memory_security=HQ_MEMORY_SECURITY
        )
    try:
        _migrate(conn)
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('hq_id', ?)", (identity.hq_id,))
        stored = conn.execute("SELECT value FROM meta WHERE key = 'hq_id'").fetchone()[0]
        if stored != identity.hq_id:
            raise HqNotFound(STORE_OF_OTHER_HQ)
    except BaseException:
        conn.close()
        raise
    return SqlCipherStore(conn, identity.hq_id)
