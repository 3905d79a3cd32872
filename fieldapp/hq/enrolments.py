"""Enrolment files as HQ issues and honours them: issue numbers, expiry, and one laptop per enrolment id.

Each file HQ issues gets the next issue number (laptops refuse a file older than one they loaded) and
an expiry date. An enrolment id admits a laptop HQ has not approved yet to `hq serve`, and only the
first laptop (device id and device key) that uses it: anyone else holding the same file is refused, so
a leaked file cannot be used to register made-up laptops and fill HQ's disk. After its expiry an id
admits nobody new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from fieldapp.errors import Said, message
from fieldapp.hq.directory import current
from fieldapp.hq.identity import (
    ENROLMENT_VALID_DAYS,
    HqIdentity,
    directory_file,
    enrolment_file,
    indicator_sets_file,
    now,
)


class EnrolmentStore(Protocol):
    conn: Any


@dataclass(frozen=True)
class Enrolment:
    enrolment_id: str
    device_name: str
    issue_no: int
    expires_at: str | None
    device_id: str | None
    public_key: str | None

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at < now()


def next_issue(store: EnrolmentStore) -> int:
    row = store.conn.execute("SELECT max(issue_no) FROM hq_enrolments").fetchone()
    held = store.conn.execute("SELECT value FROM meta WHERE key = 'enrolment_issue'").fetchone()
    return max(int(row[0] or 0), int(held[0]) if held else 0) + 1


def take_issue(store: EnrolmentStore) -> int:
    """The next issue number, taken (call in a transaction): every file HQ signs for laptops has one."""
    issue = next_issue(store)
    store.conn.execute("DELETE FROM meta WHERE key = 'enrolment_issue'")
    store.conn.execute("INSERT INTO meta (key, value) VALUES ('enrolment_issue', ?)", (str(issue),))
    return issue


def issue(
    store: EnrolmentStore, identity: HqIdentity, device_name: str, *, valid_days: int = ENROLMENT_VALID_DAYS
) -> tuple[str, bytes]:
    """A signed enrolment file with the next issue number, recorded with its expiry (call in a transaction)."""
    number = take_issue(store)
    enrolment_id, raw = enrolment_file(
        identity, device_name, issue_no=number, valid_days=valid_days, receiving_bodies=current(store.conn)
    )
    expires = (datetime.now(UTC) + timedelta(days=valid_days)).isoformat(timespec="milliseconds")
    store.conn.execute(
        "INSERT INTO hq_enrolments (enrolment_id, device_name, issued_at, issue_no, expires_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (enrolment_id, device_name.strip(), now(), number, expires.replace("+00:00", "Z")),
    )
    return enrolment_id, raw


def issue_sets(store: EnrolmentStore, identity: HqIdentity) -> bytes:
    """HQ's current indicator sets alone, signed, with the next issue number (call in a transaction)."""
    return indicator_sets_file(identity, issue_no=take_issue(store))


def issue_directory(store: EnrolmentStore, identity: HqIdentity) -> bytes:
    """HQ's directory of receiving bodies alone, signed, with the next issue number (call in a transaction).
    An admin's work, as enrolment files are."""
    identity.require("devices")
    return directory_file(identity, current(store.conn), issue_no=take_issue(store))


def find(store: EnrolmentStore, enrolment_id: str | None) -> Enrolment | None:
    if not enrolment_id:
        return None
    row = store.conn.execute(
        "SELECT enrolment_id, device_name, issue_no, expires_at, device_id, public_key FROM hq_enrolments "
        "WHERE enrolment_id = ?",
        (enrolment_id,),
    ).fetchone()
    if row is None:
        return None
    return Enrolment(str(row[0]), str(row[1]), int(row[2] or 0), row[3], row[4], row[5])


NOT_ISSUED = message("hq.enrolment_not_issued", "HQ did not issue this enrolment.")
EXPIRED = message("hq.enrolment_expired", "This enrolment file has expired; ask HQ for a new one.")
USED_BY_ANOTHER = message(
    "hq.enrolment_used",
    "This enrolment file was already used by another laptop; each file enrols one laptop.",
)


def admits(store: EnrolmentStore, enrolment_id: str | None, device_id: str, public_key: str) -> Said | None:
    """Why this enrolment id does not admit this laptop (None: it does). Binds an unused id to it."""
    found = find(store, enrolment_id)
    if found is None:
        return Said(NOT_ISSUED)
    if found.device_id is None:
        if found.expired:
            return Said(EXPIRED)
        store.conn.execute(
            "UPDATE hq_enrolments SET device_id = ?, public_key = ? WHERE enrolment_id = ? AND device_id IS NULL",
            (device_id, public_key, found.enrolment_id),
        )
        return None
    if found.device_id != device_id or found.public_key != public_key:
        return Said(USED_BY_ANOTHER)
    return None
