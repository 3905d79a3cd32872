"""`fieldapp hq import FILE...`: decrypt, verify and take in bundles; issue signed receipts.

One bundle is one transaction: the age stream is decrypted straight into the push parser, file
originals go into the store as they arrive (re-hashed against the signed manifest), and the events
are checked (hash, device and officer signatures, seq and chain) before the transaction commits: a
small bundle before any event is inserted, a big one in worker processes while its events are
inserted and folded (the error raised is the one the first failing event calls for, as if the checks
had come first). Anything wrong rolls the whole bundle back. Re-importing a bundle changes nothing;
an event id that comes back with another hash, a seq reused with other content, or a broken chain is
an alarm and nothing from that bundle is taken. Alarms and pending devices are recorded after the
rollback, on their own.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldapp.errors import Said, message
from fieldapp.hq import conflicts, enrolments, officers
from fieldapp.hq.errors import BundleRefused, DevicePending, ImportAlarm
from fieldapp.hq.identity import HqIdentity, now
from fieldapp.hq.import_plan import (
    Check,
    Plan,
    authority_alarms,
    check_ownership,
    plan_checks,
    refusal,
    verify_run,
)
from fieldapp.hq.store import Device, HqStore
from fieldapp.records.events import Event
from fieldapp.sync import receipt as receipts
from fieldapp.sync.bundle import BundleParser, VolumeReader
from fieldapp.sync.errors import BundleInvalid
from fieldapp.sync.keys import fingerprint
from fieldapp.work import process_context

OTHER_HQ = message("hq.bundle_other_hq", "This bundle was made for another HQ; it was not imported.")
DEVICE_REVOKED = message("hq.device_revoked", "Laptop '{name}' has been revoked; its bundles are refused.")
EVENT_NOT_IN_MANIFEST = message(
    "hq.event_not_in_manifest", "Event {number} of the bundle does not match its signed manifest."
)
EVENT_NOT_CHAINED = message("hq.event_not_chained", "Event {seq} does not chain to the one before it.")
FILE_HASH_DIFFERS = message(
    "hq.file_hash_differs", "A {kind} in the bundle does not match its hash in the manifest."
)
NOT_FOR_THIS_HQ = message(
    "hq.bundle_not_for_this_hq", "This bundle is not encrypted to this HQ's key (it was made for another HQ)."
)
ENCRYPTION_FAILS = message(
    "hq.bundle_encryption_fails",
    "The bundle is damaged or was tampered with (its encryption does not check out).",
)
BUNDLE_CUT_SHORT = message(
    "hq.bundle_cut_short", "The bundle is damaged, cut short or was tampered with; nothing was imported."
)
EVENT_CONTENT_DIFFERS = message(
    "hq.event_content_differs",
    "Event {event_id} (seq {seq}) arrived before with different content. Nothing from this bundle was imported; an alarm was recorded.",
)
SEQ_REUSED = message(
    "hq.seq_reused",
    "Seq {seq} of this laptop was already received as another event (a cloned or restored vault?). Nothing from this bundle was imported; an alarm was recorded.",
)
CHAIN_BROKEN = message(
    "hq.chain_broken", "This bundle's events do not chain to those HQ already holds. Nothing was imported."
)
BUNDLE_IS_FOLDER = message(
    "hq.bundle_is_folder", "{path} is a folder, not a bundle: name the bundle files in it."
)
BUNDLE_MISSING = message("hq.bundle_missing", "{path} does not exist.")
BUNDLE_EMPTY = message(
    "hq.bundle_empty", "{path} is empty (0 bytes): not a bundle. Was the copy to the stick cut short?"
)
ENROLMENT_REUSED = message(
    "hq.enrolment_reused",
    "This bundle's enrolment file was already used by another laptop; it was refused and an alarm recorded.",
)
UNANNOUNCED_KEY = message(
    "hq.unannounced_key",
    "This bundle claims to come from laptop '{name}' but is signed with another key, which its log does not announce. It was refused and an alarm recorded.",
)

# The command line's words; the HQ app says where its Devices tab approves the laptop (DevicePending's fields).
SEQ_GAP = message(
    "hq.alarm_seq_gap",
    "events {first}..{last} of laptop '{name}' have not reached HQ (a lost bundle?); ask the laptop to export again",
)
PENDING_WAITING = message(
    "hq.device_waiting",
    "Laptop '{name}' is still waiting for approval (fingerprint {fingerprint}); run `fieldapp hq device approve "
    "{device_id}`, then import this bundle again.",
)
PENDING_NEW = message(
    "hq.device_new",
    "Laptop '{name}' is not approved yet. Its fingerprint is {fingerprint}: check it with the laptop's officer, "
    "run `fieldapp hq device approve {device_id}`, then import this bundle again.",
)
PENDING_REKEYED = message(
    "hq.device_rekeyed",
    "Laptop '{name}' was re-keyed: its new device key has fingerprint {fingerprint} (the change is signed by its "
    "old key). Check it with the laptop's admin, run `fieldapp hq device approve {device_id}`, then import this "
    "bundle again.",
)


@dataclass
class ImportResult:
    bundle_hash: str
    device_id: str
    device_name: str
    seq_from: int
    seq_to: int
    new_events: int
    duplicate_events: int
    files: int
    acked_seq: int
    gaps: list[str] = field(default_factory=list)
    conflicts: int = 0
    receipt: bytes = b""
    app_version: str | None = None  # the laptop's fieldapp release (manifests before 0.1.0 do not say)
    alarms: list[str] = field(default_factory=list)  # imported, but to look at: a revoked officer's work
    legacy_events: int = 0  # events from before the laptop's officers signed every event


class _Collector:
    """Receives the parser's records; checks each one against the manifest as it arrives."""

    def __init__(self, store: HqStore, identity: HqIdentity) -> None:
        self.store, self.identity = store, identity
        self.manifest: dict[str, Any] = {}
        self.events: list[Event] = []
        self.pending: Device | None = None  # a laptop HQ has not seen: registered once the bundle verified
        self.rotated: Device | None = None  # a known laptop whose manifest carries another device key

    def on_manifest(self, manifest: dict[str, Any]) -> None:
        self.manifest = manifest
        if manifest["hq_id"] != self.identity.hq_id:
            raise BundleRefused(OTHER_HQ)
        device = self.store.device(manifest["device_id"])
        key = manifest["device_public_key"]
        if device is None:
            # Registered as pending only once the whole bundle has verified (``import_bundle``).
            self.pending = Device(
                manifest["device_id"],
                key,
                fingerprint(key),
                manifest["device_name"],
                manifest.get("enrolment_id"),
                "pending",
                now(),
                None,
            )
            return
        if device.status == "revoked":
            raise BundleRefused(DEVICE_REVOKED, name=device.name)
        if device.public_key != key:
            # A re-keyed laptop's new device key, announced in its log by the old one (checked with the
            # bundle's events); anything else is a forgery.
            self.rotated = device
            return
        if device.status != "approved":
            raise DevicePending(
                PENDING_WAITING, name=device.name, fingerprint=device.fingerprint, device_id=device.device_id
            )

    def on_file_unapproved(self) -> bool:
        """Files of a laptop HQ has not approved are hash-checked but not stored."""
        return self.pending is not None or self.rotated is not None

    def on_event(self, event: Event) -> None:
        index = len(self.events)
        manifest = self.manifest
        if (
            event.hash != manifest["events"][index]
            or event.device_id != manifest["device_id"]
            or event.device_seq != manifest["seq_from"] + index
        ):
            raise BundleInvalid(EVENT_NOT_IN_MANIFEST, number=index + 1)
        if index and event.prev_hash != self.events[-1].hash:
            raise BundleInvalid(EVENT_NOT_CHAINED, seq=event.device_seq)
        self.events.append(event)

    def on_file(self, index: int, data: bytes) -> None:
        item = self.manifest["files"][index]
        if hashlib.sha256(data).hexdigest() != item["sha256"]:
            raise BundleInvalid(FILE_HASH_DIFFERS, kind=item["kind"])
        if self.on_file_unapproved():
            return
        self.store.put_file(item["kind"], item["id"], item["sha256"], self.manifest["device_id"], data)


