"""Appending to the event log: next gapless seq, hash chain, signatures, projection, one transaction."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.errors import Said, message
from fieldapp.records import projections
from fieldapp.records.authority import LOG_FORMAT, DeviceAuthority
from fieldapp.records.events import (
    DOCUMENT_CONTEXT,
    EVENT_COLUMNS,
    GENESIS_HASH,
    MANIFEST_CONTEXT,
    Event,
    is_redacted,
    sign,
    verify,
)
from fieldapp.records.ids import uuid7
from fieldapp.vault.db import Connection, transaction

# What a check of the chain can find, said in the officer's language in the app.
EVENTS_MISSING = message("chain.events_missing", "device {device}: events {first}..{last} are missing")
NOT_CHAINED = message("chain.not_chained", "event {seq}: does not chain to the event before it")
UNKNOWN_DEVICE = message("chain.unknown_device", "event {seq}: unknown device {device}")
REDACTED_UNPURGED = message(
    "chain.redacted_unpurged",
    "{where}: redacted, but its record was not purged after it or HQ had not acknowledged it",
)
LEGACY_EVENTS = message(
    "chain.legacy_events",
    "laptop {device}: {count} events from before every event was signed by its officer (legacy authority: "
    "the laptop's device key alone vouches for who made them)",
)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class EventLog:
    """Writes events for one device and one officer on the connection it is given."""

    def __init__(
        self,
        conn: Connection,
        *,
        device_id: str,
        device_key: Ed25519PrivateKey,
        officer_id: str,
        officer_key: Ed25519PrivateKey | None,
        log_format: int = LOG_FORMAT,
        clock: Callable[[], str] = utc_now,
    ) -> None:
        self.conn = conn
        self.device_id = device_id
        self._device_key = device_key
        self.officer_id = officer_id
        self._officer_key = officer_key
        self.log_format = log_format  # 2: the officer signs every event (records.authority)
        self.clock = clock  # what stamps each event's created_at (the HQ demo sets a raid's day)

    def transaction(self) -> AbstractContextManager[None]:
        """One durable transaction; nested use joins the outer one (so a batch commits once)."""
        return transaction(self.conn)

    def append(
        self,
        entity: str,
        entity_id: str,
        op: str,
        payload: dict[str, Any],
        *,
        signer: Ed25519PrivateKey | None = None,
    ) -> Event:
        """Append one event and fold it into the projections; durable once this returns.

        ``signer``: the officer key that signs this one event instead of the session's (an officer's key
        replacement is signed by the key it replaces)."""
        officer_key = signer or self._officer_key
        if self.log_format >= LOG_FORMAT and officer_key is None:
            raise ValueError("every event needs the officer's signature (the session is locked)")
        with self.transaction():
            row = self.conn.execute(
                "SELECT device_seq, hash FROM events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1",
                (self.device_id,),
            ).fetchone()
            seq, prev_hash = (int(row[0]) + 1, row[1]) if row else (1, GENESIS_HASH)
            # A record's first event has no parent; later ones name the event they follow (HQ uses
            # this to tell concurrent amendments from sequential ones).
            parent = None
            if op != "create":
                parent = self.conn.execute(
                    "SELECT event_id FROM events WHERE entity_id = ? ORDER BY rowid DESC LIMIT 1",
                    (entity_id,),
                ).fetchone()
            event = sign(
                Event(
                    event_id=uuid7(),
                    device_id=self.device_id,
                    device_seq=seq,
                    entity=entity,
                    entity_id=entity_id,
                    op=op,
                    payload=payload,
                    officer_id=self.officer_id,
                    created_at=self.clock(),
                    parent=parent[0] if parent else None,
                    prev_hash=prev_hash,
                ),
                self._device_key,
                officer_key,
                every_op=self.log_format >= LOG_FORMAT,
            )
            self.conn.execute(
                f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 14)})", event.to_row()
            )
            projections.apply(self.conn, event)
        return event

    def _sign_digest(self, context: bytes, digest: bytes) -> bytes:
        # The context is added here, so the device key can never be made to sign something shaped
        # like an event (or one kind of document passed off as another).
        if len(digest) != 32:
            raise ValueError("a digest to sign is 32 bytes (SHA-256)")
        return self._device_key.sign(context + digest)

    def sign_document(self, digest: bytes) -> bytes:
        """The device's signature over a printed document's SHA-256."""
        return self._sign_digest(DOCUMENT_CONTEXT, digest)

    def sign_manifest(self, digest: bytes) -> bytes:
        """The device's signature over a sync bundle manifest's SHA-256."""
        return self._sign_digest(MANIFEST_CONTEXT, digest)

    @property
    def device_public_key(self) -> str:
        return self._device_key.public_key().public_bytes_raw().hex()

    def forget_keys(self) -> None:
        self._officer_key = None

    def use_keys(
        self, *, officer_key: Ed25519PrivateKey | None = None, device_key: Ed25519PrivateKey | None = None
    ) -> None:
        """From the next event on: the officer's new key (after ``officer.rekey`` or ``activate``), or the
        laptop's new device key (after ``device.rotate``)."""
        if officer_key is not None:
            self._officer_key = officer_key
        if device_key is not None:
            self._device_key = device_key


