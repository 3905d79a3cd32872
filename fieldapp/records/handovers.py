"""Handover records (docs/records.md): who hands which person, with what property, to which body.

A handover is a generic record (table ``handovers``): drafted and edited freely, then handed over
(finalised: team lead, officer-signed), which marks the person handed over. When it is handed over,
the person's printed details and the screening outcome are copied into it, so the record (and its
content hash on the printed form) covers everything the form shows, even if the person is amended later.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fieldapp.errors import RecordStateError, Term, ValidationError, message, term
from fieldapp.records.canonical import canonical_json
from fieldapp.records.consent import PROTECTED, ConsentMissing, missing_consent, protected_reason, refusals
from fieldapp.records.events import EVENT_COLUMNS, Event
from fieldapp.records.fields import clean
from fieldapp.records.handover_fields import (
    HANDOVER_FIELDS,
    ITEM_FIELDS,
    ITEM_KINDS,
    RECEIVING_LABELS,
    RECEIVING_TYPES,
)
from fieldapp.records.ids import uuid7
from fieldapp.records.links import links_of
from fieldapp.records.service import Records, record_word
from fieldapp.reference.receiving_bodies import HANDOVER_TYPE, HQ_DIRECTORY_META, body_by_id
from fieldapp.vault.db import Connection

HANDOVER_ALREADY_FINAL = message(
    "record.handover_already_final", "This handover is {status}; it was handed over already."
)
HAND_OVER = term("actions", "hand a person over")
FILL_IN_FIRST = message("handover.fill_in_first", "Before handing over, fill in: {missing}.")
# What a handover still needs (shown beside the form and in FILL_IN_FIRST), in the "handover" context.
__all__ = [
    "HANDOVER_FIELDS",
    "ITEM_FIELDS",
    "ITEM_KINDS",
    "RECEIVING_LABELS",
    "RECEIVING_TYPES",
    "Handover",
    "Handovers",
    "IssuedVersion",
    "handover_ids_ending",
    "handover_versions",
]
NEEDS = {
    key: term("handover", text)
    for key, text in (
        ("place", "the place of the handover"),
        ("transferring", "the transferring agency and officer"),
        ("receiving_type", "the type of receiving body"),
        ("receiving_country", "which country's embassy or consulate receives the person"),
        ("receiving_name", "the name of the receiving body"),
        ("receiving_officer", "the receiving officer"),
        ("consent_referral", "whether the person consents to the referral (yes or no)"),
    )
}
UNKNOWN_BODY = message(
    "handover.unknown_body",
    "The receiving body {body_id} is not in this laptop's directory; pick it again from the list, or type "
    "its name.",
)
UNKNOWN_HANDOVER = message("record.unknown_handover", "There is no handover with id {handover_id}.")
SCREENING_NOT_THIS_PERSONS = message(
    "record.screening_not_this_persons", "The screening named is not one of this person's screenings."
)

PERSON_SNAPSHOT = (
    "temp_id",
    "name",
    "name_own_script",
    "aliases",
    "nationality",
    "sex",
    "dob",
    "age",
    "age_uncertain",
    "languages",
    "document_type",
    "document_no",
    "document_status",
)


@dataclass(frozen=True)
class Handover:
    id: str
    person_id: str
    status: str
    version: int
    data: dict[str, Any]

    @property
    def reference_no(self) -> str:
        return str(self.data.get("reference_no", ""))


@dataclass(frozen=True)
class IssuedVersion:
    """One final version of a record: its content hash and the device that signed it."""

    version: int
    content_hash: str  # hex SHA-256 of canonical_json(data at that version)
    device_id: str
    device_public_key: str  # hex, raw Ed25519
    other_keys: tuple[str, ...] = ()  # the laptop's other device keys (before or after a rotation)
    data: dict[str, Any] | None = None  # the record as that version stood: what a checker compares


def _rotated_keys(conn: Any) -> dict[str, list[str]]:
    """Each laptop's device keys after a rotation (re-key), from its log: forms printed since are signed by them."""
    found: dict[str, list[str]] = {}
    for device_id, payload in conn.execute(
        "SELECT device_id, payload FROM events WHERE entity = 'device' AND op = 'rotate' ORDER BY device_seq"
    ):
        key = json.loads(payload).get("public_key")
        if isinstance(key, str):
            found.setdefault(str(device_id), []).append(key)
    return found


def content_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(data)).hexdigest()


def _flag(flag: Any) -> dict[str, str]:
    if not isinstance(flag, dict):
        return {"id": str(flag), "en": str(flag), "km": str(flag)}
    label = flag.get("label") or {}
    return {"id": str(flag.get("id", "")), "en": str(label.get("en", "")), "km": str(label.get("km", ""))}


