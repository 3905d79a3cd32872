"""Bilingual (English, Khmer) labels for the printed forms. Khmer: draft wording, needs native review."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fieldapp.records.handovers import RECEIVING_LABELS
from fieldapp.reference.cambodia import AGENCIES
from fieldapp.reference.countries import country_name, is_country
from fieldapp.reference.languages import is_language, language_name

L: dict[str, tuple[str, str]] = {
    "title": ("Handover and referral form", "ទម្រង់ប្រគល់ និងបញ្ជូនបុគ្គល"),
    "ref": ("Reference no.", "លេខយោង"),
    "datetime": ("Date and time", "កាលបរិច្ឆេទ និងម៉ោង"),
    "place": ("Place", "ទីកន្លែង"),
    "screening_id": ("Screening", "ការពិនិត្យ"),
    "person": ("Person handed over", "បុគ្គលដែលត្រូវប្រគល់"),
    "name": ("Name (as in passport)", "ឈ្មោះ (តាមលិខិតឆ្លងដែន)"),
    "name_own": ("Name in own script", "ឈ្មោះជាអក្សរម្ចាស់"),
    "aliases": ("Other names", "ឈ្មោះផ្សេងទៀត"),
    "temp_id": ("Temporary ID", "លេខសម្គាល់បណ្ដោះអាសន្ន"),
    "sex": ("Sex", "ភេទ"),
    "age": ("Date of birth / age", "ថ្ងៃខែឆ្នាំកំណើត / អាយុ"),
    "nationality": ("Citizenship", "សញ្ជាតិ"),
    "document": ("Passport / ID document", "លិខិតឆ្លងដែន / អត្តសញ្ញាណប័ណ្ណ"),
    "languages": ("Languages", "ភាសា"),
    "minor": ("Minor (under 18)", "អនីតិជន (ក្រោម ១៨ ឆ្នាំ)"),
    "guardian": ("Guardian / social worker", "អាណាព្យាបាល / បុគ្គលិកសង្គមកិច្ច"),
    "no_photo": ("No photo (not consented or not taken)", "គ្មានរូបថត"),
    "outcome": ("Screening outcome", "លទ្ធផលនៃការពិនិត្យបឋម"),
    "screened_on": ("Screened on", "ពិនិត្យនៅថ្ងៃ"),
    "red_flags": ("Red flags", "ទង់ក្រហម"),
    "body_name": ("Name of the receiving body", "ឈ្មោះស្ថាប័នទទួល"),
    "transferring": ("Transferring agency and officer", "ស្ថាប័ន និងមន្ត្រីប្រគល់"),
    "receiving": ("Receiving body and officer", "ស្ថាប័ន និងមន្ត្រីទទួល"),
    "agency": ("Agency", "ស្ថាប័ន"),
    "body_type": ("Type", "ប្រភេទ"),
    "officer": ("Officer", "មន្ត្រី"),
    "position": ("Rank / position", "ឋានៈ / តួនាទី"),
    "id_no": ("ID no.", "លេខអត្តសញ្ញាណ"),
    "phone": ("Phone", "ទូរស័ព្ទ"),
    "needs": ("Urgent needs, health and safety", "តម្រូវការបន្ទាន់ សុខភាព និងសុវត្ថិភាព"),
    "urgent_needs": ("Urgent needs", "តម្រូវការបន្ទាន់"),
    "health_notes": ("Health, medication", "សុខភាព ថ្នាំ"),
    "safety_notes": ("Safety notes", "កំណត់ចំណាំសុវត្ថិភាព"),
    "items": ("Property and documents handed over", "ទ្រព្យសម្បត្តិ និងឯកសារដែលប្រគល់"),
    "item_desc": ("Description", "ការពិពណ៌នា"),
    "item_qty": ("Qty", "ចំនួន"),
    "item_receipt": ("Received (signature)", "បានទទួល (ហត្ថលេខា)"),
    "no_items": ("No property or documents handed over.", "គ្មានទ្រព្យសម្បត្តិ ឬឯកសារប្រគល់ទេ។"),
    "consent": ("Consent and signatures", "ការយល់ព្រម និងហត្ថលេខា"),
    "consent_referral": ("Consents to this referral", "យល់ព្រមចំពោះការបញ្ជូននេះ"),
    "consent_sharing": (
        "Consents to sharing this form's data with the receiving body",
        "យល់ព្រមចែករំលែកព័ត៌មានក្នុងទម្រង់នេះជាមួយស្ថាប័នទទួល",
    ),
    "interpreter": ("Interpreter", "អ្នកបកប្រែ"),
    "override_heading": ("Handed over WITHOUT the person's consent", "បានប្រគល់ដោយគ្មានការយល់ព្រមរបស់សាមីខ្លួន"),
    "override_missing": ("Consent missing", "ការយល់ព្រមដែលខ្វះ"),
    "override_screening": (
        "At the screening they said no to sharing their data with this kind of body",
        "ពេលពិនិត្យ សាមីខ្លួនមិនយល់ព្រមចែករំលែកព័ត៌មានជាមួយស្ថាប័នប្រភេទនេះទេ",
    ),
    "override_handover": (
        "They said no to sharing their data with the receiving body",
        "សាមីខ្លួនមិនយល់ព្រមចែករំលែកព័ត៌មានជាមួយស្ថាប័នទទួលទេ",
    ),
    "override_never": (
        "They were never asked about sharing their data with this kind of body",
        "មិនដែលបានសួរសាមីខ្លួនអំពីការចែករំលែកព័ត៌មានជាមួយស្ថាប័នប្រភេទនេះទេ",
    ),
    "override_referral": ("They do not consent to this referral", "សាមីខ្លួនមិនយល់ព្រមចំពោះការបញ្ជូននេះទេ"),
    "override_by": ("Team lead", "ប្រធានក្រុម"),
    "links": ("Kept together with", "ត្រូវនៅជាមួយគ្នានឹង"),
    "override_reason": ("The team lead's written reason", "ហេតុផលជាលាយលក្ខណ៍អក្សររបស់ប្រធានក្រុម"),
    "sign_person": ("Person: signature", "សាមីខ្លួន៖ ហត្ថលេខា"),
    "sign_guardian": ("Guardian / social worker", "អាណាព្យាបាល / បុគ្គលិកសង្គមកិច្ច"),
    "sign_transferring": ("Transferring officer", "មន្ត្រីប្រគល់"),
    "sign_receiving": ("Receiving officer", "មន្ត្រីទទួល"),
    "sign_interpreter": ("Interpreter", "អ្នកបកប្រែ"),
    "thumb": ("Thumbprint", "ស្នាមមេដៃ"),
    "yes": ("Yes", "បាទ/ចាស"),
    "no": ("No", "ទេ"),
    "not_asked": ("Not recorded", "មិនបានកត់ត្រា"),
    "draft": ("DRAFT – not valid for handover", "សេចក្ដីព្រាង"),
    "uncertain": ("uncertain", "មិនច្បាស់"),
    "summary": ("Screening summary", "សេចក្ដីសង្ខេបនៃការពិនិត្យបឋម"),
    "own_language": ("For the person, in their language", "សម្រាប់សាមីខ្លួន ជាភាសារបស់គាត់"),
    "manifest": ("Operation manifest", "បញ្ជីឈ្មោះប្រតិបត្តិការ"),
    "by_body": ("Persons by receiving body", "បុគ្គលតាមស្ថាប័នទទួល"),
}

# How a linked person stands to this one (relation, role 0 or 1), for the form and the manifest.
LINK_LABELS = {
    "parent_child": (("parent of", "ឪពុកម្ដាយរបស់"), ("child of", "កូនរបស់")),
    "siblings": (("sibling of", "បងប្អូនរបស់"), ("sibling of", "បងប្អូនរបស់")),
    "couple": (("partner of", "ដៃគូរបស់"), ("partner of", "ដៃគូរបស់")),
    "relatives": (("relative of", "សាច់ញាតិរបស់"), ("relative of", "សាច់ញាតិរបស់")),
    "travelled_together": (("travelled with", "ធ្វើដំណើរជាមួយ"), ("travelled with", "ធ្វើដំណើរជាមួយ")),
}


def link_words(link: dict[str, object]) -> str:
    """``child of GB-5A-00002 / កូនរបស់ GB-5A-00002``."""
    pair = LINK_LABELS.get(str(link.get("relation")), (("linked to", "ភ្ជាប់ជាមួយ"),) * 2)
    en, km = pair[1 if link.get("role") == 1 else 0]
    return f"{en} {link.get('temp_id', '')} / {km} {link.get('temp_id', '')}"


COPIES = (
    ("person", "Copy 1 of 3 · for the person", "ច្បាប់ទី១ · សម្រាប់សាមីខ្លួន"),
    ("transferring", "Copy 2 of 3 · transferring agency", "ច្បាប់ទី២ · សម្រាប់ស្ថាប័នប្រគល់"),
    ("receiving", "Copy 3 of 3 · receiving body", "ច្បាប់ទី៣ · សម្រាប់ស្ថាប័នទទួល"),
)

SEX = {
    "female": ("Female", "ស្រី"),
    "male": ("Male", "ប្រុស"),
    "other": ("Other", "ផ្សេងៗ"),
    "unknown": ("Unknown", "មិនដឹង"),
}

DOCUMENT_TYPES = {  # the kinds the app offers (fieldapp.records.fields.DOCUMENT_TYPES); any other stays as typed
    "passport": ("Passport", "លិខិតឆ្លងដែន"),
    "national_id": ("National ID card", "អត្តសញ្ញាណប័ណ្ណសញ្ជាតិ"),
    "birth_certificate": ("Birth certificate", "សំបុត្រកំណើត"),
    "work_permit": ("Work permit", "ប័ណ្ណអនុញ្ញាតការងារ"),
    "driving_licence": ("Driving licence", "ប័ណ្ណបើកបរ"),
}

DOCUMENT_STATUS = {
    "held": ("held by the person", "សាមីខ្លួនកាន់"),
    "confiscated": ("no document – confiscated", "គ្មានឯកសារ – ត្រូវបានរឹបអូស"),
    "lost": ("no document – lost", "គ្មានឯកសារ – បាត់"),
    "with_immigration": ("held by immigration", "អន្តោប្រវេសន៍កាន់"),
    "none": ("no document", "គ្មានឯកសារ"),
    "unknown": ("unknown", "មិនដឹង"),
}

OUTCOMES = {
    "PRESUMED_VICTIM": ("PRESUMED victim of trafficking", "ជនរងគ្រោះដែលត្រូវបានសន្មត់ពីការជួញដូរមនុស្ស"),
    "PRESUMED_CHILD_VICTIM": (
        "PRESUMED CHILD victim of trafficking",
        "កុមាររងគ្រោះដែលត្រូវបានសន្មត់ពីការជួញដូរមនុស្ស",
    ),
    "POSSIBLE_VICTIM": ("POSSIBLE victim of trafficking", "អាចជាជនរងគ្រោះពីការជួញដូរមនុស្ស"),
    "INDICATORS_BELOW_THRESHOLD": (
        "POSSIBLE victim of trafficking (indicators below the ILO threshold)",
        "អាចជាជនរងគ្រោះពីការជួញដូរមនុស្ស (សូចនាករក្រោមកម្រិត ILO)",
    ),
    "NO_INDICATORS_FOUND": ("No indicators found in this interview", "រកមិនឃើញសូចនាករក្នុងការសម្ភាសនេះ"),
    "UNDETERMINED": ("Undetermined: interview again", "មិនទាន់កំណត់បាន៖ សម្ភាសម្ដងទៀត"),
    "": ("Not screened", "មិនទាន់បានពិនិត្យ"),
}

NON_PUNISHMENT = {
    "en": "The person named on this form was screened as a {kind} victim of trafficking in persons. "
    "They should not be detained, prosecuted or punished for immigration or other offences committed as a "
    "direct consequence of having been trafficked (UN Trafficking in Persons Protocol; ASEAN Convention "
    "against Trafficking in Persons, Especially Women and Children). This is a screening result, not a "
    "legal determination.",
    "km": "បុគ្គលដែលមានឈ្មោះក្នុងទម្រង់នេះ ត្រូវបានពិនិត្យបឋមថាជា{kind}នៃការជួញដូរមនុស្ស។ "
    "បុគ្គលនេះមិនគួរត្រូវបានឃុំខ្លួន ចោទប្រកាន់ ឬដាក់ទោស ចំពោះបទល្មើសអន្តោប្រវេសន៍ ឬបទល្មើសផ្សេងទៀត "
    "ដែលបានប្រព្រឹត្តដោយផ្ទាល់ជាលទ្ធផលនៃការជួញដូរនោះទេ (ពិធីសារអង្គការសហប្រជាជាតិស្ដីពីការជួញដូរមនុស្ស "
    "អនុសញ្ញាអាស៊ានស្ដីពីការប្រឆាំងការជួញដូរមនុស្ស)។ នេះជាលទ្ធផលនៃការពិនិត្យបឋម មិនមែនជាការសម្រេចផ្លូវច្បាប់ទេ។",
}
NON_PUNISHMENT_KIND = {
    "PRESUMED_VICTIM": ("presumed", "ជនរងគ្រោះដែលត្រូវបានសន្មត់"),
    "PRESUMED_CHILD_VICTIM": ("presumed child", "កុមាររងគ្រោះដែលត្រូវបានសន្មត់"),
    "POSSIBLE_VICTIM": ("possible", "ជនដែលអាចជាជនរងគ្រោះ"),
    "INDICATORS_BELOW_THRESHOLD": ("possible", "ជនដែលអាចជាជនរងគ្រោះ"),
}


def both(key: str, sep: str = " / ") -> str:
    en, km = L[key]
    return f"{en}{sep}{km}"


def receiving_label(kind: str, country: str = "") -> tuple[str, str]:
    """The receiving body's type; an embassy with its country's name ("Embassy / Consulate of China")."""
    en, km = RECEIVING_LABELS.get(kind, (kind, kind))
    if kind == "embassy" and country:
        return (
            f"Embassy / Consulate of {country_name(country)}",
            f"ស្ថានទូត / កុងស៊ុល {country_name(country, 'km')}",
        )
    return en, km


def non_punishment(outcome: str) -> tuple[str, str] | None:
    """The standard sentence (English, Khmer) for a victim outcome; None for other outcomes."""
    if outcome not in NON_PUNISHMENT_KIND:
        return None
    en_kind, km_kind = NON_PUNISHMENT_KIND[outcome]
    return NON_PUNISHMENT["en"].format(kind=en_kind), NON_PUNISHMENT["km"].format(kind=km_kind)


def nationality_name(iso3: str) -> tuple[str, str]:
    """The country's name in English (with its code, as passports print it) and in Khmer."""
    if not is_country(iso3):
        return iso3, iso3
    return f"{country_name(iso3)} ({iso3.upper()})", country_name(iso3, "km")