def _decrypt(reader: VolumeReader, parser: BundleParser, identity: HqIdentity) -> None:
    try:
        pyrage.decrypt_io(reader, parser, [identity.age_identity])
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise BundleRefused(NOT_FOR_THIS_HQ) from exc
        raise BundleInvalid(ENCRYPTION_FAILS) from exc
    except OSError as exc:  # pyrage reports a failed chunk (flipped byte, cut short) as an I/O error
        raise BundleInvalid(BUNDLE_CUT_SHORT) from exc


# From this many events on, a bundle's signatures are checked in worker processes; below it, starting
# them costs more than they save. (libsodium through cffi releases the GIL, but the Python around each
# check does not: threads made a 100,000-event import 10% slower than processes here.)
PARALLEL_MIN_EVENTS = 2000
_CHUNK = 1000
_MAX_WORKERS = 16
_pool: ProcessPoolExecutor | None = None


def _workers() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        # Checking signatures is most of a big import's CPU (about 0.05 ms per Ed25519 check): one
        # worker per core. The importing thread shares them; fewer workers than cores was slower here.
        workers = max(1, min(_MAX_WORKERS, os.cpu_count() or 1))
        _pool = ProcessPoolExecutor(workers, mp_context=process_context())
    return _pool


def _drop_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


