"""Schema migrations: every saved older vault opens and upgrades; a newer vault is refused untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldapp.errors import VaultTooNew
from fieldapp.migrations import Step
from fieldapp.paths import BACKUP_DIR, VAULT_FILE
from fieldapp.records.check import run_check
from fieldapp.records.service import Records
from fieldapp.vault import migrate as migrations
from fieldapp.vault.db import open_database
from fieldapp.vault.session import Session, unlock
from tests.support import PASSPHRASE

DATA = Path(__file__).resolve().parents[1] / "data"


def _copy_fixture(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copytree(DATA / name, target)
    return target


def test_every_older_schema_has_a_saved_vault() -> None:
    for version in range(1, migrations.latest_version()):
        assert (DATA / f"vault-schema{version}" / VAULT_FILE).exists(), f"no saved vault of schema {version}"


@pytest.mark.parametrize("version", range(1, migrations.latest_version()))
def test_saved_vault_of_older_schema_opens_and_upgrades(version: int, tmp_path: Path) -> None:
    folder = _copy_fixture(f"vault-schema{version}", tmp_path)
    session = unlock(folder, "Sok Dara", PASSPHRASE)
    try:
        assert migrations.schema_version(session.conn) == migrations.latest_version()
        # The pre-migration copy is gone once the migrated vault checked sound (shredded means shredded).
        assert list((folder / BACKUP_DIR).iterdir()) == []
        records = Records(session)
        # The person search index (schema 2) was filled from the existing persons.
        assert [p.name_own for p in records.persons(search="សុខ ចន")] == ["សុខ ចន្ថា"]
        assert [p.name for p in records.persons(search="Ah Minh")] == ["NGUYEN VAN MINH"]
        assert len(records.persons()) == 3
        report = run_check(session)
        assert report.ok, report.problems
    finally:
        session.close()


def test_a_failed_integrity_check_keeps_the_pre_migration_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_fixture("vault-schema4", tmp_path)
    monkeypatch.setattr(migrations, "integrity_problems", lambda conn: ["a page does not check out"])
    session = unlock(folder, "Sok Dara", PASSPHRASE)
    dek = session.secrets.dek
    session.close()
    (kept,) = list((folder / BACKUP_DIR).iterdir())
    conn = open_database(kept, dek)  # the old vault under the same key: it opens at its old schema
    assert migrations.schema_version(conn) == 4
    conn.close()


def test_a_backup_cannot_unshred_a_purged_photo(session: Session, vault_dir: Path) -> None:
    """Issue 17: a purged photo was decrypted from a copy of its file taken earlier, with the key kept in a
    pre-migration backup (same data key). The backup is gone once the migration checked sound."""
    from fieldapp.photos.service import Photos
    from tests.core.test_photos import jpeg

    records = Records(session)
    person = records.register_person(records.create_operation(name="Raid").id, name="SOK DARA")
    photo = Photos(records).attach(person.id, jpeg(640, 480), kind="portrait", consent=True)
    # The schema before the newest, as a laptop updated in the field would have (what that migration adds,
    # undone as tests/data/make_vault_fixtures.py undoes it).
    from tests.data.make_vault_fixtures import UNDO

    latest = migrations.latest_version()
    session.conn.executescript(f"{UNDO[latest]} PRAGMA user_version = {latest - 1};")
    session.close()
    copied = {p.name: p.read_bytes() for p in (vault_dir / "photos").iterdir()}  # taken by someone, earlier
    session = unlock(vault_dir, "Sok Dara", PASSPHRASE)  # migrates
    dek = session.secrets.dek
    Photos(Records(session)).purge(photo.id, "retention: HQ holds it")
    session.close()
    assert copied
    for db in vault_dir.rglob("*.db"):  # every database file left in the vault folder, with the data key
        conn = open_database(db, dek)
        try:
            assert conn.execute("SELECT count(*) FROM photo_keys").fetchone()[0] == 0, db
        finally:
            conn.close()


def test_newer_vault_is_refused_and_left_unchanged(session: Session, vault_dir: Path) -> None:
    session.conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    session.close()
    before = (vault_dir / VAULT_FILE).read_bytes()
    with pytest.raises(VaultTooNew, match="newer version"):
        unlock(vault_dir, "Sok Dara", PASSPHRASE)
    assert (vault_dir / VAULT_FILE).read_bytes() == before
    assert not (vault_dir / BACKUP_DIR).exists()


def test_migrations_are_numbered_without_gaps() -> None:
    numbers = [step.number for step in migrations.migration_steps()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_failed_migration_rolls_back(
    session: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = session.conn
    conn.execute("PRAGMA user_version = 1")
    conn.execute("DROP TABLE person_search")
    broken = [
        *migrations.migration_steps()[:1],
        Step(2, "0002_broken.sql", "CREATE TABLE half_done (x); SELECT * FROM no_such_table;"),
    ]
    monkeypatch.setattr(migrations, "migration_steps", lambda: broken)
    with pytest.raises(Exception, match="no_such_table"):
        migrations.migrate(conn, vault_dir)
    assert migrations.schema_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