def agency_names(name: str) -> tuple[str, str]:
    """An agency as typed or picked (its English name or code), in English and Khmer when the app knows
    it ("" for the Khmer of one it does not know)."""
    wanted = name.strip().casefold()
    for agency in AGENCIES:
        if wanted and wanted in (agency.name_en.casefold(), agency.code.casefold()):
            return agency.name_en, agency.name_km
    return name.strip(), ""


def receiving_body_names(handover: Mapping[str, Any]) -> tuple[str, str]:
    """The receiving body in English and Khmer: a directory entry's own Khmer name when it was picked."""
    en, km = agency_names(str(handover.get("receiving_name") or ""))
    return en, str(handover.get("receiving_name_km") or "") or km


def bilingual(en: str, km: str, sep: str = " / ") -> str:
    """ "English / Khmer", or one of them when the other is missing or the same."""
    return en if not km or km == en else (km if not en else f"{en}{sep}{km}")


def language_list(codes: list[str] | tuple[str, ...]) -> tuple[str, str]:
    """Languages by name, in English and in Khmer ("Chinese, English" / "ចិន, អង់គ្លេស")."""
    return (
        ", ".join(language_name(c) for c in codes),
        ", ".join(language_name(c, "km") for c in codes),
    )


_LANGUAGE_PAIR = re.compile(r"\s*([-–—/,>]|\bto\b|\s)\s*")


def language_words(text: str) -> tuple[str, str]:
    """A language or a pair as recorded ("vi", "vi–km", "Mandarin"): codes become names, in English and
    Khmer ("Vietnamese–Khmer"); anything else stays as written."""
    parts = _LANGUAGE_PAIR.split(text.strip())
    codes = parts[::2]
    if not text.strip() or not all(is_language(c) for c in codes):
        return text.strip(), ""
    seps = [s.strip() or " " for s in parts[1::2]]

    def join(language: str) -> str:
        out = language_name(codes[0], language)
        for sep, code in zip(seps, codes[1:], strict=False):
            joiner = "–" if sep in ("-", "–", "—", ">", "to") else (", " if sep in (",", " ") else f" {sep} ")
            out += joiner + language_name(code, language)
        return out

    return join("en"), join("km")
