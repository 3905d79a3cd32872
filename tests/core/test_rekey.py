"""Re-key after revoking an officer: a fresh data key put straight into the remaining officers' slots
(each types their passphrase), and that the revoked officer's old key-slot copy no longer opens.

Crash safety (SIGKILL at every step and during PRAGMA rekey) is in tests/reliability/test_key_handling.py.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pyrage
import pytest

from fieldapp.demo.build import DEMO_OFFICERS, DEMO_PASSPHRASE, build_demo
from fieldapp.errors import NotAllowed, UnknownOfficer, ValidationError, VaultCorrupt, WrongPassphrase
from fieldapp.paths import BACKUP_DIR, KEYSLOT_FILE, VAULT_FILE
from fieldapp.photos.service import Photos
from fieldapp.records.check import run_check
from fieldapp.records.service import Records
from fieldapp.vault import keyslots
from fieldapp.vault.db import open_database
from fieldapp.vault.migrate import backup, schema_version
from fieldapp.vault.recovery import recover
from fieldapp.vault.rekey import rekey_vault
from fieldapp.vault.session import Session, unlock
from tests.core.test_cli import fieldapp, ok

ADMIN, LEAD, SCREENER = (name for name, _ in DEMO_OFFICERS)
TEMPLATE_PERSONS = 12


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "vault"
    build_demo(folder, DEMO_PASSPHRASE, persons=TEMPLATE_PERSONS)
    return folder


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    shutil.copytree(template, folder)
    return folder


EVERYONE = {ADMIN: DEMO_PASSPHRASE, LEAD: DEMO_PASSPHRASE}  # each typed by its officer


def _open(folder: Path, officer: str = ADMIN) -> Session:
    return unlock(folder, officer, DEMO_PASSPHRASE)


def _old_dek(slot_copy: bytes, officer: str) -> bytes:
    """What a revoked officer who kept a copy of the key-slot file can get out of it."""
    slot_file = keyslots.SlotFile.decode(slot_copy, "copy")
    slot = slot_file.find(officer)
    assert slot is not None
    return keyslots.open_slot(slot_file.vault_id, slot, DEMO_PASSPHRASE).dek


def _photo_digests(session: Session) -> dict[str, str]:
    photos = Photos(Records(session))
    rows = session.conn.execute("SELECT id, data FROM photos").fetchall()
    digests = {pid: hashlib.sha256(photos.original(pid)).hexdigest() for pid, _ in rows}
    assert digests == {pid: json.loads(data)["sha256"] for pid, data in rows}  # byte-exact originals
    return digests


def test_rekey_reseals_remaining_officers_and_locks_out_the_old_key(demo: Path) -> None:
    slot_copy = (demo / KEYSLOT_FILE).read_bytes()  # taken by the screener before being revoked
    old_dek = _old_dek(slot_copy, SCREENER)
    session = _open(demo)
    photos_before = _photo_digests(session)
    assert len(photos_before) >= 2, "the demo should hold portraits"
    old_device = session.device_public_key
    session.disable_officer(SCREENER)
    result = rekey_vault(session, EVERYONE)
    assert result.resealed == [LEAD] and result.checkpointed
    assert session.device_public_key != old_device  # the device key was rotated too
    # The admin's open session goes on working under the new key.
    operation = Records(session).operations()[0]
    after = Records(session).register_person(operation.id, name="Registered After Rekey")
    session.close()
    assert not (demo / f"{VAULT_FILE}-wal").exists() or (demo / f"{VAULT_FILE}-wal").stat().st_size == 0

    with pytest.raises(VaultCorrupt):
        open_database(demo / VAULT_FILE, old_dek).close()
    # The old slot copy put back in place: it unwraps the old key, which opens nothing.
    stolen = demo.parent / "stolen"
    shutil.copytree(demo, stolen)
    for copy in keyslots.slot_paths(stolen):
        copy.write_bytes(slot_copy)
    with pytest.raises(VaultCorrupt):
        unlock(stolen, SCREENER, DEMO_PASSPHRASE)
    with pytest.raises(UnknownOfficer):
        unlock(demo, SCREENER, DEMO_PASSPHRASE)

    lead = _open(demo, LEAD)
    assert not lead.warnings
    assert any(p.id == after.id for p in Records(lead).persons())
    assert len(Records(lead).persons()) == TEMPLATE_PERSONS + 1
    assert _photo_digests(lead) == photos_before  # per-photo keys live inside the vault
    report = run_check(lead)
    assert report.ok, report.problems
    lead.close()
    slots = keyslots.load_current(demo)
    for officer in (ADMIN, LEAD):
        slot = slots.find(officer)
        assert slot is not None
        secrets = keyslots.open_slot(slots.vault_id, slot, DEMO_PASSPHRASE)
        assert secrets.dek != old_dek and secrets.next_dek is None


def test_a_replaced_box_key_gets_the_revoked_officer_nothing(demo: Path) -> None:
    """Issue 17's first re-key bypass: before being disabled, the screener (who holds the data key)
    replaces the team lead's X25519 key in vault.db with her own, so that an asynchronous re-key would
    seal the new data key to her. Now nothing is sealed to any key read from the vault or the file."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    screener = _open(demo, SCREENER)
    mine = X25519PrivateKey.generate()
    mine_public = mine.public_key().public_bytes_raw().hex()
    lead_id = screener.find_officer(LEAD).id
    for key in (f"box_public:{lead_id}", f"box_public:{screener.find_officer(ADMIN).id}"):
        screener.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, mine_public))
    old_dek = screener.secrets.dek
    screener.close()
    session = _open(demo)
    session.disable_officer(SCREENER)
    rekey_vault(session, EVERYONE)
    session.close()
    body = json.loads((demo / KEYSLOT_FILE).read_bytes())["body"]
    assert set(body) == {
        "format",
        "version",
        "vault_id",
        "generation",
        "slots",
        "recovery",
    }  # no pending block
    with pytest.raises(VaultCorrupt):
        open_database(demo / VAULT_FILE, old_dek).close()
    _open(demo, LEAD).close()  # the lead was resealed directly, with the passphrase they typed