def verify_chain(
    conn: Connection,
    *,
    redacted: list[str] | None = None,
    gaps: list[str] | None = None,
    device_keys: dict[str, bytes] | None = None,
    flags: list[str] | None = None,
    revoked: dict[str, dict[str, int]] | None = None,
) -> tuple[int, list[str]]:
    """Check every device's chain: gapless seq, prev_hash links, hashes, device and officer signatures, and
    who may do what (records.authority: from log format 2 on, every event signed by an officer whose key
    and role the log itself establishes).

    A redacted event (a purged record's, see events.redacted_payload) is sound only if its record's
    purge event follows it in the same chain and HQ had acknowledged it (device_seq <= meta
    ``hq_acked_seq``): then its signatures are checked over the stored hash and the chain links as
    usual, but its content cannot be re-derived here (HQ holds the original); its event id is added
    to ``redacted`` when a list is given. Any other redacted payload fails like any other edit.

    HQ passes ``gaps`` (missing runs of events go there, not among the problems: each import already
    reported them), ``device_keys`` (the keys it approved, for laptops whose first events it lacks) and
    ``revoked`` (device id -> officer id -> the seq HQ held when it revoked them). ``flags`` receives what
    is not a problem but worth knowing: legacy authority (events from before officers signed everything).
    """
    # Keys come from the log itself (device.init is each device's first event), never from the
    # projections, which the check must not trust.
    authorities: dict[str, DeviceAuthority] = {}
    expected: dict[str, tuple[int, str]] = {}
    problems: list[str] = []
    count = 0
    purged = {
        (str(r[0]), str(r[1])): int(r[2])
        for r in conn.execute(
            "SELECT device_id, entity_id, max(device_seq) FROM events WHERE op = 'purge' "
            "GROUP BY device_id, entity_id"
        )
    }
    acked_row = conn.execute("SELECT value FROM meta WHERE key = 'hq_acked_seq'").fetchone()
    acked = int(acked_row[0]) if acked_row else 0
    for row in conn.cursor().execute(f"SELECT {EVENT_COLUMNS} FROM events ORDER BY device_id, device_seq"):
        event = Event.from_row(row)
        count += 1
        authority = authorities.get(event.device_id)
        if authority is None:
            authority = authorities[event.device_id] = DeviceAuthority(
                event.device_id, revoked=dict((revoked or {}).get(event.device_id, {}))
            )
        expect = authority.step(event)
        if authority.device_key is None and device_keys and event.device_id in device_keys:
            authority.device_key = device_keys[event.device_id]  # HQ lacks this laptop's first events
            expect = replace(expect, device_key=authority.device_key)
        seq, prev = expected.get(event.device_id, (1, GENESIS_HASH))
        if event.device_seq != seq:
            missing = Said(EVENTS_MISSING, device=event.device_id[:8], first=seq, last=event.device_seq - 1)
            (problems if gaps is None else gaps).append(missing)
        elif event.prev_hash != prev:
            problems.append(Said(NOT_CHAINED, seq=event.device_seq))
        expected[event.device_id] = (event.device_seq + 1, event.hash)
        problems += expect.problems
        if expect.device_key is None:
            problems.append(Said(UNKNOWN_DEVICE, seq=event.device_seq, device=event.device_id))
            continue
        allow_redacted = False
        if is_redacted(event.payload):
            purge_seq = purged.get((event.device_id, event.entity_id), 0)
            if event.device_seq <= acked and purge_seq > event.device_seq:
                allow_redacted = True
                if redacted is not None:
                    redacted.append(event.event_id)
            else:
                problems.append(Said(REDACTED_UNPURGED, where=event.reference))
                continue
        problems += verify(
            event,
            expect.device_key,
            expect.officer_key,
            allow_redacted=allow_redacted,
            officer_required=expect.officer_required,
        )
    if flags is not None:
        for authority in authorities.values():
            if authority.legacy_events:
                flags.append(
                    Said(LEGACY_EVENTS, device=authority.device_id[:8], count=authority.legacy_events)
                )
            flags += authority.flags
    return count, problems


def final_device_keys(conn: Connection) -> dict[str, bytes]:
    """Each laptop's device key as its log ends (after any rotation), from the log alone."""
    authorities: dict[str, DeviceAuthority] = {}
    for row in conn.cursor().execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE entity IN ('device', 'officer') ORDER BY device_id, device_seq"
    ):
        event = Event.from_row(row)
        authorities.setdefault(event.device_id, DeviceAuthority(event.device_id)).step(event)
    return {d: a.device_key for d, a in authorities.items() if a.device_key is not None}
