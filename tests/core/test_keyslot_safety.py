"""The key-slot file under damage, hostile parameters and concurrent writers (issue 19, defects 1 to 3).

Each copy is written whole; repair never loses a slot either copy holds and writes only after the key
opened this vault's database; KDF parameters read from a file are bounded; programs changing the slots
at once lock each other out instead of losing slots.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from fieldapp.atomic import write_atomic
from fieldapp.errors import KeySlotsCorrupt, VaultCorrupt
from fieldapp.paths import KEYSLOT_FILE
from fieldapp.records.canonical import canonical_json
from fieldapp.vault import keyslots
from fieldapp.vault.recovery import recover
from fieldapp.vault.session import Session, create_vault, slot_officers, unlock
from tests.core.test_cli import fieldapp, ok
from tests.support import PASSPHRASE, add_officer


def _flip(path: Path, where: float = 0.5) -> None:
    raw = bytearray(path.read_bytes())
    raw[int(len(raw) * where)] ^= 0x08
    path.write_bytes(bytes(raw))


def _rewrite(path: Path, change: Any) -> None:
    """A copy with a valid checksum whose body ``change`` altered (what a forger or a bug could write)."""
    body = json.loads(path.read_bytes())["body"]
    change(body)
    import hashlib

    digest = hashlib.sha256(canonical_json(body)).hexdigest()
    path.write_bytes(json.dumps({"body": body, "sha256": digest}).encode())


def test_a_new_vault_has_two_copies_and_survives_one_flipped_bit(vault_dir: Path) -> None:
    create_vault(vault_dir, "Sok Dara", PASSPHRASE).close()
    current, second = keyslots.slot_paths(vault_dir)
    assert current.read_bytes() == second.read_bytes()
    _flip(current)
    opened = unlock(vault_dir, "Sok Dara", PASSPHRASE)
    assert any("restored" in w for w in opened.warnings)
    opened.close()
    assert keyslots.SlotFile.decode(current.read_bytes(), "current").slots


def test_repair_keeps_hq_recovery_slot_of_an_enrolled_laptop(
    enrolled: Session, vault_dir: Path, hq: Any
) -> None:
    """Defect 1: one flipped bit used to restore the generation from before the enrolment."""
    enrolled.close()
    current, _ = keyslots.slot_paths(vault_dir)
    _flip(current, 0.3)
    opened = unlock(vault_dir, "Sok Dara", PASSPHRASE)
    opened.close()
    assert keyslots.load_current(vault_dir).recovery is not None
    recover(vault_dir, str(hq.identity.recovery_identity), "HQ Officer", "hq recovery passphrase").close()


def test_repair_merges_what_only_the_newer_damaged_copy_holds(
    session: Session, vault_dir: Path, hq: Any
) -> None:
    """A vault of an older version kept the previous generation in .prev: a damaged newer current copy
    still gives the slots and the recovery slot it alone holds (each checked by its own encryption)."""
    current, second = keyslots.slot_paths(vault_dir)
    before_enrolment = current.read_bytes()
    hq.enrol(session)
    add_officer(session, "Chan Sophea", "team_lead", "team lead passphrase")
    session.close()
    second.write_bytes(before_enrolment)  # the older layout: .prev one generation behind
    raw = bytearray(current.read_bytes())
    raw[raw.index(b'"sha256"') + 14] ^= 0x01  # damage the checksum itself: the body still reads
    current.write_bytes(bytes(raw))
    opened = unlock(vault_dir, "Chan Sophea", "team lead passphrase")
    opened.close()
    repaired = keyslots.load_current(vault_dir)
    assert repaired.recovery is not None and repaired.find("Chan Sophea") is not None
    assert not repaired.damaged
    unlock(vault_dir, "Sok Dara", PASSPHRASE).close()


def test_an_unreadable_newer_copy_is_kept_aside_not_overwritten(session: Session, vault_dir: Path) -> None:
    current, second = keyslots.slot_paths(vault_dir)
    second_before = current.read_bytes()
    add_officer(session, "Chan Sophea", "team_lead", "team lead passphrase")
    session.close()
    second.write_bytes(second_before)
    garbage = b'{"body": {"generation": 9' + os.urandom(40)
    current.write_bytes(garbage)
    unlock(vault_dir, "Sok Dara", PASSPHRASE).close()
    kept = list(vault_dir.glob(f"{KEYSLOT_FILE}.damaged-*"))
    assert [p.read_bytes() for p in kept] == [garbage]


def test_a_foreign_copy_is_never_written_over_the_own_one(tmp_path: Path) -> None:
    """Defect 1: a foreign .prev (another vault's) used to replace the damaged own file before any check."""
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    create_vault(ours, "Sok Dara", PASSPHRASE).close()
    create_vault(theirs, "Sok Dara", PASSPHRASE).close()
    current, second = keyslots.slot_paths(ours)
    damaged = bytearray(current.read_bytes())
    damaged[len(damaged) // 2] ^= 0x08
    current.write_bytes(bytes(damaged))
    shutil.copyfile(keyslots.slot_paths(theirs)[0], second)
    with pytest.raises(VaultCorrupt):
        unlock(ours, "Sok Dara", PASSPHRASE)
    assert current.read_bytes() == bytes(damaged)  # untouched: the own file may still be mended by hand


@pytest.mark.parametrize("enrolled_first", [False, True])
def test_both_copies_damaged_says_whether_a_recovery_key_exists(
    session: Session, vault_dir: Path, hq: Any, enrolled_first: bool
) -> None:
    if enrolled_first:
        hq.enrol(session)
    session.close()
    for path in keyslots.slot_paths(vault_dir):
        raw = bytearray(path.read_bytes())
        raw[raw.index(b'"sha256"') + 14] ^= 0x01
        path.write_bytes(bytes(raw))
    with pytest.raises(KeySlotsCorrupt) as caught:
        unlock(vault_dir, "Sok Dara", PASSPHRASE)
    if enrolled_first:
        assert "HQ's recovery key can open it" in caught.value.message
    else:
        assert "not enrolled" in caught.value.message and "restore the vault folder" in caught.value.message


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("lanes", 0),
        ("memory_kib", 0),
        ("memory_kib", 2**40),
        ("iterations", 0),
        ("iterations", -1),
        ("iterations", True),
        ("lanes", 2**31),
        ("memory_kib", "65536"),
        ("salt", "00"),
    ],
)
def test_kdf_parameters_from_a_file_are_bounded(
    session: Session, vault_dir: Path, field: str, value: Any
) -> None:
    """Defect 2: absurd parameters behind a valid checksum crashed the unlock (or would take hours)."""
    session.close()

    def absurd(body: dict[str, Any]) -> None:
        body["slots"][0]["kdf"][field] = value

    for path in keyslots.slot_paths(vault_dir):
        _rewrite(path, absurd)
    started = time.monotonic()
    with pytest.raises(KeySlotsCorrupt) as caught:
        unlock(vault_dir, "Sok Dara", PASSPHRASE)
    assert time.monotonic() - started < 5
    assert "damaged" in caught.value.message and "Traceback" not in caught.value.message


