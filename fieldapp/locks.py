"""Cross-process locks for files several fieldapp programs may change at once (key slots, the back-off count).

A read-modify-write of such a file holds the lock from the read to the write, so two officers added at
the same moment by two programs both keep their key slot. ``filelock`` is a maintained lock that works
the same on Windows (LockFileEx) as on Linux (flock); the lock file beside the data is empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from fieldapp.errors import Busy, Term, message

BUSY = message("file.busy", "Another fieldapp program is changing {what}; try again in a moment.")
LOCK_TIMEOUT = 60.0  # seconds: a key-slot write takes well under one (Argon2id runs before the lock)


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextmanager
def locked(path: Path, what: Term, *, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the lock of ``path`` (another program changing it waits); ``what`` names it for the message."""
    lock = FileLock(str(lock_path(path)), timeout=timeout, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        raise Busy(BUSY, what=what) from None
    try:
        yield
    finally:
        lock.release()
