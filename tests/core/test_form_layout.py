"""Nothing on a printed form is cut off or drawn over something else (issue 20 item 10).

Forms with the longest values an officer meets (long agency and embassy names, long places, many red
flags, long property descriptions, names in Lao, Myanmar, Urdu, Khmer and Chinese), with English and
with Khmer values, are rendered to real PDFs and checked three ways:
- the layout's own measure (Qt's font metrics, ``collect_overflows``): no text is larger than its box;
- the PDF's text layer (``pdftotext -bbox``): no two words overlap and every word stays inside the
  page's margins, which a cut or overflowing text would break (it does on the old layout);
- the raster (``pdftoppm``): no ink in the side margins.
Then what is printed: names of countries, languages and agencies, not codes; bilingual manifest values;
the person's own copy with a summary in their language (``pdftotext``, normalised with NFKC since the
text layer keeps ligatures).
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtGui import QFont

from fieldapp.reference.cambodia import AGENCIES
from fieldapp.reports.data import FormData
from fieldapp.reports.handover import draw_form, render_handover
from fieldapp.reports.labels import OUTCOMES
from fieldapp.reports.manifest import ManifestRow, render_manifest
from fieldapp.reports.own_language import own_summary
from fieldapp.reports.pdf import MARGIN, Canvas, collect_overflows
from fieldapp.screening.respondent import shown

pytestmark = pytest.mark.usefixtures("qapp")

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
POLICE = next(a for a in AGENCIES if a.code == "CNP-AHTJP")  # the longest agency name the app knows
SOCIAL = next(a for a in AGENCIES if a.code == "DOSVY")
LONG_EMBASSY = (
    "Consular Protection Section, Embassy of the People's Republic of China in the Kingdom of Cambodia"
)
RED_FLAGS = [
    ("Forced to commit online fraud (forced criminality)", "ត្រូវបានបង្ខំឱ្យប្រព្រឹត្តការក្លែងបន្លំតាមអនឡាញ"),
    ("Passport confiscated by the employer", "លិខិតឆ្លងដែនត្រូវបានរឹបអូសដោយនិយោជក"),
    ("Physical violence or torture", "អំពើហិង្សាលើរាងកាយ ឬការធ្វើទារុណកម្ម"),
    ("Debt bondage and a ransom demanded from the family", "បំណុលចំណង និងការទាមទារថ្លៃលោះពីគ្រួសារ"),
    ("Sold or transferred to another compound", "ត្រូវបានលក់ ឬផ្ទេរទៅបរិវេណមួយទៀត"),
    ("Threats against the family", "ការគំរាមកំហែងលើគ្រួសារ"),
]
# (respondent language, own-script name): the scripts whose names used to print small and not bold
PEOPLE = {
    "zh": ("zh", "王小明王小明王小明王小明王小明王小明王小明王小明"),
    "my": ("my", "မောင်အောင်ကျော်ဝင်း ဦးသန်းထွန်းနိုင်"),
    "lo": ("lo", "ທ້າວ ສົມພອນ ວົງສະຫວັນ ແກ້ວມະນີວົງ"),
    "ur": ("ur", "محمد عمران خان نیازی"),
    "km": ("km", "សុខ ស្រីពៅ ចាន់ធីតា រតនា"),
}


def stress_data(person: str, values: str) -> dict[str, Any]:
    """A handover with every long value at once; ``values`` "en" or "km" (what officers typed)."""
    language, own = PEOPLE[person]
    khmer = values == "km"
    return {
        "reference_no": "HO-SHV-K7-00042-1",
        "date_time": "2026-12-07T14:30+07:00",
        "place": "ស្នងការដ្ឋាននគរបាលខេត្តព្រះសីហនុ ក្រុងព្រះសីហនុ ព្រះរាជាណាចក្រកម្ពុជា"
        if khmer
        else "Provincial police station, Sihanoukville, Preah Sihanouk Province, Kingdom of Cambodia",
        "transferring_agency": POLICE.name_km if khmer else POLICE.name_en,
        "transferring_officer": "វរសេនីយ៍ឯក សុខ ដារា ចន្ធី រិទ្ធិសក្តិ"
        if khmer
        else "Police Lt Col Sok Dara Chanthy Rithisak",
        "transferring_position": "អនុប្រធានការិយាល័យប្រឆាំងការជួញដូរមនុស្ស"
        if khmer
        else "Deputy Chief of the Anti-Trafficking Bureau",
        "transferring_id_no": "KH-POL-2019-000123456",
        "transferring_phone": "+855 12 345 678 / +855 97 765 4321",
        "receiving_type": "embassy",
        "receiving_country": "CHN",
        "receiving_name": LONG_EMBASSY,
        "receiving_officer": "Li Wei",
        "receiving_position": "Second Secretary, Consular Protection",
        "consent_referral": True,
        "consent_sharing": False,
        "interpreter_name": "Ly Mei",
        "interpreter_language": "zh–km",
        "urgent_needs": "អាហារ ទឹក សម្លៀកបំពាក់" if khmer else "Food, water, clothes",
        "health_notes": "ស្នាមជាំលើដៃ" if khmer else "Bruised arms, needs an X-ray of the left wrist",
        "safety_notes": "ជនជួញដូរនៅតែរត់គេចខ្លួន" if khmer else "Recruiter still at large",
        "items": [
            {
                "kind": "passport",
                "description": "Passport E12345678 of the People's Republic of China, issued in Fujian, "
                "held by the compound's management for seven months",
                "quantity": 1,
            },
            {"kind": "phone", "description": "ទូរស័ព្ទដៃពណ៌ខ្មៅ" if khmer else "Phone, black", "quantity": 1},
        ],
        "person": {
            "temp_id": "SHV-K7-00042",
            "name": "WANG XIAOMING CHRISTOPHER ALEXANDER LONGNAME-SURNAME",
            "name_own_script": own,
            "aliases": ["Xiao Wang", "Chris", "Wang the Younger", "Lao Wang"],
            "sex": "male",
            "age": 31,
            "nationality": "CHN",
            "languages": [language, "en"],
            "document_status": "confiscated",
        },
        "screening": {
            "id": "0193abcd-ef01-7000-8000-000000000042",
            "outcome": "PRESUMED_VICTIM",
            "date": "2026-12-07",
            "red_flags": [{"en": en, "km": km} for en, km in RED_FLAGS],
        },
    }


def form(data: dict[str, Any]) -> FormData:
    return FormData("0193abcd-ef01-7000-8000-0000000000ff", 1, "final", data)  # final: no watermark


def run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8")


def normalised(text: str) -> str:
    """The text layer as comparable text: NFKC (ligatures), no spaces, no line or word breaks."""
    return re.sub(r"[\s\u200b]+", "", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def words(pdf: Path) -> list[Word]:
    root = ET.fromstring(run("pdftotext", "-bbox", str(pdf), "-"))
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    found = []
    for number, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page")):
        for w in page.findall("x:word", ns):
            box = [float(w.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax")]
            found.append(Word(number, w.text or "", *box))
    return found


def overlapping(found: list[Word]) -> Iterator[tuple[Word, Word]]:
    """Pairs of words on one page whose boxes overlap. A word's box is its font's whole line height, and
    Khmer fonts declare taller lines than the line spacing they are set in: lines of one paragraph may
    share a fifth of their height without any ink touching (a cut or overflowing text overlaps more)."""
    ordered = sorted(found, key=lambda w: (w.page, w.y0))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.page != a.page or b.y0 >= a.y1:
                break
            slack = max(1.0, 0.2 * min(a.y1 - a.y0, b.y1 - b.y0))
            if min(a.x1, b.x1) - max(a.x0, b.x0) > 1.0 and min(a.y1, b.y1) - max(a.y0, b.y0) > slack:
                yield a, b


class Recording(Canvas):
    """A canvas that notes each text drawn with the font it was fitted to."""

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.drawn: list[tuple[str, QFont]] = []

    def text(self, x: float, y: float, w: float, h: float, text: str, font: QFont, **kw: Any) -> float:
        self.drawn.append((text, self.fit(w, h, text, font, wrap=kw.get("wrap", True)).font))
        return super().text(x, y, w, h, text, font, **kw)


def drawn(data: dict[str, Any]) -> list[tuple[str, QFont]]:
    canvas = Recording("layout test")
    draw_form(canvas, form(data))
    canvas.finish()
    return canvas.drawn


def margins_blank(pdf: Path, tmp_path: Path) -> list[tuple[int, str]]:
    """Pages (and side) with ink in the left or right margin, 2 mm clear of the form's edge."""
    run("pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page"))
    inked = []
    for number, path in enumerate(sorted(tmp_path.glob("page-*.png"))):
        with Image.open(path) as image:
            page = image.convert("L")
            clear = round((MARGIN - 2) / 25.4 * 60)
            sides = {
                "left": (0, 0, clear, page.height),
                "right": (page.width - clear, 0, page.width, page.height),
            }
            inked += [(number, side) for side, box in sides.items() if page.crop(box).getextrema()[0] < 200]
    return inked