class _Verifier:
    """Checks the signatures of every event of a bundle. A big bundle is checked in worker processes
    while the importing thread takes its events in, inside the transaction, which is committed only
    after ``error()`` has said every check passed."""

    def __init__(self, device_key: str, plan: list[Check], refused: BundleRefused | None) -> None:
        self.device_key, self.plan, self.refused = device_key, plan, refused
        self.futures: list[Future[tuple[int, list[str]] | None]] = []
        self.checked = False
        self.result: BundleRefused | BundleInvalid | None = refused
        # A frozen build starts its workers through fieldapp/__main__.py's freeze_support()
        # (packaging/smoke.sh checks that they answer: `fieldapp --smoke-workers`).
        if len(plan) >= PARALLEL_MIN_EVENTS:
            try:
                pool = _workers()
                for start in range(0, len(plan), _CHUNK):
                    self.futures.append(pool.submit(verify_run, device_key, plan[start : start + _CHUNK]))
            except (OSError, RuntimeError):  # no worker processes here: check on this thread
                for future in self.futures:
                    future.cancel()
                self.futures = []
                _drop_pool()

    def error(self) -> BundleRefused | BundleInvalid | None:
        """Waits for the checks: the error the first failing event (in seq order) calls for, if any."""
        if self.checked:
            return self.result
        futures, self.futures = self.futures, []
        first = None if futures else verify_run(self.device_key, self.plan)
        for number, future in enumerate(futures):
            offset = number * _CHUNK
            try:
                found = future.result()
            except BrokenProcessPool:  # a worker died (killed, out of memory): check the rest here
                for rest in futures:
                    rest.cancel()
                _drop_pool()
                found = verify_run(self.device_key, self.plan[offset:])
                futures = []
            if found is not None:
                first = (found[0] + offset, found[1])
            if found is not None or not futures:
                break
        for future in futures:
            future.cancel()
        self.checked = True
        self.result = self.refused
        if first is not None:
            self.result = refusal(self.plan[first[0]], first[1])
        return self.result


def _check_signatures(
    store: HqStore, device_key: str, events: list[Event], roster: dict[str, str], approved_key: str | None
) -> tuple[_Verifier, Plan]:
    """Checks the events' hashes, who made them, and their signatures: a small bundle's here and now, a
    big one's in worker processes while the caller goes on (it must ask ``error()`` before committing)."""
    plan = plan_checks(store, events, roster, approved_key)
    verifier = _Verifier(device_key, plan.checks, plan.refused)
    if plan.refused is not None or not verifier.futures:  # nothing to overlap with: the checks come first
        error = verifier.error()
        if error is not None:
            raise error
    return verifier, plan


