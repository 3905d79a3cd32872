"""Where the data lives: platformdirs by default, ``--data-dir`` to override; always user-only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

from fieldapp.errors import DataDirError, message

IS_A_FILE = message(
    "data_dir.is_a_file",
    "The data folder {data_dir} is a file, not a folder. Choose another --data-dir.",
)
NOT_WRITABLE = message("data_dir.not_writable", "The data folder {data_dir} is not writable by this user.")
MISSING = message("data_dir.missing", "The data folder {data_dir} does not exist.")
CANNOT_CREATE = message("data_dir.cannot_create", "Cannot create the data folder {data_dir}: {reason}.")
READABLE_BY_OTHERS = message(
    "data_dir.readable_by_others",
    "The data folder {data_dir} is readable by other users and cannot be fixed: {reason}.",
)

VAULT_FILE = "vault.db"
KEYSLOT_FILE = "keyslots.json"
BACKOFF_FILE = "unlock-attempts.json"
BACKUP_DIR = "backups"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("fieldapp", appauthor=False))


def default_demo_dir() -> Path:
    """The demo vault lives apart from any real vault, so practising never touches real records."""
    return Path(platformdirs.user_data_dir("fieldapp-demo", appauthor=False))


def prepare_data_dir(path: Path | str | None, *, create: bool = True) -> Path:
    """Return the data folder, created with user-only permissions.

    Raises DataDirError with a plain message when the path is a file or cannot be written. Only a folder
    made here, or one that already holds a vault, is set to user-only: a folder the user merely named
    (``--data-dir ~/Documents`` by mistake) is never changed.
    """
    data_dir = Path(path).expanduser() if path else default_data_dir()
    if data_dir.exists() and not data_dir.is_dir():
        raise DataDirError(IS_A_FILE, data_dir=data_dir)
    made = False
    if not data_dir.exists():
        if not create:
            raise DataDirError(MISSING, data_dir=data_dir)
        try:
            data_dir.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            raise DataDirError(CANNOT_CREATE, data_dir=data_dir, reason=exc.strerror) from exc
        made = True
    ours = made or (data_dir / VAULT_FILE).exists() or (data_dir / KEYSLOT_FILE).exists()
    if os.name == "posix" and ours:
        mode = stat.S_IMODE(data_dir.stat().st_mode)
        if mode & 0o077:
            try:
                data_dir.chmod(0o700)
            except OSError as exc:
                raise DataDirError(READABLE_BY_OTHERS, data_dir=data_dir, reason=exc.strerror) from exc
    if create and not os.access(data_dir, os.W_OK | os.X_OK):
        raise DataDirError(NOT_WRITABLE, data_dir=data_dir)
    return data_dir