# --- the checks that fail when something is cut off or drawn over something else ------------------


def test_the_check_sees_a_text_too_large_for_its_box(tmp_path: Path) -> None:
    """The detector itself: a text that cannot fit is reported (and drawn, not cut)."""
    canvas = Canvas("too large")
    canvas.new_page()
    with collect_overflows() as found:
        canvas.text(
            MARGIN, MARGIN, 20, 4, "A sentence far too long for a box this small " * 4, canvas.f.value
        )
        canvas.text(MARGIN, MARGIN + 10, 80, 6, "Fits", canvas.f.value)
    (tmp_path / "x.pdf").write_bytes(canvas.finish())
    assert [o.box for o in found] == [(MARGIN, MARGIN, 20, 4)]
    assert "farto olong" not in normalised(run("pdftotext", str(tmp_path / "x.pdf"), "-"))
    assert "Asentencefartoolongforaboxthissmall" in normalised(run("pdftotext", str(tmp_path / "x.pdf"), "-"))


@pytest.mark.parametrize("values", ["en", "km"])
@pytest.mark.parametrize("person", sorted(PEOPLE))
def test_no_text_overflows_overlaps_or_leaves_the_page(person: str, values: str, tmp_path: Path) -> None:
    data = stress_data(person, values)
    with collect_overflows() as found:
        pdf = render_handover([form(data)])
    assert found == [], [(o.text[:40], o.box, o.needed) for o in found]
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    every = words(path)
    assert len(every) > 300
    left, right = MARGIN / 25.4 * 72 - 1, (210 - MARGIN) / 25.4 * 72 + 1
    outside = [w for w in every if w.x0 < left or w.x1 > right]
    assert outside == [], outside[:5]
    pairs = list(overlapping(every))
    assert pairs == [], pairs[:5]
    assert margins_blank(path, tmp_path) == []
    if person in ("zh", "km") or values == "km":
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"form-long-{person}-{values}.pdf").write_bytes(pdf)


