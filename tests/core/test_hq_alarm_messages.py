"""HQ's import alarms keep their declared message beside the English text (schema 11), on either store, so
the HQ app can show them in the admin's language; alarms stored before keep showing their English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.errors import Said, Term
from fieldapp.hq.errors import DevicePending, ImportAlarm
from fieldapp.hq.import_plan import AUTHORITY_BROKEN, KEY_REPLACED
from fieldapp.hq.importer import SEQ_GAP
from fieldapp.records.authority import DISABLED_SIGNER, ROLE_TOO_LOW, role_word
from fieldapp.records.events import EVENT_REFERENCE
from fieldapp.records.service import Records
from fieldapp.vault.session import Session, unlock
from tests.core.test_sync import Hq, _exported, add_persons, stick_of
from tests.support import PASSPHRASE, add_officer

SCREENER, SCREENER_PP = "Vann Piseth", "screener passphrase"


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


def disabled_officers_bundle(enrolled: Session, hq: Hq, tmp_path: Path) -> tuple[Path, Said]:
    """A bundle whose last event was signed by a screener the admin had disabled (her key taken before):
    HQ refuses it with an alarm. Returns the bundle and that event's reference as the rule names it."""
    folder, admin = enrolled.data_dir, enrolled.officer.name
    add_officer(enrolled, SCREENER, "screener", SCREENER_PP)
    (person,) = add_persons(enrolled, 1)
    hq.approve(enrolled)
    hq.imports(_exported(enrolled, stick_of(tmp_path, "one")))
    enrolled.close()
    screener = unlock(folder, SCREENER, SCREENER_PP)
    screener_id, screener_key = screener.officer.id, screener.log._officer_key
    screener.close()
    session = unlock(folder, admin, PASSPHRASE)
    session.disable_officer(SCREENER)
    session.log.officer_id = screener_id
    session.log.use_keys(officer_key=screener_key)
    event = session.log.append("person", person, "update", {"fields": {"name": "SOMEONE ELSE"}})
    paths = _exported(session, stick_of(tmp_path, "two")).paths
    session.close()
    return paths[0].parent, event.reference


def test_an_alarm_keeps_the_broken_rule_as_a_message_of_its_own(
    enrolled: Session, hq: Hq, tmp_path: Path
) -> None:
    """The rule a bundle broke is a declared message inside the alarm's: stored whole (code, template,
    parameters), so the HQ app can translate it, the event's reference inside it too."""
    stick, where = disabled_officers_bundle(enrolled, hq, tmp_path)
    before = hq.count()
    with pytest.raises(ImportAlarm, match="who may do what") as caught:
        hq.imports(sorted(stick.iterdir()))
    assert hq.count() == before
    reference = {
        "code": EVENT_REFERENCE.code,
        "template": EVENT_REFERENCE.english,
        "params": {"seq": where.params["seq"], "action": "person.update"},
    }
    problem = {
        "code": DISABLED_SIGNER.code,
        "template": DISABLED_SIGNER.english,
        "params": {"where": reference},
    }
    (alarm,) = [a for a in hq.store.alarms() if a["kind"] == "import"]
    detail = alarm["detail"]
    assert (
        detail
        == caught.value.message
        == AUTHORITY_BROKEN.format({"problem": f"{where}: made by a disabled officer"})
    )
    assert isinstance(detail, Said) and detail.code == AUTHORITY_BROKEN.code
    inner = detail.params["problem"]
    assert isinstance(inner, Said) and (inner.code, inner.params) == (DISABLED_SIGNER.code, {"where": where})
    stored = [json.loads(str(m)) for m in _stored(hq) if m and AUTHORITY_BROKEN.code in str(m)]
    assert stored == [
        {"code": AUTHORITY_BROKEN.code, "template": AUTHORITY_BROKEN.english, "params": {"problem": problem}}
    ]


NESTED_OK = {"code": "authority.disabled_signer", "template": "{where}: made by a disabled officer"}


@pytest.mark.parametrize(
    "problem",
    [
        {
            **NESTED_OK,
            "params": {"where": {**NESTED_OK, "params": {"where": {**NESTED_OK, "params": {"where": "x"}}}}},
        },
        {**NESTED_OK, "params": {"where": ["event 1"]}},
        {**NESTED_OK, "template": "{where.__class__}", "params": {"where": "event 1"}},
        {**NESTED_OK, "template": "{where} {extra}", "params": {"where": "event 1"}},
        {**NESTED_OK, "params": {"where": "x" * 100_000}},
        [{**NESTED_OK, "params": {"where": "event 1"}}, "not a message"],
        [{**NESTED_OK, "params": {"where": "event 1"}}] * 17,
        [],
        {**NESTED_OK, "code": "Not A Code", "params": {"where": "event 1"}},
    ],
    ids=[
        "three-levels",
        "nested-list",
        "attribute",
        "mismatch",
        "100kB",
        "mixed-list",
        "long-list",
        "empty",
        "code",
    ],
)
def test_a_crafted_nested_parameter_shows_the_alarms_english(hq: Hq, problem: object) -> None:
    english = "The bundle breaks the rules of who may do what (as stored): nothing from it was imported."
    crafted = {
        "code": AUTHORITY_BROKEN.code,
        "template": AUTHORITY_BROKEN.english,
        "params": {"problem": problem},
    }
    with hq.store.transaction():
        hq.store.conn.execute(
            "INSERT INTO hq_alarms (at, kind, device_id, bundle_hash, detail, message) VALUES (?, ?, ?, ?, ?, ?)",
            ("t", "import", "device-a", None, english, json.dumps(crafted)),
        )
    (alarm,) = hq.store.alarms()
    assert alarm["detail"] == english and not isinstance(alarm["detail"], Said)


