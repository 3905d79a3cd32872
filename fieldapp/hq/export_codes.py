"""The columns and vocabularies of the two standard exports, and how the app's values map onto them.

Sources, compared column by column:

* CTDC: *The Global Synthetic Data Codebook*, version 2 (February 2024), 27 variables. Band labels are
  written as CTDC's own data files write them, with ASCII double hyphens (``0--8``, ``0--12 (0-1 yr)``).
* HTCDS: IOM's *Human Trafficking Case Data Standard*, "HTCDS Field Standards 2.0" and the v2.0 toolkits
  (the XLSForm/XForm survey writes ``prs_Citizenship`` as ISO 3166-1 alpha-2 and ``con_Consent`` as
  ``TRUE``/``FALSE``).

Where neither source gives a value for something the app records, the mapping leaves the field empty rather
than guess (forced scamming has no ISIC section; IOM, an intergovernmental body, has no ``org_Type``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Standard:
    """What an exported file declares it follows (written beside it, see ``exports.write_export``)."""

    key: str
    title: str
    version: str
    url: str


CTDC = Standard(
    "ctdc",
    "CTDC Global Synthetic Data Codebook (Counter Trafficking Data Collaborative)",
    "2 (February 2024)",
    "https://www.ctdatacollaborative.org/page/global-synthetic-dataset",
)
HTCDS = Standard(
    "htcds",
    "Human Trafficking Case Data Standard (IOM), Field Standards 2.0",
    "2.0",
    "https://github.com/UNMigration/HTCDS",
)

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

# In the order of the Field Standards 2.0 sheet; x_ fields are local extensions (HTCDS has no forced
# criminality, HTCDS issue 28) and the case reference that stands in for a name.
HTCDS_COLUMNS: tuple[str, ...] = (
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
)
# The referral's organisation type and month single a person out as surely as age or citizenship do (one
# child handed to a hospital in March), and so does a rare country of recruitment.
HTCDS_QUASI_IDENTIFIERS: tuple[str, ...] = (
    "prs_Gender",
    "vic_AgeWhenTrafficked",
    "prs_Citizenship",
    "vic_TypeOfExploitation",
    "vic_LocationOfRecruitment",
    "cas_ReferredOrganisation",
    "cas_OutgoingReferralDate",
)

# CTDC ageBroad (age when assisted or identified) and traffickMonths, labelled as in CTDC's data files.
AGE_BINS = (
    (0, 8, "0--8"),
    (9, 17, "9--17"),
    (18, 20, "18--20"),
    (21, 23, "21--23"),
    (24, 26, "24--26"),
    (27, 29, "27--29"),
    (30, 38, "30--38"),
    (39, 47, "39--47"),
)
AGE_OLDEST = "48+"
MONTH_BINS = ((0, 12, "0--12 (0-1 yr)"), (13, 24, "13--24 (1-2 yrs)"))
MONTHS_LONGEST = "25+ (2+ yrs)"

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
VICTIM_STATUSES = frozenset({"PossibleVictimOfTrafficking", "ActualVictimOfTrafficking"})

# The handover's receiving type → HTCDS org_Type (cas_ReferredOrganisation is a lookup to an organisation;
# a handover that names no entry of HQ's directory is exported with the organisation type its officer chose,
# never the name an officer typed). MoSVY and its provincial departments (DoSVY) are the ministry's own offices; an
# embassy is its state's central government. IOM and "other" have no org_Type: left empty.
REFERRED_ORG_TYPE = {
    "mosvy": "CentralGovernmentOrganisation",
    "immigration": "ImmigrationService",
    "embassy": "CentralGovernmentOrganisation",
    "ngo": "NGO",
    "police_atu": "LawEnforcement",
    "hospital": "HealthServiceOrganisation",
}
# A directory entry's type (fieldapp.reference.receiving_bodies) → HTCDS org_Type, used once a handover names
# an entry. Shelters in the directory are run by NGOs (the ministry's own centres are listed as MoSVY); IOM
# and "other" have no org_Type: left empty.
DIRECTORY_ORG_TYPE = {
    "shelter": "NGO",
    "mosvy": "CentralGovernmentOrganisation",
    "ngo": "NGO",
    "embassy": "CentralGovernmentOrganisation",
}
# HQ's follow-up (fieldapp.hq.followup) → HTCDS cas_Status: a case HQ still follows after the handover is
# FollowUp, a case HQ closed is Closed; without any status decision the export says what the handover says.
CASE_STATUS_OF_FOLLOWUP = {"closed": "Closed"}
CASE_STATUS_FOLLOWED = "FollowUp"
# A follow-up status → the HTCDS support plan type (spl_Type, Field Standards 2.0 picklist) of the support it
# means: a shelter is social care; a witness, a prosecution and a compensation claim or award are legal
# support. Repatriation, re-trafficking and closure name no support plan type in HTCDS: left out.
SUPPORT_TYPE_OF_FOLLOWUP = {
    "in_shelter": "SocialCare",
    "witness": "Legal",
    "prosecution": "Legal",
    "compensation_claimed": "Legal",
    "compensation_received": "Legal",
}
# The kind of the screening team's agency (fieldapp.reference.cambodia) → the HTCDS decision-making body,
# for the status the app itself asserts (PossibleVictimOfTrafficking from the screening outcome). The
# immigration department is left out: whether its officers count as police was not confirmed.
DECISION_ORG_OF_AGENCY = {
    "police": "Police",
    "social_affairs": "NonPoliceGovernmentalOrganization",
    "coordination": "NonPoliceGovernmentalOrganization",
    "embassy": "NonPoliceGovernmentalOrganization",
    "ngo": "NGO",
    "international": "Other",
}
# Work types (the interview's ids, or words an older record typed) → ISIC Rev. 4 sections as HTCDS names
# them. Gambling and betting is ISIC division 92 (section R); domestic work is division 97 (section T).
# Online scams and money laundering are left out: ISIC has no section for them.
FORCED_LABOUR_INDUSTRY = {
    "A_AgricultureForestryAndFishing": ("agricultur", "farm", "plantation", "fishing"),
    "F_Construction": ("construction",),
    "I_AccommodationAndFoodServiceActivities": ("hospitality", "hotel", "restaurant", "karaoke"),
    "R_ArtsEntertainmentAndRecreation": ("gambling", "casino", "betting"),
    "T_ActivitiesOfHouseholdsAsEmployers": ("domestic", "housekeep", "maid"),
}
SEX_EXPLOITATION = {
    "Prostitution": ("prostitution",),
    "Pornography": ("pornograph",),
}
SEX_EXPLOITATION_ITEMS = {"Prostitution": ("SC.forced_prostitution",)}

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
