"""SQLCipher's enhanced memory security: on for every laptop vault, off for the HQ store (see
``fieldapp.hq.store.HQ_MEMORY_SECURITY``). It is process-wide, so each case runs in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_SCRIPT = """
import sys
from pathlib import Path
from fieldapp.hq.identity import init_hq
from fieldapp.hq.store import create_store
from fieldapp.vault.session import create_vault

root = Path(sys.argv[1])

def state(conn):
    return conn.execute("PRAGMA cipher_memory_security").fetchone()[0]

states = []
for step in sys.argv[2:]:
    if step == "hq":
        store = create_store(init_hq(root / "hq", "HQ", "memory security hq passphrase"))
        states.append(state(store.conn))
        store.close()
    else:
        session = create_vault(root / "vault", "Sok Dara", "memory security passphrase", device_name="t")
        states.append(state(session.conn))
        session.close()
print(" ".join(str(s) for s in states))
"""


def _states(tmp_path: Path, *steps: str) -> list[str]:
    env = {**os.environ, "FIELDAPP_INSECURE_FAST_KDF": "1"}
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(tmp_path), *steps],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        check=True,
    )
    return result.stdout.split()


def test_hq_store_alone_runs_without_it(tmp_path: Path) -> None:
    assert _states(tmp_path, "hq") == ["0"]


def test_a_vault_opened_after_an_hq_store_still_gets_it(tmp_path: Path) -> None:
    # e.g. `hq demo`, which builds laptops and an HQ in one process: the laptop is never without it.
    assert _states(tmp_path, "hq", "vault") == ["0", "1"]


def test_a_vault_alone_has_it(tmp_path: Path) -> None:
    assert _states(tmp_path, "vault") == ["1"]
