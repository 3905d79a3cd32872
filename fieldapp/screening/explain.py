"""Plain sentences explaining a screening result, in English and Khmer (Khmer: draft, needs native review)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from fieldapp.screening.set_model import Strength

if TYPE_CHECKING:
    from fieldapp.screening.model import CountedIndicator, ScreeningResult

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
        "PRESUMED_VICTIM": "presumed victim of trafficking: refer for formal identification and protection",
        "PRESUMED_CHILD_VICTIM": "presumed child victim of trafficking: refer to child protection (MoSVY) "
        "and for formal identification",
        "POSSIBLE_VICTIM": "possible victim of trafficking: protect and refer; interview again later",
        "NO_INDICATORS_FOUND": "no indicators found in this interview. This does not mean the person is not "
        "a victim: a first interview is often incomplete",
        "UNDETERMINED": "undetermined: the interview could not establish the facts; interview again",
        "adult_met": "The adult rule is met: recruitment ({rec}), exploitation (EX) and destination ({dest}) "
        "dimensions are positive.",
        "adult_missing": "The adult rule (DR or CR or VR) and EX and (CD or VD) is not met: {missing}.",
        "miss_rec": "no recruitment dimension (DR, CR, VR) is positive",
        "miss_ex": "EX is not positive",
        "miss_dest": "neither CD nor VD is positive",
        "miss_act": "no act (recruitment, transport, transfer, harbouring, receipt) is recorded and no "
        "recruitment dimension is positive",
        "child_applied": "The child rule applies ({why}): no means are needed for a child; always refer to "
        "child protection.",
        "under_18": "age {age}, under 18",
        "age_uncertain": "age uncertain, possibly under 18",
        "minor_flag": "the officer recorded that the person is or may be under 18",
        "child_met": "The child rule is met: EX is positive and {basis}.",
        "child_missing": "The child rule EX and (an act, or DR or CR or VR) is not met: {missing}.",
        "basis_act": "an act is recorded ({acts})",
        "basis_rec": "a recruitment dimension is positive ({rec})",
        "red_flag": "Red flag: {id} ({label}).",
        "red_flag_age": "Red flag: {id} ({label}), from the recorded age.",
        "red_flag_rule": "A red flag is present: protection and referral are required before any immigration "
        "processing.",
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
        "disclaimer": "This is a screening result, not a legal determination (set {set} {sv}, rule {rule}).",
        "and": ", ",
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
        "PRESUMED_VICTIM": "ជនរងគ្រោះដែលត្រូវបានសន្មត់ពីការជួញដូរមនុស្ស៖ បញ្ជូនដើម្បីកំណត់អត្តសញ្ញាណជាផ្លូវការ និងការការពារ",
        "PRESUMED_CHILD_VICTIM": "កុមាររងគ្រោះដែលត្រូវបានសន្មត់ពីការជួញដូរមនុស្ស៖ បញ្ជូនទៅការការពារកុមារ "
        "(ក្រសួងសង្គមកិច្ច) និងដើម្បីកំណត់អត្តសញ្ញាណជាផ្លូវការ",
        "POSSIBLE_VICTIM": "អាចជាជនរងគ្រោះពីការជួញដូរមនុស្ស៖ ការពារ និងបញ្ជូន សម្ភាសម្តងទៀតពេលក្រោយ",
        "NO_INDICATORS_FOUND": "រកមិនឃើញសូចនាករក្នុងការសម្ភាសនេះ។ នេះមិនមានន័យថាបុគ្គលនោះមិនមែនជាជនរងគ្រោះទេ៖ "
        "ការសម្ភាសលើកដំបូងច្រើនតែមិនពេញលេញ",
        "UNDETERMINED": "មិនទាន់កំណត់បាន៖ ការសម្ភាសមិនអាចបញ្ជាក់ការពិតបាន សូមសម្ភាសម្តងទៀត",
        "adult_met": "វិធានមនុស្សពេញវ័យត្រូវបានបំពេញ៖ វិមាត្រជ្រើសរើស ({rec}) ការកេងប្រវ័ញ្ច (EX) "
        "និងទីគោលដៅ ({dest}) វិជ្ជមាន។",
        "adult_missing": "វិធានមនុស្សពេញវ័យ (DR ឬ CR ឬ VR) និង EX និង (CD ឬ VD) មិនត្រូវបានបំពេញ៖ {missing}។",
        "miss_rec": "គ្មានវិមាត្រជ្រើសរើស (DR, CR, VR) វិជ្ជមាន",
        "miss_ex": "EX មិនវិជ្ជមាន",
        "miss_dest": "ទាំង CD និង VD មិនវិជ្ជមាន",
        "miss_act": "គ្មានសកម្មភាព (ជ្រើសរើស ដឹកជញ្ជូន ផ្ទេរ លាក់ទុក ទទួល) ត្រូវបានកត់ត្រា ហើយគ្មានវិមាត្រជ្រើសរើសវិជ្ជមាន",
        "child_applied": "វិធានកុមារត្រូវបានអនុវត្ត ({why})៖ មិនត្រូវការមធ្យោបាយសម្រាប់កុមារទេ "
        "ត្រូវបញ្ជូនទៅការការពារកុមារជានិច្ច។",
        "under_18": "អាយុ {age} ឆ្នាំ ក្រោម ១៨ ឆ្នាំ",
        "age_uncertain": "អាយុមិនច្បាស់ អាចក្រោម ១៨ ឆ្នាំ",
        "minor_flag": "មន្ត្រីបានកត់ត្រាថាបុគ្គលនោះមានអាយុ ឬអាចមានអាយុក្រោម ១៨ ឆ្នាំ",
        "child_met": "វិធានកុមារត្រូវបានបំពេញ៖ EX វិជ្ជមាន និង {basis}។",
        "child_missing": "វិធានកុមារ EX និង (សកម្មភាព ឬ DR ឬ CR ឬ VR) មិនត្រូវបានបំពេញ៖ {missing}។",
        "basis_act": "មានសកម្មភាពត្រូវបានកត់ត្រា ({acts})",
        "basis_rec": "វិមាត្រជ្រើសរើសវិជ្ជមាន ({rec})",
        "red_flag": "ទង់ក្រហម៖ {id} ({label})។",
        "red_flag_age": "ទង់ក្រហម៖ {id} ({label}) ផ្អែកលើអាយុដែលបានកត់ត្រា។",
        "red_flag_rule": "មានទង់ក្រហម៖ ត្រូវការការពារ និងការបញ្ជូន មុននីតិវិធីអន្តោប្រវេសន៍ណាមួយ។",
        "declined": "បុគ្គលនោះបានបដិសេធការសម្ភាស។",
        "incomplete": "ការសម្ភាសមិនត្រូវបានបញ្ចប់។",
        "no_interpreter": "គ្មានអ្នកបកប្រែជាភាសាដែលបុគ្គលនោះយល់។",
        "issues_note": "លទ្ធផលនេះផ្អែកលើការសម្ភាសមិនពេញលេញ វាអាចកើនឡើងបន្ទាប់ពីការសម្ភាសបន្ថែម។",
        "child_scored_with_adult_set": "ការព្រមាន៖ បុគ្គលនោះអាចជាកុមារ ប៉ុន្តែត្រូវបានវាយតម្លៃដោយបញ្ជីសូចនាករ"
        "មនុស្សពេញវ័យ សូមប្រើបញ្ជីកុមារ។",
        "adult_scored_with_child_set": "ការព្រមាន៖ មនុស្សពេញវ័យត្រូវបានវាយតម្លៃដោយបញ្ជីសូចនាករកុមារ។",
        "age_not_recorded": "ការព្រមាន៖ មិនបានកត់ត្រាអាយុ ប្រសិនបើបុគ្គលនោះអាចមានអាយុក្រោម ១៨ ឆ្នាំ សូមសម្គាល់ថាអាយុមិនច្បាស់។",
        "mapping_not_in_set": "ការព្រមាន៖ {detail} មិនមាននៅក្នុងបញ្ជីសូចនាករនេះ ហើយមិនត្រូវបានរាប់ទេ។",
        "disclaimer": "នេះជាលទ្ធផលនៃការពិនិត្យបឋម មិនមែនជាការសម្រេចផ្លូវច្បាប់ទេ (បញ្ជី {set} {sv} វិធាន {rule})។",
        "and": " ",
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
    return t["and"].join(parts)


def dimension_line(dim: str, positive: bool, counted: Sequence[CountedIndicator], lang: str) -> str:
    """One line for one dimension, e.g. "CD is positive: 2 strong (CD.isolation, CD.violence)."."""
    t = _t(lang)
    if not counted:
        return t["none"].format(dim=dim)
    return t["pos" if positive else "neg"].format(dim=dim, parts=_describe(counted, lang))


def explain(result: ScreeningResult, lang: str = "en") -> list[str]:
    """Sentences an officer can read aloud and a PDF can print, most important first."""
    t = _t(lang)
    lines = [t["outcome"].format(name=t[result.outcome.value])]
    pos = set(result.positive_dimensions)
    rec = [d for d in ("DR", "CR", "VR") if d in pos]
    dest = [d for d in ("CD", "VD") if d in pos]
    if result.child_rule_applied:
        why = t[result.child_reason or "minor_flag"].format(age=_num(result.age, lang))
        lines.append(t["child_applied"].format(why=why))
        if result.child_rule_met:
            acts = ", ".join(a.id for a in result.acts) or "—"
            basis = (
                t["basis_act"].format(acts=acts)
                if result.act_recorded
                else t["basis_rec"].format(rec=", ".join(rec))
            )
            lines.append(t["child_met"].format(basis=basis))
        elif pos:
            missing = [t["miss_ex"]] if "EX" not in pos else []
            if not result.act_recorded and not rec:
                missing.append(t["miss_act"])
            lines.append(t["child_missing"].format(missing="; ".join(missing)))
    elif result.adult_rule_met:
        lines.append(t["adult_met"].format(rec=", ".join(rec), dest=", ".join(dest)))
    elif pos:
        missing = [t["miss_rec"]] if not rec else []
        if "EX" not in pos:
            missing.append(t["miss_ex"])
        if not dest:
            missing.append(t["miss_dest"])
        lines.append(t["adult_missing"].format(missing="; ".join(missing)))
    for d in result.dimensions:
        lines.append(
            d.explanation if lang == "en" else dimension_line(d.dimension, d.positive, d.indicators, lang)
        )
    for flag in result.red_flags:
        label = flag.label_en if lang == "en" else flag.label_km
        lines.append(t["red_flag_age" if flag.via == "age" else "red_flag"].format(id=flag.id, label=label))
    if result.red_flags:
        lines.append(t["red_flag_rule"])
    for issue in result.interview_issues:
        lines.append(t[issue.value])
    if result.interview_issues and result.outcome.value != "UNDETERMINED":
        lines.append(t["issues_note"])
    for warning in result.warnings:
        code, _, detail = warning.partition(":")
        lines.append(t[code].format(detail=detail) if code in t else warning)
    lines.append(t["disclaimer"].format(set=result.set_id, sv=result.set_version, rule=result.rule_version))
    return lines
