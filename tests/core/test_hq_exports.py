"""HQ exports (issue 8 item 4, issue 24 item 4): CTDC and HTCDS columns and values as the published files
write them, who counts as a victim, and k = 11 suppression.

The data goes the real way: a laptop vault with screenings and a handover → a signed bundle → HQ import.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pycountry
import pytest

from fieldapp.cli.main import main
from fieldapp.hq import exports
from fieldapp.hq.export_codes import REFERRED_ORG_TYPE
from fieldapp.records.handovers import Handovers
from fieldapp.records.screening_record import CONSENT_ITEMS
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reference.cambodia import AGENCIES
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
# Band labels as CTDC's data files write them (ASCII double hyphens; the codebook PDF itself could not be
# read here, so these are the values of the published CSVs as read by public analyses of them).
CTDC_AGE_BINS = ["0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+"]
CTDC_MONTHS = ["0--12 (0-1 yr)", "13--24 (1-2 yrs)", "25+ (2+ yrs)"]
CTDC_GENDERS = ["Man", "Woman", "Trans/Transgender/NonConforming"]
# Every field name of IOM's "HTCDS Field Standards 2.0.ods" (UNMigration/HTCDS), deprecated ones left out.
HTCDS_V2_FIELDS = {
    *("org_Name", "org_ShippingCity", "org_ShippingCountry", "org_ShippingState", "org_ShippingStreet"),
    *("org_ShippingPostalCode", "org_ShippingLongitude", "org_ShippingLatitude", "org_Phone", "org_Type"),
    *("prs_Salutation", "prs_FirstName", "prs_MiddleName", "prs_SecondName", "prs_Birthdate", "prs_Gender"),
    *("prs_Deceased", "prs_MaritalStatus", "prs_NumberOfChildren", "prs_PrimaryLanguage"),
    *("prs_SecondaryLanguage", "prs_HighestLevelOfEducation", "prs_Citizenship", "prs_IdentityNumber"),
    *("prs_Title", "prs_Email", "prs_HomePhone", "prs_MobilePhone", "prs_MailingCity", "prs_MailingCountry"),
    *("prs_MailingState", "prs_MailingStreet", "prs_MailingPostalCode", "prs_MailingLongitude"),
    *("prs_MailingLatitude", "vic_TraffickingStatus", "vic_TraffickingStatusDecisionMakingOrg"),
    *("vic_RelationshipToTrafficker", "vic_AgeWhenTrafficked", "vic_RecruitmentWebsitesAndApps"),
    *(
        "vic_MethodOfRecruitment",
        "vic_LocationOfRecruitment",
        "vic_MethodsOfControl",
        "vic_TypeOfExploitation",
    ),
    *("vic_ForcedLabourIndustry", "vic_TypeOfSexExploitation", "vic_LocationOfExploitation"),
    *("vic_ExploitationWebsitesAndApps", "per_RoleInProcess", "per_RoleDetails", "cas_Status"),
    *("cas_ReasonForCaseClosure", "cas_CaseOwner", "cas_ReferringOrganisation", "cas_IncomingReferralDate"),
    *("cas_ReferringPrimaryCaseWorker", "cas_ReasonForIncomingReferral", "cas_IncomingReferralDetails"),
    *("cas_ReferredOrganisation", "cas_ReferredPrimaryCaseWorker", "cas_ReasonForOutgoingReferral"),
    *("cas_OutgoingReferralDate", "cas_OutgoingReferralDetails", "cco_CaseComment", "hte_Longitude"),
    *("hte_Latitude", "hte_City", "hte_Country", "hte_State", "hte_Street", "hte_PostalCode", "hte_Date"),
    *("hte_Type", "hte_Description", "spl_Objectives", "spl_ActionPlan", "spl_PlannedEndDate"),
    *("spl_ActualEndDate", "spl_Type", "con_Consent"),
}
# The fields the app fills, in the order of the Field Standards 2.0 sheet, plus two local x_ fields.
HTCDS_FROM_DOMAIN = [
    "x_caseRef",
    "prs_Gender",
    "prs_Citizenship",
    "vic_TraffickingStatus",
    "vic_TraffickingStatusDecisionMakingOrg",
    "vic_RelationshipToTrafficker",
    "vic_AgeWhenTrafficked",
    "vic_RecruitmentWebsitesAndApps",
    "vic_MethodOfRecruitment",
    "vic_LocationOfRecruitment",
    "vic_MethodsOfControl",
    "vic_TypeOfExploitation",
    "x_exploitationSubtype",
    "vic_ForcedLabourIndustry",
    "vic_TypeOfSexExploitation",
    "vic_LocationOfExploitation",
    "cas_Status",
    "cas_ReferredOrganisation",
    "cas_OutgoingReferralDate",
    "spl_Type",
    "con_Consent",
]
# Picklist values copied from the Field Standards 2.0 sheet ("Value Names"); cas_ReferredOrganisation is a
# lookup to an organisation, written as the organisation's org_Type; con_Consent as the v2.0 XForm codes it.
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
    "vic_TraffickingStatusDecisionMakingOrg": {
        "Police",
        "NGO",
        "CourtOrProsecution",
        "NonPoliceGovernmentalOrganization",
        "Other",
    },
    "vic_RelationshipToTrafficker": {"Familial", "Acquainted", "Unaquainted"},
    "vic_RecruitmentWebsitesAndApps": {
        *("Facebook", "Instagram", "WhatsApp", "Telegram", "FacebookMessenger", "Viber", "SnapChat"),
        *("Line", "4Sale", "WeChat", "QQ", "QZone", "TikTok", "Twitter", "Other"),
    },
    "vic_MethodOfRecruitment": {
        *("AtAPlaceOfBusiness", "AtAnEducationalInstitution", "AtWork", "ThroughOnlineSocialNetworks"),
        *("ThroughAnOnlineAdvertisement", "ThroughATelevisionAdvert", "ThroughANewspaperAdvert"),
        *("ThroughFamilyOrFamilyEvents", "ThroughFriendsOrSocialEvents", "Other"),
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
    "vic_ForcedLabourIndustry": {
        *("A_AgricultureForestryAndFishing", "B_MiningAndQuarrying", "C_Manufacturing"),
        *("D_ElectricityGasSteamAndAirConditioningSupply", "E_WaterSupplySewerageWasteManagement"),
        *("F_Construction", "G_WholesaleAndRetailTradeRepairOfMotorVehicles", "H_TransportationAndStorage"),
        *("I_AccommodationAndFoodServiceActivities", "J_InformationAndCommunication"),
        *("K_FinancialAndInsuranceActivities", "L_RealEstateActivities"),
        *("M_ProfessionalScientificAndTechnicalActivities", "N_AdministrativeAndSupportServiceActivities"),
        *("O_PublicAdministrationAndDefence", "P_Education", "Q_HumanHealthAndSocialWorkActivities"),
        *(
            "R_ArtsEntertainmentAndRecreation",
            "S_OtherServiceActivities",
            "T_ActivitiesOfHouseholdsAsEmployers",
        ),
        "U_ActivitiesOfExtraterritorialOrganizations",
    },
    "vic_TypeOfSexExploitation": {
        "Prostitution",
        "Pornography",
        "RemoteInteractiveServices",
        "PrivateSexualServices",
    },
    "cas_Status": {"Active", "FollowUp", "Closed", "ClosedReferred"},
    "cas_ReferredOrganisation": {
        *("NGO", "LawEnforcement", "HealthServiceOrganisation", "CentralGovernmentOrganisation"),
        *("LocalGovernmentOrganisation", "ImmigrationService", "LegalService", "CorporateBusiness"),
        "SchoolOrCollege",
    },
    "spl_Type": {
        *("Education", "Financial", "Health", "LabourExploitationRehabilitation", "Legal", "Livelihood"),
        *("RightsBasedTraining", "SexualExploitationRehabilitation", "SocialCare"),
    },
    "con_Consent": {"TRUE", "FALSE"},
}
ISO_ALPHA_2 = {c.alpha_2 for c in pycountry.countries}
ISO_ALPHA_3 = {c.alpha_3 for c in pycountry.countries}

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
    secrets: list[str]  # names, temp ids, document numbers, typed notes that must never be exported
    refs: dict[str, str]  # who → x_caseRef
    database: str | None  # None: the SQLCipher store; else the PostgreSQL database's URL


ALL_CONSENT = {item: True for item in CONSENT_ITEMS}
HANDOVER_NOTE = "Ms Chan Sophea 012 345 678 at DoSVY Preah Sihanouk"  # an officer's note, typed as the name


def _screen(
    screenings: Screenings,
    person_id: str,
    answers: dict[str, str],
    months: int,
    *,
    work: tuple[str, ...] = ("online scam",),
    consent: dict[str, bool] | None = None,
    assessment: dict[str, str] | None = None,
    **recruitment: str,
) -> None:
    sections: dict[str, dict[str, object]] = {
        "interview": {"completed": True},
        "indicators": {"answers": answers},
        "exploitation": {"months": months, "work_type": list(work)},
        "recruitment": {"method": "ThroughOnlineSocialNetworks", "platform": "telegram", **recruitment},
    }
    if consent is not None:
        sections["consent"] = dict(consent)
    if assessment is not None:
        sections["assessment"] = dict(assessment)
    screenings.finalise(screenings.begin(person_id, sections=sections).id)


@pytest.fixture(scope="module", params=HQ_BACKENDS)
def world(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[World]:
    with hq_database(request.param) as database:
        yield _world(tmp_path_factory, database)


def _days_ago(days: int) -> str:
    return (date.today() - timedelta(days=days)).isoformat()


def _world(tmp_path_factory: pytest.TempPathFactory, database: str | None) -> World:
    folder = tmp_path_factory.mktemp("exports")
    hq = Hq(folder / "hq", database=database)
    session = laptop(folder, "K7")
    hq.enrol(session)
    hq.approve(session)
    records = Records(session)
    screenings = Screenings(records)
    police = next(a for a in AGENCIES if a.kind == "police")
    operation = records.create_operation(name="Raid Sihanoukville", lead_agency=police.name_en).id
    secrets: list[str] = [HANDOVER_NOTE, "012 345 678"]
    refs: dict[str, str] = {}

    def person(n: int, **fields: object) -> str:
        p = records.register_person(operation, document_no=f"DOC{n:05d}XYZ", **fields)
        secrets.extend([str(fields["name"]), p.temp_id, f"DOC{n:05d}XYZ"])
        return p.id

    # 12 women, 25, Vietnamese, recruited 300 days ago, 10 months in the compound: a cell of 12 (kept).
    for n in range(12):
        pid = person(n, name=f"NGUYEN THI LAN {n}", sex="female", age=25, nationality="VNM")
        _screen(
            screenings,
            pid,
            SCAM,
            10,
            consent=ALL_CONSENT,
            recruiter_relationship="Friend",
            date=_days_ago(300),
            country="VNM",
        )
        refs.setdefault("woman", pid)
    # 3 men, 40, Chinese, 30 months in an online casino; no recruitment date: a cell of 3 (suppressed).
    for n in range(12, 15):
        pid = person(n, name=f"WANG WEI {n}", sex="male", age=40, nationality="chn")
        _screen(
            screenings,
            pid,
            SCAM,
            30,
            work=("gambling", "online_scam"),
            recruiter_relationship="IntimatePartner",
        )
        refs.setdefault("gambler", pid)
    handed = person(15, name="SOK PANHA", sex="male", age=16, nationality="KHM")
    _screen(screenings, handed, SCAM, 14, consent={"consents_to_interview": True}, date=_days_ago(426))
    handovers = Handovers(records)
    draft = handovers.draft(
        handed,
        place="Sihanoukville",
        transferring_agency="ATU",
        transferring_officer="Sok Dara",
        receiving_type="mosvy",
        receiving_name=HANDOVER_NOTE,
        receiving_officer="Chan Sophea",
        consent_referral=True,
        consent_sharing=True,
        date_time="2026-03-02 10:00",
    )
    handovers.hand_over(draft.id)
    nothing = person(16, name="TRAN VAN BINH", sex="male", age=33, nationality="VNM")
    _screen(screenings, nothing, {"SC.drugs": "absent"}, 2, consent={"consents_to_interview": False})
    withdrawn = person(17, name="ENTERED IN ERROR", sex="female", age=25, nationality="VNM")
    _screen(screenings, withdrawn, SCAM, 10)
    records.withdraw("person", withdrawn, "registered twice by mistake")
    # The screening says "presumed victim", a court then decided "not a victim".
    not_victim = person(18, name="SAYSANA PHONE", sex="female", age=25, nationality="LAO")
    _screen(
        screenings,
        not_victim,
        SCAM,
        10,
        assessment={"formal_status": "NotAVictimOfTrafficking", "decided_by": "CourtOrProsecution"},
    )
    # Nothing present at the screening, a formal identification later: an actual victim. Born 1 May 1990,
    # recruited 10 Feb 2024: 33 when first trafficked.
    identified = person(19, name="SITI AMINAH", sex="female", dob="1990-05-01", nationality="IDN")
    _screen(
        screenings,
        identified,
        {"SC.drugs": "absent"},
        20,
        assessment={"formal_status": "ActualVictimOfTrafficking", "decided_by": "Police"},
        date="2024-02-10",
        country="THA",
    )
    # Forced prostitution in the compound.
    prostituted = person(20, name="MALEE SRISUK", sex="female", age=22, nationality="THA")
    _screen(screenings, prostituted, {"SC.forced_prostitution": "present"}, 6, work=("sexual_exploitation",))

    result = export_bundle(session, stick_of(folder))
    assert result is not None
    hq.imports(result)
    # A record from before nationalities were checked: not an ISO 3166 country.
    with hq.store.transaction():
        hq.store.conn.execute("UPDATE persons SET nationality = ? WHERE id = ?", ("XYZ", nothing))
    refs.update(
        handed=handed,
        nothing=nothing,
        withdrawn=withdrawn,
        not_victim=not_victim,
        identified=identified,
        prostituted=prostituted,
    )
    world = World(
        hq_dir=hq.identity.folder,
        conn_rows_ctdc=exports.ctdc_rows(hq.store.conn),
        conn_rows_htcds=exports.htcds_rows(hq.store.conn),
        secrets=secrets,
        refs={who: exports.case_ref(pid) for who, pid in refs.items()},
        database=database,
    )
    hq.store.close()
    session.close()
    return world


def _htcds(world: World) -> dict[str, dict[str, str]]:
    return {r["x_caseRef"]: r for r in world.conn_rows_htcds}


def test_columns_are_exactly_the_standards_lists() -> None:
    assert list(exports.CTDC_COLUMNS) == CTDC_FROM_DOMAIN and len(CTDC_FROM_DOMAIN) == 27
    assert list(exports.HTCDS_COLUMNS) == HTCDS_FROM_DOMAIN
    assert {c for c in exports.HTCDS_COLUMNS if not c.startswith("x_")} <= HTCDS_V2_FIELDS


def test_ctdc_coding(world: World) -> None:
    rows = world.conn_rows_ctdc
    # victims only: not the NO_INDICATORS_FOUND person, not the withdrawn one, not the one a court cleared
    assert len(rows) == 18
    for row in rows:
        assert list(row) == CTDC_FROM_DOMAIN
        for column in CTDC_FROM_DOMAIN[6:]:
            assert row[column] in ("1", ""), (column, row[column])
        assert row["ageBroad"] in CTDC_AGE_BINS + [""] and row["traffickMonths"] in CTDC_MONTHS
        assert row["gender"] in CTDC_GENDERS and row["CountryOfExploitation"] == "KHM"
        assert row["citizenship"] in ISO_ALPHA_3
    scam = [r for r in rows if r["citizenship"] in ("VNM", "CHN", "KHM")]
    assert len(scam) == 16
    for row in scam:
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
    women = [r for r in rows if r["citizenship"] == "VNM"]
    assert len(women) == 12 and {(r["ageBroad"], r["traffickMonths"], r["gender"]) for r in women} == {
        ("24--26", "0--12 (0-1 yr)", "Woman")
    }
    assert all(r["recruiterRelationFriend"] == "1" and r["recruiterRelationFamily"] == "" for r in women)
    men = [r for r in rows if r["citizenship"] == "CHN"]
    assert {(r["ageBroad"], r["traffickMonths"], r["recruiterRelationIntimatePartner"]) for r in men} == {
        ("39--47", "25+ (2+ yrs)", "1")
    }
    child = next(r for r in rows if r["citizenship"] == "KHM")
    assert (child["ageBroad"], child["traffickMonths"]) == ("9--17", "13--24 (1-2 yrs)")
    sexual = next(r for r in rows if r["citizenship"] == "THA")
    assert (sexual["isSexualExploit"], sexual["typeOfSexProstitution"], sexual["ageBroad"]) == (
        "1",
        "1",
        "21--23",
    )


def test_bins_are_written_as_ctdc_files_write_them() -> None:
    expected = {
        0: "0--8",
        8: "0--8",
        9: "9--17",
        17: "9--17",
        18: "18--20",
        21: "21--23",
        26: "24--26",
        29: "27--29",
        30: "30--38",
        38: "30--38",
        39: "39--47",
        47: "39--47",
        48: "48+",
        90: "48+",
        None: "",
    }
    assert {age: exports.age_broad(age) for age in expected} == expected
    months = {
        0: "0--12 (0-1 yr)",
        12: "0--12 (0-1 yr)",
        13: "13--24 (1-2 yrs)",
        24: "13--24 (1-2 yrs)",
        25: "25+ (2+ yrs)",
        None: "",
        -1: "",
    }
    assert {m: exports.traffick_months(m) for m in months} == months
    assert all(label.isascii() for label in [*expected.values(), *months.values()])


def test_ctdc_and_htcds_agree_on_who_is_a_victim(world: World) -> None:
    rows = _htcds(world)
    victims = [
        r
        for r in rows.values()
        if r["vic_TraffickingStatus"] in ("PossibleVictimOfTrafficking", "ActualVictimOfTrafficking")
    ]
    assert len(victims) == len(world.conn_rows_ctdc) == 18
    cleared = rows[world.refs["not_victim"]]
    assert (cleared["vic_TraffickingStatus"], cleared["vic_TraffickingStatusDecisionMakingOrg"]) == (
        "NotAVictimOfTrafficking",
        "CourtOrProsecution",
    )
    assert cleared["vic_TypeOfExploitation"] == cleared["vic_LocationOfExploitation"] == ""
    assert not [r for r in world.conn_rows_ctdc if r["citizenship"] == "LAO"]  # the court's decision counts
    identified = rows[world.refs["identified"]]
    assert identified["vic_TraffickingStatus"] == "ActualVictimOfTrafficking"
    assert [r["gender"] for r in world.conn_rows_ctdc if r["citizenship"] == "IDN"] == ["Woman"]


def test_htcds_values_are_the_standards_vocabularies(world: World) -> None:
    rows = _htcds(world)
    assert len(rows) == 20 and world.refs["withdrawn"] not in rows
    for row in rows.values():
        assert list(row) == HTCDS_FROM_DOMAIN
        for column, allowed in HTCDS_PICKLISTS.items():
            assert all(v in allowed for v in row[column].split(";") if v), (column, row[column])
        for column in ("prs_Citizenship", "vic_LocationOfRecruitment", "vic_LocationOfExploitation"):
            assert row[column] == "" or row[column] in ISO_ALPHA_2, (column, row[column])
    assert rows[world.refs["woman"]]["prs_Citizenship"] == "VN"
    assert rows[world.refs["gambler"]]["prs_Citizenship"] == "CN"
    assert rows[world.refs["handed"]]["prs_Citizenship"] == "KH"
    assert rows[world.refs["nothing"]]["prs_Citizenship"] == ""  # "XYZ" is no ISO 3166 country
    none = rows[world.refs["nothing"]]
    assert (
        none["vic_TraffickingStatus"] == none["vic_TypeOfExploitation"] == none["x_exploitationSubtype"] == ""
    )
    assert none["vic_TraffickingStatusDecisionMakingOrg"] == ""  # nothing asserted, nobody named
    handed = rows[world.refs["handed"]]
    assert handed["vic_TraffickingStatus"] == "PossibleVictimOfTrafficking"
    assert handed["vic_TypeOfExploitation"] == "ForcedLabour;Other"
    assert handed["x_exploitationSubtype"] == "ForcedCriminality"
    assert handed["vic_MethodOfRecruitment"] == "ThroughOnlineSocialNetworks"
    assert handed["vic_RecruitmentWebsitesAndApps"] == "Telegram"
    assert set(handed["vic_MethodsOfControl"].split(";")) >= {
        "WithholdsDocuments",
        "PsychoactiveSubstance",
        "ExcessiveWorkingHours",
        "FalsePromises",
        "PhysicalAbuse",
    }
    assert handed["prs_Gender"] == "Masculine"


def test_referred_organisation_is_a_type_never_the_typed_name(world: World) -> None:
    rows = _htcds(world)
    handed = rows[world.refs["handed"]]
    assert handed["cas_ReferredOrganisation"] == "CentralGovernmentOrganisation"  # MoSVY / DoSVY
    assert handed["cas_OutgoingReferralDate"] == "2026-03"  # by month
    assert handed["cas_Status"] == "ClosedReferred"
    others = [r for ref, r in rows.items() if ref != world.refs["handed"]]
    assert {r["cas_Status"] for r in others} == {"Active"}
    assert {(r["cas_ReferredOrganisation"], r["cas_OutgoingReferralDate"]) for r in others} == {("", "")}
    assert not any(
        "012 345" in value or "Chan Sophea" in value for r in rows.values() for value in r.values()
    )
    assert set(REFERRED_ORG_TYPE.values()) <= HTCDS_PICKLISTS["cas_ReferredOrganisation"]


def test_referral_organisation_and_month_are_small_cell_fields() -> None:
    base = {c: "" for c in exports.HTCDS_COLUMNS} | {"prs_Gender": "Masculine", "prs_Citizenship": "KH"}
    march = [base | {"cas_ReferredOrganisation": "NGO", "cas_OutgoingReferralDate": "2026-03"}] * 2
    april = [base | {"cas_ReferredOrganisation": "NGO", "cas_OutgoingReferralDate": "2026-04"}]
    hospital = [base | {"cas_ReferredOrganisation": "HealthServiceOrganisation"}]
    result = exports.suppress(march + april + hospital, exports.HTCDS_QUASI_IDENTIFIERS, k=2)
    assert result.rows == march and result.dropped == 2 and result.cells == 2


def test_age_when_first_trafficked(world: World) -> None:
    rows = _htcds(world)
    # 25 at the screening, recruited 300 days before it: 24 (the screening's age is not exported)
    assert rows[world.refs["woman"]]["vic_AgeWhenTrafficked"] == "24"
    assert rows[world.refs["handed"]]["vic_AgeWhenTrafficked"] == "15"  # 16, recruited 14 months before
    assert rows[world.refs["identified"]]["vic_AgeWhenTrafficked"] == "33"  # from the date of birth
    assert rows[world.refs["gambler"]]["vic_AgeWhenTrafficked"] == ""  # no recruitment date recorded
    assert rows[world.refs["nothing"]]["vic_AgeWhenTrafficked"] == ""


def test_core_fields_from_what_the_records_hold(world: World) -> None:
    rows = _htcds(world)
    woman, gambler = rows[world.refs["woman"]], rows[world.refs["gambler"]]
    handed, nothing = rows[world.refs["handed"]], rows[world.refs["nothing"]]
    prostituted, identified = rows[world.refs["prostituted"]], rows[world.refs["identified"]]
    # con_Consent: all seven IOM items yes → TRUE; one no → FALSE; some unanswered → empty
    assert (woman["con_Consent"], nothing["con_Consent"], handed["con_Consent"]) == ("TRUE", "FALSE", "")
    # the app asserts "possible victim" on the screening team's behalf: its agency is the police
    assert woman["vic_TraffickingStatusDecisionMakingOrg"] == "Police"
    assert identified["vic_TraffickingStatusDecisionMakingOrg"] == "Police"  # the formal decision's body
    assert exports.decision_org_of_agency("some task force") == ""
    assert gambler["vic_ForcedLabourIndustry"] == "R_ArtsEntertainmentAndRecreation"  # online gambling
    assert woman["vic_ForcedLabourIndustry"] == ""  # online scams: no ISIC section, left empty
    assert prostituted["vic_TypeOfExploitation"].split(";")[:2] == ["ForcedLabour", "SexualExploitation"]
    assert prostituted["vic_TypeOfSexExploitation"] == "Prostitution"
    assert woman["vic_TypeOfSexExploitation"] == ""
    assert (woman["vic_LocationOfRecruitment"], woman["vic_LocationOfExploitation"]) == ("VN", "KH")
    assert identified["vic_LocationOfRecruitment"] == "TH"
    assert (gambler["vic_LocationOfRecruitment"], nothing["vic_LocationOfExploitation"]) == ("", "")


def test_suppression_at_k_11(world: World) -> None:
    result = exports.suppress(world.conn_rows_ctdc, exports.CTDC_QUASI_IDENTIFIERS, k=11)
    assert len(result.rows) == 12 and all(r["gender"] == "Woman" for r in result.rows)
    # the 3 Chinese men, the Cambodian boy, the Indonesian and the Thai woman
    assert result.dropped == 6 and result.cells == 4
    assert exports.suppress(world.conn_rows_ctdc, exports.CTDC_QUASI_IDENTIFIERS, k=3).dropped == 3
    assert exports.suppress(world.conn_rows_ctdc, exports.CTDC_QUASI_IDENTIFIERS, k=1).dropped == 0
    htcds = exports.suppress(world.conn_rows_htcds, exports.HTCDS_QUASI_IDENTIFIERS, k=11)
    assert {r["x_caseRef"] for r in htcds.rows} == {
        r["x_caseRef"]
        for r in world.conn_rows_htcds
        if r["prs_Citizenship"] == "VN" and r["prs_Gender"] == "Feminine"
    }


def _cli(world: World, *args: str) -> int:
    database = ["--database", world.database] if world.database else []
    return main(
        [
            "hq",
            "export",
            *args,
            "--purpose",
            "annual report",
            "--hq-dir",
            str(world.hq_dir),
            "--passphrase-file",
            "-",
            *database,
        ],
        stdin=io.StringIO(HQ_PASSPHRASE + "\n"),
    )


def test_cli_writes_csv_without_identifiers(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctdc, htcds, raw = tmp_path / "ctdc.csv", tmp_path / "htcds.csv", tmp_path / "raw.csv"
    assert _cli(world, "ctdc", "-o", str(ctdc)) == 0
    assert "6 of 18 rows dropped" in capsys.readouterr().out
    assert _cli(world, "htcds", "-o", str(htcds), "--k", "2") == 0
    assert _cli(world, "htcds", "-o", str(raw), "--no-suppression") == 0
    assert "WARNING" in capsys.readouterr().err
    with ctdc.open(encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == CTDC_FROM_DOMAIN and len(table) == 13
    assert all(cell in ("1", "") for row in table[1:] for cell in row[6:])
    with raw.open(encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == 20
    for path in (ctdc, htcds, raw):
        text = path.read_text("utf-8") + exports.metadata_path(path).read_text("utf-8")
        assert (path.stat().st_mode & 0o777) == 0o600
        for secret in world.secrets:
            assert secret.lower() not in text.lower(), (path.name, secret)


def test_each_file_says_which_standard_and_version_it_follows(world: World, tmp_path: Path) -> None:
    expected = {
        "ctdc": ("https://www.ctdatacollaborative.org/page/global-synthetic-dataset", "2 (February 2024)"),
        "htcds": ("https://github.com/UNMigration/HTCDS", "2.0"),
    }
    for kind, (url, version) in expected.items():
        path = tmp_path / f"{kind}.csv"
        assert _cli(world, kind, "-o", str(path)) == 0
        sidecar = tmp_path / f"{kind}.csv-metadata.json"  # where CSV on the Web readers look first
        meta = json.loads(sidecar.read_text("utf-8"))
        assert meta["url"] == path.name and "csvw" in meta["@context"][0]
        assert (meta["dc:conformsTo"]["@id"], meta["dc:conformsTo"]["dc:hasVersion"]) == (url, version)
        assert "k = " not in meta["dc:description"] and "fewer than 11 rows" in meta["dc:description"]
        with path.open(encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))  # the CSV itself is untouched: its first line is the header
        assert [c["name"] for c in meta["tableSchema"]["columns"]] == header == list(exports.EXPORTS[kind][0])
        assert (sidecar.stat().st_mode & 0o777) == 0o600
