"""What every HQ store shares: the interface the importer, the views and the CLI use (``HqStore``), its
row types, and ``SqlStore``, the SQL both engines run (the embedded SQLCipher store in
``fieldapp.hq.store``, PostgreSQL in ``fieldapp.hq.pg_store``).
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from fieldapp.errors import FieldAppError, Said, message, record_of, said_from_record
from fieldapp.hq.accounts import SignedIn
from fieldapp.hq.errors import ImportAlarm, MissingPrerequisite
from fieldapp.hq.identity import now
from fieldapp.hq.scope import Scope
from fieldapp.records import projections
from fieldapp.records.events import EVENT_COLUMNS, Event
from fieldapp.records.service import PersonFilter, PersonRow

LIFE_CYCLE_BROKEN = message(
    "hq.life_cycle_broken",
    "This bundle breaks a record's life cycle ({reason}); nothing from it was imported and an alarm was recorded.",
)
PREREQUISITE_MISSING = message(
    "hq.prerequisite_missing",
    "Event {seq} of this bundle changes a record HQ does not hold yet ({reason}); import the other laptops' bundles first, then this one again.",
)


@dataclass(frozen=True)
class Device:
    device_id: str
    public_key: str
    fingerprint: str
    name: str
    enrolment_id: str | None
    status: str
    first_seen: str
    decided_at: str | None


@dataclass(frozen=True)
class StoredEvent:
    event_id: str
    hash: str
    prev_hash: str


class HqStore(Protocol):
    """What HQ needs from a store: the SQLCipher one below, or PostgreSQL (fieldapp/hq/pg_store.py).

    ``conn.execute(sql, params)`` takes SQLite-style ``?`` markers and the portable SQL subset that both
    engines accept; backend-specific queries live behind the methods here."""

    hq_id: str
    conn: Any
    signed_in: SignedIn | None

    def transaction(self) -> AbstractContextManager[None]: ...
    def device(self, device_id: str) -> Device | None: ...
    def devices(self) -> list[Device]: ...
    def add_device(self, device: Device) -> None: ...
    def add_enrolment(self, enrolment_id: str, device_name: str) -> None: ...
    def enrolment_name(self, enrolment_id: str | None) -> str | None: ...
    def event_at(self, device_id: str, seq: int) -> StoredEvent | None: ...
    def officer_key(self, device_id: str, officer_id: str) -> str | None: ...
    def authority_events(self, device_id: str, before_seq: int) -> list[Event]: ...
    def revoked_officers(self, device_id: str) -> dict[str, int]: ...
    def set_pending_key(self, device_id: str, public_key: str) -> None: ...
    def creators(self, entity_ids: list[str]) -> dict[str, str]: ...
    def pending_key(self, device_id: str) -> str | None: ...
    def previous_key(self, device_id: str) -> str | None: ...
    def insert_events(self, rows: list[tuple[Any, ...]]) -> None: ...
    def events_by_ids(self, event_ids: list[str]) -> dict[str, StoredEvent]: ...
    def events_between(self, device_id: str, seq_from: int, seq_to: int) -> dict[int, StoredEvent]: ...
    def contiguous_seq(self, device_id: str) -> int: ...
    def project(self, device_id: str, fresh: list[Event] | None = None) -> int: ...
    def put_file(self, kind: str, file_id: str, sha256: str, device_id: str, data: bytes) -> None: ...
    def file_bytes(self, sha256: str) -> bytes | None: ...
    def has_bundle(self, bundle_hash: str) -> bool: ...
    def add_bundle(self, row: dict[str, Any]) -> None: ...
    def add_receipt(self, device_id: str, bundle_hash: str, acked_seq: int, receipt: bytes) -> None: ...
    def add_alarm(
        self, kind: str, device_id: str | None, bundle_hash: str | None, detail: str | FieldAppError
    ) -> None: ...
    def alarms(self) -> list[dict[str, Any]]: ...
    def amendments(self, entity_id: str) -> list[Event]: ...
    def parent_of(self, event_id: str) -> str | None: ...
    def add_conflict(self, entity: str, entity_id: str, field: str, event_a: str, event_b: str) -> bool: ...
    def conflicts(self) -> list[dict[str, Any]]: ...
    def projection_digest(self) -> dict[str, str]: ...
    def person_ids(
        self, where: PersonFilter | None = None, *, sort: str = "temp_id", descending: bool = False
    ) -> list[str]: ...
    def persons_by_ids(self, ids: list[str]) -> list[PersonRow]: ...
    def close(self) -> None: ...


def _device(row: tuple[Any, ...]) -> Device:
    return Device(*row)


# HQ's page cache: every team's records in one file, on a server-class machine. The laptop's 64 MiB
# holds a fraction of a 100,000-person store; a page evicted is read and decrypted again.
HQ_CACHE_MIB = 512
# SQLCipher's enhanced memory security stays off in HQ processes (its default since 4.5; laptops turn
# it on). It mlocks and wipes every SQLite allocation: a 100,000-person import spent most of its time
# in the kernel splitting memory maps for mlock/munlock (perf), 4x slower in all. What it would
# protect is weak at HQ: the same names pass through Python objects that nothing wipes, the page
# cache holds plaintext while the store is open, and SQLCipher wipes its key material either way.
# An HQ machine should have encrypted swap (README, "Security model").
HQ_MEMORY_SECURITY = False
_CHUNK = 500  # ids per IN (...) list: well under either engine's limit on parameters
_DEVICE_COLUMNS = "device_id, public_key, fingerprint, name, enrolment_id, status, first_seen, decided_at"


class SqlStore:
    """What both HQ stores share: every method here uses only the portable SQL subset."""

    conn: Any
    hq_id: str
    signed_in: SignedIn | None = None  # the account the store was opened for (``open_store`` sets it)
    dialect = "sqlite"

    # --- a liaison's scope ---------------------------------------------------------------------

    def in_scope(self, ids: list[str]) -> list[str]:
        """``ids`` without the persons the signed-in account may not read (a liaison's scope)."""
        scope = Scope.of(self.signed_in)
        if scope is None:
            return ids
        condition, params = scope.sql(self.dialect)
        allowed = {str(r[0]) for r in self.conn.execute(f"SELECT id FROM persons WHERE {condition}", params)}
        return [i for i in ids if i in allowed]

    # --- devices -------------------------------------------------------------------------------

    def device(self, device_id: str) -> Device | None:
        row = self.conn.execute(
            f"SELECT {_DEVICE_COLUMNS} FROM hq_devices WHERE device_id = ?", (device_id,)
        ).fetchone()
        return None if row is None else _device(row)

    def devices(self) -> list[Device]:
        rows = self.conn.execute(f"SELECT {_DEVICE_COLUMNS} FROM hq_devices ORDER BY first_seen, device_id")
        return [_device(r) for r in rows]

    def add_device(self, device: Device) -> None:
        self.conn.execute(
            f"INSERT INTO hq_devices ({_DEVICE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            tuple(device.__dict__.values()),
        )

    def add_enrolment(self, enrolment_id: str, device_name: str) -> None:
        self.conn.execute(
            "INSERT INTO hq_enrolments (enrolment_id, device_name, issued_at) VALUES (?, ?, ?)",
            (enrolment_id, device_name, now()),
        )

    def enrolment_name(self, enrolment_id: str | None) -> str | None:
        row = self.conn.execute(
            "SELECT device_name FROM hq_enrolments WHERE enrolment_id = ?", (enrolment_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    # --- events --------------------------------------------------------------------------------

    def event_at(self, device_id: str, seq: int) -> StoredEvent | None:
        row = self.conn.execute(
            "SELECT event_id, hash, prev_hash FROM events WHERE device_id = ? AND device_seq = ?",
            (device_id, seq),
        ).fetchone()
        return None if row is None else StoredEvent(*row)

    def officer_key(self, device_id: str, officer_id: str) -> str | None:
        """The officer's latest key as that device's own log states it (never another device's claim)."""
        row = self.conn.execute(
            "SELECT payload FROM events WHERE device_id = ? AND entity = 'officer' AND entity_id = ? "
            "AND op IN ('create', 'rekey') ORDER BY device_seq DESC LIMIT 1",
            (device_id, officer_id),
        ).fetchone()
        return None if row is None else str(json.loads(row[0])["public_key"])

    def creators(self, entity_ids: list[str]) -> dict[str, str]:
        """Record id -> the laptop whose log created it, for the records HQ holds among these."""
        found: dict[str, str] = {}
        unique = sorted(set(entity_ids))
        for start in range(0, len(unique), _CHUNK):
            chunk = unique[start : start + _CHUNK]
            rows = self.conn.execute(
                f"SELECT entity_id, device_id FROM events WHERE op = 'create' AND entity_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            found.update((str(r[0]), str(r[1])) for r in rows)
        return found

    def authority_events(self, device_id: str, before_seq: int) -> list[Event]:
        """The laptop's officer and device events before ``before_seq``: what records.authority replays."""
        rows = self.conn.execute(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE device_id = ? AND entity IN ('officer', 'device') "
            "AND device_seq < ? ORDER BY device_seq",
            (device_id, before_seq),
        ).fetchall()
        return [Event.from_row(r) for r in rows]

    def revoked_officers(self, device_id: str) -> dict[str, int]:
        """Officer id -> the laptop's last seq HQ held when it revoked them."""
        rows = self.conn.execute(
            "SELECT officer_id, held_seq FROM hq_revoked_officers WHERE device_id = ?", (device_id,)
        ).fetchall()
        return {str(r[0]): int(r[1]) for r in rows}

    def set_pending_key(self, device_id: str, public_key: str) -> None:
        """A re-keyed laptop's new device key, waiting for an analyst to approve its fingerprint."""
        self.conn.execute(
            "UPDATE hq_devices SET pending_key = ? WHERE device_id = ?", (public_key, device_id)
        )

    def previous_key(self, device_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT previous_key FROM hq_devices WHERE device_id = ?", (device_id,)
        ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def pending_key(self, device_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT pending_key FROM hq_devices WHERE device_id = ?", (device_id,)
        ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def insert_events(self, rows: list[tuple[Any, ...]]) -> None:
        """Rows as ``Event.to_row`` makes them."""
        self.conn.executemany(f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 14)})", rows)

    def events_by_ids(self, event_ids: list[str]) -> dict[str, StoredEvent]:
        """The stored events among these ids (a bundle's worth in a few queries, not one per event)."""
        found: dict[str, StoredEvent] = {}
        for start in range(0, len(event_ids), _CHUNK):
            chunk = event_ids[start : start + _CHUNK]
            rows = self.conn.execute(
                f"SELECT event_id, hash, prev_hash FROM events WHERE event_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            found.update((str(r[0]), StoredEvent(*r)) for r in rows)
        return found

    def events_between(self, device_id: str, seq_from: int, seq_to: int) -> dict[int, StoredEvent]:
        rows = self.conn.execute(
            "SELECT device_seq, event_id, hash, prev_hash FROM events "
            "WHERE device_id = ? AND device_seq >= ? AND device_seq <= ?",
            (device_id, seq_from, seq_to),
        )
        return {int(r[0]): StoredEvent(*r[1:]) for r in rows}

    def contiguous_seq(self, device_id: str) -> int:
        """The highest seq N such that HQ holds every event 1..N of this device.

        Everything up to projected_seq is held (folding stops at the first gap), so only the events
        after it are read: the work grows with what is new, not with the device's whole history."""
        row = self.conn.execute(
            "SELECT projected_seq FROM hq_devices WHERE device_id = ?", (device_id,)
        ).fetchone()
        held = 0 if row is None else int(row[0])
        for (seq,) in self.conn.execute(
            "SELECT device_seq FROM events WHERE device_id = ? AND device_seq > ? ORDER BY device_seq",
            (device_id, held),
        ):
            if int(seq) != held + 1:
                break
            held += 1
        return held

    def project(self, device_id: str, fresh: list[Event] | None = None) -> int:
        """Fold this device's events into the projections, in seq order, up to the first gap.

        ``fresh``: events just inserted, in seq order; when they are exactly the ones to fold (the
        usual import), they are folded as they are instead of being read back."""
        start = int(
            self.conn.execute(
                "SELECT projected_seq FROM hq_devices WHERE device_id = ?", (device_id,)
            ).fetchone()[0]
        )
        upto = self.contiguous_seq(device_id)
        seqs = (fresh[0].device_seq, fresh[-1].device_seq, len(fresh)) if fresh else None
        if seqs == (start + 1, upto, upto - start):  # fresh is in seq order: exactly start+1..upto
            events = fresh or []
        else:
            events = self._events_after(device_id, start, upto)
        try:
            projections.apply_many(self.conn, events)  # what projections.apply does per event, in bulk
        except projections.FoldError as exc:
            if isinstance(exc.cause, projections.StateViolation):
                raise ImportAlarm(LIFE_CYCLE_BROKEN, reason=exc) from exc.cause
            raise MissingPrerequisite(
                PREREQUISITE_MISSING, seq=exc.event.device_seq, reason=exc
            ) from exc.cause
        self.conn.execute(
            "UPDATE hq_devices SET projected_seq = ? WHERE device_id = ?", (max(start, upto), device_id)
        )
        return len(events)

    def _events_after(self, device_id: str, start: int, upto: int) -> list[Event]:
        return [
            Event.from_row(row)
            for row in self.conn.cursor()
            .execute(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE device_id = ? AND device_seq > ? AND device_seq <= ? "
                "ORDER BY device_seq",
                (device_id, start, upto),
            )
            .fetchall()
        ]

    def amendments(self, entity_id: str) -> list[Event]:
        rows = self.conn.execute(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE entity_id = ? AND op IN ('update', 'amend') ORDER BY rowid",
            (entity_id,),
        ).fetchall()
        return [Event.from_row(r) for r in rows]

    def parent_of(self, event_id: str) -> str | None:
        row = self.conn.execute("SELECT parent FROM events WHERE event_id = ?", (event_id,)).fetchone()
        return None if row is None else row[0]

    # --- files, bundles, receipts, alarms, conflicts --------------------------------------------

    def put_file(self, kind: str, file_id: str, sha256: str, device_id: str, data: bytes) -> None:
        if self.conn.execute("SELECT 1 FROM hq_blobs WHERE sha256 = ?", (sha256,)).fetchone() is None:
            self.conn.execute(  # sealed once: a photo sent again is not encrypted again
                "INSERT INTO hq_blobs (sha256, size, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (sha256, len(data), self._seal(sha256, data)),
            )
        self.conn.execute(
            "INSERT INTO hq_files (kind, id, sha256, device_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (kind, file_id, sha256, device_id),
        )

    def file_bytes(self, sha256: str) -> bytes | None:
        row = self.conn.execute("SELECT data FROM hq_blobs WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else self._open_sealed(sha256, bytes(row[0]))

    def _seal(self, sha256: str, data: bytes) -> bytes:
        return data  # the SQLCipher file is encrypted as a whole; PostgreSQL seals each blob

    def _open_sealed(self, sha256: str, stored: bytes) -> bytes:
        return stored

    def has_bundle(self, bundle_hash: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM hq_bundles WHERE bundle_hash = ?", (bundle_hash,)).fetchone()
            is not None
        )

    def add_bundle(self, row: dict[str, Any]) -> None:
        names = ", ".join(row)
        self.conn.execute(
            f"INSERT INTO hq_bundles ({names}) VALUES ({', '.join('?' * len(row))}) ON CONFLICT DO NOTHING",
            tuple(row.values()),
        )

    def add_receipt(self, device_id: str, bundle_hash: str, acked_seq: int, receipt: bytes) -> None:
        self.conn.execute(
            "INSERT INTO hq_receipts (device_id, bundle_hash, acked_seq, issued_at, receipt) VALUES (?, ?, ?, ?, ?)",
            (device_id, bundle_hash, acked_seq, now(), receipt.decode("utf-8")),
        )

    def add_alarm(
        self, kind: str, device_id: str | None, bundle_hash: str | None, detail: str | FieldAppError
    ) -> None:
        """``detail``: English, and its declared message (a Said, or the error raised) kept beside it."""
        record = record_of(detail) if isinstance(detail, Said | FieldAppError) else None
        english = detail.message if isinstance(detail, FieldAppError) else str(detail)
        self.conn.execute(
            "INSERT INTO hq_alarms (at, kind, device_id, bundle_hash, detail, message) VALUES (?, ?, ?, ?, ?, ?)",
            (now(), kind, device_id, bundle_hash, english, None if record is None else json.dumps(record)),
        )

    def alarms(self) -> list[dict[str, Any]]:
        """Each alarm; its ``detail`` a Said (English, shown translated by the app) when its message was kept."""
        rows = self.conn.execute(
            "SELECT at, kind, device_id, bundle_hash, detail, message FROM hq_alarms ORDER BY id"
        )
        found = []
        for at, kind, device_id, bundle_hash, detail, stored in rows:
            said = said_from_record(_loads(stored)) if stored else None
            found.append(
                {
                    "at": at,
                    "kind": kind,
                    "device_id": device_id,
                    "bundle_hash": bundle_hash,
                    "detail": said or detail,
                }
            )
        return found

    def add_conflict(self, entity: str, entity_id: str, field: str, event_a: str, event_b: str) -> bool:
        a, b = sorted((event_a, event_b))
        cursor = self.conn.execute(
            "INSERT INTO hq_conflicts (entity, entity_id, field, event_a, event_b, detected_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (entity, entity_id, field, a, b, now()),
        )
        return bool(cursor.rowcount)

    def conflicts(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT c.entity, c.entity_id, c.field, c.event_a, c.event_b, c.detected_at, c.status, "
            "a.device_id, a.payload, b.device_id, b.payload, c.id FROM hq_conflicts c "
            "JOIN events a ON a.event_id = c.event_a JOIN events b ON b.event_id = c.event_b ORDER BY c.id"
        )
        result = []
        for r in rows:
            field = r[2]
            result.append(
                {
                    "id": int(r[11]),
                    "entity": r[0],
                    "entity_id": r[1],
                    "field": field,
                    "detected_at": r[5],
                    "status": r[6],
                    "a": {
                        "event_id": r[3],
                        "device_id": r[7],
                        "value": json.loads(r[8])["fields"].get(field),
                    },
                    "b": {
                        "event_id": r[4],
                        "device_id": r[9],
                        "value": json.loads(r[10])["fields"].get(field),
                    },
                }
            )
        return result


def _loads(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return None
