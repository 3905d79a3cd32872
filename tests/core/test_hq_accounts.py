"""HQ's named accounts (issue 23): each analyst's own passphrase and signing key, roles the core enforces,
back-off per account, disabling re-seals HQ's keys, and the migration of a single-passphrase HQ."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from fieldapp.errors import UnlockBackoff, VaultCorrupt, WrongPassphrase
from fieldapp.hq import account_admin, decisions, views
from fieldapp.hq.check import run_hq_check
from fieldapp.hq.errors import AccountDisabled, AccountError, HqError, NotAllowed, UnknownAccount
from fieldapp.hq.identity import KEY_FILE, STORE_FILE, unlock_hq
from fieldapp.hq.importer import import_bundle
from fieldapp.hq.review import Review
from fieldapp.hq.store import open_store
from fieldapp.records.ids import uuid7
from fieldapp.vault.db import open_database
from fieldapp.vault.session import Session
from tests.core.test_sync import HQ_ACCOUNT, HQ_PASSPHRASE, Hq, _exported, add_persons, laptop, stick_of

DATA = Path(__file__).resolve().parents[1] / "data"
ANALYST, ANALYST_PASSPHRASE = "Analyst Chan Sophea", "chan sophea's own passphrase"
LIAISON, LIAISON_PASSPHRASE = "Liaison Nguyen Thi Lan", "nguyen thi lan's own passphrase"


def _add(hq: Hq, name: str, role: str, passphrase: str, **scope: Any) -> None:
    account_admin.add_account(
        hq.identity.folder, HQ_PASSPHRASE, name, role, passphrase, account=HQ_ACCOUNT, **scope
    )


def _as(hq: Hq, name: str, passphrase: str) -> tuple[Any, Any]:
    identity = unlock_hq(hq.identity.folder, passphrase, name)
    return identity, open_store(identity, hq.database)


@pytest.fixture
def world(tmp_path: Path, hq: Hq) -> tuple[Hq, list[str], Session]:
    """An HQ with an analyst and a liaison, and one laptop's four persons imported."""
    session = laptop(tmp_path, "team-a")
    hq.enrol(session)
    hq.approve(session)
    ids = add_persons(session, 4)
    hq.imports(_exported(session, stick_of(tmp_path)))
    _add(hq, ANALYST, "analyst", ANALYST_PASSPHRASE)
    _add(hq, LIAISON, "liaison", LIAISON_PASSPHRASE, nationalities=("VNM",))
    return hq, ids, session


def test_roles_are_enforced_in_the_core(world: tuple[Hq, list[str], Session]) -> None:
    hq, ids, session = world
    folder = hq.identity.folder
    with pytest.raises(NotAllowed, match="analyst may not manage HQ accounts") as caught:
        account_admin.add_account(
            folder, ANALYST_PASSPHRASE, "Someone", "admin", "someone's passphrase 1", account=ANALYST
        )
    assert caught.value.code == "hq.role_may_not"  # the declared message, translated by the HQ app
    identity, store = _as(hq, LIAISON, LIAISON_PASSPHRASE)
    try:
        with pytest.raises(NotAllowed, match="liaison may not make review decisions"):
            Review(store, identity).link(ids[0], ids[1], "the liaison tries to link")
        with pytest.raises(NotAllowed, match="liaison may not import"):
            import_bundle(store, identity, [])
    finally:
        store.close()
    identity, store = _as(hq, ANALYST, ANALYST_PASSPHRASE)
    try:
        with pytest.raises(NotAllowed, match="analyst may not approve or revoke laptops"):
            views.decide_device(Review(store, identity), session.device_id, "revoked", "the analyst tries")
        Review(store, identity).link(ids[0], ids[1], "same person, registered twice")  # allowed
    finally:
        store.close()
    with pytest.raises(AccountError, match="at least one active admin"):
        account_admin.set_role(folder, HQ_PASSPHRASE, HQ_ACCOUNT, "analyst", account=HQ_ACCOUNT)
    session.close()


