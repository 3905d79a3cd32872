"""HQ exports (issue 8 item 4): CTDC and HTCDS columns as the standards list them, coding, and k = 11 suppression.

The data goes the real way: a laptop vault with screenings and a handover → a signed bundle → HQ import.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.hq import exports
from fieldapp.records.handovers import Handovers
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.sync.export import export_bundle
from tests.core.conftest import HQ_BACKENDS, hq_database
from tests.core.test_sync import HQ_PASSPHRASE, Hq, laptop, stick_of

# Copied literally from the CTDC codebook v2 (Feb 2024: 27 variables), in its order.
CTDC_FROM_DOMAIN = [
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
]
CTDC_AGE_BINS = ["0–8", "9–17", "18–20", "21–23", "24–26", "27–29", "30–38", "39–47", "48+"]
CTDC_MONTHS = ["0–12", "13–24", "25+"]
CTDC_GENDERS = ["Man", "Woman", "Trans/Transgender/NonConforming"]
# HTCDS v2 fields that the app's data fills, plus two local x_ fields.
HTCDS_FROM_DOMAIN = [
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
]
HTCDS_PICKLISTS = {
    "prs_Gender": {
        "Feminine",
        "Masculine",
        "TransgenderFeminine",
        "TransgenderMasculine",
        "NonConforming",
        "NonSpecifiedUnknown",
    },
    "vic_TraffickingStatus": {
        "PossibleVictimOfTrafficking",
        "ActualVictimOfTrafficking",
        "NotAVictimOfTrafficking",
    },
    "vic_MethodsOfControl": {
        "PhysicalThreats",
        "ThreatsLawEnforcement",
        "ThreatensChildrenFamily",
        "DebtBondage",
        "FalsePromises",
        "PhysicalAbuse",
        "SexualAbuse",
        "TakesEarnings",
        "RestrictsFinancialAccess",
        "RestrictsMedicalCare",
        "WithholdsNecessities",
        "PsychologicalAbuse",
        "PsychoactiveSubstance",
        "ExcessiveWorkingHours",
        "WithholdsDocuments",
        "Other",
    },
    "vic_TypeOfExploitation": {
        "ForcedLabour",
        "SexualExploitation",
        "ChildLabour",
        "ForcedMarriage",
        "Servitude",
        "ForcedMilitaryByNonStateActors",
        "OrganRemoval",
        "ForcedBegging",
        "ForcedAdoption",
        "Surrogacy",
        "Other",
    },
}

SCAM = {
    "SC.passport_taken": "present",
    "SC.forced_scamming": "present",
    "SC.promised_other_job": "present",
    "SC.long_hours": "present",
    "SC.drugs": "present",
    "SC.punished": "present",
}


@dataclass
class World:
    hq_dir: Path
    conn_rows_ctdc: list[dict[str, str]]
    conn_rows_htcds: list[dict[str, str]]
    secrets: list[str]  # names, temp ids, document numbers that must never be exported
    no_indicators_ref: str
    withdrawn_ref: str
    handed_over_ref: str
    database: str | None  # None: the SQLCipher store; else the PostgreSQL database's URL


def _screen(
    screenings: Screenings, person_id: str, answers: dict[str, str], months: int, **recruitment: str
) -> None:
    sections = {
        "interview": {"completed": True},
        "indicators": {"answers": answers},
        "exploitation": {"months": months, "work_type": ["online scam"]},
        "recruitment": {"method": "ThroughOnlineSocialNetworks", "platform": "telegram", **recruitment},
    }
    screenings.finalise(screenings.begin(person_id, sections=sections).id)


@pytest.fixture(scope="module", params=HQ_BACKENDS)
def world(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[World]:
    with hq_database(request.param) as database:
        yield _world(tmp_path_factory, database)


def _world(tmp_path_factory: pytest.TempPathFactory, database: str | None) -> World:
    folder = tmp_path_factory.mktemp("exports")
    hq = Hq(folder / "hq", database=database)
    session = laptop(folder, "K7")
    hq.enrol(session)
    hq.approve(session)
    records = Records(session)
    screenings = Screenings(records)
    operation = records.create_operation(name="Raid Sihanoukville").id
    secrets: list[str] = []

    def person(n: int, **fields: object) -> str:
        p = records.register_person(operation, document_no=f"DOC{n:05d}XYZ", **fields)
        secrets.extend([str(fields["name"]), p.temp_id, f"DOC{n:05d}XYZ"])
        return p.id

    # 12 women, 25, Vietnamese, 10 months in the compound: one cell of 12 (kept at k = 11).
    for n in range(12):
        pid = person(n, name=f"NGUYEN THI LAN {n}", sex="female", age=25, nationality="VNM")
        _screen(screenings, pid, SCAM, 10, recruiter_relationship="Friend")
    # 3 men, 40, Chinese, 30 months: a cell of 3 (suppressed).
    for n in range(12, 15):
        pid = person(n, name=f"WANG WEI {n}", sex="male", age=40, nationality="chn")
        _screen(screenings, pid, SCAM, 30, recruiter_relationship="IntimatePartner")
    handed = person(15, name="SOK PANHA", sex="male", age=16, nationality="KHM")
    _screen(screenings, handed, SCAM, 14)
    handovers = Handovers(records)
    draft = handovers.draft(
        handed,
        place="Sihanoukville",
        transferring_agency="ATU",
        transferring_officer="Sok Dara",
        receiving_type="mosvy",
        receiving_name="DoSVY Preah Sihanouk",
        receiving_officer="Chan Sophea",
        consent_referral=True,
        date_time="2026-03-02 10:00",
    )
    handovers.hand_over(draft.id)
    nothing = person(16, name="TRAN VAN BINH", sex="male", age=33, nationality="VNM")
    _screen(screenings, nothing, {"SC.drugs": "absent"}, 2)
    withdrawn = person(17, name="ENTERED IN ERROR", sex="female", age=25, nationality="VNM")
    _screen(screenings, withdrawn, SCAM, 10)
    records.withdraw("person", withdrawn, "registered twice by mistake")

    result = export_bundle(session, stick_of(folder))
    assert result is not None
    hq.imports(result)
    world = World(
        hq_dir=hq.identity.folder,
        conn_rows_ctdc=exports.ctdc_rows(hq.store.conn),
        conn_rows_htcds=exports.htcds_rows(hq.store.conn),
        secrets=secrets,
        no_indicators_ref=exports.case_ref(nothing),
        withdrawn_ref=exports.case_ref(withdrawn),
        handed_over_ref=exports.case_ref(handed),
        database=database,
    )
    hq.store.close()
    session.close()
    return world


def test_columns_are_exactly_the_standards_lists() -> None:
    assert list(exports.CTDC_COLUMNS) == CTDC_FROM_DOMAIN and len(CTDC_FROM_DOMAIN) == 27
    assert list(exports.HTCDS_COLUMNS) == HTCDS_FROM_DOMAIN
    assert all(c.startswith(("prs_", "vic_", "cas_", "x_")) for c in exports.HTCDS_COLUMNS)


def test_ctdc_coding(world: World) -> None:
    rows = world.conn_rows_ctdc
    assert len(rows) == 16  # victims only: not the NO_INDICATORS_FOUND person, not the withdrawn one
    for row in rows:
        assert list(row) == CTDC_FROM_DOMAIN
        for column in CTDC_FROM_DOMAIN[6:]:
            assert row[column] in ("1", ""), (column, row[column])
        assert row["ageBroad"] in CTDC_AGE_BINS and row["traffickMonths"] in CTDC_MONTHS
        assert row["gender"] in CTDC_GENDERS and row["CountryOfExploitation"] == "KHM"
        assert len(row["citizenship"]) == 3 and row["citizenship"].isupper()
        assert row["isForcedLabour"] == row["isOtherExploit"] == "1"  # forced scamming
        for means in (
            "meansWithholdDocs",
            "meansDrugsAlcohol",
            "meansExcessiveWorkHours",
            "meansFalsePromises",
            "meansAbusePsyPhySex",
        ):
            assert row[means] == "1"
        assert row["meansThreats"] == "" and row["isSexualExploit"] == ""
    women = [r for r in rows if r["gender"] == "Woman"]
    assert len(women) == 12 and {(r["ageBroad"], r["citizenship"], r["traffickMonths"]) for r in women} == {
        ("24–26", "VNM", "0–12")
    }
    assert all(r["recruiterRelationFriend"] == "1" and r["recruiterRelationFamily"] == "" for r in women)
    men = [r for r in rows if r["citizenship"] == "CHN"]
    assert {(r["ageBroad"], r["traffickMonths"], r["recruiterRelationIntimatePartner"]) for r in men} == {
        ("39–47", "25+", "1")
    }
    child = next(r for r in rows if r["citizenship"] == "KHM")
    assert (child["ageBroad"], child["traffickMonths"]) == ("9–17", "13–24")


def test_bins() -> None:
    expected = {
        0: "0–8",
        8: "0–8",
        9: "9–17",
        17: "9–17",
        18: "18–20",
        21: "21–23",
        26: "24–26",
        29: "27–29",
        30: "30–38",
        38: "30–38",
        39: "39–47",
        47: "39–47",
        48: "48+",
        90: "48+",
        None: "",
    }
    assert {age: exports.age_broad(age) for age in expected} == expected
    months = {0: "0–12", 12: "0–12", 13: "13–24", 24: "13–24", 25: "25+", None: "", -1: ""}
    assert {m: exports.traffick_months(m) for m in months} == months


def test_htcds_fields(world: World) -> None:
    rows = {r["x_caseRef"]: r for r in world.conn_rows_htcds}
    assert len(rows) == 17 and world.withdrawn_ref not in rows
    for row in rows.values():
        assert list(row) == HTCDS_FROM_DOMAIN
        for column, allowed in HTCDS_PICKLISTS.items():
            assert all(v in allowed for v in row[column].split(";") if v), (column, row[column])
        assert row["vic_TraffickingStatus"] != "NotAVictimOfTrafficking"
    none = rows[world.no_indicators_ref]
    assert (
        none["vic_TraffickingStatus"] == none["vic_TypeOfExploitation"] == none["x_exploitationSubtype"] == ""
    )
    handed = rows[world.handed_over_ref]
    assert handed["vic_TraffickingStatus"] == "PossibleVictimOfTrafficking"
    assert handed["vic_TypeOfExploitation"] == "ForcedLabour;Other"
    assert handed["x_exploitationSubtype"] == "ForcedCriminality"
    assert handed["cas_ReferredOrganisation"] == "DoSVY Preah Sihanouk"
    assert handed["cas_OutgoingReferralDate"] == "2026-03-02"
    assert handed["vic_MethodOfRecruitment"] == "ThroughOnlineSocialNetworks"
    assert handed["vic_RecruitmentWebsitesAndApps"] == "Telegram"
    assert set(handed["vic_MethodsOfControl"].split(";")) >= {
        "WithholdsDocuments",
        "PsychoactiveSubstance",
        "ExcessiveWorkingHours",
        "FalsePromises",
        "PhysicalAbuse",
    }
    assert (handed["prs_Gender"], handed["vic_AgeWhenTrafficked"], handed["prs_Citizenship"]) == (
        "Masculine",
        "16",
        "KHM",
    )


def test_suppression_at_k_11(world: World) -> None:
    result = exports.suppress(world.conn_rows_ctdc, exports.CTDC_QUASI_IDENTIFIERS, k=11)
    assert len(result.rows) == 12 and all(r["gender"] == "Woman" for r in result.rows)
    assert result.dropped == 4 and result.cells == 2  # the 3 Chinese men and the Cambodian boy
    assert exports.suppress(world.conn_rows_ctdc, exports.CTDC_QUASI_IDENTIFIERS, k=3).dropped == 1
    assert exports.suppress(world.conn_rows_ctdc, exports.CTDC_QUASI_IDENTIFIERS, k=1).dropped == 0


def _cli(world: World, *args: str) -> int:
    database = ["--database", world.database] if world.database else []
    return main(
        ["hq", "export", *args, "--hq-dir", str(world.hq_dir), "--passphrase-file", "-", *database],
        stdin=io.StringIO(HQ_PASSPHRASE + "\n"),
    )


def test_cli_writes_csv_without_identifiers(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctdc, htcds, raw = tmp_path / "ctdc.csv", tmp_path / "htcds.csv", tmp_path / "raw.csv"
    assert _cli(world, "ctdc", "-o", str(ctdc)) == 0
    assert "4 of 16 rows dropped" in capsys.readouterr().out
    assert _cli(world, "htcds", "-o", str(htcds), "--k", "2") == 0
    assert _cli(world, "htcds", "-o", str(raw), "--no-suppression") == 0
    assert "WARNING" in capsys.readouterr().err
    with ctdc.open(encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == CTDC_FROM_DOMAIN and len(table) == 13
    assert all(cell in ("1", "") for row in table[1:] for cell in row[6:])
    with raw.open(encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == 17
    for path in (ctdc, htcds, raw):
        text = path.read_text("utf-8")
        assert (path.stat().st_mode & 0o777) == 0o600
        for secret in world.secrets:
            assert secret.lower() not in text.lower(), (path.name, secret)
