"""HQ at national scale: each section against the bare work on the same engine, in the same run.

    python tests/bench/hq.py [--persons N] [--repeats R] [--database postgresql://...] [--only SECTION]

Sections (``SECTIONS`` below, each a function taking the shared ``Setup``), all of them by default:

* ``dedupe``: the duplicate candidate search (``fieldapp.hq.dedupe.find_candidates``: the linkage
  model, fieldapp/hq/linkage.py) over N persons (default 100,000) inserted straight into the HQ
  store's projection tables, with their 60 operations (dates spread over a year) (the bench measures
  the search, not the import). The persons are a realistic population (tests/bench/hq_population.py:
  the demo's mix of nationalities, names of realistic number and frequency per nationality, dates of
  birth from passports or the person's word, ages otherwise; 30% with a photo); 5% are the same person
  recorded again by another team, written another way (own script only, upper case, reordered tokens,
  a typo), the document kept in 60%, the photo in half of those that had one. The model is estimated
  once from the store (no labels; timed apart: HQ does it once per quarter of growth), then the search
  is timed. The bare work: the same SQL read, the same transliteration to ASCII tokens and a group-by
  on the same name / document / photo keys, counting the pairs each block holds, with no scoring (the
  ratio's baseline); printed beside it, not as a ratio line: the same blocks with each distinct pair
  compared on sex, nationality, birth year, document and photo and scored with fixed weights. Then,
  with the planted labels (for measuring only): recall and precision of the pairs proposed at the
  threshold in Settings (default) (a copy of a copy is the same person too); how many planted pairs
  some pair of two different persons matches on every compared field (no method comparing these fields
  can find those without proposing the other); and recall/precision at other thresholds.
  ``--self-reported-dob 0`` records an age, never a date of birth, for persons without a passport.

* ``dashboard``: ``tests/bench/hq_dashboard.py``'s measurement (the dashboard's counts against the bare
  GROUP BYs) on this section's store.
* ``import``: ``tests/bench/hq_import.py`` (bundles of N persons from 4 laptops imported into a fresh
  store, against the same rows inserted bare) in a process of its own; it measures PostgreSQL too when
  FIELDAPP_TEST_PG names a server (``--database`` does not apply: it makes its own databases).

Each figure is the median of the repeats; ratio = bare time / app time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

os.environ.setdefault("FIELDAPP_INSECURE_FAST_KDF", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import hq_population  # noqa: E402
from anyascii import anyascii  # noqa: E402

from fieldapp import names  # noqa: E402
from fieldapp.hq import dedupe, dedupe_persons, linkage_store  # noqa: E402
from fieldapp.hq.identity import init_hq  # noqa: E402
from fieldapp.hq.store import HqStore, create_store  # noqa: E402

DEDUPE_TARGET = 0.5
DUPLICATE_SHARE = 0.05
CURVE = (0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8)
HQ_PASSPHRASE = "headquarters passphrase"


@dataclass
class Setup:
    folder: Path
    store: HqStore
    persons: int
    repeats: int
    notes: dict[str, Any] = field(default_factory=dict)


def median_time(repeats: int, work: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


# --- data ------------------------------------------------------------------------------------


def _variant(
    rng: random.Random, data: dict[str, Any], registered: date, self_reported_dob: float
) -> dict[str, Any]:
    """The same person as another team wrote them down."""
    copy = dict(data)
    way = rng.randrange(4) if len(data["name"]) > 3 else 0
    if way == 0 and data["name_own_script"]:
        copy["name"] = ""  # only the own-script name was taken
    elif way == 1:
        copy["name"], copy["name_own_script"] = data["name"].upper(), ""
    elif way == 2:
        copy["name"] = " ".join(reversed(data["name"].split()))  # given name first this time
    else:
        name = list(data["name"])
        spot = rng.randrange(1, max(2, len(name) - 1))
        name[spot - 1], name[spot] = name[spot], name[spot - 1]  # two letters swapped
        copy["name"] = "".join(name)
    born = data["_born"]
    copy["age"] = hq_population.age_on(born, registered)
    if rng.random() < 0.4:
        copy["document_no"] = ""  # confiscated by the compound this time: their word, or an age
    copy.pop("dob", None)
    if copy["document_no"] or rng.random() < self_reported_dob:
        copy.update(
            hq_population.recorded_birth(rng, born, registered, from_passport=bool(copy["document_no"]))
        )
    elif rng.random() < 0.4:
        copy["age"], copy["age_uncertain"] = copy["age"] + rng.choice((-1, 1)), True
    return copy


def fill_persons(
    store: HqStore, count: int, seed: int = 8, self_reported_dob: float = hq_population.SELF_REPORTED_DOB
) -> set[tuple[int, int]]:
    """``count`` persons in 60 raids by 20 laptops; returns the planted duplicate pairs (by number)."""
    rng = random.Random(seed)
    operations = [f"op-{n:03d}" for n in range(60)]
    device_of = {op: f"device-{n % 20:02d}" for n, op in enumerate(operations)}
    people: list[dict[str, Any]] = []
    photos: dict[int, str] = {}
    planted: set[tuple[int, int]] = set()
    while len(people) < count:
        n = len(people)
        registered = date(2026, 1 + n * 12 // count, 15)  # the record's created_at below
        if n > 100 and rng.random() < DUPLICATE_SHARE:
            original = rng.randrange(n)
            data = _variant(rng, people[original], registered, self_reported_dob)
            op = rng.choice([o for o in operations[:8]] + [people[original]["operation_id"]])
            if op == people[original]["operation_id"]:
                op = operations[(operations.index(op) + 1) % len(operations)]
            if original in photos and rng.random() < 0.5:
                photos[n] = photos[original]
            planted.add((original, n))
        else:
            data = hq_population.person(rng, registered, self_reported_dob)
            op = rng.choice(operations)
            if rng.random() < 0.3:
                photos[n] = hashlib.sha256(f"photo {n}".encode()).hexdigest()
        data["operation_id"] = op
        data["temp_id"] = f"{op.upper()}-{n:06d}"
        people.append(data)
    person_rows, event_rows, photo_rows = [], [], []
    days = rng.sample(range(365), len(operations))  # raids on distinct days, in no order of their codes
    operation_rows = [
        (
            op,
            op.upper(),
            f"Raid {op}",
            "final",
            1,
            json.dumps({"name": f"Raid {op}", "date": f"{date(2026, 1, 1) + timedelta(days=d)}"}),
            "2026-01-01T00:00:00.000Z",
            "2026-01-01T00:00:00.000Z",
            f"event-{op}",
        )
        for op, d in zip(operations, days, strict=True)
    ]
    for n, data in enumerate(people):
        pid, created = f"person-{n:07d}", f"2026-{1 + n * 12 // count:02d}-15T08:00:00.000Z"
        fields = {k: v for k, v in data.items() if v not in ("", None) and not k.startswith("_")}
        person_rows.append(
            (
                pid,
                data["operation_id"],
                data["temp_id"],
                "final",
                1,
                data["name"],
                data["name_own_script"],
                data["nationality"],
                data["sex"],
                data["age"],
                int((data["age"] or 99) < 18),
                data["document_no"],
                None,
                0,
                json.dumps(fields, ensure_ascii=False, sort_keys=True),
                created,
                created,
                f"event-{n}",
            )
        )
        event_rows.append(
            (
                f"event-{n}",
                device_of[data["operation_id"]],
                n + 1,
                "person",
                pid,
                "create",
                "{}",
                "officer",
                created,
                None,
                "0" * 64,
                f"hash-{n}",
                "sig",
                None,
            )
        )
        if n in photos:
            photo = json.dumps({"person_id": pid, "sha256": photos[n]})
            photo_rows.append((f"photo-{n}", pid, "final", 1, photo, created, created, f"event-{n}"))
    with store.transaction():
        store.conn.executemany(
            "INSERT INTO operations (id, code, name, status, version, data, created_at, updated_at, last_event) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            operation_rows,
        )
        store.conn.executemany(
            "INSERT INTO persons (id, operation_id, temp_id, status, version, name, name_own, nationality, sex, "
            "age, minor, document_no, outcome, handed_over, data, created_at, updated_at, last_event) "
            f"VALUES ({', '.join('?' * 18)})",
            person_rows,
        )
        store.conn.executemany(
            "INSERT INTO events (event_id, device_id, device_seq, entity, entity_id, op, payload, officer_id, "
            f"created_at, parent, prev_hash, hash, device_sig, officer_sig) VALUES ({', '.join('?' * 14)})",
            event_rows,
        )
        store.conn.executemany(
            "INSERT INTO photos (id, person_id, status, version, data, created_at, updated_at, last_event) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            photo_rows,
        )
    return planted


# --- the dedupe section ------------------------------------------------------------------------


class _Facts(NamedTuple):
    sex: str
    nationality: str
    birth_year: int | None
    document: str
    photos: frozenset[str]


def _keyed(store: HqStore) -> Iterator[tuple[dict[str, Any], set[str], list[str]]]:
    """The same rows and the same ASCII name tokens: each person's data, its name / document / photo
    keys and its photos."""
    photo_of: dict[str, list[str]] = defaultdict(list)
    for person_id, data in store.conn.execute("SELECT person_id, data FROM photos"):
        photo_of[person_id].append(json.loads(data)["sha256"])
    rows = store.conn.execute(
        "SELECT p.id, e.device_id, p.data FROM persons p LEFT JOIN events e ON e.entity_id = p.id "
        "AND e.op = 'create' WHERE p.status NOT IN ('withdrawn', 'purged')"
    ).fetchall()
    words: dict[str, list[str]] = {}
    for person_id, _device, raw in rows:
        data = json.loads(raw)
        photos = photo_of.get(person_id, [])
        keys = {"p:" + sha for sha in photos}
        if data.get("document_no"):
            keys.add("d:" + data["document_no"].upper())
        for name in (data.get("name", ""), data.get("name_own_script", "")):
            tokens: list[str] = []
            for word in name.split():
                if word not in words:
                    words[word] = anyascii(word).lower().split()
                tokens += words[word]
            if tokens:
                keys.add("s:" + " ".join(sorted(tokens)))
        yield data, keys, photos


def bare_blocking(store: HqStore) -> int:
    """The keys grouped, and the pairs each block holds counted, none compared or scored."""
    groups: dict[str, int] = defaultdict(int)
    for _, keys, _ in _keyed(store):
        for key in keys:
            groups[key] += 1
    return sum(n * (n - 1) // 2 for n in groups.values() if n > 1)


def scored_blocking(store: HqStore) -> int:
    """The blocks, then each distinct pair in them compared on sex, nationality, birth year (an age
    taken as of this year), document and photo and given a sum of fixed weights; the pairs scoring above
    zero. The least a search that scores its pairs does (no estimation, no term frequencies, no evidence
    in words): set beside the app's search for the speed, not the quality."""
    this_year = date.today().year
    facts: list[_Facts] = []
    groups: dict[str, list[int]] = defaultdict(list)
    for index, (data, keys, photos) in enumerate(_keyed(store)):
        for key in keys:
            groups[key].append(index)
        dob, age = data.get("dob") or "", data.get("age")
        year = int(dob[:4]) if dob[:4].isdigit() else None if age is None else this_year - int(age)
        document = (data.get("document_no") or "").upper()
        facts.append(
            _Facts(data.get("sex") or "", data.get("nationality") or "", year, document, frozenset(photos))
        )
    seen: set[tuple[int, int]] = set()
    kept = 0
    for members in groups.values():
        for i, a in enumerate(members):
            one = facts[a]
            for b in members[i + 1 :]:
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                other = facts[b]
                score = 2.0  # the names met in a block
                score += 0.5 if one.sex == other.sex else -3.0
                score += 1.0 if one.nationality == other.nationality else -3.0
                if one.birth_year is not None and other.birth_year is not None:
                    score += 2.0 if abs(one.birth_year - other.birth_year) <= 1 else -2.0
                if one.document and other.document:
                    score += 8.0 if one.document == other.document else -2.0
                if one.photos & other.photos:
                    score += 8.0
                kept += score > 0
    return kept


