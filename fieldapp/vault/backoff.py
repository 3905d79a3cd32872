"""Failed unlocks back off, and the back-off survives a restart.

The counter lives in a small file beside the vault. It only slows someone at the keyboard: an
attacker with a copy of the files attacks Argon2id directly, which is what the KDF cost is for.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from fieldapp import bounded
from fieldapp.atomic import write_atomic
from fieldapp.errors import UnlockBackoff, term
from fieldapp.locks import locked
from fieldapp.paths import BACKOFF_FILE

FREE_ATTEMPTS = 3
THE_COUNT = term("files", "the count of wrong passphrases")
MAX_WAIT_SECONDS = 300.0

Clock = Callable[[], float]


def wait_after(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive wrong passphrases: 0, 0, 0, 2, 4, 8 ... 300."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(MAX_WAIT_SECONDS, 2.0 ** (failures - FREE_ATTEMPTS + 1))


def _read(data_dir: Path, name: str = BACKOFF_FILE) -> tuple[int, float]:
    try:
        data = bounded.loads((data_dir / name).read_bytes()[:4096], max_bytes=4096)
        return int(data["failures"]), float(data["last_failure"])
    except FileNotFoundError:
        return 0, 0.0
    except (ValueError, KeyError, TypeError):
        # A damaged counter must not let anyone skip the wait: assume the worst recent state.
        return FREE_ATTEMPTS + 5, time.time()


def remaining_wait(data_dir: Path, clock: Clock = time.time, *, name: str = BACKOFF_FILE) -> float:
    """``name``: the counter's file (HQ keeps one per account beside its key file)."""
    failures, last = _read(data_dir, name)
    return max(0.0, last + wait_after(failures) - clock())


def check(data_dir: Path, clock: Clock = time.time, *, name: str = BACKOFF_FILE) -> None:
    wait = remaining_wait(data_dir, clock, name=name)
    if wait > 0:
        raise UnlockBackoff(wait)


def record_failure(data_dir: Path, clock: Clock = time.time, *, name: str = BACKOFF_FILE) -> float:
    # Read and written under a lock: wrong passphrases typed in two programs at once both count.
    with locked(data_dir / name, THE_COUNT):
        failures, _ = _read(data_dir, name)
        failures += 1
        now = clock()
        write_atomic(data_dir / name, json.dumps({"failures": failures, "last_failure": now}).encode())
    return wait_after(failures)


def reset(data_dir: Path, *, name: str = BACKOFF_FILE) -> None:
    (data_dir / name).unlink(missing_ok=True)
