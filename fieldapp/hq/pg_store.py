"""The HQ store on PostgreSQL (``fieldapp hq ... --database postgresql://...``), for an HQ that outgrows
one machine: several analysts and the network server work on one database at once.

Same schema semantics as the embedded SQLCipher store (fieldapp/hq/store.py): the append-only ``events``
table (a trigger refuses UPDATE, DELETE and TRUNCATE, except the laptop schema's redaction of purged
records' payloads), and projections folded from the events by the same ``projections.apply``. HQ code talks
to ``store.conn.execute(sql, params)`` with SQLite-style ``?`` markers; :class:`PgConnection` turns them
into psycopg's ``%s`` so the importer, the exports and the projections run unchanged.

Writes are serialised: every ``store.transaction()`` takes one transaction-level advisory lock, as SQLite's
``BEGIN IMMEDIATE`` does. A bundle import is one transaction, so two processes importing (bundles of the
same laptop or not) never interleave: the fold reads a record and writes it back, and conflict detection
must see the other laptops' changes, which concurrent transactions could not. Readers are never blocked.

Data at rest: PostgreSQL does not encrypt its files as SQLCipher does. File originals (photos, issued PDFs)
are sealed with AES-256-GCM under HQ's store key (the AAD is the file's SHA-256) before they are stored.
Event payloads and projections stay readable by the server, because folding and searching need them: run
PostgreSQL on an encrypted disk, reach it over TLS or a unix socket, with a role of its own for HQ.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from psycopg import pq

from fieldapp.errors import StorageFull, ValidationError, message
from fieldapp.hq.errors import HqError, HqExists, HqNotFound
from fieldapp.hq.identity import HqIdentity, now
from fieldapp.hq.sql_store import SqlStore, StoredEvent
from fieldapp.migrations import Step, run, steps_in
from fieldapp.records import projections, service
from fieldapp.records.events import EVENT_COLUMNS, Event
from fieldapp.records.service import SORTABLE, PersonFilter, PersonRow

BAD_DATABASE_ADDRESS = message(
    "hq.db_address", "--database takes a postgresql://USER@HOST:PORT/DBNAME address."
)
INVALID_DATABASE_URL = message(
    "hq.db_url_invalid", "The --database address is not a valid postgresql:// URL."
)
DATABASE_UNREACHABLE = message("hq.db_cannot_open", "Cannot open the HQ database at {where}: {reason}")
DATABASE_ENCODING = message(
    "hq.db_encoding",
    "The HQ database at {where} uses the {encoding} encoding; create it with ENCODING 'UTF8'.",
)
DATABASE_HOLDS_HQ = message(
    "hq.db_holds_store", "The database at {where} already holds an HQ store; refusing to overwrite it."
)
DATABASE_HOLDS_NO_HQ = message(
    "hq.db_holds_no_store",
    "The database at {where} holds no HQ store; create it with `fieldapp hq init --database`.",
)
DATABASE_OF_OTHER_HQ = message("hq.db_of_other_hq", "The HQ database belongs to another HQ key file.")
DATABASE_DISK_FULL = message(
    "hq.db_disk_full",
    "The HQ database's disk is full: this change was not saved (everything saved before it is safe). Free some space on the database server, then try again.",
)
DATABASE_STOPPED = message(
    "hq.db_stopped", "The HQ database stopped answering ({reason}); nothing was saved."
)
STORED_FILE_ALTERED = message(
    "hq.stored_file_altered",
    "The stored file {sha256}… fails its integrity check (altered in the database?).",
)
BAD_SORT = message("hq.bad_sort", "Cannot sort persons by '{sort}'.")

# Transaction-level advisory lock keys (any fixed 64-bit numbers, unique to this application).
WRITER_LOCK = 0x6669656C64617071  # one writer at a time, like SQLite's BEGIN IMMEDIATE
MIGRATION_LOCK = 0x6669656C646D6967
NONCE = 12


class HqDatabaseError(HqError):
    """The PostgreSQL database cannot be reached or used (wrong address, server down, wrong encoding)."""

    code = "hq_database"


@lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """SQLite-style ``?`` markers → psycopg's ``%s`` (outside quotes), and a literal ``%`` → ``%%``."""
    out: list[str] = []
    quote = ""
    for ch in sql:
        if ch == "%":
            out.append("%%")
        elif quote:
            out.append(ch)
            if ch == quote:
                quote = ""  # a doubled quote closes and reopens: still right
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        else:
            out.append("%s" if ch == "?" else ch)
    return "".join(out)


