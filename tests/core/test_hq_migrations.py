"""The one migration runner on HQ's stores: saved stores of every older schema, each made by the release
that wrote it (tests/data/make_hq_fixtures.py), open, upgrade and pass `hq check`; a newer one is refused."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from fieldapp.hq.check import run_hq_check
from fieldapp.hq.identity import unlock_hq
from fieldapp.hq.pg_store import schema_steps as pg_steps
from fieldapp.hq.store import STORE_FILE, open_store
from fieldapp.hq.store import schema_steps as sqlcipher_steps
from fieldapp.migrations import SchemaTooNew, Step, pending, run, steps_in
from fieldapp.vault.db import open_database

DATA = Path(__file__).resolve().parents[1] / "data"
HQ_PASSPHRASE = "headquarters passphrase"  # the one the fixtures were made with
SQLCIPHER = sorted(DATA.glob("hq-sqlcipher-schema*"))
POSTGRESQL = sorted(DATA.glob("hq-postgresql-schema*"))


def _ledger(fixture: Path) -> list[str]:
    with (
        tempfile.TemporaryDirectory() as scratch
    ):  # unlocking migrates an older key file: never the saved one
        folder = Path(shutil.copytree(fixture, Path(scratch) / fixture.name))
        identity = unlock_hq(folder, HQ_PASSPHRASE)
        conn = open_database(folder / STORE_FILE, identity.store_key)
        try:
            return [str(r[0]) for r in conn.execute("SELECT name FROM hq_migrations ORDER BY name")]
        finally:
            conn.close()


def test_every_older_sqlcipher_schema_has_a_saved_store() -> None:
    """Each count of HQ's own steps below today's, and the store before the vault's last step."""
    latest = [s.name for s in sqlcipher_steps()]
    own = [n for n in latest if n.startswith("hq/")]
    saved = [_ledger(folder) for folder in SQLCIPHER]
    for count in range(1, len(own)):
        assert any([n for n in ledger if n.startswith("hq/")] == own[:count] for ledger in saved), count
    assert any(set(ledger) < set(latest) and set(own[:1]) <= set(ledger) for ledger in saved)
    assert all(set(ledger) < set(latest) for ledger in saved)  # all older than today's


@pytest.mark.parametrize("fixture", SQLCIPHER, ids=lambda p: p.name)
def test_a_saved_sqlcipher_store_opens_upgrades_and_passes_the_check(fixture: Path, tmp_path: Path) -> None:
    folder = tmp_path / fixture.name
    shutil.copytree(fixture, folder)
    identity = unlock_hq(folder, HQ_PASSPHRASE)
    store = open_store(identity)
    try:
        assert _names(store.conn) == sorted(s.name for s in sqlcipher_steps())
        assert len(store.person_ids()) == 3
        report = run_hq_check(store, identity)
        assert report.ok, report.problems
    finally:
        store.close()


def _names(conn: object) -> list[str]:
    return sorted(str(r[0]) for r in conn.execute("SELECT name FROM hq_migrations"))  # type: ignore[attr-defined]


def test_a_newer_sqlcipher_store_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "hq"
    shutil.copytree(SQLCIPHER[-1], folder)
    identity = unlock_hq(folder, HQ_PASSPHRASE)
    open_store(identity).close()  # today's schema
    conn = open_database(folder / STORE_FILE, identity.store_key)
    conn.execute("INSERT INTO hq_migrations (name, applied_at) VALUES ('hq/9999_future.sql', 'later')")
    conn.close()
    before = hashlib.sha256((folder / STORE_FILE).read_bytes()).hexdigest()
    with pytest.raises(SchemaTooNew, match=r"newer version of fieldapp .*hq/9999_future.sql.*not changed"):
        open_store(identity)
    assert hashlib.sha256((folder / STORE_FILE).read_bytes()).hexdigest() == before


# --- PostgreSQL ------------------------------------------------------------------------------------


@pytest.fixture
def pg_admin_url() -> str:
    url = os.environ.get("FIELDAPP_TEST_PG")
    if not url:
        pytest.skip("the PostgreSQL store needs FIELDAPP_TEST_PG (bash packaging/dev.sh test sets it)")
    return url


