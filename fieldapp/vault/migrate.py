"""The vault's schema: forward-only numbered steps (``migrations/NNNN_name.sql``), run by the one runner
(``fieldapp.migrations``) with ``PRAGMA user_version`` as the ledger.

Each step runs in its own transaction that also bumps ``user_version``. Before the first step on an
existing vault, an encrypted copy (same key) is written to ``backups/``; once every step has run and
SQLite's and SQLCipher's integrity checks find the migrated file sound, the copy is deleted (it holds the
keys of photos purged later, and names of records purged later: shredded must mean shredded). A failed
migration or check keeps it. A vault newer than this program is refused: opening it could only corrupt it.
"""

from __future__ import annotations

import time
from pathlib import Path

from fieldapp.errors import VaultTooNew, message
from fieldapp.migrations import Step, run, steps_in
from fieldapp.paths import BACKUP_DIR
from fieldapp.vault.db import Connection, integrity_problems

TOO_NEW = message(
    "vault.too_new",
    "This vault was written by a newer version of fieldapp (schema {current}; this program knows up to {steps}). Install the newer version; the vault was not changed.",
)


def migration_steps() -> list[Step]:
    """Every bundled step of the vault's schema, in order."""
    return steps_in("fieldapp.vault.migrations")


class _UserVersion:
    """The vault's ledger: ``PRAGMA user_version`` is the number of steps applied."""

    def __init__(self, conn: Connection, steps: list[Step]) -> None:
        self.conn, self.steps = conn, steps

    def applied(self) -> list[str]:
        return [step.name for step in self.steps[: schema_version(self.conn)]]

    def apply(self, step: Step) -> None:
        try:
            self.conn.executescript(
                f"BEGIN IMMEDIATE;\n{step.sql}\nPRAGMA user_version = {step.number};\nCOMMIT;"
            )
        except Exception:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise


class _BackupCopy:
    """The vault's safety copy while it migrates: an encrypted copy under the same key in ``backups/``."""

    def __init__(self, conn: Connection, data_dir: Path, version: int) -> None:
        self.conn, self.data_dir, self.version = conn, data_dir, version

    def take(self) -> Path:
        return backup(self.conn, self.data_dir, self.version)

    def problems(self) -> list[str]:
        return integrity_problems(self.conn)


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
    if current >= target:
        return []
    copy = _BackupCopy(conn, data_dir, current) if current > 0 and data_dir is not None else None
    return run(steps[:target], _UserVersion(conn, steps), copy=copy)