def _params(params: Iterable[Any]) -> tuple[Any, ...]:
    # Booleans are stored as integers 0/1 (the portable subset); psycopg would send a PG boolean.
    return tuple(int(p) if isinstance(p, bool) else p for p in params)


class _Cursor:
    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self._raw = raw

    def execute(self, sql: str, params: Iterable[Any] = ()) -> psycopg.Cursor[Any]:
        return self._raw.cursor().execute(translate(sql), _params(params))


class PgConnection:
    """The part of a sqlite3 connection HQ code uses, over a psycopg connection in autocommit mode."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Iterable[Any] = ()) -> psycopg.Cursor[Any]:
        return self.raw.execute(translate(sql), _params(params))

    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> psycopg.Cursor[Any]:
        cursor = self.raw.cursor()
        cursor.executemany(translate(sql), [_params(r) for r in rows])
        return cursor

    def cursor(self) -> _Cursor:
        return _Cursor(self.raw)

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def close(self) -> None:
        self.raw.close()


def schema_steps() -> list[Step]:
    return steps_in("fieldapp.hq.pg_migrations")


class _Ledger:
    """``hq_migrations`` in PostgreSQL; the caller holds the transaction and the migration lock."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def applied(self) -> list[str]:
        self.raw.execute(
            "CREATE TABLE IF NOT EXISTS hq_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        return [str(r[0]) for r in self.raw.execute("SELECT name FROM hq_migrations")]

    def apply(self, step: Step) -> None:
        self.raw.execute(step.sql.encode("utf-8"))  # no parameters: several statements in one go
        self.raw.execute("INSERT INTO hq_migrations (name, applied_at) VALUES (%s, %s)", (step.name, now()))


def _migrate(raw: psycopg.Connection[Any]) -> list[str]:
    """Every missing step, in one transaction under the migration lock (two servers starting at once)."""
    with raw.transaction():
        raw.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        return run(schema_steps(), _Ledger(raw))


def _where(url: str) -> str:
    """host:port/dbname of a URL, for messages (never the password)."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return "the given address"
    return f"{info.get('host', 'localhost')}:{info.get('port', 5432)}/{info.get('dbname', '')}"


def _reason(exc: Exception) -> str:
    """libpq's message in one line, without the 'connection to server at ... failed: FATAL:' preamble."""
    text = "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())
    text = re.sub(
        r'connection failed: |connection to server at "[^"]*", port \d+ failed: |FATAL:\s+', "", text
    )
    return text or type(exc).__name__


def _connect(url: str) -> psycopg.Connection[Any]:
    if not url.startswith(("postgresql://", "postgres://")):
        raise HqDatabaseError(BAD_DATABASE_ADDRESS)
    try:
        psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:  # its message quotes the address, password included
        raise HqDatabaseError(INVALID_DATABASE_URL) from None
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=10, application_name="fieldapp-hq")
    except psycopg.Error as exc:
        raise HqDatabaseError(DATABASE_UNREACHABLE, where=_where(url), reason=_reason(exc)) from None
    encoding = str(raw.execute("SHOW server_encoding").fetchone()[0])  # type: ignore[index]
    if encoding.upper() not in ("UTF8", "UTF-8"):
        raw.close()
        raise HqDatabaseError(DATABASE_ENCODING, where=_where(url), encoding=encoding)
    return raw


def _stored_hq_id(raw: psycopg.Connection[Any]) -> str | None:
    row = raw.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return None
    found = raw.execute("SELECT value FROM meta WHERE key = 'hq_id'").fetchone()
    return None if found is None else str(found[0])


def create_pg_store(identity: HqIdentity, url: str) -> PgStore:
    raw = _connect(url)
    try:
        if _stored_hq_id(raw) is not None:
            raise HqExists(DATABASE_HOLDS_HQ, where=_where(url))
        return _open(raw, identity)
    except BaseException:
        raw.close()
        raise


def open_pg_store(identity: HqIdentity, url: str) -> PgStore:
    raw = _connect(url)
    try:
        if _stored_hq_id(raw) is None:
            raise HqNotFound(DATABASE_HOLDS_NO_HQ, where=_where(url))
        return _open(raw, identity)
    except BaseException:
        raw.close()
        raise


