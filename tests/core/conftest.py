from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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
