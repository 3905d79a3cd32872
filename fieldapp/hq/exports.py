"""Standard exports from the HQ store: CTDC variables and HTCDS v2.0 fields as CSV, each with a sidecar
that says which standard and version it follows (columns and vocabularies: :mod:`fieldapp.hq.export_codes`).

Both exports read the HQ projections (``persons``, ``screenings``, ``handovers``, ``operations``) and leave
out withdrawn and purged persons. No name, temporary id, document number, phone or free text is ever
written: HTCDS rows carry ``x_caseRef``, a one-way reference derived from the person's id (HQ finds the
person again by recomputing it over its own persons; outsiders cannot reverse it), as HTCDS guidance asks;
the receiving body is written as its HTCDS organisation type, never as the name an officer typed. Case
status and support plan types come from HQ's follow-up decisions (:mod:`fieldapp.hq.followup`); their notes
are never exported.

Who is a victim is decided once (:func:`trafficking_status`) for both files: a formal status recorded in the
screening's assessment wins ("not a victim" included), else the screening outcome (PossibleVictimOfTrafficking
for every outcome that calls for protection; NO_INDICATORS_FOUND and UNDETERMINED leave it empty, never
NotAVictimOfTrafficking: a screening result is not a verdict). CTDC (a victim dataset) has one row per screened person
whose status is possible or actual victim, binary variables ``1`` or empty, never ``0``; HTCDS has one row
per screened person, multi-valued fields joined with ``;``.

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
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.atomic import write_atomic
from fieldapp.hq import followup
from fieldapp.hq.accounts import require
from fieldapp.hq.export_codes import (
    AGE_BINS,
    AGE_OLDEST,
    CASE_STATUS_FOLLOWED,
    CASE_STATUS_OF_FOLLOWUP,
    CTDC,
    CTDC_COLUMNS,
    CTDC_GENDER,
    CTDC_MEANS,
    CTDC_QUASI_IDENTIFIERS,
    DECISION_ORG_OF_AGENCY,
    DIRECTORY_ORG_TYPE,
    FORCED_LABOUR_INDUSTRY,
    HTCDS,
    HTCDS_APPS,
    HTCDS_COLUMNS,
    HTCDS_CONTROL,
    HTCDS_GENDER,
    HTCDS_QUASI_IDENTIFIERS,
    HTCDS_RELATION,
    LABOUR_TYPES,
    MONTH_BINS,
    MONTHS_LONGEST,
    REFERRED_ORG_TYPE,
    SEX_EXPLOITATION,
    SEX_EXPLOITATION_ITEMS,
    SUPPORT_TYPE_OF_FOLLOWUP,
    VICTIM_STATUSES,
    Standard,
)
from fieldapp.hq.referrals import body_types
from fieldapp.records.screening_record import CONSENT_ITEMS
from fieldapp.reference.cambodia import AGENCIES
from fieldapp.reference.countries import country, is_country
from fieldapp.screening import PROTECT_AND_REFER, load_set
from fieldapp.screening.score import DEFAULT_LINKED_SET
from fieldapp.vault.db import Connection

if TYPE_CHECKING:
    from fieldapp.hq.identity import HqIdentity
    from fieldapp.hq.store import HqStore

__all__ = [
    "AGE_BINS",
    "CTDC_COLUMNS",
    "CTDC_QUASI_IDENTIFIERS",
    "EXPORTS",
    "HTCDS_COLUMNS",
    "HTCDS_QUASI_IDENTIFIERS",
    "STANDARDS",
    "Case",
    "Suppressed",
    "age_broad",
    "age_when_trafficked",
    "case_ref",
    "case_status",
    "cases",
    "consent",
    "ctdc_rows",
    "decision_org",
    "decision_org_of_agency",
    "export_rows",
    "htcds_rows",
    "is_victim",
    "metadata_path",
    "support_types",
    "suppress",
    "traffick_months",
    "trafficking_status",
    "write_csv",
    "write_export",
]

VICTIM_OUTCOMES = frozenset(o.value for o in PROTECT_AND_REFER)


@dataclass(frozen=True)
class Case:
    """One person with what the exports need from the latest screening and the latest handover."""

    person_id: str
    sex: str
    age: int | None
    born: str  # date of birth (YYYY-MM-DD) when recorded
    nationality: str
    outcome: str | None
    registered: str
    screened: str  # when the screening was recorded (its own meta time, else when it was created)
    sections: Mapping[str, Any]
    present: frozenset[str]
    sexual_set: bool
    handover: Mapping[str, Any]
    operation_agency: str
    handover_id: str = ""


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


def _json(text: Any) -> dict[str, Any]:
    value = json.loads(text) if text else {}
    return value if isinstance(value, dict) else {}


def cases(conn: Connection) -> list[Case]:
    """Every person not withdrawn or purged, with their latest screening that was not withdrawn or purged."""
    ticks = _Ticks()
    agencies = {
        str(op_id): str(_json(data).get("lead_agency") or "")
        for op_id, data in conn.execute("SELECT id, data FROM operations").fetchall()
    }
    found = []
    persons = conn.execute(
        "SELECT id, sex, age, nationality, outcome, created_at, data, operation_id FROM persons "
        "WHERE status NOT IN ('withdrawn', 'purged') ORDER BY created_at, id"
    ).fetchall()
    for person_id, sex, age, nationality, outcome, created, person_data, operation_id in persons:
        screening = conn.execute(
            "SELECT data, created_at FROM screenings WHERE person_id = ? "
            "AND status NOT IN ('withdrawn', 'purged') ORDER BY created_at DESC, id DESC LIMIT 1",
            (person_id,),
        ).fetchone()
        data = _json(screening[0]) if screening else {}
        handover = conn.execute(
            "SELECT data, id FROM handovers WHERE person_id = ? AND status = 'final' "
            "ORDER BY created_at DESC, id DESC LIMIT 1",
            (person_id,),
        ).fetchone()
        answers = (data.get("indicators") or {}).get("answers") or {}
        set_id = str((data.get("pins") or {}).get("set_id", ""))
        meta = data.get("meta") if isinstance(data.get("meta"), Mapping) else {}
        found.append(
            Case(
                person_id=str(person_id),
                sex=str(sex or ""),
                age=int(age) if age is not None else None,
                born=str(_json(person_data).get("dob") or ""),
                nationality=str(nationality or "").upper(),
                outcome=str(outcome) if outcome else None,
                registered=str(created or ""),
                screened=str((meta or {}).get("screened_at") or (screening[1] if screening else "")),
                sections=data,
                present=_present(answers, ticks(data.get("pins") or {})),
                sexual_set="sexual" in set_id,
                handover=_json(handover[0]) if handover else {},
                operation_agency=agencies.get(str(operation_id), ""),
                handover_id=str(handover[1]) if handover else "",
            )
        )
    return found


def _band(value: int, bins: Sequence[tuple[int, int, str]], last: str) -> str:
    for low, high, label in bins:
        if low <= value <= high:
            return label
    return last


def age_broad(age: int | None) -> str:
    """CTDC ``ageBroad`` as CTDC's files write it ("24--26"); empty when the age is unknown."""
    return "" if age is None else _band(age, AGE_BINS, AGE_OLDEST)


