"""HQ import at scale on both backends, against the bare insert of the same rows on the same engine.

    FIELDAPP_TEST_PG=postgresql://USER:PASSWORD@127.0.0.1:5432/postgres \\
        python tests/bench/hq_import.py [--persons N] [--laptops L]

L laptops (default 4) register N persons between them (default 100,000; one signed event each), each
in batches through the records service, and export one bundle each for a fresh HQ.
1. SQLCipher: ``import_bundle`` of every bundle into a fresh embedded store (decrypt, verify every hash
   and signature, insert the events, fold the projections, signed receipts).
2. PostgreSQL (when FIELDAPP_TEST_PG names a server; the bench makes and drops its own databases): the
   same import into a ``PgStore``.
The bare baseline, on each engine, does what any correct import must: every event's hash recomputed
from its content and its Ed25519 signature checked (in one process, libsodium as the app), then the rows
the import wrote (the events, and the persons, search and counter rows folded from them) inserted as they
are into the same tables of a second fresh store, opened the same way (the same SQLCipher settings), in
one transaction: ``executemany`` on SQLCipher, ``COPY`` on PostgreSQL (the fastest bare way in on each).
What is left is the app's own work: decrypting, parsing, folding, duplicate and chain checks, receipts. ratio = bare time / import time (target ≥ 0.5). For comparison the bench also
prints the time of the event rows alone into a plain table with no index (``plain``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("FIELDAPP_INSECURE_FAST_KDF", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from nacl.bindings import crypto_sign_open  # noqa: E402

from fieldapp.hq.identity import HqIdentity, enrolment_file, init_hq, unlock_hq  # noqa: E402
from fieldapp.hq.importer import import_bundle  # noqa: E402
from fieldapp.hq.store import HQ_CACHE_MIB, HQ_MEMORY_SECURITY, Device, HqStore, create_store  # noqa: E402
from fieldapp.hq.store import _migrate as migrate_hq  # noqa: E402
from fieldapp.records.events import DEVICE_CONTEXT, EVENT_COLUMNS, Event  # noqa: E402
from fieldapp.records.projections import PROJECTION_TABLES  # noqa: E402
from fieldapp.records.service import Records  # noqa: E402
from fieldapp.sync.export import export_bundle  # noqa: E402
from fieldapp.sync.keys import device_public_hex, fingerprint  # noqa: E402
from fieldapp.vault.db import open_database  # noqa: E402
from fieldapp.vault.session import create_vault  # noqa: E402
from tests.support import enrol_confirmed

TARGET = 0.5
PASSPHRASE = "bench hq passphrase"
BATCH = 1000
NATIONALITIES = ("VNM", "CHN", "IDN", "KHM", "THA", "MMR", "LAO", "PHL")
OWN_NAMES = ("Nguyễn Thị Lan", "王伟", "សុខ ដារា", "สมชาย", "Aung Ko", "Siti Rahma")


def build_laptop(folder: str, name: str, enrolment: str, persons: int) -> tuple[list[str], Device]:
    """One laptop: a vault, `persons` registrations in batches, one bundle. Runs in a worker process."""
    session = create_vault(Path(folder) / name, "Sok Dara", "bench laptop passphrase", device_name=name)
    enrol_confirmed(session, Path(enrolment))
    records = Records(session)
    operation = records.create_operation(name=f"Raid {name}").id
    for start in range(0, persons, BATCH):
        with session.log.transaction():
            for n in range(start, min(persons, start + BATCH)):
                records.register_person(
                    operation,
                    name=f"PERSON {name.upper()} {n}",
                    name_own_script=OWN_NAMES[n % len(OWN_NAMES)],
                    nationality=NATIONALITIES[n % len(NATIONALITIES)],
                    sex="female" if n % 2 else "male",
                    age=15 + n % 40,
                    document_no=f"P{n:08d}",
                )
    stick = Path(folder) / f"stick-{name}"
    stick.mkdir()
    result = export_bundle(session, stick)
    assert result is not None
    key = device_public_hex(session)
    device = Device(session.device_id, key, fingerprint(key), name, None, "approved", "bench", None)
    session.close()
    return [str(p) for p in result.paths], device


def build(root: Path, persons: int, laptops: int) -> tuple[HqIdentity, list[list[Path]], list[Device]]:
    identity = init_hq(root / "hq", "Bench HQ", PASSPHRASE)
    jobs = []
    with ProcessPoolExecutor(max_workers=min(laptops, os.cpu_count() or 1)) as pool:
        for k in range(laptops):
            _, raw = enrolment_file(identity, f"laptop-{k}")
            path = root / f"enrol-{k}.json"
            path.write_bytes(raw)
            share = persons // laptops + (1 if k < persons % laptops else 0)
            jobs.append(pool.submit(build_laptop, str(root), f"laptop-{k}", str(path), share))
        built = [job.result() for job in jobs]
    return identity, [[Path(p) for p in paths] for paths, _ in built], [device for _, device in built]


def cached_build(args: argparse.Namespace, root: Path) -> tuple[HqIdentity, list[list[Path]], list[Device]]:
    if not args.cache:
        return build(root, args.persons, args.laptops)
    cache = Path(args.cache) / f"{args.persons}x{args.laptops}"
    index = cache / "bundles.json"
    if not index.exists():
        cache.mkdir(parents=True, exist_ok=True)
        identity, bundles, devices = build(cache, args.persons, args.laptops)
        index.write_text(
            json.dumps(
                {"bundles": [[str(p) for p in b] for b in bundles], "devices": [d.__dict__ for d in devices]}
            )
        )
    saved = json.loads(index.read_text())
    (root / "hq").mkdir()  # the HQ keys in a fresh folder: the store file goes there
    shutil.copy(cache / "hq" / "hq-keys.json", root / "hq" / "hq-keys.json")
    identity = unlock_hq(root / "hq", PASSPHRASE)
    return identity, [[Path(p) for p in b] for b in saved["bundles"]], [Device(**d) for d in saved["devices"]]


def timed_import(
    store: HqStore, identity: HqIdentity, bundles: list[list[Path]], devices: list[Device]
) -> float:
    with store.transaction():
        for device in devices:
            store.add_device(device)
    start = time.perf_counter()
    for paths in bundles:
        import_bundle(store, identity, paths)
    return time.perf_counter() - start


PLAIN_TABLE = "CREATE TABLE plain_events ({})".format(
    ", ".join(
        f"{c.strip()} {'INTEGER' if c.strip() == 'device_seq' else 'TEXT'}" for c in EVENT_COLUMNS.split(",")
    )
)
PLAIN_INSERT = f"INSERT INTO plain_events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 14)})"
Rows = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def written_rows(store: HqStore) -> Rows:
    """What the import wrote to the log and the projections, table by table, in insertion order.
    PostgreSQL's identity columns (``rowid`` of events and persons) are left to the engine."""
    tables: Rows = {}
    for table in ("events", *PROJECTION_TABLES):
        cursor = store.conn.execute(f"SELECT * FROM {table} LIMIT 0")
        columns = [d[0] for d in cursor.description if not (d[0] == "rowid" and table != "person_search")]
        if table == "person_search" and "rowid" not in columns:  # SQLite's FTS table: rows keyed by rowid
            columns.insert(0, "rowid")
        order = "rowid" if table in ("events", "persons", "person_search") else "1"
        rows = store.conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}").fetchall()
        if rows:
            tables[table] = (columns, [tuple(r) for r in rows])
    return tables


