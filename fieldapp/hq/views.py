"""What HQ's screens read and do, Qt-free: bundles, seq gaps, devices and their officers, operations,
portraits, device decisions, and importing files with receipts written beside them.

Reads go through ``store.conn.execute`` in the portable SQL subset (shared contract 1), so the same code
serves the embedded SQLCipher store and PostgreSQL; JSON ``data`` columns are read in Python.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from fieldapp.atomic import write_atomic
from fieldapp.errors import FieldAppError, message, term
from fieldapp.hq.errors import HqError
from fieldapp.hq.identity import HqIdentity
from fieldapp.hq.importer import ImportResult, import_bundle
from fieldapp.hq.store import Device
from fieldapp.sync.bundle import group_bundles
from fieldapp.sync.keys import fingerprint
from fieldapp.work import Progress, ShouldCancel

DEVICE_STATUS = message("hq.device_status", "A device can be approved or revoked, not '{status}'.")
DEVICE_UNKNOWN = message("hq.device_unknown", "HQ has never seen a device {device_id}.")
DEVICE_STAYS_REVOKED = message(
    "hq.device_stays_revoked", "A revoked device stays revoked; enrol the laptop again with a new vault."
)
DEVICE_STATES = {"approved": term("device states", "approved"), "revoked": term("device states", "revoked")}
DEVICE_ALREADY = message("hq.device_already", "{name} is already {status}.")

if TYPE_CHECKING:
    from fieldapp.hq.review import Review


class ViewStore(Protocol):
    """The part of an HQ store the views need (both backends have it)."""

    conn: Any

    def devices(self) -> list[Device]: ...
    def device(self, device_id: str) -> Device | None: ...
    def file_bytes(self, sha256: str) -> bytes | None: ...
    def transaction(self) -> Any: ...


@dataclass(frozen=True)
class BundleRow:
    bundle_hash: str
    device_id: str
    device_name: str
    seq_from: int
    seq_to: int
    new_events: int
    imported_at: str
    size: int


@dataclass(frozen=True)
class DeviceSeqs:
    """What HQ holds of one laptop's numbered events: the runs it has and the holes between them."""

    device_id: str
    device_name: str
    held: list[tuple[int, int]]
    missing: list[tuple[int, int]]


@dataclass(frozen=True)
class DeviceRow:
    device: Device
    officers: list[tuple[str, str]]  # (name, role) as that laptop's log created them
    bundles: int
    decided_by: str | None = None  # the analyst who approved or revoked it, and why (HQ's decisions log)
    decision_reason: str | None = None


@dataclass(frozen=True)
class ImportOutcome:
    """One bundle (all its volumes) and what became of it, in plain words."""

    name: str
    imported: bool
    message: str
    receipt: Path | None = None
    result: ImportResult | None = None
    error: FieldAppError | None = None  # why it was not imported (the app words it in its own language)


def bundles(store: ViewStore) -> list[BundleRow]:
    rows = store.conn.execute(
        "SELECT b.bundle_hash, b.device_id, d.name, b.seq_from, b.seq_to, b.new_events, b.imported_at, "
        "b.size "
        "FROM hq_bundles b LEFT JOIN hq_devices d ON d.device_id = b.device_id "
        "ORDER BY b.imported_at DESC, b.bundle_hash"
    ).fetchall()
    return [
        BundleRow(
            str(r[0]), str(r[1]), str(r[2] or ""), int(r[3]), int(r[4]), int(r[5]), str(r[6]), int(r[7])
        )
        for r in rows
    ]


