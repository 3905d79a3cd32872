"""Atomic writes: the temp file a killed writer left behind is removed by the next write of that file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fieldapp.atomic import write_atomic


def test_a_dead_writers_temp_file_is_removed_and_a_live_ones_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "receipt.json"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    left_by_dead = tmp_path / f".receipt.json.tmp-{int(dead.stdout)}"  # that process has exited
    left_by_dead.write_bytes(b'{"half": ')
    live = tmp_path / f".receipt.json.tmp-{os.getppid()}"  # a running process's write in progress
    live.write_bytes(b"in progress")
    other = tmp_path / f".other.json.tmp-{int(dead.stdout)}"  # another file's temp: not this write's business
    other.write_bytes(b"x")
    write_atomic(target, b'{"whole": true}')
    assert target.read_bytes() == b'{"whole": true}'
    assert not left_by_dead.exists() and live.exists() and other.exists()