class Handovers:
    def __init__(self, records: Records) -> None:
        self.records = records
        self.session = records.session
        self.conn = records.conn

    def _check(
        self, person_id: str, fields: dict[str, Any], current: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        data = self._receiving_body(clean("handover", HANDOVER_FIELDS, fields), current or {})
        screening_id = data.get("screening_id")
        if screening_id:
            row = self.conn.execute(
                "SELECT person_id FROM screenings WHERE id = ?", (screening_id,)
            ).fetchone()
            if row is None or row[0] != person_id:
                raise ValidationError(SCREENING_NOT_THIS_PERSONS)
        return data

    def _receiving_body(self, data: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
        """A body picked from the directory fills in its type and names; a name typed instead is flagged
        (``current``: the record's fields so far, for a change that names no body)."""
        body_id = data.get("receiving_body_id")
        if body_id:
            body = body_by_id(self.session.meta(HQ_DIRECTORY_META), str(body_id))
            if body is None:
                raise ValidationError(UNKNOWN_BODY, body_id=body_id)
            data.update(
                receiving_type=HANDOVER_TYPE[body.type],
                receiving_name=body.name_en,
                receiving_name_km=body.name_km,
                receiving_unmapped=False,
            )
            if body.country:
                data["receiving_country"] = body.country
        elif body_id == "" or "receiving_name" in data:
            data.update(receiving_body_id="", receiving_name_km="")
            data["receiving_unmapped"] = bool(data.get("receiving_name", current.get("receiving_name")))
        return data

    def draft(self, person_id: str, **fields: Any) -> Handover:
        """A draft handover for a registered person, with a reference number like ``HO-SHV-K7-00042-1``."""
        person = self.records.person(person_id)
        data = self._check(person_id, fields)
        if "screening_id" not in data:
            latest = self.conn.execute(
                "SELECT id FROM screenings WHERE person_id = ? AND status != 'withdrawn' "
                "ORDER BY created_at DESC, id DESC LIMIT 1",
                (person_id,),
            ).fetchone()
            if latest:
                data["screening_id"] = latest[0]
        data.setdefault("date_time", datetime.now().astimezone().isoformat(timespec="minutes"))
        with self.session.log.transaction():
            count = self.conn.execute(
                "SELECT count(*) FROM handovers WHERE person_id = ?", (person_id,)
            ).fetchone()[0]
            data["reference_no"] = f"HO-{person.temp_id}-{int(count) + 1}"
            data["person_id"] = person_id
            handover_id = uuid7()
            self.session.log.append("handover", handover_id, "create", {"fields": data})
        return self.get(handover_id)

    def update(self, handover_id: str, **fields: Any) -> Handover:
        current = self.get(handover_id)
        self.records.update_record(
            "handover", handover_id, self._check(current.person_id, fields, current.data)
        )
        return self.get(handover_id)

    def amend(self, handover_id: str, reason: str, **fields: Any) -> Handover:
        current = self.get(handover_id)
        self.records.amend(
            "handover", handover_id, self._check(current.person_id, fields, current.data), reason
        )
        return self.get(handover_id)

    def missing(self, handover: Handover) -> list[Term]:
        """What must be filled in before the person can be handed over (plain words)."""
        d = handover.data
        needs = []
        if not d.get("place"):
            needs.append(NEEDS["place"])
        if not d.get("transferring_agency") or not d.get("transferring_officer"):
            needs.append(NEEDS["transferring"])
        if not d.get("receiving_type"):
            needs.append(NEEDS["receiving_type"])
        elif d["receiving_type"] == "embassy" and not d.get("receiving_country"):
            needs.append(NEEDS["receiving_country"])
        if not d.get("receiving_name") and d.get("receiving_type") != "embassy":
            needs.append(NEEDS["receiving_name"])
        if not d.get("receiving_officer"):
            needs.append(NEEDS["receiving_officer"])
        if d.get("consent_referral") is None:
            needs.append(NEEDS["consent_referral"])
        return needs

    def snapshot(self, handover: Handover) -> dict[str, Any]:
        """The person's printed details and the screening outcome, as of now."""
        person = self.records.person_fields(handover.person_id)
        snap: dict[str, Any] = {"person": {k: person[k] for k in PERSON_SNAPSHOT if k in person}}
        snap["links"] = [  # the people kept together with this person, printed on the form
            {"temp_id": found.other_temp_id, "relation": found.relation, "role": found.role}
            for found in links_of(self.conn, handover.person_id)
        ]
        screening_id = handover.data.get("screening_id")
        if screening_id:
            row = self.conn.execute(
                "SELECT status, version, outcome, data, created_at FROM screenings WHERE id = ?",
                (screening_id,),
            ).fetchone()
            data = json.loads(row[3])
            result = data.get("result") or {}
            snap["screening"] = {
                "id": screening_id,
                "status": row[0],
                "version": int(row[1]),
                "outcome": row[2] or "",
                "date": str(row[4])[:10],
                "red_flags": [_flag(f) for f in result.get("red_flags") or []],
            }
            # The languages the person speaks: recorded at intake, then any the screening added; and
            # the one they read the consent script in (their copy's summary is in it).
            language = data.get("language") or {}
            spoken = (data.get("consent") or {}).get("script_language") or language.get("interview_language")
            if spoken:
                snap["screening"]["language"] = str(spoken)
            languages = list(snap["person"].get("languages") or [])
            languages += [c for c in language.get("preferred") or [] if c and c not in languages]
            if languages:
                snap["person"]["languages"] = languages
        return snap

    def hand_over(self, handover_id: str) -> int:
        """Finalise (team lead, officer-signed): the person is handed over. Returns the final version."""
        self.session.require("team_lead", HAND_OVER)
        handover = self.get(handover_id)
        if handover.status != "draft":
            raise RecordStateError(HANDOVER_ALREADY_FINAL, status=record_word(handover.status))
        needs = self.missing(handover)
        if needs:
            raise ValidationError(FILL_IN_FIRST, missing=needs)
        snapshot = self.snapshot(handover)
        if handover.data.get("receiving_type") == "embassy":  # no override: the flag is lifted first
            reason = protected_reason(self.conn, handover.person_id)
            if reason is not None:
                raise ConsentMissing(PROTECTED, reason=reason)
        refused = refusals(self.conn, [handover.person_id], handover.data)
        if refused:
            override = str(handover.data.get("consent_override_reason") or "").strip()
            if not override:
                raise missing_consent(refused)
            # Kept with the signed record and printed: who went ahead without which consent, and why.
            snapshot["consent_override"] = {
                "reason": override,
                "by": self.session.officer.name,
                "missing": [{"key": r.key, "when": r.when, "en": r.reason.english} for r in refused],
            }
        with self.session.log.transaction():
            self.records.update_record("handover", handover_id, snapshot)
            return self.records.finalise("handover", handover_id)

    def get(self, handover_id: str) -> Handover:
        row = self.conn.execute(
            "SELECT id, person_id, status, version, data FROM handovers WHERE id = ?", (handover_id,)
        ).fetchone()
        if row is None:
            raise ValidationError(UNKNOWN_HANDOVER, handover_id=handover_id)
        return Handover(row[0], row[1], row[2], int(row[3]), json.loads(row[4]))

    def for_person(self, person_id: str) -> list[Handover]:
        rows = self.conn.execute(
            "SELECT id FROM handovers WHERE person_id = ? ORDER BY created_at, id", (person_id,)
        ).fetchall()
        return [self.get(r[0]) for r in rows]

    def find_ids(self, id_tail: str) -> list[str]:
        return handover_ids_ending(self.conn, id_tail)

    def versions(self, handover_id: str) -> list[IssuedVersion] | None:
        return handover_versions(self.conn, handover_id)


def handover_ids_ending(conn: Connection, id_tail: str) -> list[str]:
    """Handover ids ending in ``id_tail`` (hex, no dashes): how a typed short code is resolved.
    (On a laptop's vault or HQ's store: both hold the same tables.)"""
    tail = id_tail.lower()
    rows = conn.execute("SELECT id FROM handovers WHERE replace(id, '-', '') LIKE ?", ("%" + tail,))
    return [r[0] for r in rows]


def handover_versions(conn: Connection, handover_id: str) -> list[IssuedVersion] | None:
    """Every final version with its content hash, replayed from the signed log; None if unknown."""
    keys = dict(conn.execute("SELECT id, public_key FROM devices").fetchall())
    rotated = _rotated_keys(conn)
    rows = conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE entity = 'handover' AND entity_id = ? ORDER BY rowid",
        (handover_id,),
    ).fetchall()
    if not rows:
        return None
    data: dict[str, Any] = {}
    issued: list[IssuedVersion] = []
    for row in rows:
        event = Event.from_row(row)
        if event.op in ("create", "update", "amend"):
            data.update(event.payload["fields"])
        if event.op in ("finalise", "amend"):
            version = int(event.payload["version"])
            issued.append(
                IssuedVersion(
                    version,
                    content_hash(data),
                    event.device_id,
                    keys.get(event.device_id, ""),
                    tuple(rotated.get(event.device_id, ())),
                    json.loads(json.dumps(data)),
                )
            )
    return issued
