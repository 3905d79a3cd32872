"""HQ's bulk fold (projections.apply_many) and the bundle checks in worker processes.

apply_many must leave exactly what projections.apply leaves, event by event: compared by projection
digest (and the search rows' link to their person) over crafted runs and over a real laptop's varied
log (creates, updates, amends, screenings, handovers, photos, withdrawals, a purge), on both stores.
The importer's checks must refuse the same bundles with the same errors whether they run on the
importing thread or in worker processes, and a failed check must win over what the import found after.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyrage
import pytest

from fieldapp.hq import importer
from fieldapp.hq.errors import BundleRefused, ImportAlarm, MissingPrerequisite
from fieldapp.hq.identity import HqIdentity, init_hq
from fieldapp.hq.store import HqStore, create_store
from fieldapp.records import projections
from fieldapp.records.events import EVENT_COLUMNS, Event, sign
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.sync import bundle
from fieldapp.sync.errors import BundleInvalid
from fieldapp.sync.keys import device_public_hex, device_signer
from fieldapp.sync.purge import purge_acknowledged
from fieldapp.sync.receipt import apply_receipt
from fieldapp.vault.session import Session
from tests.core.test_sync import Hq, add_persons, receipt_file, stick_of
from tests.core.test_sync_purge import LATER, _export, _world

# --- crafted events, folded one by one and in bulk ---------------------------------------------

_seq = iter(range(1, 10_000))


def _event(entity: str, entity_id: str, op: str, payload: dict[str, Any] | None = None) -> Event:
    n = next(_seq)
    return Event(
        f"ev-{n:05d}",
        "dev-1",
        n,
        entity,
        entity_id,
        op,
        payload or {},
        "off-1",
        f"2026-11-29T10:{n // 60:02d}:{n % 60:02d}Z",
        None,
        "0" * 64,
    )


def _person(pid: str, op: str, temp_id: str, **fields: Any) -> Event:
    return _event("person", pid, "create", {"fields": {"operation_id": op, "temp_id": temp_id, **fields}})


def _workload() -> list[Event]:
    """Runs of creates broken up by every other kind of event; temp ids out of order on purpose."""
    events = [
        _event("device", "dev-1", "init", {"name": "laptop", "public_key": "ab" * 32}),
        _event("officer", "off-1", "create", {"name": "Sok Dara", "role": "admin", "public_key": "cd" * 32}),
        _event("operation", "op-a", "create", {"fields": {"code": "SHV", "name": "Raid A"}}),
        _event("operation", "op-b", "create", {"fields": {"code": "KPT", "name": "Raid B"}}),
        _person("p1", "op-a", "A-7", name="LAN", name_own_script="ឡាន", nationality="VNM", age=16),
        _person("p2", "op-a", "A-3", name="WEI", aliases=["W", "Wei Wang"], age=30, sex="male"),
        _person("p3", "op-b", "B-12", name="SITI", document_no="P123", age_uncertain=True, age=19),
        _person("p4", "op-a", "A-4", name="AUNG"),
        _event("screening", "s1", "create", {"fields": {"person_id": "p1", "result": {"outcome": "VICTIM"}}}),
        _person("p5", "op-a", "A-2", name="SOK"),
        _event("person", "p2", "update", {"fields": {"name": "WEI WANG", "aliases": ["Ah Wei"]}}),
        _person("p6", "op-b", "B-1", name="DARA"),
        _person("p7", "op-b", "B-30", name="CHAN"),
        _event("photo", "ph1", "create", {"fields": {"person_id": "p6", "sha256": "1" * 64}}),
        _event("photo", "ph2", "create", {"fields": {"person_id": "p7", "sha256": "2" * 64}}),
        _event("photo", "ph3", "create", {"fields": {"person_id": "p7", "sha256": "3" * 64}}),
        _event("screening", "s2", "create", {"fields": {"person_id": "p7", "result": {"outcome": "OTHER"}}}),
        _event("screening", "s2", "finalise"),
        _event("screening", "s1", "withdraw", {"reason": "wrong person"}),
        _event("handover", "h1", "create", {"fields": {"person_id": "p7"}}),
        _event("handover", "h1", "finalise"),
        _event("person", "p3", "finalise"),
        _event("person", "p3", "amend", {"fields": {"age": 17}, "reason": "passport seen"}),
        _event("person", "p4", "withdraw", {"reason": "duplicate"}),
        _event("handover", "h1", "purge"),
        _event("photo", "ph2", "purge"),
        _event("person", "p7", "purge"),
        _event("operation", "op-b", "close"),
        _person("p8", "op-b", "B-31", name="AFTER"),
    ]
    return events


@contextmanager
def _fresh(tmp_path: Path, hq_backend: str | None) -> Iterator[HqStore]:
    identity = init_hq(tmp_path / f"hq-{next(_seq)}", "Fold HQ", "fold test passphrase")
    store = create_store(identity, hq_backend)
    try:
        yield store
    finally:
        store.close()


def _state(store: HqStore) -> dict[str, Any]:
    digest: dict[str, Any] = store.projection_digest()
    # Search rows are keyed by their person's rowid: each must sit on its own person's row.
    digest["search_links"] = store.conn.execute(
        "SELECT count(*) FROM persons p JOIN person_search s ON s.rowid = p.rowid AND s.person_id = p.id"
    ).fetchone()[0]
    return digest


class _Rollback(Exception):
    pass


def _fold(
    store: HqStore, events: list[Event], bulk: bool, hq_backend: str | None = None
) -> tuple[dict[str, Any], BaseException | None]:
    """The projections after folding ``events`` (rolled back after), and the error the fold raised."""
    state: dict[str, Any] = {}
    error: BaseException | None = None
    try:
        with store.transaction():
            try:
                if bulk:
                    projections.apply_many(store.conn, events)
                else:
                    for event in events:
                        try:
                            projections.apply(store.conn, event)
                        except (ValueError, KeyError) as exc:
                            raise projections.FoldError(event, exc) from exc
            except Exception as exc:  # the error is compared, and the state it left if readable
                error = exc
            if error is None or isinstance(error, projections.FoldError) or not hq_backend:
                state = _state(store)  # (PostgreSQL reads nothing after an SQL error)
            raise _Rollback
    except _Rollback:
        pass
    return state, error


@pytest.fixture
def short_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(projections, "_BULK_MIN", 2)  # the crafted runs are short: fold them in bulk too


def test_bulk_fold_equals_event_by_event(tmp_path: Path, hq_backend: str | None, short_runs: None) -> None:
    events = _workload()
    with _fresh(tmp_path, hq_backend) as store:
        one_by_one, error = _fold(store, events, bulk=False)
        assert error is None and one_by_one["search_links"] == 8
        bulk, error = _fold(store, events, bulk=True)
        assert error is None and bulk == one_by_one
        # The temp-id counters keep the highest number per operation and prefix, whatever the order.
        with store.transaction():
            projections.apply_many(store.conn, events)
        counters = store.conn.execute(
            "SELECT operation_id, prefix, last_number FROM temp_id_counters ORDER BY operation_id"
        ).fetchall()
        assert [tuple(r) for r in counters] == [("op-a", "A-", 7), ("op-b", "B-", 31)]


@pytest.mark.parametrize("broken_at", [0, 2, 4])
def test_bulk_fold_fails_where_event_by_event_fails(
    tmp_path: Path, hq_backend: str | None, broken_at: int, short_runs: None
) -> None:
    """A run with a record HQ cannot fold (no temp id), and one with a temp id given twice: the
    same error (for the first, naming the same event), after the same writes, both ways."""
    run = [_person(f"q{k}", "op-a", f"Q-{k}", name=f"Q{k}") for k in range(6)]
    run[broken_at] = _event("person", f"q{broken_at}", "create", {"fields": {"operation_id": "op-a"}})
    photo = _event("photo", "f1", "create", {"fields": {"person_id": "q1", "sha256": "4" * 64}})
    with _fresh(tmp_path, hq_backend) as store:
        events = [*run[:3], photo, *run[3:]]
        one_by_one, expected = _fold(store, events, bulk=False, hq_backend=hq_backend)
        bulk, error = _fold(store, events, bulk=True, hq_backend=hq_backend)
        assert isinstance(expected, projections.FoldError) and isinstance(error, projections.FoldError)
        assert (error.event, type(error.cause), str(error)) == (expected.event, KeyError, str(expected))
        assert bulk == one_by_one and bulk["search_links"] == broken_at
        again = _person("r2", "op-a", "R-1")  # the temp id of the run's first person
        twice = [_person("r1", "op-a", "R-1"), photo, again, *run]
        one_by_one, expected = _fold(store, twice, bulk=False, hq_backend=hq_backend)
        bulk, error = _fold(store, twice, bulk=True, hq_backend=hq_backend)
        assert "unique" in str(expected).lower()
        assert (type(error), str(error)) == (type(expected), str(expected)) and bulk == one_by_one


# --- a real laptop's log through the importer ---------------------------------------------------


def _varied_laptop(session: Session, hq: Hq, tmp_path: Path) -> None:
    """The purge world (person, photo, screening, handover, issued form; acknowledged, then purged),
    then runs of registrations, updates, amends, screenings and withdrawals."""
    _world(session, hq, tmp_path)
    assert purge_acknowledged(session, now=LATER).persons == 1
    records = Records(session)
    operation = records.create_operation(name="Second raid").id
    ids = add_persons(session, 6, operation=operation)
    add_persons(session, 2, photos=1, operation=operation)
    records.update_person(ids[0], name="RENAMED", aliases=["Alias One", "Другое имя"])
    records.finalise("person", ids[1])
    records.amend("person", ids[1], {"age": 17}, "document seen")
    screening = Screenings(records).begin(ids[2])
    Screenings(records).finalise(screening.id)
    records.withdraw("person", ids[3], "registered twice")
    add_persons(session, 3, operation=operation)


def _laptop_log_digest(session: Session) -> dict[str, str]:
    return projections.digest(session.conn)


def test_imported_varied_log_equals_the_laptops_and_a_rebuild(
    session: Session, tmp_path: Path, hq_backend: str | None
) -> None:
    hq = Hq(tmp_path / "hq", database=hq_backend)
    try:
        _varied_laptop(session, hq, tmp_path)
        hq.imports(_export(session, stick_of(tmp_path, "second")))
        live = hq.store.projection_digest()
        assert live == _laptop_log_digest(session)  # the laptop folded event by event as it went
        try:
            with hq.store.transaction():
                projections.rebuild(hq.store.conn)  # apply, one event at a time, over the whole log
                assert hq.store.projection_digest() == live
                raise _Rollback
        except _Rollback:
            pass
    finally:
        hq.store.close()


# --- the checks in worker processes ---------------------------------------------------------------


@pytest.fixture(params=["inline", "workers"])
def checks(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if request.param == "workers":  # every bundle of two events or more, in chunks of three
        monkeypatch.setattr(importer, "PARALLEL_MIN_EVENTS", 2)
        monkeypatch.setattr(importer, "_CHUNK", 3)
    yield request.param
    importer._drop_pool()


def _signed_bundle(session: Session, identity: HqIdentity, path: Path, events: list[Event]) -> list[Path]:
    manifest = bundle.sign_manifest(
        {
            "format": bundle.MANIFEST_FORMAT,
            "version": 1,
            "bundle_id": "f" * 32,
            "hq_id": identity.hq_id,
            "device_id": session.device_id,
            "device_public_key": device_public_hex(session),
            "device_name": session.device_name,
            "enrolment_id": None,
            "seq_from": events[0].device_seq,
            "seq_to": events[-1].device_seq,
            "prev_bundle_hash": None,
            "events": [e.hash for e in events],
            "files": [],
            "created_at": "now",
            "officers": {},
        },
        device_signer(session),
    )
    plain = bundle.MAGIC + bundle.record(b"M", manifest)
    plain += b"".join(bundle.record(b"E", bundle.encode_event(e)) for e in events)
    plain += bundle.record(b"Z", json.dumps({"events": len(events), "files": 0}).encode())
    path.write_bytes(pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(identity.recipient)]))
    return [path]


def _log(session: Session) -> list[Event]:
    rows = session.conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE device_id = ? ORDER BY device_seq", (session.device_id,)
    ).fetchall()
    return [Event.from_row(r) for r in rows]


def _hq_and_log(session: Session, tmp_path: Path, hq_backend: str | None) -> tuple[Hq, list[Event]]:
    """An HQ that approved the laptop, and the laptop's log: a few persons, in more than one chunk."""
    hq = Hq(tmp_path / "hq", database=hq_backend)
    hq.enrol(session)
    hq.approve(session)
    add_persons(session, 9)
    events = _log(session)
    assert len(events) >= 10
    return hq, events


