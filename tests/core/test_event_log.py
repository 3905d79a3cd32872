"""The signed event log: chain, signatures, lifecycle rules, projections rebuilt from the log."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.errors import RecordStateError, ValidationError
from fieldapp.records import projections
from fieldapp.records.canonical import canonical_json
from fieldapp.records.check import run_check
from fieldapp.records.events import EVENT_COLUMNS, Event
from fieldapp.records.ids import uuid7
from fieldapp.records.log import verify_chain
from fieldapp.records.service import Records
from fieldapp.vault.session import Session, unlock
from tests.support import add_officer


def _events(session: Session) -> list[Event]:
    rows = session.conn.execute(f"SELECT {EVENT_COLUMNS} FROM events ORDER BY device_seq").fetchall()
    return [Event.from_row(r) for r in rows]


def _raid(records: Records) -> str:
    return records.create_operation(name="Sihanoukville raid", date="2026-11-28").id


def test_events_are_chained_signed_and_gapless(records: Records, session: Session) -> None:
    operation = _raid(records)
    person = records.register_person(operation, name="ZHANG WEI", name_own_script="张伟", nationality="chn")
    records.finalise("person", person.id)
    events = _events(session)
    assert [e.device_seq for e in events] == list(range(1, len(events) + 1))
    assert events[0].entity == "device" and events[0].op == "init"
    for before, after in zip(events, events[1:], strict=False):
        assert after.prev_hash == before.hash
    assert all(e.officer_id == session.officer.id for e in events)
    finalise = events[-1]
    assert finalise.op == "finalise" and finalise.officer_sig
    # Log format 2: the officer signs every event (records.authority), not only what they attest.
    assert all(e.officer_sig for e in events)
    assert verify_chain(session.conn) == (len(events), [])
    # ids are UUIDv7: version 7, time-ordered
    assert all(e.event_id[14] == "7" for e in events)
    assert [e.event_id for e in events] == sorted(e.event_id for e in events)


def test_log_is_append_only(records: Records, session: Session) -> None:
    _raid(records)
    with pytest.raises(Exception, match="append-only"):
        session.conn.execute("UPDATE events SET payload = '{}' WHERE device_seq = 3")
    with pytest.raises(Exception, match="append-only"):
        session.conn.execute("DELETE FROM events WHERE device_seq = 3")


def _tamper(session: Session, sql: str, *params: object) -> None:
    conn = session.conn
    conn.execute("DROP TRIGGER events_append_only_update")
    conn.execute("DROP TRIGGER events_append_only_delete")
    conn.execute(sql, params)


@pytest.mark.parametrize(
    "attack, expected",
    [
        ("payload", "does not match its hash"),
        ("delete", "missing"),
        ("resign_other_device", "device signature"),
        ("officer_sig", "officer signature"),
    ],
)
def test_check_detects_tampering(records: Records, session: Session, attack: str, expected: str) -> None:
    operation = _raid(records)
    person = records.register_person(operation, name="LE THI HOA", nationality="VNM")
    records.update_person(person.id, age=22)
    records.finalise("person", person.id)
    events = _events(session)
    target = events[3]  # person.create
    if attack == "payload":
        edited = json.dumps(
            {**target.payload, "fields": {**target.payload["fields"], "name": "SOMEONE ELSE"}}
        )
        _tamper(session, "UPDATE events SET payload = ? WHERE event_id = ?", edited, target.event_id)
    elif attack == "delete":
        _tamper(session, "DELETE FROM events WHERE event_id = ?", target.event_id)
    elif attack == "resign_other_device":
        # A key holder rewrites an event and re-hashes it, but cannot sign with the device key.
        forged = Event(
            **{**target.__dict__, "payload": {"fields": {**target.payload["fields"], "name": "X"}}}
        )
        digest = forged.compute_hash()
        signature = Ed25519PrivateKey.generate().sign(b"fieldapp-event-v1\0" + bytes.fromhex(digest)).hex()
        _tamper(
            session,
            "UPDATE events SET payload = ?, hash = ?, device_sig = ? WHERE event_id = ?",
            canonical_json(forged.payload).decode(),
            digest,
            signature,
            target.event_id,
        )
    else:
        _tamper(session, "UPDATE events SET officer_sig = ? WHERE op = 'finalise'", "00" * 64)
    report = run_check(session)
    assert not report.ok
    assert any(expected in problem for problem in report.problems), report.problems


def test_projections_rebuild_equal_and_repair(records: Records, session: Session) -> None:
    operation = _raid(records)
    people = [records.register_person(operation, name=f"PERSON {i}", aliases=[f"alias{i}"]) for i in range(5)]
    records.update_person(people[0].id, age=17, age_uncertain=True)
    records.finalise("person", people[1].id)
    records.amend("person", people[1].id, {"age": 31}, reason="age corrected from passport")
    records.withdraw("person", people[2].id, reason="entered twice by mistake")
    before = projections.digest(session.conn)
    assert run_check(session).ok
    assert projections.digest(session.conn) == before  # a plain check changes nothing

    # Someone edits a projection behind the log's back: check sees it, --rebuild repairs it.
    session.conn.execute("UPDATE persons SET name = 'EDITED' WHERE id = ?", (people[3].id,))
    report = run_check(session)
    assert not report.ok and any("persons" in p for p in report.problems)
    repaired = run_check(session, rebuild=True)
    assert repaired.ok and "persons" in repaired.rebuilt_tables
    assert records.person(people[3].id).name == "PERSON 3"
    assert projections.digest(session.conn) == before


def test_draft_to_final_is_one_way_and_amend_needs_reason(records: Records) -> None:
    operation = _raid(records)
    person = records.register_person(operation, name="SOMCHAI SAETANG", nationality="THA", age=28)
    records.update_person(person.id, age=29)
    assert records.finalise("person", person.id) == 1
    with pytest.raises(RecordStateError, match="Amend it with a reason"):
        records.update_person(person.id, age=30)
    with pytest.raises(RecordStateError):
        records.finalise("person", person.id)
    with pytest.raises(ValidationError, match="reason"):
        records.amend("person", person.id, {"age": 30}, reason="  ")
    assert records.amend("person", person.id, {"age": 30}, reason="passport shows 30") == 2
    row = records.person(person.id)
    assert (row.status, row.version, row.age) == ("final", 2, 30)
    history = records.conn.execute(
        "SELECT version, reason FROM record_versions WHERE entity_id = ? ORDER BY version", (person.id,)
    ).fetchall()
    assert history == [(1, None), (2, "passport shows 30")]
    records.withdraw("person", person.id, reason="duplicate of another record")
    with pytest.raises(RecordStateError):
        records.amend("person", person.id, {"age": 31}, reason="too late now")


def test_person_fields_are_validated(records: Records) -> None:
    operation = _raid(records)
    with pytest.raises(ValidationError, match="country code"):
        records.register_person(operation, name="X", nationality="Vietnam")
    with pytest.raises(ValidationError, match=r"Unknown field\(s\): favourite_colour"):
        records.register_person(operation, name="X", favourite_colour="blue")
    with pytest.raises(ValidationError, match="at least one name"):
        records.register_person(operation, nationality="VNM")
    with pytest.raises(ValidationError, match="between 0 and 120"):
        records.register_person(operation, name="X", age=200)
    with pytest.raises(ValidationError, match="decimal"):
        canonical_json({"age": 1.5})


def test_temporary_ids_and_search_in_every_script(records: Records) -> None:
    operation = _raid(records)
    names = [
        ("NGUYEN THI LAN", "Nguyễn Thị Lan", ["Lan Lan"], "C1234567"),
        ("WANG FANG", "王芳", [], ""),
        ("SOK CHANTHA", "សុខ ចន្ថា", ["Thea"], ""),
        ("KANYA SAETANG", "กัญญา แซ่ตั้ง", [], "AA9988776"),
    ]
    rows = [
        records.register_person(operation, name=n, name_own_script=o, aliases=a, document_no=d)
        for n, o, a, d in names
    ]
    assert [r.temp_id.rsplit("-", 1)[1] for r in rows] == ["00001", "00002", "00003", "00004"]
    assert rows[0].temp_id.startswith("SIH-")

    def found(term: str) -> list[str]:
        return [p.name for p in records.persons(search=term)]

    assert found("Nguyễn") == ["NGUYEN THI LAN"]
    assert found("王芳") == ["WANG FANG"]  # two characters: substring fallback
    assert found("ចន្ថា") == ["SOK CHANTHA"]
    assert found("แซ่ตั้ง") == ["KANYA SAETANG"]
    assert found("Lan Lan") == ["NGUYEN THI LAN"]
    assert found("9988776") == ["KANYA SAETANG"]
    assert found(rows[2].temp_id) == ["SOK CHANTHA"]
    assert found("nobody here") == []


def test_every_event_names_the_officer_who_unlocked(session: Session, vault_dir: Path) -> None:
    add_officer(session, "Chan Sophea", "team_lead", "team lead passphrase")
    session.close()
    lead = unlock(vault_dir, "Chan Sophea", "team lead passphrase")
    records = Records(lead)
    person = records.register_person(_raid(records), name="RAHMAN")
    records.finalise("person", person.id)
    latest = _events(lead)[-3:]
    assert {e.officer_id for e in latest} == {lead.officer.id}
    assert run_check(lead).ok  # the finalise is signed with Chan Sophea's own key
    lead.close()


def test_projection_fold_rejects_unknown_operations(session: Session) -> None:
    bogus = Event(uuid7(), session.device_id, 99, "person", uuid7(), "teleport", {}, "x", "t", None, "0" * 64)
    with pytest.raises(ValueError):
        projections.apply(session.conn, bogus)


_text = st.text(max_size=12)  # any code point: quotes, controls, surrogates' neighbours, emoji
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | _text,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text("abcxyz_", max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@given(
    fields=st.fixed_dictionaries(
        {
            k: _text
            for k in (
                "event_id",
                "device_id",
                "entity",
                "entity_id",
                "op",
                "officer_id",
                "created_at",
                "prev_hash",
            )
        }
    ),
    seq=st.integers(min_value=0, max_value=2**62),
    parent=st.none() | _text,
    payload=st.dictionaries(st.text("abcxyz_", max_size=5), _json, max_size=4),
)
def test_the_hash_is_over_the_canonical_signed_fields(
    fields: dict[str, str], seq: int, parent: str | None, payload: dict[str, object]
) -> None:
    """The hash is written out field by field around the payload's text (one serialisation of the
    payload): it must be exactly the SHA-256 of canonical_json(signed_fields()), which other JCS
    implementations recompute."""
    event = Event(**fields, device_seq=seq, parent=parent, payload=payload)
    digest, text = event.hash_and_payload()
    assert digest == hashlib.sha256(canonical_json(event.signed_fields())).hexdigest()
    assert text == canonical_json(payload).decode("utf-8") == event.to_row()[6]


def test_text_with_a_broken_character_cannot_be_hashed() -> None:
    # JSON can carry a lone surrogate ("\\ud800"); UTF-8 cannot: a plain error, not a crash
    fields = dict.fromkeys(
        ("event_id", "device_id", "entity", "entity_id", "op", "officer_id", "created_at"), "x"
    )
    for event in (
        Event(**fields, device_seq=1, parent=None, prev_hash="0", payload={"name": json.loads('"\\ud800"')}),
        Event(
            **{**fields, "op": json.loads('"\\udfff"')}, device_seq=1, parent=None, prev_hash="0", payload={}
        ),
    ):
        with pytest.raises(ValidationError, match="broken character"):
            event.hash_and_payload()
