"""Opening the SQLCipher database with a raw 256-bit key and the pragmas that keep it safe."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from fieldapp.errors import Busy, StorageFull, VaultCorrupt, message

CANNOT_OPEN = message("vault.cannot_open", "The vault file cannot be opened: {reason}.")
DAMAGED_OR_FOREIGN = message(
    "vault.damaged_or_foreign",
    "The vault file is damaged or does not belong to this key-slot file ({reason}). Restore it from a backup or ask HQ.",
)
FULL_NOT_SAVED = message(
    "disk.full_not_saved",
    "The disk is full or cannot be written: this change was not saved (everything saved before it is safe). Free some space, then save again.",
)

STORE_BUSY = message(
    "store.busy",
    "Another fieldapp program is saving to the same records and has not finished: this change was not saved. Try again in a moment.",
)
BUSY_TIMEOUT_MS = 5000  # how long a change waits for another program's change to finish
SQLITE_BUSY, SQLITE_LOCKED = 5, 6  # primary result codes (an extended code keeps them in its low byte)

_HEX_KEY = re.compile(r"[0-9a-f]{64}")

Connection = Any  # sqlcipher3.Connection has no type stubs

# SQLCipher's enhanced memory security: every allocation SQLite makes is mlock'ed and wiped on free.
# Once on it stays on for the process (SQLCipher's rule), so it is set before the first key is used.
_memory_security_on = False


def _key_pragma(dek: bytes) -> str:
    hex_key = dek.hex()
    if len(dek) != 32 or not _HEX_KEY.fullmatch(hex_key):
        raise ValueError("the data key must be 32 bytes")
    # PRAGMAs take no parameters: the statement is built only from validated hex, never from user text.
    return f"PRAGMA key = \"x'{hex_key}'\""


def open_database(path: Path, dek: bytes, *, cache_mib: int = 64, memory_security: bool = True) -> Connection:
    """Open (or create) the encrypted database and verify the key with a real read.

    ``memory_security``: laptops keep it on (a seized laptop's swap or memory image holds no freed
    SQLite buffers). The HQ store turns it off: see ``fieldapp.hq.store.HQ_MEMORY_SECURITY``."""
    global _memory_security_on
    # SQLite gives the -wal and -shm files the database file's permissions: make that user-only.
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    if os.name == "posix":
        path.chmod(0o600)
    try:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlcipher3.Error as exc:
        raise VaultCorrupt(CANNOT_OPEN, reason=exc) from exc
    try:
        conn.execute(_key_pragma(dek))
        conn.execute("PRAGMA cipher_log_level = NONE")  # damage is reported to the user as VaultCorrupt
        conn.execute("PRAGMA cipher_compatibility = 4")
        if memory_security and not _memory_security_on:
            conn.execute("PRAGMA cipher_memory_security = ON")
            _memory_security_on = True
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise RuntimeError("this sqlite build has no SQLCipher: refusing to write an unencrypted vault")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        if sys.platform == "darwin":
            conn.execute("PRAGMA fullfsync = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute(f"PRAGMA cache_size = {-1024 * int(cache_mib)}")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise VaultCorrupt(DAMAGED_OR_FOREIGN, reason=exc) from exc
    return conn


@contextmanager
def transaction(conn: Connection) -> Iterator[None]:
    """One durable transaction; nested use joins the outer one (so a batch commits once).

    A failed COMMIT rolls back (it must not leave the connection inside a transaction), a full or
    unwritable disk becomes StorageFull in plain words, and another program's change that does not
    finish within ``BUSY_TIMEOUT_MS`` becomes Busy (nothing of this change was written).
    """
    if conn.in_transaction:
        yield
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlcipher3.OperationalError as exc:
        # Another connection (the network server, a second window, the command line) still writes.
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED):
            raise Busy(STORE_BUSY) from exc
        raise
    try:
        yield
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        # SQLITE_FULL, or SQLITE_IOERR when the OS refuses the write (file too large, failing disk).
        if isinstance(exc, sqlcipher3.OperationalError) and ("full" in str(exc) or "I/O" in str(exc)):
            raise StorageFull(FULL_NOT_SAVED) from exc
        raise


def id_slices(ids: Iterable[str], size: int = 500) -> Iterator[tuple[list[str], str]]:
    """Distinct ids in slices with their "?, ?, …" marks, for ``IN (…)`` queries: HQ asks for every person
    at once, and PostgreSQL refuses a query of more than 65,535 parameters."""
    unique = sorted(set(ids))
    for start in range(0, len(unique), size):
        chunk = unique[start : start + size]
        yield chunk, ", ".join("?" * len(chunk))


def integrity_problems(conn: Connection) -> list[str]:
    """SQLite's and SQLCipher's own checks; an empty list means the file is sound."""
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
    except sqlcipher3.DatabaseError as exc:
        problems = [f"the file cannot be read: {exc}"]
    return problems


def damaged(exc: Exception) -> VaultCorrupt:
    return VaultCorrupt(
        f"The vault file is damaged ({exc}). Run `fieldapp check`, then restore a backup or ask HQ."
    )