def _bad_signature(event: Event) -> Event:
    return Event(**{**event.__dict__, "device_sig": "00" * 64})


def test_checks_refuse_the_same_bundles(
    session: Session, tmp_path: Path, hq_backend: str | None, checks: str
) -> None:
    hq, events = _hq_and_log(session, tmp_path, hq_backend)
    try:
        # A bad device signature late in the bundle (in a later chunk): refused, nothing kept.
        forged = [*events[:-2], _bad_signature(events[-2]), events[-1]]
        with pytest.raises(BundleInvalid, match=f"event {events[-2].device_seq}: device signature"):
            hq.imports(_signed_bundle(session, hq.identity, tmp_path / "bad.bundle", forged))
        assert hq.count() == 0 and hq.count("persons") == 0 and hq.store.alarms() == []
        # An event by an officer nobody vouches for, after a bad signature: the first failure wins.
        key = session.log._device_key
        stranger = sign(
            Event(**{**events[-1].__dict__, "officer_id": "nobody"}),
            key,
            session.log._officer_key,
            every_op=True,
        )
        forged = [*events[:3], _bad_signature(events[3]), *events[4:-1], stranger]
        with pytest.raises(BundleInvalid, match=f"event {events[3].device_seq}: device signature"):
            hq.imports(_signed_bundle(session, hq.identity, tmp_path / "bad2.bundle", forged))
        forged = [*events[:-1], stranger]
        with pytest.raises(BundleRefused, match="never registered"):
            hq.imports(_signed_bundle(session, hq.identity, tmp_path / "bad3.bundle", forged))
        # The genuine bundle imports; it equals the laptop's projections.
        result = hq.imports(_export(session, stick_of(tmp_path, "good")))
        assert result.new_events == len(events)
        assert hq.store.projection_digest() == _laptop_log_digest(session)
    finally:
        hq.store.close()


