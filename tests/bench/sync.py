"""Sync throughput: bundle export and HQ import, against bare age streaming in the same run.

    python tests/bench/sync.py [--persons N] [--repeats R] [--photo-px WxH]

A vault with N persons (default 1,000), 3 photos each, enrolled with a fresh HQ.
1. Export: ``export_bundle`` (events and photo originals read from the vault, manifest signed, age
   streaming, volumes fsynced, renamed, read back and compared) against the bare work any correct
   export must do: the same plaintext bytes, already in a file, through ``pyrage.encrypt_io`` into a
   file while hashing the ciphertext (SHA-256, the bundle hash), one Ed25519 signature (the manifest),
   fsynced, then read back from the stick and hashed again. Also
   printed: process CPU time of both (steadier than wall time on shared cores) and the export's
   time by step.
2. Import, in a fresh process as at HQ: ``import_bundle`` into a fresh HQ store (decrypt streaming, verify every hash and
   signature, insert events and photo originals, fold projections, one durable transaction,
   signed receipt) against the bare work any correct import must do: ``pyrage.decrypt_io`` of the
   same bundle, then every record parsed, every event's hash recomputed from its canonical JSON and
   its Ed25519 signature checked (libsodium, as the app), every file's SHA-256, the plaintext written
   and fsynced. The
   import's time is also broken down by step (store methods and importer steps timed in place).
Each figure is the median of the repeats; ratio = bare time / app time (target ≥ 0.7).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("FIELDAPP_INSECURE_FAST_KDF", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pyrage  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from nacl.bindings import crypto_sign_open  # noqa: E402

from fieldapp.hq import importer  # noqa: E402
from fieldapp.hq.identity import unlock_hq  # noqa: E402
from fieldapp.hq.importer import import_bundle  # noqa: E402
from fieldapp.hq.store import Device, SqlCipherStore, create_store  # noqa: E402
from fieldapp.photos.service import Photos  # noqa: E402
from fieldapp.records.events import DEVICE_CONTEXT, MANIFEST_CONTEXT  # noqa: E402
from fieldapp.records.service import Records  # noqa: E402
from fieldapp.sync import bundle  # noqa: E402
from fieldapp.sync import export as sync_export  # noqa: E402
from fieldapp.sync.export import export_bundle  # noqa: E402
from fieldapp.vault.session import Session  # noqa: E402
from tests.core.test_photos import jpeg  # noqa: E402
from tests.core.test_sync import HQ_PASSPHRASE, Hq, laptop  # noqa: E402

TARGET = 0.7


class Stopwatch:
    """Wall time spent inside chosen functions (wrapped in place), to say where the import's time goes."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}

    def wrap(self, owner: Any, name: str, label: str) -> None:
        inner = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                self.spent[label] = self.spent.get(label, 0.0) + time.perf_counter() - t

        setattr(owner, name, timed)


def build(folder: Path, persons: int, size: tuple[int, int]) -> tuple[Hq, Session]:
    hq = Hq(folder / "hq")
    session = laptop(folder, "bench-laptop")
    hq.enrol(session)
    hq.approve(session)
    records = Records(session)
    photos = Photos(records)
    images = [jpeg(size[0] + k, size[1]) for k in range(3)]
    operation = records.create_operation(name="Bench raid").id
    with session.log.transaction():
        for n in range(persons):
            person = records.register_person(
                operation, name=f"PERSON {n}", nationality="KHM", age=18 + n % 40
            )
            records.update_person(person.id, sex="female" if n % 2 else "male")
            for k, image in enumerate(images):
                photos.attach(person.id, image, kind="portrait" if k == 0 else "scene", consent=True)
    return hq, session


class HashingWriter:
    """A file that hashes what is written to it (the bundle hash, taken while writing)."""

    def __init__(self, handle: Any) -> None:
        self.handle, self.sha = handle, hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        return int(self.handle.write(data))

    def flush(self) -> None:
        self.handle.flush()


def bare_export(plain: Path, out: Path, recipient: Any) -> None:
    """Encrypt, hash the ciphertext, sign a digest, fsync, read back and compare: what any export must do."""
    key = Ed25519PrivateKey.generate()
    with open(plain, "rb") as src, open(out, "wb") as dst:
        sink = HashingWriter(dst)
        pyrage.encrypt_io(src, sink, [recipient])
        dst.flush()
        os.fsync(dst.fileno())
    key.sign(MANIFEST_CONTEXT + sink.sha.digest())
    again = hashlib.sha256()
    with open(out, "rb") as back:
        while chunk := back.read(1 << 20):
            again.update(chunk)
    assert again.digest() == sink.sha.digest()


