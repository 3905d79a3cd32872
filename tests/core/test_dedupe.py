"""HQ dedupe: the same person recorded by different teams, in different scripts, found; namesakes not.

The store-level tests use three real laptops; the linkage model's own tests use a generated population
(the demo's name pools, in which common names are very common) without a store."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fieldapp.demo.names import sample_person
from fieldapp.hq import dedupe, dedupe_persons, linkage, linkage_features, linkage_store
from fieldapp.hq.dedupe import Candidate
from fieldapp.hq.dedupe_persons import Person
from fieldapp.hq.review import Review
from fieldapp.names import normalise_document
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
    return World(hq, Review(hq.store, hq.identity), ids), list(sessions.values())


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
        assert candidate.score >= linkage_store.DEFAULTS[linkage_store.PROPOSE_FROM]
        assert candidate.model_version == 1
    doc = world.pair("doc_clean", "doc_typo", found)
    assert doc is not None and doc.reasons[0] == "same document number: strong for"
    reordered = world.pair("an_passport", "an_reordered", found)
    assert reordered is not None and "same name: strong for" in reordered.reasons
    # The older record is person_a, and the list is sorted by match probability.
    dara = world.pair("dara_khmer", "dara_latin", found)
    assert dara is not None and dara.person_a == world.ids["dara_khmer"]
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    # The model was estimated from HQ's own persons and kept with its version.
    stored = linkage_store.latest(world.hq.store)
    assert stored is not None and stored.version == 1 and stored.persons == len(PEOPLE) - 0
    assert stored.engine.startswith("splink 5.")


def test_namesakes_are_not_proposed_and_nothing_is_merged(world: World) -> None:
    everything = world.review.candidates(min_score=0.0)
    for x, y in [("khan_young", "khan_older"), ("budi_young", "budi_older")]:
        assert world.pair(x, y, everything) is None  # ages 15 years apart: not even compared
    # Two entries of one team in one raid are not cross-team duplicates.
    assert world.pair("lina_1", "lina_2", everything) is None
    # Never merged automatically: no link, no decision, every person still listed.
    conn = world.hq.store.conn
    assert conn.execute("SELECT count(*) FROM hq_links").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM hq_decisions WHERE kind = 'link'").fetchone()[0] == 0
    assert len(world.hq.store.person_ids()) == len(PEOPLE)
    # A pair scored on demand says why, in words, against.
    khan = dedupe.score_pair(world.hq.store, world.ids["khan_young"], world.ids["khan_older"])
    assert khan.score < linkage_store.DEFAULTS[linkage_store.PROPOSE_FROM] / 5  # far below a proposal
    assert any(r.startswith("different nationality: ") and r.endswith(" against") for r in khan.reasons)
    assert any(r.startswith("different birth year: ") and r.endswith(" against") for r in khan.reasons)


def test_linked_and_dismissed_pairs_are_not_proposed_again(world: World) -> None:
    shown = world.pair("wei_han", "wei_latin", world.review.candidates())
    link_id = world.review.link(
        world.ids["wei_latin"], world.ids["wei_han"], "same passport photo, same family", shown
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
    assert shown is not None and link.score == pytest.approx(shown.score, abs=0.001)
    assert link.model_version == 1
    world.review.unlink(link_id, "linked by mistake, different mothers")
    assert world.pair("wei_han", "wei_latin", world.review.candidates()) is not None


def test_the_model_is_estimated_again_when_hq_has_grown(world: World) -> None:
    first = world.review.candidates()
    assert {c.model_version for c in first} == {1}
    again = world.review.candidates(retrain=True)  # an analyst asked for a new estimate
    assert {c.model_version for c in again} == {2}
    assert linkage_store.by_version(world.hq.store, 1) is not None  # older versions stay
    stored = linkage_store.latest(world.hq.store)
    assert stored is not None and not linkage_store.is_stale(stored, len(PEOPLE))
    assert linkage_store.is_stale(stored, round(len(PEOPLE) * linkage_store.RETRAIN_GROWTH) + 1)
    # A model an older program estimated, with a birth level since split in two, is estimated again.
    older = json.loads(json.dumps(stored.model).replace('"births agree"', '"same year"'))
    assert not linkage.has_current_levels(older) and linkage.has_current_levels(stored.model)
    # So is one whose level of the same name compares in another way.
    changed = json.loads(json.dumps(stored.model).replace("list_has_any(name_letters_l", "(name_letters_l"))
    assert changed != stored.model and not linkage.has_current_levels(changed)
    linkage_store.save(world.hq.store, linkage.Estimate(older, stored.persons, stored.anchor_pairs, 0))
    assert {c.model_version for c in world.review.candidates()} == {4}


def test_thresholds_come_from_settings(world: World) -> None:
    store = world.hq.store
    assert world.review.candidates()
    linkage_store.set_thresholds(store, linkage_store.Thresholds(0.9999999, 0.9999999), "Analyst Chan Sophea")
    assert linkage_store.thresholds(store) == linkage_store.Thresholds(0.9999999, 0.9999999)
    strict = world.review.candidates()
    assert all(c.score >= 0.9999999 and c.likely for c in strict)
    assert len(strict) < len(world.review.candidates(min_score=0.5))
    with pytest.raises(dedupe.ReviewError, match="from 0 to 1"):
        linkage_store.set_thresholds(store, linkage_store.Thresholds(0.9, 0.5), "Analyst Chan Sophea")


def test_progress_and_cancel(world: World) -> None:
    calls: list[tuple[int, int]] = []
    world.review.candidates(progress=lambda done, total, _what: calls.append((done, total)))
    assert calls[0] == (0, 1) and calls[-1] == (1, 1)
    with pytest.raises(Cancelled):
        world.review.candidates(should_cancel=lambda: True)


# --- the linkage model on a generated population (no store) -------------------------------------


def _population(count: int, seed: int) -> list[Person]:
    """Persons drawn from the demo's name pools (about ten given and ten family names per nationality:
    "Wang Wei" is very common), each in their own raid by their own laptop."""
    rng = random.Random(seed)
    people = []
    for n in range(count):
        p = sample_person(rng)
        data = {
            "name": p.display_latin,
            "name_own_script": p.display_own,
            "nationality": p.nationality.iso3,
            "sex": p.sex,
            "age": p.age,
            "document_no": p.passport_number or "",
        }
        people.append(
            dedupe_persons.person_from(
                f"p{n:06d}", f"op{n % 40}", f"dev{n % 40}", "2026-03-01T08:00:00Z", data, ()
            )
        )
    return people


def _score(
    people: list[Person], dates: dict[str, str], a: str, b: str, threshold: float
) -> linkage.Scored | None:
    rows = linkage_features.rows(people, dates)
    tf_rows = linkage_features.term_frequencies(rows)
    estimate = linkage.estimate(rows, tf_rows)
    index = {p.id: k for k, p in enumerate(people)}
    with linkage.opened(rows, tf_rows) as opened:
        found = linkage.predict(opened, estimate.model, threshold=threshold)
    return next((s for s in found if {s.a, s.b} == {index[a], index[b]}), None)


def _wang_wei(person_id: str, operation: str, device: str, **fields: Any) -> Person:
    data = {"name": "Wang Wei", "nationality": "CHN", "sex": "male", **fields}
    return dedupe_persons.person_from(person_id, operation, device, "2026-03-01T08:00:00Z", data, ())


POPULATION = 2500
DATES = {f"op{n}": f"2025-{1 + n % 12:02d}-{1 + n % 27:02d}" for n in range(40)}


def test_a_true_duplicate_with_a_common_name_is_proposed() -> None:
    """The same man registered by two teams raiding one compound on the same day: a very common name,
    the same birth year, no document: proposed, and the name's commonness is said."""
    people = _population(POPULATION, seed=21)
    common = sum(1 for p in people if p.names and p.names[0].key == "wang wei")
    assert common >= 5  # one of the most common names of the population
    people += [_wang_wei("dup-a", "raid-x", "team-1", age=26), _wang_wei("dup-b", "raid-y", "team-2", age=26)]
    dates = {**DATES, "raid-x": "2026-02-14", "raid-y": "2026-02-14"}
    threshold = linkage_store.DEFAULTS[linkage_store.PROPOSE_FROM]
    found = _score(people, dates, "dup-a", "dup-b", threshold)
    assert found is not None and found.probability >= threshold
    words = [e.words for e in found.evidence]
    assert any(w.startswith("same name, name common in this nationality: ") for w in words)
    assert any(w.startswith("date of birth and age agree: ") and w.endswith(" for") for w in words)
    assert any(w.startswith("operations on the same day: ") and w.endswith(" for") for w in words)


