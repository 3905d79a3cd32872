"""HQ's import alarms keep their declared message beside the English text (schema 11), on either store, so
the HQ app can show them in the admin's language; alarms stored before keep showing their English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.errors import Said
from fieldapp.hq.errors import DevicePending, ImportAlarm
from fieldapp.hq.import_plan import KEY_REPLACED
from fieldapp.hq.importer import SEQ_GAP
from fieldapp.records.service import Records
from fieldapp.vault.session import Session
from tests.core.test_sync import Hq, _exported, add_persons, stick_of


def _stored(hq: Hq) -> list[object]:
    return [row[0] for row in hq.store.conn.execute("SELECT message FROM hq_alarms ORDER BY id")]


def test_a_gap_alarm_keeps_its_message_and_parameters(enrolled: Session, hq: Hq, tmp_path: Path) -> None:
    add_persons(enrolled, 1)
    first = _exported(enrolled, stick_of(tmp_path, "a"))
    enrolled.set_meta("hq_acked_seq", str(first.seq_to))  # acknowledged, then the bundle was lost
    person = enrolled.conn.execute("SELECT id FROM persons").fetchone()[0]
    Records(enrolled).update_person(person, name="RENAMED")
    second = _exported(enrolled, stick_of(tmp_path, "b"))
    with pytest.raises(DevicePending):
        hq.imports(second)
    hq.approve(enrolled)
    result = hq.imports(second)
    params = {"first": 1, "last": first.seq_to, "name": enrolled.device_name}
    (alarm,) = hq.store.alarms()
    detail = alarm["detail"]
    assert isinstance(detail, Said) and (detail.code, detail.template) == (SEQ_GAP.code, SEQ_GAP.english)
    assert detail.params == params and detail == SEQ_GAP.format(params) == result.gaps[0]
    assert json.loads(str(_stored(hq)[0])) == {
        "code": SEQ_GAP.code,
        "template": SEQ_GAP.english,
        "params": params,
    }


def test_an_import_alarm_keeps_the_errors_message(enrolled: Session, hq: Hq, tmp_path: Path) -> None:
    add_persons(enrolled, 1)
    exported = _exported(enrolled, stick_of(tmp_path))
    with pytest.raises(DevicePending):
        hq.imports(exported)
    hq.approve(enrolled)
    hq.store.conn.execute("UPDATE hq_devices SET public_key = ?", ("ab" * 32,))
    with pytest.raises(ImportAlarm) as caught:
        hq.imports(exported)
    (alarm,) = hq.store.alarms()
    assert alarm["kind"] == "import" and alarm["detail"] == caught.value.message
    assert isinstance(alarm["detail"], Said) and alarm["detail"].code == caught.value.code
    assert alarm["detail"].params == {"name": enrolled.device_name}


def test_alarms_stored_before_schema_11_show_their_english(hq: Hq) -> None:
    """An old row has no message; a row whose message is not a plain one is shown as its English too."""
    hq.store.add_alarm("gap", "device-a", None, "events 1..4 of laptop 'old' have not reached HQ")
    with hq.store.transaction():
        hq.store.conn.execute(
            "INSERT INTO hq_alarms (at, kind, device_id, bundle_hash, detail, message) VALUES (?, ?, ?, ?, ?, ?)",
            (
                "t",
                "gap",
                "device-b",
                None,
                "English as stored",
                json.dumps({"code": "x", "template": "{0}", "params": {}}),
            ),
        )
        hq.store.conn.execute(
            "INSERT INTO hq_alarms (at, kind, device_id, bundle_hash, detail, message) VALUES (?, ?, ?, ?, ?, ?)",
            ("t", "gap", "device-c", None, "Not JSON either", "{not json"),
        )
    hq.store.add_alarm("officer_key", "device-d", None, Said(KEY_REPLACED, officer="officer-1"))
    details = [a["detail"] for a in hq.store.alarms()]
    assert details[:3] == [
        "events 1..4 of laptop 'old' have not reached HQ",
        "English as stored",
        "Not JSON either",
    ]
    assert not any(isinstance(d, Said) for d in details[:3])
    assert isinstance(details[3], Said) and details[3].params == {"officer": "officer-1"}
    assert _stored(hq)[0] is None