def _clear_caches() -> None:
    for cached in (names.parse_name, names._word_tokens, names.reduce_token, dedupe_persons._names):
        cached.cache_clear()


def indistinguishable(
    scored: list[dedupe.Candidate], wanted: set[tuple[str, str]], same: Callable[[str, str], bool]
) -> int:
    """Planted pairs that some pair of two different persons matches on every comparison: it shares a
    record with the planted pair, lands in the same level of every comparison (name, birth, sex,
    nationality, document, photo, operation; a value missing where it is missing) and scores as high
    (a name as rare). No method that compares these fields can put the planted pair above it."""

    def levels(c: dedupe.Candidate) -> frozenset[tuple[str, str]]:
        return frozenset((e.comparison, e.level) for e in c.evidence)

    wrong: dict[str, list[tuple[frozenset[tuple[str, str]], float]]] = defaultdict(list)
    for c in scored:
        if not same(c.person_a, c.person_b):
            for person in (c.person_a, c.person_b):
                wrong[person].append((levels(c), c.score))
    count = 0
    for c in scored:
        if (c.person_a, c.person_b) in wanted:
            mine = levels(c)
            if any(
                theirs == mine and score >= c.score - 1e-9
                for person in (c.person_a, c.person_b)
                for theirs, score in wrong[person]
            ):
                count += 1
    return count