def test_two_persons_sharing_only_a_very_common_name_are_not_proposed() -> None:
    people = _population(POPULATION, seed=22)
    people += [
        _wang_wei("one", "raid-x", "team-1"),
        _wang_wei("other", "raid-y", "team-2"),
    ]  # no age, no document
    dates = {**DATES, "raid-x": "2025-03-02", "raid-y": "2026-01-20"}
    found = _score(people, dates, "one", "other", 0.0)
    assert found is not None  # compared (same name), ...
    assert found.probability < linkage_store.DEFAULTS[linkage_store.PROPOSE_FROM]  # ... and not proposed
    assert found.probability < 0.2


def test_a_date_of_birth_and_an_age_of_the_same_person_agree() -> None:
    """One team read the passport (born 1999-11-20), the other wrote the age he gave, 26, on 2026-03-01:
    2026 - 26 is 2000, yet both say he was born between March 1999 and March 2000. The model weighs the
    pair as a date of birth that fits the age, not a year apart; an age marked uncertain stretches a
    year either way."""
    born = dedupe_persons.person_from(
        "a", "raid-x", "team-1", "2026-02-01T08:00:00Z", {"dob": "1999-11-20"}, ()
    )
    told = dedupe_persons.person_from("b", "raid-y", "team-2", "2026-03-01T08:00:00Z", {"age": 26}, ())
    unsure = dedupe_persons.person_from(
        "c", "raid-y", "team-2", "2026-03-01T08:00:00Z", {"age": 27, "age_uncertain": True}, ()
    )
    assert told.birth_year == 2000 and born.birth_year == 1999  # the years alone say one apart
    lo, hi = linkage_features.birth_range(told)
    assert lo is not None and hi is not None and lo < 1999.9 < hi and hi - lo == pytest.approx(1.0)
    assert linkage_features.birth_range(born) == (pytest.approx(1999.88, abs=0.01),) * 2
    wide = linkage_features.birth_range(unsure)
    assert wide[0] is not None and wide[1] is not None and wide[1] - wide[0] == pytest.approx(3.0)
    people = _population(300, seed=5)
    people += [
        dedupe_persons.person_from(
            pid, op, dev, day, {"name": "Sothea Vannak", "nationality": "KHM", "sex": "male", **extra}, ()
        )
        for pid, op, dev, day, extra in (
            ("read", "raid-x", "team-1", "2026-02-01T08:00:00Z", {"dob": "1999-11-20"}),
            ("told", "raid-y", "team-2", "2026-03-01T08:00:00Z", {"age": 26}),
        )
    ]
    found = _score(people, DATES, "read", "told", 0.0)
    assert found is not None
    assert [e.level for e in found.evidence if e.comparison == "birth"] == ["births agree"]


