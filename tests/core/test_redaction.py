"""Redaction of a purged record's events (migration 5, events.redacted_payload, log.verify_chain).

After a purge, the payloads of the purged records' earlier, HQ-acknowledged events are replaced by
a redacted form (the original's SHA-256 and the ids, pins, results and hashes the purged projection
keeps); hash, prev_hash and signatures stay. The update trigger allows that change and nothing
else; the check accepts a redacted event only for a purged, acknowledged record; the projections
fold again to the same tables; and nothing redacted is ever sent to HQ again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from fieldapp.records import projections
from fieldapp.records.canonical import canonical_json
from fieldapp.records.check import run_check
from fieldapp.records.events import EVENT_COLUMNS, KEPT_AFTER_PURGE, Event, redacted_payload, verify
from fieldapp.records.log import verify_chain
from fieldapp.records.service import Records
from fieldapp.sync.purge import purge_acknowledged, redact_purged
from fieldapp.vault.session import Session
from tests.core import test_sync_purge
from tests.core.test_sync_purge import CANARY, KEEP, LATER, _export, _world

hq = test_sync_purge.hq  # the fixture

APPEND_ONLY = "append-only"


def _events(session: Session, where: str = "1", params: tuple[Any, ...] = ()) -> list[Event]:
    rows = session.conn.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE {where} ORDER BY rowid", params)
    return [Event.from_row(r) for r in rows]


def _payload_text(payload: dict[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _acked(session: Session) -> int:
    return int(session.meta("hq_acked_seq") or 0)


def _person_events(session: Session, w: dict[str, Any]) -> list[Event]:
    ids = (w["person"], w["screening"], w["photo"], w["handover"])
    return _events(session, f"entity_id IN ({', '.join('?' * len(ids))})", ids)


@pytest.fixture
def purged(session: Session, hq: Any, tmp_path: Path) -> dict[str, Any]:
    w = _world(session, hq, tmp_path)
    w["before"] = {e.event_id: e for e in _person_events(session, w)}
    w["result"] = purge_acknowledged(session, now=LATER)
    w["hq"] = hq
    return w


def _redacted(session: Session, w: dict[str, Any]) -> list[Event]:
    return [e for e in _person_events(session, w) if e.payload.get("redacted") is True]


def test_purge_redacts_acknowledged_events_and_keeps_hashes_and_signatures(
    session: Session, purged: dict[str, Any]
) -> None:
    w, before = purged, purged["before"]
    redacted = _redacted(session, w)
    assert len(redacted) == w["result"].redacted == len([e for e in before.values() if e.op != "purge"])
    for event in redacted:
        original = before[event.event_id]
        assert event.device_seq <= _acked(session)
        assert (event.hash, event.prev_hash, event.device_sig, event.officer_sig) == (
            original.hash,
            original.prev_hash,
            original.device_sig,
            original.officer_sig,
        )
        assert event.payload == redacted_payload(event.entity, event.op, original.payload)
        assert event.payload["payload_sha256"] == hashlib.sha256(canonical_json(original.payload)).hexdigest()
        assert set(event.payload.get("fields", {})) <= set(KEPT_AFTER_PURGE[event.entity])
        assert CANARY not in _payload_text(event.payload)
    # Purge events are new (not acknowledged yet) and stay as made; so does the unpurged person.
    purges = _events(session, "op = 'purge'")
    assert purges and all(e.device_seq > _acked(session) and "redacted" not in e.payload for e in purges)
    assert all("redacted" not in e.payload for e in _events(session, "entity_id = ?", (w["kept"],)))
    assert redact_purged(session) == 0  # nothing left to redact


def test_check_passes_after_redaction_and_rebuild(session: Session, purged: dict[str, Any]) -> None:
    seen: list[str] = []
    count, problems = verify_chain(session.conn, redacted=seen)
    assert problems == [] and count > 0
    assert sorted(seen) == sorted(e.event_id for e in _redacted(session, purged))
    live = projections.digest(session.conn)
    report = run_check(session)
    assert report.ok, report.problems
    report = run_check(session, rebuild=True)
    assert report.ok and report.rebuilt_tables == [], report
    assert projections.digest(session.conn) == live
    gone = Records(session).person(purged["person"])
    assert (gone.status, gone.name) == ("purged", "")


def test_the_trigger_allows_only_a_redaction(session: Session, purged: dict[str, Any]) -> None:
    conn = session.conn
    # The purged person's create event, redacted by the purge.
    target = next(e for e in _redacted(session, purged) if e.entity == "person" and e.op == "create")
    original = purged["before"][target.event_id]
    good = _payload_text(target.payload)

    def refused(sql: str, params: tuple[Any, ...]) -> None:
        with pytest.raises(sqlcipher3.IntegrityError, match=APPEND_ONLY):
            conn.execute(sql, params)

    upd = "UPDATE events SET payload = ? WHERE event_id = ?"
    # Already redacted: it cannot be redacted again, nor put back, nor changed.
    refused(upd, (good, target.event_id))
    refused(upd, (_payload_text(original.payload), target.event_id))
    # Any other column, alone or with a redaction.
    for column, value in (
        ("officer_id", "x"),
        ("hash", "0" * 64),
        ("device_sig", "00"),
        ("created_at", "t"),
        ("op", "update"),
        ("entity_id", "y"),
        ("prev_hash", "1" * 64),
        ("device_seq", 999),
    ):
        refused(f"UPDATE events SET {column} = ? WHERE event_id = ?", (value, target.event_id))
    refused("DELETE FROM events WHERE event_id = ?", (target.event_id,))

    # The KEPT person: not purged (and not acknowledged): no redaction at all.
    kept = _events(session, "entity_id = ? AND op = 'create'", (purged["kept"],))[0]
    refused(upd, (_payload_text(redacted_payload("person", "create", kept.payload)), kept.event_id))
    # The unpurged person's acknowledged events (operation) and purge events are never redacted.
    operation = _events(session, "entity = 'operation' AND op = 'create'")[0]
    refused(upd, (_payload_text({"redacted": True, "payload_sha256": "a" * 64}), operation.event_id))
    purge = _events(session, "entity_id = ? AND op = 'purge'", (purged["person"],))[0]
    refused(upd, (_payload_text({"redacted": True, "payload_sha256": "a" * 64}), purge.event_id))


def test_the_trigger_refuses_a_redaction_into_something_else(
    session: Session,
    hq: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A purged, acknowledged record whose events are not redacted yet (as a schema-4 purge left it)."""
    w = _world(session, hq, tmp_path)
    conn = session.conn
    from fieldapp.sync import purge as purge_module

    with monkeypatch.context() as patch:
        patch.setattr(purge_module, "redact_purged", lambda *a, **k: 0)
        purge_acknowledged(session, now=LATER)
    event = _events(session, "entity_id = ? AND op = 'create'", (w["person"],))[0]
    good = redacted_payload("person", "create", event.payload)
    upd = "UPDATE events SET payload = ? WHERE event_id = ?"
    bad = [
        {**good, "fields": {**good["fields"], "name": CANARY}},  # keeps a personal field (same value)
        {**good, "fields": {**good["fields"], "temp_id": "FORGED-1"}},  # a kept field changed
        {**good, "fields": {**good["fields"], "invented": 1}},  # a field the original never had
        {**good, "note": "x"},  # a key a redaction never has
        {**good, "redacted": 1},  # not JSON true
        {**good, "payload_sha256": "abc"},  # no hash of the original
        {k: v for k, v in good.items() if k != "payload_sha256"},
        {"fields": good["fields"]},  # not marked redacted: a plain edit
    ]
    for payload in bad[1:]:
        with pytest.raises(sqlcipher3.IntegrityError, match=APPEND_ONLY):
            conn.execute(upd, (_payload_text(payload), event.event_id))
    for column in ("officer_id", "created_at"):  # a good redaction with any other change: refused
        with pytest.raises(sqlcipher3.IntegrityError, match=APPEND_ONLY):
            conn.execute(
                f"UPDATE events SET payload = ?, {column} = 'x' WHERE event_id = ?",
                (_payload_text(good), event.event_id),
            )
    # The trigger lets a subset of the original's own values through (the name here) — the check
    # refuses it: a redacted payload may keep ids, pins, results and hashes only.
    conn.execute(upd, (_payload_text(bad[0]), event.event_id))
    _, problems = verify_chain(conn)
    assert any("other than ids" in p for p in problems), problems
    # Put the original back (only possible without the trigger), then the purge's own redaction
    # (the sweep for records purged before schema 5) is allowed by the migration's trigger, and sound.
    from fieldapp.vault.migrate import migration_steps

    (sql,) = [step.sql for step in migration_steps() if step.number == 5]
    conn.execute("DROP TRIGGER events_append_only_update")
    conn.execute(upd, (_payload_text(event.payload), event.event_id))
    conn.executescript(sql.replace("DROP TRIGGER events_append_only_update;", ""))
    assert run_check(session).ok  # unredacted events of a purged record are sound as they are
    assert redact_purged(session) == len([e for e in _person_events(session, w) if e.op != "purge"])
    assert run_check(session).ok
    assert CANARY not in " ".join(_payload_text(e.payload) for e in _events(session))


