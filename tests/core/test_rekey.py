"""Re-key after revoking an officer: a fresh data key that the remaining officers pick up with their
own passphrases, and that the revoked officer's old key-slot copy no longer opens.

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
from fieldapp.vault.session import Session, box_meta_key, unlock
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


def test_rekey_reaches_remaining_officers_and_locks_out_the_old_key(demo: Path) -> None:
    slot_copy = (demo / KEYSLOT_FILE).read_bytes()  # taken by the screener before being revoked
    old_dek = _old_dek(slot_copy, SCREENER)
    session = _open(demo)
    photos_before = _photo_digests(session)
    assert len(photos_before) >= 2, "the demo should hold portraits"
    session.disable_officer(SCREENER)
    result = rekey_vault(session, DEMO_PASSPHRASE)
    assert result.delivered_to == [LEAD] and result.checkpointed
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
    (stolen / KEYSLOT_FILE).write_bytes(slot_copy)
    (stolen / f"{KEYSLOT_FILE}.prev").unlink()
    with pytest.raises(VaultCorrupt):
        unlock(stolen, SCREENER, DEMO_PASSPHRASE)
    with pytest.raises(UnknownOfficer):
        unlock(demo, SCREENER, DEMO_PASSPHRASE)

    # The team lead never typed anything new: their slot still held the old key until now.
    assert keyslots.load_current(demo).pending is not None
    lead = _open(demo, LEAD)
    assert not lead.warnings
    assert any(p.id == after.id for p in Records(lead).persons())
    assert len(Records(lead).persons()) == TEMPLATE_PERSONS + 1
    assert _photo_digests(lead) == photos_before  # per-photo keys live inside the vault
    assert run_check(lead).ok
    lead.close()
    slots = keyslots.load_current(demo)
    assert slots.pending is None  # everyone has picked the new key up
    for officer in (ADMIN, LEAD):
        slot = slots.find(officer)
        assert slot is not None
        assert keyslots.open_slot(slots.vault_id, slot, DEMO_PASSPHRASE).dek != old_dek
    _open(demo, LEAD).close()  # and the rewritten slot opens directly


def test_recovery_slot_is_resealed(demo: Path) -> None:
    hq = pyrage.x25519.Identity.generate()
    session = _open(demo)
    session.set_meta("hq_recipient", str(hq.to_public()))
    session.enrol_recovery(str(hq.to_public()), "hq-key-1")
    session.disable_officer(SCREENER)
    rekey_vault(session, DEMO_PASSPHRASE)
    session.close()
    recovered = recover(demo, str(hq), "HQ Admin", "recovery passphrase 1")
    assert run_check(recovered).ok
    recovered.close()


def test_migration_backups_under_the_old_key_are_deleted(demo: Path) -> None:
    session = _open(demo)
    made = backup(session.conn, demo, schema_version(session.conn))
    assert made.exists()
    session.disable_officer(SCREENER)
    result = rekey_vault(session, DEMO_PASSPHRASE)
    session.close()
    assert result.backups_deleted == 1 and not any((demo / BACKUP_DIR).iterdir())


def test_rekey_is_refused_to_non_admins_and_wrong_passphrases(demo: Path) -> None:
    lead = _open(demo, LEAD)
    with pytest.raises(NotAllowed):
        rekey_vault(lead, DEMO_PASSPHRASE)
    lead.close()
    session = _open(demo)
    with pytest.raises(WrongPassphrase):
        rekey_vault(session, "not the admin passphrase")
    session.close()
    assert keyslots.load_current(demo).pending is None  # nothing was started


def test_officer_whose_key_is_unknown_blocks_the_rekey_until_they_unlock(demo: Path) -> None:
    session = _open(demo)
    lead_id = session.find_officer(LEAD).id
    session.conn.execute("DELETE FROM meta WHERE key = ?", (box_meta_key(lead_id),))  # as in an older vault
    with pytest.raises(ValidationError, match=LEAD):
        rekey_vault(session, DEMO_PASSPHRASE)
    session.close()
    _open(demo, LEAD).close()  # their unlock records their X25519 key
    session = _open(demo)
    assert rekey_vault(session, DEMO_PASSPHRASE).delivered_to == [LEAD, SCREENER]
    session.close()
    for officer in (LEAD, SCREENER):
        _open(demo, officer).close()


def test_abandoned_rekey_warns_and_can_be_run_again(demo: Path) -> None:
    class Stop(Exception):
        pass

    def stop_after_pending(step: str) -> None:
        if step == "pending":
            raise Stop

    session = _open(demo)
    with pytest.raises(Stop):
        rekey_vault(session, DEMO_PASSPHRASE, checkpoint=stop_after_pending)
    session.close()
    lead = _open(demo, LEAD)  # the old key still opens the vault
    assert any("did not finish" in w for w in lead.warnings)
    lead.close()
    session = _open(demo)
    rekey_vault(session, DEMO_PASSPHRASE)
    session.close()
    lead = _open(demo, LEAD)
    assert not lead.warnings
    lead.close()


def test_cli_disable_with_rekey(demo: Path) -> None:
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
            stdin=f"{DEMO_PASSPHRASE}\n{DEMO_PASSPHRASE}\n",
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
            stdin=f"{DEMO_PASSPHRASE}\n{DEMO_PASSPHRASE}\n",
            data_dir=demo,
        )
    )
    assert "can no longer unlock" not in out and "new data key" in out