def test_evidence_is_in_words_for_every_level() -> None:
    for (comparison, level), what in linkage.__dict__["evidence"].__globals__["PHRASES"].items():
        assert comparison in linkage.LEVELS and level in [lv[0] for lv in linkage.LEVELS[comparison]], what
    for comparison, levels in linkage.LEVELS.items():
        for level in levels:
            assert linkage.evidence(comparison, level[0], 7.0, 0.0, None).words.endswith(": strong for")
    assert (
        linkage.evidence("birth", "different", -7.0, 0.0, None).words
        == "different birth year: strong against"
    )
    assert linkage.evidence("name", "same name", 9.0, -2.0, 0.02).words == (
        "same name, name common in this nationality: strong for"
    )


def test_small_stores_get_the_defaults_and_big_ones_their_own_estimate() -> None:
    tiny = _population(12, seed=3)
    rows = linkage_features.rows(tiny, {})
    small = linkage.estimate(rows, linkage_features.term_frequencies(rows))
    assert small.anchor_pairs == 0
    m = linkage.parameters(small.model, "m")
    assert m[("document", "same")] == pytest.approx(0.9)  # nothing to learn from: the default
    people = _population(POPULATION, seed=4)
    people += [
        dedupe_persons.person_from(
            f"copy{n}",
            "op-late",
            "dev-late",
            "2026-04-01T08:00:00Z",
            {
                "name": p.names[0].raw.upper(),
                "document_no": p.document,
                "age": p.age,
                "sex": p.sex,
                "nationality": p.nationality,
            },
            (),
        )
        for n, p in enumerate(people[:300])
        if p.document
    ]
    rows = linkage_features.rows(people, {})
    big = linkage.estimate(rows, linkage_features.term_frequencies(rows))
    assert big.document_pairs > 100 and big.anchor_pairs == big.document_pairs
    learned = linkage.parameters(big.model, "m")
    # The copies keep name, age and sex: the anchored pairs teach that, well beyond the defaults.
    assert learned[("sex", "same")] > 0.97 and learned[("birth", "births agree")] > 0.8
    # A level no anchored pair lands in is weighed by the defaults alone (20 pseudo-pairs beside some
    # 300 measured), not by Splink's starting value counted as if it were measured (0.03).
    assert learned[("birth", "two years apart")] < 0.01
    assert json.loads(json.dumps(big.model)) == big.model  # the model is plain JSON