@pytest.mark.parametrize("values", ["en", "km"])
def test_long_values_are_printed_in_full(values: str, tmp_path: Path) -> None:
    pdf = render_handover([form(stress_data("zh", values))])
    (tmp_path / "form.pdf").write_bytes(pdf)
    text = normalised(run("pdftotext", "-raw", str(tmp_path / "form.pdf"), "-"))
    for value in (
        "WANG XIAOMING CHRISTOPHER ALEXANDER LONGNAME-SURNAME",
        LONG_EMBASSY,
        "Passport E12345678 of the People's Republic of China, issued in Fujian, held by the compound's "
        "management for seven months",
        *(en for en, _ in RED_FLAGS),
        "+855 12 345 678 / +855 97 765 4321",
        "Xiao Wang, Chris, Wang the Younger, Lao Wang",
    ):
        assert text.count(normalised(value)) == 3, value  # on each of the three copies
    if values == "en":
        assert text.count(normalised(POLICE.name_en)) == 3
        assert (
            text.count(normalised("Provincial police station, Sihanoukville, Preah Sihanouk Province")) == 3
        )


@pytest.mark.parametrize("person", ["my", "lo", "ur", "km", "zh"])
def test_own_script_names_print_bold_and_large(person: str) -> None:
    """Issue 19's weak point: Lao, Myanmar and Urdu names came out smaller and not bold."""
    own = PEOPLE[person][1]
    [font] = {f.key(): f for text, f in drawn(stress_data(person, "en")) if text == own}.values()
    assert font.bold() and font.pointSizeF() >= 9, (font.bold(), font.pointSizeF())
    [latin] = {f.key(): f for text, f in drawn(stress_data(person, "en")) if text.startswith("WANG")}.values()
    assert latin.bold() and latin.pointSizeF() >= 9


# --- names, not codes; both languages -------------------------------------------------------------


def test_countries_languages_and_agencies_by_name(tmp_path: Path) -> None:
    data = stress_data("zh", "en")
    data["receiving_name"] = SOCIAL.name_en  # an agency the app knows: printed with its Khmer name
    texts = [t for t, _ in drawn(data)]
    assert any(t.startswith("Embassy / Consulate of China / ស្ថានទូត / កុងស៊ុល ចិន") for t in texts), texts
    assert f"{POLICE.name_en} / {POLICE.name_km}" in texts
    assert f"{SOCIAL.name_en} / {SOCIAL.name_km}" in texts
    assert "Chinese, English / ចិន, អង់គ្លេស" in texts
    assert "Ly Mei (Chinese–Khmer / ចិន–ខ្មែរ)" in texts
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(render_handover([form(data)]))
    plain = run("pdftotext", "-raw", str(pdf), "-")
    assert "Consulate of CHN" not in plain and not re.search(r"\bzh\b", plain)
    assert normalised("Embassy / Consulate of China") in normalised(plain)