def test_the_work_of_memory_times_iterations_is_bounded() -> None:
    heavy = {"alg": "argon2id", "salt": "00" * 16, "memory_kib": 1024 * 1024, "iterations": 16, "lanes": 4}
    with pytest.raises(ValueError, match="minutes"):
        keyslots.KdfParams.from_json(heavy)
    keyslots.KdfParams.from_json({**heavy, "iterations": 4})  # 1 GiB x 4: a few seconds, accepted


def test_the_fast_kdf_switch_is_ignored_outside_the_test_suite_and_in_frozen_builds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert keyslots.KdfParams.new().memory_kib == keyslots.INSECURE_TEST_KDF[0]  # the suite itself
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert keyslots.KdfParams.new().memory_kib == keyslots.PRODUCTION_KDF[0]
    monkeypatch.delattr(sys, "frozen")
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    env["FIELDAPP_INSECURE_FAST_KDF"] = "1"
    probe = "from fieldapp.vault.keyslots import KdfParams; print(KdfParams.new().memory_kib)"
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert int(out.stdout) == keyslots.PRODUCTION_KDF[0]


def test_concurrent_officer_adds_keep_every_slot(session: Session, vault_dir: Path, tmp_path: Path) -> None:
    """Defect 3: four `officer add` at once lost slots and crashed on each other's temp files."""
    session.close()
    names = [f"Officer {n}" for n in range(5)]
    procs = []
    for n, name in enumerate(names):
        one_time = tmp_path / f"one-time-{n}.txt"
        one_time.write_text(f"one time words for officer number {n}\n")
        argv = [
            sys.executable,
            "-m",
            "fieldapp",
            "officer",
            "add",
            name,
            "--data-dir",
            str(vault_dir),
            "--officer",
            "Sok Dara",
            "--passphrase-file",
            "-",
            "--new-passphrase-file",
            str(one_time),
        ]
        env = {**os.environ, "FIELDAPP_INSECURE_FAST_KDF": "1"}
        proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        procs.append(proc)
    for proc in procs:  # all started before any is fed: they run at the same time
        out, err = proc.communicate(PASSPHRASE + "\n", timeout=120)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    listed = {name for _, name in slot_officers(vault_dir)}
    assert listed == {"Sok Dara", *names}
    for n, name in enumerate(names):
        unlock(
            vault_dir,
            name,
            f"one time words for officer number {n}",
            new_passphrase=f"own words of {name} here",
        ).close()
    assert not list(vault_dir.glob(".keyslots.json*.tmp-*"))
    out = ok(
        fieldapp(
            "check", "--officer", "Sok Dara", "--passphrase-file", "-", stdin=PASSPHRASE, data_dir=vault_dir
        )
    )
    assert "OK" in out


def test_the_temp_sweep_spares_a_live_writer(tmp_path: Path) -> None:
    target = tmp_path / "keyslots.json"
    live = tmp_path / f".keyslots.json.tmp-{os.getppid()}-abcd1234"  # a running process's write in progress
    live.write_bytes(b"in progress")
    dead_pid = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = tmp_path / f".keyslots.json.tmp-{int(dead_pid.stdout)}-0000ffff"
    dead.write_bytes(b"half")
    write_atomic(target, b"whole")
    assert live.exists() and not dead.exists()