def test_checks_of_content_and_keys_come_in_seq_order(
    session: Session, tmp_path: Path, hq_backend: str | None, checks: str
) -> None:
    """Hashes are checked on the importing thread and signatures maybe in workers; still the first
    failing event, in seq order, is the one named; unhashable content and a malformed officer key are
    refused in plain words."""
    hq, events = _hq_and_log(session, tmp_path, hq_backend)
    try:
        key = session.log._device_key
        edited = events[
            -2
        ]  # content changed after signing: its stated hash (and the manifest's) no longer fit
        edited = Event(**{**edited.__dict__, "payload": {**edited.payload, "note": "changed"}})
        with pytest.raises(
            BundleInvalid, match=f"event {edited.device_seq} .*content does not match its hash"
        ):
            hq.imports(
                _signed_bundle(
                    session, hq.identity, tmp_path / "a.bundle", [*events[:-2], edited, events[-1]]
                )
            )
        both = [*events[:3], _bad_signature(events[3]), *events[4:-2], edited, events[-1]]
        with pytest.raises(BundleInvalid, match=f"event {events[3].device_seq}: device signature"):
            hq.imports(_signed_bundle(session, hq.identity, tmp_path / "b.bundle", both))
        decimal = Event(**{**events[-1].__dict__, "payload": {**events[-1].payload, "weight": 61.5}})
        with pytest.raises(BundleInvalid, match=f"event {decimal.device_seq}: content cannot be hashed"):
            hq.imports(_signed_bundle(session, hq.identity, tmp_path / "c.bundle", [*events[:-1], decimal]))
        first_officer = next(i for i, e in enumerate(events) if e.entity == "officer" and e.op == "create")
        officer = events[first_officer]
        bad_key = sign(
            Event(**{**officer.__dict__, "payload": {**officer.payload, "public_key": "not a key"}}),
            key,
            session.log._officer_key,
            every_op=True,
        )
        with pytest.raises(
            BundleInvalid, match=f"event {officer.device_seq}.*: the officer's key is malformed"
        ):
            hq.imports(
                _signed_bundle(
                    session, hq.identity, tmp_path / "d.bundle", [*events[:first_officer], bad_key]
                )
            )
        assert hq.count() == 0 and hq.store.alarms() == []
        assert hq.imports(_export(session, stick_of(tmp_path, "good"))).new_events == len(events)
    finally:
        hq.store.close()


