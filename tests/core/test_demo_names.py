from __future__ import annotations

import random
import re
import unicodedata

import pytest

from fieldapp.demo.names import (
    AGENCIES,
    MINOR_RATE,
    NATIONALITIES,
    PROVINCES_KH,
    REAL_COMPOUND_NAMES_BLOCKLIST,
    Nationality,
    nationality_by_iso3,
    sample_compound_name,
    sample_person,
)

SCRIPT_PREFIXES: dict[str, str] = {
    "Hans": "CJK UNIFIED",
    "Hant": "CJK UNIFIED",
    "Thai": "THAI",
    "Mymr": "MYANMAR",
    "Deva": "DEVANAGARI",
    "Beng": "BENGALI",
    "Arab": "ARABIC",
    "Laoo": "LAO",
    "Sinh": "SINHALA",
    "Ethi": "ETHIOPIC",
    "Hang": "HANGUL",
    "Khmr": "KHMER",
    "Latn": "LATIN",
}

NAT_IDS = [n.iso3 for n in NATIONALITIES]


def _letters(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c).startswith("L")]


def _in_script(text: str, script: str) -> bool:
    letters = _letters(text)
    prefix = SCRIPT_PREFIXES[script]
    return bool(letters) and all(unicodedata.name(c, "").startswith(prefix) for c in letters)


def test_at_least_15_nationalities_with_unique_codes() -> None:
    assert len(NATIONALITIES) >= 15
    codes = [n.iso3 for n in NATIONALITIES]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    for required in (
        "CHN",
        "VNM",
        "IDN",
        "THA",
        "MYS",
        "MMR",
        "IND",
        "BGD",
        "PAK",
        "PHL",
        "KOR",
        "TWN",
        "KHM",
    ):
        assert nationality_by_iso3(required).iso3 == required


def test_weights_positive_and_mix_plausible() -> None:
    assert all(n.weight > 0 for n in NATIONALITIES)
    top = sorted(NATIONALITIES, key=lambda n: n.weight, reverse=True)
    assert [n.iso3 for n in top[:2]] == ["CHN", "VNM"]


@pytest.mark.parametrize("nat", NATIONALITIES, ids=NAT_IDS)
def test_metadata(nat: Nationality) -> None:
    assert nat.script in SCRIPT_PREFIXES
    assert re.fullmatch(r"[a-z]{2,3}", nat.language)
    assert _in_script(nat.name_km, "Khmr")
    assert 0.0 < nat.female_share < 1.0
    assert 0.0 <= nat.single_name_rate <= 1.0
    assert nat.passport_formats


@pytest.mark.parametrize("nat", NATIONALITIES, ids=NAT_IDS)
def test_pools_cover_both_sexes(nat: Nationality) -> None:
    for sex in ("male", "female"):
        assert len(nat.given_pool(sex)) >= 8, (nat.iso3, sex)
        if nat.single_name_rate < 1.0:
            assert nat.family_pool(sex), (nat.iso3, sex)
    if nat.single_name_rate < 1.0:
        assert len(nat.family_names) >= 8
    else:
        assert nat.family_names == ()  # e.g. Myanmar: no family names at all


@pytest.mark.parametrize("nat", NATIONALITIES, ids=NAT_IDS)
def test_own_script_and_latin_forms(nat: Nationality) -> None:
    entries = [(g.latin, g.own) for g in nat.given_names] + [(f.latin, f.own) for f in nat.family_names]
    for latin, own in entries:
        assert _in_script(own, nat.script), (nat.iso3, latin, own)
        assert latin.isascii() and _in_script(latin, "Latn"), (nat.iso3, latin)
    assert len({g.latin for g in nat.given_names}) == len(nat.given_names)


def test_sample_person_is_deterministic_per_seed() -> None:
    a = [sample_person(random.Random(42)) for _ in range(3)]
    assert a[0] == a[1] == a[2]
    rng1, rng2 = random.Random(7), random.Random(7)
    assert [sample_person(rng1) for _ in range(200)] == [sample_person(rng2) for _ in range(200)]
    rng8 = random.Random(8)
    assert [sample_person(random.Random(7)) for _ in range(1)] + [sample_person(rng1) for _ in range(20)] != [
        sample_person(rng8) for _ in range(21)
    ]


