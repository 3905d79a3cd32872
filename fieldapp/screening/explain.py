"""A screening result in plain words, in English and Khmer (Khmer: draft, needs native review).

The outcome comes first, then why in the officer's words ("because: promised a different job; passport or
ID taken; ..."), red flags, the child rule, contradictions to resolve, what the interview lacked and what is
not verified; dimension codes, set and rule ids come last, under "details". English and Khmer give the same
lines in the same order, so a bilingual form can print them side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldapp.screening.set_model import Strength

if TYPE_CHECKING:
    from fieldapp.screening.model import CountedIndicator, FlagItem, ScreeningResult

LANGS = ("en", "km")
_KM_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def _num(value: object, lang: str) -> str:
    return str(value).translate(_KM_DIGITS) if lang == "km" else str(value)


_T: dict[str, dict[str, str]] = {
    "en": {
        "strong": "strong",
        "medium": "medium",
        "weak": "weak",
        "pos": "{dim} is positive: {parts}.",
        "neg": "{dim} is not positive: only {parts} (needs 2 strong, 1 strong + 1 other, 3 medium, "
        "or 2 medium + 1 weak).",
        "none": "{dim}: no indicators present.",
        "via": "via",
        "outcome": "Outcome: {name}.",
        "PRESUMED_VICTIM": "presumed victim of trafficking: refer for formal identification and protection; "
        "do not treat as an offender",
        "PRESUMED_CHILD_VICTIM": "presumed child victim of trafficking: refer to child protection (MoSVY) "
        "and for formal identification; do not treat as an offender",
        "POSSIBLE_VICTIM": "possible victim of trafficking: protect and refer for formal identification; "
        "do not treat as an offender; interview again later",
        "INDICATORS_BELOW_THRESHOLD": "possible victim of trafficking: signs of trafficking were found, below "
        "the ILO threshold for a presumed victim; protect and refer for formal identification; do not treat "
        "as an offender; interview again later",
        "NO_INDICATORS_FOUND": "no indicators found in this interview. This does not mean the person is not "
        "a victim: a first interview is often incomplete",
        "UNDETERMINED": "undetermined: the interview could not establish the facts; interview again",
        "because": "Because: {items}.",
        "below": "No dimension reached the ILO threshold yet; a first interview often brings out only part of "
        "the facts.",
        "adult_met": "The adult rule is met: recruitment ({rec}), exploitation (EX) and destination ({dest}) "
        "dimensions are positive.",
        "adult_missing": "The adult rule (DR or CR or VR) and EX and (CD or VD) is not met: {missing}.",
        "miss_rec": "no recruitment dimension (DR, CR, VR) is positive",
        "miss_ex": "EX is not positive",
        "miss_dest": "neither CD nor VD is positive",
        "child_applied": "The child rule applies ({why}). Under the Palermo Protocol an act of trafficking and "
        "a purpose of exploitation are enough for a child: no means are needed. Always refer to child "
        "protection.",
        "under_18": "age {age}, under 18",
        "age_uncertain": "age uncertain, possibly under 18",
        "minor_flag": "the officer recorded that the person is or may be under 18",
        "child_met": "The child rule is met: act: {acts}; exploitation: {purposes}.",
        "child_missing": "The child rule is not met yet: {missing}.",
        "miss_act": "no act of trafficking (recruitment, transport, transfer, harbouring, receipt) is recorded",
        "miss_purpose": "no purpose of exploitation is recorded (EX not positive, no worst form of child "
        "labour)",
        "ex_positive": "exploitation dimension (EX) positive",
        "red_flags": "Red flags: {flags}. Protection and referral are required before any immigration "
        "processing.",
        "red_flag_age": "{label} (from the recorded age)",
        "from_record": "{act} (from the record)",
        "answered_as": "{fact} (answered: {items})",
        "contradiction": "To resolve: {present} was answered yes, but {absent} no. Until it is resolved the "
        "rule counts it as present.",
        "declined": "The person declined the interview.",
        "incomplete": "The interview was not completed.",
        "no_interpreter": "No interpreter in a language the person understands was present.",
        "issues_note": "The result rests on an imperfect interview; it may rise after a further interview.",
        "child_scored_with_adult_set": "Warning: the person may be a child but was scored with an adult "
        "indicator set; use the child set.",
        "adult_scored_with_child_set": "Warning: an adult was scored with a child indicator set.",
        "age_not_recorded": "Warning: no age was recorded; if the person may be under 18, mark the age as "
        "uncertain.",
        "mapping_not_in_set": "Warning: {detail} is not in this indicator set and was not counted.",
        "set_not_enabled": "Warning: the indicator set {detail} is not enabled: it has no checked source.",
        "needs_check_against_ilo_brochure": "Not verified: the ILO indicator strengths and the rule's wording "
        "({set}) are reconstructed from secondary copies, not yet checked against the ILO brochure.",
        "project_defined": "The scam-compound items ({set}) are the project's own, built from cited sources; "
        "they are not an official list.",
        "checked": "",
        "details": "Details:",
        "disclaimer": "This is a screening result, not a legal determination (set {set} {sv}{linked}, rule "
        "{rule}).",
        "sep": "; ",
        "list": ", ",
        "recruitment": "recruitment",
        "transport": "transport",
        "transfer": "transfer",
        "harbouring": "harbouring",
        "receipt": "receipt",
        "fact:confiscation_docs": "identity documents taken",
        "fact:isolation": "confined, isolated or watched",
        "fact:debt_bondage": "held by a debt",
        "fact:violence": "violence",
        "fact:abduction_selling": "abducted or sold",
        "fact:forced_illicit": "forced to commit crimes",
        "fact:act_against_peers": "forced to act against other workers",
    },
    "km": {
        "strong": "ខ្លាំង",
        "medium": "មធ្យម",
        "weak": "ខ្សោយ",
        "pos": "{dim} វិជ្ជមាន៖ {parts}។",
        "neg": "{dim} មិនវិជ្ជមានទេ៖ មានតែ {parts} (ត្រូវការ ខ្លាំង ២ ឬ ខ្លាំង ១ + ផ្សេងទៀត ១ ឬ មធ្យម ៣ "
        "ឬ មធ្យម ២ + ខ្សោយ ១)។",
        "none": "{dim}៖ គ្មានសូចនាករ។",
        "via": "តាមរយៈ",
        "outcome": "លទ្ធផល៖ {name}។",
        "PRESUMED_VICTIM": "ជនរងគ្រោះដែលត្រូវបានសន្មត់ពីការជួញដូរមនុស្ស៖ បញ្ជូនដើម្បីកំណត់អត្តសញ្ញាណជាផ្លូវការ "
        "និងការការពារ កុំចាត់ទុកជាជនល្មើស",
        "PRESUMED_CHILD_VICTIM": "កុមាររងគ្រោះដែលត្រូវបានសន្មត់ពីការជួញដូរមនុស្ស៖ បញ្ជូនទៅការការពារកុមារ "
        "(ក្រសួងសង្គមកិច្ច) និងដើម្បីកំណត់អត្តសញ្ញាណជាផ្លូវការ កុំចាត់ទុកជាជនល្មើស",
        "POSSIBLE_VICTIM": "អាចជាជនរងគ្រោះពីការជួញដូរមនុស្ស៖ ការពារ និងបញ្ជូនដើម្បីកំណត់អត្តសញ្ញាណជាផ្លូវការ "
        "កុំចាត់ទុកជាជនល្មើស សម្ភាសម្តងទៀតពេលក្រោយ",
        "INDICATORS_BELOW_THRESHOLD": "អាចជាជនរងគ្រោះពីការជួញដូរមនុស្ស៖ បានរកឃើញសញ្ញានៃការជួញដូរ "
        "ក្រោមកម្រិតរបស់ ILO សម្រាប់ជនរងគ្រោះដែលត្រូវបានសន្មត់ ការពារ និងបញ្ជូនដើម្បីកំណត់អត្តសញ្ញាណជាផ្លូវការ "
        "កុំចាត់ទុកជាជនល្មើស សម្ភាសម្តងទៀតពេលក្រោយ",
        "NO_INDICATORS_FOUND": "រកមិនឃើញសូចនាករក្នុងការសម្ភាសនេះ។ នេះមិនមានន័យថាបុគ្គលនោះមិនមែនជាជនរងគ្រោះទេ៖ "
        "ការសម្ភាសលើកដំបូងច្រើនតែមិនពេញលេញ",
        "UNDETERMINED": "មិនទាន់កំណត់បាន៖ ការសម្ភាសមិនអាចបញ្ជាក់ការពិតបាន សូមសម្ភាសម្តងទៀត",
        "because": "ដោយសារ៖ {items}។",
        "below": "មិនទាន់មានវិមាត្រណាមួយឈានដល់កម្រិតរបស់ ILO ទេ ការសម្ភាសលើកដំបូងច្រើនតែរកឃើញតែផ្នែកខ្លះនៃការពិត។",
        "adult_met": "វិធានមនុស្សពេញវ័យត្រូវបានបំពេញ៖ វិមាត្រជ្រើសរើស ({rec}) ការកេងប្រវ័ញ្ច (EX) "
        "និងទីគោលដៅ ({dest}) វិជ្ជមាន។",
        "adult_missing": "វិធានមនុស្សពេញវ័យ (DR ឬ CR ឬ VR) និង EX និង (CD ឬ VD) មិនត្រូវបានបំពេញ៖ {missing}។",
        "miss_rec": "គ្មានវិមាត្រជ្រើសរើស (DR, CR, VR) វិជ្ជមាន",
        "miss_ex": "EX មិនវិជ្ជមាន",
        "miss_dest": "ទាំង CD និង VD មិនវិជ្ជមាន",
        "child_applied": "វិធានកុមារត្រូវបានអនុវត្ត ({why})។ យោងតាមពិធីសារប៉ាឡឺម៉ូ សកម្មភាពជួញដូរ "
        "និងគោលបំណងកេងប្រវ័ញ្ច គឺគ្រប់គ្រាន់សម្រាប់កុមារ៖ មិនត្រូវការមធ្យោបាយទេ។ ត្រូវបញ្ជូនទៅការការពារកុមារជានិច្ច។",
        "under_18": "អាយុ {age} ឆ្នាំ ក្រោម ១៨ ឆ្នាំ",
        "age_uncertain": "អាយុមិនច្បាស់ អាចក្រោម ១៨ ឆ្នាំ",
        "minor_flag": "មន្ត្រីបានកត់ត្រាថាបុគ្គលនោះមានអាយុ ឬអាចមានអាយុក្រោម ១៨ ឆ្នាំ",
        "child_met": "វិធានកុមារត្រូវបានបំពេញ៖ សកម្មភាព៖ {acts}; ការកេងប្រវ័ញ្ច៖ {purposes}។",
        "child_missing": "វិធានកុមារមិនទាន់ត្រូវបានបំពេញ៖ {missing}។",
        "miss_act": "មិនទាន់កត់ត្រាសកម្មភាពជួញដូរ (ជ្រើសរើស ដឹកជញ្ជូន ផ្ទេរ លាក់ទុក ទទួល)",
        "miss_purpose": "មិនទាន់កត់ត្រាគោលបំណងកេងប្រវ័ញ្ច (EX មិនវិជ្ជមាន គ្មានទម្រង់ធ្ងន់ធ្ងរបំផុតនៃពលកម្មកុមារ)",
        "ex_positive": "វិមាត្រកេងប្រវ័ញ្ច (EX) វិជ្ជមាន",
        "red_flags": "ទង់ក្រហម៖ {flags}។ ត្រូវការការពារ និងការបញ្ជូន មុននីតិវិធីអន្តោប្រវេសន៍ណាមួយ។",
        "red_flag_age": "{label} (ផ្អែកលើអាយុដែលបានកត់ត្រា)",
        "from_record": "{act} (ពីកំណត់ត្រា)",
        "answered_as": "{fact} (ចម្លើយ៖ {items})",
        "contradiction": "ត្រូវដោះស្រាយ៖ {present} ត្រូវបានឆ្លើយថាបាទ/ចាស ប៉ុន្តែ {absent} ថាទេ។ "
        "រហូតដល់ដោះស្រាយរួច វិធានរាប់វាថាមាន។",
        "declined": "បុគ្គលនោះបានបដិសេធការសម្ភាស។",
        "incomplete": "ការសម្ភាសមិនត្រូវបានបញ្ចប់។",
        "no_interpreter": "គ្មានអ្នកបកប្រែជាភាសាដែលបុគ្គលនោះយល់។",
        "issues_note": "លទ្ធផលនេះផ្អែកលើការសម្ភាសមិនពេញលេញ វាអាចកើនឡើងបន្ទាប់ពីការសម្ភាសបន្ថែម។",
        "child_scored_with_adult_set": "ការព្រមាន៖ បុគ្គលនោះអាចជាកុមារ ប៉ុន្តែត្រូវបានវាយតម្លៃដោយបញ្ជីសូចនាករ"
        "មនុស្សពេញវ័យ សូមប្រើបញ្ជីកុមារ។",
        "adult_scored_with_child_set": "ការព្រមាន៖ មនុស្សពេញវ័យត្រូវបានវាយតម្លៃដោយបញ្ជីសូចនាករកុមារ។",
        "age_not_recorded": "ការព្រមាន៖ មិនបានកត់ត្រាអាយុ ប្រសិនបើបុគ្គលនោះអាចមានអាយុក្រោម ១៨ ឆ្នាំ សូមសម្គាល់ថាអាយុមិនច្បាស់។",
        "mapping_not_in_set": "ការព្រមាន៖ {detail} មិនមាននៅក្នុងបញ្ជីសូចនាករនេះ ហើយមិនត្រូវបានរាប់ទេ។",
        "set_not_enabled": "ការព្រមាន៖ បញ្ជីសូចនាករ {detail} មិនត្រូវបានបើកប្រើទេ៖ វាគ្មានប្រភពដែលបានផ្ទៀងផ្ទាត់។",
        "needs_check_against_ilo_brochure": "មិនទាន់ផ្ទៀងផ្ទាត់៖ កម្រិតខ្លាំងខ្សោយនៃសូចនាករ ILO និងពាក្យពេចន៍នៃវិធាន "
        "({set}) ត្រូវបានរៀបចំឡើងវិញពីឯកសារចម្លងបន្ទាប់បន្សំ មិនទាន់បានពិនិត្យជាមួយខិត្តប័ណ្ណ ILO ទេ។",
        "project_defined": "សំណួរបរិវេណបោកប្រាស់ ({set}) ជារបស់គម្រោងផ្ទាល់ ដែលរៀបចំពីប្រភពដែលបានដកស្រង់ "
        "មិនមែនជាបញ្ជីផ្លូវការទេ។",
        "checked": "",
        "details": "ព័ត៌មានលម្អិត៖",
        "disclaimer": "នេះជាលទ្ធផលនៃការពិនិត្យបឋម មិនមែនជាការសម្រេចផ្លូវច្បាប់ទេ (បញ្ជី {set} {sv}{linked} វិធាន {rule})។",
        "sep": "; ",
        "list": ", ",
        "recruitment": "ការជ្រើសរើស",
        "transport": "ការដឹកជញ្ជូន",
        "transfer": "ការផ្ទេរ",
        "harbouring": "ការលាក់ទុក",
        "receipt": "ការទទួល",
        "fact:confiscation_docs": "ឯកសារអត្តសញ្ញាណត្រូវបានគេដកហូត",
        "fact:isolation": "ត្រូវបានឃុំឃាំង ដាក់ឱ្យនៅដាច់ដោយឡែក ឬឃ្លាំមើល",
        "fact:debt_bondage": "ត្រូវបានចងដោយបំណុល",
        "fact:violence": "អំពើហិង្សា",
        "fact:abduction_selling": "ត្រូវបានចាប់ពង្រត់ ឬលក់",
        "fact:forced_illicit": "ត្រូវបានបង្ខំឱ្យប្រព្រឹត្តឧក្រិដ្ឋកម្ម",
        "fact:act_against_peers": "ត្រូវបានបង្ខំឱ្យប្រឆាំងនឹងកម្មករដទៃ",
    },
}


def _t(lang: str) -> dict[str, str]:
    if lang not in _T:
        raise ValueError(f"Unsupported explanation language '{lang}' (use en or km).")
    return _T[lang]


def _describe(counted: Sequence[CountedIndicator], lang: str) -> str:
    t = _t(lang)
    parts: list[str] = []
    for strength in (Strength.STRONG, Strength.MEDIUM, Strength.WEAK):
        names = []
        for c in counted:
            if c.strength is strength:
                names.append(f"{c.id} {t['via']} {', '.join(c.via)}" if c.via and not c.direct else c.id)
        if names:
            parts.append(f"{_num(len(names), lang)} {t[strength.value]} ({', '.join(names)})")
    return (", " if lang == "en" else " ").join(parts)


def dimension_line(dim: str, positive: bool, counted: Sequence[CountedIndicator], lang: str) -> str:
    """One line for one dimension, e.g. "CD is positive: 2 strong (CD.isolation, CD.violence)."."""
    t = _t(lang)
    if not counted:
        return t["none"].format(dim=dim)
    return t["pos" if positive else "neg"].format(dim=dim, parts=_describe(counted, lang))


@dataclass(frozen=True)
class Explanation:
    """The outcome in one line, the reasons in plain words, then the details (codes, set and rule ids)."""

    outcome: str
    reasons: tuple[str, ...]
    details: tuple[str, ...]
    details_heading: str

    def lines(self) -> list[str]:
        return [self.outcome, *self.reasons, self.details_heading, *self.details]


def _labels(result: ScreeningResult, lang: str) -> dict[str, str]:
    """Every answered item's label, to name the answers behind a fact or a contradiction."""
    labels = {f.id: f.label(lang) for f in result.present}
    for c in result.contradictions:
        labels.setdefault(c.indicator, c.label_km if lang == "km" else c.label_en)
    return labels


