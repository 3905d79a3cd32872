"""Screening services: begin, save (autosaved drafts), amend and read a screening, always rescored.

A screening pins the indicator set and rule versions it began with; every save rescores with exactly
those, so a newer set shipped by HQ never silently changes an old screening (HQ re-scores on purpose,
with `fieldapp hq rescore`). A draft moves to the current rule at its next save: it has no outcome on
record yet, and a newer rule only ever protects more.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fieldapp.errors import NotAllowed, ValidationError, message
from fieldapp.records import drafts, finalise_review
from fieldapp.records import screening_record as schema
from fieldapp.records.ids import uuid7
from fieldapp.records.projections import possibly_minor
from fieldapp.records.service import Records
from fieldapp.screening import RULE_VERSION, ScreeningResult, load_set
from fieldapp.screening.plan import QuestionGroup, interview_plan
from fieldapp.screening.score import DEFAULT_LINKED_SET

INTELLIGENCE_TEAM_LEAD_ONLY = message(
    "record.intelligence_team_lead_only", "Only a team lead can record the intelligence section."
)
NOTHING_TO_SAVE = message("record.nothing_to_save", "Nothing to save.")
NOTHING_RECORDED = message("record.nothing_recorded", "Nothing has been recorded in this screening yet.")
UNKNOWN_SCREENING = message("record.unknown_screening", "There is no screening with id {screening_id}.")
SET_NOT_ENABLED = message(
    "screening.set_not_enabled",
    "The indicator set {set_id} is not enabled: it has no checked source. HQ can send a checked version "
    "with the enrolment.",
)

ADULT_SET, CHILD_SET = "ilo2009_adult_labour", "ilo2009_child_labour"


@dataclass(frozen=True)
class Screening:
    id: str
    person_id: str
    status: str
    version: int
    outcome: str | None
    pins: dict[str, str]
    sections: dict[str, Any]
    result: dict[str, Any]


@dataclass(frozen=True)
class DraftScreening:
    """A person's screening in progress and the interview step it was left at (None: not known)."""

    screening_id: str
    step: str | None