def test_a_forged_redaction_of_an_unpurged_record_fails_the_check(
    session: Session,
    hq: Any,
    tmp_path: Path,
) -> None:
    w = _world(session, hq, tmp_path)  # acknowledged by HQ, not purged
    assert run_check(session).ok
    # Someone with the vault key drops the trigger and "redacts" the person's acknowledged events.
    session.conn.execute("DROP TRIGGER events_append_only_update")
    for event in _events(session, "entity_id = ? AND op != 'purge'", (w["person"],)):
        assert event.device_seq <= _acked(session)
        session.conn.execute(
            "UPDATE events SET payload = ? WHERE event_id = ?",
            (_payload_text(redacted_payload(event.entity, event.op, event.payload)), event.event_id),
        )
    _, problems = verify_chain(session.conn)
    assert problems and all("not purged after it" in p for p in problems), problems
    assert not run_check(session).ok


def test_a_redacted_event_never_passes_a_plain_verify(session: Session, purged: dict[str, Any]) -> None:
    """HQ's import verifies without allow_redacted: a redacted event is refused like any edit."""
    event = _redacted(session, purged)[0]
    device = _events(session, "entity = 'device' AND op = 'init'")[0]
    key = bytes.fromhex(device.payload["public_key"])
    assert verify(event, key, None) == [
        f"event {event.device_seq} ({event.entity}.{event.op}): content does not match its hash"
    ]