def _lower(label: str, lang: str) -> str:
    """A label inside a sentence: "Promised a different job" -> "promised a different job" (not "ID ...")."""
    if lang == "en" and len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _red_flag(flag: FlagItem, labels: dict[str, str], lang: str) -> str:
    t = _t(lang)
    if flag.via == "age":
        return t["red_flag_age"].format(label=_lower(flag.label(lang), lang))
    fact = (
        t.get("fact:" + flag.id.partition(".")[2], flag.label(lang)) if "." in flag.id else flag.label(lang)
    )
    by_others = [_lower(labels.get(a, a), lang) for a in flag.answered if a != flag.id]
    if not by_others and flag.id.startswith("SC."):
        return _lower(flag.label(lang), lang)
    return t["answered_as"].format(fact=fact, items=t["list"].join(by_others)) if by_others else fact


def _child_lines(result: ScreeningResult, lang: str) -> list[str]:
    t = _t(lang)
    why = t[result.child_reason or "minor_flag"].format(age=_num(result.age, lang))
    lines = [t["child_applied"].format(why=why)]
    pos = set(result.positive_dimensions)
    acts = [t["from_record"].format(act=t[a]) for a in result.recorded_acts]
    acts += [_lower(a.label(lang), lang) for a in result.acts]
    if not acts and result.act_recorded:
        acts = [t["recruitment"]]
    purposes = ([t["ex_positive"]] if "EX" in pos else []) + [
        f"{_lower(p.label(lang), lang)} ({p.note})" if p.note else _lower(p.label(lang), lang)
        for p in result.child_exploitation
    ]
    rec = [d for d in ("DR", "CR", "VR") if d in pos]
    if not acts and rec:
        acts = [", ".join(rec)]
    if result.child_rule_met:
        lines.append(t["child_met"].format(acts=t["list"].join(acts), purposes=t["list"].join(purposes)))
    elif result.present or pos:
        missing = [] if purposes else [t["miss_purpose"]]
        if not acts:
            missing.append(t["miss_act"])
        lines.append(t["child_missing"].format(missing=t["sep"].join(missing)))
    return lines


