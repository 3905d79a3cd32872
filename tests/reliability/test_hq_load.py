"""HQ server under load (issue 9 part 5): many laptops push bundles at once to a real `fieldapp hq serve`
on 127.0.0.1, some through a proxy that cuts the connection mid-upload, some aborting and resuming, with
the server SIGKILLed and restarted in the middle. Every bundle must be imported exactly once, every
receipt must verify and acknowledge the right seq; oversized and unauthenticated requests are refused.

FIELDAPP_LOAD_DEVICES sets the number of laptops (10 by default, 50 for the full run). Writes
tests/artifacts/reliability/hq_load.json (shared contract 8) with p50/p99 upload-to-receipt latency.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from fieldapp.hq.identity import init_hq
from fieldapp.hq.store import create_store, open_store
from fieldapp.sync.export import export_bundle
from fieldapp.sync.network import Client, PinnedConnection, hq_link, push
from fieldapp.sync.receipt import parse as parse_receipt
from fieldapp.vault.session import Session
from fieldapp.work import Cancelled
from tests.core.test_network_sync import (
    CHUNK,
    HQ_PASSPHRASE,
    MAX_BODY,
    CuttingProxy,
    Server,
    World,
    free_port,
)
from tests.core.test_sync import add_persons
from tests.reliability.results import recording

DEVICES = max(3, int(os.environ.get("FIELDAPP_LOAD_DEVICES", "10")))
ROUNDS = 2  # bundles per laptop: the second holds what was added after the first was acknowledged


class Proxy(CuttingProxy):
    """CuttingProxy that survives HQ being down: a connection it cannot relay is closed, not left hanging."""

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target), timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()


@dataclass
class Laptop:
    session: Session
    mode: (
        str  # "plain", "cut" (through a proxy that drops the connection once) or "abort" (gives up, resumes)
    )
    port: int
    proxy: Proxy | None = None
    latencies: list[float] = field(default_factory=list)
    receipts: list[tuple[int, int]] = field(default_factory=list)  # (acked seq, seq the bundle ended at)
    bundles: list[str] = field(default_factory=list)
    error: BaseException | None = None


class Load(World):
    """World without its own server start: the HQ, one server, the laptops."""

    def __init__(self, root: Path) -> None:  # World.__init__ would start the server before the fixture
        self.root, self.database = root, None  # the embedded store (the network tests cover both)
        self.hq = init_hq(root / "hq", "HQ Phnom Penh", HQ_PASSPHRASE)
        create_store(self.hq).close()
        self.server = Server(self.hq, free_port())
        self.laptops = 0


@pytest.fixture(scope="module")
def load(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Load]:
    world = Load(tmp_path_factory.mktemp("load"))
    world.server.start()
    yield world
    world.server.stop()


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _send(load: Load, method: str, target: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    conn = PinnedConnection("127.0.0.1", load.server.port, load.hq.tls_pin, 30)
    try:
        conn.request(method, target, body=body, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        return response.status, str(json.loads(raw).get("error", "")) if raw else ""
    except OSError as exc:  # the server may close the connection while refusing a large body
        return 0, f"connection closed: {exc}"
    finally:
        conn.close()


def _refusals(load: Load, laptop: Session) -> list[tuple[str, int, int, str]]:
    """Bad requests sent while the load runs: (what, expected status, status, message)."""
    client = Client(laptop, hq_link(laptop))
    target = f"/v1/receipts/latest?device={laptop.device_id}"
    out: list[tuple[str, int, int, str]] = []
    out.append(("unsigned", 401, *_send(load, "GET", target, b"", {})))
    forged = client.headers("GET", target, b"")
    forged["X-Fieldapp-Signature"] = "ab" * 64
    out.append(("forged signature", 401, *_send(load, "GET", target, b"", forged)))
    other = client.headers("GET", target, b"")
    other["X-Fieldapp-Device"] = "0" * 32
    out.append(("unknown laptop", 401, *_send(load, "GET", target, b"", other)))
    once = client.headers("GET", target, b"")
    status, message = _send(load, "GET", target, b"", once)  # genuine (a receipt, or none yet)
    assert status in (200, 404), (status, message)
    out.append(("replayed request", 401, *_send(load, "GET", target, b"", once)))
    big = b"\0" * (MAX_BODY + 1)
    put = "/v1/uploads/" + "0" * 32 + "?offset=0"
    out.append(("oversized chunk", 413, *_send(load, "PUT", put, big, client.headers("PUT", put, big))))
    huge = json.dumps({"size": 16_000_000_001, "sha256": "ab" * 32}).encode()
    out.append(
        (
            "oversized bundle",
            413,
            *_send(load, "POST", "/v1/uploads", huge, client.headers("POST", "/v1/uploads", huge)),
        )
    )
    return out


def _abort_after_chunks(session: Session, count: int) -> None:
    chunks: list[int] = []

    def progress(done: int, total: int, label: str) -> None:
        if label.startswith("Sending"):
            chunks.append(done)

    with pytest.raises(Cancelled):
        push(
            session,
            chunk_bytes=CHUNK,
            should_cancel=lambda: len(chunks) >= count,
            progress=progress,
            attempts=12,
            backoff=0.2,
        )


def _pusher(laptop: Laptop, sent: list[int], lock: threading.Lock) -> None:
    session = laptop.session
    outbox = session.data_dir / "outbox"
    outbox.mkdir(mode=0o700, exist_ok=True)

    def progress(done: int, total: int, label: str) -> None:
        if label.startswith("Sending"):
            with lock:
                sent.append(done)

    try:
        for round_no in range(ROUNDS):
            if round_no:  # new work after the first receipt
                add_persons(session, 2)
            exported = export_bundle(session, outbox)
            assert exported is not None
            laptop.bundles.append(exported.bundle_hash)
            seq_to = int(session.conn.execute("SELECT max(device_seq) FROM events").fetchone()[0])
            began = time.monotonic()
            if laptop.mode == "abort" and round_no == 0:  # give up after a few chunks, then push again
                _abort_after_chunks(session, 3)
            result = push(session, chunk_bytes=CHUNK, progress=progress, attempts=12, backoff=0.2, timeout=30)
            laptop.latencies.append(time.monotonic() - began)
            assert result.bundle_hash == exported.bundle_hash
            laptop.receipts.append((result.acked_after, seq_to))
    except BaseException as exc:  # the main thread reports it
        laptop.error = exc


def test_many_laptops_push_through_cuts_and_a_restart(load: Load) -> None:
    with recording(
        "hq_load",
        f"{DEVICES} laptops push {ROUNDS} bundles each at once to `fieldapp hq serve` (a third through a proxy "
        "that cuts the connection mid-upload, a third aborting and resuming), HQ SIGKILLed and restarted "
        "mid-run; each bundle imported exactly once, receipts verified; bad requests refused",
    ) as result:
        laptops: list[Laptop] = []
        for n in range(DEVICES):
            mode = ("plain", "cut", "abort")[n % 3]
            proxy = Proxy(load.server.port, cut_after=(2 + n % 4) * CHUNK + 777) if mode == "cut" else None
            port = proxy.port if proxy else load.server.port
            session = load.laptop(port=port)  # enrolled, approved, 4 persons with a photo each
            laptops.append(Laptop(session, mode, port, proxy))
        sent: list[int] = []
        lock = threading.Lock()
        threads = [threading.Thread(target=_pusher, args=(lp, sent, lock)) for lp in laptops]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 120
        while len(sent) < DEVICES * 3 and time.monotonic() < deadline:  # about a third of the way in
            assert any(thread.is_alive() for thread in threads), "every laptop stopped before the restart"
            time.sleep(0.01)
        assert load.server.proc is not None
        load.server.proc.kill()  # no graceful shutdown: uploads and imports under way are cut
        load.server.proc.wait()
        restarted_at = len(sent)
        load.server.proc = None
        load.server.start()
        refusals = _refusals(load, laptops[0].session)
        for thread in threads:
            thread.join(600)
        elapsed = time.monotonic() - started
        for laptop in laptops:
            if laptop.proxy is not None:
                laptop.proxy.close()

        store = open_store(load.hq)
        try:
            for laptop in laptops:
                session, name = laptop.session, laptop.session.device_name
                if not result.check(laptop.error is None, f"{name} ({laptop.mode}): {laptop.error!r}"):
                    continue
                last = int(session.conn.execute("SELECT max(device_seq) FROM events").fetchone()[0])
                events, distinct = store.conn.execute(
                    "SELECT count(*), count(DISTINCT device_seq) FROM events WHERE device_id = ?",
                    (session.device_id,),
                ).fetchone()
                result.check(events == distinct == last, f"{name}: HQ holds {events} events of {last}")
                imported = [
                    row[0]
                    for row in store.conn.execute(
                        "SELECT bundle_hash FROM hq_bundles WHERE device_id = ?", (session.device_id,)
                    ).fetchall()
                ]
                result.cases += len(laptop.bundles)
                for bundle_hash in laptop.bundles:
                    result.check(
                        imported.count(bundle_hash) == 1,
                        f"{name}: bundle {bundle_hash[:12]} imported {imported.count(bundle_hash)} times",
                    )
                result.check(len(imported) == len(laptop.bundles), f"{name}: {len(imported)} bundles at HQ")
                for acked, seq_to in laptop.receipts:
                    result.check(
                        acked == seq_to, f"{name}: receipt acknowledged {acked}, bundle ended at {seq_to}"
                    )
                receipt = parse_receipt(
                    (session.data_dir / "outbox" / "last-receipt.json").read_bytes(), load.hq.verify_key
                )
                result.check(
                    receipt.device_id == session.device_id
                    and receipt.acked_seq == last
                    and receipt.bundle_hash == laptop.bundles[-1],
                    f"{name}: the last receipt is for {receipt.device_id} seq {receipt.acked_seq}",
                )
                result.check(
                    int(session.meta("hq_acked_seq") or 0) == last, f"{name}: laptop not acknowledged"
                )
        finally:
            store.close()
        for what, expected, status, message in refusals:
            result.cases += 1
            result.check(status == expected, f"{what}: HTTP {status} ({message}), expected {expected}")
        latencies = [x for lp in laptops for x in lp.latencies]
        cuts = sum(lp.proxy.cuts for lp in laptops if lp.proxy is not None)
        result.details.update(
            scale=f"{DEVICES} laptops",
            devices=DEVICES,
            bundles=sum(len(lp.bundles) for lp in laptops),
            refusals_checked=len(refusals),
            connections_cut=cuts,
            aborted_and_resumed=sum(lp.mode == "abort" for lp in laptops),
            server_restarts=1,
            restarted_after_chunks=restarted_at,
            chunk_bytes=CHUNK,
            p50_s=round(statistics.median(latencies), 3) if latencies else None,
            p99_s=round(_pct(latencies, 0.99), 3) if latencies else None,
            max_s=round(max(latencies), 3) if latencies else None,
            wall_s=round(elapsed, 1),
        )
        result.found = (
            f"{result.details['bundles']} bundles imported exactly once through {cuts} cut connections and a "
            f"server kill; {len(refusals)} bad requests refused; upload-to-receipt p50 "
            f"{result.details['p50_s']} s, p99 {result.details['p99_s']} s"
        )
        result.check(cuts >= 1, "no connection was cut: the proxy did not do its job")
