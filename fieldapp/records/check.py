"""`fieldapp check`: the file, the hash chain and signatures, and projections against a rebuild."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlcipher3

from fieldapp.records import projections
from fieldapp.records.log import verify_chain
from fieldapp.vault import keyslots
from fieldapp.vault.db import integrity_problems
from fieldapp.vault.session import Session


@dataclass
class CheckReport:
    events: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rebuilt_tables: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def run_check(session: Session, *, rebuild: bool = False) -> CheckReport:
    """Check everything; with ``rebuild`` the projections are replaced by a fresh fold of the log."""
    report = CheckReport(warnings=list(session.warnings))
    conn = session.conn
    report.problems += [f"database: {p}" for p in integrity_problems(conn)]
    try:
        redacted: list[str] = []
        flags: list[str] = []
        report.events, chain_problems = verify_chain(conn, redacted=redacted, flags=flags)
        report.warnings += flags
    except sqlcipher3.DatabaseError as exc:
        report.problems.append(f"event log: cannot be read ({exc})")
        return report
    report.problems += chain_problems
    if redacted:
        report.warnings.append(
            f"{len(redacted)} events were redacted after their records were purged; HQ holds the originals."
        )
    for slot in keyslots.load_current(session.data_dir).slots:
        if slot.kdf.is_weak:
            report.warnings.append(f"{slot.officer_name}'s key slot uses weak test-only KDF settings.")

    # Rebuild inside a transaction and compare table by table; keep the rebuild only if asked.
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = projections.digest(conn)
        projections.rebuild(conn)
        after = projections.digest(conn)
    except Exception as exc:
        conn.execute("ROLLBACK")
        report.problems.append(f"projections: the log cannot be folded again ({exc})")
        return report
    differing = [table for table in before if before[table] != after[table]]
    if differing and rebuild:
        conn.execute("COMMIT")
        report.rebuilt_tables = differing
        report.warnings.append(f"Rebuilt from the log (they differed): {', '.join(differing)}.")
    else:
        conn.execute("ROLLBACK")
        report.problems += [
            f"projection {table} differs from the log (run `fieldapp check --rebuild`)" for table in differing
        ]
    return report
