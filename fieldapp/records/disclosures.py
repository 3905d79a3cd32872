"""Disclosures on a laptop: every print and every unencrypted copy of a PDF, as one signed event each.

What counts (one act of the officer, one event; the same rule at HQ, ``fieldapp.hq.disclosures``):

- ``issue``: a final handover form rendered and kept in the vault as the official copy. This is the
  existing ``document.issue`` event, not a second one; it counts as the disclosure of the person it names.
- ``print``: a PDF put on paper (the print dialog, to a printer). Printing an issued form is a second act
  (a paper copy now exists) and counts once more, as a print; issuing counts only when it happens.
- ``copy``: the PDF's bytes written to a file outside the vault (Save as PDF, "Print to file (PDF)", or
  ``fieldapp report ... -o FILE``). A print to a PDF file is a copy, never also a print.

Each is an event ``disclosure.record`` (entity ``disclosure``, a new uuid7 id): not a person event, because
one act may name hundreds of persons (a manifest) and it changes nothing of anyone's record, so no projection
folds it (the log is the record; HQ reads it from its ``events`` after the next bundle). It is signed by the
unlocked officer's key and chained like every other event. The payload names the persons by id only, the
kind, what was disclosed (the document's kind, e.g. ``handover`` or ``manifest``), the SHA-256 of the bytes
and the stated purpose: required for a copy (asked in the save dialog), optional for a print.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from fieldapp.errors import ValidationError, message
from fieldapp.records.events import EVENT_COLUMNS, Event
from fieldapp.records.ids import uuid7

if TYPE_CHECKING:
    from fieldapp.vault.session import Session

ENTITY = "disclosure"
OP = "record"
KINDS = ("view", "export", "print", "copy", "issue")  # the audit's kinds, on laptops and at HQ
PURPOSE_ASKED = frozenset({"export", "copy"})  # kinds that need a stated purpose
MIN_PURPOSE = 3
MAX_PURPOSE = 200

PURPOSE_NEEDED = message(
    "disclosure.purpose_needed",
    "Say why this copy or export is made (a few words, for example 'court hearing' or 'NGO referral'): "
    "it is recorded with the names of the persons it holds.",
)
PURPOSE_TOO_LONG = message(
    "disclosure.purpose_too_long", "Keep the purpose short: {limit} characters at most."
)


def check_purpose(kind: str, purpose: str) -> str:
    """The purpose as recorded: stripped, short, and present when ``kind`` asks for one."""
    if kind not in KINDS:
        raise ValueError(f"unknown disclosure kind {kind}")
    purpose = " ".join(purpose.split())
    if kind in PURPOSE_ASKED and len(purpose) < MIN_PURPOSE:
        raise ValidationError(PURPOSE_NEEDED)
    if len(purpose) > MAX_PURPOSE:
        raise ValidationError(PURPOSE_TOO_LONG, limit=MAX_PURPOSE)
    return purpose


def person_list(person_ids: Iterable[str]) -> list[str]:
    """The persons named, once each, in a stable order (so equal acts hash equally)."""
    return sorted({p for p in person_ids if p})


def record(
    session: Session,
    kind: str,
    what: str,
    person_ids: Iterable[str],
    *,
    purpose: str = "",
    pdf: bytes | None = None,
) -> Event:
    """Append the signed ``disclosure.record`` event of one print or copy (its own transaction)."""
    if kind not in ("print", "copy"):
        raise ValueError(f"a laptop records prints and copies, not {kind}")
    payload = {
        "kind": kind,
        "what": what,
        "persons": person_list(person_ids),
        "purpose": check_purpose(kind, purpose),
        "sha256": hashlib.sha256(pdf).hexdigest() if pdf is not None else "",
    }
    return session.log.append(ENTITY, uuid7(), OP, payload)


def recorded(session: Session) -> list[Event]:
    """This vault's disclosure events, oldest first."""
    rows = session.conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE entity = ? AND op = ? ORDER BY rowid", (ENTITY, OP)
    ).fetchall()
    return [Event.from_row(tuple(r)) for r in rows]
