"""Candidate pairs of the same person recorded by different teams or raids. Never merges anything.

Names are compared across scripts (fieldapp/hq/names.py: transliterated, tokenised, romanisation
variants folded), as token sets, because the same person's name is written family-name-first (Chinese,
Vietnamese, Khmer) on one form and given-name-first on another, and Indonesians often have a single name;
the persons come from fieldapp/hq/dedupe_persons.py.

Blocking keeps the search far from O(n²): two persons are compared only when they share a key: the
sorted token set of a name, the tokens joined (``Xiuying`` vs ``Xiu Ying``), the consonant skeleton,
a normalised document number, or a photo's SHA-256; a name with one token more (a middle name written
on one form only) meets the shorter name while that group is small.

The score is a sum of plain evidence weights (log-odds, each with its reason) through a logistic.
A name counts for less the more persons at HQ share it (Fellegi-Sunter's frequency weighting): a
rare name with the same age and nationality passes the default threshold of 0.6; a name shared by a
dozen persons or more needs more (a date of birth, a document number, a photo); a different age,
nationality or sex pulls the score well below. The same bound prunes the search: in a block of a
common name only persons with the same date of birth are paired (a shared document or photo meets
them in its own block), and a big block of a rarer name is searched as a sorted neighbourhood on
birth year (born within ``AGE_WINDOW`` years). A lower ``min_score`` lets more names count as rare
(at 0, every name: small blocks in full, big ones by the birth-year window).
"""

from __future__ import annotations

import gc
import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, combinations
from operator import attrgetter
from typing import TYPE_CHECKING

from fieldapp.errors import message
from fieldapp.hq.dedupe_persons import Person, load_persons
from fieldapp.hq.names import (
    Name,
    name_keys,
    name_similarity,
)
from fieldapp.work import Progress, ShouldCancel, stop_if_asked, tell

SEARCH_CANCELLED = message("hq.search_cancelled", "The duplicate search was cancelled.")

if TYPE_CHECKING:
    from fieldapp.hq.store import HqStore

BIG_BLOCK = 64
AGE_WINDOW = 2
MIN_DOC = 5  # shorter "document numbers" are placeholders, not evidence
PLACEHOLDER = 12  # a document number or photo on more records than this is a placeholder ("UNKNOWN")
PRIOR = -4.0


@dataclass(frozen=True)
class Candidate:
    person_a: str  # the older record
    person_b: str
    score: float  # 0..1
    reasons: list[str]


# --- blocking --------------------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def _name_keys(names: tuple[Name, ...]) -> frozenset[str]:
    return frozenset(key for name in names for key in name_keys(name))


Members = tuple[int, ...]  # indexes into the persons list, in order


def _index(persons: list[Person]) -> dict[str, Members]:
    """Who has each key: every name key, and the document and photo keys two or more persons share.

    Kept lean: tuples of ints (small, and not tracked by the garbage collector), and no entry for the
    ~90,000 documents and photos only one person has."""
    # Names repeat a lot (10,000 distinct among 100,000 persons): persons with the same (cached, so
    # the same object) names tuple are grouped first, and each group's keys are made once.
    groups: dict[int, tuple[tuple[Name, ...], list[int]]] = {}
    first: dict[str, int] = {}  # document or photo key → the first person with it
    more: dict[str, list[int]] = {}  # ... → the persons after the first
    for index, person in enumerate(persons):
        names = person.names
        group = groups.get(id(names))
        if group is None:
            group = groups[id(names)] = (names, [])
        group[1].append(index)
        if (
            len(person.document) >= MIN_DOC
            and first.setdefault(key := "d:" + person.document, index) != index
        ):
            more.setdefault(key, []).append(index)
        for sha in person.photos:
            if first.setdefault(key := "p:" + sha, index) != index:
                more.setdefault(key, []).append(index)
    found: dict[str, Members] = {key: (first[key], *later) for key, later in more.items()}
    by_key: dict[str, list[Members]] = defaultdict(list)
    for names, members in groups.values():
        group_members = tuple(members)
        for key in _name_keys(names):
            by_key[key].append(group_members)
    for key, lists in by_key.items():
        # Each group is in order: sorting their concatenation merges sorted runs (cheap).
        found[key] = lists[0] if len(lists) == 1 else tuple(sorted(chain.from_iterable(lists)))
    return found


def blocks(persons: list[Person], found: dict[str, Members] | None = None) -> dict[str, Members]:
    """Members of each block of two or more, in the persons' order (one-token-less "o:" keys aside)."""
    found = _index(persons) if found is None else found
    return {key: members for key, members in found.items() if len(members) > 1 and not key.startswith("o:")}