def check_events(rows: list[tuple[Any, ...]], keys: dict[str, bytes]) -> float:
    """What any correct import must do besides writing: each event's hash recomputed from its content and
    its device signature checked (libsodium, as the app; officer signatures where there are some)."""
    start = time.perf_counter()
    for row in rows:
        event = Event.from_row(row)
        digest = bytes.fromhex(event.compute_hash())
        assert digest.hex() == event.hash
        crypto_sign_open(bytes.fromhex(event.device_sig) + DEVICE_CONTEXT + digest, keys[event.device_id])
    return time.perf_counter() - start


def insert_sqlcipher(path: Path, key: bytes, tables: Rows, schema: Callable[[Any], object]) -> float:
    """The rows inserted as they are (``executemany``, one transaction) into a fresh file opened as the
    HQ store is; ``schema`` makes its tables first."""
    conn = open_database(path, key, cache_mib=HQ_CACHE_MIB, memory_security=HQ_MEMORY_SECURITY)
    schema(conn)
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for table, (columns, rows) in tables.items():
        marks = ", ".join("?" * len(columns))
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def bare_postgresql(identity: HqIdentity, url: str, tables: Rows) -> float:
    store = create_store(identity, url)
    raw = store.conn.raw
    start = time.perf_counter()
    with raw.transaction(), raw.cursor() as cursor:
        for table, (columns, rows) in tables.items():
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