def test_a_decision_carries_the_analysts_signature_and_a_forged_one_is_found(
    world: tuple[Hq, list[str], Session],
) -> None:
    hq, ids, session = world
    session.close()
    identity, store = _as(hq, ANALYST, ANALYST_PASSPHRASE)
    try:
        Review(store, identity).dismiss(ids[2], ids[3], "different mothers, different villages")
        last = decisions.decisions(store.conn)[-1]
        analyst = next(a for a in identity.accounts if a.name == ANALYST)
        assert (last.analyst, last.account_key) == (ANALYST, analyst.verify_key)
        assert last.account_signature and last.account_signature != last.signature
        assert run_hq_check(store, identity).ok
    finally:
        store.close()
    # The liaison unlocks HQ, so holds HQ's signing key; they forge a decision in the analyst's name,
    # signed by HQ, with a signature of their own in place of the analyst's.
    liaison, store = _as(hq, LIAISON, LIAISON_PASSPHRASE)
    try:
        previous = decisions.decisions(store.conn)[-1]
        body: dict[str, Any] = {
            "id": uuid7(),
            "seq": previous.seq + 1,
            "prev_hash": previous.hash,
            "kind": "link",
            "payload": {"link_id": "forged", "person_a": ids[0], "person_b": ids[3], "score_milli": 990},
            "analyst": ANALYST,
            "reason": "looks official enough",
            "created_at": previous.created_at,
            "account_key": analyst.verify_key,
        }
        digest = decisions._hash(liaison.hq_id, body)
        assert liaison.signed_in is not None
        forged = liaison.signed_in.sign(decisions.ACCOUNT_CONTEXT + digest.encode("ascii")).hex()
        with store.transaction():
            store.conn.execute(
                f"INSERT INTO hq_decisions ({decisions.COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    body["id"],
                    body["seq"],
                    body["prev_hash"],
                    digest,
                    "link",
                    json.dumps(body["payload"]),
                    ANALYST,
                    body["reason"],
                    body["created_at"],
                    liaison.sign(decisions.CONTEXT + digest.encode("ascii")).hex(),
                    analyst.verify_key,
                    forged,
                ),
            )
        report = run_hq_check(store, liaison)
        assert any(f"signature of {ANALYST}'s account" in p for p in report.problems), report.problems
    finally:
        store.close()


def test_a_decision_signed_by_hq_alone_after_accounts_began_is_found(hq: Hq, tmp_path: Path) -> None:
    """HQ's key alone (which every account's unlock yields) can no longer add decisions."""
    session = laptop(tmp_path, "team-a")
    hq.enrol(session)
    hq.approve(session)  # decision 1, by the admin's account
    session.close()
    last = decisions.decisions(hq.store.conn)[-1]
    body: dict[str, Any] = {
        "id": uuid7(),
        "seq": 2,
        "prev_hash": last.hash,
        "kind": "dismiss",
        "payload": {"person_a": "p1", "person_b": "p2"},
        "analyst": "Nobody",
        "reason": "signed by HQ's key alone",
        "created_at": last.created_at,
    }
    digest = decisions._hash(hq.identity.hq_id, body)
    with hq.store.transaction():
        hq.store.conn.execute(
            "INSERT INTO hq_decisions (id, seq, prev_hash, hash, kind, payload, analyst, reason, created_at, "
            "signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                body["id"],
                2,
                last.hash,
                digest,
                "dismiss",
                json.dumps(body["payload"]),
                "Nobody",
                body["reason"],
                body["created_at"],
                hq.identity.sign(decisions.CONTEXT + digest.encode("ascii")).hex(),
            ),
        )
    report = run_hq_check(hq.store, hq.identity)
    assert any("carries no account's signature" in p for p in report.problems), report.problems


def test_wrong_passphrases_back_off_per_account(world: tuple[Hq, list[str], Session]) -> None:
    hq, _, session = world
    session.close()
    folder = hq.identity.folder
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            unlock_hq(folder, "not the analyst's passphrase", ANALYST)
    with pytest.raises(UnlockBackoff):
        unlock_hq(folder, ANALYST_PASSPHRASE, ANALYST)  # even the right one waits now
    # Another account is not held back by the analyst's count.
    assert unlock_hq(folder, LIAISON_PASSPHRASE, LIAISON).signed_in is not None
    with pytest.raises(UnknownAccount):
        unlock_hq(folder, ANALYST_PASSPHRASE, "Nobody at all")
    with pytest.raises(UnknownAccount, match="Say which HQ account"):
        unlock_hq(folder, HQ_PASSPHRASE)  # three accounts: which one?


