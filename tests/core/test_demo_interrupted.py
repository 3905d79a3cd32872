"""A demo killed midway leaves nothing half-built, and orphan photo files are swept at unlock (issue 19)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from fieldapp.photos.store import PHOTO_DIR, SUFFIX
from fieldapp.records.service import Records
from fieldapp.vault.session import create_vault, unlock
from tests.support import PASSPHRASE


def test_a_killed_demo_leaves_no_vault_and_the_next_demo_succeeds(tmp_path: Path) -> None:
    target = tmp_path / "demo"
    env = {**os.environ, "FIELDAPP_INSECURE_FAST_KDF": "1"}
    argv = [sys.executable, "-m", "fieldapp", "demo", "--persons", "400", "--data-dir", str(target)]
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    partial: list[Path] = []
    while time.monotonic() < deadline and not any(p.glob(f"{PHOTO_DIR}/*{SUFFIX}") for p in partial):
        partial = list(tmp_path.glob(".demo.partial-*"))
        time.sleep(0.02)
    assert partial, "the demo never started writing photos"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert not (target / "vault.db").exists()  # nothing half-built where a vault is expected

    done = subprocess.run(
        [*argv[:-3], "6", "--data-dir", str(target)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert not list(tmp_path.glob(".demo.partial-*"))  # the killed one's folder was removed
    session = unlock(target, "Sok Dara", "demo raid team passphrase")
    try:
        assert len(Records(session).persons()) == 6
    finally:
        session.close()


def test_orphan_photo_files_are_swept_at_unlock(tmp_path: Path) -> None:
    session = create_vault(tmp_path / "vault", "Sok Dara", PASSPHRASE)
    session.close()
    folder = tmp_path / "vault" / PHOTO_DIR
    folder.mkdir(exist_ok=True)
    old, fresh = folder / f"killed-import{SUFFIX}", folder / f"running-import{SUFFIX}"
    for path in (old, fresh):
        path.write_bytes(b"sealed bytes whose key was never committed")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    unlock(tmp_path / "vault", "Sok Dara", PASSPHRASE).close()
    assert not old.exists()  # undecryptable leftovers of a killed import or demo
    assert fresh.exists()  # may belong to an import running right now