class Screenings:
    def __init__(self, records: Records) -> None:
        self.records = records
        self.session = records.session

    def _known_ids(self, pins: dict[str, str]) -> frozenset[str]:
        main = load_set(pins["set_id"], pins["set_version"])
        linked = load_set(pins["linked_set_id"], pins["linked_set_version"])
        return frozenset(main.ids()) | frozenset(linked.ids())

    def _check_restricted(self, sections: dict[str, Any]) -> None:
        restricted = schema.RESTRICTED_SECTIONS & set(sections)
        if restricted and not self.session.officer.has_role("team_lead"):
            raise NotAllowed(INTELLIGENCE_TEAM_LEAD_ONLY)

    def begin(
        self, person_id: str, *, set_id: str | None = None, sections: dict[str, Any] | None = None
    ) -> Screening:
        """A draft screening of a registered person; the child set when the person may be under 18."""
        person = self.records.person_fields(person_id)
        pins = self.pins_for(person_id, set_id)
        update = schema.clean_sections(sections or {}, self._known_ids(pins))
        self._check_restricted(update)
        merged = schema.merge({}, update)
        result = schema.rescore(merged, person, pins)
        screening_id = uuid7()
        fields = {
            "person_id": person_id,
            "pins": pins,
            **merged,
            "result": schema.stored_result(result, merged),
        }
        self.session.log.append("screening", screening_id, "create", {"fields": fields})
        return self.get(screening_id)

    def _prepare(self, screening_id: str, sections: dict[str, Any]) -> dict[str, Any]:
        current = self.get(screening_id, include_restricted=True)
        update = schema.clean_sections(sections, self._known_ids(current.pins))
        self._check_restricted(update)
        if not update:
            raise ValidationError(NOTHING_TO_SAVE)
        merged = schema.merge(current.sections, update)
        all_sections = {**current.sections, **merged}
        pins = current.pins
        upgrade = current.status == "draft" and pins.get("rule_version") != RULE_VERSION
        if upgrade:
            pins = {**pins, "rule_version": RULE_VERSION}
        result = schema.rescore(all_sections, self.records.person_fields(current.person_id), pins)
        fields = {**merged, "result": schema.stored_result(result, all_sections)}
        return {**fields, "pins": pins} if upgrade else fields

    def save(self, screening_id: str, sections: dict[str, Any]) -> Screening:
        """Save a draft (the UI autosaves through this); each save is one durable event."""
        self.records.update_record("screening", screening_id, self._prepare(screening_id, sections))
        return self.get(screening_id)

    def amend(self, screening_id: str, sections: dict[str, Any], reason: str) -> Screening:
        """Change a final screening: a reason, a new version, rescored with the pinned sets."""
        self.records.amend("screening", screening_id, self._prepare(screening_id, sections), reason)
        return self.get(screening_id)

    def finalise(self, screening_id: str) -> int:
        version = self.records.finalise("screening", screening_id)
        drafts.forget_step(self.session.conn, screening_id)
        return version

    def review(self, screening_id: str) -> finalise_review.FinaliseReview:
        """What the officer reads before finalising: outcome, progress, and what does not fit together."""
        current = self.get(screening_id, include_restricted=True)
        person = self.records.person_fields(current.person_id)
        return finalise_review.review(
            current.sections,
            schema.rescore(current.sections, person, current.pins),
            current.result,
            person,
            self.questions(current.person_id, current.pins),
            load_set(current.pins["linked_set_id"], current.pins["linked_set_version"]),
        )

    def draft(self, person_id: str) -> DraftScreening | None:
        """The person's screening in progress (the latest draft), to continue rather than begin anew."""
        row = self.session.conn.execute(
            "SELECT id FROM screenings WHERE person_id = ? AND status = 'draft' "
            "ORDER BY created_at DESC, id DESC LIMIT 1",
            (person_id,),
        ).fetchone()
        if row is None:
            return None
        return DraftScreening(str(row[0]), drafts.last_step(self.session.conn, str(row[0])))

    def remember_step(self, screening_id: str, step: str) -> None:
        """The interview step now shown: a draft opened again resumes there."""
        drafts.remember_step(self.session.conn, screening_id, step)

    def pins_for(self, person_id: str, set_id: str | None = None) -> dict[str, str]:
        """The set and rule versions a screening of this person begins with: the newest sets, the child
        set when the person may be under 18."""
        person = self.records.person_fields(person_id)
        chosen = set_id or (CHILD_SET if possibly_minor(person) else ADULT_SET)
        main, linked = load_set(chosen), load_set(DEFAULT_LINKED_SET)
        if not main.enabled:
            raise ValidationError(SET_NOT_ENABLED, set_id=main.set_id)
        return {
            "set_id": main.set_id,
            "set_version": main.version,
            "linked_set_id": linked.set_id,
            "linked_set_version": linked.version,
            "rule_version": RULE_VERSION,
        }

    def questions(self, person_id: str, pins: dict[str, str]) -> tuple[QuestionGroup, ...]:
        """What the interview asks this person, in order: each fact once in a scam-compound operation."""
        operation = self.records.person(person_id).operation_id
        setting = self.records.operation(operation).data.get("setting", "scam_compound")
        main = load_set(pins["set_id"], pins["set_version"])
        linked = load_set(pins["linked_set_id"], pins["linked_set_version"])
        return interview_plan(main, linked, scam_compound=setting == "scam_compound")

    def get(self, screening_id: str, *, include_restricted: bool = False) -> Screening:
        row = self.session.conn.execute(
            "SELECT id, person_id, status, version, outcome, data FROM screenings WHERE id = ?",
            (screening_id,),
        ).fetchone()
        if row is None:
            raise ValidationError(UNKNOWN_SCREENING, screening_id=screening_id)
        data = json.loads(row[5])
        sections = {name: data[name] for name in schema.SECTIONS if name in data}
        if not (include_restricted or self.session.officer.has_role("team_lead")):
            for name in schema.RESTRICTED_SECTIONS:
                sections.pop(name, None)
        return Screening(row[0], row[1], row[2], int(row[3]), row[4], data["pins"], sections, data["result"])

    def for_person(self, person_id: str) -> list[Screening]:
        rows = self.session.conn.execute(
            "SELECT id FROM screenings WHERE person_id = ? ORDER BY created_at", (person_id,)
        ).fetchall()
        return [self.get(r[0]) for r in rows]

    def explanation(self, screening_id: str) -> ScreeningResult:
        """The full result with its explanation, recomputed from the pinned sets."""
        current = self.get(screening_id, include_restricted=True)
        scored_age = {"age": current.result.get("age"), "age_uncertain": current.result.get("age_uncertain")}
        return schema.rescore(current.sections, scored_age, current.pins)
