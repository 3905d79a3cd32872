"""Forward-only numbered migrations (``migrations/NNNN_name.sql``), one schema version.

Each step runs in its own transaction that also bumps ``PRAGMA user_version``. Before the first
step on an existing vault, an encrypted copy (same key) is written to ``backups/``; once every step
has run and SQLite's and SQLCipher's integrity checks find the migrated file sound, the copy is deleted
(it holds the keys of photos purged later, and names of records purged later: shredded must mean
shredded). A failed migration or check keeps it. A vault newer than this program is refused: opening
it could only corrupt it.
"""

from __future__ import annotations

import re
import time
from importlib import resources
from pathlib import Path

from fieldapp.errors import VaultTooNew, message
from fieldapp.paths import BACKUP_DIR
from fieldapp.vault.db import Connection, integrity_problems

TOO_NEW = message(
    "vault.too_new",
    "This vault was written by a newer version of fieldapp (schema {current}; this program knows up to {steps}). Install the newer version; the vault was not changed.",
)

_NAME = re.compile(r"(\d{4})_[a-z0-9_]+\.sql")


def migration_steps() -> list[tuple[int, str, str]]:
    """(number, file name, SQL) for every bundled migration, in order."""
    steps = []
    for item in resources.files("fieldapp.vault.migrations").iterdir():
        match = _NAME.fullmatch(item.name)
        if match:
            steps.append((int(match.group(1)), item.name, item.read_text("utf-8")))
    steps.sort()
    numbers = [number for number, _, _ in steps]
    if numbers != list(range(1, len(steps) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..N without gaps, found {numbers}")
    return steps


def latest_version() -> int:
    return len(migration_steps())


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup(conn: Connection, data_dir: Path, version: int) -> Path:
    folder = data_dir / BACKUP_DIR
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"vault-schema{version}-{time.strftime('%Y%m%d-%H%M%S')}.db"
    # VACUUM INTO keeps the same key and salt: the copy is as encrypted as the vault.
    quoted = str(target).replace("'", "''")
    conn.execute(f"VACUUM INTO '{quoted}'")
    target.chmod(0o600)
    return target


def migrate(conn: Connection, data_dir: Path | None, *, upto: int | None = None) -> list[str]:
    """Bring the schema up to date; returns what was done. ``upto`` exists for building test fixtures."""
    steps = migration_steps()
    target = len(steps) if upto is None else upto
    current = schema_version(conn)
    if current > len(steps):
        raise VaultTooNew(TOO_NEW, current=current, steps=len(steps))
    done: list[str] = []
    if current >= target:
        return done
    copy = backup(conn, data_dir, current) if current > 0 and data_dir is not None else None
    if copy is not None:
        done.append(f"backup {copy.name}")
    for number, name, sql in steps[current:target]:
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
        except Exception:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        done.append(name)
    if copy is not None and not integrity_problems(conn):
        copy.unlink()
        done.append(f"deleted {copy.name}: the migrated vault checked sound")
    return done