def test_anchored_pairs_dated_by_their_passports_do_not_make_ages_look_unlike() -> None:
    """Pairs that share a document nearly always share the passport's date of birth too, while most
    persons are known by an age. Measured on the anchored pairs as they come, "same date of birth" would
    take m and a same person known by ages would look unlikely; the birth comparison is measured apart
    on pairs with both dates and on the rest, weighed by how often two persons both have a date."""
    people = _population(POPULATION, seed=6)
    with_document = [p for p in people if p.document][:300]
    without = [p for p in people if not p.document][:100]
    copies = []
    for n, p in enumerate(with_document):
        born = f"{2026 - (p.age or 30)}-01-15"
        people[people.index(p)] = p._replace(dob=born)
        copies.append(p._replace(id=f"doc-copy{n}", operation_id="op-late", device_id="dev-late", dob=born))
    for n, p in enumerate(without):
        photo = (f"photo-{n}",)
        people[people.index(p)] = p._replace(photos=photo)
        copies.append(
            p._replace(id=f"photo-copy{n}", operation_id="op-late", device_id="dev-late", photos=photo)
        )
    people += copies
    rows = linkage_features.rows(people, {})
    learned = linkage.parameters(linkage.estimate(rows, linkage_features.term_frequencies(rows)).model, "m")
    dated_share = sum(1 for p in people if p.dob) / len(people)  # about a fifth: both dated 4% of pairs
    assert learned[("birth", "same date of birth")] == pytest.approx(dated_share**2, abs=0.03)
    assert learned[("birth", "births agree")] > 0.9  # measured as it comes: 100 of 400 anchored pairs


def _name_weight(people: list[Person], a: str, b: str) -> float:
    found = _score(people, DATES, a, b, 0.0)
    assert found is not None
    (name,) = [e for e in found.evidence if e.comparison == "name"]
    assert name.level == "same name in own script"  # kept although it reads as the Latin name
    return name.weight


def test_a_name_in_its_own_script_weighs_the_same_whatever_nationalities_the_store_holds() -> None:
    """A Khmer name written in Khmer on both records is weighed among the pairs that can show it. A store
    that also holds many more persons written in Latin letters only, and their duplicates, must not make it
    weaker evidence: the same person's two records can only show an own-script name where both carry one."""
    people = _population(POPULATION, seed=7)
    latin_only = [  # not Khmer: the group that says how common "Sok Dara" is stays as it is
        p
        for p in people
        if p.document and p.nationality != "KHM" and all(n.script == "Latin" for n in p.names)
    ]
    with_own = [p for p in people if p.document and len(p.names) > 1][:150]
    twice = [
        p._replace(id=f"copy{n}", operation_id="op-late", device_id="dev-late")
        for n, p in enumerate(with_own + latin_only[:150])
    ]
    khmer = {"name": "Sok Dara", "name_own_script": "សុខ ដារា", "nationality": "KHM", "sex": "female"}
    pair = [
        dedupe_persons.person_from(pid, op, dev, "2026-03-01T08:00:00Z", {**khmer, "age": 19}, ())
        for pid, op, dev in (("dara-1", "raid-x", "team-1"), ("dara-2", "raid-y", "team-2"))
    ]
    few_latin = _name_weight(people + twice + pair, "dara-1", "dara-2")
    more_latin = [
        p._replace(id=f"more{n}", operation_id="op-more", device_id="dev-more")
        for n, p in enumerate(latin_only[150:])
    ]
    many_latin = _name_weight(people + twice + more_latin + pair, "dara-1", "dara-2")
    assert len(more_latin) > 300  # the anchored pairs written in Latin letters only: three times as many
    assert many_latin == pytest.approx(few_latin, abs=0.3)