def plain_postgresql(url: str, rows: list[tuple[Any, ...]]) -> float:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(PLAIN_TABLE)
        start = time.perf_counter()
        with conn.transaction(), conn.cursor() as cursor:
            cursor.executemany(PLAIN_INSERT.replace("?", "%s"), rows)
        return time.perf_counter() - start


def drop_database(admin: Any, name: str) -> None:
    """Drop a database this bench made, as a role that may create databases but not end other roles'
    sessions (the test command's): no FORCE, so wait for this bench's own connections to end first."""
    import psycopg

    for _ in range(60):
        try:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            return
        except psycopg.errors.ObjectInUse:
            time.sleep(0.5)
    print(f"warning: {name} is still in use and was left behind; drop it by hand", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--laptops", type=int, default=4)
    parser.add_argument(
        "--profile", choices=("sqlcipher", "postgresql"), help="print a profile of that import"
    )
    parser.add_argument(
        "--cache", metavar="DIR", help="keep the laptops' bundles here and reuse them next time"
    )
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-hq-import-"))
    server = os.environ.get("FIELDAPP_TEST_PG")
    admin: Any = None
    try:
        t0 = time.perf_counter()
        identity, bundles, devices = cached_build(args, root)
        size = sum(p.stat().st_size for paths in bundles for p in paths) / 1e6
        print(
            f"setup: {args.laptops} laptops, {args.persons} persons, {size:.1f} MB of bundles "
            f"in {time.perf_counter() - t0:.1f} s"
        )

        profiler: Any = None
        if args.profile:
            import cProfile

            profiler = cProfile.Profile()
        results: list[tuple[str, float, float, float]] = []
        store = create_store(identity)
        if args.profile == "sqlcipher":
            profiler.enable()
        app = timed_import(store, identity, bundles, devices)
        if args.profile == "sqlcipher":
            profiler.disable()
        tables = written_rows(store)
        store.close()
        events = [row[:14] for row in tables["events"][1]]
        keys = {d.device_id: bytes.fromhex(d.public_key) for d in devices}
        key = identity.store_key
        bare = check_events(events, keys) + insert_sqlcipher(root / "bare.db", key, tables, migrate_hq)
        plain_rows = {"plain_events": ([c.strip() for c in EVENT_COLUMNS.split(",")], events)}
        plain = insert_sqlcipher(root / "plain.db", key, plain_rows, lambda conn: conn.execute(PLAIN_TABLE))
        results.append(("sqlcipher", app, bare, plain))

        if server:
            import psycopg

            admin = psycopg.connect(server, autocommit=True)
            urls = []
            for n in (1, 2):
                name = f"fieldapp_bench_{os.getpid()}_{n}"
                admin.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'")
                urls.append(urlunsplit(urlsplit(server)._replace(path=f"/{name}")))
            store = create_store(identity, urls[0])
            if args.profile == "postgresql":
                profiler.enable()
            app = timed_import(store, identity, bundles, devices)
            if args.profile == "postgresql":
                profiler.disable()
            pg_tables = written_rows(store)
            store.close()
            assert len(pg_tables["events"][1]) == len(events)
            bare = check_events(events, keys) + bare_postgresql(identity, urls[1], pg_tables)
            results.append(("postgresql", app, bare, plain_postgresql(urls[1], events)))
        else:
            print("postgresql: skipped (set FIELDAPP_TEST_PG=postgresql://USER:PASSWORD@HOST:PORT/postgres)")

        for backend, app, bare, plain in results:
            print(
                f"{backend}: import {app:.2f} s = {len(events) / app:.0f} events/s; the same rows bare "
                f"{bare:.2f} s; plain (event rows alone, no index) {plain:.2f} s = ratio {plain / app:.2f}"
            )
        for backend, app, bare, _ in results:
            print(f"bench: hq_import_{backend} ratio={bare / app:.2f} target={TARGET}")
        if profiler is not None:
            import pstats

            pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
    finally:
        if admin is not None:
            for n in (1, 2):
                drop_database(admin, f"fieldapp_bench_{os.getpid()}_{n}")
            admin.close()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
