"""Network sync against a real `fieldapp hq serve` on 127.0.0.1 (TLS pinned, signed requests)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from fieldapp.errors import Said
from fieldapp.hq.identity import HqIdentity, enrolment_file, init_hq
from fieldapp.hq.review import Review
from fieldapp.hq.server import HQ_BUSY
from fieldapp.hq.store import Device, HqStore, create_store, open_store
from fieldapp.hq.views import decide_device
from fieldapp.sync.keys import device_public_hex, fingerprint
from fieldapp.sync.network import (
    AwaitingApproval,
    Client,
    HqRefused,
    NetworkError,
    PinMismatch,
    PinnedConnection,
    hq_link,
    pull_receipt,
    push,
)
from fieldapp.vault.session import Session, create_vault
from fieldapp.work import Cancelled
from tests.core.conftest import HQ_BACKENDS, hq_database
from tests.core.test_sync import add_persons
from tests.support import PASSPHRASE, enrol_confirmed

HQ_PASSPHRASE = "headquarters passphrase"
CHUNK = 16 * 1024
MAX_BODY = 64 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`python -m fieldapp hq serve` in a subprocess, on a fixed port (so it can be restarted)."""

    def __init__(self, hq: HqIdentity, port: int, *extra: str) -> None:
        self.hq, self.port, self.extra = hq, port, extra
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Server:
        secret = self.hq.folder.parent / "hq-passphrase.txt"
        secret.write_text(HQ_PASSPHRASE + "\n")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "fieldapp",
                "hq",
                "serve",
                "--hq-dir",
                str(self.hq.folder),
                "--port",
                str(self.port),
                "--passphrase-file",
                str(secret),
                "--max-body",
                str(MAX_BODY),
                *self.extra,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=dict(os.environ),
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.proc.stderr.read().decode() if self.proc.stderr else ""
            try:
                conn = PinnedConnection("127.0.0.1", self.port, self.hq.tls_pin, 2)
                conn.request("GET", "/v1/health")
                if conn.getresponse().status == 200:
                    conn.close()
                    return self
            except OSError:
                time.sleep(0.1)
        raise AssertionError("hq serve did not answer within 20 s")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None


class World:
    """An HQ (SQLCipher, or PostgreSQL when `database` is given) with `hq serve` running on it."""

    def __init__(self, root: Path, database: str | None = None) -> None:
        self.root, self.database = root, database
        self.hq = init_hq(root / "hq", "HQ Phnom Penh", HQ_PASSPHRASE)
        create_store(self.hq, database).close()
        extra = ("--database", database) if database else ()
        self.server = Server(self.hq, free_port(), *extra).start()
        self.laptops = 0

    def store(self) -> HqStore:
        return open_store(self.hq, self.database)

    def laptop(self, *, approved: bool = True, port: int | None = None) -> Session:
        self.laptops += 1
        name = f"laptop-{self.laptops}"
        session = create_vault(self.root / name, "Sok Dara", PASSPHRASE, device_name=name)
        identity = replace(self.hq, url=f"https://127.0.0.1:{port or self.server.port}")
        enrolment_id, raw = enrolment_file(identity, name)
        (self.root / f"{name}.json").write_bytes(raw)
        store = self.store()
        try:
            with store.transaction():
                store.add_enrolment(enrolment_id, name)
        finally:
            store.close()
        enrol_confirmed(session, self.root / f"{name}.json")
        add_persons(session, 4, photos=1)
        if approved:  # as if the admin had approved it from an earlier bundle
            key = device_public_hex(session)
            store = self.store()
            try:
                with store.transaction():
                    store.add_device(
                        Device(session.device_id, key, fingerprint(key), name, None, "approved", "t", None)
                    )
            finally:
                store.close()
        return session

    def set_status(self, session: Session, status: str) -> None:
        store = self.store()
        try:
            decide_device(Review(store, self.hq), session.device_id, status, "decided in a test")
        finally:
            store.close()

    def count(self, sql: str, *args: Any) -> int:
        store = self.store()
        try:
            return int(store.conn.execute(sql, args).fetchone()[0])
        finally:
            store.close()


@pytest.fixture(scope="module", params=HQ_BACKENDS)
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with hq_database(request.param) as database:
        w = World(tmp_path_factory.mktemp("net"), database)
        yield w
        w.server.stop()


def last_seq(session: Session) -> int:
    return int(session.conn.execute("SELECT max(device_seq) FROM events").fetchone()[0])


def events_at_hq(world: World, session: Session) -> int:
    return world.count("SELECT count(*) FROM events WHERE device_id = ?", session.device_id)