def _take_events(store: HqStore, events: list[Event]) -> tuple[list[Event], int]:
    """Which events are new; raises ImportAlarm on any contradiction with what HQ holds."""
    new, duplicates = [], 0
    # Looked up for the whole bundle at once: one query per event costs a round trip each on PostgreSQL.
    by_id = store.events_by_ids([e.event_id for e in events])
    by_seq = store.events_between(events[0].device_id, events[0].device_seq, events[-1].device_seq)
    for event in events:
        known = by_id.get(event.event_id)
        if known is not None:
            if known.hash != event.hash:
                raise ImportAlarm(EVENT_CONTENT_DIFFERS, event_id=event.event_id, seq=event.device_seq)
            duplicates += 1
            continue
        if event.device_seq in by_seq:
            raise ImportAlarm(SEQ_REUSED, seq=event.device_seq)
        new.append(event)
    first, last = events[0], events[-1]
    before = store.event_at(first.device_id, first.device_seq - 1)
    after = store.event_at(last.device_id, last.device_seq + 1)
    if (before is not None and before.hash != first.prev_hash) or (
        after is not None and after.prev_hash != last.hash
    ):
        raise ImportAlarm(CHAIN_BROKEN)
    return new, duplicates


def _take_in(
    store: HqStore, manifest: dict[str, Any], bundle_hash: str, events: list[Event], payloads: dict[str, str]
) -> tuple[list[Event], int, list[str], int]:
    """Store the bundle's new events and fold them; new events, duplicates, gaps, conflicts flagged."""
    device_id = manifest["device_id"]
    new, duplicates = _take_events(store, events)
    gaps: list[str] = []
    held = store.contiguous_seq(device_id)
    if manifest["seq_from"] > held + 1:
        gap = Said(SEQ_GAP, first=held + 1, last=manifest["seq_from"] - 1, name=manifest["device_name"])
        gaps.append(gap)
        store.add_alarm("gap", device_id, bundle_hash, gap)
    check_ownership(store, device_id, new)
    store.insert_events([e.to_row(payloads[e.event_id]) for e in new])
    store.project(device_id, new)
    return new, duplicates, gaps, conflicts.detect(store, new)


def _check_files(volumes: list[Path]) -> None:
    """Say what a path is when it cannot be a bundle (not "damaged or tampered with")."""
    for path in volumes:
        if path.is_dir():
            raise BundleInvalid(BUNDLE_IS_FOLDER, path=path)
        if not path.exists():
            raise BundleInvalid(BUNDLE_MISSING, path=path)
        if path.stat().st_size == 0:
            raise BundleInvalid(BUNDLE_EMPTY, path=path)


def import_bundle(store: HqStore, identity: HqIdentity, volumes: list[Path]) -> ImportResult:
    identity.require("import")  # a liaison reads; bundles come in through an analyst or an admin
    _check_files(volumes)
    reader = VolumeReader(volumes)
    collector = _Collector(store, identity)
    parser = BundleParser(collector.on_manifest, collector.on_event, collector.on_file)
    registered: Device | None = None
    try:
        with store.transaction():
            try:
                _decrypt(reader, parser, identity)
            finally:
                reader.close()
            manifest = parser.finish()
            if collector.pending is not None or collector.rotated is not None:
                registered = collector.pending
                if registered is None and collector.rotated is not None:
                    registered = replace(collector.rotated, public_key=manifest["device_public_key"])
                _unapproved(store, collector, manifest)  # raises DevicePending (or why it cannot be)
            result = _commit(store, identity, reader, manifest, collector.events)
    except DevicePending:
        if registered is not None:  # the whole bundle verified: now the laptop waits for approval
            with store.transaction():
                if collector.pending is not None:
                    store.add_device(registered)
                    enrolments.admits(
                        store, registered.enrolment_id, registered.device_id, registered.public_key
                    )
                else:
                    store.set_pending_key(registered.device_id, registered.public_key)
        raise
    except ImportAlarm as exc:
        with store.transaction():
            store.add_alarm("import", collector.manifest.get("device_id"), None, exc)
        raise
    return result


