"""A full disk: the save is refused in plain words, nothing confirmed is lost, the vault opens afterwards."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp import atomic
from fieldapp.errors import StorageFull
from fieldapp.paths import VAULT_FILE
from fieldapp.records.check import run_check
from fieldapp.records.service import Records
from fieldapp.vault import keyslots
from fieldapp.vault.session import Session, unlock
from tests.support import PASSPHRASE, add_officer


def test_vault_fills_up_and_recovers(session: Session, vault_dir: Path) -> None:
    Records(session).create_operation(name="Raid")
    session.close()
    size = (vault_dir / VAULT_FILE).stat().st_size
    limit = size + 600_000  # room for some persons, then "disk full" (the limit applies to every file)
    child = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("disk_full_writer.py")),
            str(vault_dir),
            PASSPHRASE,
            str(limit),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    lines = child.stdout.splitlines()
    assert child.returncode == 0, child.stderr
    assert lines[-1].startswith("FULL The disk is full or cannot be written"), lines[-3:]
    confirmed = [line.split()[1] for line in lines if line.startswith("CONFIRMED")]
    assert len(confirmed) > 3

    reopened = unlock(vault_dir, "Sok Dara", PASSPHRASE)
    try:
        present = {p.id for p in Records(reopened).persons(limit=1_000_000)}
        assert set(confirmed) <= present
        report = run_check(reopened)
        assert report.ok, report.problems
        Records(reopened).register_person(Records(reopened).operations()[0].id, name="AFTER SPACE FREED")
    finally:
        reopened.close()


def test_full_disk_while_saving_key_slots_keeps_the_old_file(
    session: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (vault_dir / keyslots.KEYSLOT_FILE).read_bytes()
    real_write = os.write

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full)
    with pytest.raises(StorageFull, match="disk is full"):
        add_officer(session, "Chan Sophea", "team_lead", "team lead passphrase")
    monkeypatch.setattr(atomic.os, "write", real_write)
    assert (vault_dir / keyslots.KEYSLOT_FILE).read_bytes() == before
    assert not list(vault_dir.glob(".keyslots.json.tmp-*"))
    assert [o.name for o in session.officers()] == ["Sok Dara"]  # no officer without a slot
    session.close()
    unlock(vault_dir, "Sok Dara", PASSPHRASE).close()