def raw_request(
    world: World, method: str, target: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, dict[str, Any]]:
    conn = PinnedConnection("127.0.0.1", world.server.port, world.hq.tls_pin, 10)
    try:
        conn.request(method, target, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


def test_push_end_to_end_pending_then_approved(world: World) -> None:
    session = world.laptop(approved=False)
    with pytest.raises(AwaitingApproval, match="fieldapp hq device approve"):
        push(session, chunk_bytes=CHUNK)
    assert events_at_hq(world, session) == 0
    world.set_status(session, "approved")
    progress: list[tuple[int, int, str]] = []
    result = push(session, chunk_bytes=CHUNK, progress=lambda d, t, label: progress.append((d, t, label)))
    assert result.resumed_from == result.size  # the bytes were already spooled while pending
    assert result.acked_after == last_seq(session) == int(session.meta("hq_acked_seq") or 0)
    assert events_at_hq(world, session) == last_seq(session)
    assert push(session, chunk_bytes=CHUNK).bundle_hash is None  # nothing left to send
    assert pull_receipt(session) == (result.acked_after, result.acked_after)


def test_cli_sync_push_and_pull_receipt(world: World, tmp_path: Path) -> None:
    """`fieldapp sync push` / `sync pull-receipt`: what an officer types, end to end."""
    import contextlib
    import io

    from fieldapp.cli.main import main

    session = world.laptop()
    folder = session.data_dir
    session.close()
    base = ["--data-dir", str(folder), "--passphrase-file", "-"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["sync", "push", *base], stdin=io.StringIO(PASSPHRASE + "\n")) == 0
        assert main(["sync", "pull-receipt", *base], stdin=io.StringIO(PASSPHRASE + "\n")) == 0
    from fieldapp.vault.session import unlock

    again = unlock(folder, "Sok Dara", PASSPHRASE)
    try:
        assert int(again.meta("hq_acked_seq") or 0) == last_seq(again) == events_at_hq(world, again) > 0
    finally:
        again.close()


def test_chunks_and_same_bundle_again_give_the_same_receipt(world: World) -> None:
    session = world.laptop()
    result = push(session, chunk_bytes=CHUNK)
    assert result.size > 4 * CHUNK and result.resumed_from == 0
    first = (session.data_dir / "outbox" / "last-receipt.json").read_bytes()
    assert json.loads(first)["receipt"]["bundle_hash"] == result.bundle_hash
    client = Client(session, hq_link(session))
    try:
        start = json.dumps({"size": result.size, "sha256": result.bundle_hash}).encode()
        _, answer = client.call_json("POST", "/v1/uploads", start)
        assert answer["imported"] is True and answer["offset"] == result.size
        for _ in range(2):  # finishing again (twice) returns the very same receipt
            _, again = client.call("POST", f"/v1/uploads/{answer['upload_id']}/finish")
            assert again == first
    finally:
        client.close()
    assert world.count("SELECT count(*) FROM hq_bundles WHERE device_id = ?", session.device_id) == 1
    assert events_at_hq(world, session) == last_seq(session)


class CuttingProxy:
    """A TCP relay that cuts every connection once, after ``cut_after`` bytes from the client."""

    def __init__(self, target: int, cut_after: int) -> None:
        self.target, self.cut_after, self.cuts, self.sent = target, cut_after, 0, 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, upward: bool) -> None:
        try:
            while data := src.recv(4096):
                if upward and self.cuts == 0 and self.sent + len(data) > self.cut_after:
                    self.cuts += 1
                    dst.sendall(data[: self.cut_after - self.sent])
                    raise OSError("cut")
                self.sent += len(data) if upward else 0
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def close(self) -> None:
        self.listener.close()


def test_connection_cut_mid_chunk_resumes_and_imports_once(world: World) -> None:
    proxy = CuttingProxy(world.server.port, cut_after=2 * CHUNK + 5000)
    try:
        session = world.laptop(port=proxy.port)
        result = push(session, chunk_bytes=CHUNK, backoff=0.05)
    finally:
        proxy.close()
    assert proxy.cuts == 1
    assert result.acked_after == last_seq(session)
    assert events_at_hq(world, session) == last_seq(session)
    assert world.count("SELECT count(*) FROM hq_bundles WHERE device_id = ?", session.device_id) == 1


def test_wrong_pin_is_refused_before_anything_is_sent(world: World) -> None:
    session = world.laptop(approved=False)
    with session.log.transaction():
        session.set_meta("hq_tls_pin", "A" * 43 + "=")
    with pytest.raises(PinMismatch, match="Nothing was sent"):
        push(session, chunk_bytes=CHUNK)
    assert world.count("SELECT count(*) FROM hq_devices WHERE device_id = ?", session.device_id) == 0


