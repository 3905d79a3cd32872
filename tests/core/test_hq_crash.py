"""kill -9 the HQ importer at random moments: every bundle is imported exactly once, nothing doubled.

Three laptops each export a bundle (with photos, so an import takes a while); a fourth bundle
overlaps the first laptop's (sent again before any receipt). The real ``fieldapp hq import`` runs
in a child process (tests/core/hq_crash_importer.py) on all of them and is killed with SIGKILL
after a random, seeded delay, again and again; then it runs once to the end. Afterwards: each
bundle is recorded once, each event is held once, every laptop's events are all there, HQ's
projections equal a rebuild from HQ's events (the digest and fold of `fieldapp check`), the
hash chains verify, and every receipt is signed by HQ, names a recorded bundle and never
acknowledges more than HQ holds.

``FIELDAPP_HQ_CRASH_KILLS`` (default 15) and ``FIELDAPP_HQ_CRASH_SEED`` change the run.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldapp.hq.identity import unlock_hq
from fieldapp.hq.store import open_store
from fieldapp.records import projections
from fieldapp.records.log import verify_chain
from fieldapp.sync import receipt as receipts
from fieldapp.sync.export import ExportResult, export_bundle
from tests.core.test_sync import HQ_PASSPHRASE, Hq, add_persons, laptop

HELPER = Path(__file__).with_name("hq_crash_importer.py")
KILLS = int(os.environ.get("FIELDAPP_HQ_CRASH_KILLS", "15"))
SEED = int(os.environ.get("FIELDAPP_HQ_CRASH_SEED", "20261129"))


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_INSECURE_FAST_KDF", "1")


def _run(args: list[str], workdir: Path, kill_after: float | None) -> tuple[int, bytes]:
    env = dict(os.environ, FIELDAPP_INSECURE_FAST_KDF="1", TMPDIR=str(workdir))
    proc = subprocess.Popen(
        [sys.executable, str(HELPER), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"STARTING\n", proc.stderr.read() if proc.stderr else b""
    if kill_after is not None:
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)  # a no-op if it already finished (not reaped yet)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out + err


def test_kill_during_hq_import(tmp_path: Path) -> None:
    started = time.monotonic()
    rng = random.Random(SEED)
    hq = Hq(tmp_path / "hq")
    folder = tmp_path / "sticks"
    folder.mkdir()
    bundles: list[ExportResult] = []
    last_seq: dict[str, int] = {}
    for n in range(3):
        session = laptop(tmp_path, f"laptop-{n}")
        try:
            hq.enrol(session)
            hq.approve(session)
            add_persons(session, 6, photos=2)
            stick = folder / f"{n}a"
            stick.mkdir()
            result = export_bundle(session, stick)
            assert result is not None
            bundles.append(result)
            if n == 0:  # sent again with more, before any receipt: overlaps the first
                add_persons(session, 2, photos=1)
                stick = folder / f"{n}b"
                stick.mkdir()
                again = export_bundle(session, stick)
                assert again is not None
                bundles.append(again)
            last_seq[session.device_id] = bundles[-1].seq_to
        finally:
            session.close()
    hq.store.close()
    passphrase_file = tmp_path / "hq-passphrase"
    passphrase_file.write_text(HQ_PASSPHRASE + "\n")
    receipt_dir = tmp_path / "receipts"
    receipt_dir.mkdir()
    files = [str(p) for b in bundles for p in b.paths]
    args = [str(tmp_path / "hq"), str(passphrase_file), str(receipt_dir), *files]

    # How long a whole import takes, on a copy of this HQ: the kills land anywhere in that time.
    shutil.copytree(tmp_path / "hq", tmp_path / "hq-timing")
    timing_receipts = tmp_path / "receipts-timing"
    timing_receipts.mkdir()
    t0 = time.monotonic()
    code, output = _run(
        [str(tmp_path / "hq-timing"), str(passphrase_file), str(timing_receipts), *files], tmp_path, None
    )
    full = time.monotonic() - t0
    assert code == 0 and b"DONE 0" in output, output

    killed = 0
    for _ in range(KILLS):
        code, output = _run(args, tmp_path, rng.uniform(0.0, full * 1.1))
        killed += code == -signal.SIGKILL
        assert code in (0, -signal.SIGKILL), output
    assert killed >= KILLS // 2, f"only {killed} of {KILLS} runs were killed mid-import"
    code, output = _run(args, tmp_path, None)
    assert code == 0, output
    assert b"DONE 0" in output

    identity = unlock_hq(tmp_path / "hq", HQ_PASSPHRASE)
    store = open_store(identity)
    try:
        conn = store.conn
        hashes = [b.bundle_hash for b in bundles]
        rows = conn.execute("SELECT bundle_hash, count(*) FROM hq_bundles GROUP BY bundle_hash").fetchall()
        assert sorted(rows) == sorted((h, 1) for h in hashes)  # each bundle recorded exactly once
        total = sum(last_seq.values())
        device_events = conn.execute(
            "SELECT count(*), count(DISTINCT event_id), count(DISTINCT device_id || ':' || device_seq) FROM events"
        ).fetchone()
        assert device_events == (total, total, total)  # no duplicates, nothing missing
        for device_id, seq in last_seq.items():
            assert store.contiguous_seq(device_id) == seq
            projected = conn.execute(
                "SELECT projected_seq FROM hq_devices WHERE device_id = ?", (device_id,)
            ).fetchone()[0]
            assert projected == seq
        assert verify_chain(conn)[1] == []
        live = projections.digest(conn)
        with store.transaction():
            projections.rebuild(conn)
            assert projections.digest(conn) == live
        files_held = conn.execute("SELECT count(*), count(DISTINCT sha256) FROM hq_files").fetchone()
        assert files_held[0] == sum(b.files for b in bundles) - bundles[0].files  # the overlap's once
        assert conn.execute("SELECT count(*) FROM hq_blobs").fetchone()[0] == files_held[1]
        held = {b.bundle_hash for b in bundles}
        for device_id, bundle_hash, acked, raw in conn.execute(
            "SELECT device_id, bundle_hash, acked_seq, receipt FROM hq_receipts"
        ):
            parsed = receipts.parse(raw.encode(), identity.verify_key)
            assert (parsed.device_id, parsed.bundle_hash, parsed.acked_seq) == (device_id, bundle_hash, acked)
            assert bundle_hash in held and acked <= last_seq[device_id]
        for path in receipt_dir.iterdir():  # receipt files are whole (written atomically) or absent
            assert path.name.startswith("receipt-") and path.suffix == ".json"
            receipts.parse(path.read_bytes(), identity.verify_key)
    finally:
        store.close()
    assert time.monotonic() - started < 60