def traffick_months(months: Any) -> str:
    if not isinstance(months, int) or isinstance(months, bool) or months < 0:
        return ""
    return _band(months, MONTH_BINS, MONTHS_LONGEST)


def _flag(value: bool) -> str:
    return "1" if value else ""


def _section(case: Case, name: str) -> Mapping[str, Any]:
    value = case.sections.get(name)
    return value if isinstance(value, Mapping) else {}


def _work_types(case: Case) -> str:
    work = _section(case, "exploitation").get("work_type") or []
    return " ".join(str(w) for w in work).lower().replace("_", " ")


def _sex_types(case: Case) -> list[str]:
    """HTCDS vic_TypeOfSexExploitation: from the work recorded, or the forced-prostitution item answered present."""
    work = _work_types(case)
    return [
        name
        for name, words in SEX_EXPLOITATION.items()
        if any(w in work for w in words) or _matches(case.present, SEX_EXPLOITATION_ITEMS.get(name, ()))
    ]


def _exploitation(case: Case) -> tuple[bool, bool, bool]:
    """(forced labour, sexual exploitation, other): scam work is forced labour plus "other" (forced criminality)."""
    sexual = case.sexual_set or "sexual" in _work_types(case) or bool(_sex_types(case))
    criminality = "SC.forced_scamming" in case.present or "CD.forced_illicit" in case.present
    labour = not case.sexual_set or criminality
    return labour, sexual, criminality


def _iso3(code: str) -> str:
    """The alpha-3 code if it is a country of ISO 3166-1 (pycountry's list), else empty."""
    return code.upper() if len(code) == 3 and is_country(code) else ""