def device_seqs(store: ViewStore) -> list[DeviceSeqs]:
    """Held runs and missing ranges of seqs per device, from the ends of runs (no full scan of events)."""
    starts = store.conn.execute(
        "SELECT e.device_id, e.device_seq FROM events e WHERE NOT EXISTS "
        "(SELECT 1 FROM events p WHERE p.device_id = e.device_id AND p.device_seq = e.device_seq - 1)"
    ).fetchall()
    ends = store.conn.execute(
        "SELECT e.device_id, e.device_seq FROM events e WHERE NOT EXISTS "
        "(SELECT 1 FROM events n WHERE n.device_id = e.device_id AND n.device_seq = e.device_seq + 1)"
    ).fetchall()
    runs: dict[str, tuple[list[int], list[int]]] = {}
    for device_id, seq in starts:
        runs.setdefault(str(device_id), ([], []))[0].append(int(seq))
    for device_id, seq in ends:
        runs.setdefault(str(device_id), ([], []))[1].append(int(seq))
    names = {d.device_id: d.name for d in store.devices()}
    result = []
    for device_id in sorted(runs, key=lambda d: (names.get(d, d), d)):
        first, last = sorted(runs[device_id][0]), sorted(runs[device_id][1])
        held = list(zip(first, last, strict=True))
        missing, expected = [], 1
        for start, end in held:
            if start > expected:
                missing.append((expected, start - 1))
            expected = end + 1
        result.append(DeviceSeqs(device_id, names.get(device_id, ""), held, missing))
    return result


def devices(store: ViewStore) -> list[DeviceRow]:
    officers: dict[str, set[tuple[str, str]]] = {}
    for device_id, name, role in store.conn.execute(
        "SELECT e.device_id, o.name, o.role FROM officers o JOIN events e "
        "ON e.entity = 'officer' AND e.entity_id = o.id AND e.op = 'create'"
    ).fetchall():
        officers.setdefault(str(device_id), set()).add((str(name), str(role)))
    counts = {
        str(r[0]): int(r[1])
        for r in store.conn.execute(
            "SELECT device_id, count(*) FROM hq_bundles GROUP BY device_id"
        ).fetchall()
    }
    decided = {
        str(r[0]): (str(r[1]), str(r[2]))
        for r in store.conn.execute(
            "SELECT v.device_id, d.analyst, d.reason FROM hq_devices v JOIN hq_decisions d ON d.id = v.decision_id"
        ).fetchall()
    }
    return [
        DeviceRow(
            d,
            sorted(officers.get(d.device_id, set())),
            counts.get(d.device_id, 0),
            *decided.get(d.device_id, (None, None)),
        )
        for d in store.devices()
    ]


def decide_device(review: Review, device_id: str, status: str, reason: str = "") -> Device:
    """Approve or revoke a laptop (the rule of `fieldapp hq device`), as a signed HQ decision with the
    analyst's name and a reason; returns the laptop as it now is. Approving says the fingerprint was
    compared (the default reason); revoking needs its own reason."""
    if status not in ("approved", "revoked"):
        raise HqError(DEVICE_STATUS, status=status)
    device = review.store.device(device_id)
    if device is None:
        raise HqError(DEVICE_UNKNOWN, device_id=device_id)
    if device.status == "revoked":
        raise HqError(DEVICE_STAYS_REVOKED)
    rotated = review.store.pending_key(device_id) if status == "approved" else None
    if rotated is not None:  # a re-keyed laptop: its new device key, announced in its log by the old one
        new_fingerprint = fingerprint(rotated)
        reason = (
            reason.strip() or f"new key fingerprint {new_fingerprint} compared with the one the laptop shows"
        )
        payload = {"device_id": device_id, "fingerprint": new_fingerprint, "public_key": rotated}
        review.decide("approve_device", payload, reason)
        updated = review.store.device(device_id)
        assert updated is not None
        return updated
    if device.status == status:
        raise HqError(DEVICE_ALREADY, name=device.name, status=DEVICE_STATES[status])
    if status == "approved":
        reason = reason.strip() or f"fingerprint {device.fingerprint} compared with the one the laptop shows"
    kind = "approve_device" if status == "approved" else "revoke_device"
    review.decide(kind, {"device_id": device_id, "fingerprint": device.fingerprint}, reason)
    updated = review.store.device(device_id)
    assert updated is not None
    return updated


