"""Standard exports from the HQ store: CTDC variables and HTCDS v2 fields as CSV (the CTDC codebook v2 of Feb 2024, HTCDS v2).

Both exports read the HQ projections (``persons``, ``screenings``, ``handovers``) and leave out withdrawn
and purged persons. No name, temporary id, document number, phone or free text is ever written: HTCDS rows
carry ``x_caseRef``, a one-way reference derived from the person's id (HQ finds the person again by
recomputing it over its own persons; outsiders cannot reverse it), as HTCDS guidance asks.

CTDC (codebook v2, Feb 2024): one row per person whose latest screening calls for protection and referral
(presumed, presumed child or possible victim, indicators below the threshold included: CTDC is a victim
dataset); binary variables are ``1`` or empty, never ``0``.
HTCDS: one row per screened person. ``vic_TraffickingStatus`` comes from the officer's or deciding body's
formal status when recorded, else from the screening outcome (PossibleVictimOfTrafficking for every outcome
that calls for protection); NO_INDICATORS_FOUND and UNDETERMINED leave it empty, never
NotAVictimOfTrafficking (a screening result is not a verdict). Multi-valued HTCDS fields
are joined with ``;``.

Small-cell suppression (:func:`suppress`, CTDC's k = 11 rule) *drops* rows whose quasi-identifier combination
is shared by fewer than ``k`` rows. Dropping rather than blanking was chosen because blanked rows form a
new combination of their own, which may itself be smaller than ``k`` (a lone suppressed person is then
re-identified by elimination), and because a blanked row still publishes its sensitive flags next to the
fact that it was rare. After dropping, every published combination is shared by at least ``k`` rows.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.atomic import write_atomic
from fieldapp.screening import PROTECT_AND_REFER, load_set
from fieldapp.screening.score import DEFAULT_LINKED_SET
from fieldapp.vault.db import Connection

CTDC_COLUMNS: tuple[str, ...] = (
    "yearOfRegistration",
    "gender",
    "ageBroad",
    "citizenship",
    "CountryOfExploitation",
    "traffickMonths",
    "meansDebtBondageEarnings",
    "meansThreats",
    "meansAbusePsyPhySex",
    "meansFalsePromises",
    "meansDrugsAlcohol",
    "meansDenyBasicNeeds",
    "meansExcessiveWorkHours",
    "meansWithholdDocs",
    "isForcedLabour",
    "isSexualExploit",
    "isOtherExploit",
    "typeOfLabourAgriculture",
    "typeOfLabourConstruction",
    "typeOfLabourDomesticWork",
    "typeOfLabourHospitality",
    "typeOfSexProstitution",
    "typeOfSexPornography",
    "recruiterRelationIntimatePartner",
    "recruiterRelationFriend",
    "recruiterRelationFamily",
    "recruiterRelationOther",
)
CTDC_QUASI_IDENTIFIERS: tuple[str, ...] = (
    "gender",
    "ageBroad",
    "citizenship",
    "traffickMonths",
    "isForcedLabour",
    "isSexualExploit",
    "isOtherExploit",
)  # (the three is* flags together are the exploitation type)

HTCDS_COLUMNS: tuple[str, ...] = (
    "x_caseRef",
    "prs_Gender",
    "vic_AgeWhenTrafficked",
    "prs_Citizenship",
    "vic_TraffickingStatus",
    "vic_TraffickingStatusDecisionMakingOrg",
    "vic_RelationshipToTrafficker",
    "vic_RecruitmentWebsitesAndApps",
    "vic_MethodOfRecruitment",
    "vic_MethodsOfControl",
    "vic_TypeOfExploitation",
    "x_exploitationSubtype",
    "cas_ReferredOrganisation",
    "cas_OutgoingReferralDate",
)
HTCDS_QUASI_IDENTIFIERS: tuple[str, ...] = (
    "prs_Gender",
    "vic_AgeWhenTrafficked",
    "prs_Citizenship",
    "vic_TypeOfExploitation",
)

VICTIM_OUTCOMES = frozenset(o.value for o in PROTECT_AND_REFER)
AGE_BINS = (
    (0, 8, "0–8"),
    (9, 17, "9–17"),
    (18, 20, "18–20"),
    (21, 23, "21–23"),
    (24, 26, "24–26"),
    (27, 29, "27–29"),
    (30, 38, "30–38"),
    (39, 47, "39–47"),
)
CTDC_GENDER = {"female": "Woman", "male": "Man", "other": "Trans/Transgender/NonConforming"}
HTCDS_GENDER = {
    "female": "Feminine",
    "male": "Masculine",
    "other": "NonConforming",
    "unknown": "NonSpecifiedUnknown",
}
HTCDS_RELATION = {"Family": "Familial", "IntimatePartner": "Acquainted", "Friend": "Acquainted"}
HTCDS_APPS = (
    "Facebook",
    "Instagram",
    "WhatsApp",
    "Telegram",
    "FacebookMessenger",
    "Viber",
    "SnapChat",
    "Line",
    "4Sale",
    "WeChat",
    "QQ",
    "QZone",
    "TikTok",
    "Twitter",
)

# Indicator ids (ILO items and the scam-compound items that tick them) → CTDC "means of control".
# ``*.x`` matches both the CR. and CD. versions of an ILO item (CTDC codebook v2).
CTDC_MEANS: dict[str, tuple[str, ...]] = {
    "meansDebtBondageEarnings": (
        "*.debt_bondage",
        "CD.withholding_wages",
        "CR.withholding_money",
        "SC.debt_or_ransom_to_leave",
    ),
    "meansThreats": (
        "*.threats_violence",
        "*.threat_denunciation",
        "*.violence_family",
        "*.threat_inform_family",
    ),
    "meansAbusePsyPhySex": ("*.violence", "SC.sexual_violence", "SC.forced_prostitution", "SC.punished"),
    "meansFalsePromises": ("DR.*",),
    "meansDrugsAlcohol": ("SC.drugs",),
    "meansDenyBasicNeeds": ("*.isolation", "SC.living_conditions", "SC.observed_malnutrition"),
    "meansExcessiveWorkHours": ("EX.excessive_hours",),
    "meansWithholdDocs": ("*.confiscation_docs",),
}
HTCDS_CONTROL: dict[str, tuple[str, ...]] = {
    "PhysicalThreats": ("*.threats_violence",),
    "ThreatsLawEnforcement": ("*.threat_denunciation",),
    "ThreatensChildrenFamily": ("*.violence_family", "*.threat_inform_family"),
    "DebtBondage": ("*.debt_bondage", "SC.debt_or_ransom_to_leave"),
    "FalsePromises": ("DR.*",),
    "PhysicalAbuse": ("*.violence", "SC.punished"),
    "SexualAbuse": ("SC.sexual_violence", "SC.forced_prostitution"),
    "TakesEarnings": ("CD.withholding_wages", "SC.fines_deductions"),
    "RestrictsFinancialAccess": ("CR.withholding_money",),
    "WithholdsNecessities": ("SC.living_conditions", "SC.observed_malnutrition"),
    "PsychologicalAbuse": ("CD.strong_influence", "SC.witnessed_abuse"),
    "PsychoactiveSubstance": ("SC.drugs",),
    "ExcessiveWorkingHours": ("EX.excessive_hours",),
    "WithholdsDocuments": ("*.confiscation_docs",),
    "Other": ("*.isolation",),
}
LABOUR_TYPES = {
    "typeOfLabourAgriculture": ("agricultur", "farm", "plantation", "fishing"),
    "typeOfLabourConstruction": ("construction",),
    "typeOfLabourDomesticWork": ("domestic", "housekeep", "maid"),
    "typeOfLabourHospitality": ("hospitality", "hotel", "restaurant", "karaoke"),
    "typeOfSexProstitution": ("prostitution",),
    "typeOfSexPornography": ("pornograph",),
}


@dataclass(frozen=True)
class Case:
    """One person with what the exports need from the latest screening and the latest handover."""

    person_id: str
    sex: str
    age: int | None
    nationality: str
    outcome: str | None
    registered: str
    sections: Mapping[str, Any]
    present: frozenset[str]
    sexual_set: bool
    handover: Mapping[str, Any]


class _Ticks:
    """What each scam-compound item ticks, in the version of the set the screening was recorded with (a
    newer version may map an item differently)."""

    def __init__(self) -> None:
        self._by_version: dict[tuple[str, str | None], dict[str, tuple[str, ...]]] = {}

    def __call__(self, pins: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
        key = (str(pins.get("linked_set_id") or DEFAULT_LINKED_SET), pins.get("linked_set_version"))
        if key not in self._by_version:
            linked = load_set(key[0], key[1])
            self._by_version[key] = {item.id: item.maps_to for item in linked.linked_items}
        return self._by_version[key]


def _present(answers: Mapping[str, Any], ticks: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    found: set[str] = set()
    for item, value in answers.items():
        answer = value.get("answer") if isinstance(value, Mapping) else value
        if answer == "present":
            found.add(item)
            found.update(ticks.get(item, ()))
    return frozenset(found)


def _matches(present: frozenset[str], patterns: Iterable[str]) -> bool:
    for pattern in patterns:
        prefix, _, name = pattern.partition(".")
        for item in present:
            p, _, n = item.partition(".")
            if (prefix in ("*", p)) and (name in ("*", n)) and not (prefix == "*" and p in ("SC", "DR")):
                return True
    return False


def cases(conn: Connection) -> list[Case]:
    """Every person not withdrawn or purged, with their latest screening that was not withdrawn or purged."""
    ticks = _Ticks()
    found = []
    persons = conn.execute(
        "SELECT id, sex, age, nationality, outcome, created_at FROM persons "
        "WHERE status NOT IN ('withdrawn', 'purged') ORDER BY created_at, id"
    ).fetchall()
    for person_id, sex, age, nationality, outcome, created in persons:
        screening = conn.execute(
            "SELECT data FROM screenings WHERE person_id = ? AND status NOT IN ('withdrawn', 'purged') "
            "ORDER BY created_at DESC, id DESC LIMIT 1",
            (person_id,),
        ).fetchone()
        data: dict[str, Any] = json.loads(screening[0]) if screening else {}
        handover = conn.execute(
            "SELECT data FROM handovers WHERE person_id = ? AND status = 'final' "
            "ORDER BY created_at DESC, id DESC LIMIT 1",
            (person_id,),
        ).fetchone()
        answers = (data.get("indicators") or {}).get("answers") or {}
        set_id = str((data.get("pins") or {}).get("set_id", ""))
        found.append(
            Case(
                person_id=str(person_id),
                sex=str(sex or ""),
                age=int(age) if age is not None else None,
                nationality=str(nationality or "").upper(),
                outcome=str(outcome) if outcome else None,
                registered=str(created or ""),
                sections=data,
                present=_present(answers, ticks(data.get("pins") or {})),
                sexual_set="sexual" in set_id,
                handover=json.loads(handover[0]) if handover else {},
            )
        )
    return found


def age_broad(age: int | None) -> str:
    if age is None:
        return ""
    for low, high, label in AGE_BINS:
        if low <= age <= high:
            return label
    return "48+"


def traffick_months(months: Any) -> str:
    if not isinstance(months, int) or isinstance(months, bool) or months < 0:
        return ""
    return "0–12" if months <= 12 else "13–24" if months <= 24 else "25+"


def _flag(value: bool) -> str:
    return "1" if value else ""


def _section(case: Case, name: str) -> Mapping[str, Any]:
    value = case.sections.get(name)
    return value if isinstance(value, Mapping) else {}


def _work_types(case: Case) -> str:
    work = _section(case, "exploitation").get("work_type") or []
    return " ".join(str(w) for w in work).lower()


def _exploitation(case: Case) -> tuple[bool, bool, bool]:
    """(forced labour, sexual exploitation, other): scam work is forced labour plus "other" (forced criminality)."""
    sexual = case.sexual_set or any(k in _work_types(case) for k in LABOUR_TYPES["typeOfSexProstitution"])
    criminality = "SC.forced_scamming" in case.present or "CD.forced_illicit" in case.present
    labour = not case.sexual_set or criminality
    return labour, sexual, criminality


def ctdc_rows(conn: Connection, *, country_of_exploitation: str = "KHM") -> list[dict[str, str]]:
    rows = []
    for case in cases(conn):
        if case.outcome not in VICTIM_OUTCOMES:
            continue
        labour, sexual, other = _exploitation(case)
        relation = _section(case, "recruitment").get("recruiter_relationship")
        work = _work_types(case)
        row = {
            "yearOfRegistration": case.registered[:4],
            "gender": CTDC_GENDER.get(case.sex, ""),
            "ageBroad": age_broad(case.age),
            "citizenship": case.nationality,
            "CountryOfExploitation": country_of_exploitation,
            "traffickMonths": traffick_months(_section(case, "exploitation").get("months")),
            **{column: _flag(_matches(case.present, items)) for column, items in CTDC_MEANS.items()},
            "isForcedLabour": _flag(labour),
            "isSexualExploit": _flag(sexual),
            "isOtherExploit": _flag(other),
            **{column: _flag(any(k in work for k in keys)) for column, keys in LABOUR_TYPES.items()},
            **{
                f"recruiterRelation{r}": _flag(relation == r)
                for r in ("IntimatePartner", "Friend", "Family", "Other")
            },
        }
        rows.append({column: row[column] for column in CTDC_COLUMNS})
    return rows


def case_ref(person_id: str) -> str:
    """The exported stand-in for a person: stable across exports, not reversible without HQ's person ids."""
    return hashlib.sha256(f"fieldapp-export-case:{person_id}".encode()).hexdigest()[:16]