def _open(raw: psycopg.Connection[Any], identity: HqIdentity) -> PgStore:
    _migrate(raw)
    raw.execute(
        "INSERT INTO meta (key, value) VALUES ('hq_id', %s) ON CONFLICT DO NOTHING", (identity.hq_id,)
    )
    if _stored_hq_id(raw) != identity.hq_id:
        raise HqNotFound(DATABASE_OF_OTHER_HQ)
    return PgStore(PgConnection(raw), identity)


class PgStore(SqlStore):
    """The HQ store in a PostgreSQL database (see the module docstring)."""

    dialect = "postgresql"

    def __init__(self, conn: PgConnection, identity: HqIdentity) -> None:
        self.conn = conn
        self.hq_id = identity.hq_id
        self._aead = AESGCM(identity.seal_key)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction holding the writer lock; nested use joins the outer one (as in SQLite)."""
        if self.conn.in_transaction:
            yield
            return
        try:
            with self.conn.raw.transaction():
                self.conn.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
                yield
        except psycopg.errors.DiskFull as exc:
            raise StorageFull(DATABASE_DISK_FULL) from exc
        except psycopg.OperationalError as exc:
            raise HqDatabaseError(DATABASE_STOPPED, reason=exc) from exc

    # --- file originals, sealed under HQ's store key -------------------------------------------

    def _seal(self, sha256: str, data: bytes) -> bytes:
        nonce = os.urandom(NONCE)
        return nonce + self._aead.encrypt(nonce, data, sha256.encode("ascii"))

    def _open_sealed(self, sha256: str, stored: bytes) -> bytes:
        try:
            return self._aead.decrypt(stored[:NONCE], stored[NONCE:], sha256.encode("ascii"))
        except InvalidTag:
            raise HqError(STORED_FILE_ALTERED, sha256=sha256[:12]) from None

    # --- events ----------------------------------------------------------------------------------

    def events_by_ids(self, event_ids: list[str]) -> dict[str, StoredEvent]:
        """One query for the whole bundle, planned for its actual ids: as a prepared statement (psycopg
        prepares after five runs) on a table that has grown since it was last analysed, the generic
        plan scans the whole table for every chunk of ids (0.3 s each at 25,000 events)."""
        sql = "SELECT event_id, hash, prev_hash FROM events WHERE event_id = ANY(%s)"
        rows = self.conn.raw.execute(sql, (event_ids,), prepare=False)
        return {str(r[0]): StoredEvent(*r) for r in rows}

    def insert_events(self, rows: list[tuple[Any, ...]]) -> None:
        """COPY instead of INSERT: the same rows, constraints and triggers, in one stream."""
        with self.conn.raw.cursor() as cursor:
            with cursor.copy(f"COPY events ({EVENT_COLUMNS}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(_params(row))

    # --- projections and persons ---------------------------------------------------------------

    def project(self, device_id: str, fresh: list[Event] | None = None) -> int:
        """SQLite's fold, pipelined: writes whose results nobody reads go out without waiting for the
        server, so a person costs one round trip instead of four (an error still aborts the import)."""
        with self.conn.raw.pipeline():
            return super().project(device_id, fresh)

    def projection_digest(self) -> dict[str, str]:
        """The same digest as SQLite's, over the same columns (PostgreSQL's own ``rowid`` left out)."""
        rows = self.conn.execute(
            "SELECT table_name, string_agg(column_name, ', ' ORDER BY ordinal_position) "
            "FROM information_schema.columns WHERE table_schema = current_schema() AND column_name <> 'rowid' "
            "GROUP BY table_name"
        ).fetchall()
        return projections.digest(self.conn, {str(t): str(c) for t, c in rows})

    def person_ids(
        self, where: PersonFilter | None = None, *, sort: str = "temp_id", descending: bool = False
    ) -> list[str]:
        """The field app's person_ids, with the search over person_search.body by ILIKE (trigram index)."""
        if sort not in SORTABLE:
            raise ValidationError(BAD_SORT, sort=sort)
        clauses, params = (where or PersonFilter()).sql("postgresql")
        direction = "DESC NULLS LAST" if descending else "ASC NULLS FIRST"  # where SQLite puts NULLs
        sql = f"SELECT id FROM persons WHERE {clauses} ORDER BY {sort} {direction}, id {direction}"
        return self.in_scope([str(row[0]) for row in self.conn.execute(sql, params)])

    def persons_by_ids(self, ids: list[str]) -> list[PersonRow]:
        return service.persons_by_ids(self.conn, self.in_scope(ids))

    def close(self) -> None:
        self.conn.close()
