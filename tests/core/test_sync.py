"""Sync: laptop → bundle → HQ import → receipt → laptop, and every bad input the issue lists."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from fieldapp.hq.errors import BundleRefused, DevicePending, ImportAlarm
from fieldapp.hq.identity import HqIdentity, enrolment_file, init_hq
from fieldapp.hq.importer import ImportResult, import_bundle
from fieldapp.hq.review import Review
from fieldapp.hq.store import Device, HqStore, create_store
from fieldapp.hq.views import decide_device
from fieldapp.photos.service import Photos
from fieldapp.records.service import Records
from fieldapp.sync import bundle
from fieldapp.sync.errors import (
    BundleInvalid,
    NotEnrolled,
    ReceiptInvalid,
    SyncError,
)
from fieldapp.sync.export import ExportResult, export_bundle
from fieldapp.sync.receipt import Receipt, apply_receipt, encode, message
from fieldapp.vault.enrolment import enrol
from fieldapp.vault.session import Session, create_vault
from tests.core.test_photos import jpeg
from tests.support import PASSPHRASE

HQ_PASSPHRASE = "headquarters passphrase"
HQ_ACCOUNT = "Test analyst"  # HQ's first account (an admin): the analyst of the tests' decisions


# --- helpers (test_hq.py and tests/bench/sync.py use them too) ---------------------------------


class Hq:
    """An HQ: keys in ``folder``, the store in SQLCipher (database None) or PostgreSQL (a database URL)."""

    def __init__(
        self,
        folder: Path,
        name: str = "HQ Phnom Penh",
        database: str | None = None,
        account: str = HQ_ACCOUNT,
    ) -> None:
        self.identity: HqIdentity = init_hq(folder, name, HQ_PASSPHRASE, account=account)
        self.database = database
        self.store: HqStore = create_store(self.identity, database)
        self._enrolments = 0

    def enrol(self, session: Session) -> None:
        self._enrolments += 1
        _, raw = enrolment_file(self.identity, session.device_name, issue_no=self._enrolments)
        path = self.identity.folder / f"enrol-{self._enrolments}.json"
        path.write_bytes(raw)
        enrol(session, path, fingerprint=self.identity.fingerprint)  # the admin compared it

    def approve(self, session: Session) -> None:
        """Approve the laptop (registering it first if HQ has not seen a bundle from it yet)."""
        from fieldapp.sync.keys import device_public_hex, fingerprint

        key = device_public_hex(session)
        with self.store.transaction():
            self.store.add_device(
                Device(
                    session.device_id, key, fingerprint(key), session.device_name, None, "pending", "t", None
                )
            )
        self.decide(session.device_id, "approved")

    def review(self) -> Review:
        return Review(self.store, self.identity)

    def decide(self, device_id: str, status: str, reason: str = "decided in a test") -> Device:
        return decide_device(self.review(), device_id, status, reason)

    def imports(self, result: ExportResult | list[Path]) -> ImportResult:
        paths = result.paths if isinstance(result, ExportResult) else result
        return import_bundle(self.store, self.identity, paths)

    def count(self, table: str = "events") -> int:
        return int(self.store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def laptop(folder: Path, name: str) -> Session:
    return create_vault(folder / name, "Sok Dara", PASSPHRASE, device_name=name)


def add_persons(session: Session, count: int, *, photos: int = 0, operation: str | None = None) -> list[str]:
    records = Records(session)
    if operation is None:
        operation = records.create_operation(name=f"Raid {session.device_name}").id
    ids = []
    for n in range(count):
        person = records.register_person(operation, name=f"PERSON {n}", nationality="KHM", age=20 + n)
        for k in range(photos):
            Photos(records).attach(person.id, jpeg(1600 + 16 * n + k, 1200), kind="portrait", consent=True)
        ids.append(person.id)
    return ids


def receipt_file(folder: Path, result: ImportResult) -> Path:
    path = folder / f"receipt-{result.bundle_hash[:8]}.json"
    path.write_bytes(result.receipt)
    return path


def stick_of(folder: Path, name: str = "stick") -> Path:
    path = folder / name
    path.mkdir(exist_ok=True)
    return path


def _exported(session: Session, folder: Path, **options: Any) -> ExportResult:
    result = export_bundle(session, folder, **options)
    assert result is not None
    return result


# --- the round trip --------------------------------------------------------------------------


def test_round_trip_and_incremental(enrolled: Session, hq: Hq, tmp_path: Path) -> None:
    session = enrolled
    add_persons(session, 3, photos=1)
    stick = stick_of(tmp_path)
    first = _exported(session, stick)
    assert [p.name for p in stick.iterdir()] == [first.paths[0].name]
    assert first.paths[0].name.startswith("fieldapp-") and first.paths[0].name.endswith(".bundle")
    assert session.meta("sync_last_bundle_hash") == first.bundle_hash
    assert first.files == 3 and first.seq_from == 1

    with pytest.raises(DevicePending, match="not approved yet"):
        hq.imports(first)
    assert hq.count() == 0 and hq.store.devices()[0].status == "pending"
    assert hq.store.devices()[0].name == session.device_name
    hq.approve(session)
    result = hq.imports(first)
    assert result.new_events == first.events and result.acked_seq == first.seq_to
    assert hq.count("hq_blobs") == 3

    # HQ folds the same events into the same projections as the laptop.
    laptop_rows = session.conn.execute("SELECT id, data, status FROM persons ORDER BY id").fetchall()
    hq_rows = hq.store.conn.execute("SELECT id, data, status FROM persons ORDER BY id").fetchall()
    assert laptop_rows == hq_rows
    sha = json.loads(session.conn.execute("SELECT data FROM photos LIMIT 1").fetchone()[0])["sha256"]
    photo_id = session.conn.execute("SELECT id FROM photos LIMIT 1").fetchone()[0]
    assert hq.store.file_bytes(sha) == Photos(Records(session)).original(photo_id)

    # Before the receipt, the next export re-sends everything never acknowledged.
    again = _exported(session, stick_of(tmp_path, "stick2"))
    assert again.seq_from == 1 and again.seq_to == first.seq_to
    assert apply_receipt(session, receipt_file(tmp_path, result)) == (0, first.seq_to)
    assert export_bundle(session, stick_of(tmp_path, "stick3")) is None

    add_persons(session, 2)
    second = _exported(session, stick_of(tmp_path, "stick4"))
    assert second.seq_from == first.seq_to + 1 and second.files == 0
    result2 = hq.imports(second)
    assert result2.acked_seq == second.seq_to and not result2.gaps
    stored = hq.store.conn.execute(
        "SELECT prev_bundle_hash FROM hq_bundles WHERE bundle_hash = ?", (second.bundle_hash,)
    )
    assert stored.fetchone()[0] == again.bundle_hash
    apply_receipt(session, receipt_file(tmp_path, result2))
    assert session.meta("hq_acked_seq") == str(second.seq_to)
    # The superseded bundle still imports as a no-op; its receipt never moves the laptop back.
    old = hq.imports(again)
    assert old.new_events == 0 and old.duplicate_events == again.events
    assert apply_receipt(session, receipt_file(tmp_path, old)) == (second.seq_to, second.seq_to)


def test_replay_is_idempotent(enrolled: Session, hq: Hq, tmp_path: Path) -> None:
    add_persons(enrolled, 2, photos=1)
    result = _exported(enrolled, stick_of(tmp_path))
    hq.approve(enrolled)
    hq.imports(result)
    digest, events = hq.store.projection_digest(), hq.count()
    for _ in range(3):
        replay = hq.imports(result)
        assert replay.new_events == 0 and replay.duplicate_events == result.events
    assert hq.store.projection_digest() == digest and hq.count() == events


def test_not_enrolled(session: Session, tmp_path: Path) -> None:
    with pytest.raises(NotEnrolled, match="not enrolled"):
        export_bundle(session, stick_of(tmp_path))


# --- bad bundles ------------------------------------------------------------------------------


def _approved_bundle(session: Session, hq: Hq, tmp_path: Path) -> ExportResult:
    add_persons(session, 2, photos=1)  # > 64 KiB: several age chunks
    result = _exported(session, stick_of(tmp_path))
    with pytest.raises(DevicePending):
        hq.imports(result)
    hq.approve(session)
    return result


def test_truncated_and_flipped_bundles_import_nothing(enrolled: Session, hq: Hq, tmp_path: Path) -> None:
    result = _approved_bundle(enrolled, hq, tmp_path)
    original = result.paths[0].read_bytes()
    assert len(original) > 2 * 64 * 1024
    rng = random.Random(7)
    cuts = sorted({0, 1, len(original) - 1, *(rng.randrange(len(original)) for _ in range(47))})
    flips = sorted({0, len(original) - 1, *(rng.randrange(len(original)) for _ in range(48))})
    bad = tmp_path / "bad" / "fieldapp-bad.bundle"
    bad.parent.mkdir()
    cases = [original[:cut] for cut in cuts]
    for position in flips:
        damaged = bytearray(original)
        damaged[position] ^= 1 << rng.randrange(8)
        cases.append(bytes(damaged))
    for data in cases:
        bad.write_bytes(data)
        with pytest.raises(SyncError) as caught:
            hq.imports([bad])
        assert isinstance(caught.value, BundleInvalid | BundleRefused), caught.value
        assert caught.value.message
    assert hq.count() == 0 and hq.count("hq_blobs") == 0 and hq.count("persons") == 0
    assert hq.imports(result).new_events == result.events  # the sound bundle still imports


def test_bundle_for_another_hq(session: Session, tmp_path: Path, hq: Hq) -> None:
    other = Hq(tmp_path / "other-hq", "Another HQ")
    other.enrol(session)
    add_persons(session, 1)
    result = _exported(session, stick_of(tmp_path))
    with pytest.raises(BundleRefused, match="another HQ"):
        hq.imports(result)
    assert hq.count() == 0 and hq.store.devices() == []
    other.store.close()


def test_revoked_device_refused(enrolled: Session, hq: Hq, tmp_path: Path) -> None:
    result = _approved_bundle(enrolled, hq, tmp_path)
    hq.decide(enrolled.device_id, "revoked")
    with pytest.raises(BundleRefused, match="revoked"):
        hq.imports(result)
    assert hq.count() == 0


def test_device_claiming_another_key_is_an_alarm(enrolled: Session, hq: Hq, tmp_path: Path) -> None:
    result = _approved_bundle(enrolled, hq, tmp_path)
    hq.store.conn.execute("UPDATE hq_devices SET public_key = ?", ("ab" * 32,))
    with pytest.raises(ImportAlarm, match="another key"):
        hq.imports(result)
    assert hq.count() == 0 and hq.store.alarms()[0]["kind"] == "import"


def test_seq_gap_is_reported_not_fatal(enrolled: Session, hq: Hq, tmp_path: Path) -> None:
    add_persons(enrolled, 1)
    first = _exported(enrolled, stick_of(tmp_path, "a"))
    # Pretend HQ acknowledged the first bundle, which is then lost: the next starts after it.
    enrolled.set_meta("hq_acked_seq", str(first.seq_to))
    Records(enrolled).update_person(
        enrolled.conn.execute("SELECT id FROM persons").fetchone()[0], name="RENAMED"
    )
    second = _exported(enrolled, stick_of(tmp_path, "b"))
    with pytest.raises(DevicePending):
        hq.imports(second)
    hq.approve(enrolled)
    result = hq.imports(second)
    assert result.new_events == second.events and result.acked_seq == 0
    assert result.gaps and f"events 1..{first.seq_to}" in result.gaps[0]
    assert hq.store.alarms()[-1]["kind"] == "gap"
    assert hq.count("persons") == 0  # beyond the gap: stored, folded once the gap is filled
    filled = hq.imports(first)
    assert filled.acked_seq == second.seq_to and not filled.gaps
    assert hq.store.conn.execute("SELECT name FROM persons").fetchone()[0] == "RENAMED"


def test_same_event_id_with_other_hash_is_an_alarm(enrolled: Session, hq: Hq, tmp_path: Path) -> None:
    add_persons(enrolled, 1)
    result = _exported(enrolled, stick_of(tmp_path))
    with pytest.raises(DevicePending):
        hq.imports(result)
    hq.approve(enrolled)
    hq.imports(result)
    # A second vault that carries the same device key and id (a clone) makes different events.
    events_before, digest = hq.count(), hq.store.projection_digest()
    row = hq.store.conn.execute("SELECT event_id, device_seq FROM events ORDER BY device_seq DESC").fetchone()
    forged = _reissue_with_changed_event(enrolled, hq, tmp_path, row[0])
    with pytest.raises(ImportAlarm, match="different content"):
        hq.imports(forged)
    assert hq.count() == events_before and hq.store.projection_digest() == digest
    assert any("different content" in a["detail"] for a in hq.store.alarms())


def _reissue_with_changed_event(
    session: Session, hq: Hq, tmp_path: Path, event_id: str, change: dict[str, Any] | None = None
) -> list[Path]:
    """A correctly signed bundle (device key) whose event ``event_id`` has other content."""
    import pyrage

    from fieldapp.records.events import EVENT_COLUMNS, Event, sign
    from fieldapp.sync.keys import device_public_hex, device_signer

    key, officer_key = session.log._device_key, session.log._officer_key  # a clone holds both
    rows = session.conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE device_id = ? ORDER BY device_seq", (session.device_id,)
    ).fetchall()
    events = [Event.from_row(r) for r in rows]
    changed = []
    for event in events:
        if event.event_id == event_id:
            payload = {**event.payload, "fields": {**event.payload.get("fields", {}), "name": "FORGED"}}
            fields = change or {"payload": payload}
            event = sign(Event(**{**event.__dict__, **fields}), key, officer_key, every_op=True)
        changed.append(event)
    manifest = bundle.sign_manifest(
        {
            "format": bundle.MANIFEST_FORMAT,
            "version": 1,
            "bundle_id": "f" * 32,
            "hq_id": hq.identity.hq_id,
            "device_id": session.device_id,
            "device_public_key": device_public_hex(session),
            "device_name": session.device_name,
            "enrolment_id": None,
            "seq_from": 1,
            "seq_to": len(changed),
            "prev_bundle_hash": None,
            "events": [e.hash for e in changed],
            "files": [],
            "created_at": "now",
            "officers": {},
        },
        device_signer(session),
    )
    plain = bundle.MAGIC + bundle.record(b"M", manifest)
    plain += b"".join(bundle.record(b"E", bundle.encode_event(e)) for e in changed)
    plain += bundle.record(b"Z", json.dumps({"events": len(changed), "files": 0}).encode())
    path = tmp_path / "forged.bundle"
    path.write_bytes(pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(hq.identity.recipient)]))
    return [path]


def test_unknown_officer_refused(enrolled: Session, hq: Hq, tmp_path: Path) -> None:
    (person,) = add_persons(enrolled, 1)
    hq.approve(enrolled)
    event_id = enrolled.conn.execute("SELECT event_id FROM events WHERE entity_id = ?", (person,)).fetchone()[
        0
    ]
    forged = _reissue_with_changed_event(enrolled, hq, tmp_path, event_id, {"officer_id": "not-an-officer"})
    with pytest.raises(BundleRefused, match="officer this laptop never registered"):
        hq.imports(forged)
    assert hq.count() == 0


def test_manifest_signed_by_another_key_is_refused(enrolled: Session, hq: Hq, tmp_path: Path) -> None:
    import pyrage
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    result = _approved_bundle(enrolled, hq, tmp_path)
    hq.imports(result)
    intruder = Ed25519PrivateKey.generate()
    body = {
        "format": bundle.MANIFEST_FORMAT,
        "version": 1,
        "bundle_id": "x",
        "hq_id": hq.identity.hq_id,
        "device_id": enrolled.device_id,
        "device_public_key": enrolled.conn.execute("SELECT public_key FROM devices").fetchone()[0],
        "device_name": "x",
        "enrolment_id": None,
        "seq_from": 1,
        "seq_to": 1,
        "prev_bundle_hash": None,
        "events": ["0" * 64],
        "files": [],
        "created_at": "now",
        "officers": {},
    }
    manifest = bundle.sign_manifest(body, lambda d: intruder.sign(b"fieldapp-bundle-manifest-v1\0" + d))
    path = tmp_path / "intruder.bundle"
    plain = bundle.MAGIC + bundle.record(b"M", manifest)
    path.write_bytes(pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(hq.identity.recipient)]))
    with pytest.raises(BundleInvalid, match="signature is not valid"):
        hq.imports([path])


# --- receipts ---------------------------------------------------------------------------------


def _signed_body(hq: Hq, body: dict[str, Any]) -> bytes:
    return json.dumps({"receipt": body, "signature": hq.identity.sign(message(body)).hex()}).encode()


def test_forged_and_misdirected_receipts_refused(enrolled: Session, hq: Hq, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    add_persons(enrolled, 1)
    result = _exported(enrolled, stick_of(tmp_path))
    with pytest.raises(DevicePending):
        hq.imports(result)
    hq.approve(enrolled)
    good = hq.imports(result)
    body = Receipt(
        hq.identity.hq_id, enrolled.device_id, good.acked_seq, good.bundle_hash, "2026-01-01T00:00:00Z"
    )
    forger = Ed25519PrivateKey.generate()
    cases = {
        "forged": encode(body, forger.sign),
        "other-device": encode(Receipt(**{**body.__dict__, "device_id": "someone-else"}), hq.identity.sign),
        "too-far": encode(Receipt(**{**body.__dict__, "acked_seq": 10_000}), hq.identity.sign),
        "other-hq": encode(Receipt(**{**body.__dict__, "hq_id": "other"}), hq.identity.sign),
        "altered": good.receipt.replace(f'"acked_seq": {good.acked_seq}'.encode(), b'"acked_seq": 1'),
        "junk": b"not json",
        # Version 2 names revoked officers: a revocation slipped into HQ's receipt breaks its signature,
        # and a signed version 2 with an empty or malformed list is not one HQ writes.
        "revocation-added": good.receipt.replace(b'"version": 1', b'"version": 2').replace(
            b'"issued_at"', b'"revoked_officers": ["someone"], "issued_at"'
        ),
        "empty-v2": _signed_body(hq, {**body.body(), "version": 2, "revoked_officers": []}),
        "bad-v2": _signed_body(hq, {**body.body(), "version": 2, "revoked_officers": [7]}),
    }
    for name, raw in cases.items():
        path = tmp_path / f"{name}.json"
        path.write_bytes(raw)
        with pytest.raises(ReceiptInvalid):
            apply_receipt(enrolled, path)
        assert enrolled.meta("hq_acked_seq") is None, name
    assert apply_receipt(enrolled, receipt_file(tmp_path, good))[1] == good.acked_seq


# --- verify at HQ ------------------------------------------------------------------------------


@pytest.mark.usefixtures("qapp")  # renders a PDF (Qt) in the same process as later widget tests
def test_hq_verifies_a_paper_form_issued_in_the_field(
    enrolled: Session, hq: Hq, tmp_path: Path, hq_backend: str | None
) -> None:
    """The PDF signed on paper travels in the bundle, and `fieldapp verify --hq-dir` checks it at HQ."""
    import contextlib
    import io

    from fieldapp.cli.main import main
    from fieldapp.records.handovers import Handovers
    from fieldapp.reports.issued import IssuedDocuments
    from tests.core.test_handovers import COMPLETE

    records = Records(enrolled)
    person_id = add_persons(enrolled, 1)[0]
    handovers = Handovers(records)
    draft = handovers.draft(person_id, **COMPLETE)
    handovers.hand_over(draft.id)
    pdf = IssuedDocuments(enrolled).issue_handover(handovers, draft.id).pdf
    hq.approve(enrolled)
    hq.imports(_exported(enrolled, stick_of(tmp_path)))
    hq.store.close()  # the command opens the store itself
    form = tmp_path / "form.pdf"
    form.write_bytes(pdf)
    args = ["verify", str(form), "--hq-dir", str(hq.identity.folder), "--passphrase-file", "-", "--json"]
    args += ["--database", hq_backend] if hq_backend else []
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(args, stdin=io.StringIO(HQ_PASSPHRASE + "\n"))
    report = json.loads(out.getvalue())
    assert code == 0 and report["issued"] and report["records"] == ["matches"], report
    form.write_bytes(pdf.replace(b"/Producer", b"/Produkt", 1) if b"/Producer" in pdf else pdf + b"%edited\n")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(args, stdin=io.StringIO(HQ_PASSPHRASE + "\n")) != 0  # edited after the fact