def trafficking_status(case: Case) -> str:
    formal = _section(case, "assessment").get("formal_status")
    if formal:
        return str(formal)
    return "PossibleVictimOfTrafficking" if case.outcome in VICTIM_OUTCOMES else ""


def _app(platform: Any) -> str:
    if not platform:
        return ""
    for app in HTCDS_APPS:
        if str(platform).strip().lower() == app.lower():
            return app
    return "Other"


def htcds_rows(conn: Connection) -> list[dict[str, str]]:
    rows = []
    for case in cases(conn):
        if not case.sections:
            continue  # registered but never screened: no case data to report yet
        recruitment = _section(case, "recruitment")
        status = trafficking_status(case)
        victim = status in ("PossibleVictimOfTrafficking", "ActualVictimOfTrafficking")
        labour, sexual, other = (False, False, False) if not victim else _exploitation(case)
        types = [
            name
            for name, on in (("ForcedLabour", labour), ("SexualExploitation", sexual), ("Other", other))
            if on
        ]
        handover = case.handover
        body = str(handover.get("receiving_name") or "")
        if not body and handover.get("receiving_type"):
            from fieldapp.records.handovers import RECEIVING_LABELS

            body = RECEIVING_LABELS.get(str(handover["receiving_type"]), ("", ""))[0]
        row = {
            "x_caseRef": case_ref(case.person_id),
            "prs_Gender": HTCDS_GENDER.get(case.sex, ""),
            "vic_AgeWhenTrafficked": "" if case.age is None else str(case.age),
            "prs_Citizenship": case.nationality,
            "vic_TraffickingStatus": status,
            "vic_TraffickingStatusDecisionMakingOrg": str(
                _section(case, "assessment").get("decided_by") or ""
            ),
            "vic_RelationshipToTrafficker": HTCDS_RELATION.get(
                str(recruitment.get("recruiter_relationship")), ""
            ),
            "vic_RecruitmentWebsitesAndApps": _app(recruitment.get("platform")),
            "vic_MethodOfRecruitment": str(recruitment.get("method") or ""),
            "vic_MethodsOfControl": ";".join(
                m for m, items in HTCDS_CONTROL.items() if _matches(case.present, items)
            ),
            "vic_TypeOfExploitation": ";".join(types),
            "x_exploitationSubtype": "ForcedCriminality" if other else "",
            "cas_ReferredOrganisation": body,
            "cas_OutgoingReferralDate": str(handover.get("date_time") or "")[:10],
        }
        rows.append({column: row[column] for column in HTCDS_COLUMNS})
    return rows


