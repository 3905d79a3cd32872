"""HQ dedupe: the same person recorded by different teams, in different scripts, found; namesakes not."""

from __future__ import annotations

import gc
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fieldapp.hq import dedupe, dedupe_persons, names
from fieldapp.hq.dedupe import Candidate
from fieldapp.hq.names import name_similarity, normalise_document, parse_name
from fieldapp.hq.review import Review
from fieldapp.records.service import Records
from fieldapp.sync.export import export_bundle
from fieldapp.vault.session import Session
from fieldapp.work import Cancelled
from tests.core.test_sync import Hq, laptop, stick_of


@dataclass
class World:
    hq: Hq
    review: Review
    ids: dict[str, str]  # label → person id

    def pair(self, x: str, y: str, found: list[Candidate]) -> Candidate | None:
        wanted = {self.ids[x], self.ids[y]}
        return next((c for c in found if {c.person_a, c.person_b} == wanted), None)


# label → (laptop, fields). Laptops a, b and c are three teams, each in its own raid.
PEOPLE: dict[str, tuple[str, dict[str, Any]]] = {
    "an_passport": ("a", {"name": "NGUYEN VAN AN", "nationality": "VNM", "sex": "male", "age": 24}),
    "an_own": ("b", {"name_own_script": "Nguyễn Văn An", "nationality": "VNM", "sex": "male", "age": 24}),
    "an_reordered": ("c", {"name": "Nguyen An Van", "nationality": "VNM", "age": 25, "age_uncertain": True}),
    "wei_han": ("a", {"name_own_script": "陈伟", "nationality": "CHN", "sex": "male", "age": 31}),
    "wei_latin": ("b", {"name": "Chen Wei", "nationality": "CHN", "sex": "male", "age": 31}),
    "dara_khmer": ("a", {"name_own_script": "សុខ ដារា", "nationality": "KHM", "sex": "female", "age": 19}),
    "dara_latin": ("c", {"name": "Sok Dara", "nationality": "KHM", "sex": "female", "age": 19}),
    "doc_clean": (
        "b",
        {"name": "ZHANG XIUYING", "document_no": "E12345678", "nationality": "CHN", "age": 28},
    ),
    "doc_typo": ("c", {"name": "ZHNAG XUIYING", "document_no": "e1234 5678", "nationality": "CHN"}),
    "khan_young": ("a", {"name": "Ali Khan", "nationality": "PAK", "sex": "male", "age": 20}),
    "khan_older": ("b", {"name": "Ali Khan", "nationality": "IND", "sex": "male", "age": 35}),
    "budi_young": ("b", {"name": "Budi", "nationality": "IDN", "sex": "male", "age": 22}),
    "budi_older": ("c", {"name": "BUDI", "nationality": "IDN", "sex": "male", "age": 37}),
    "lina_1": ("a", {"name": "Lina Wati", "nationality": "IDN", "sex": "female", "age": 23}),
    "lina_2": ("a", {"name": "Lina Wati", "nationality": "IDN", "sex": "female", "age": 23}),
}


def build_world(tmp_path: Path, database: str | None) -> tuple[World, list[Session]]:
    """Three laptops register persons in their own raids; HQ imports their real, signed bundles."""
    hq = Hq(tmp_path / "hq", database=database)
    sessions = {name: laptop(tmp_path, f"laptop-{name}") for name in "abc"}
    operations = {
        name: Records(s).create_operation(name=f"Raid {name.upper()}", province="Preah Sihanouk").id
        for name, s in sessions.items()
    }
    ids = {}
    for label, (where, fields) in PEOPLE.items():
        ids[label] = Records(sessions[where]).register_person(operations[where], **fields).id
    for name, s in sessions.items():
        hq.enrol(s)
        hq.approve(s)
        result = export_bundle(s, stick_of(tmp_path, f"stick-{name}"))
        assert result is not None
        hq.imports(result)
    return World(hq, Review(hq.store, hq.identity, "Analyst Chan Sophea"), ids), list(sessions.values())


@pytest.fixture
def world(tmp_path: Path, hq_backend: str | None) -> Iterator[World]:
    w, sessions = build_world(tmp_path, hq_backend)
    yield w
    for s in sessions:
        s.close()
    w.hq.store.close()