def test_a_forged_pending_block_is_never_adopted(demo: Path, tmp_path: Path) -> None:
    """Issue 17's second re-key bypass: with an old copy of the vault and write access later, the revoked
    officer writes a key-slot file whose (unauthenticated) pending block hands every officer a data key
    she chose, and a vault file under that key. No officer adopts it: their unlock fails loudly."""
    screener = _open(demo, SCREENER)
    old_dek = screener.secrets.dek
    screener.close()
    copy = tmp_path / "her-copy"
    shutil.copytree(demo, copy)
    session = _open(demo)
    session.disable_officer(SCREENER)
    rekey_vault(session, EVERYONE)
    session.close()
    # Her vault file, under a data key of her choosing, in place of the real one.
    chosen = bytes(range(32))
    conn = open_database(copy / VAULT_FILE, old_dek)
    conn.execute(f"PRAGMA rekey = \"x'{chosen.hex()}'\"")
    conn.close()
    shutil.copyfile(copy / VAULT_FILE, demo / VAULT_FILE)
    for suffix in ("-wal", "-shm"):
        (demo / f"{VAULT_FILE}{suffix}").unlink(missing_ok=True)
    real = json.loads((demo / KEYSLOT_FILE).read_bytes())["body"]
    real["pending"] = {"dek_id": keyslots.dek_id(chosen), "sealed": {}, "recovery": None}
    digest = hashlib.sha256(json.dumps(real, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
    for path in keyslots.slot_paths(demo):
        path.write_text(json.dumps({"body": real, "sha256": digest}))
    before = keyslots.load_current(demo).find(LEAD)
    with pytest.raises(VaultCorrupt):
        unlock(demo, LEAD, DEMO_PASSPHRASE)
    after = keyslots.load_current(demo).find(LEAD)
    assert before is not None and after is not None and after.ciphertext == before.ciphertext


def test_recovery_slot_is_resealed(demo: Path) -> None:
    hq = pyrage.x25519.Identity.generate()
    session = _open(demo)
    session.set_meta("hq_recipient", str(hq.to_public()))
    session.enrol_recovery(str(hq.to_public()), "hq-key-1")
    session.disable_officer(SCREENER)
    rekey_vault(session, EVERYONE)
    session.close()
    recovered = recover(demo, str(hq), "HQ Admin", "recovery passphrase 1")
    recovered.close()


def test_migration_backups_under_the_old_key_are_deleted(demo: Path) -> None:
    session = _open(demo)
    made = backup(session.conn, demo, schema_version(session.conn))
    assert made.exists()
    session.disable_officer(SCREENER)
    result = rekey_vault(session, EVERYONE)
    session.close()
    assert result.backups_deleted == 1 and not any((demo / BACKUP_DIR).iterdir())


def test_rekey_is_refused_to_non_admins_wrong_passphrases_and_absent_officers(demo: Path) -> None:
    lead = _open(demo, LEAD)
    with pytest.raises(NotAllowed):
        rekey_vault(lead, EVERYONE)
    lead.close()
    before = (demo / KEYSLOT_FILE).read_bytes()
    session = _open(demo)
    with pytest.raises(WrongPassphrase, match=LEAD):
        rekey_vault(session, {**EVERYONE, LEAD: "not the lead passphrase at all"})
    with pytest.raises(ValidationError, match=SCREENER):
        rekey_vault(session, EVERYONE)  # the screener is still active: she must type hers, or be disabled
    session.close()
    assert (demo / KEYSLOT_FILE).read_bytes() == before  # nothing was started


def test_abandoned_rekey_warns_and_can_be_run_again(demo: Path) -> None:
    class Stop(Exception):
        pass

    def stop_after_staging(step: str) -> None:
        if step == "staged":
            raise Stop

    session = _open(demo)
    session.disable_officer(SCREENER)
    with pytest.raises(Stop):
        rekey_vault(session, EVERYONE, checkpoint=stop_after_staging)
    session.close()
    lead = _open(demo, LEAD)  # the old key still opens the vault
    assert any("did not finish" in w for w in lead.warnings)
    lead.close()
    session = _open(demo)
    rekey_vault(session, EVERYONE)
    session.close()
    lead = _open(demo, LEAD)
    assert not lead.warnings
    lead.close()


def test_cli_disable_with_rekey(demo: Path) -> None:
    # The admin's passphrase to unlock, again to re-key, then each remaining officer's (here: the lead's).
    typed = f"{DEMO_PASSPHRASE}\n{DEMO_PASSPHRASE}\n{DEMO_PASSPHRASE}\n"
    out = ok(
        fieldapp(
            "officer",
            "disable",
            SCREENER,
            "--rekey",
            "--officer",
            ADMIN,
            "--passphrase-file",
            "-",
            stdin=typed,
            data_dir=demo,
        )
    )
    assert f"{SCREENER} can no longer unlock" in out
    assert "new data key" in out and "backup" in out and LEAD in out
    status = fieldapp(
        "status", "--json", "--officer", LEAD, "--passphrase-file", "-", stdin=DEMO_PASSPHRASE, data_dir=demo
    )
    assert json.loads(ok(status))
    # Already disabled: --rekey on its own re-keys again.
    out = ok(
        fieldapp(
            "officer",
            "disable",
            SCREENER,
            "--rekey",
            "--officer",
            ADMIN,
            "--passphrase-file",
            "-",
            stdin=typed,
            data_dir=demo,
        )
    )
    assert "can no longer unlock" not in out and "new data key" in out