def operations(store: ViewStore) -> list[tuple[str, str, str]]:
    """(id, code, name) of every operation any team sent, newest first."""
    rows = store.conn.execute("SELECT id, code, name FROM operations ORDER BY created_at DESC, id").fetchall()
    return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def laptops(store: ViewStore) -> list[tuple[str, str]]:
    """(device id, name) of every laptop HQ knows, by name: the persons filter's teams."""
    return sorted(((d.device_id, d.name) for d in store.devices()), key=lambda d: (d[1].casefold(), d[0]))


def nationalities(store: ViewStore) -> list[str]:
    rows = store.conn.execute(
        "SELECT DISTINCT nationality FROM persons WHERE nationality != '' ORDER BY nationality"
    ).fetchall()
    return [str(r[0]) for r in rows]


def portrait(store: ViewStore, person_id: str) -> bytes | None:
    """The person's newest portrait original (JPEG bytes) if HQ received it."""
    rows = store.conn.execute(
        "SELECT data FROM photos WHERE person_id = ? AND status != 'purged' "
        "ORDER BY created_at DESC, id DESC",
        (person_id,),
    ).fetchall()
    for (raw,) in rows:
        data = json.loads(raw)
        fields = data.get("fields", data) if isinstance(data, dict) else {}
        sha256 = fields.get("sha256")
        if fields.get("kind") == "portrait" and isinstance(sha256, str):
            found = store.file_bytes(sha256)
            if found is not None:
                return found
    return None


def receipt_path(folder: Path, result: ImportResult) -> Path:
    """Where a bundle's receipt goes (the name `fieldapp hq import` uses)."""
    return folder / f"receipt-{result.device_id[-12:]}-{result.acked_seq}-{result.bundle_hash[:12]}.json"


def import_files(
    store: Any,
    identity: HqIdentity,
    paths: Iterable[Path],
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> list[ImportOutcome]:
    """Import bundle files (the volumes of one bundle count once), each in its own transaction, writing each
    receipt beside its bundle. A refused bundle is reported and the next one is tried; ``should_cancel`` stops
    between bundles (what was imported stays imported)."""
    groups = group_bundles(Path(p) for p in paths)
    outcomes: list[ImportOutcome] = []
    for index, volumes in enumerate(groups):
        name = volumes[0].name
        if should_cancel is not None and should_cancel():
            break
        if progress is not None:
            progress(index, len(groups), name)
        try:
            result = import_bundle(store, identity, volumes)
        except FieldAppError as exc:
            outcomes.append(ImportOutcome(name, False, exc.message, error=exc))
            continue
        receipt = receipt_path(volumes[0].parent, result)
        write_atomic(receipt, result.receipt, mode=0o644)
        outcomes.append(ImportOutcome(name, True, "", receipt, result))
    if progress is not None:
        progress(len(groups), len(groups), "")
    return outcomes


def person_origin(store: ViewStore, person_id: str) -> tuple[str, str]:
    """(operation name, laptop name) a person was registered in and on."""
    row = store.conn.execute(
        "SELECT o.name, d.name FROM persons p LEFT JOIN operations o ON o.id = p.operation_id "
        "LEFT JOIN events e ON e.entity_id = p.id AND e.op = 'create' "
        "LEFT JOIN hq_devices d ON d.device_id = e.device_id WHERE p.id = ?",
        (person_id,),
    ).fetchone()
    return ("", "") if row is None else (str(row[0] or ""), str(row[1] or ""))


def open_person(store: Any, identity: HqIdentity, actor: str, person_id: str) -> tuple[str, str]:
    """An analyst opens a person's record at HQ: recorded in the disclosure log (one ``view`` each time
    the record is opened), then the record's origin as :func:`person_origin` gives it."""
    from fieldapp.hq import disclosures

    disclosures.record(store, identity, actor, "view", "person_record", (person_id,))
    return person_origin(store, person_id)