def test_the_bundle_after_a_purge_never_resends_redacted_events(
    session: Session, purged: dict[str, Any]
) -> None:
    redacted_seqs = [e.device_seq for e in _redacted(session, purged)]
    second = _export(session, purged["stick"])
    assert second.seq_from > max(redacted_seqs) and second.seq_from == _acked(session) + 1
    sent = _events(session, "device_seq BETWEEN ? AND ?", (second.seq_from, second.seq_to))
    assert len(sent) == second.events and not any("redacted" in e.payload for e in sent)
    imported = purged["hq"].imports(second)  # HQ would refuse a redacted event (hash mismatch)
    assert imported.new_events == second.events
    # HQ still holds the originals of the redacted events.
    row = (
        purged["hq"]
        .store.conn.execute(
            "SELECT payload FROM events WHERE entity_id = ? AND op = 'create'", (purged["person"],)
        )
        .fetchone()
    )
    assert CANARY in row[0] and KEEP not in row[0]


def test_amendments_and_withdrawals_are_redacted_and_fold_again(
    session: Session,
    hq: Any,
    tmp_path: Path,
) -> None:
    from fieldapp.sync.receipt import apply_receipt
    from tests.core.test_sync import receipt_file

    w = _world(session, hq, tmp_path)
    records = Records(session)
    records.finalise("person", w["person"])
    records.amend(
        "person", w["person"], {"name": CANARY + "X", "age": 15}, "spelling corrected by interpreter"
    )
    records.withdraw("screening", w["screening"], "entered for the wrong person " + CANARY)
    apply_receipt(session, receipt_file(tmp_path, hq.imports(_export(session, w["stick"]))))
    assert purge_acknowledged(session, now=LATER).persons == 2  # the kept person was acknowledged too
    amend = _events(session, "entity_id = ? AND op = 'amend'", (w["person"],))[0]
    assert set(amend.payload) == {"redacted", "payload_sha256", "fields", "reason", "version"}
    assert amend.payload["fields"] == {}
    withdraw = _events(session, "entity_id = ? AND op = 'withdraw'", (w["screening"],))[0]
    assert set(withdraw.payload) == {"redacted", "payload_sha256"}
    assert CANARY not in " ".join(_payload_text(e.payload) for e in _events(session))
    report = run_check(session)
    assert report.ok, report.problems
    assert run_check(session, rebuild=True).rebuilt_tables == []
    assert (
        session.conn.execute(
            "SELECT reason FROM record_versions WHERE entity_id = ? AND version = 2", (w["person"],)
        ).fetchone()[0]
        == "spelling corrected by interpreter"
    )