def bench_dedupe(setup: Setup) -> None:
    t0 = time.perf_counter()
    planted = fill_persons(
        setup.store,
        setup.persons,
        self_reported_dob=setup.notes.get("self_reported_dob", hq_population.SELF_REPORTED_DOB),
    )
    print(
        f"dedupe setup: {setup.persons} persons, {len(planted)} planted duplicates, "
        f"{time.perf_counter() - t0:.1f} s"
    )
    t0 = time.perf_counter()
    model = dedupe.train(setup.store)
    print(
        f"linkage model estimated from the store's persons (no labels): {time.perf_counter() - t0:.1f} s, "
        f"{model.anchor_pairs} pairs sharing a document or photo, {model.engine}"
    )
    threshold = linkage_store.thresholds(setup.store).propose_from

    def app() -> list[dedupe.Candidate]:
        _clear_caches()
        return dedupe.find_candidates(setup.store, limit=setup.persons)

    bare, pairs = median_time(setup.repeats, lambda: bare_blocking(setup.store))
    scored_bare, scored_kept = median_time(setup.repeats, lambda: scored_blocking(setup.store))
    took, found = median_time(setup.repeats, app)
    root = {b: a for a, b in sorted(planted)}  # a copy of a copy is the same person too

    def who(n: int) -> int:
        while n in root:
            n = root[n]
        return n

    number = {f"person-{n:07d}": n for n in range(setup.persons)}
    wanted = {(f"person-{a:07d}", f"person-{b:07d}") for a, b in planted}
    got = {(c.person_a, c.person_b) for c in found}
    hits = len(wanted & got)
    right = sum(1 for a, b in got if who(number[a]) == who(number[b]))
    persons = dedupe_persons.load_persons(setup.store)
    by_id = {p.id: p for p in persons}
    missed_with_proof = sum(
        1
        for a, b in wanted - got
        if set(by_id[a].photos) & set(by_id[b].photos)
        or (by_id[a].document and by_id[a].document == by_id[b].document)
    )
    recall, precision = hits / max(1, len(wanted)), right / max(1, len(got))

    def identified(a: str, b: str) -> bool:
        """Both records carry the same identifying field: a document number, a photo or a date of birth."""
        one, other = by_id[a], by_id[b]
        return bool(
            set(one.photos) & set(other.photos)
            or (one.document and one.document == other.document)
            or (one.dob and one.dob == other.dob)
        )

    wanted_identified = {pair for pair in wanted if identified(*pair)}
    recall_identified = len(wanted_identified & got) / max(1, len(wanted_identified))
    print(
        f"bare blocking (read, transliterate, group by key, count pairs): {bare:.2f} s, {pairs} pairs in blocks"
    )
    print(
        f"blocking that also compares and scores each pair with fixed weights: {scored_bare:.2f} s, "
        f"{scored_kept} pairs scoring above 0 (for the speed only: ratio {scored_bare / took:.2f} to the search)"
    )
    print(f"dedupe search: {took:.2f} s, {len(found)} candidates with a match probability >= {threshold}")
    print(
        f"planted pairs proposed: {hits}/{len(wanted)} ({recall:.1%}); missed although they share a document or "
        f"photo: {missed_with_proof}; proposed pairs that are one person: {right}/{len(got)} ({precision:.1%}), "
        f"of two different persons: {len(got) - right}"
    )
    # Every blocked pair scored (one more search, untimed): the pairs no method can tell apart, and the
    # trade-off at other thresholds, for choosing the one in Settings.
    lowest = dedupe.find_candidates(setup.store, min_score=0.0, limit=setup.persons * 100)
    beyond = indistinguishable(lowest, wanted, lambda a, b: who(number[a]) == who(number[b]))
    print(
        f"planted pairs that a pair of two different persons matches on every compared field: {beyond} "
        f"({beyond / max(1, len(wanted)):.1%}); planted pairs the blocking never compares: "
        f"{len(wanted - {(c.person_a, c.person_b) for c in lowest})}"
    )
    curve = []
    for threshold_here in CURVE:
        above = [c for c in lowest if c.score >= threshold_here]
        same = sum(1 for c in above if who(number[c.person_a]) == who(number[c.person_b]))
        caught = sum(1 for c in above if (c.person_a, c.person_b) in wanted)
        curve.append(f"{threshold_here}: {caught / max(1, len(wanted)):.3f}/{same / max(1, len(above)):.3f}")
    print("recall/precision by threshold: " + ", ".join(curve))
    best, same_so_far, caught_so_far = (0.0, 1.0, 1.0), 0, 0
    for k, c in enumerate(sorted(lowest, key=lambda c: -c.score), 1):  # every threshold at once
        same_so_far += who(number[c.person_a]) == who(number[c.person_b])
        caught_so_far += (c.person_a, c.person_b) in wanted
        if same_so_far / k >= 0.9 and caught_so_far / max(1, len(wanted)) > best[0]:
            best = (caught_so_far / max(1, len(wanted)), same_so_far / k, c.score)
    print(f"best recall with precision >= 0.9: {best[0]:.3f} (precision {best[1]:.3f}) from {best[2]:.3f}")
    print(f"bench: hq_dedupe ratio={bare / took:.2f} target={DEDUPE_TARGET}")
    print(
        f"planted pairs sharing a document number, photo or date of birth: {len(wanted_identified)}, "
        f"proposed {len(wanted_identified & got)} ({recall_identified:.1%}); the rest share only names, "
        f"sex, nationality and an age: {len(wanted) - len(wanted_identified)}, proposed "
        f"{hits - len(wanted_identified & got)}"
    )
    print(f"bench: hq_dedupe_recall ratio={recall:.3f} target=0.9")
    print(f"bench: hq_dedupe_recall_identified ratio={recall_identified:.3f} target=0.9")
    print(f"bench: hq_dedupe_precision ratio={precision:.3f} target=0.9")