def test_true_duplicates_across_scripts_are_found(world: World) -> None:
    found = world.review.candidates()
    for x, y in [
        ("an_passport", "an_own"),
        ("an_passport", "an_reordered"),
        ("an_own", "an_reordered"),
        ("wei_han", "wei_latin"),
        ("dara_khmer", "dara_latin"),
        ("doc_clean", "doc_typo"),
    ]:
        candidate = world.pair(x, y, found)
        assert candidate is not None, (x, y)
        assert candidate.score >= 0.6
    reasons = {
        pair: world.pair(*pair, found).reasons
        for pair in [
            ("wei_han", "wei_latin"),  # type: ignore[union-attr]
            ("dara_khmer", "dara_latin"),
            ("an_passport", "an_reordered"),
            ("doc_clean", "doc_typo"),
        ]
    }
    assert "names match across scripts (Chinese ↔ Latin)" in reasons["wei_han", "wei_latin"]
    assert "names match across scripts (Khmer ↔ Latin)" in reasons["dara_khmer", "dara_latin"]
    assert "same name, written in a different order" in reasons["an_passport", "an_reordered"]
    assert reasons["doc_clean", "doc_typo"][0] == "same document number"
    # The older record is person_a, and the list is sorted by score.
    dara = world.pair("dara_khmer", "dara_latin", found)
    assert dara is not None and dara.person_a == world.ids["dara_khmer"]
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


def test_namesakes_are_not_proposed_and_nothing_is_merged(world: World) -> None:
    default = world.review.candidates()
    everything = world.review.candidates(min_score=0.0)
    for x, y in [("khan_young", "khan_older"), ("budi_young", "budi_older")]:
        assert world.pair(x, y, default) is None
        low = world.pair(x, y, everything)  # blocking did compare them; the evidence pushed them down
        assert low is not None and low.score < 0.1, low
        assert any(r.startswith("ages differ by 15 years") for r in low.reasons)
    khan = world.pair("khan_young", "khan_older", everything)
    assert khan is not None and "different nationalities (PAK, IND)" in khan.reasons
    # Two entries of one team in one raid are not cross-team duplicates.
    assert world.pair("lina_1", "lina_2", everything) is None
    # Never merged automatically: no link, no decision, every person still listed.
    conn = world.hq.store.conn
    assert conn.execute("SELECT count(*) FROM hq_links").fetchone()[0] == 0
    assert (
        conn.execute("SELECT count(*) FROM hq_decisions WHERE kind = 'link'").fetchone()[0] == 0
    )  # no merge decided
    assert len(world.hq.store.person_ids()) == len(PEOPLE)


def test_linked_and_dismissed_pairs_are_not_proposed_again(world: World) -> None:
    link_id = world.review.link(
        world.ids["wei_latin"], world.ids["wei_han"], "same passport photo, same family"
    )
    world.review.dismiss(world.ids["an_passport"], world.ids["an_own"], "different fathers' names on file")
    found = world.review.candidates()
    assert world.pair("wei_han", "wei_latin", found) is None
    assert world.pair("an_passport", "an_own", found) is None
    assert world.pair("an_passport", "an_reordered", found) is not None  # only the dismissed pair is hidden
    # The merged-away record (the newer one) is out of the search; the older one stays.
    (link,) = world.review.links(world.ids["wei_han"])
    assert (link.link_id, link.person_a, link.person_b) == (
        link_id,
        world.ids["wei_han"],
        world.ids["wei_latin"],
    )
    assert link.score >= 0.6
    world.review.unlink(link_id, "linked by mistake, different mothers")
    assert world.pair("wei_han", "wei_latin", world.review.candidates()) is not None


def test_progress_and_cancel(world: World) -> None:
    calls: list[tuple[int, int]] = []
    world.review.candidates(progress=lambda done, total, _what: calls.append((done, total)))
    assert calls[-1] == (len(PEOPLE), len(PEOPLE))
    persons = dedupe_persons.load_persons(world.hq.store) * 3000  # enough pairs to reach a cancel check
    with pytest.raises(Cancelled):
        dedupe.search(persons, set(), min_score=0.0, should_cancel=lambda: True)