@dataclass(frozen=True)
class Suppressed:
    rows: list[dict[str, str]]
    dropped: int
    cells: int  # distinct quasi-identifier combinations that were too small


def suppress(rows: Sequence[Mapping[str, str]], quasi_identifiers: Sequence[str], k: int = 11) -> Suppressed:
    """Drop every row whose quasi-identifier combination is shared by fewer than ``k`` rows (see module doc)."""
    if k < 1:
        raise ValueError("k must be at least 1")

    def key(row: Mapping[str, str]) -> tuple[str, ...]:
        return tuple(row.get(q, "") for q in quasi_identifiers)

    counts = Counter(key(row) for row in rows)
    kept = [dict(row) for row in rows if counts[key(row)] >= k]
    small = sum(1 for n in counts.values() if n < k)
    return Suppressed(kept, len(rows) - len(kept), small)


def write_csv(rows: Iterable[Mapping[str, str]], columns: Sequence[str], path: Path) -> int:
    """Write the rows (UTF-8, header first) atomically; returns how many rows were written."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="raise", lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
        count += 1
    write_atomic(path, buffer.getvalue().encode("utf-8"), mode=0o600)
    return count


EXPORTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ctdc": (CTDC_COLUMNS, CTDC_QUASI_IDENTIFIERS),
    "htcds": (HTCDS_COLUMNS, HTCDS_QUASI_IDENTIFIERS),
}


def export_rows(conn: Connection, kind: str) -> list[dict[str, str]]:
    return ctdc_rows(conn) if kind == "ctdc" else htcds_rows(conn)
