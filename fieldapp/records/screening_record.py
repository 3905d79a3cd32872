"""The screening record (docs/records.md): its sections, their checks, and how it is scored.

A screening is one record in the event log. Its fields are sections (meta, language, consent, ...),
each a small dict; a save replaces the sections it touches, and indicator answers merge one by one so
two quick saves never lose each other's ticks. Identity lives on the person record (names, aliases and
work names, own script, sex, age, citizenship, document status), which the screening refers to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldapp.errors import ValidationError, message
from fieldapp.records.fields import (
    Check,
    choice,
    clean,
    country,
    date_field,
    flag,
    integer,
    items,
    labelled,
    optional_flag,
    text,
    text_list,
)
from fieldapp.screening import (
    LEGACY_RULE_VERSION,
    Act,
    InterviewStatus,
    Outcome,
    ScreeningResult,
    parse_answer,
    score,
)

UNKNOWN_SECTION = message("record.unknown_section", "Unknown screening section(s): {unknown}.")
SECTION_NOT_A_MAP = message(
    "record.section_not_a_map", "Screening section {section} must be a set of fields."
)
ANSWERS_NOT_A_MAP = message(
    "record.answers_not_a_map", "Indicator answers must map indicator ids to answers."
)
UNKNOWN_INDICATOR = message(
    "record.unknown_indicator", "{item_id} is not an indicator of this screening's sets."
)

# The seven IOM informed-consent items (IOM), asked before the interview.
CONSENT_ITEMS = (
    "consents_to_interview",
    "told_purpose",
    "told_uses_of_data",
    "told_research_use",
    "told_can_request_data",
    "told_storage_period",
    "told_how_to_withdraw",
)
SHARE_WITH = ("share_embassy", "share_mosvy", "share_ngo_iom", "share_police")
PHOTO_CONSENT = ("photo_portrait", "photo_injury", "photo_document", "photo_scene")
RECRUITMENT_METHODS = (
    "AtAPlaceOfBusiness",
    "AtAnEducationalInstitution",
    "AtWork",
    "ThroughOnlineSocialNetworks",
    "ThroughAnOnlineAdvertisement",
    "ThroughATelevisionAdvert",
    "ThroughANewspaperAdvert",
    "ThroughFamilyOrFamilyEvents",
    "ThroughFriendsOrSocialEvents",
    "Other",
)  # (HTCDS vic_MethodOfRecruitment)
RECRUITER_RELATIONS = ("IntimatePartner", "Friend", "Family", "Other")  # CTDC's four values
PERPETRATOR_ROLES = (
    "RecruiterOrIntermediary",
    "BrokerTravelAgent",
    "Transporter",
    "Exploiter",
    "Abuser",
    "Kidnapper",
    "Smuggler",
    "Other",
)  # (HTCDS per_RoleInProcess, the ones an officer meets)
FORMAL_STATUSES = ("PossibleVictimOfTrafficking", "ActualVictimOfTrafficking", "NotAVictimOfTrafficking")
DECIDERS = ("Police", "NGO", "CourtOrProsecution", "NonPoliceGovernmentalOrganization", "Other")

_COMPOUND: dict[str, Check] = {
    "name": text(200),
    "location": text(200),
    "arrived": date_field,
    "left": date_field,
    "how_transferred": text(500),
    "price_or_debt": text(200),
}
_PERPETRATOR: dict[str, Check] = {
    "role": choice(PERPETRATOR_ROLES),
    "name_or_description": text(300),
    "nationality": country,
}

SECTIONS: dict[str, dict[str, Check]] = {
    "meta": {
        "screened_at": text(40),
        "place": text(200),
        "compound": text(200),
        "gps": text(60),
        "officers": text_list,
        "agency": text(200),
        "private_setting": optional_flag,
        "others_present": text(300),
        "already_interviewed_by": text(300),
    },
    "language": {
        "preferred": text_list,
        "interview_language": text(40),
        "interpreter_needed": flag,
        "interpreter_present": flag,
        "interpreter_name": text(200),
        "interpreter_agency": text(200),
        "interpreter_language_pair": text(60),
        # "Not connected to the compound or the employer" (docs/records.md): asked, not assumed.
        "interpreter_independent": optional_flag,
    },
    "consent": {
        **{item: optional_flag for item in CONSENT_ITEMS + SHARE_WITH + PHOTO_CONSENT},
        "signed_by": choice(("signature", "thumbprint", "verbal", "none")),
        "script_language": text(20),  # the language the person read the consent script in
        "witness": text(200),
        "guardian_assent": text(300),
    },
    "recruitment": {
        "date": date_field,
        "country": country,
        "city": text(100),
        "method": choice(RECRUITMENT_METHODS),
        "platform": text(60),
        "recruiter_relationship": choice(RECRUITER_RELATIONS),
        "promised_job": text(300),
        "promised_employer": text(200),
        "promised_location": text(200),
        "promised_salary": text(100),
        "fees_or_debt": text(300),
        "travel_paid_by": text(200),
        "route": text(500),
        "transit_countries": text_list,
        "entry_point": text(200),
        "visa_type": text(100),
    },
    "exploitation": {
        "compounds": items("compound", _COMPOUND),
        "work_type": text_list,
        "quota": text(300),
        "hours_per_day": integer(0, 24),
        "rest_days_per_month": integer(0, 31),
        "pay_received": text(200),
        "fines": text(300),
        "months": integer(0, 600),
        "how_left": choice(("rescued", "escaped", "released", "ransomed", "other")),
    },
    "indicators": {"answers": lambda name, value: value},  # checked against the pinned set in clean_sections
    "interview": {"completed": flag, "declined": flag, "notes": text(5000)},
    "assessment": {
        "officer_outcome": choice(tuple(o.value for o in Outcome)),
        "reasons": text(5000),
        "role_in_compound": text(300),
        "formal_status": choice(FORMAL_STATUSES),
        "decided_by": choice(DECIDERS),
    },
    "needs": {
        "urgent_medical": text(1000),
        "injuries": text(1000),
        "medication": text(500),
        "pregnant": optional_flag,
        "disability": text(500),
        "psychosocial_distress": optional_flag,
        "safety_risk": text(1000),
        "retrafficking_risk": choice(("low", "medium", "high", "unknown")),
        "wishes": text_list,
        "immediate_needs": text_list,
    },
    # Restricted: only team leads write or read it (docs/records.md).
    "intelligence": {
        "others_inside": integer(0, 100_000),
        "others_nationalities": text_list,
        "children_inside": integer(0, 100_000),
        "perpetrators": items("perpetrator", _PERPETRATOR),
        "evidence": text(5000),
    },
}
RESTRICTED_SECTIONS = frozenset({"intelligence"})
for _spec in (*SECTIONS.values(), _COMPOUND, _PERPETRATOR):
    labelled(_spec)


def clean_sections(update: Mapping[str, Any], known_ids: frozenset[str]) -> dict[str, dict[str, Any]]:
    """Check a save; indicator answers must name an item of the screening's pinned sets."""
    unknown = sorted(set(update) - set(SECTIONS))
    if unknown:
        raise ValidationError(UNKNOWN_SECTION, unknown=", ".join(unknown))
    cleaned: dict[str, dict[str, Any]] = {}
    for section, fields in update.items():
        if not isinstance(fields, Mapping):
            raise ValidationError(SECTION_NOT_A_MAP, section=section)
        cleaned[section] = clean(f"{section} section", SECTIONS[section], fields)
    if "indicators" in cleaned:
        answers = cleaned["indicators"].get("answers", {})
        if not isinstance(answers, Mapping):
            raise ValidationError(ANSWERS_NOT_A_MAP)
        stored = {}
        for item_id, value in answers.items():
            if item_id not in known_ids:
                raise ValidationError(UNKNOWN_INDICATOR, item_id=item_id)
            stored[item_id] = parse_answer(item_id, value).to_dict()
        cleaned["indicators"] = {"answers": stored}
    return cleaned