def _one_token_less(found: dict[str, Members], common: float = math.inf) -> Iterator[tuple[int, int]]:
    """A name with one token left out meets the names that are exactly those tokens (a middle name
    written on one form only), while the shorter name is not common and the group stays small:
    "Nguyen Van" alone says little."""
    for key, longer in found.items():
        if key.startswith("o:"):
            shorter = found.get("s:" + key[2:], ())
            if shorter and len(shorter) <= common and len(shorter) + len(longer) <= BIG_BLOCK:
                for i in longer:
                    for j in shorter:
                        yield (i, j) if i < j else (j, i)


def _same_photo(a: Person, b: Person) -> bool:
    return any(sha in b.photos for sha in a.photos)  # a person has a photo or two: no sets needed


def _sex_differs(a: Person, b: Person) -> bool:
    known = ("male", "female")
    return a.sex in known and b.sex in known and a.sex != b.sex


def block_pairs(
    key: str, members: Members, persons: list[Person], common: float = math.inf
) -> Iterator[tuple[int, int]]:
    """The pairs of one block worth scoring.

    A document or photo block: every pair. A name block: every pair while the name is not common
    (at most ``common`` persons share the key); a big block of a name that is not common enough to rule
    out, a sorted neighbourhood on birth year (persons born within ``AGE_WINDOW`` years); a common
    name, only pairs with the same date of birth: name, age and nationality alone cannot reach the
    threshold then, and a shared document or photo meets the two in its own block."""
    if not key.startswith(("s:", "j:", "k:")) or len(members) <= min(common, BIG_BLOCK):
        yield from combinations(members, 2)
    elif len(members) <= common:
        dated = sorted((year, i) for i in members if (year := persons[i].birth_year) is not None)
        for n, (year, i) in enumerate(dated):
            for other_year, j in dated[n + 1 :]:
                if other_year - year > AGE_WINDOW:
                    break
                if not _sex_differs(persons[i], persons[j]):
                    yield (i, j) if i < j else (j, i)
        undated = [i for i in members if persons[i].birth_year is None]
        if len(undated) <= BIG_BLOCK:  # few without an age: compare them with the whole block
            for i in undated:
                for j in members:
                    if i != j:
                        yield (i, j) if i < j else (j, i)
    else:
        by_dob: dict[str, list[int]] = defaultdict(list)
        for i in members:
            if persons[i].dob:
                by_dob[persons[i].dob].append(i)
        for same in by_dob.values():
            yield from combinations(same, 2)


def _distinct_blocks(found: dict[str, Members]) -> Iterator[tuple[str, Members]]:
    """The blocks, less a name block of the very same persons as one already given. The sorted tokens,
    the tokens run together and the consonant skeleton of a name often gather the same persons, and
    ``block_pairs`` treats the three alike: their pairs would be made up to three times, then dropped."""
    given: set[Members] = set()
    for key, members in found.items():
        if key.startswith(("s:", "j:", "k:")):
            if members in given:
                continue
            given.add(members)
        yield key, members


def candidate_pairs(
    persons: list[Person], found: dict[str, Members] | None = None, common: float = math.inf
) -> Iterator[tuple[int, int]]:
    """Each pair that shares a block, once; only across devices or operations."""
    seen: set[int] = set()
    size = len(persons)
    found = _index(persons) if found is None else found
    in_blocks = (
        pair
        for key, members in _distinct_blocks(blocks(persons, found))
        for pair in block_pairs(key, members, persons, common)
    )
    for i, j in chain(in_blocks, _one_token_less(found, common)):
        code = i * size + j
        if i == j or code in seen:
            continue
        seen.add(code)
        a, b = persons[i], persons[j]
        if a.device_id == b.device_id and a.operation_id == b.operation_id:
            continue  # one team in one raid does not register a person twice by accident
        yield i, j


# --- scoring ---------------------------------------------------------------------------------

NAME_MAX = 4.0  # the weight of the same, rare name


@lru_cache(maxsize=100_000)
def _names_evidence(a: tuple[Name, ...], b: tuple[Name, ...]) -> tuple[float, str, str, str]:
    """The closest pair of names: similarity 0..1, the reason, and the two names' token-set keys."""
    best, reason, keys = 0.0, "names differ", (a[0].key, b[0].key)
    for x in a:
        for y in b:
            sim = name_similarity(x, y)
            if sim > best or (sim == best and x.script != y.script and sim > 0):
                best, reason, keys = sim, _name_reason(x, y, sim), (x.key, y.key)
    return best, reason, *keys


def _name_reason(x: Name, y: Name, sim: float) -> str:
    if sim < 0.6:
        return "names differ"
    if sim < 0.95:
        return "similar names (spelling differs)" if sim >= 0.8 else "names partly match"
    if x.script != y.script:
        return f"names match across scripts ({x.script} ↔ {y.script})"
    if x.tokens != y.tokens and sorted(x.tokens) == sorted(y.tokens):
        return "same name, written in a different order"
    if x.raw.casefold() != y.raw.casefold():
        return "same name after transliteration"
    return "same name"