def test_a_failed_check_wins_over_an_alarm(
    session: Session, tmp_path: Path, hq_backend: str | None, checks: str
) -> None:
    """A bundle that both contradicts what HQ holds and fails its checks is refused as invalid
    (checked first), and no alarm is recorded for content nobody signed."""
    hq = Hq(tmp_path / "hq", database=hq_backend)
    try:
        hq.enrol(session)
        hq.approve(session)
        add_persons(session, 5)
        apply_receipt(session, receipt_file(tmp_path, hq.imports(_export(session, stick_of(tmp_path, "a")))))
        events = _log(session)
        changed = events[-1]  # a person's registration, made again with other content (a clone)
        payload = {**changed.payload, "fields": {**changed.payload["fields"], "name": "OTHER"}}
        clone = sign(
            Event(**{**changed.__dict__, "payload": payload}),
            session.log._device_key,
            session.log._officer_key,
            every_op=True,
        )
        alarm = [*events[:-1], clone]
        both = [*events[:-3], _bad_signature(events[-3]), events[-2], clone]
        digest = hq.store.projection_digest()
        with pytest.raises(BundleInvalid, match="device signature is not valid"):
            hq.imports(_signed_bundle(session, hq.identity, tmp_path / "both.bundle", both))
        assert hq.store.alarms() == [] and hq.store.projection_digest() == digest
        with pytest.raises(ImportAlarm, match="different content"):
            hq.imports(_signed_bundle(session, hq.identity, tmp_path / "alarm.bundle", alarm))
        assert [a["kind"] for a in hq.store.alarms()] == ["import"]
    finally:
        hq.store.close()


def test_fold_error_names_the_event(session: Session, tmp_path: Path, hq_backend: str | None) -> None:
    """An update to a record HQ does not hold: MissingPrerequisite names that event's seq."""
    hq = Hq(tmp_path / "hq", database=hq_backend)
    try:
        hq.enrol(session)
        hq.approve(session)
        add_persons(session, 3)
        events = _log(session)
        last = events[-1]
        changes = {
            "event_id": "e" * 32,
            "device_seq": last.device_seq + 1,
            "entity_id": "not-held",
            "op": "update",
            "payload": {"fields": {"name": "X"}},
            "prev_hash": last.hash,
        }
        update = sign(
            Event(**{**last.__dict__, **changes}),
            session.log._device_key,
            session.log._officer_key,
            every_op=True,
        )
        with pytest.raises(MissingPrerequisite, match=f"Event {update.device_seq} of this bundle"):
            hq.imports(_signed_bundle(session, hq.identity, tmp_path / "b.bundle", [*events, update]))
        assert hq.count() == 0
    finally:
        hq.store.close()