def merge(current: Mapping[str, Any], update: Mapping[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The sections an update changes, merged field by field into what is stored."""
    merged: dict[str, dict[str, Any]] = {}
    for section, fields in update.items():
        base = dict(current.get(section) or {})
        if section == "indicators":
            answers = dict(base.get("answers") or {})
            answers.update(fields.get("answers", {}))
            base["answers"] = answers
        else:
            base.update(fields)
        merged[section] = base
    return merged


# What the recruitment section records beyond the indicator answers: any of these says a recruitment took
# place, any of the travel ones that the person was transported (Palermo Protocol Art. 3 acts).
RECRUITMENT_FACTS = (
    "date",
    "country",
    "city",
    "method",
    "platform",
    "recruiter_relationship",
    "promised_job",
    "promised_employer",
    "promised_location",
    "promised_salary",
    "fees_or_debt",
)
TRANSPORT_FACTS = ("travel_paid_by", "route", "transit_countries", "entry_point", "visa_type")


def recorded_acts(sections: Mapping[str, Any]) -> tuple[Act, ...]:
    """The acts of trafficking the record itself shows: the recruitment section, and compounds the person
    was held in (harbouring; more than one compound means a transfer)."""
    recruitment = sections.get("recruitment") or {}
    compounds = (sections.get("exploitation") or {}).get("compounds") or []
    acts: list[Act] = []
    if any(recruitment.get(name) for name in RECRUITMENT_FACTS):
        acts.append(Act.RECRUITMENT)
    if any(recruitment.get(name) for name in TRANSPORT_FACTS):
        acts.append(Act.TRANSPORT)
    if compounds:
        acts.append(Act.HARBOURING)
    if len(compounds) > 1:
        acts.append(Act.TRANSFER)
    return tuple(acts)


def rescore(
    sections: Mapping[str, Any], person: Mapping[str, Any], pins: Mapping[str, str]
) -> ScreeningResult:
    """Score with the set and rule versions pinned (the legacy rule when none was pinned), and the acts the
    record shows. HQ's re-score calls this too, so the laptop and HQ score the same record the same way."""
    language = sections.get("language") or {}
    interview = sections.get("interview") or {}
    status = InterviewStatus(
        completed=bool(interview.get("completed", False)),
        declined=bool(interview.get("declined", False)),
        interpreter_needed=bool(language.get("interpreter_needed", False)),
        interpreter_present=bool(language.get("interpreter_present", False)),
    )
    answers = (sections.get("indicators") or {}).get("answers") or {}
    return score(
        {item: parse_answer(item, value) for item, value in answers.items()},
        age=person.get("age"),
        age_uncertain=bool(person.get("age_uncertain")),
        interview=status,
        set_id=pins["set_id"],
        set_version=pins["set_version"],
        linked_set_id=pins["linked_set_id"],
        linked_set_version=pins["linked_set_version"],
        recorded_acts=recorded_acts(sections),
        rule_version=pins.get("rule_version") or LEGACY_RULE_VERSION,
    )


STORED_RESULT_KEYS = (
    "outcome",
    "set",
    "linked_set",
    "rule_version",
    "positive_dimensions",
    "red_flags",
    "child_rule_applied",
    "child_protection_referral",
    "undetermined_reasons",
    "warnings",
    "age",
    "age_uncertain",
    "contradictions",
)


def stored_result(result: ScreeningResult, sections: Mapping[str, Any]) -> dict[str, Any]:
    """What the record keeps of a result: the outcome and the versions that gave it, plus the checks the
    rule itself does not make. The full explanation is recomputed from the pinned set when shown, so
    autosaves do not fill the log with copies of it."""
    full = result.to_dict()
    data = {key: full[key] for key in STORED_RESULT_KEYS}
    language = sections.get("language") or {}
    if language.get("interpreter_present") and language.get("interpreter_independent") is False:
        data["warnings"] = [*data.get("warnings", []), "interpreter_not_independent"]
    consent = sections.get("consent") or {}
    if consent.get("consents_to_interview") is False:
        data["warnings"] = [*data.get("warnings", []), "no_consent_to_interview"]
    return data