def _iso2(code: Any) -> str:
    """ISO 3166-1 alpha-2 for a recorded alpha-3 code (HTCDS v2.0 toolkits); empty when not a country."""
    iso3 = _iso3(str(code or "").strip())
    return country(iso3).iso2 if iso3 else ""


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def age_when_trafficked(case: Case) -> str:
    """HTCDS vic_AgeWhenTrafficked: the age when first trafficked, i.e. at the recruitment date the screening
    records. Exact from a date of birth; else the age recorded less the years between recruitment and the
    screening, taking the middle of the year of age (an age of 25 can be 25.0 to 25.99). Empty when the
    recruitment date, or both birth date and age, are unknown, or when the dates contradict each other."""
    recruited = _date(_section(case, "recruitment").get("date"))
    if recruited is None:
        return ""
    born = _date(case.born)
    if born is not None:
        years = recruited.year - born.year - ((recruited.month, recruited.day) < (born.month, born.day))
        return str(years) if years >= 0 else ""
    screened = _date(case.screened) or _date(case.registered)
    if case.age is None or screened is None or recruited > screened:
        return ""
    years = math.floor(case.age + 0.5 - (screened - recruited).days / 365.2425)
    return str(years) if years >= 0 else ""


def trafficking_status(case: Case) -> str:
    """The one answer both exports give to "is this person a victim" (see the module doc)."""
    formal = _section(case, "assessment").get("formal_status")
    if formal:
        return str(formal)
    return "PossibleVictimOfTrafficking" if case.outcome in VICTIM_OUTCOMES else ""


def decision_org_of_agency(agency: str) -> str:
    """The HTCDS decision-making body for an agency named as the app's reference list names it (code,
    English or Khmer name); empty for any other text."""
    wanted = agency.strip().casefold()
    for known in AGENCIES:
        if wanted and wanted in (known.code.casefold(), known.name_en.casefold(), known.name_km.casefold()):
            return DECISION_ORG_OF_AGENCY.get(known.kind, "")
    return ""


def decision_org(case: Case) -> str:
    """Who decided the status: the deciding body recorded with a formal status; for the status the app
    itself asserts from the screening, the screening team's agency; else empty."""
    assessment = _section(case, "assessment")
    if assessment.get("formal_status"):
        return str(assessment.get("decided_by") or "")
    if case.outcome not in VICTIM_OUTCOMES:
        return ""
    agency = str(_section(case, "meta").get("agency") or "") or case.operation_agency
    return decision_org_of_agency(agency)


def consent(case: Case) -> str:
    """HTCDS con_Consent (the IOM checklist of seven items): TRUE when all seven were answered yes, FALSE
    when any was answered no, empty otherwise."""
    answers = [_section(case, "consent").get(item) for item in CONSENT_ITEMS]
    if any(a is False for a in answers):
        return "FALSE"
    return "TRUE" if all(a is True for a in answers) else ""


def is_victim(case: Case) -> bool:
    return bool(case.sections) and trafficking_status(case) in VICTIM_STATUSES


def ctdc_rows(conn: Connection, *, country_of_exploitation: str = "KHM") -> list[dict[str, str]]:
    return [row for _, row in ctdc_pairs(conn, country_of_exploitation=country_of_exploitation)]


