"""A realistic population of rescued workers for the HQ dedupe bench (tests/bench/hq.py).

The demo's name pools (fieldapp/demo/names.json) hold about ten given and ten family names per
nationality: right for a demo, wrong for measuring a duplicate search, where two different persons then
share a full name far more often than anywhere in the world ("Wang Wei" was some 150 of 100,000).
Here names are drawn from name lists of realistic size, at realistic frequencies:

* Sources: Faker's person providers (a maintained library; per-locale lists of names in their own
  script, a few with frequencies, used as given: zh_CN's, zh_TW's and ko_KR's surnames, zh_TW's and
  ko_KR's given names, en_KE's names), the demo's curated pools (passport spelling beside the own
  script) merged in, and for Vietnam the surname shares Wikipedia's "Vietnamese name" gives after Lê
  Trung Hoa (Nguyễn 38.4%, Trần 12.1%, Lê 9.5%, ... Lý 0.5%; the six after it are estimates), with
  middle names ("Văn" for about half the men, "Thị" for half the women) and given names from common
  usage: estimates, not survey figures.
* Frequencies: where a list carries none, names are drawn with Zipf-Mandelbrot weights (1 / (rank +
  10): name counts follow a power law in most countries) over the list in a seeded random order, so no
  list's alphabetical order makes "A" names common.
* Chinese and Korean given names are composed from the list's characters or syllables (one or two;
  most are two since the 1980s), as they are in life: thousands of given names, not fifty.
* Latin spelling: the demo's curated passport spelling where the name comes from there, else the name
  transliterated (anyascii) and capitalised per word, which for Korean gives "Gim" where a passport says
  "Kim" (the search meets both through the own script).
* Nationalities Faker has no list for (Malaysia, Myanmar, Laos, Ethiopia, Cambodia, the Philippines)
  keep the demo's pools, with a second given name more often; they are 12% of the persons and the
  bench's "indistinguishable" count shows what their small pools cost.

Ages follow the demo (fieldapp/demo/names.py: 6% minors, most 18-40 around 24). A person with a passport
has its date of birth recorded; without one (40%: confiscated by the compound), most people say their
date of birth (``SELF_REPORTED_DOB``, an assumption the bench states), some a wrong day of the right year,
and the rest an age, often marked uncertain.
"""

from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from anyascii import anyascii

from fieldapp.demo.names import NATIONALITIES, Nationality, sample_person

