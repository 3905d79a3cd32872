"""Officer authority is cryptographic (issue 17, item 1): the attacks of the security review, on the laptop
(`fieldapp check`), at HQ's import and in `hq check`.

A screener holds the vault's data key and so the device key: every forgery here is correctly
device-signed, as it was in the review. What stops it is the officers' own signatures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.errors import ChoosePassphrase, WeakPassphrase
from fieldapp.hq.check import run_hq_check
from fieldapp.hq.errors import ImportAlarm
from fieldapp.records.check import run_check
from fieldapp.records.events import EVENT_COLUMNS, Event
from fieldapp.records.service import Records
from fieldapp.vault import keyslots
from fieldapp.vault.session import Session, unlock
from tests.core.test_sync import _exported, add_persons, stick_of
from tests.support import PASSPHRASE, add_officer

LEAD, SCREENER = "Chan Sophea", "Vann Piseth"
LEAD_PP, SCREENER_PP = "team lead passphrase", "screener passphrase"


def _team(session: Session) -> tuple[str, str]:
    lead = add_officer(session, LEAD, "team_lead", LEAD_PP)
    screener = add_officer(session, SCREENER, "screener", SCREENER_PP)
    return lead.id, screener.id


def _person(session: Session) -> str:
    records = Records(session)
    operation = records.create_operation(name="Raid Poipet")
    person = records.register_person(operation.id, name="SOK CHANTHA", nationality="KHM")
    records.finalise("person", person.id)
    return person.id


def _screener_makes_herself_admin(folder: Path) -> Session:
    """The review's first attack: the screener appends set_role admin for herself, then (as admin) an
    amendment "attested by" the team lead after giving the lead a key of her own."""
    screener = unlock(folder, SCREENER, SCREENER_PP)
    screener.log.append("officer", screener.officer.id, "set_role", {"role": "admin"})
    return screener


def _problems(session: Session) -> list[str]:
    return run_check(session).problems


def test_a_screener_cannot_make_herself_admin(session: Session, vault_dir: Path) -> None:
    _team(session)
    session.close()
    screener = _screener_makes_herself_admin(vault_dir)
    problems = _problems(screener)
    screener.close()
    assert any("set_role): needs a admin, but was signed by a screener" in p for p in problems), problems


def test_a_screener_cannot_sign_as_the_team_lead(session: Session, vault_dir: Path) -> None:
    lead_id, _ = _team(session)
    person_id = _person(session)
    session.close()
    screener = unlock(vault_dir, SCREENER, SCREENER_PP)
    mine = Ed25519PrivateKey.generate()
    # Give the lead "a new key" she holds, then amend as the lead with it.
    screener.log.append(
        "officer", lead_id, "rekey", {"public_key": mine.public_key().public_bytes_raw().hex()}
    )
    screener.log.officer_id = lead_id
    screener.log.use_keys(officer_key=mine)
    screener.log.append(
        "person", person_id, "amend", {"fields": {"name": "SOMEONE ELSE"}, "reason": "typo", "version": 2}
    )
    problems = _problems(screener)
    screener.close()
    assert any("officer.rekey): only the officer themself can do this" in p for p in problems), problems
    assert any("person.amend" in p or "officer signature is not valid" in p for p in problems), problems


def test_a_forged_officer_creation_and_activation_fail(session: Session, vault_dir: Path) -> None:
    _team(session)
    session.close()
    screener = unlock(vault_dir, SCREENER, SCREENER_PP)
    puppet = Ed25519PrivateKey.generate().public_key().public_bytes_raw().hex()
    # An officer of her own making, with a key, "created" by her (not an admin, not by invitation).
    screener.log.append(
        "officer",
        "01234567-0000-7000-8000-000000000001",
        "create",
        {"name": "Puppet", "role": "admin", "public_key": puppet},
    )
    problems = _problems(screener)
    screener.close()
    assert any("officer.create" in p for p in problems), problems


def test_first_unlock_makes_the_officers_own_key_and_passphrase(session: Session, vault_dir: Path) -> None:
    session.add_officer(LEAD, "team_lead", "one time words for the lead")
    admin_seed = session.secrets.signing_seed
    session.close()
    with pytest.raises(ChoosePassphrase):
        unlock(vault_dir, LEAD, "one time words for the lead")
    with pytest.raises(WeakPassphrase):
        unlock(vault_dir, LEAD, "one time words for the lead", new_passphrase="password12")
    with pytest.raises(WeakPassphrase):
        unlock(vault_dir, LEAD, "one time words for the lead", new_passphrase="one time words for the lead")
    lead = unlock(vault_dir, LEAD, "one time words for the lead", new_passphrase=LEAD_PP)
    own = lead.secrets
    assert own.voucher_seed is None and own.signing_seed != admin_seed
    events = [
        Event.from_row(r)
        for r in lead.conn.execute(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE entity_id = ? ORDER BY device_seq", (lead.officer.id,)
        )
    ]
    assert [e.op for e in events] == ["create", "activate"]
    assert "public_key" not in events[0].payload and events[0].payload["invite_key"]
    assert run_check(lead).ok
    lead.close()
    # The one-time passphrase is spent: only her own opens her slot now.
    with pytest.raises(Exception, match="not right"):
        unlock(vault_dir, LEAD, "one time words for the lead")
    slot = keyslots.load_current(vault_dir).find(LEAD)
    assert slot is not None and slot.kind == "officer"
    unlock(vault_dir, LEAD, LEAD_PP).close()


def test_a_first_unlock_killed_between_its_steps_is_finished_by_the_next(
    session: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The slot with her own key is written before the activation is logged; killed in between, her next
    unlock (with her own passphrase) logs it."""
    from fieldapp.vault import officers

    session.add_officer(LEAD, "team_lead", "one time words for the lead")
    session.close()

    class Killed(Exception):
        pass

    def killed(*_: Any) -> None:
        raise Killed

    monkeypatch.setattr(officers, "settle", killed)
    with pytest.raises(Killed):
        unlock(vault_dir, LEAD, "one time words for the lead", new_passphrase=LEAD_PP)
    monkeypatch.undo()
    lead = unlock(vault_dir, LEAD, LEAD_PP)
    assert lead.conn.execute("SELECT count(*) FROM events WHERE op = 'activate'").fetchone()[0] == 1
    assert run_check(lead).ok
    lead.close()