def ctdc_pairs(conn: Connection, *, country_of_exploitation: str = "KHM") -> list[tuple[str, dict[str, str]]]:
    """Each CTDC row with the id of the person it comes from (the id is never written)."""
    rows = []
    for case in cases(conn):
        if not is_victim(case):
            continue
        labour, sexual, other = _exploitation(case)
        relation = _section(case, "recruitment").get("recruiter_relationship")
        work = _work_types(case)
        sex_types = _sex_types(case)
        row = {
            "yearOfRegistration": case.registered[:4],
            "gender": CTDC_GENDER.get(case.sex, ""),
            "ageBroad": age_broad(case.age),
            "citizenship": _iso3(case.nationality),
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
        row["typeOfSexProstitution"] = _flag("Prostitution" in sex_types)
        row["typeOfSexPornography"] = _flag("Pornography" in sex_types)
        rows.append((case.person_id, {column: row[column] for column in CTDC_COLUMNS}))
    return rows


def case_ref(person_id: str) -> str:
    """The exported stand-in for a person: stable across exports, not reversible without HQ's person ids."""
    return hashlib.sha256(f"fieldapp-export-case:{person_id}".encode()).hexdigest()[:16]


def _app(platform: Any) -> str:
    if not platform:
        return ""
    for app in HTCDS_APPS:
        if str(platform).strip().lower() == app.lower():
            return app
    return "Other"


def referred_organisation(handover: Mapping[str, Any], directory_type: str | None) -> str:
    """The receiving body's HTCDS organisation type: its directory entry's type when the handover names one
    (picked on the laptop or mapped by HQ), else the type the officer chose; never a typed name."""
    if directory_type is not None:
        return DIRECTORY_ORG_TYPE.get(directory_type, "")
    return REFERRED_ORG_TYPE.get(str(handover.get("receiving_type") or ""), "")


def _followed(conn: Connection) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Each person's current follow-up status, and every status they have had (HQ's decisions)."""
    current = {person: status for person, (status, _, _) in followup.current_statuses(conn).items()}
    every: dict[str, set[str]] = {}
    for person, status, _ in followup.status_changes(conn):
        every.setdefault(person, set()).add(status)
    return current, every


def case_status(handover: Mapping[str, Any], followed: str | None) -> str:
    """HTCDS cas_Status: from HQ's follow-up when it recorded one (FollowUp, or Closed); else what HQ knows
    from the handover: referred (closed here) once handed over, else open."""
    if followed:
        return CASE_STATUS_OF_FOLLOWUP.get(followed, CASE_STATUS_FOLLOWED)
    return "ClosedReferred" if handover else "Active"


def support_types(statuses: Iterable[str]) -> str:
    """HTCDS spl_Type of the support the person's follow-up statuses show, in the picklist's order."""
    found = {SUPPORT_TYPE_OF_FOLLOWUP[s] for s in statuses if s in SUPPORT_TYPE_OF_FOLLOWUP}
    return ";".join(sorted(found))


def htcds_rows(conn: Connection, *, country_of_exploitation: str = "KHM") -> list[dict[str, str]]:
    return [row for _, row in htcds_pairs(conn, country_of_exploitation=country_of_exploitation)]


def htcds_pairs(
    conn: Connection, *, country_of_exploitation: str = "KHM"
) -> list[tuple[str, dict[str, str]]]:
    """Each HTCDS row with the id of the person it comes from."""
    rows = []
    directory_types = body_types(conn)
    current, every = _followed(conn)
    for case in cases(conn):
        if not case.sections:
            continue  # registered but never screened: no case data to report yet
        recruitment = _section(case, "recruitment")
        victim = is_victim(case)
        labour, sexual, other = (False, False, False) if not victim else _exploitation(case)
        types = [
            name
            for name, on in (("ForcedLabour", labour), ("SexualExploitation", sexual), ("Other", other))
            if on
        ]
        work = _work_types(case)
        handover = case.handover
        row = {
            "x_caseRef": case_ref(case.person_id),
            "prs_Gender": HTCDS_GENDER.get(case.sex, ""),
            "prs_Citizenship": _iso2(case.nationality),
            "vic_TraffickingStatus": trafficking_status(case),
            "vic_TraffickingStatusDecisionMakingOrg": decision_org(case),
            "vic_RelationshipToTrafficker": HTCDS_RELATION.get(
                str(recruitment.get("recruiter_relationship")), ""
            ),
            "vic_AgeWhenTrafficked": age_when_trafficked(case),
            "vic_RecruitmentWebsitesAndApps": _app(recruitment.get("platform")),
            "vic_MethodOfRecruitment": str(recruitment.get("method") or ""),
            "vic_LocationOfRecruitment": _iso2(recruitment.get("country")),
            "vic_MethodsOfControl": ";".join(
                m for m, items in HTCDS_CONTROL.items() if _matches(case.present, items)
            ),
            "vic_TypeOfExploitation": ";".join(types),
            "x_exploitationSubtype": "ForcedCriminality" if other else "",
            "vic_ForcedLabourIndustry": ";".join(
                industry
                for industry, words in FORCED_LABOUR_INDUSTRY.items()
                if labour and any(w in work for w in words)
            ),
            "vic_TypeOfSexExploitation": ";".join(_sex_types(case)) if sexual else "",
            "vic_LocationOfExploitation": _iso2(country_of_exploitation) if victim else "",
            "cas_Status": case_status(handover, current.get(case.person_id)),
            "cas_ReferredOrganisation": referred_organisation(
                handover, directory_types.get(case.handover_id)
            ),
            "cas_OutgoingReferralDate": str(handover.get("date_time") or "")[:7],  # by month: a small cell
            "spl_Type": support_types(every.get(case.person_id, ())),
            "con_Consent": consent(case),
        }
        rows.append((case.person_id, {column: row[column] for column in HTCDS_COLUMNS}))
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


def metadata_path(path: Path) -> Path:
    """Where a CSV's description lives: ``FILE.csv-metadata.json``, the location W3C's CSV on the Web
    (Model for Tabular Data and Metadata, "locating metadata") tells readers to look first."""
    return path.with_name(path.name + "-metadata.json")


def write_export(
    kind: str, rows: Sequence[Mapping[str, str]], path: Path, *, k: int | None, dropped: int = 0
) -> int:
    """Write an export and, beside it, which standard and version it follows and how it was suppressed.

    The declaration goes in a CSVW metadata sidecar, not in the CSV: CSV has no comment line, so a line
    above the header would become the header for every CSV reader, and an extra column would break the
    27-variable CTDC layout. Returns how many rows were written."""
    columns, quasi = EXPORTS[kind]
    standard = STANDARDS[kind]
    count = write_csv(rows, columns, path)
    suppression = (
        f"Rows whose combination of {', '.join(quasi)} is shared by fewer than {k} rows were dropped "
        f"({dropped} rows)."
        if k is not None
        else "No small-cell suppression: this file can identify people; keep it inside HQ."
    )
    description = {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}],
        "url": path.name,
        "dc:title": f"{standard.title}, version {standard.version}",
        "dc:conformsTo": {"@id": standard.url, "dc:title": standard.title, "dc:hasVersion": standard.version},
        "dc:created": {"@value": datetime.now(UTC).date().isoformat(), "@type": "xsd:date"},
        "dc:description": f"{count} rows exported by fieldapp from its HQ store. {suppression}",
        "tableSchema": {"columns": [{"name": c, "titles": c, "datatype": "string"} for c in columns]},
    }
    text = json.dumps(description, indent=2, ensure_ascii=False) + "\n"
    write_atomic(metadata_path(path), text.encode("utf-8"), mode=0o600)
    return count


EXPORTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ctdc": (CTDC_COLUMNS, CTDC_QUASI_IDENTIFIERS),
    "htcds": (HTCDS_COLUMNS, HTCDS_QUASI_IDENTIFIERS),
}
STANDARDS: dict[str, Standard] = {"ctdc": CTDC, "htcds": HTCDS}


def export_rows(store: HqStore, kind: str) -> list[dict[str, str]]:
    """The rows of a standard export (the signed-in account's role must allow exports)."""
    require(store.signed_in, "export")
    conn = store.conn
    return ctdc_rows(conn) if kind == "ctdc" else htcds_rows(conn)


def kept_persons(
    pairs: Sequence[tuple[str, Mapping[str, str]]], quasi: Sequence[str], k: int | None
) -> list[str]:
    """The persons whose rows survive ``suppress`` with the same ``k`` (all of them without suppression)."""
    if k is None:
        return [person for person, _ in pairs]

    def key(row: Mapping[str, str]) -> tuple[str, ...]:
        return tuple(row.get(q, "") for q in quasi)

    counts = Counter(key(row) for _, row in pairs)
    return [person for person, row in pairs if counts[key(row)] >= k]


@dataclass(frozen=True)
class ExportResult:
    written: int
    rows: int  # before suppression
    dropped: int
    cells: int  # quasi-identifier combinations too small
    persons: list[str]  # whose rows were written (recorded in the disclosure log)


def export_standard(
    store: HqStore,
    identity: HqIdentity,
    actor: str,
    kind: str,
    path: Path,
    *,
    k: int | None,
    purpose: str,
) -> ExportResult:
    """Write a CTDC or HTCDS export (suppressed with ``k``, or not with None) and record it, with the
    persons whose rows it holds, in HQ's disclosure log. The purpose is checked before anything is written."""
    from fieldapp.hq import disclosures
    from fieldapp.records.disclosures import check_purpose

    require(store.signed_in, "export")
    check_purpose("export", purpose)
    _, quasi = EXPORTS[kind]
    pairs = ctdc_pairs(store.conn) if kind == "ctdc" else htcds_pairs(store.conn)
    rows = [row for _, row in pairs]
    dropped = cells = 0
    if k is not None:
        result = suppress(rows, quasi, k)
        rows, dropped, cells = result.rows, result.dropped, result.cells
    written = write_export(kind, rows, path, k=k, dropped=dropped)
    persons = kept_persons(pairs, quasi, k)
    disclosures.record(store, identity, actor, "export", kind, persons, purpose)
    return ExportResult(written, len(pairs), dropped, cells, persons)
