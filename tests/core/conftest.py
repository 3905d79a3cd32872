from __future__ import annotations

import atexit
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit, urlunsplit

import pytest

from fieldapp.records.service import Records
from fieldapp.vault.session import Session, create_vault
from tests.support import PASSPHRASE


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def session(vault_dir: Path) -> Iterator[Session]:
    s = create_vault(vault_dir, "Sok Dara", PASSPHRASE, device_name="test-laptop")
    yield s
    s.close()


@pytest.fixture
def records(session: Session) -> Records:
    return Records(session)


# --- the HQ store on both backends ------------------------------------------------------------
# HQ tests take `hq_backend`: None for the embedded SQLCipher store, or the URL of a fresh, empty
# PostgreSQL database on the server named by FIELDAPP_TEST_PG (`bash packaging/dev.sh test` starts one).

HQ_BACKENDS = ("sqlcipher", "postgresql")
HQ_DATABASE_ENV = "FIELDAPP_HQ_DATABASE"  # the CLI's fallback for --database
PG_SKIP = (
    "PostgreSQL HQ tests need FIELDAPP_TEST_PG=postgresql://USER:PASSWORD@127.0.0.1:5432/postgres "
    "(a role that may create databases); `bash packaging/dev.sh test` starts a server and sets it"
)


class PgServer:
    """One database per test session; each test gets a fresh schema in it (faster than a database each).

    The store finds its schema through the URL's search_path; pg_trgm lives in the public schema."""

    def __init__(self, url: str) -> None:
        import psycopg

        parts = urlsplit(url)
        self._admin = psycopg.connect(url, autocommit=True)
        self._drop_stale()
        self._name = f"fieldapp_test_{os.getpid()}_{secrets.token_hex(4)}"
        self._admin.execute(
            f"CREATE DATABASE \"{self._name}\" TEMPLATE template0 ENCODING 'UTF8' "
            "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        )
        self._base = parts._replace(path=f"/{self._name}")
        self.conn = psycopg.connect(urlunsplit(self._base), autocommit=True)
        self.conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        self._count = 0
        atexit.register(self.close)

    def _drop_stale(self) -> None:
        """Databases of earlier runs that were killed before they could drop theirs."""
        for (name,) in self._admin.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'fieldapp_test_%'"
        ):
            pid = name.split("_")[2]
            if not pid.isdigit():
                continue
            try:
                os.kill(int(pid), 0)
            except ProcessLookupError:
                self._admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            except PermissionError:
                pass  # alive, another user's

    def create(self) -> str:
        self._count += 1
        schema = f"t{self._count}"
        self.conn.execute(f"CREATE SCHEMA {schema}")
        # Durability does not matter for throwaway test data: commits need not wait for the disk.
        options = quote(f"-csearch_path={schema},public -csynchronous_commit=off")
        return urlunsplit(self._base._replace(query=f"options={options}"))

    def drop(self, url: str) -> None:
        schema = parse_qs(urlsplit(url).query)["options"][0].split("=")[1].split(",")[0]
        self.conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")

    def close(self) -> None:
        self.conn.close()
        self._admin.execute(f'DROP DATABASE IF EXISTS "{self._name}" WITH (FORCE)')
        self._admin.close()


_pg_server: PgServer | None = None


def pg_server() -> PgServer:
    """The test PostgreSQL server (skips the calling test when FIELDAPP_TEST_PG is not set)."""
    global _pg_server
    url = os.environ.get("FIELDAPP_TEST_PG")
    if not url:
        pytest.skip(PG_SKIP)
    if _pg_server is None:
        _pg_server = PgServer(url)
    return _pg_server


@contextmanager
def hq_database(backend: str) -> Iterator[str | None]:
    """None (SQLCipher) or a fresh PostgreSQL database's URL, dropped afterwards; also in the CLI's env."""
    with pytest.MonkeyPatch.context() as mp:
        if backend == "sqlcipher":
            mp.delenv(HQ_DATABASE_ENV, raising=False)
            yield None
            return
        server = pg_server()
        url = server.create()
        mp.setenv(HQ_DATABASE_ENV, url)
        yield url  # schemas go with the session's database (dropping each costs as much as making it)


@pytest.fixture(params=HQ_BACKENDS)
def hq_backend(request: pytest.FixtureRequest) -> Iterator[str | None]:
    with hq_database(request.param) as url:
        yield url


@pytest.fixture
def hq(tmp_path: Path, hq_backend: str | None) -> Iterator[Any]:
    """An HQ (tests.core.test_sync.Hq) on each store; modules that need SQLCipher only override it."""
    from tests.core.test_sync import Hq

    h = Hq(tmp_path / "hq", database=hq_backend)
    yield h
    h.store.close()


@pytest.fixture
def enrolled(session: Session, hq: Any) -> Session:
    """The laptop, enrolled with ``hq`` (not approved yet)."""
    hq.enrol(session)
    return session