def test_set_role_and_disable_by_an_admin_pass_the_check(session: Session, vault_dir: Path) -> None:
    _team(session)
    session.set_role(SCREENER, "team_lead")
    session.disable_officer(LEAD)
    report = run_check(session)
    assert report.ok, report.problems
    assert not any("legacy" in w for w in report.warnings)


# --- at HQ ------------------------------------------------------------------------------------------


def test_hq_refuses_a_screener_made_admin_with_an_alarm(
    enrolled: Session, hq: Any, vault_dir: Path, tmp_path: Path
) -> None:
    _team(enrolled)
    add_persons(enrolled, 1)
    hq.approve(enrolled)
    hq.imports(_exported(enrolled, stick_of(tmp_path, "one")))
    enrolled.close()
    screener = _screener_makes_herself_admin(vault_dir)
    forged = _exported(screener, stick_of(tmp_path, "two"))
    screener.close()
    before = hq.count()
    with pytest.raises(ImportAlarm, match="who may do what"):
        hq.imports(forged)
    assert hq.count() == before
    assert any("needs a admin" in a["detail"] for a in hq.store.alarms())


def test_hq_check_finds_forged_authority_put_straight_into_the_store(
    enrolled: Session, hq: Any, vault_dir: Path, tmp_path: Path
) -> None:
    """Events written into HQ's store behind the importer's back (a compromised HQ host)."""
    _team(enrolled)
    hq.approve(enrolled)
    hq.imports(_exported(enrolled, stick_of(tmp_path, "one")))
    enrolled.close()
    screener = _screener_makes_herself_admin(vault_dir)
    row = screener.conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events ORDER BY device_seq DESC LIMIT 1"
    ).fetchone()
    screener.close()
    with hq.store.transaction():
        hq.store.insert_events([Event.from_row(row).to_row()])
    report = run_hq_check(hq.store, hq.identity)
    assert any("needs a admin" in p for p in report.problems), report.problems


def test_hq_pins_officer_keys_and_alarms_on_a_change(
    enrolled: Session, hq: Any, vault_dir: Path, tmp_path: Path
) -> None:
    lead_id, _ = _team(enrolled)
    hq.approve(enrolled)
    hq.imports(_exported(enrolled, stick_of(tmp_path, "one")))
    events_before = hq.count()
    enrolled.close()
    # A legitimate key replacement (signed by the old key) is imported, with an alarm naming it.
    lead = unlock(vault_dir, LEAD, LEAD_PP)
    from fieldapp.vault.officers import _replace_key

    slot = keyslots.load_current(vault_dir).find(LEAD)
    assert slot is not None
    _replace_key(lead, slot, LEAD_PP)
    result = hq.imports(_exported(lead, stick_of(tmp_path, "two")))
    lead.close()
    assert result.new_events and hq.count() > events_before
    assert any(a["kind"] == "officer_key" and lead_id in a["detail"] for a in hq.store.alarms())


def test_legacy_events_are_flagged_not_refused(tmp_path: Path) -> None:
    """A vault from before log format 2 (tests/data): its old events are accepted as before and reported
    as legacy authority; its first unlock moves it to format 2 and gives the officer a key of their own."""
    import shutil

    folder = tmp_path / "old"
    shutil.copytree(Path(__file__).parents[1] / "data" / "vault-schema4", folder)
    old_seed = keyslots.open_slot(
        keyslots.load_current(folder).vault_id, keyslots.load_current(folder).slots[0], PASSPHRASE
    ).signing_seed
    session = unlock(folder, "Sok Dara", PASSPHRASE)
    ops = [r[0] for r in session.conn.execute("SELECT entity || '.' || op FROM events ORDER BY device_seq")]
    assert ops[-2:] == ["device.log_format", "officer.rekey"]
    assert session.secrets.signing_seed != old_seed
    report = run_check(session)
    assert report.ok, report.problems
    assert any("legacy authority" in w for w in report.warnings)
    session.close()
    body = json.loads((folder / "keyslots.json").read_bytes())["body"]
    assert len(body["slots"]) == 1


def test_hq_enforces_its_revocation_of_an_officer(
    enrolled: Session, hq: Any, vault_dir: Path, tmp_path: Path
) -> None:
    """An admin HQ revoked cannot extend their reach from the laptop: officers they create (or roles they
    change) after the revocation are refused at HQ; their other work is imported with an alarm."""
    from fieldapp.hq import officers

    second = add_officer(enrolled, "Meas Vanna", "admin", "second admin passphrase")
    hq.approve(enrolled)
    hq.imports(_exported(enrolled, stick_of(tmp_path, "one")))
    officers.revoke(hq.review(), enrolled.device_id, second.id, "left the unit with a copy of the key")
    enrolled.close()
    revoked = unlock(vault_dir, "Meas Vanna", "second admin passphrase")  # the laptop has no receipt yet
    revoked.add_officer("Puppet Officer", "admin", "one time words for the puppet")
    bundle = _exported(revoked, stick_of(tmp_path, "two"))
    revoked.close()
    with pytest.raises(ImportAlarm, match="HQ has revoked"):
        hq.imports(bundle)
