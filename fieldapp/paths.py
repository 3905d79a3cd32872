"""Where the data lives: platformdirs by default, ``--data-dir`` to override; always user-only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

from fieldapp.errors import DataDirError

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

    Raises DataDirError with a plain message when the path is a file or cannot be written.
    """
    data_dir = Path(path).expanduser() if path else default_data_dir()
    if data_dir.exists() and not data_dir.is_dir():
        raise DataDirError(f"The data folder {data_dir} is a file, not a folder. Choose another --data-dir.")
    if not data_dir.exists():
        if not create:
            raise DataDirError(f"The data folder {data_dir} does not exist.")
        try:
            data_dir.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            raise DataDirError(f"Cannot create the data folder {data_dir}: {exc.strerror}.") from exc
    if os.name == "posix":
        mode = stat.S_IMODE(data_dir.stat().st_mode)
        if mode & 0o077:
            try:
                data_dir.chmod(0o700)
            except OSError as exc:
                raise DataDirError(
                    f"The data folder {data_dir} is readable by other users and cannot be fixed: {exc.strerror}."
                ) from exc
    if create and not os.access(data_dir, os.W_OK | os.X_OK):
        raise DataDirError(f"The data folder {data_dir} is not writable by this user.")
    return data_dir