def test_disabling_an_account_reseals_hq(world: tuple[Hq, list[str], Session], tmp_path: Path) -> None:
    hq, ids, session = world
    session.close()
    folder = hq.identity.folder
    identity, store = _as(hq, ANALYST, ANALYST_PASSPHRASE)
    try:
        Review(store, identity).dismiss(ids[0], ids[1], "different persons, same surname")
    finally:
        store.close()
    kept = tmp_path / "kept-key-file.json"  # a copy the analyst kept from before
    shutil.copy(folder / KEY_FILE, kept)
    old_store_key = identity.store_key
    account_admin.disable_account(folder, HQ_PASSPHRASE, ANALYST, account=HQ_ACCOUNT, store=hq.store)
    with pytest.raises(AccountDisabled):
        unlock_hq(folder, ANALYST_PASSPHRASE, ANALYST)
    # The admin and the liaison still open HQ, without having typed anything new; the log still verifies.
    admin = unlock_hq(folder, HQ_PASSPHRASE, HQ_ACCOUNT)
    liaison = unlock_hq(folder, LIAISON_PASSPHRASE, LIAISON)
    assert not admin.previous_store_key
    for who in (admin, liaison):
        store = open_store(who, hq.database)
        try:
            report = run_hq_check(store, who)
            assert report.ok and report.decisions == 2, report.problems
        finally:
            store.close()
    if hq.database is None:  # SQLCipher: the store key itself changed; the kept copy's key opens nothing
        assert admin.store_key != old_store_key
        with pytest.raises(VaultCorrupt):
            open_database(folder / STORE_FILE, old_store_key).close()
    with pytest.raises(AccountError, match="cannot disable their own"):
        account_admin.disable_account(folder, HQ_PASSPHRASE, HQ_ACCOUNT, account=HQ_ACCOUNT)
    assert json.loads(kept.read_text())["accounts"]  # (the kept copy is an old key file, nothing more)


