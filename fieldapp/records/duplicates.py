"""Possible duplicates at intake: is the person being registered already in this operation?

At a raid hundreds are registered in a hurry, often by two officers at once, and the same worker may
queue twice. Before a new person gets an id the intake looks, within the same operation, for
- the same name: any of the new names (passport name, name in the person's own script, aliases) and
  any of a registered person's, folded by ``fieldapp.names`` (case, spacing, word order, and the script:
  王磊 and WANG LEI meet), unless both nationalities are known and differ;
- the same passport or ID number (letters and digits only, O read as 0 and I as 1);
- the same photo (the SHA-256 of the original bytes) attached to someone else.
It only warns: the officer decides (a common name is not proof). HQ's dedupe across teams is separate.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.errors import FieldAppError, message, term
from fieldapp.names import normalise_document, parse_name
from fieldapp.vault.db import Connection

POSSIBLE_DUPLICATE = message(
    "record.possible_duplicate",
    "This person may already be registered in this operation: {persons}. Open the existing person, or "
    "register anyway if they are someone else.",
)

# Why a registered person looks like the new one, as the warning names it.
REASONS = {
    "name": term("duplicates", "same name"),
    "document": term("duplicates", "same passport or ID number"),
    "photo": term("duplicates", "same photo"),
}
MIN_DOCUMENT = 4  # shorter numbers ("0", "12") are more likely placeholders than documents
MAX_MATCHES = 10


@dataclass(frozen=True)
class DuplicateMatch:
    person_id: str
    reasons: tuple[str, ...]  # keys of REASONS, in that order


class PossibleDuplicate(FieldAppError):
    """Registering stopped: ``matches`` (PersonRow, reasons) look like the same person."""

    code = "possible_duplicate"

    def __init__(self, matches: list[Any], described: list[str]) -> None:
        super().__init__(POSSIBLE_DUPLICATE, persons="; ".join(described))
        self.matches = matches


def name_keys(fields: Mapping[str, Any]) -> set[str]:
    """Every name of a person, folded (case, spacing, word order, script)."""
    raws = [fields.get("name") or "", fields.get("name_own_script") or "", *(fields.get("aliases") or [])]
    keys = set()
    for raw in raws:
        parsed = parse_name(str(raw)) if str(raw).strip() else None
        if parsed is not None:
            keys.add(parsed.key)
    return keys


def find_duplicates(
    conn: Connection,
    operation_id: str,
    fields: Mapping[str, Any],
    *,
    photo_hashes: Iterable[str] = (),
    exclude: str | None = None,
) -> list[DuplicateMatch]:
    """Registered persons of ``operation_id`` that look like ``fields`` (checked person fields), oldest
    first, at most MAX_MATCHES. ``exclude``: the person's own id, when checking one already registered."""
    keys = name_keys(fields)
    nationality = fields.get("nationality") or ""
    document = normalise_document(str(fields.get("document_no") or ""))
    if len(document) < MIN_DOCUMENT:
        document = ""
    found: dict[str, set[str]] = {}
    rows = conn.execute(
        "SELECT id, name, name_own, nationality, document_no, json_extract(data, '$.aliases') FROM persons "
        "WHERE operation_id = ? AND status NOT IN ('withdrawn', 'purged') ORDER BY created_at, id",
        (operation_id,),
    )
    for person_id, name, name_own, their_nationality, their_document, aliases in rows:
        if person_id == exclude:
            continue
        if keys and not (nationality and their_nationality and nationality != their_nationality):
            theirs = {"name": name, "name_own_script": name_own, "aliases": json.loads(aliases or "[]")}
            if keys & name_keys(theirs):
                found.setdefault(person_id, set()).add("name")
        if document and normalise_document(their_document or "") == document:
            found.setdefault(person_id, set()).add("document")
    hashes = sorted(set(photo_hashes))
    if hashes:
        marks = ", ".join("?" * len(hashes))
        for (person_id,) in conn.execute(
            "SELECT DISTINCT p.id FROM photos ph JOIN persons p ON p.id = ph.person_id "
            "WHERE p.operation_id = ? AND p.status NOT IN ('withdrawn', 'purged') AND ph.status != 'purged' "
            f"AND json_extract(ph.data, '$.sha256') IN ({marks})",
            (operation_id, *hashes),
        ):
            if person_id != exclude:
                found.setdefault(person_id, set()).add("photo")
    matches = [
        DuplicateMatch(pid, tuple(r for r in REASONS if r in reasons)) for pid, reasons in found.items()
    ]
    return matches[:MAX_MATCHES]
