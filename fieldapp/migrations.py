"""The one migration runner, for the vault, the HQ SQLCipher store and the HQ PostgreSQL store.

A store's schema is a list of forward-only steps, ``NNNN_name.sql`` files numbered 1..N without gaps
in a package (the HQ SQLCipher store runs the vault's steps, then its own). Each store keeps a ledger
of the steps applied (the vault its ``user_version``, HQ stores a ``hq_migrations`` table); ``run``
applies the missing steps in order, each in one transaction with its ledger entry, and refuses a store
whose ledger names steps this program does not know (a newer version wrote it): opening it could only
corrupt it, so nothing is changed and the message says what to do.

A store may keep a safety copy (``SafetyCopy``: the vault writes an encrypted copy under the same key):
taken before the first missing step, and deleted once every step has run and the migrated store passes
its integrity checks. The copy holds what is later purged from the store (photo keys, redacted names),
so keeping it would undo shredding; a failed step or check keeps it for the repair.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Protocol

from fieldapp.errors import FieldAppError, message, term

STORE_TOO_NEW = message(
    "store.too_new",
    "This {store} was written by a newer version of fieldapp (it has {unknown}, which this program does "
    "not know). Install the newer version; the {store} was not changed.",
)
HQ_STORE = term("stores", "HQ store")

_NAME = re.compile(r"(\d{4})_[a-z0-9_]+\.sql")


class SchemaTooNew(FieldAppError):
    code = "schema_too_new"


@dataclass(frozen=True)
class Step:
    number: int
    name: str  # as the ledger records it, e.g. "vault/0003_photo_keys.sql"
    sql: str


def steps_in(package: str, prefix: str = "") -> list[Step]:
    """The numbered steps of ``package``, in order; a gap or a duplicate number is a packaging bug."""
    found = []
    for item in resources.files(package).iterdir():
        match = _NAME.fullmatch(item.name)
        if match:
            found.append(Step(int(match.group(1)), prefix + item.name, item.read_text("utf-8")))
    found.sort(key=lambda step: step.number)
    numbers = [step.number for step in found]
    if numbers != list(range(1, len(found) + 1)):
        raise RuntimeError(f"{package}: migrations must be numbered 1..N without gaps, found {numbers}")
    return found


class Ledger(Protocol):
    """What a store says it has applied, and how it applies one more step."""

    def applied(self) -> list[str]: ...

    def apply(self, step: Step) -> None:
        """Run the step and record it, in one transaction (all or nothing)."""


def pending(steps: Sequence[Step], applied: Sequence[str]) -> list[Step]:
    """The steps still to run; ``SchemaTooNew`` if the ledger names one this program does not know."""
    known = {step.name for step in steps}
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise SchemaTooNew(STORE_TOO_NEW, store=HQ_STORE, unknown=", ".join(sorted(unknown)))
    done = set(applied)
    return [step for step in steps if step.name not in done]


class SafetyCopy(Protocol):
    """A copy of the store kept while it migrates, and the checks that say the migrated store is sound."""

    def take(self) -> Path: ...

    def problems(self) -> list[str]:
        """What the store's own integrity checks find; empty when the migrated store is sound."""


def run(steps: Sequence[Step], ledger: Ledger, *, copy: SafetyCopy | None = None) -> list[str]:
    """Apply what is missing, in order; returns what was done (the names applied, and the safety copy's
    fate when there is one)."""
    todo = pending(steps, ledger.applied())
    if not todo:
        return []
    done = []
    kept = copy.take() if copy is not None else None
    if kept is not None:
        done.append(f"backup {kept.name}")
    for step in todo:
        ledger.apply(step)
        done.append(step.name)
    if copy is not None and kept is not None and not copy.problems():
        kept.unlink()
        done.append(f"deleted {kept.name}: the migrated store checked sound")
    return done