# iso3 → Faker locale with given and family names in the own script (or Latin for Latin-script ones).
FAKER_LOCALE = {
    "CHN": "zh_CN",
    "TWN": "zh_TW",
    "VNM": "vi_VN",
    "THA": "th_TH",
    "KOR": "ko_KR",
    "IDN": "id_ID",
    "IND": "hi_IN",
    "BGD": "bn_BD",
    "NPL": "ne_NP",
    "LKA": "si_LK",
    "KEN": "en_KE",
    "PAK": "en_PK",
}
COMPOSED = {"CHN", "KOR"}  # given names composed of one or two characters (Chinese) or syllables (Korean)
TWO_PART_GIVEN = {"CHN": 0.75, "KOR": 0.97}  # composed given names of two parts (the rest: one)
ZIPF_OFFSET = 10  # Zipf-Mandelbrot: weight 1 / (rank + 10), so a list of 500 names has a head of 2%, not 15%
# Vietnamese: (own, share) of surnames and of middle names by sex.
VNM_SURNAMES = (
    ("Nguyễn", 38.4),
    ("Trần", 12.1),
    ("Lê", 9.5),
    ("Phạm", 7.0),
    ("Hoàng", 5.1),
    ("Phan", 4.5),
    ("Vũ", 3.9),
    ("Đặng", 2.1),
    ("Bùi", 2.0),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1.0),
    ("Lý", 0.5),
    ("Đinh", 0.5),
    ("Trương", 0.5),
    ("Mai", 0.4),
    ("Trịnh", 0.4),
    ("Đào", 0.4),
    ("Lâm", 0.3),
)
VNM_MIDDLE = {
    "male": (
        ("Văn", 45.0),
        ("Đức", 8.0),
        ("Minh", 8.0),
        ("Quang", 6.0),
        ("Hữu", 6.0),
        ("Thanh", 5.0),
        ("Xuân", 4.0),
        ("Công", 4.0),
        ("Tuấn", 3.0),
        ("Hoàng", 3.0),
        ("Thế", 3.0),
        ("Ngọc", 2.0),
    ),
    "female": (
        ("Thị", 50.0),
        ("Ngọc", 8.0),
        ("Thu", 6.0),
        ("Thanh", 6.0),
        ("Minh", 4.0),
        ("Kim", 4.0),
        ("Hồng", 4.0),
        ("Mai", 3.0),
        ("Bảo", 3.0),
        ("Phương", 3.0),
        ("Diệu", 2.0),
    ),
}
VNM_GIVEN = {
    "male": "An Anh Bảo Bình Cường Chiến Công Đạt Định Đông Dũng Dương Duy Giang Hải Hào Hiếu Hiển Hòa Hoàng "
    "Hùng Hưng Huy Khánh Khang Khoa Kiên Lâm Linh Lộc Long Lực Mạnh Minh Nam Nghĩa Nhân Phát Phong Phúc "
    "Phương Quân Quang Quốc Sơn Tài Tâm Tân Thắng Thành Thịnh Thông Tiến Toàn Trí Trung Tú Tuấn Tùng Việt "
    "Vinh Vũ Hậu Đức Hiệp Sang Thái Triều Nguyên Hiếu Lợi Tuyên Khải Luân Hoan Thuận Trường".split(),
    "female": "Anh Ánh Châu Chi Dung Duyên Giang Hà Hằng Hạnh Hiền Hoa Hồng Huệ Hương Huyền Lan Liên Linh Loan "
    "Mai My Nga Ngân Ngọc Nhung Oanh Phương Quyên Quỳnh Tâm Thảo Thanh Thu Thủy Trang Trinh Tuyết Uyên Vân "
    "Vy Xuân Yến Hậu Lý Nhi Thư Hạ Diệp Khánh Hiên Lụa Nhàn Thơm Nhài Tươi Xoan".split(),
}  # common Vietnamese given names (from usage, unweighted), beside Faker's twenty
# Without a passport, a person gives a date of birth this often (the rest, an age); assumed, not measured:
# the bench prints recall with and without self-reported dates (--self-reported-dob).
SELF_REPORTED_DOB = 0.6
MISREMEMBERED_DOB = 0.15  # a self-reported date that is another day of the same year
DEMO_SECOND_GIVEN = 0.5  # nationalities on the demo's pools: share with a second given name (all where
# nobody has a family name: Burmese names are strings of syllables)


@dataclass(frozen=True)
class Part:
    latin: str
    own: str


