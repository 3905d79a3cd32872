"""An unlocked HQ: its identity, its store and the account signed in at the keyboard. Opened and closed on the worker.

The store's connection belongs to the task runner's database worker (as a vault's does in the field app):
every call that touches it goes through ``TaskRunner.run_db``.
"""

from __future__ import annotations

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
    _review: Review | None = field(default=None, repr=False)

    @property
    def analyst(self) -> str:
        """The signed-in account's name (every decision carries it, and the account's signature)."""
        return self.identity.signed_in.name if self.identity.signed_in else ""

    @property
    def role(self) -> str:
        return self.identity.signed_in.role if self.identity.signed_in else ""

    def allows(self, permission: str) -> bool:
        """Whether the account's role allows it (the core enforces it; the UI greys what it would refuse)."""
        signed_in = self.identity.signed_in
        return signed_in is not None and signed_in.account.allows(permission)

    def review(self) -> Review:
        """The review (signed decisions, duplicate search) of the signed-in account."""
        if self._review is None:
            self._review = Review(self.store, self.identity)
        return self._review

    def renew(self, identity: HqIdentity) -> None:
        """HQ unlocked again by the same account (after an admin's change to the accounts)."""
        self.identity = identity
        self._review = None

    def close(self) -> None:
        self.store.close()


def open_hq(hq_dir: Path, passphrase: str, account: str, database: str | None = None) -> HqSession:
    """Unlock HQ's keys with one account's passphrase and open its store (on the database worker).
    ``account`` empty: HQ's only active account."""
    identity = unlock_hq(hq_dir, passphrase, account.strip() or None)
    return HqSession(identity, open_store(identity, database))
