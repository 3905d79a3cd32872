"""The linkage model at national or regional scale, on this machine: long, so behind a flag.

    FIELDAPP_LINKAGE_SCALE=1000000 .venv/bin/pytest -q -s tests/core/test_linkage_scale.py

Persons are drawn from the demo's name pools (no store: the store's read is measured by the bench), 5%
recorded again by another team (upper case, or the name in the other order, or own script only; the age
one year off in some; the document kept in some). The model is estimated from them and the search run;
the test prints the time and memory of each step and checks that every copy sharing a document is found.
"""

from __future__ import annotations

import os
import random
import resource
import time
from typing import Any

import pytest

from fieldapp.demo.names import sample_person
from fieldapp.hq import dedupe_persons, linkage, linkage_features, linkage_store
from fieldapp.hq.dedupe_persons import Person

SCALE = int(os.environ.get("FIELDAPP_LINKAGE_SCALE", "0") or 0)
THRESHOLD = linkage_store.DEFAULTS[linkage_store.PROPOSE_FROM]  # as the search proposes by default


def _people(count: int, seed: int) -> tuple[list[Person], set[tuple[int, int]]]:
    rng = random.Random(seed)
    data: list[dict[str, Any]] = []
    planted: set[tuple[int, int]] = set()
    people: list[Person] = []
    while len(data) < count:
        n = len(data)
        original = -1
        if n > 100 and rng.random() < 0.05:
            original = rng.randrange(n)
            copy = dict(data[original])
            way = rng.randrange(3)
            if way == 0:
                copy["name"] = copy["name"].upper()
            elif way == 1:
                copy["name"] = " ".join(reversed(copy["name"].split()))
            elif copy["name_own_script"]:
                copy["name"] = ""
            if rng.random() < 0.4:
                copy["age"] += rng.choice((-1, 1))
            if rng.random() < 0.4:
                copy["document_no"] = ""
            planted.add((original, n))
        else:
            p = sample_person(rng)
            copy = {
                "name": p.display_latin,
                "name_own_script": p.display_own,
                "nationality": p.nationality.iso3,
                "sex": p.sex,
                "age": p.age,
                "document_no": p.passport_number or "",
            }
        op = f"op{rng.randrange(300)}"
        if original >= 0 and op == people[original].operation_id:
            op = f"op{(int(op[2:]) + 1) % 300}"  # another team: one team does not register a person twice
        data.append(copy)
        people.append(
            dedupe_persons.person_from(f"p{n:07d}", op, f"dev-{op}", "2026-03-01T08:00:00Z", copy, ())
        )
    return people, planted


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.skipif(not SCALE, reason="long: set FIELDAPP_LINKAGE_SCALE=1000000 (persons) to run it")
def test_the_model_runs_at_scale() -> None:
    t0 = time.perf_counter()
    people, planted = _people(SCALE, seed=31)
    t1 = time.perf_counter()
    rows = linkage_features.rows(
        people, {f"op{n}": f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}" for n in range(300)}
    )
    tf_rows = linkage_features.term_frequencies(rows)
    t2 = time.perf_counter()
    estimate = linkage.estimate(rows, tf_rows)
    t3 = time.perf_counter()
    with linkage.opened(rows, tf_rows) as opened:
        found = linkage.predict(opened, estimate.model, threshold=THRESHOLD)
    t4 = time.perf_counter()
    got = {(s.a, s.b) for s in found}
    with_document = {
        (a, b) for a, b in planted if people[a].document and people[a].document == people[b].document
    }
    recall = len(planted & got) / len(planted)
    print(
        f"\nlinkage at {SCALE:,} persons ({len(planted):,} planted copies): generated in {t1 - t0:.0f} s, "
        f"compared values in {t2 - t1:.0f} s, model estimated in {t3 - t2:.0f} s, searched in {t4 - t3:.0f} s "
        f"({len(found):,} pairs from {THRESHOLD}; planted found {recall:.1%}); peak memory {_peak_mib():,.0f} MiB"
    )
    assert with_document and with_document <= got