class Pool:
    """Names with frequencies, drawn by bisecting the cumulative weights (fast at a million draws)."""

    def __init__(self, items: list[tuple[Part, float]]):
        merged: dict[str, tuple[Part, float]] = {}
        for part, weight in items:
            if part.own and part.own not in merged:
                merged[part.own] = (part, weight)
        self.parts = [part for part, _ in merged.values()]
        self.cumulative = list(itertools.accumulate(w for _, w in merged.values()))

    def __len__(self) -> int:
        return len(self.parts)

    def draw(self, rng: random.Random) -> Part:
        return self.parts[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def _latin(own: str) -> str:
    return " ".join(word.capitalize() for word in anyascii(own).split())


def _zipf(texts: list[str], seed: str, curated: dict[str, str]) -> list[tuple[Part, float]]:
    order = sorted(set(texts))
    random.Random(seed).shuffle(order)
    return [
        (Part(curated.get(own) or _latin(own), own), 1.0 / (rank + ZIPF_OFFSET))
        for rank, own in enumerate(order, 1)
    ]


def _weighted(table: Any) -> list[str] | dict[str, float]:
    return dict(table) if isinstance(table, dict) else list(table)


def _faker_names(locale: str, which: str) -> list[str] | dict[str, float]:
    from importlib import import_module

    provider = import_module(f"faker.providers.person.{locale}").Provider
    table = getattr(provider, which, None)
    return {} if table is None else _weighted(table)


def _to_parts(
    names: list[str] | dict[str, float], seed: str, curated: dict[str, str]
) -> list[tuple[Part, float]]:
    if isinstance(names, dict) and len(set(names.values())) > 1:  # published frequencies
        return [(Part(curated.get(own) or _latin(own), own), float(w)) for own, w in names.items()]
    return _zipf(list(names), seed, curated)


@cache
def pools(iso3: str, sex: str) -> tuple[Pool, Pool, Pool | None]:
    """(given names, family names, Vietnamese middle names) of one nationality and sex."""
    nat = next(n for n in NATIONALITIES if n.iso3 == iso3)
    curated_given = {g.own: g.latin for g in nat.given_pool(sex)}  # type: ignore[arg-type]
    curated_family = {f.own: f.latin for f in nat.family_pool(sex)}  # type: ignore[arg-type]
    locale = FAKER_LOCALE.get(iso3)
    given_names: list[str] | dict[str, float] = list(curated_given)
    family_names: list[str] | dict[str, float] = list(curated_family)
    if locale:
        faker_given = _faker_names(locale, f"first_names_{sex}") or _faker_names(locale, "first_names")
        given_names = faker_given if isinstance(faker_given, dict) else [*faker_given, *curated_given]
        family = _faker_names(locale, f"last_names_{sex}") or _faker_names(locale, "last_names")
        family_names = family if isinstance(family, dict) else [*family, *curated_family]
    if iso3 in COMPOSED:  # the characters or syllables of the listed given names
        given_names = [char for own in given_names for char in own]
    if iso3 == "VNM":
        family_names = dict(VNM_SURNAMES)
        given_names = [*VNM_GIVEN[sex], *(own.split()[-1] for own in given_names)]
    given = Pool(_to_parts(given_names, f"{iso3} {sex} given", curated_given))
    family = Pool(_to_parts(family_names, f"{iso3} family", curated_family)) if family_names else Pool([])
    middle = Pool([(Part(_latin(own), own), w) for own, w in VNM_MIDDLE[sex]]) if iso3 == "VNM" else None
    return given, family, middle


def _given(rng: random.Random, nat: Nationality, pool: Pool) -> Part:
    first = pool.draw(rng)
    if nat.iso3 in COMPOSED:
        if rng.random() >= TWO_PART_GIVEN[nat.iso3]:
            return first
        second = pool.draw(rng)
        own = first.own + second.own
        return Part(_latin(own).replace(" ", "").capitalize(), own)
    if not FAKER_LOCALE.get(nat.iso3) and (nat.single_name_rate >= 1 or rng.random() < DEMO_SECOND_GIVEN):
        second = pool.draw(rng)
        if second.own != first.own:
            return Part(f"{first.latin} {second.latin}", f"{first.own}{nat.own_separator}{second.own}")
    return first


def full_name(rng: random.Random, nat: Nationality, sex: str) -> tuple[str, str]:
    """(Latin as in a passport, own script) in the nationality's order."""
    given_pool, family_pool, middle_pool = pools(nat.iso3, sex)
    given = _given(rng, nat, given_pool)
    if not len(family_pool) or rng.random() < nat.single_name_rate:
        return given.latin, given.own
    family = family_pool.draw(rng)
    sep = nat.own_separator
    if middle_pool is not None:
        middle = middle_pool.draw(rng)
        return f"{family.latin} {middle.latin} {given.latin}", f"{family.own} {middle.own} {given.own}"
    if nat.family_first:
        return f"{family.latin} {given.latin}", f"{family.own}{sep}{given.own}"
    connector = ""
    if nat.patronymic is not None:
        connector = nat.patronymic[0] if sex == "male" else nat.patronymic[1]
    latin = " ".join(p for p in (given.latin, connector, family.latin) if p)
    own = sep.join(p for p in (given.own, connector, family.own) if p)
    return latin, own


def person(
    rng: random.Random, registered: date, self_reported_dob: float = SELF_REPORTED_DOB
) -> dict[str, Any]:
    """One person as a team records them (the fields of a person's data). ``_born`` is their true date of
    birth (the bench's, never written)."""
    demo = sample_person(rng)  # age, sex, passport number and their shares as the demo draws them
    nat = demo.nationality
    latin, own = full_name(rng, nat, demo.sex)
    born = registered - timedelta(days=365 * demo.age + rng.randrange(365))
    data: dict[str, Any] = {
        "name": latin,
        "name_own_script": own if own != latin else "",
        "nationality": nat.iso3,
        "sex": demo.sex,
        "age": demo.age,
        "age_uncertain": demo.age_uncertain,
        "document_no": demo.passport_number or "",
        "_born": born,
    }
    if demo.passport_number or rng.random() < self_reported_dob:
        data.update(recorded_birth(rng, born, registered, from_passport=bool(demo.passport_number)))
    return data


def recorded_birth(
    rng: random.Random, born: date, registered: date, *, from_passport: bool
) -> dict[str, Any]:
    """The date of birth as written down: the passport's, or the person's own word (which is now and
    then another day of the year: a lunar-calendar birthday, a guess)."""
    if not from_passport and rng.random() < MISREMEMBERED_DOB:
        born = date(born.year, 1 + rng.randrange(12), 1 + rng.randrange(28))
    return {"dob": born.isoformat(), "age": age_on(born, registered), "age_uncertain": False}


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