def bare_import(bundle_file: Path, out: Path, identity: Any, keys: dict[str, bytes]) -> None:
    """Decrypt, then check every event's hash and signature and every file's hash: what any import must do."""
    with open(bundle_file, "rb") as src, open(out, "wb") as dst:
        pyrage.decrypt_io(src, dst, [identity])
        dst.flush()
        os.fsync(dst.fileno())
    data = memoryview(out.read_bytes())
    pos = len(bundle.MAGIC)
    header = struct.Struct(">cQ")
    while pos < len(data):
        kind, length = header.unpack_from(data, pos)
        body = bytes(data[pos + header.size : pos + header.size + length])
        pos += header.size + length
        if kind == b"M":
            bundle.verify_manifest(body)
        elif kind == b"E":
            event = bundle.decode_event(body)
            digest = bytes.fromhex(event.compute_hash())
            crypto_sign_open(bytes.fromhex(event.device_sig) + DEVICE_CONTEXT + digest, keys[event.device_id])
        elif kind == b"F":
            hashlib.sha256(body).digest()


def measure_imports(
    root: Path, hq_keys: Path, devices: list[Device], bundles: list[list[Path]], events: int
) -> tuple[list[float], list[float], dict[str, float]]:
    """Each bundle imported into a fresh HQ store, and its bare decryption: the times, and where the
    imports' time went (store methods and importer steps timed in place)."""
    import_times, bare_dec = [], []
    watch = Stopwatch()
    parts = (
        (importer, "_decrypt", "decrypt, parse, hash and store files"),
        (SqlCipherStore, "put_file", "  of which: store files"),
        (importer, "_check_signatures", "event hashes (signatures: in workers, meanwhile)"),
        (importer, "_take_events", "duplicate and chain checks"),
        (SqlCipherStore, "insert_events", "insert events"),
        (SqlCipherStore, "project", "fold projections"),
        (importer.conflicts, "detect", "conflict detection"),
    )
    for owner, name, label in parts:
        watch.wrap(owner, name, label)
    for r, paths in enumerate(bundles):
        folder = root / f"hq-{r}"
        folder.mkdir()
        shutil.copy(hq_keys, folder / "hq-keys.json")
        identity = unlock_hq(folder, HQ_PASSPHRASE)
        store = create_store(identity)
        with store.transaction():
            for device in devices:
                store.add_device(device)
        t = time.perf_counter()
        imported = import_bundle(store, identity, paths)
        import_times.append(time.perf_counter() - t)
        assert imported.new_events == events
        store.close()
        out_path = root / f"plain-{r}.bin"
        keys = {d.device_id: bytes.fromhex(d.public_key) for d in devices}
        t = time.perf_counter()
        bare_import(paths[0], out_path, identity.age_identity, keys)
        bare_dec.append(time.perf_counter() - t)
        out_path.unlink()
        shutil.rmtree(folder)
    return import_times, bare_dec, {label: watch.spent.get(label, 0.0) for _, _, label in parts}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--photo-px", default="2000x1500")
    parser.add_argument("--measure-imports", metavar="JOB", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.measure_imports:
        job = Path(args.measure_imports)
        spec = json.loads(job.read_text())
        measured = measure_imports(
            Path(spec["root"]),
            Path(spec["hq_keys"]),
            [Device(**d) for d in spec["devices"]],
            [[Path(p) for p in paths] for paths in spec["bundles"]],
            spec["events"],
        )
        job.write_text(json.dumps({**spec, "measured": measured}))
        return
    width, height = (int(v) for v in args.photo_px.split("x"))
    root = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    try:
        t0 = time.perf_counter()
        hq, session = build(root, args.persons, (width, height))
        print(f"setup: {args.persons} persons, {3 * args.persons} photos in {time.perf_counter() - t0:.1f} s")
        recipient = pyrage.x25519.Recipient.from_str(hq.identity.recipient)

        # The plaintext the exporter streams, captured once in a file for the bare baseline.
        acked = 0
        plain_path = root / "plain.bin"
        rows = session.conn.execute(
            "SELECT device_seq, entity, entity_id, op, payload FROM events WHERE device_id = ?",
            (session.device_id,),
        ).fetchall()
        files = sync_export._pending_files(session, rows)
        with open(plain_path, "wb") as out:
            for part in sync_export._plaintext(session, b"{}", acked, files):
                out.write(part)

        export_times, bare_enc, results = [], [], []
        export_cpu, bare_cpu = [], []  # process CPU time: steadier than wall time when the cores are shared
        export_watch = Stopwatch()
        export_parts = (
            (sync_export, "pending", "pending events and files"),
            (bundle.IterReader, "readinto", "plaintext: events, photos read and decrypted"),
            (sync_export.VolumeWriter, "_drain", "write + SHA-256 of the ciphertext"),
            (sync_export.VolumeWriter, "_close_volume", "fsync volumes"),
            (sync_export, "_verify_written", "read back + SHA-256"),
        )
        for owner, name, label in export_parts:
            export_watch.wrap(owner, name, label)
        for r in range(args.repeats):
            stick = root / f"stick-{r}"
            stick.mkdir()
            t, c = time.perf_counter(), time.process_time()
            result = export_bundle(session, stick)
            export_times.append(time.perf_counter() - t)
            export_cpu.append(time.process_time() - c)
            assert result is not None
            results.append(result)
            bare_out = root / f"bare-{r}.age"
            t, c = time.perf_counter(), time.process_time()
            bare_export(plain_path, bare_out, recipient)
            bare_enc.append(time.perf_counter() - t)
            bare_cpu.append(time.process_time() - c)
            bare_out.unlink()
        result = results[0]
        size_mb = result.size / 1e6
        # The export's figures first, so they print even if the import section fails.
        exp, enc = statistics.median(export_times), statistics.median(bare_enc)
        print(f"bundle: {result.events} events, {result.files} photos, {size_mb:.1f} MB")
        print(f"export: {exp:.2f} s = {size_mb / exp:.1f} MB/s, {result.events / exp:.0f} events/s")
        print(f"bare export (encrypt, hash, sign, fsync, read back): {enc:.2f} s = {size_mb / enc:.1f} MB/s")
        exp_cpu, enc_cpu = statistics.median(export_cpu), statistics.median(bare_cpu)
        print(f"export CPU {exp_cpu:.2f} s, bare CPU {enc_cpu:.2f} s (cpu ratio {enc_cpu / exp_cpu:.2f})")
        accounted = 0.0
        for _, _, label in export_parts:  # where the export's time goes (per export, wall)
            spent = export_watch.spent.get(label, 0.0) / args.repeats
            accounted += spent
            print(f"  export, {label}: {spent:.2f} s")
        print(f"  export, age encryption and the rest: {exp - accounted:.2f} s")
        print(f"bench: sync_export ratio={enc / exp:.2f} target={TARGET}", flush=True)

        # In a fresh process, as at HQ: SQLCipher's memory security, which the laptop vault turned on
        # for this whole process, stays off in HQ processes (fieldapp/hq/store.py says why).
        job = root / "imports.json"
        job.write_text(
            json.dumps(
                {
                    "root": str(root),
                    "hq_keys": str(hq.identity.folder / "hq-keys.json"),
                    "devices": [d.__dict__ for d in hq.store.devices()],
                    "bundles": [[str(p) for p in r.paths] for r in results],
                    "events": result.events,
                }
            )
        )
        subprocess.run([sys.executable, __file__, "--measure-imports", str(job)], check=True)
        import_times, bare_dec, spent = json.loads(job.read_text())["measured"]
        imp, dec = statistics.median(import_times), statistics.median(bare_dec)
        print(f"import: {imp:.2f} s = {size_mb / imp:.1f} MB/s, {result.events / imp:.0f} events/s")
        print(
            f"bare import (decrypt, parse, hash and check every record): {dec:.2f} s = {size_mb / dec:.1f} MB/s"
        )
        for label, seconds in spent.items():  # where the import's time goes (per import)
            print(f"  import, {label}: {seconds / args.repeats:.2f} s")
        print(f"bench: sync_import ratio={dec / imp:.2f} target={TARGET}")
        session.close()
        hq.store.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