def _name_weight(sim: float, shared_by: int) -> float:
    """A name many persons share says less than a rare one (about 1.5 less per tenfold)."""
    rare = max(0.5, NAME_MAX - 1.5 * math.log10(max(1, shared_by)))
    if sim >= 0.95:
        return rare
    if sim >= 0.8:
        return min(2.5, rare)
    if sim >= 0.6:
        return min(1.0, rare)
    return -2.0


def _one_edit(a: str, b: str) -> bool:
    """One character changed, added, dropped, or two neighbours swapped."""
    if len(a) == len(b):
        diffs = [k for k, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diffs) == 1 or (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    k = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[k:] == long[k + 1 :]


def _best_case(a: Person, b: Person) -> float:
    """An upper bound of the weight ``_evidence`` gives, in numbers only: most pairs stop here."""
    if a.photos and _same_photo(a, b):
        return math.inf
    weight = 0.0
    if len(a.document) >= MIN_DOC and len(b.document) >= MIN_DOC:
        weight += 6.0 if a.document == b.document else 2.0
    if a.nationality and b.nationality:
        weight += 1.0 if a.nationality == b.nationality else -3.0
    if a.dob and b.dob:
        return weight + (3.0 if a.dob[:4] == b.dob[:4] else -3.0)
    if a.birth_year is not None and b.birth_year is not None:
        gap = abs(a.birth_year - b.birth_year) - (AGE_WINDOW if a.age_uncertain or b.age_uncertain else 1)
        weight += 1.0 if gap <= 0 else -min(6.0, 1.5 * gap)
    if _sex_differs(a, b):
        weight -= 3.0
    return weight


def _evidence(a: Person, b: Person) -> list[tuple[float, str]]:
    """Everything but the names: photos, documents, age, nationality, sex."""
    evidence: list[tuple[float, str]] = []
    if a.photos and _same_photo(a, b):
        evidence.append((8.0, "same photo"))
    if len(a.document) >= MIN_DOC and len(b.document) >= MIN_DOC:
        if a.document == b.document:
            evidence.append((6.0, "same document number"))
        elif _one_edit(a.document, b.document):
            evidence.append((2.0, "document numbers differ by one character"))
        else:
            evidence.append((-2.0, "different document numbers"))
    evidence.extend(_age_evidence(a, b))
    if a.nationality and b.nationality:
        if a.nationality == b.nationality:
            evidence.append((1.0, f"same nationality ({a.nationality})"))
        else:
            evidence.append((-3.0, f"different nationalities ({a.nationality}, {b.nationality})"))
    if _sex_differs(a, b):
        evidence.append((-3.0, f"different sex recorded ({a.sex}, {b.sex})"))
    return evidence


def _age_evidence(a: Person, b: Person) -> list[tuple[float, str]]:
    if a.dob and b.dob:
        if a.dob == b.dob:
            return [(3.0, "same date of birth")]
        if a.dob[:4] == b.dob[:4]:
            return [(1.0, "born the same year")]
        return [(-3.0, f"different dates of birth ({a.dob}, {b.dob})")]
    if a.birth_year is None or b.birth_year is None:
        return []
    gap = abs(a.birth_year - b.birth_year)
    estimated = a.age_uncertain or b.age_uncertain
    tolerance = AGE_WINDOW if estimated else 1
    if gap == 0:
        return [(1.0, f"same age ({a.age})" if a.age == b.age else "same year of birth")]
    if gap <= tolerance:
        years = f"{gap} year{'s' if gap > 1 else ''}"
        return [(0.5, f"ages within {years}" + (" (estimated)" if estimated else ""))]
    return [(-min(6.0, 1.5 * (gap - tolerance)), f"ages differ by {gap} years")]


def _finish(total: float, evidence: list[tuple[float, str]]) -> tuple[float, list[str]]:
    reasons = [text for _, text in sorted(evidence, key=lambda e: -e[0])]
    return round(1.0 / (1.0 + math.exp(-total)), 3), reasons


def score_pair(a: Person, b: Person, shared: dict[str, Members] | None = None) -> tuple[float, list[str]]:
    """The score (0..1) and its reasons, strongest first. ``shared``: who has each name key at HQ
    (``_index``), so that a common name counts for less; without it every name counts as rare."""
    evidence = _evidence(a, b)
    if a.names and b.names:
        evidence.append(_name_evidence(a, b, shared or {}))
    return _finish(PRIOR + sum(w for w, _ in evidence), evidence)


def _name_evidence(a: Person, b: Person, shared: dict[str, Members]) -> tuple[float, str]:
    sim, reason, key_a, key_b = _names_evidence(a.names, b.names)
    count = max(len(shared.get("s:" + key_a, ())), len(shared.get("s:" + key_b, ())), 1)
    if sim >= 0.95 and count >= 10:
        reason += f" (a common name: {count} persons at HQ have it)"
    return _name_weight(sim, count), reason


def _common_above(floor: float) -> float:
    """How many persons may share a name before the same name, age and nationality alone can no
    longer reach ``floor`` (the threshold's log-odds)."""
    best_rest = 2.0  # the same age and the same nationality
    if PRIOR + _name_weight(1.0, 10**9) + best_rest >= floor:
        return math.inf
    shared = 1
    while PRIOR + _name_weight(1.0, shared + 1) + best_rest >= floor:
        shared += 1
    return shared


# --- the search ------------------------------------------------------------------------------


def excluded_pairs(store: HqStore) -> set[tuple[str, str]]:
    """Pairs an analyst has already decided on: linked (now or before) or dismissed."""
    rows = list(store.conn.execute("SELECT person_a, person_b FROM hq_links WHERE status = 'active'"))
    rows += list(store.conn.execute("SELECT person_a, person_b FROM hq_dismissed_pairs"))
    return {(min(a, b), max(a, b)) for a, b in rows}


def find_candidates(
    store: HqStore,
    *,
    min_score: float = 0.6,
    limit: int = 500,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> list[Candidate]:
    with _collector_paused():
        persons = load_persons(store)
        found = search(
            persons,
            excluded_pairs(store),
            min_score=min_score,
            limit=limit,
            progress=progress,
            should_cancel=should_cancel,
        )
        del persons  # freed before the collector is back: its first pass then has little to look at
    return found


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while 100,000s of long-lived persons and index entries are built.

    They make no reference cycles, so there is nothing to collect; but the collector starts a full pass
    over every tracked object each time the heap has grown by a quarter, and the persons (NamedTuples)
    stay tracked: a quarter to a third of the search's time went there. The same trick as Mercurial's
    ``util.nogc``. Process-wide, so it is switched back on only if it was on (another thread may also
    run a search)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def drop_placeholders(persons: list[Person]) -> list[Person]:
    """Forget document numbers and photos that too many records share: placeholders, not evidence."""
    docs = Counter(map(attrgetter("document"), persons))
    shas = Counter(chain.from_iterable(map(attrgetter("photos"), persons)))
    bad_docs = {doc for doc, n in docs.items() if n > PLACEHOLDER and doc}
    bad_shas = {sha for sha, n in shas.items() if n > PLACEHOLDER}
    if not bad_docs and not bad_shas:
        return persons
    return [
        p._replace(
            document="" if p.document in bad_docs else p.document,
            photos=tuple(sha for sha in p.photos if sha not in bad_shas),
        )
        if p.document in bad_docs or any(sha in bad_shas for sha in p.photos)
        else p
        for p in persons
    ]


def search(
    persons: list[Person],
    excluded: set[tuple[str, str]],
    *,
    min_score: float = 0.6,
    limit: int = 500,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> list[Candidate]:
    persons = drop_placeholders(persons)
    found = _index(persons)
    # Pairs that could not reach min_score even with the best name evidence are not scored further.
    floor = (
        -math.inf if min_score <= 0 else math.log(min_score / (1 - min_score)) if min_score < 1 else math.inf
    )
    common = _common_above(floor)
    result: list[Candidate] = []
    names_seen: dict[tuple[int, int], tuple[float, str]] = {}
    total = len(persons)
    for checked, (i, j) in enumerate(candidate_pairs(persons, found, common), 1):
        if checked % 20_000 == 0:
            stop_if_asked(should_cancel, SEARCH_CANCELLED)
            tell(progress, min(i, total), total)
        a, b = persons[i], persons[j]  # persons are in created order: a is the older record
        bound = PRIOR + _best_case(a, b)
        if bound + NAME_MAX < floor:
            continue
        name: tuple[float, str] | None = None
        if a.names and b.names:
            pair = (id(a.names), id(b.names))  # the cached names tuples: cheaper than hashing them
            name = names_seen.get(pair)
            if name is None:
                name = names_seen[pair] = _name_evidence(a, b, found)
            if bound + name[0] < floor:
                continue
        evidence = _evidence(a, b) + ([name] if name else [])
        total_weight = PRIOR + sum(w for w, _ in evidence)
        if total_weight < floor or (min(a.id, b.id), max(a.id, b.id)) in excluded:
            continue
        score, reasons = _finish(total_weight, evidence)
        result.append(Candidate(a.id, b.id, score, reasons))
    tell(progress, total, total)
    result.sort(key=lambda c: (-c.score, c.person_a, c.person_b))
    return result[:limit]