def _unapproved(store: HqStore, collector: _Collector, manifest: dict[str, Any]) -> None:
    """A bundle from a laptop HQ has not approved (or under a device key it has not approved): its events
    are checked as far as HQ can (hashes, chain, signatures, authority) before it is registered."""
    key = manifest["device_public_key"]
    events = collector.events
    if collector.pending is not None:
        verifier, _ = _check_signatures(store, key, events, manifest["officers"], key)
        if (error := verifier.error()) is not None:
            raise error
        used = enrolments.find(store, manifest.get("enrolment_id"))
        if (
            used is not None
            and used.device_id is not None
            and (used.device_id, used.public_key)
            != (
                manifest["device_id"],
                key,
            )
        ):
            raise ImportAlarm(ENROLMENT_REUSED)
        raise DevicePending(
            PENDING_NEW,
            name=manifest["device_name"],
            fingerprint=fingerprint(key),
            device_id=manifest["device_id"],
        )
    device = collector.rotated
    assert device is not None
    plan = plan_checks(store, events, manifest["officers"], device.public_key)
    if plan.rotated_to != key:
        raise ImportAlarm(UNANNOUNCED_KEY, name=device.name)
    error = _Verifier(key, plan.checks, plan.refused).error()
    if error is not None:
        raise error
    raise DevicePending(
        PENDING_REKEYED, name=device.name, fingerprint=fingerprint(key), device_id=device.device_id
    )


def _commit(
    store: HqStore, identity: HqIdentity, reader: VolumeReader, manifest: dict[str, Any], events: list[Event]
) -> ImportResult:
    bundle_hash = reader.drain()
    device_id = manifest["device_id"]
    Ed25519PublicKey.from_public_bytes(bytes.fromhex(manifest["device_public_key"]))  # well-formed
    verifier, plan = _check_signatures(
        store, manifest["device_public_key"], events, manifest["officers"], manifest["device_public_key"]
    )
    try:
        new, duplicates, gaps, flagged = _take_in(store, manifest, bundle_hash, events, plan.payloads)
    except Exception:
        error = verifier.error()  # a failed check is the reason, as when checks ran first
        if error is not None:
            raise error from None
        raise
    error = verifier.error()
    if error is not None:  # the caller's transaction rolls back all that _take_in wrote
        raise error
    alarms = officers.flag_revoked(store, device_id, bundle_hash, new)
    alarms += authority_alarms(store, device_id, bundle_hash, plan, {e.event_id for e in new})
    acked = store.contiguous_seq(device_id)
    store.add_bundle(
        {
            "bundle_hash": bundle_hash,
            "bundle_id": manifest["bundle_id"],
            "device_id": device_id,
            "seq_from": manifest["seq_from"],
            "seq_to": manifest["seq_to"],
            "prev_bundle_hash": manifest["prev_bundle_hash"],
            "created_at": manifest["created_at"],
            "imported_at": now(),
            "new_events": len(new),
            "size": reader.size,
        }
    )
    acked_event = store.event_at(device_id, acked) if acked else None
    raw = receipts.encode(
        receipts.Receipt(
            identity.hq_id,
            device_id,
            acked,
            bundle_hash,
            now(),
            officers.revoked_ids(store, device_id),
            acked_event.hash if acked_event else "",
        ),
        identity.sign_receipt,
        identity.receipt_signer(),
    )
    store.add_receipt(device_id, bundle_hash, acked, raw)
    return ImportResult(
        bundle_hash,
        device_id,
        manifest["device_name"],
        manifest["seq_from"],
        manifest["seq_to"],
        len(new),
        duplicates,
        len(manifest["files"]),
        acked,
        gaps,
        flagged,
        raw,
        manifest.get("app_version"),
        alarms,
        plan.legacy_events,
    )
