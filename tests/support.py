"""Shared test constants and helpers (importable as ``tests.support``)."""

from __future__ import annotations

from typing import Any

PASSPHRASE = "correct horse battery"


def add_officer(session: Any, name: str, role: str, passphrase: str) -> Any:
    """An officer as they are after their first unlock: invited by ``session``'s admin with a one-time
    passphrase, then signed in once choosing ``passphrase`` (their own signing key is made then)."""
    from fieldapp.vault.session import unlock

    officer = session.add_officer(name, role, f"one-time {name} invitation words")
    unlock(
        session.data_dir, officer.id, f"one-time {name} invitation words", new_passphrase=passphrase
    ).close()
    return officer


def enrol_confirmed(session: Any, path: Any) -> str:
    """Load an enrolment file as an admin who compared its HQ key fingerprint with HQ's (and found it the same)."""
    from fieldapp.vault.enrolment import enrol, preview

    return enrol(session, path, fingerprint=preview(path)[1])
