"""What the linkage model compares (fieldapp/hq/linkage.py): one row of plain values per person.

Names come from fieldapp/names.py: every name a person has (passport, own script, aliases) is
transliterated to ASCII and tokenised, and each comparison level asks whether *any* name of one person
meets *any* name of the other in a given way, so a record written in the own script only meets one
written from the passport. Four keys per name, from strict to loose:

* ``name_sets``: the sorted set of tokens ("nguyen van an" meets "Nguyen An Van");
* ``name_letters``: the letters sorted ("zhang xiuying" meets "ZHNAG XUIYING", "Xiu Ying" meets "Xiuying");
* ``name_consonants``: the consonants sorted, which is how abugidas and abjads come out of
  transliteration ("สมชาย" is "smcai", the passport says "Somchai"; "عمران" is "mrn", "Imran");
* ``name_main``: the first name's tokens, for a Jaro-Winkler similarity.

``name_tf`` is the first name within its nationality and sex: how common a name is, the term frequency
that weighs a same name, is counted within the person's nationality and sex (``term_frequencies``), so
"Wang Wei" among Chinese men counts as common and a same nationality is not counted twice.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from fieldapp.hq.dedupe_persons import Person
from fieldapp.names import Name

PLACEHOLDER = 12  # a document number or photo on more records than this is a placeholder ("UNKNOWN")
MIN_DOC = 5  # shorter "document numbers" are placeholders, not evidence
_VOWELS = frozenset("aeiouy")
KNOWN_SEX = ("male", "female")


def _letters(name: Name) -> str:
    return "".join(sorted("".join(name.tokens)))


def _consonants(name: Name) -> str:
    joined = "".join(name.tokens)
    return "".join(sorted(c for c in joined if c not in _VOWELS)) or joined


def _own_script(names: Iterable[Name]) -> str | None:
    """The first name not in Latin letters, as written (spaces dropped, case folded)."""
    for name in names:
        if name.script != "Latin":
            return unicodedata.normalize("NFC", "".join(name.raw.split())).casefold()
    return None


def placeholders(persons: list[Person]) -> tuple[set[str], set[str]]:
    """Document numbers and photos that too many records share: placeholders, not evidence."""
    docs = Counter(p.document for p in persons if p.document)
    shas = Counter(sha for p in persons for sha in p.photos)
    return {d for d, n in docs.items() if n > PLACEHOLDER}, {s for s, n in shas.items() if n > PLACEHOLDER}


def _years(day: str) -> float | None:
    """A date as a decimal year (2000-07-02 is 2000.5), or None when it is not a date."""
    try:
        parsed = date.fromisoformat(day[:10])
    except ValueError:
        return None
    return parsed.year + (parsed.timetuple().tm_yday - 1) / 365.25


def birth_range(p: Person) -> tuple[float | None, float | None]:
    """When the person was born, in decimal years: the date of birth, or what an age allows. An age of 30
    recorded on 2026-03-15 means born between 1995-03-16 and 1996-03-15: a birth year from an age is a
    year wide by itself (the same person's date of birth and age give birth years one apart half the
    time); an age marked uncertain is taken as a year either way."""
    born = _years(p.dob) if p.dob else None
    if born is not None:
        return born, born
    recorded = _years(p.created_at) if p.age is not None else None
    if recorded is None or p.age is None:
        return None, None
    slack = 1.0 if p.age_uncertain else 0.0
    return recorded - p.age - 1 - slack, recorded - p.age + slack


def rows(persons: list[Person], operation_dates: Mapping[str, str]) -> list[dict[str, Any]]:
    """One row per person, ``unique_id`` being the person's index in ``persons``."""
    bad_docs, bad_shas = placeholders(persons)
    out: list[dict[str, Any]] = []
    for index, p in enumerate(persons):
        names = p.names
        main = names[0] if names else None
        sex = p.sex if p.sex in KNOWN_SEX else None
        photos = [sha for sha in p.photos if sha not in bad_shas]
        document = p.document if len(p.document) >= MIN_DOC and p.document not in bad_docs else None
        lo, hi = birth_range(p)
        out.append(
            {
                "unique_id": index,
                "name_sets": sorted({n.key for n in names}) or None,
                "name_letters": sorted({_letters(n) for n in names}) or None,
                "name_consonants": sorted({_consonants(n) for n in names}) or None,
                "name_main": " ".join(sorted(main.tokens)) if main else None,
                "name_tf": f"{p.nationality}|{sex or ''}|{main.key}" if main else None,
                "own_name": _own_script(names),
                "birth_year": p.birth_year,
                "birth_lo": lo,
                "birth_hi": hi,
                "dob": p.dob or None,
                "sex": sex,
                "nationality": p.nationality or None,
                "document": document,
                "photos": photos or None,
                "photo_anchor": photos[0] if photos else None,
                # The anchors again, only where a date of birth is recorded (see linkage.estimate).
                "document_dated": document if p.dob else None,
                "photo_dated": photos[0] if photos and p.dob else None,
                "operation_id": p.operation_id,
                "operation_date": operation_dates.get(p.operation_id) or p.created_at[:10] or None,
                "device_id": p.device_id,
            }
        )
    return out


TYPICAL_NAME_SHARE = 0.002  # how many of a nationality and sex share a name, before HQ has seen many
NAME_SHARE_PRIOR = 1000.0  # ... weighed as this many persons


def term_frequencies(table: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """How common each first name is within its nationality and sex (``name_tf`` → ``tf_name_tf``).

    Splink counts a value's frequency over the whole table; a name's frequency among all persons would
    count a same nationality twice (every "Wang Wei" is Chinese), so the name is weighed within its
    group and the nationality and sex comparisons carry the rest (P(name, nationality) =
    P(nationality) · P(name | nationality)). The share is of the *other* persons of the group (the
    person themself does not make their name common), blended with a typical share so that a store of
    a few dozen persons does not call every name common."""
    names = Counter(r["name_tf"] for r in table if r["name_tf"])
    groups = Counter(key.rsplit("|", 1)[0] for key in names.elements())
    return [
        {
            "name_tf": key,
            "tf_name_tf": (n - 1 + NAME_SHARE_PRIOR * TYPICAL_NAME_SHARE)
            / (groups[key.rsplit("|", 1)[0]] - 1 + NAME_SHARE_PRIOR),
        }
        for key, n in names.items()
    ]