def verification_notes(statuses: Sequence[tuple[str, str]], lang: str = "en") -> list[str]:
    """What is not verified about the sets used, (set id, verification status) each, in plain words."""
    t = _t(lang)
    return [t[status].format(set=set_id) for set_id, status in statuses if t.get(status)]


def explanation(result: ScreeningResult, lang: str = "en") -> Explanation:
    """The result in plain words, most important first."""
    t = _t(lang)
    reasons: list[str] = []
    labels = _labels(result, lang)
    if result.present:
        items = t["sep"].join(_lower(f.label(lang), lang) for f in result.present)
        reasons.append(t["because"].format(items=items))
    if result.red_flags:
        flags = t["sep"].join(_red_flag(f, labels, lang) for f in result.red_flags)
        reasons.append(t["red_flags"].format(flags=flags))
    pos = set(result.positive_dimensions)
    rec = [d for d in ("DR", "CR", "VR") if d in pos]
    dest = [d for d in ("CD", "VD") if d in pos]
    if result.child_rule_applied:
        reasons += _child_lines(result, lang)
    elif result.adult_rule_met:
        reasons.append(t["adult_met"].format(rec=", ".join(rec), dest=", ".join(dest)))
    elif pos:
        missing = [t["miss_rec"]] if not rec else []
        if "EX" not in pos:
            missing.append(t["miss_ex"])
        if not dest:
            missing.append(t["miss_dest"])
        reasons.append(t["adult_missing"].format(missing=t["sep"].join(missing)))
    if result.outcome.value == "INDICATORS_BELOW_THRESHOLD":
        reasons.append(t["below"])
    for c in result.contradictions:
        present = t["list"].join(f"“{labels.get(i, i)}”" for i in c.present)
        absent = t["list"].join(f"“{labels.get(i, i)}”" for i in c.absent)
        reasons.append(t["contradiction"].format(present=present, absent=absent))
    reasons += [t[issue.value] for issue in result.interview_issues]
    if result.interview_issues and result.outcome.value != "UNDETERMINED":
        reasons.append(t["issues_note"])
    for warning in result.warnings:
        code, _, detail = warning.partition(":")
        reasons.append(t[code].format(detail=detail) if code in t else warning)
    reasons += verification_notes(result.verification, lang)
    details = [
        d.explanation if lang == "en" else dimension_line(d.dimension, d.positive, d.indicators, lang)
        for d in result.dimensions
    ]
    linked = f", {result.linked_set_id} {result.linked_set_version}" if result.linked_set_id else ""
    details.append(
        t["disclaimer"].format(
            set=result.set_id, sv=result.set_version, linked=linked, rule=result.rule_version
        )
    )
    return Explanation(
        outcome=t["outcome"].format(name=t[result.outcome.value]),
        reasons=tuple(reasons),
        details=tuple(details),
        details_heading=t["details"],
    )


def explain(result: ScreeningResult, lang: str = "en") -> list[str]:
    """Sentences an officer can read aloud and a PDF can print, most important first."""
    return explanation(result, lang).lines()