def test_a_disabling_stopped_before_the_store_was_rekeyed_is_finished_when_next_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hq = Hq(tmp_path / "hq")
    hq.store.close()
    folder = hq.identity.folder
    _add(hq, ANALYST, "analyst", ANALYST_PASSPHRASE)

    def power_cut(*_: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(account_admin, "rekey_file", power_cut)
    with pytest.raises(KeyboardInterrupt):
        account_admin.disable_account(folder, HQ_PASSPHRASE, ANALYST, account=HQ_ACCOUNT)
    monkeypatch.undo()
    admin = unlock_hq(folder, HQ_PASSPHRASE, HQ_ACCOUNT)
    assert admin.previous_store_key  # the new key is written, the store not yet re-keyed
    open_store(admin).close()  # re-keys it
    with pytest.raises(VaultCorrupt):
        open_database(folder / STORE_FILE, admin.previous_store_key).close()
    open_database(folder / STORE_FILE, admin.store_key).close()


def test_an_account_changes_its_own_passphrase(tmp_path: Path) -> None:
    hq = Hq(tmp_path / "hq")
    hq.store.close()
    folder = hq.identity.folder
    _add(hq, ANALYST, "analyst", ANALYST_PASSPHRASE)
    account_admin.change_passphrase(
        folder, ANALYST_PASSPHRASE, "a passphrase only chan sophea knows", ANALYST
    )
    with pytest.raises(WrongPassphrase):
        unlock_hq(folder, ANALYST_PASSPHRASE, ANALYST)
    assert unlock_hq(folder, "a passphrase only chan sophea knows", ANALYST).signed_in is not None
    roles = {a.name: a.role for a in account_admin.list_accounts(folder, HQ_PASSPHRASE, HQ_ACCOUNT)}
    assert roles == {HQ_ACCOUNT: "admin", ANALYST: "analyst"}


def test_a_role_edited_in_the_key_file_is_found(tmp_path: Path) -> None:
    """The roster is bound to HQ's secrets: someone who can write the file cannot make a liaison an admin."""
    hq = Hq(tmp_path / "hq")
    hq.store.close()
    folder = hq.identity.folder
    _add(hq, LIAISON, "liaison", LIAISON_PASSPHRASE, nationalities=("VNM",))
    body = json.loads((folder / KEY_FILE).read_text())
    for account in body["accounts"]:
        if account["name"] == LIAISON:
            account["role"] = "admin"
    (folder / KEY_FILE).write_text(json.dumps(body))
    with pytest.raises(Exception, match="altered"):
        unlock_hq(folder, LIAISON_PASSPHRASE, LIAISON)


# --- migration of a single-passphrase HQ --------------------------------------------------------


def test_a_single_passphrase_hq_becomes_one_of_accounts_and_keeps_every_decision(tmp_path: Path) -> None:
    """tests/data/hq-keys-v2 (tests/data/make_hq_keys_v2_fixture.py, made by the release before accounts):
    six decisions under two HQ keys (one rotation), a typed analyst's name on each."""
    folder = tmp_path / "hq"
    shutil.copytree(DATA / "hq-keys-v2", folder)
    assert json.loads((folder / KEY_FILE).read_text())["version"] == 2
    before = (folder / KEY_FILE).read_bytes()
    with pytest.raises(WrongPassphrase):
        unlock_hq(folder, "not the old passphrase")
    assert (folder / KEY_FILE).read_bytes() == before  # a wrong passphrase changes nothing
    identity = unlock_hq(folder, HQ_PASSPHRASE)  # the old passphrase opens the first admin's account
    assert json.loads((folder / KEY_FILE).read_text())["version"] == 3
    assert [(a.name, a.role) for a in identity.accounts] == [("admin", "admin")]
    assert len(identity.verify_keys) == 2
    store = open_store(identity)
    try:
        log = decisions.decisions(store.conn)
        assert [d.kind for d in log] == [
            "approve_device",
            "link",
            "dismiss",
            "unlink",
            "revoke_officer",
            "dismiss",
        ]
        assert {d.analyst for d in log[1:]} == {"Analyst Chan Sophea", "Analyst Keo"}
        assert all(d.account_key is None for d in log)
        report = run_hq_check(store, identity)
        assert report.ok and report.decisions == 6, report.problems
        # The first admin decides from now on: the new decision carries their account's signature.
        persons = store.person_ids()
        Review(store, identity).dismiss(persons[1], persons[3], "checked after the migration")
        assert decisions.decisions(store.conn)[-1].account_key == identity.accounts[0].verify_key
        report = run_hq_check(store, identity)
        assert report.ok and report.decisions == 7, report.problems
    finally:
        store.close()
    again = unlock_hq(folder, HQ_PASSPHRASE, "admin")  # and opens it again, now as an account
    assert again.store_key == identity.store_key


def test_the_check_knows_accounts_added_since_it_was_unlocked(tmp_path: Path, hq: Hq) -> None:
    """The admin's program, unlocked before the analyst's account existed, still verifies their decisions."""
    session = laptop(tmp_path, "team-a")
    hq.enrol(session)
    hq.approve(session)
    ids = add_persons(session, 2)
    hq.imports(_exported(session, stick_of(tmp_path)))
    session.close()
    _add(hq, ANALYST, "analyst", ANALYST_PASSPHRASE)
    identity, store = _as(hq, ANALYST, ANALYST_PASSPHRASE)
    try:
        Review(store, identity).dismiss(ids[0], ids[1], "different persons, same surname")
    finally:
        store.close()
    assert ANALYST not in {a.name for a in hq.identity.accounts}
    report = run_hq_check(hq.store, hq.identity)
    assert report.ok and report.decisions == 2, report.problems


def test_a_store_held_by_another_program_is_rekeyed_when_next_opened(tmp_path: Path) -> None:
    """`hq serve` holding the SQLCipher store: the disabling says so plainly, and the next open finishes it."""
    hq = Hq(tmp_path / "hq")
    folder = hq.identity.folder
    _add(hq, ANALYST, "analyst", ANALYST_PASSPHRASE)
    hq.store.conn.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    try:
        with pytest.raises(HqError, match="close every other program"):
            account_admin.disable_account(folder, HQ_PASSPHRASE, ANALYST, account=HQ_ACCOUNT)
    finally:
        hq.store.conn.execute("ROLLBACK")
        hq.store.close()
    with pytest.raises(AccountDisabled):  # the key file was re-sealed all the same
        unlock_hq(folder, ANALYST_PASSPHRASE, ANALYST)
    admin = unlock_hq(folder, HQ_PASSPHRASE, HQ_ACCOUNT)
    store = open_store(admin)
    try:
        assert run_hq_check(store, admin).ok
    finally:
        store.close()
    with pytest.raises(VaultCorrupt):
        open_database(folder / STORE_FILE, admin.previous_store_key).close()
