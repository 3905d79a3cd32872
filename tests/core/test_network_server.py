"""`fieldapp hq serve` internals: the replay guard survives a restart, and the store lives on one worker
thread so /health and chunk uploads keep answering while a bundle imports."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from fieldapp.hq.replay_guard import GUARD_FILE, Guard, NonceLog
from fieldapp.hq.server import HqContext, _upload_id, create_app
from fieldapp.hq.store import SqlCipherStore, open_store
from fieldapp.hq.tls import ensure_certificate
from fieldapp.sync.network import Client, PinnedConnection, PushResult, hq_link, push
from fieldapp.work import Cancelled
from tests.core.test_network_sync import CHUNK, World, free_port, last_seq

# --- the replay guard on disk -------------------------------------------------------------------------------


def test_nonce_log_keeps_live_entries_and_drops_expired_and_torn_ones(tmp_path: Path) -> None:
    path = tmp_path / GUARD_FILE
    guard = Guard((100, 60.0), 300, log=NonceLog(path, now=1000.0))
    assert guard.fresh("dev:a", 1000.0) and guard.fresh("dev:b", 1500.0)
    assert not guard.fresh("dev:a", 1001.0)
    with path.open("ab") as handle:
        handle.write(b"99999 0123")  # a line torn by a crash mid-write
    assert b"dev:" not in path.read_bytes()  # only hashes: the file does not name devices
    again = Guard((100, 60.0), 300, log=NonceLog(path, now=1700.0))  # a restart: dev:a expired at 1600
    assert len(again.nonces) == 1
    assert not again.fresh("dev:b", 1700.0) and again.fresh("dev:a", 1700.0)
    assert len(path.read_bytes().splitlines()) == 2  # compacted at start: dev:b and the new dev:a


def test_nonce_log_is_compacted_when_mostly_expired(tmp_path: Path) -> None:
    path = tmp_path / GUARD_FILE
    guard = Guard((10**6, 60.0), 1, log=NonceLog(path, now=0.0))
    for n in range(3000):
        assert guard.fresh(f"dev:{n}", n * 0.01)
    assert guard.log is not None and guard.log.lines < 2500  # swept and rewritten on the way
    assert len(path.read_bytes().splitlines()) == guard.log.lines


def test_request_replayed_after_server_restart_is_refused(tmp_path: Path) -> None:
    world = World(tmp_path)
    try:
        session = world.laptop(approved=False)
        client = Client(session, hq_link(session))
        target = f"/v1/receipts/latest?device={session.device_id}"
        signed = client.headers("GET", target, b"")
        assert _send(world, target, signed)[0] == 202  # genuine: waiting for approval
        world.server.stop()
        world.server.start()
        status, answer = _send(world, target, signed)
        assert status == 401 and "replay" in answer["error"]
        assert _send(world, target, client.headers("GET", target, b""))[0] == 202  # a new request is fine
    finally:
        world.server.stop()


def _send(world: World, target: str, headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
    conn = PinnedConnection("127.0.0.1", world.server.port, world.hq.tls_pin, 10)
    try:
        conn.request("GET", target, headers=headers)
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


# --- one worker thread owns the store -----------------------------------------------------------------------


class ThreadRecordingStore:
    """The real store, noting which thread touches it (the connection must stay on the worker)."""

    def __init__(self, store: SqlCipherStore) -> None:
        self._store = store
        self.threads: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        self.threads.add(threading.current_thread().name)
        return getattr(self._store, name)


@pytest.fixture
def in_process(tmp_path: Path) -> Iterator[tuple[World, HqContext, int, threading.Event, threading.Event]]:
    world = World(tmp_path)
    world.server.stop()  # this test runs the server in-process, to hold an import with an Event
    entered, release = threading.Event(), threading.Event()

    def hold() -> None:
        entered.set()
        assert release.wait(30), "the test never released the import"

    store = ThreadRecordingStore(open_store(world.hq))
    ctx = HqContext(world.hq, store, before_import=hold)  # type: ignore[arg-type]
    files = ensure_certificate(world.hq.folder, world.hq.root_key, world.hq.hq_name)
    port = free_port()
    config = uvicorn.Config(
        create_app(ctx),
        host="127.0.0.1",
        port=port,
        ssl_certfile=str(files.cert),
        ssl_keyfile=str(files.key),
        ssl_keyfile_password=files.key_password,
        log_level="warning",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the in-process server did not start"
        time.sleep(0.02)
    try:
        yield world, ctx, port, entered, release
    finally:
        release.set()
        server.should_exit = True
        thread.join(20)
        ctx.worker.shutdown(wait=True)
        store._store.close()


def test_health_and_chunks_answer_while_an_import_runs(
    in_process: tuple[World, HqContext, int, threading.Event, threading.Event],
) -> None:
    world, ctx, port, entered, release = in_process
    first, second = world.laptop(port=port), world.laptop(port=port)
    sent: list[int] = []
    with pytest.raises(Cancelled):  # the second laptop starts its upload: two chunks, then stops
        push(
            second,
            chunk_bytes=CHUNK,
            should_cancel=lambda: len(sent) > 1,
            progress=lambda done, total, label: sent.append(done) if label.startswith("Sending") else None,
        )
    outcome: dict[str, PushResult | BaseException] = {}

    def pushing() -> None:
        try:
            outcome["first"] = push(first, chunk_bytes=CHUNK, timeout=60)
        except BaseException as exc:  # reported by the assertion below
            outcome["first"] = exc

    pusher = threading.Thread(target=pushing)
    pusher.start()
    assert entered.wait(30), "the import never started"
    # The first laptop's import is held on the worker thread; the event loop must still answer.
    conn = PinnedConnection("127.0.0.1", port, world.hq.tls_pin, 5)
    conn.request("GET", "/v1/health")
    assert conn.getresponse().status == 200
    conn.close()
    (volume,) = sorted((second.data_dir / "outbox").glob("fieldapp-*"))
    upload_id = _upload_id(second.device_id, hashlib.sha256(volume.read_bytes()).hexdigest())
    held = (ctx.spool / f"{upload_id}.part").stat().st_size
    assert held == 2 * CHUNK
    client = Client(second, hq_link(second), timeout=5)
    try:  # the next chunk is taken while the import still runs
        chunk = volume.read_bytes()[held : held + CHUNK]
        _, answer = client.call_json("PUT", f"/v1/uploads/{upload_id}?offset={held}", chunk)
        assert answer["offset"] == 3 * CHUNK
    finally:
        client.close()
    assert pusher.is_alive() and "first" not in outcome
    release.set()
    pusher.join(60)
    result = outcome["first"]
    assert isinstance(result, PushResult), result
    assert result.acked_after == last_seq(first)
    resumed = push(second, chunk_bytes=CHUNK)
    assert resumed.resumed_from == 3 * CHUNK and resumed.acked_after == last_seq(second)
    assert ctx.store.threads == {"hq-store_0"}  # type: ignore[attr-defined]
