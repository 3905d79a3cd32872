"""An unlocked HQ: its identity, its store and the analyst at the keyboard. Opened and closed on the worker.

The store's connection belongs to the task runner's database worker (as a vault's does in the field app):
every call that touches it goes through ``TaskRunner.run_db``.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.hq.identity import HqIdentity, unlock_hq
from fieldapp.hq.review import Review
from fieldapp.hq.store import open_store


@dataclass
class HqSession:
    identity: HqIdentity
    store: Any  # SqlCipherStore, or the PostgreSQL store for `--database postgresql://…`
    analyst: str
    _review: Review | None = field(default=None, repr=False)

    def review(self) -> Review:
        """The review (signed decisions, duplicate search) of this analyst."""
        if self._review is None:
            self._review = Review(self.store, self.identity, self.analyst)
        return self._review

    def close(self) -> None:
        self.store.close()


def default_analyst() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return ""


def open_hq(hq_dir: Path, passphrase: str, analyst: str, database: str | None = None) -> HqSession:
    """Unlock HQ's keys and open its store (on the database worker)."""
    identity = unlock_hq(hq_dir, passphrase)
    return HqSession(identity, open_store(identity, database), analyst.strip() or default_analyst())