def test_the_search_writes_nothing_to_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """DuckDB runs in memory and may not spill to a temporary folder (it would hold names in the clear)."""
    monkeypatch.chdir(tmp_path)  # DuckDB's default temporary folder is .tmp in the working folder
    people = _population(400, seed=5)
    rows = linkage_features.rows(people, {})
    tf_rows = linkage_features.term_frequencies(rows)
    with linkage.opened(rows, tf_rows) as opened:
        assert opened.con.execute("SELECT current_setting('temp_directory')").fetchall() == [("",)]
        linkage.predict(opened, linkage.estimate(rows, tf_rows).model, threshold=0.5)
    assert list(tmp_path.iterdir()) == []


def test_placeholder_documents_and_photos_are_not_evidence() -> None:
    """Hundreds of "UNKNOWN" document numbers or one "no photo" picture are a placeholder."""
    crowd = [
        dedupe_persons.person_from(
            f"p{n:04d}",
            f"op{n}",
            f"dev{n}",
            "2026-01-01T00:00:00Z",
            {"name": f"Person {n}", "document_no": "UNKNOWN1", "age": 30},
            ("c" * 64,),
        )
        for n in range(linkage_features.PLACEHOLDER + 1)
    ]
    rows = linkage_features.rows(crowd, {})
    assert all(r["document"] is None and r["photos"] is None for r in rows)
    rows = linkage_features.rows(crowd[:2], {})  # two records sharing a number: evidence
    assert rows[0]["document"] == rows[1]["document"] == "UNKN0WN1"


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
    """Each pair meets on a name key (blocked together, and a name level above "similar")."""
    x, y = (
        dedupe_persons.person_from(k, "op", "dev", "2026-01-01T00:00:00Z", {"name": name}, ())
        for k, name in (("x", a), ("y", b))
    )
    rx, ry = linkage_features.rows([x, y], {})
    keys = ("name_sets", "name_letters", "name_consonants")
    met = [k for k in keys if set(rx[k]) & set(ry[k])]
    assert met and (low < 1.0 or "name_sets" in met or "name_letters" in met), (a, b, rx, ry)


def test_different_names_stay_apart() -> None:
    pairs = [("Nguyen Van An", "Tran Thi Mai"), ("Chen Wei", "Wang Fang"), ("Sok Dara", "Chan Sophea")]
    for a, b in pairs:
        x, y = (
            dedupe_persons.person_from(k, "op", "dev", "2026-01-01T00:00:00Z", {"name": name}, ())
            for k, name in (("x", a), ("y", b))
        )
        rx, ry = linkage_features.rows([x, y], {})
        assert not any(set(rx[k]) & set(ry[k]) for k in ("name_sets", "name_letters", "name_consonants"))


def test_document_numbers_are_normalised() -> None:
    assert normalise_document("e1234 5678") == normalise_document("E-12345678") == "E12345678"
    assert normalise_document("EO1234") == normalise_document("E01234")  # letter O read as zero


def test_a_search_in_slices_finds_the_same_pairs_as_in_one(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search is scored in slices of persons (memory); each slice is blocked against everyone."""
    whole = [(c.person_a, c.person_b, round(c.score, 9)) for c in world.review.candidates()]
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(linkage, "CHUNK_PERSONS", 3)
    sliced = world.review.candidates(progress=lambda done, total, _what: calls.append((done, total)))
    assert [(c.person_a, c.person_b, round(c.score, 9)) for c in sliced] == whole and whole
    slices = -(-len(PEOPLE) // 3)
    assert slices > 1 and calls[-1] == (slices, slices)
