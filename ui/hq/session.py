"""An unlocked HQ: its identity, its store and the analyst at the keyboard. Opened and closed on the worker.

The store's connection belongs to the task runner's database worker (as a vault's does in the field app):
every call that touches it goes through ``TaskRunner.run_db``.
"""

from __future__ import annotations

import getpass
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.hq.identity import HqIdentity, unlock_hq
from fieldapp.hq.store import open_store


@dataclass
class HqSession:
    identity: HqIdentity
    store: Any  # SqlCipherStore, or the PostgreSQL store for `--database postgresql://…`
    analyst: str
    _review: Any = field(default=None, repr=False)

    def review(self) -> Any:
        """fieldapp.hq.review.Review for this analyst, or None while that module is not installed."""
        if self._review is None:
            module = optional("fieldapp.hq.review")
            if module is not None:
                self._review = module.Review(self.store, self.identity, self.analyst)
        return self._review

    @staticmethod
    def has_review() -> bool:
        """Whether the review queue and duplicate search are installed (no store access: any thread)."""
        return optional("fieldapp.hq.review") is not None

    def close(self) -> None:
        self.store.close()


def optional(name: str) -> Any:
    """A module that another part of HQ mode provides, or None when it is not there (its screen says so)."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def default_analyst() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return ""


def open_hq(hq_dir: Path, passphrase: str, analyst: str, database: str | None = None) -> HqSession:
    """Unlock HQ's keys and open its store (on the database worker)."""
    identity = unlock_hq(hq_dir, passphrase)
    return HqSession(identity, open_store(identity, database), analyst.strip() or default_analyst())