def bench_dashboard(setup: Setup) -> None:
    """``tests/bench/hq_dashboard.py``'s measurement on this section's store."""
    import hq_dashboard

    postgres = type(setup.store).__name__ == "PgStore"
    figures = hq_dashboard.run(setup.store, setup.persons, setup.repeats, postgres=postgres)
    print(
        f"dashboard: {figures['app']:.3f} s; bare GROUP BYs: {figures['bare']:.3f} s "
        f"({figures['counted']:,} persons counted)"
    )
    print(f"bench: hq_dashboard ratio={figures['ratio']:.2f} target={hq_dashboard.TARGET}")


def bench_import(setup: Setup) -> None:
    """``tests/bench/hq_import.py`` in a process of its own: it builds the laptops' bundles in worker
    processes and makes its own stores (SQLCipher, and PostgreSQL when FIELDAPP_TEST_PG names a server)."""
    script = Path(__file__).with_name("hq_import.py")
    subprocess.run([sys.executable, str(script), "--persons", str(setup.persons)], check=True)


SECTIONS: dict[str, Callable[[Setup], None]] = {
    "import": bench_import,
    "dedupe": bench_dedupe,
    "dashboard": bench_dashboard,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--database", default=None, help="a PostgreSQL URL (default: the SQLCipher store)")
    parser.add_argument("--only", choices=sorted(SECTIONS), action="append", help="run only these sections")
    parser.add_argument(
        "--self-reported-dob",
        type=float,
        default=hq_population.SELF_REPORTED_DOB,
        help="share of persons without a passport who give a date of birth (the rest an age)",
    )
    args = parser.parse_args()
    for name in args.only or list(SECTIONS):
        with tempfile.TemporaryDirectory(prefix=f"fieldapp-bench-hq-{name}-") as tmp:
            identity = init_hq(Path(tmp) / "hq", "Bench HQ", HQ_PASSPHRASE)
            store = create_store(identity, args.database)
            try:
                setup = Setup(Path(tmp), store, args.persons, args.repeats)
                setup.notes["self_reported_dob"] = args.self_reported_dob
                SECTIONS[name](setup)
            finally:
                store.close()


if __name__ == "__main__":
    main()
