"""The vault: creation, unlock, wrong passphrases and back-off, officers, damaged files, data folders."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from fieldapp.errors import (
    DataDirError,
    KeySlotsCorrupt,
    NotAllowed,
    UnknownOfficer,
    UnlockBackoff,
    ValidationError,
    VaultCorrupt,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
)
from fieldapp.paths import KEYSLOT_FILE, VAULT_FILE, prepare_data_dir
from fieldapp.records.check import run_check
from fieldapp.records.service import Records
from fieldapp.vault import backoff, keyslots
from fieldapp.vault.db import open_database
from fieldapp.vault.session import Session, create_vault, slot_officers, unlock
from tests.support import PASSPHRASE, add_officer


def test_vault_is_encrypted_and_reopens(session: Session, vault_dir: Path) -> None:
    session.close()
    raw = (vault_dir / VAULT_FILE).read_bytes()
    assert not raw.startswith(b"SQLite format 3\0")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(vault_dir / VAULT_FILE).execute("SELECT * FROM sqlite_master").fetchall()
    with pytest.raises(VaultCorrupt):
        open_database(vault_dir / VAULT_FILE, os.urandom(32))
    again = unlock(vault_dir, "sok dara", PASSPHRASE)
    assert again.officer.name == "Sok Dara" and again.officer.role == "admin"
    assert again.conn.execute("PRAGMA cipher_version").fetchone()[0]
    assert again.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert again.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    again.close()


def test_data_dir_is_user_only(session: Session, vault_dir: Path) -> None:
    assert (vault_dir.stat().st_mode & 0o777) == 0o700
    for name in (VAULT_FILE, KEYSLOT_FILE):
        assert ((vault_dir / name).stat().st_mode & 0o077) == 0, name


def test_second_vault_in_same_folder_is_refused(session: Session, vault_dir: Path) -> None:
    with pytest.raises(VaultExists):
        create_vault(vault_dir, "Other", PASSPHRASE)


def test_wrong_passphrase_backs_off_and_survives_restart(session: Session, vault_dir: Path) -> None:
    session.close()
    now = [1000.0]
    for _ in range(backoff.FREE_ATTEMPTS):
        with pytest.raises(WrongPassphrase) as info:
            unlock(vault_dir, "Sok Dara", "not the passphrase", clock=lambda: now[0])
        assert "not right" in str(info.value) and PASSPHRASE not in str(info.value)
    # The back-off lives in a file: a "restarted" program (a fresh call, same folder) still waits.
    with pytest.raises(UnlockBackoff) as wait:
        unlock(vault_dir, "Sok Dara", PASSPHRASE, clock=lambda: now[0] + 0.5)
    assert 0 < wait.value.wait_seconds <= 2
    now[0] += 2.1
    opened = unlock(vault_dir, "Sok Dara", PASSPHRASE, clock=lambda: now[0])
    opened.close()
    assert backoff.remaining_wait(vault_dir, lambda: now[0]) == 0  # success resets it


def test_backoff_grows_and_is_capped() -> None:
    waits = [backoff.wait_after(n) for n in range(1, 15)]
    assert waits[:2] == [0, 0] and waits == sorted(waits) and max(waits) == backoff.MAX_WAIT_SECONDS


def test_damaged_backoff_file_does_not_skip_the_wait(session: Session, vault_dir: Path) -> None:
    (vault_dir / "unlock-attempts.json").write_text("{garbage")
    with pytest.raises(UnlockBackoff):
        unlock(vault_dir, "Sok Dara", PASSPHRASE)


def test_unknown_officer(session: Session, vault_dir: Path) -> None:
    with pytest.raises(UnknownOfficer, match="Sok Dara"):
        unlock(vault_dir, "Nobody", PASSPHRASE)


def test_officers_roles_and_passphrase_change(session: Session, vault_dir: Path) -> None:
    add_officer(session, "Chan Sophea", "team_lead", "team lead passphrase")
    add_officer(session, "Vann Piseth", "screener", "screener passphrase")
    assert [name for _, name in slot_officers(vault_dir)] == ["Chan Sophea", "Sok Dara", "Vann Piseth"]
    session.close()

    screener = unlock(vault_dir, "Vann Piseth", "screener passphrase")
    with pytest.raises(NotAllowed, match="admin"):
        screener.add_officer("Someone", "screener", "another passphrase")
    records = Records(screener)
    operation = records.create_operation(name="Test raid")
    person = records.register_person(operation.id, name="A PERSON")
    with pytest.raises(NotAllowed, match="team lead"):
        records.finalise("person", person.id)
    screener.change_passphrase("a brand new passphrase")
    screener.close()

    with pytest.raises(WrongPassphrase):
        unlock(vault_dir, "Vann Piseth", "screener passphrase")
    backoff.reset(vault_dir)
    # The old slot is gone from the previous generation too.
    for path in keyslots.slot_paths(vault_dir):
        old = keyslots.SlotFile.decode(path.read_bytes(), path.name).find("Vann Piseth")
        assert old is not None
        with pytest.raises(WrongPassphrase):
            keyslots.open_slot(
                old and keyslots.SlotFile.decode(path.read_bytes(), "x").vault_id, old, "screener passphrase"
            )
    unlock(vault_dir, "Vann Piseth", "a brand new passphrase").close()


def test_disabled_officer_cannot_unlock(session: Session, vault_dir: Path) -> None:
    add_officer(session, "Vann Piseth", "screener", "screener passphrase")
    session.disable_officer("Vann Piseth")
    with pytest.raises(ValidationError):
        session.disable_officer("Sok Dara")  # not yourself
    session.close()
    with pytest.raises(UnknownOfficer):
        unlock(vault_dir, "Vann Piseth", "screener passphrase")


def test_short_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="at least"):
        create_vault(tmp_path / "v", "Sok Dara", "short")


def test_slots_cannot_be_swapped_between_officers(session: Session, vault_dir: Path) -> None:
    add_officer(session, "Vann Piseth", "screener", "screener passphrase")
    session.close()
    current = keyslots.load_current(vault_dir)
    dara, vann = current.find("Sok Dara"), current.find("Vann Piseth")
    assert dara and vann
    # Vann's ciphertext under Dara's ids: the associated data no longer matches.
    forged = keyslots.Slot(
        dara.slot_id, dara.officer_id, dara.officer_name, vann.kdf, vann.nonce, vann.ciphertext
    )
    with pytest.raises(WrongPassphrase):
        keyslots.open_slot(current.vault_id, forged, "screener passphrase")
    # A downgraded KDF (cheaper parameters) breaks the binding as well.
    weaker = keyslots.KdfParams(dara.kdf.salt, dara.kdf.memory_kib // 2, dara.kdf.iterations, dara.kdf.lanes)
    downgraded = keyslots.Slot(
        dara.slot_id, dara.officer_id, dara.officer_name, weaker, dara.nonce, dara.ciphertext
    )
    with pytest.raises(WrongPassphrase):
        keyslots.open_slot(current.vault_id, downgraded, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        keyslots.open_slot("another-vault", dara, PASSPHRASE)


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_damaged_keyslot_file_falls_back_to_previous_generation(
    session: Session, vault_dir: Path, damage: str
) -> None:
    add_officer(session, "Chan Sophea", "team_lead", "team lead passphrase")  # makes a previous generation
    session.close()
    path = vault_dir / KEYSLOT_FILE
    raw = bytearray(path.read_bytes())
    if damage == "truncate":
        raw = raw[: len(raw) // 2]
    elif damage == "flip":
        raw[len(raw) // 3] ^= 0x04
    elif damage == "garbage":
        raw = bytearray(os.urandom(300))
    else:
        raw = bytearray()
    path.write_bytes(bytes(raw))
    opened = unlock(vault_dir, "Sok Dara", PASSPHRASE)
    assert any("restored" in w for w in opened.warnings)
    opened.close()
    keyslots.SlotFile.decode(path.read_bytes(), "current")  # repaired on disk


def test_both_keyslot_generations_damaged(session: Session, vault_dir: Path) -> None:
    add_officer(session, "Chan Sophea", "team_lead", "team lead passphrase")
    session.close()
    for path in keyslots.slot_paths(vault_dir):
        path.write_bytes(b"{}")
    with pytest.raises(KeySlotsCorrupt, match="recovery key"):
        unlock(vault_dir, "Sok Dara", PASSPHRASE)


def test_flipped_byte_in_vault_file_is_reported(session: Session, vault_dir: Path) -> None:
    records = Records(session)
    operation = records.create_operation(name="Raid")
    for i in range(50):
        records.register_person(operation.id, name=f"PERSON {i}")
    session.close()
    path = vault_dir / VAULT_FILE
    raw = bytearray(path.read_bytes())
    raw[4096 * 2 + 100] ^= 0x01  # a data page: its HMAC no longer matches
    path.write_bytes(bytes(raw))
    try:
        opened = unlock(vault_dir, "Sok Dara", PASSPHRASE)
    except VaultCorrupt as exc:
        assert "damaged" in str(exc)  # found while opening
        return
    try:
        assert not run_check(opened).ok  # or found by the check
    finally:
        opened.close()


def test_truncated_vault_file(session: Session, vault_dir: Path) -> None:
    session.close()
    path = vault_dir / VAULT_FILE
    path.write_bytes(path.read_bytes()[:5000])
    with pytest.raises(VaultCorrupt):
        unlock(vault_dir, "Sok Dara", PASSPHRASE)


def test_data_dir_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "afile"
    target.write_text("x")
    with pytest.raises(DataDirError, match="is a file"):
        prepare_data_dir(target)
    with pytest.raises(DataDirError):
        create_vault(target, "Sok Dara", PASSPHRASE)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_data_dir(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(DataDirError):
        create_vault(locked / "inner", "Sok Dara", PASSPHRASE)


def test_unwritable_data_dir_as_another_user(tmp_path: Path) -> None:
    """Root ignores permissions, so prove the check with a folder on a read-only path instead."""
    with pytest.raises(DataDirError):
        prepare_data_dir(Path("/proc/fieldapp-cannot-be-here"))


def test_missing_vault(tmp_path: Path) -> None:
    tmp_path.joinpath("empty").mkdir()
    with pytest.raises(VaultNotFound):
        unlock(tmp_path / "empty", "Sok Dara", PASSPHRASE)
    with pytest.raises(DataDirError):
        unlock(tmp_path / "nowhere", "Sok Dara", PASSPHRASE)


def test_keyslot_file_names_no_person_data(session: Session, vault_dir: Path) -> None:
    records = Records(session)
    operation = records.create_operation(name="Raid")
    records.register_person(operation.id, name="UNIQUE PERSONNAME")
    body = json.loads((vault_dir / KEYSLOT_FILE).read_text())
    assert "UNIQUE" not in json.dumps(body)


def test_a_temp_file_left_by_a_killed_slot_write_is_cleaned_up(session: Session, vault_dir: Path) -> None:
    leftover = vault_dir / ".keyslots.json.tmp-99999"
    leftover.write_bytes(b"half a key-slot file")
    add_officer(session, "Chan Sophea", "team_lead", "team lead passphrase")
    assert not leftover.exists()