def test_a_list_of_messages_as_a_parameter_is_kept_whole(hq: Hq) -> None:
    problems = [Said(DISABLED_SIGNER, where=f"event {n} (person.update)") for n in (3, 4)]
    hq.store.add_alarm("import", "device-a", None, Said(AUTHORITY_BROKEN, problem=problems))
    (alarm,) = hq.store.alarms()
    detail = alarm["detail"]
    assert detail == AUTHORITY_BROKEN.format({"problem": [str(p) for p in problems]})
    assert isinstance(detail, Said) and isinstance(detail.params["problem"], list)
    assert [(p.code, p.params) for p in detail.params["problem"]] == [(p.code, p.params) for p in problems]


def _role_too_low(hq: Hq) -> Said:
    problem = Said(
        ROLE_TOO_LOW,
        where="event 5 (officer.set_role)",
        needed=role_word("admin"),
        role=role_word("screener"),
    )
    hq.store.add_alarm("import", "device-a", None, ImportAlarm(AUTHORITY_BROKEN, problem=problem))
    return problem


def test_a_role_in_a_stored_alarm_is_read_back_as_the_word_the_app_declares(hq: Hq) -> None:
    """The roles inside the broken rule are stored as tagged words and rebuilt as the app's own terms,
    so the HQ app can translate them; the English text is unchanged."""
    problem = _role_too_low(hq)
    (stored,) = _stored(hq)
    assert json.loads(str(stored))["params"]["problem"]["params"]["role"] == {"term": ["roles", "screener"]}
    (alarm,) = hq.store.alarms()
    rule = alarm["detail"].params["problem"]
    assert rule == problem == "event 5 (officer.set_role): needs a admin, but was signed by a screener"
    assert rule.params["role"] == role_word("screener") and rule.params["needed"] == role_word("admin")
    assert isinstance(rule.params["role"], Term)


def _crafted_role_alarm(hq: Hq, word: object) -> object:
    """An alarm whose broken rule names the signer's role with ``word`` (as if the store was edited)."""
    english = "as stored"
    crafted = {
        "code": AUTHORITY_BROKEN.code,
        "template": AUTHORITY_BROKEN.english,
        "params": {
            "problem": {
                "code": ROLE_TOO_LOW.code,
                "template": ROLE_TOO_LOW.english,
                "params": {"where": "event 5 (officer.set_role)", "needed": "admin", "role": word},
            }
        },
    }
    with hq.store.transaction():
        hq.store.conn.execute(
            "INSERT INTO hq_alarms (at, kind, device_id, bundle_hash, detail, message) VALUES (?, ?, ?, ?, ?, ?)",
            ("t", "import", "device-a", None, english, json.dumps(crafted)),
        )
    (alarm,) = hq.store.alarms()
    return alarm["detail"]


@pytest.mark.parametrize(
    "context, english",
    [("roles", "pope"), ("errors", "screener"), ("Roles", "screener")],
    ids=["unknown-word", "other-context", "context-case"],
)
def test_a_word_the_app_does_not_declare_stays_english(hq: Hq, context: str, english: str) -> None:
    detail = _crafted_role_alarm(hq, {"term": [context, english]})
    assert isinstance(detail, Said)
    role = detail.params["problem"].params["role"]  # type: ignore[attr-defined]
    assert role == english and not isinstance(role, Term)
    assert (
        detail.params["problem"]
        == f"event 5 (officer.set_role): needs a admin, but was signed by a {english}"
    )


@pytest.mark.parametrize(
    "word",
    [
        {"term": ["roles", "screener", "extra"]},
        {"term": ["roles", 7]},
        {"term": "screener"},
        {"term": ["roles", "x" * 100_000]},
        {"term": ["roles", "screener"], "code": "x"},
    ],
    ids=["three", "number", "not-a-pair", "100kB", "extra-key"],
)
def test_a_malformed_word_record_shows_the_alarms_english(hq: Hq, word: dict[str, object]) -> None:
    detail = _crafted_role_alarm(hq, word)
    assert detail == "as stored" and not isinstance(detail, Said)