@pytest.fixture
def restored(pg_admin_url: str, request: pytest.FixtureRequest) -> Iterator[tuple[str, Path]]:
    """A fresh database holding a saved store's dump (psql restores it as pg_dump wrote it)."""
    import psycopg

    fixture: Path = request.param
    name = f"fieldapp_migr_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as admin:
        admin.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
            "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        )
    url = urlunsplit(urlsplit(pg_admin_url)._replace(path=f"/{name}"))
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        done = subprocess.run(
            ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", str(fixture / "store.sql")],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        yield url, fixture
    finally:
        with psycopg.connect(pg_admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _dumped_ledger(folder: Path) -> list[str]:
    """The rows of hq_migrations in a pg_dump file (its COPY block, ended by a line with a backslash-dot)."""
    block = (folder / "store.sql").read_text("utf-8").split("COPY public.hq_migrations")[1]
    rows = block.split("\n")[1:]
    return [row.split("\t")[0] for row in rows[: rows.index("\\.")]]


def test_every_older_postgresql_schema_has_a_saved_store() -> None:
    """pg 0001 and 0002 came in one release, so the oldest schema ever written has both."""
    latest = [s.name for s in pg_steps()]
    counts = {len(_dumped_ledger(folder)) for folder in POSTGRESQL}
    assert counts == set(range(2, len(latest))), counts


@pytest.mark.parametrize("restored", POSTGRESQL, ids=lambda p: p.name, indirect=True)
def test_a_saved_postgresql_store_opens_upgrades_and_passes_the_check(
    restored: tuple[str, Path], tmp_path: Path
) -> None:
    url, fixture = restored
    folder = tmp_path / "hq"
    shutil.copytree(fixture, folder, ignore=shutil.ignore_patterns("store.sql"))
    identity = unlock_hq(folder, HQ_PASSPHRASE)
    store = open_store(identity, url)
    try:
        assert _names(store.conn) == sorted(s.name for s in pg_steps())
        assert len(store.person_ids()) == 3
        report = run_hq_check(store, identity)
        assert report.ok, report.problems
    finally:
        store.close()


# --- the runner itself ----------------------------------------------------------------------------


def test_the_runner_applies_what_is_missing_in_order_and_refuses_unknown_steps() -> None:
    steps = [Step(1, "a/0001_x.sql", "1"), Step(2, "a/0002_y.sql", "2"), Step(3, "a/0003_z.sql", "3")]

    class Memory:
        def __init__(self, done: list[str]) -> None:
            self.done = list(done)

        def applied(self) -> list[str]:
            return self.done

        def apply(self, step: Step) -> None:
            self.done.append(step.name)

    ledger = Memory(["a/0001_x.sql"])
    assert run(steps, ledger) == ["a/0002_y.sql", "a/0003_z.sql"] and run(steps, ledger) == []
    with pytest.raises(SchemaTooNew):
        pending(steps, ["a/0004_future.sql"])


def test_the_safety_copy_is_deleted_only_after_every_step_and_a_sound_check(tmp_path: Path) -> None:
    """The copy a store keeps while it migrates holds what is purged later (photo keys): it goes once the
    migrated store checks sound, and stays when a step or the check fails (for the repair)."""
    steps = [Step(1, "a/0001_x.sql", "1"), Step(2, "a/0002_y.sql", "2")]

    class Ledger:
        def __init__(self, failing: str = "") -> None:
            self.done: list[str] = []
            self.failing = failing

        def applied(self) -> list[str]:
            return self.done

        def apply(self, step: Step) -> None:
            if step.name == self.failing:
                raise RuntimeError("the step failed")
            self.done.append(step.name)

    class Copy:
        def __init__(self, name: str, problems: list[str]) -> None:
            self.path, self.found = tmp_path / name, problems

        def take(self) -> Path:
            self.path.write_bytes(b"the store as it was")
            return self.path

        def problems(self) -> list[str]:
            return self.found

    sound = Copy("sound.db", [])
    assert run(steps, Ledger(), copy=sound) == [
        "backup sound.db",
        "a/0001_x.sql",
        "a/0002_y.sql",
        "deleted sound.db: the migrated store checked sound",
    ]
    assert not sound.path.exists()
    damaged = Copy("damaged.db", ["a page does not check out"])
    assert run(steps, Ledger(), copy=damaged)[-1] == "a/0002_y.sql" and damaged.path.exists()
    failed = Copy("failed.db", [])
    with pytest.raises(RuntimeError):
        run(steps, Ledger(failing="a/0002_y.sql"), copy=failed)
    assert failed.path.exists()
    untouched = Copy("untouched.db", [])
    assert run(steps, Ledger(), copy=None) and run(steps[:0], Ledger(), copy=untouched) == []
    assert not untouched.path.exists()  # nothing to migrate: no copy is taken


def test_steps_must_be_numbered_without_gaps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "gappy_migrations"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in ("0001_first.sql", "0003_third.sql"):
        (package / name).write_text("SELECT 1;")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RuntimeError, match="without gaps"):
        steps_in("gappy_migrations")
    assert sys.modules.get("gappy_migrations") is not None
