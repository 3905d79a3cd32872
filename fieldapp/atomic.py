"""Atomic file writes: temp file in the same folder, fsync, rename, fsync the folder.

A reader sees the old file or the new one, never a torn mix, even after a power cut.
"""

from __future__ import annotations

import errno
import os
import secrets
import time
from pathlib import Path

from fieldapp.errors import StorageFull, message

FULL_FILE_NOT_SAVED = message(
    "disk.full_file_not_saved", "The disk is full: {file} was not saved; the previous copy is kept."
)


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data``; the permissions are set before any byte is written."""
    # The pid says whose write it is (the sweep below spares live writers); the token keeps two threads
    # of one process (or a pid reused after a crash) from sharing a temp file.
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_dir(path.parent)
        _remove_dead_writers_temps(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise StorageFull(FULL_FILE_NOT_SAVED, file=path.name) from exc
        raise


# Where a writer cannot be asked whether it is alive (os.kill(pid, 0) only probes on POSIX), a temp
# file this old is a dead writer's: a write of any file the app makes takes seconds at most.
STALE_TEMP_SECONDS = 3600.0


def _remove_dead_writers_temps(path: Path) -> None:
    """Temp files of earlier writes of ``path`` whose process was killed mid-write (it can no longer rename them).

    Only dead writers' files go: another program writing the same file at this moment keeps its own."""
    prefix = f".{path.name}.tmp-"
    for stale in path.parent.glob(f"{prefix}*"):
        pid = stale.name[len(prefix) :].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        if _writer_dead(int(pid), stale):
            stale.unlink(missing_ok=True)


def _writer_dead(pid: int, temp: Path) -> bool:
    if os.name != "posix":
        try:
            return time.time() - temp.stat().st_mtime > STALE_TEMP_SECONDS
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive (another user's process): not ours to remove
    return False
