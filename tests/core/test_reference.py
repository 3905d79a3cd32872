"""Reference data: every country and language from maintained sources, named in English and Khmer;
records keep codes, forms show names; the demo draws from here, never the reverse."""

from __future__ import annotations

import ast
from pathlib import Path

import pycountry
import pytest

from fieldapp.errors import ValidationError
from fieldapp.records.service import Records
from fieldapp.reference import cambodia, countries, languages
from fieldapp.reports.labels import nationality_name, receiving_label

ROOT = Path(__file__).resolve().parents[2]


def _khmer(text: str) -> bool:
    return any("\u1780" <= ch <= "\u17ff" for ch in text)


def test_every_iso_country_with_english_and_khmer_names() -> None:
    found = countries.countries()
    assert {c.iso3 for c in found} == {c.alpha_3 for c in pycountry.countries}
    assert countries.country_name("MNG") == "Mongolia" and countries.country_name("CHN", "km") == "ចិន"
    assert countries.country_name("VNM", "vi") == "Việt Nam" and countries.country_name("THA", "th") == "ไทย"
    assert sum(_khmer(c.name_km) for c in found) > 240  # CLDR names nearly every territory in Khmer


def test_search_by_english_or_khmer_name_or_code() -> None:
    assert countries.search("China")[0].iso3 == "CHN"
    assert countries.search("ចិន")[0].iso3 == "CHN"
    assert countries.search("mng")[0].iso3 == "MNG"
    assert countries.search("cote")[0].iso3 == "CIV"  # accents do not matter
    assert countries.resolve("Mongolia").iso3 == "MNG"
    with pytest.raises(ValidationError, match="not a country"):
        countries.resolve("Atlantis")


def test_languages_by_code_with_names() -> None:
    assert languages.language_names(["zh", "en"]) == "Chinese, English"
    assert languages.language_name("km", "km") == "ខ្មែរ"
    assert languages.is_language("rhg") and not languages.is_language("xx")  # ISO 639-3 too
    assert len(languages.languages()) >= 180


def test_provinces_are_cambodias_iso_subdivisions() -> None:
    codes = {s.code for s in pycountry.subdivisions.get(country_code="KH")}
    assert {p.iso_3166_2 for p in cambodia.PROVINCES} == codes
    assert all(_khmer(p.name_km) for p in cambodia.PROVINCES)
    assert cambodia.province("Preah Sihanouk") is cambodia.province("KH-18") is cambodia.province("ព្រះសីហនុ")


def test_records_accept_only_real_country_and_language_codes(records: Records) -> None:
    """`fields.country` took any three letters ("vie" was stored as a country)."""
    op = records.create_operation(name="Raid").id
    for bad in ("vie", "XXX", "China"):
        with pytest.raises(ValidationError, match="not a country code"):
            records.register_person(op, name="A", nationality=bad)
    with pytest.raises(ValidationError, match="not a language code"):
        records.register_person(op, name="A", languages=["vietnamese"])
    person = records.register_person(op, name="A", nationality="mng", languages=["ZH", "en"])
    fields = records.person_fields(person.id)
    assert fields["nationality"] == "MNG" and fields["languages"] == ["zh", "en"]


def test_printed_forms_show_names_for_any_country() -> None:
    assert nationality_name("MNG") == ("Mongolia (MNG)", "ម៉ុងហ្គោលី")
    assert receiving_label("embassy", "CHN") == ("Embassy / Consulate of China", "ស្ថានទូត / កុងស៊ុល ចិន")


def test_the_core_never_takes_reference_data_from_the_demo() -> None:
    for path in (ROOT / "fieldapp").rglob("*.py"):
        if "demo" in path.parts or path.parent.name == "cli":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("fieldapp.demo"), path
    for path in (ROOT / "ui").rglob("*.py"):
        text = path.read_text("utf-8")
        assert "fieldapp.demo.names" not in text, path
