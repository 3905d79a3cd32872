"""No personal data reaches the disk in plaintext: not in the vault, its WAL, backups or temp files.

Persons are registered with known canary strings in several scripts (names, aliases, document
numbers, notes, an amendment reason), one is finalised and amended, the check runs, and every file
under the data folder and the process temp folder is scanned for the canaries in UTF-8, UTF-16-LE
and UTF-16-BE: once while a session is still unlocked (the WAL holds fresh pages), then after
locking, after a wrong passphrase (the back-off file) and after `fieldapp check` in a subprocess.
A positive control plants a canary in plain files so the scanner is known to find one.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pytest

from fieldapp.errors import VaultCorrupt, WrongPassphrase
from fieldapp.records.check import run_check
from fieldapp.records.service import Records
from fieldapp.vault.db import open_database
from fieldapp.vault.migrate import backup, latest_version
from fieldapp.vault.session import create_vault, unlock
from tests.support import PASSPHRASE

OFFICER = "Sok Dara"  # officer names are readable before unlocking (key-slot file), so no canary here
CANARIES = (
    "CANARYALPHA",
    "សុខាកាណារី",  # Khmer
    "金丝雀测试",  # Chinese
    "นกขมิ้นทดสอบ",  # Thai
    "Nguyễn Canary Thị",  # Vietnamese
    "CANARYDOC12345",
    "CANARYALIAS",
    "CANARYNOTE",
    "CANARYAMENDED",
    "CANARYREASON",
    "CANARYRAID",
)
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
SQLITE_HEADER = b"SQLite format 3\0"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_INSECURE_FAST_KDF", "1")


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh TMPDIR for this test (SQLite and Python both read it), so its files can be scanned."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setenv("SQLITE_TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def scan(*roots: Path, canaries: Iterable[str] = CANARIES) -> list[str]:
    """Every (file, canary, encoding) hit under ``roots`` (tests/reliability scans for other strings)."""
    # A needle of fewer than 6 bytes (a two-character Chinese name in UTF-16 is 4) turns up by chance in
    # ciphertext: a random megabyte holds a given 4-byte string with odds of 1 in 4,000, 6 bytes 1 in 2.8e8.
    needles = [(c, enc, c.encode(enc)) for c in canaries for enc in ENCODINGS if len(c.encode(enc)) >= 6]
    hits = []
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            data = path.read_bytes()
            hits += [f"{path.relative_to(root.parent)}: {c!r} ({enc})" for c, enc, b in needles if b in data]
    return hits


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_scanner_finds_a_planted_canary(tmp_path: Path) -> None:
    folder = tmp_path / "control"
    folder.mkdir()
    assert scan(folder) == []
    (folder / "utf16.txt").write_bytes(b"junk" + "名字 金丝雀测试 x".encode("utf-16-le") + b"junk")
    (folder / "sub").mkdir()
    (folder / "sub" / "utf8.bin").write_bytes(b"\0\1" + "សុខាកាណារី".encode() + b"\xff")
    plain = sqlite3.connect(folder / "plain.db")  # what an unencrypted vault would look like
    plain.execute("CREATE TABLE persons (name TEXT, document_no TEXT)")
    plain.execute("INSERT INTO persons VALUES (?, ?)", ("Nguyễn Canary Thị", "CANARYDOC12345"))
    plain.commit()
    plain.close()
    hits = scan(folder)
    assert any("utf16.txt" in h and "金丝雀测试" in h and "utf-16-le" in h for h in hits)
    assert any("utf8.bin" in h and "សុខាកាណារី" in h and "utf-8" in h for h in hits)
    assert any("plain.db" in h and "Nguyễn Canary Thị" in h for h in hits)
    assert any("plain.db" in h and "CANARYDOC12345" in h for h in hits)


def test_no_plaintext_on_disk(tmp_path: Path, private_tmp: Path) -> None:
    data_dir = tmp_path / "vault"
    session = create_vault(data_dir, OFFICER, PASSPHRASE, device_name="test-laptop")
    records = Records(session)
    operation = records.create_operation(name="CANARYRAID Sihanoukville", place="CANARYRAID compound")
    first = records.register_person(
        operation.id,
        name="CANARYALPHA",
        name_own_script="សុខាកាណារី",
        aliases=["金丝雀测试", "CANARYALIAS"],
        document_no="CANARYDOC12345",
        notes="CANARYNOTE: met at the gate",
    )
    second = records.register_person(
        operation.id, name="Nguyễn Canary Thị", name_own_script="นกขมิ้นทดสอบ", nationality="VNM"
    )
    records.update_person(second.id, aliases=["CANARYALIAS two"], notes="CANARYNOTE again")
    records.finalise("person", first.id)
    records.amend("person", first.id, {"notes": "CANARYAMENDED note"}, "CANARYREASON: typo in notes")
    # The data really is in the vault (so zero hits below means encrypted, not missing).
    assert [p.id for p in records.persons(search="金丝雀测试")] == [first.id]
    assert [p.id for p in records.persons(search="นกขมิ้นทดสอบ")] == [second.id]
    assert records.person_fields(first.id)["notes"] == "CANARYAMENDED note"
    report = run_check(session)
    assert report.ok, report.problems
    backup(session.conn, data_dir, latest_version())  # an encrypted copy, as a migration makes

    # Scan once while unlocked: the WAL holds the fresh pages and must be as opaque as the vault.
    wal = data_dir / "vault.db-wal"
    assert wal.exists() and wal.stat().st_size > 0, "expected an open session to have a WAL"
    assert {"vault.db", "vault.db-wal", "vault.db-shm", "keyslots.json"} <= files_under(data_dir)
    assert any(name.startswith("backups/") for name in files_under(data_dir))
    assert scan(data_dir, private_tmp) == []

    session.close()
    with pytest.raises(WrongPassphrase):
        unlock(data_dir, OFFICER, "not the passphrase at all")
    assert "unlock-attempts.json" in files_under(data_dir)
    assert scan(data_dir, private_tmp) == []

    # The command line in its own process, with its own (scanned) temp folder.
    env = dict(os.environ, FIELDAPP_INSECURE_FAST_KDF="1", TMPDIR=str(private_tmp))
    done = subprocess.run(
        [sys.executable, "-m", "fieldapp", "check", "--data-dir", str(data_dir), "--officer", OFFICER]
        + ["--passphrase-file", "-"],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # A key change leaves keyslots.json.prev behind; it must hold no record data either.
    session = unlock(data_dir, OFFICER, PASSPHRASE)
    session.change_passphrase(PASSPHRASE + " changed")
    session.close()
    assert {"keyslots.json", "keyslots.json.prev"} <= files_under(data_dir)
    hits = scan(data_dir, private_tmp)
    assert hits == [], f"plaintext on disk: {hits}"

    # The vault file is not a SQLite file anyone can read, and a wrong key does not open it.
    for db_file in [data_dir / "vault.db", *(data_dir / "backups").iterdir()]:
        assert db_file.read_bytes()[:16] != SQLITE_HEADER, db_file
    copy = tmp_path / "copy.db"
    shutil.copyfile(data_dir / "vault.db", copy)
    plain = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    plain.close()
    with pytest.raises(VaultCorrupt):
        open_database(copy, os.urandom(32))