def test_manifest_values_in_english_and_khmer(tmp_path: Path) -> None:
    rows = [
        ManifestRow(
            "SHV-K7-00042",
            "WANG XIAOMING CHRISTOPHER ALEXANDER LONGNAME-SURNAME",
            PEOPLE["zh"][1],
            "CHN",
            "male",
            31,
            "PRESUMED_VICTIM",
            f"Embassy / Consulate of China: {LONG_EMBASSY}",
            f"ស្ថានទូត / កុងស៊ុល ចិន: {LONG_EMBASSY}",
        ),
        ManifestRow("SHV-K7-00043", "SOK SREYPOV", PEOPLE["km"][1], "KHM", "female", 16, None, "", ""),
    ]
    with collect_overflows() as found:
        pdf = render_manifest("Sihanoukville raid — Orchid Heights Resort Block 2", rows, by_body=True)
    assert found == []
    path = tmp_path / "manifest.pdf"
    path.write_bytes(pdf)
    assert list(overlapping(words(path))) == [] and margins_blank(path, tmp_path) == []
    values = rows[0].values()
    assert values[2:6] == [
        "China\nចិន",
        "Male\nប្រុស",
        "31",
        "PRESUMED victim of trafficking\n" + OUTCOMES["PRESUMED_VICTIM"][1],
    ]
    assert rows[1].values()[3] == "Female\nស្រី" and rows[1].values()[5] == "Not screened\nមិនទាន់បានពិនិត្យ"
    plain = run("pdftotext", "-raw", str(path), "-")
    assert not re.search(r"\bmale\b", plain) and "Male" in plain and "Female" in plain
    assert normalised("(not handed over yet) / (មិនទាន់បានប្រគល់)")[:21] in normalised(plain)


# --- the person's own copy -------------------------------------------------------------------------


def _copies(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of each copy (person, transferring, receiving), from the pages' footers."""
    (tmp_path / "f.pdf").write_bytes(pdf)
    pages = run("pdftotext", "-raw", str(tmp_path / "f.pdf"), "-").split("\f")
    copies = ["", "", ""]
    for page in pages:
        for n in range(3):
            if f"Copy {n + 1} of 3 · page" in page:
                copies[n] += normalised(page)
    return copies


def test_the_persons_copy_has_a_summary_in_their_language(tmp_path: Path) -> None:
    data = stress_data("zh", "en")
    person, transferring, receiving = _copies(render_handover([form(data)]), tmp_path)
    for key in ("summary.title", "summary.outcome.presumed", "consent.non_punishment", "summary.next"):
        text = shown(key, "zh-Hans")
        assert text.language == "zh-Hans" and text.draft  # a draft translation, and it says so
        assert normalised(text.text) in person and normalised(text.text) not in transferring + receiving
    assert normalised(shown("ui.draft", "zh-Hans").text) in person
    assert normalised("Draft translation: not yet checked by a native speaker.") in person
    assert normalised("中文 (简体)") in person


def test_a_language_without_texts_falls_back_to_english_and_says_so(tmp_path: Path) -> None:
    data = stress_data("zh", "en")
    data["person"]["languages"] = ["ru"]
    person, transferring, _ = _copies(render_handover([form(data)]), tmp_path)
    assert normalised(shown("summary.outcome.presumed", "en").text) in person
    assert normalised("No text in Russian yet: shown in English.") in person
    assert normalised(shown("summary.outcome.presumed", "en").text) not in transferring
    data["person"]["languages"] = []
    assert own_summary(data).notes == ("The person's language was not recorded: this summary is in English.",)


def test_the_screenings_language_and_right_to_left_scripts() -> None:
    data = stress_data("zh", "en")
    data["screening"]["language"] = "vi"  # the consent script was read in Vietnamese
    assert own_summary(data).language == "vi"
    data["person"]["languages"] = ["ur"]
    del data["screening"]["language"]
    summary = own_summary(data)
    assert summary.language == "ur" and summary.right_to_left
    data["screening"]["outcome"] = "NO_INDICATORS_FOUND"
    assert shown("consent.non_punishment", "ur").text not in own_summary(data).paragraphs
