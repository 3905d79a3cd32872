"""HQ dashboard query at scale, against the bare GROUP BYs for the same counts on the same engine.

    python tests/bench/hq_dashboard.py [--persons N] [--repeats R] [--database postgresql://...]

A fresh HQ store (SQLCipher, or PostgreSQL with ``--database``) gets N persons (default 100,000) written
straight into the projection tables (no events: this measures the query, not the import): 60 operations
(50 dated, 10 not) in 12 provinces, 12 nationalities, ages with 5 % unknown, 80 % screened, 2 % withdrawn,
30 % with a final handover, and 1 % merged into another person (active ``hq_links``).

app: ``dashboard(store)`` — every section, labels, age bands, periods, latest handover per person.
bare: the same counts as plain GROUP BYs with the same exclusions, the referral read with the engine's own
JSON operator (json_extract / ->>), results left as raw rows. ratio = bare time / app time (target ≥ 0.5).
``run()`` is the whole measurement, so tests/bench/hq.py can fold it in.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("FIELDAPP_INSECURE_FAST_KDF", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from fieldapp.hq.dashboard import dashboard  # noqa: E402
from fieldapp.hq.identity import init_hq  # noqa: E402
from fieldapp.hq.store import HqStore, create_store  # noqa: E402
from fieldapp.screening import Outcome  # noqa: E402

TARGET = 0.5
NATIONALITIES = ("VNM", "CHN", "IDN", "THA", "MMR", "LAO", "PHL", "MYS", "KHM", "IND", "NPL", "ETH")
OUTCOMES = tuple(o.value for o in Outcome)
KINDS = ("mosvy", "immigration", "embassy", "iom", "ngo", "police_atu")


def populate(store: HqStore, persons: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    conn = store.conn
    stamp = "2026-01-01T00:00:00.000Z"
    ops = []
    for n in range(60):
        data: dict[str, Any] = {"name": f"Raid {n}", "code": f"R{n:02d}", "province": f"Province {n % 12}"}
        if n < 50:
            data["date"] = f"{2024 + n // 25}-{1 + n % 12:02d}-{1 + n % 27:02d}"
        ops.append(
            (f"op-{n:03d}", data["code"], data["name"], "open", 1, json.dumps(data), stamp, stamp, "e")
        )
    person_rows, handover_rows, links = [], [], []
    for n in range(persons):
        op = ops[n % len(ops)][0]
        age = None if rng.random() < 0.05 else rng.randint(12, 60)
        created = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00.000Z"
        outcome = rng.choice(OUTCOMES) if rng.random() < 0.8 else None
        status = "withdrawn" if rng.random() < 0.02 else "final"
        handed = rng.random() < 0.3
        person_rows.append(
            (
                f"p-{n:07d}",
                op,
                f"T{n:07d}",
                status,
                1,
                f"PERSON {n}",
                "",
                rng.choice(NATIONALITIES),
                rng.choice(("female", "male", "unknown")),
                age,
                int(age is not None and age < 18),
                "",
                outcome,
                int(handed),
                "{}",
                created,
                created,
                "e",
            )
        )
        if handed:
            kind = rng.choice(KINDS)
            body = {"receiving_type": kind, "receiving_name": f"{kind.upper()} office {rng.randint(1, 4)}"}
            handover_rows.append(
                (f"h-{n:07d}", f"p-{n:07d}", "final", 1, json.dumps(body), created, created, "e")
            )
        if n and n % 100 == 0:
            links.append((f"l-{n}", f"p-{n - 1:07d}", f"p-{n:07d}", 0.9, "active", stamp, None, "d"))
    with store.transaction():
        conn.executemany(
            "INSERT INTO operations (id, code, name, status, version, data, created_at, updated_at, last_event) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ops,
        )
        conn.executemany(
            "INSERT INTO persons (id, operation_id, temp_id, status, version, name, name_own, nationality, sex, "
            "age, minor, document_no, outcome, handed_over, data, created_at, updated_at, last_event) "
            f"VALUES ({', '.join('?' * 18)})",
            person_rows,
        )
        conn.executemany(
            "INSERT INTO handovers (id, person_id, status, version, data, created_at, updated_at, last_event) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            handover_rows,
        )
        conn.executemany(
            "INSERT INTO hq_links (link_id, person_a, person_b, score, status, linked_at, unlinked_at, "
            "decision_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            links,
        )


SCOPE = "p.status NOT IN ('withdrawn', 'purged') AND p.id NOT IN (SELECT person_b FROM hq_links WHERE status = 'active')"


def bare(store: HqStore, postgres: bool) -> dict[str, list[Any]]:
    """The same counts as plain GROUP BYs, raw rows, no labels."""
    conn = store.conn
    found = {}
    for column in ("p.nationality", "p.sex", "p.age", "p.outcome"):
        found[column] = conn.execute(
            f"SELECT {column}, count(*) FROM persons p WHERE {SCOPE} GROUP BY {column}"
        ).fetchall()
    found["operation_day"] = conn.execute(
        "SELECT p.operation_id, substr(p.created_at, 1, 10), count(*) FROM persons p "
        f"WHERE {SCOPE} GROUP BY p.operation_id, substr(p.created_at, 1, 10)"
    ).fetchall()
    kind, name = (
        ("h.data::json->>'receiving_type'", "h.data::json->>'receiving_name'")
        if postgres
        else ("json_extract(h.data, '$.receiving_type')", "json_extract(h.data, '$.receiving_name')")
    )
    found["referral"] = conn.execute(
        f"SELECT {kind}, {name}, count(*) FROM handovers h JOIN persons p ON p.id = h.person_id "
        f"WHERE h.status = 'final' AND {SCOPE} GROUP BY {kind}, {name}"
    ).fetchall()
    return found


def _median(fn: Any, repeats: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def run(store: HqStore, persons: int, repeats: int = 3, *, postgres: bool = False) -> dict[str, float]:
    """Populate ``store`` with ``persons`` and time the dashboard against the bare GROUP BYs."""
    t0 = time.perf_counter()
    populate(store, persons)
    setup = time.perf_counter() - t0
    dashboard(store)  # warm both the same way: caches, query plans
    bare(store, postgres)
    app_time, board = _median(lambda: dashboard(store), repeats)
    bare_time, raw = _median(lambda: bare(store, postgres), repeats)
    expected = sum(int(r[-1]) for r in raw["operation_day"])
    referred = sum(int(r[-1]) for r in raw["referral"])
    if board.total != expected or sum(n for _, n in board.section("referral").rows) != referred:
        raise AssertionError(f"the dashboard counts differ from the bare query: {board.total} vs {expected}")
    return {
        "persons": persons,
        "counted": board.total,
        "setup": setup,
        "app": app_time,
        "bare": bare_time,
        "ratio": bare_time / app_time,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--database", default=None, help="a postgresql:// URL of an empty database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        identity = init_hq(Path(folder) / "hq", "Bench HQ", "bench passphrase")
        store = create_store(identity, args.database)
        try:
            figures = run(store, args.persons, args.repeats, postgres=bool(args.database))
        finally:
            store.close()
    engine = "postgresql" if args.database else "sqlcipher"
    print(
        f"setup ({engine}): {figures['persons']:,} persons in {figures['setup']:.1f} s; "
        f"{figures['counted']:,} counted (withdrawn and merged left out)"
    )
    print(f"dashboard: {figures['app']:.3f} s; bare GROUP BYs: {figures['bare']:.3f} s")
    print(f"bench: hq_dashboard ratio={figures['ratio']:.2f} target={TARGET}")


if __name__ == "__main__":
    main()
