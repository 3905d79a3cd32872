"""Vault benchmark: production unlock cost, and the app's append rate against bare SQLite.

    python tests/bench/vault.py [--events N] [--single N] [--batch N] [--profile]

Measures, in one run:
  (a) unlock time with the PRODUCTION Argon2id parameters (FIELDAPP_INSECURE_FAST_KDF unset);
  (b) the app's append rate: N person registrations (Records.register_person: signed event +
      projections + search index), ``--batch`` per ``session.log.transaction()``, and a smaller
      run of single-event durable transactions;
  (c) a bare baseline doing the work any correct implementation must do: SQLCipher with the vault's
      settings (the same key mode, WAL, synchronous=FULL, cipher_memory_security on, as a laptop
      runs it), each event's SHA-256 over its canonical JSON chained to the previous one and its
      Ed25519 device signature, and the same inserts (an events row, a persons row and an FTS5
      trigram row per event) with the same batching; no app logic beyond that.

Ends with ``bench: NAME ratio=X target=Y`` lines, X = baseline time / app time for the same work.
Not collected by pytest (no ``test_`` prefix); everything happens in a temporary folder.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# Fast key derivation for everything but the unlock measurement, which unsets it explicitly.
os.environ["FIELDAPP_INSECURE_FAST_KDF"] = "1"

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from fieldapp.records.canonical import canonical_json  # noqa: E402
from fieldapp.records.events import DEVICE_CONTEXT  # noqa: E402
from fieldapp.records.service import Records  # noqa: E402
from fieldapp.vault import keyslots  # noqa: E402
from fieldapp.vault.db import open_database  # noqa: E402
from fieldapp.vault.session import Session, create_vault, unlock  # noqa: E402

OFFICER = "Bench Officer"
PASSPHRASE = "bench passphrase long enough"
TARGET_APPEND = 0.5
PROGRESS_EVERY = 10  # batches

GIVEN = ("Sok", "Dara", "Chan", "Thida", "Minh", "Lan", "Wei", "Mei", "Somchai", "Ploy", "Vanna", "Rith")
FAMILY = ("Nguyen", "Tran", "Chea", "Keo", "Wang", "Li", "Srisuk", "Pich", "Le", "Pham", "Huot")
OWN = ("សុខ ដារា", "陈美玲", "สมชาย ศรีสุข", "Nguyễn Thị Lan", "ចាន់ ធីតា", "王伟")
NATIONALITIES = ("KHM", "VNM", "CHN", "THA", "MMR", "LAO")


def person_fields(rng: random.Random, i: int) -> dict[str, Any]:
    name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    return {
        "name": name,
        "name_own_script": rng.choice(OWN),
        "aliases": [f"{rng.choice(GIVEN)} {i}", f"{name.split()[0]}{rng.randrange(100)}"],
        "nationality": rng.choice(NATIONALITIES),
        "sex": rng.choice(("female", "male")),
        "age": rng.randrange(12, 60),
        "document_no": f"N{rng.randrange(10**7, 10**8)}",
    }


def batches(total: int, size: int) -> Iterator[int]:
    done = 0
    while done < total:
        n = min(size, total - done)
        yield n
        done += n


# --- (a) unlock with production Argon2id ------------------------------------------------------------


def bench_unlock(root: Path, tries: int = 3) -> None:
    saved = os.environ.pop("FIELDAPP_INSECURE_FAST_KDF", None)
    try:
        folder = root / "unlock"
        started = time.perf_counter()
        create_vault(folder, OFFICER, PASSPHRASE, device_name="bench").close()
        created = time.perf_counter() - started
        kdf = keyslots.load_current(folder).slots[0].kdf
        assert not kdf.is_weak, "the unlock benchmark must use production key-derivation parameters"
        times = []
        for _ in range(tries):
            started = time.perf_counter()
            unlock(folder, OFFICER, PASSPHRASE).close()
            times.append(time.perf_counter() - started)
    finally:
        if saved is not None:
            os.environ["FIELDAPP_INSECURE_FAST_KDF"] = saved
    print(
        f"unlock (production Argon2id: memory={kdf.memory_kib} KiB ({kdf.memory_kib // 1024} MiB), "
        f"iterations={kdf.iterations}, lanes={kdf.lanes}): median {statistics.median(times):.3f} s, "
        f"min {min(times):.3f} s, max {max(times):.3f} s over {tries} unlocks; create_vault {created:.3f} s"
    )


# --- (b) the app ---------------------------------------------------------------------------------------


def new_session(root: Path, name: str) -> tuple[Session, str]:
    session = create_vault(root / name, OFFICER, PASSPHRASE, device_name="bench")
    operation_id = Records(session).create_operation(name="Bench Raid").id
    return session, operation_id


def app_batched(root: Path, total: int, batch: int, seed: int) -> float:
    session, operation_id = new_session(root, "app-batched")
    records = Records(session)
    rng = random.Random(seed)
    elapsed, done, n_batches = 0.0, 0, 0
    try:
        for n in batches(total, batch):
            fields = [person_fields(rng, done + k) for k in range(n)]
            started = time.perf_counter()
            with session.log.transaction():
                for f in fields:
                    records.register_person(operation_id, **f)
            took = time.perf_counter() - started
            elapsed += took
            done += n
            n_batches += 1
            if n_batches % PROGRESS_EVERY == 0:
                print(f"  app batched: {done} events, last batch {n / took:,.0f} events/s", flush=True)
    finally:
        session.close()
    return elapsed


def app_single(root: Path, total: int, seed: int) -> float:
    session, operation_id = new_session(root, "app-single")
    records = Records(session)
    rng = random.Random(seed)
    fields = [person_fields(rng, k) for k in range(total)]
    try:
        started = time.perf_counter()
        for f in fields:
            records.register_person(operation_id, **f)  # one durable transaction each
        return time.perf_counter() - started
    finally:
        session.close()


# --- (c) bare sqlite3 ----------------------------------------------------------------------------------

EVENT_FIELDS = (
    "event_id",
    "device_id",
    "device_seq",
    "entity",
    "entity_id",
    "op",
    "payload",
    "officer_id",
    "created_at",
    "parent",
)
BASELINE_SCHEMA = """
CREATE TABLE events (
    event_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, device_seq INTEGER NOT NULL,
    entity TEXT NOT NULL, entity_id TEXT NOT NULL, op TEXT NOT NULL, payload TEXT NOT NULL,
    officer_id TEXT NOT NULL, created_at TEXT NOT NULL, parent TEXT, prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE, device_sig TEXT NOT NULL, officer_sig TEXT, UNIQUE (device_id, device_seq)
);
CREATE INDEX events_by_entity ON events (entity_id);
CREATE TABLE persons (
    id TEXT PRIMARY KEY, operation_id TEXT NOT NULL, temp_id TEXT NOT NULL, status TEXT NOT NULL,
    version INTEGER NOT NULL, name TEXT NOT NULL, name_own TEXT NOT NULL, nationality TEXT NOT NULL,
    sex TEXT NOT NULL, age INTEGER, minor INTEGER NOT NULL, document_no TEXT NOT NULL, outcome TEXT,
    handed_over INTEGER NOT NULL, data TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    last_event TEXT NOT NULL
);
CREATE INDEX persons_by_operation ON persons (operation_id, temp_id);
CREATE INDEX persons_by_name ON persons (name);
CREATE INDEX persons_by_nationality ON persons (nationality);
CREATE INDEX persons_by_outcome ON persons (outcome);
CREATE VIRTUAL TABLE person_search USING fts5 (person_id UNINDEXED, body, tokenize = 'trigram');
"""


class Baseline:
    """The same rows, hashed, chained and signed, written to a SQLCipher file opened as a vault is."""

    def __init__(self, path: Path) -> None:
        self.conn = open_database(path, os.urandom(32), memory_security=True)  # the vault's settings
        self.conn.executescript(BASELINE_SCHEMA)
        self.key = Ed25519PrivateKey.generate()
        self.prev_hash = "0" * 64
        self.device_id = str(uuid.uuid4())
        self.officer_id = str(uuid.uuid4())
        self.operation_id = str(uuid.uuid4())
        self.seq = 0

    def rows(self, fields: dict[str, Any]) -> tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]:
        self.seq += 1
        person_id, event_id = str(uuid.uuid4()), str(uuid.uuid4())
        data = {**fields, "temp_id": f"BEN-XX-{self.seq:04d}", "operation_id": self.operation_id}
        payload = json.dumps({"fields": data}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        now = "2026-11-29T09:00:00.000Z"
        event = (
            event_id,
            self.device_id,
            self.seq,
            "person",
            person_id,
            "create",
            payload,
            self.officer_id,
            now,
            None,
            "",  # prev_hash, hash and signature: made in ``write``, on the clock, as the app makes them
            "",
            "",
            None,
        )
        person = (
            person_id,
            self.operation_id,
            data["temp_id"],
            "draft",
            1,
            data["name"],
            data["name_own_script"],
            data["nationality"],
            data["sex"],
            data["age"],
            0,
            data["document_no"],
            None,
            0,
            json.dumps(data, ensure_ascii=False, sort_keys=True),
            now,
            now,
            event_id,
        )
        body = " ".join(
            [data["temp_id"], data["name"], data["name_own_script"], data["document_no"], *data["aliases"]]
        )
        return event, person, (person_id, body)

    def sealed(self, event: tuple[Any, ...]) -> tuple[Any, ...]:
        """The event chained to the previous one, hashed over its canonical JSON and signed."""
        fields = dict(zip(EVENT_FIELDS, event[:10], strict=True))
        fields["payload"] = json.loads(fields["payload"])
        digest = hashlib.sha256(canonical_json({**fields, "prev_hash": self.prev_hash})).digest()
        signature = self.key.sign(DEVICE_CONTEXT + digest).hex()
        sealed = (*event[:10], self.prev_hash, digest.hex(), signature, None)
        self.prev_hash = digest.hex()
        return sealed

    def write(self, rows: list[tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]]) -> None:
        execute = self.conn.execute
        execute("BEGIN IMMEDIATE")
        for event, person, search in rows:
            execute(f"INSERT INTO events VALUES ({', '.join('?' * 14)})", self.sealed(event))
            execute(f"INSERT INTO persons VALUES ({', '.join('?' * 18)})", person)
            execute("INSERT INTO person_search (person_id, body) VALUES (?, ?)", search)
        execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


def baseline_run(root: Path, name: str, total: int, batch: int, seed: int) -> float:
    base = Baseline(root / f"{name}.db")
    rng = random.Random(seed)
    elapsed, done = 0.0, 0
    try:
        for n in batches(total, batch):
            rows = [base.rows(person_fields(rng, done + k)) for k in range(n)]  # made outside the clock
            started = time.perf_counter()
            base.write(rows)
            elapsed += time.perf_counter() - started
            done += n
    finally:
        base.close()
    return elapsed


# --- main ------------------------------------------------------------------------------------------------


def profile(root: Path, total: int, batch: int, seed: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    app_batched(root, total, batch, seed)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(20)
    print(f"profile of the app, {total} events in batches of {batch} (by own time):")
    print(out.getvalue())


def timed(label: str, count: int, run: Callable[[], float]) -> float:
    seconds = run()
    print(f"{label}: {count} events in {seconds:.2f} s = {count / seconds:,.0f} events/s", flush=True)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="batched appends (default 100000)")
    parser.add_argument("--single", type=int, default=2_000, help="single-event transactions (default 2000)")
    parser.add_argument("--batch", type=int, default=1_000, help="events per transaction (default 1000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-unlock", action="store_true", help="skip the production unlock measurement")
    parser.add_argument("--profile", action="store_true", help="also cProfile a batched app run")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-") as tmp:
        root = Path(tmp)
        if not args.no_unlock:
            bench_unlock(root)
        app = timed(
            f"app batched ({args.batch}/transaction)",
            args.events,
            lambda: app_batched(root, args.events, args.batch, args.seed),
        )
        base = timed(
            f"bare batched (SQLCipher, hashed, signed; {args.batch}/transaction)",
            args.events,
            lambda: baseline_run(root, "base-batched", args.events, args.batch, args.seed),
        )
        app_one = timed(
            "app single-event transactions", args.single, lambda: app_single(root, args.single, args.seed)
        )
        base_one = timed(
            "bare single-event transactions",
            args.single,
            lambda: baseline_run(root, "base-single", args.single, 1, args.seed),
        )
        if args.profile:
            profile(root / "profile", min(args.events, 5_000), args.batch, args.seed)
    print(f"bench: append_batched ratio={base / app:.2f} target={TARGET_APPEND}")
    print(f"bench: append_single ratio={base_one / app_one:.2f} target={TARGET_APPEND}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