def test_placeholder_documents_are_not_evidence() -> None:
    """Hundreds of "UNKNOWN" document numbers are a placeholder, not one person's passport."""
    rng = random.Random(3)
    names = {
        "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(200)
    }
    people = [
        dedupe_persons.person_from(
            f"p{n:04d}",
            f"op{n % 7}",
            f"dev{n % 5}",
            "2026-01-01T00:00:00Z",
            {"name": name, "document_no": "UNKNOWN", "age": 30},
            frozenset(),
        )
        for n, name in enumerate(sorted(names))
    ]
    assert len(people) > dedupe.PLACEHOLDER
    everything = dedupe.search(people, set(), min_score=0.0, limit=10**6)
    assert all("same document number" not in c.reasons for c in everything)
    pair = dedupe.search(people[:2], set(), min_score=0.0)  # two records sharing a number: evidence
    assert [c.reasons[0] for c in pair] == ["same document number"]


# --- the pieces, without a store ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "low"),
    [
        ("Nguyễn Văn An", "NGUYEN VAN AN", 1.0),
        ("Nguyễn Văn An", "Nguyen An Van", 1.0),
        ("陈伟", "Chen Wei", 1.0),
        ("陳偉", "Wei Chen", 1.0),  # traditional characters, given name first
        ("សុខ ដារា", "Sok Dara", 1.0),
        ("张秀英", "ZHANG XIUYING", 1.0),  # syllables run together in the passport
        ("Иван Петров", "Ivan Petrov", 1.0),
        ("ZHANG XIUYING", "ZHNAG XUIYING", 0.75),
    ],
)
def test_names_meet_across_scripts(a: str, b: str, low: float) -> None:
    x, y = parse_name(a), parse_name(b)
    assert x is not None and y is not None
    assert name_similarity(x, y) >= low
    assert set(dedupe.name_keys(x)) & set(dedupe.name_keys(y)) or low < 1.0


def test_different_names_stay_apart() -> None:
    pairs = [("Nguyen Van An", "Tran Thi Mai"), ("Chen Wei", "Wang Fang"), ("Sok Dara", "Chan Sophea")]
    for a, b in pairs:
        x, y = parse_name(a), parse_name(b)
        assert x is not None and y is not None
        assert name_similarity(x, y) < 0.6, (a, b)


def test_document_numbers_are_normalised() -> None:
    assert normalise_document("e1234 5678") == normalise_document("E-12345678") == "E12345678"
    assert normalise_document("EO1234") == normalise_document("E01234")  # letter O read as zero


def test_big_name_blocks_are_searched_by_birth_year(tmp_path: Path) -> None:
    """A very common name: only persons born within the window are compared, not every pair."""
    people = [
        dedupe_persons.person_from(
            f"p{n:04d}",
            f"op{n % 7}",
            f"dev{n % 5}",
            "2026-01-01T00:00:00Z",
            {"name": "Budi", "nationality": "IDN", "age": 18 + n % 30},
            frozenset(),
        )
        for n in range(600)
    ]
    pairs = list(dedupe.candidate_pairs(people))
    assert 0 < len(pairs) < 600 * 599 / 2 / 4
    assert all(abs(people[i].birth_year - people[j].birth_year) <= dedupe.AGE_WINDOW for i, j in pairs)  # type: ignore[operator]


