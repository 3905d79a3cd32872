"""What a new handover or screening starts with: what the team already recorded, so nobody retypes it.

A handover takes the place and the lead agency from the operation, the officer who is signed in, and
from the person's latest screening the interpreter, injuries and other health needs, safety risks, the
guardian's assent and the consent to share with each kind of receiving body; urgent needs also come from
the intake. A screening takes the place and the compound from the operation and the person's languages
from the intake. Each value says where it came from, so the screen can show it as filled in for the
officer to confirm or change; nothing here is saved until the officer saves the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldapp.errors import Term, term
from fieldapp.records.screenings import Screening, Screenings
from fieldapp.records.service import Records

# Where a value came from, in the officer's words (the "prefill" context of the translations).
FROM_OPERATION = term("prefill", "the operation")
FROM_INTAKE = term("prefill", "the intake")
FROM_SCREENING = term("prefill", "the screening")
FROM_OFFICER = term("prefill", "the officer signed in")

# The screening's consent to share with each kind of receiving body (consent section, SHARE_WITH).
SHARING_CONSENT = {
    "embassy": "share_embassy",
    "mosvy": "share_mosvy",
    "iom": "share_ngo_iom",
    "ngo": "share_ngo_iom",
    "police_atu": "share_police",
}


@dataclass(frozen=True)
class Prefill:
    """Values for a new record's fields, and where each came from."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, Term] = field(default_factory=dict)
    # The consent to share recorded in the screening, by receiving type (a handover's choice of body
    # decides which one applies); a type absent here was not asked.
    sharing: dict[str, bool] = field(default_factory=dict)

    def sharing_for(self, receiving_type: str) -> bool | None:
        return self.sharing.get(receiving_type)


def _joined(*parts: Any) -> str:
    texts: list[str] = []
    for part in parts:
        items = part if isinstance(part, list) else [part]
        texts += [str(item).strip() for item in items if item is not None and str(item).strip()]
    return "; ".join(dict.fromkeys(texts))


def latest_screening(screenings: Screenings, person_id: str) -> Screening | None:
    """The person's latest screening that was not withdrawn (final or draft)."""
    live = [s for s in screenings.for_person(person_id) if s.status != "withdrawn"]
    return screenings.get(live[-1].id) if live else None


def handover_prefill(records: Records, person_id: str, officer_name: str) -> Prefill:
    """What a new handover of this person starts with (read on the database worker)."""
    person = records.person(person_id)
    operation = records.operation(person.operation_id).data
    intake = records.person_fields(person_id)
    screening = latest_screening(Screenings(records), person_id)
    sections = screening.sections if screening is not None else {}
    language = sections.get("language") or {}
    needs = sections.get("needs") or {}
    consent = sections.get("consent") or {}

    found: dict[str, tuple[Any, Term]] = {
        "place": (operation.get("place"), FROM_OPERATION),
        "transferring_agency": (operation.get("lead_agency"), FROM_OPERATION),
        "transferring_officer": (officer_name, FROM_OFFICER),
        "interpreter_name": (language.get("interpreter_name"), FROM_SCREENING),
        # the interview's language is the interpreter's only when there was one
        "interpreter_language": (
            language.get("interpreter_language_pair")
            or (language.get("interview_language") if language.get("interpreter_name") else None),
            FROM_SCREENING,
        ),
        "health_notes": (
            _joined(
                needs.get("injuries"),
                needs.get("urgent_medical"),
                needs.get("medication"),
                needs.get("disability"),
            ),
            FROM_SCREENING,
        ),
        "safety_notes": (_joined(needs.get("safety_risk")), FROM_SCREENING),
        "guardian": (consent.get("guardian_assent"), FROM_SCREENING),
    }
    urgent = _joined(intake.get("urgent_needs"), needs.get("immediate_needs"))
    found["urgent_needs"] = (urgent, FROM_INTAKE if intake.get("urgent_needs") else FROM_SCREENING)
    values = {name: value for name, (value, _) in found.items() if value not in (None, "", [])}
    sharing = {
        kind: bool(consent[item]) for kind, item in SHARING_CONSENT.items() if consent.get(item) is not None
    }
    return Prefill(values, {name: found[name][1] for name in values}, sharing)


def screening_prefill(records: Records, person_id: str) -> tuple[dict[str, dict[str, Any]], dict[str, Term]]:
    """What a new screening of this person starts with, by section and field, and where each value came
    from (by "section.field")."""
    person = records.person(person_id)
    operation = records.operation(person.operation_id).data
    intake = records.person_fields(person_id)
    place = str(operation.get("place") or "").strip()
    locality = ", ".join(
        str(operation.get(k) or "").strip() for k in ("district", "province") if operation.get(k)
    )
    values: dict[str, dict[str, Any]] = {}
    sources: dict[str, Term] = {}

    def put(section: str, name: str, value: Any, source: Term) -> None:
        if value not in (None, "", []):
            values.setdefault(section, {})[name] = value
            sources[f"{section}.{name}"] = source

    if operation.get("setting", "scam_compound") == "scam_compound":
        put("meta", "compound", place, FROM_OPERATION)
        put("meta", "place", locality or place, FROM_OPERATION)
    else:
        put("meta", "place", ", ".join(x for x in (place, locality) if x), FROM_OPERATION)
    put("meta", "agency", str(operation.get("lead_agency") or ""), FROM_OPERATION)
    languages = [str(code) for code in intake.get("languages") or [] if code]
    put("language", "preferred", languages, FROM_INTAKE)
    if languages:
        put("language", "interview_language", languages[0], FROM_INTAKE)
    return values, sources