def test_unsigned_forged_and_replayed_requests_get_401(world: World) -> None:
    session = world.laptop()
    status, answer = raw_request(world, "GET", f"/v1/receipts/latest?device={session.device_id}")
    assert status == 401 and "not signed" in answer["error"]
    client = Client(session, hq_link(session))
    target = f"/v1/receipts/latest?device={session.device_id}"
    forged = client.headers("GET", target, b"")
    forged["X-Fieldapp-Signature"] = "00" * 64
    status, answer = raw_request(world, "GET", target, headers=forged)
    assert status == 401 and "signature" in answer["error"]
    signed = client.headers("GET", target, b"")
    status, _ = raw_request(world, "GET", target, headers=signed)
    assert status == 404  # a genuine request: no receipt yet
    status, answer = raw_request(world, "GET", target, headers=signed)
    assert status == 401 and "replay" in answer["error"]
    status, answer = raw_request(
        world, "GET", target.replace("device=", "device=x"), headers=client.headers("GET", target, b"")
    )
    assert status == 401  # the signature covers the path and query


def test_revoked_device_gets_403(world: World) -> None:
    session = world.laptop()
    world.set_status(session, "revoked")
    with pytest.raises(HqRefused, match="revoked") as caught:
        push(session, chunk_bytes=CHUNK)
    assert caught.value.status == 403


def test_oversized_chunk_gets_413(world: World) -> None:
    session = world.laptop()
    client = Client(session, hq_link(session))
    body = b"x" * (MAX_BODY + 1)
    target = "/v1/uploads/" + "0" * 32 + "?offset=0"
    status, answer = raw_request(world, "PUT", target, body, client.headers("PUT", target, body))
    assert status == 413 and "larger than HQ accepts" in answer["error"]


def test_rate_limit_gets_429(world: World) -> None:
    server = Server(world.hq, free_port(), "--rate", "3/60").start()
    try:
        session = world.laptop(approved=False)
        client = Client(session, replace(hq_link(session), port=server.port))
        target = f"/v1/receipts/latest?device={session.device_id}"
        statuses = []
        for _ in range(4):
            conn = PinnedConnection("127.0.0.1", server.port, world.hq.tls_pin, 10)
            conn.request("GET", target, headers=client.headers("GET", target, b""))
            response = conn.getresponse()
            statuses.append((response.status, json.loads(response.read())))
            conn.close()
    finally:
        server.stop()
    assert [s for s, _ in statuses] == [202, 202, 202, 429]
    assert "Too many requests" in statuses[-1][1]["error"] and statuses[-1][1]["retry_after"] > 0


def test_server_restarted_between_chunks_resumes_from_the_spool(world: World) -> None:
    session = world.laptop()
    sent: list[int] = []

    def cancel() -> bool:
        return len(sent) > 3

    with pytest.raises(Cancelled):
        push(
            session,
            chunk_bytes=CHUNK,
            should_cancel=cancel,
            progress=lambda done, total, label: sent.append(done) if label.startswith("Sending") else None,
        )
    world.server.stop()
    world.server.start()
    result = push(session, chunk_bytes=CHUNK)
    assert result.resumed_from >= 3 * CHUNK
    assert result.acked_after == last_seq(session)
    assert events_at_hq(world, session) == last_seq(session)


def test_a_store_busy_with_another_writer_answers_503_and_keeps_the_upload(world: World) -> None:
    """The HQ app holds the SQLCipher store (importing a stick, say) longer than the server waits: the
    laptop is told HQ is busy, in words, and the bytes it sent stay spooled for its next push."""
    if world.database:
        pytest.skip("PostgreSQL writers queue for HQ's writer lock: none is refused")
    session = world.laptop()
    holder = world.store()
    try:
        holder.conn.execute("BEGIN IMMEDIATE")
        with pytest.raises(NetworkError) as refused:
            push(session, chunk_bytes=CHUNK, attempts=1)
        holder.conn.execute("ROLLBACK")
    finally:
        holder.close()
    assert not isinstance(refused.value, HqRefused)  # busy, not refused: a later push goes through
    reason = refused.value.params["reason"]
    assert isinstance(reason, Said) and reason.code == HQ_BUSY.code, reason
    assert events_at_hq(world, session) == 0
    result = push(session, chunk_bytes=CHUNK)
    assert result.resumed_from == result.size  # nothing sent again
    assert events_at_hq(world, session) == last_seq(session) == result.acked_after