def test_sample_person_rates_and_invariants() -> None:
    rng = random.Random(12345)
    people = [sample_person(rng) for _ in range(5000)]
    minors = sum(p.age < 18 for p in people)
    assert 0.03 < minors / len(people) < 0.10, minors
    assert MINOR_RATE == pytest.approx(0.06)
    missing = sum(p.passport_number is None for p in people)
    assert 0.33 < missing / len(people) < 0.47
    assert 0.02 < sum(p.age_uncertain for p in people) / len(people) < 0.5
    assert 0.10 < sum(p.sex == "female" for p in people) / len(people) < 0.35
    seen = {p.nationality.iso3 for p in people}
    assert len(seen) >= 15
    assert sum(p.nationality.iso3 == "CHN" for p in people) > sum(p.nationality.iso3 == "THA" for p in people)

    for p in people:
        nat = p.nationality
        assert 15 <= p.age <= 55
        assert p.sex in ("male", "female")
        assert p.languages[0] == nat.language
        assert len(set(p.languages)) == len(p.languages)
        assert p.passport_number is None or re.fullmatch(r"[A-Z0-9]{8,9}", p.passport_number)
        assert any(
            g.latin == p.given_latin and g.own == p.given_own and g.sex == p.sex for g in nat.given_names
        )
        assert _in_script(p.display_own, nat.script)
        assert p.display_latin.isascii()
        if not p.family_latin:
            assert p.display_latin == p.given_latin
        elif nat.family_first:
            assert p.display_latin == f"{p.family_latin} {p.given_latin}"
            assert p.display_own == f"{p.family_own}{nat.own_separator}{p.given_own}"
        else:
            assert p.display_latin.startswith(p.given_latin + " ")
            assert p.display_latin.endswith(" " + p.family_latin)


def test_naming_conventions() -> None:
    rng = random.Random(99)
    people = [sample_person(rng) for _ in range(5000)]
    idn = [p for p in people if p.nationality.iso3 == "IDN"]
    assert any(p.family_latin == "" for p in idn) and any(p.family_latin for p in idn)
    assert all(p.family_latin == "" for p in people if p.nationality.iso3 == "MMR")
    mys = [p for p in people if p.nationality.iso3 == "MYS"]
    assert mys
    for p in mys:
        assert (" bin " in p.display_latin) == (p.sex == "male")
        assert (" binti " in p.display_latin) == (p.sex == "female")
    chn = next(p for p in people if p.nationality.iso3 == "CHN")
    assert " " not in chn.display_own and chn.display_own == chn.family_own + chn.given_own
    khm = next(p for p in people if p.nationality.iso3 == "KHM")
    assert khm.display_own == f"{khm.family_own} {khm.given_own}"


def test_passport_formats_per_country() -> None:
    rng = random.Random(3)
    people = [sample_person(rng) for _ in range(3000)]
    patterns = {
        "CHN": r"E[A-Z0-9]\d{7}",
        "MYS": r"[AHK]\d{8}",
        "PHL": r"P\d{7}[A-Z]",
        "KOR": r"M\d{3}[A-Z]\d{4}",
        "TWN": r"\d{9}",
        "THA": r"[A-Z]{2}\d{7}",
    }
    for p in people:
        pat = patterns.get(p.nationality.iso3)
        if pat and p.passport_number:
            assert re.fullmatch(pat, p.passport_number), (p.nationality.iso3, p.passport_number)


def test_provinces() -> None:
    names = {p.name_en for p in PROVINCES_KH}
    assert sum(1 for p in PROVINCES_KH if len(p.districts) >= 2) >= 9  # where raids have been
    for required in (
        "Preah Sihanouk",
        "Phnom Penh",
        "Koh Kong",
        "Pursat",
        "Banteay Meanchey",
        "Svay Rieng",
        "Kampot",
        "Takeo",
        "Oddar Meanchey",
    ):
        assert required in names
    for prov in PROVINCES_KH:
        assert re.fullmatch(r"KH-\d{1,2}", prov.iso_3166_2)
        assert _in_script(prov.name_km, "Khmr")
        for d in prov.districts:
            assert d.name_en.isascii() and _in_script(d.name_km, "Khmr")


def test_agencies() -> None:
    codes = [a.code for a in AGENCIES]
    assert len(set(codes)) == len(codes)
    kinds = {a.kind for a in AGENCIES}
    assert {"police", "immigration", "social_affairs", "international", "ngo", "embassy"} <= kinds
    for a in AGENCIES:
        assert a.name_en.isascii()
        assert _in_script(a.name_km, "Khmr"), a.code
        if a.kind == "embassy":
            assert nationality_by_iso3(a.country_iso3).name_km in a.name_km


def test_compound_names_are_fictional_and_deterministic() -> None:
    rng = random.Random(5)
    names = [sample_compound_name(rng) for _ in range(500)]
    again = random.Random(5)
    assert names == [sample_compound_name(again) for _ in range(500)]
    assert len(set(names)) > 100
    for name in names:
        assert re.fullmatch(r"[A-Za-z ]+ (Building [A-H]|Block \d{1,2})", name), name
        assert not any(bad in name.lower() for bad in REAL_COMPOUND_NAMES_BLOCKLIST)