def _levenshtein(a: str, b: str) -> int:
    """The textbook dynamic programme, to check the bit-parallel one against."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def test_bit_parallel_distance_equals_the_textbook_one() -> None:
    rng = random.Random(5)

    def word(letters: str, longest: int) -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(1, longest)))

    cases = [
        ("nguyenvanan", "nguyenanvan"),
        ("xiuying", "xuiying"),
        ("a", ""),
        ("abc", "abc"),
        ("sok", "sokh"),
    ]
    cases += [(word("abc", 14), word("abc", 14)) for _ in range(20_000)]  # many repeats: the hard case
    cases += [(word("aeiknost", 90), word("aeiknost", 90)) for _ in range(300)]  # longer than a machine word
    for a, b in cases:
        assert names.distance(a, b) == _levenshtein(a, b), (a, b)


def _random_people(count: int, seed: int) -> list[dedupe_persons.Person]:
    rng = random.Random(seed)
    given = ["An", "Dara", "Wei", "Budi", "Lina", "Sok", "Mai", "Xiu Ying"]
    family = ["Nguyen", "Chen", "Sok", "Santoso", "Tran", "Zhang"]
    return [
        dedupe_persons.person_from(
            f"p{n:05d}",
            f"op{n % 4}",
            f"dev{n % 3}",
            "2026-01-01T00:00:00Z",
            {
                "name": f"{rng.choice(family)} {rng.choice(given)}" + rng.choice(["", " Van", " Thi Mai"]),
                "aliases": [rng.choice(given)] if rng.random() < 0.1 else [],
                "document_no": f"E{rng.randrange(300):06d}" if rng.random() < 0.5 else "",
                "age": rng.randint(18, 40),
            },
            {f"sha{rng.randrange(200)}"} if rng.random() < 0.3 else frozenset(),
        )
        for n in range(count)
    ]


def test_the_grouped_index_equals_one_built_person_by_person() -> None:
    """The index groups persons with the same names; it must hold the same members, in order."""
    people = _random_people(3000, seed=11)
    naive: dict[str, list[int]] = defaultdict(list)
    for index, person in enumerate(people):
        for key in sorted({k for name in person.names for k in dedupe.name_keys(name)}):
            naive[key].append(index)
        if len(person.document) >= dedupe.MIN_DOC:
            naive["d:" + person.document].append(index)
        for sha in person.photos:
            naive["p:" + sha].append(index)
    found = dedupe._index(people)
    # Every name key; documents and photos only when two or more persons share them.
    wanted = {k: tuple(v) for k, v in naive.items() if len(v) > 1 or k[:2] not in ("d:", "p:")}
    assert found == wanted
    assert any(len(v) > 1 and k.startswith("p:") for k, v in found.items())
    assert any(len(v) > 1 and k.startswith("d:") for k, v in found.items())
    # Name blocks of the very same persons are paired once, and no pair is lost by that.
    every = {
        pair
        for key, members in dedupe.blocks(people, found).items()
        for pair in dedupe.block_pairs(key, members, people)
    } | set(dedupe._one_token_less(found))
    every = {
        (i, j)
        for i, j in every
        if (people[i].device_id, people[i].operation_id) != (people[j].device_id, people[j].operation_id)
    }
    pairs = list(dedupe.candidate_pairs(people, found))
    assert len(pairs) == len(set(pairs)) and set(pairs) == every


def test_photos_are_evidence_and_shared_placeholder_photos_are_not() -> None:
    one = {"name": "Sok Dara", "age": 19, "nationality": "KHM"}
    other = {"name": "Chan Sophea", "age": 40, "nationality": "KHM"}
    pair = [
        dedupe_persons.person_from("p1", "op1", "dev1", "2026-01-01T00:00:00Z", one, {"b" * 64, "a" * 64}),
        dedupe_persons.person_from("p2", "op2", "dev2", "2026-01-02T00:00:00Z", other, frozenset({"a" * 64})),
    ]
    assert pair[0].photos == ("a" * 64, "b" * 64)
    (found,) = dedupe.search(pair, set(), min_score=0.0)  # blocked together by the photo alone
    assert found.reasons[0] == "same photo"
    crowd = [  # one "no photo" picture on many records: not evidence
        dedupe_persons.person_from(
            f"p{n}", f"op{n}", f"dev{n}", "2026-01-01T00:00:00Z", other | {"age": n}, {"c" * 64}
        )
        for n in range(dedupe.PLACEHOLDER + 1)
    ]
    assert dedupe.search(crowd, set(), min_score=0.0, limit=10**6)
    assert all("same photo" not in c.reasons for c in dedupe.search(crowd, set(), min_score=0.0, limit=10**6))


def test_the_collector_is_paused_only_during_the_search() -> None:
    assert gc.isenabled()
    with pytest.raises(Cancelled), dedupe._collector_paused():
        assert not gc.isenabled()
        raise Cancelled("cancelled")  # switched back on however the search ends
    assert gc.isenabled()
    gc.disable()  # a caller that turned it off itself keeps it off
    try:
        with dedupe._collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
