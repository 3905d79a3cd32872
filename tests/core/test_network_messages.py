"""HQ's refusals on the wire as declared messages (code, template, params beside the English text), so the
laptop shows them in the officer's language; what a laptop takes from the wire is checked first: anything
but a plain template with plain values falls back to the English text, as from an HQ that sends only it."""

from __future__ import annotations

import json
import pickle
import ssl
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from fieldapp.errors import Said
from fieldapp.hq.enrolments import USED_BY_ANOTHER
from fieldapp.hq.importer import PENDING_NEW
from fieldapp.hq.server import LAPTOP_REVOKED, NO_SUCH_ADDRESS, NOT_APPROVED_YET, TOO_LARGE, WRONG_METHOD
from fieldapp.hq.tls import ensure_certificate
from fieldapp.sync.network import (
    REFUSED,
    AwaitingApproval,
    Client,
    HqRefused,
    NetworkError,
    hq_link,
    pull_receipt,
    push,
)
from fieldapp.vault.session import Session
from tests.core.test_network_sync import CHUNK, MAX_BODY, World, raw_request


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = World(tmp_path_factory.mktemp("wire"))
    yield w
    w.server.stop()


def test_a_revoked_laptop_is_refused_with_hqs_code_and_params(world: World) -> None:
    session = world.laptop()
    world.set_status(session, "revoked")
    with pytest.raises(HqRefused) as caught:
        push(session, chunk_bytes=CHUNK)
    refused = caught.value
    assert refused.status == 403 and refused.code == REFUSED.code
    reason = refused.params["reason"]
    assert isinstance(reason, Said)
    assert (reason.code, reason.template, reason.params) == (LAPTOP_REVOKED.code, LAPTOP_REVOKED.english, {})
    assert refused.message == f"HQ refused: {LAPTOP_REVOKED.english}"  # the command line's English, as before


def oversize_refusal(world: World) -> HqRefused:
    """HQ's refusal of a request one byte larger than it accepts."""
    session = world.laptop()
    client = Client(session, hq_link(session))
    try:
        with pytest.raises(HqRefused) as caught:
            client.call("PUT", "/v1/uploads/" + "0" * 32 + "?offset=0", b"x" * (MAX_BODY + 1))
    finally:
        client.close()
    return caught.value


def test_an_oversize_request_is_refused_with_the_limit_as_a_parameter(world: World) -> None:
    refused = oversize_refusal(world)
    reason = refused.params["reason"]
    assert refused.status == 413 and isinstance(reason, Said)
    assert reason.code == TOO_LARGE.code and reason.params == {"limit": MAX_BODY}
    assert str(reason) == f"The request is larger than HQ accepts ({MAX_BODY} bytes at most)."


def test_the_wire_carries_english_and_the_declared_message(world: World) -> None:
    session = world.laptop()
    client = Client(session, hq_link(session))
    body = b"x" * (MAX_BODY + 1)
    target = "/v1/uploads/" + "0" * 32 + "?offset=0"
    status, answer = raw_request(world, "PUT", target, body, client.headers("PUT", target, body))
    assert status == 413
    assert answer == {
        "error": TOO_LARGE.format({"limit": MAX_BODY}),
        "code": TOO_LARGE.code,
        "template": TOO_LARGE.english,
        "params": {"limit": MAX_BODY},
    }
    assert raw_request(world, "GET", "/v1/nowhere") == (
        404,
        {
            "error": NO_SUCH_ADDRESS.english,
            "code": NO_SUCH_ADDRESS.code,
            "template": NO_SUCH_ADDRESS.english,
            "params": {},
        },
    )
    status, answer = raw_request(world, "DELETE", "/v1/health")
    assert status == 405 and answer["code"] == WRONG_METHOD.code


def test_protocol_data_stays_beside_the_message(world: World) -> None:
    """The offset HQ holds is for the laptop's code, not a parameter of the words."""
    session = world.laptop()
    client = Client(session, hq_link(session))
    start = json.dumps({"size": 100, "sha256": "ab" * 32}).encode()
    _, answer = raw_request(world, "POST", "/v1/uploads", start, client.headers("POST", "/v1/uploads", start))
    target = f"/v1/uploads/{answer['upload_id']}?offset=7"
    status, answer = raw_request(world, "PUT", target, b"abc", client.headers("PUT", target, b"abc"))
    assert status == 409 and answer["offset"] == 0 and answer["params"] == {"held": 0}


def test_an_import_refusal_and_a_pending_answer_carry_their_messages(world: World) -> None:
    session = world.laptop(approved=False)
    with pytest.raises(AwaitingApproval) as caught:
        push(session, chunk_bytes=CHUNK)
    waiting = caught.value
    assert waiting.code == PENDING_NEW.code and waiting.template == PENDING_NEW.english
    assert set(waiting.params) == PENDING_NEW.parameters and waiting.params["name"] == session.device_name
    with pytest.raises(AwaitingApproval) as caught:
        pull_receipt(session)
    assert caught.value.code == NOT_APPROVED_YET.code
    other = world.laptop(approved=False)  # a second laptop with the first one's enrolment file
    with other.log.transaction():
        other.set_meta("hq_enrolment_id", session.meta("hq_enrolment_id") or "")
    with pytest.raises(HqRefused) as refused:
        pull_receipt(other)
    reason = refused.value.params["reason"]
    assert isinstance(reason, Said) and reason.code == USED_BY_ANOTHER.code


# --- what a laptop accepts from the wire: an HQ of another version, or one that misbehaves -------------------


class FakeHq:
    """A TLS server with HQ's certificate (so the laptop's pin holds) that answers every request with one
    status and JSON body: an older HQ, or a broken or hostile one."""

    def __init__(self, world: World) -> None:
        files = ensure_certificate(world.hq.folder, world.hq.root_key, world.hq.hq_name)
        self.status, self.answer = 403, b"{}"
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _reply(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(fake.answer)))
                self.end_headers()
                self.wfile.write(fake.answer)

            do_GET = do_POST = do_PUT = _reply

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(files.cert, files.key, password=files.key_password)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def says(self, status: int, answer: dict[str, Any]) -> None:
        self.status, self.answer = status, json.dumps(answer).encode()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def fake(world: World) -> Iterator[FakeHq]:
    hq = FakeHq(world)
    yield hq
    hq.close()


@pytest.fixture(scope="module")
def laptop(world: World) -> Session:
    return world.laptop()


def _refusal(laptop: Session, fake: FakeHq) -> HqRefused:
    client = Client(laptop, replace(hq_link(laptop), port=fake.port))
    try:
        with pytest.raises(HqRefused) as caught:
            client.call("GET", "/v1/receipts/latest")
    finally:
        client.close()
    return caught.value


ENGLISH = "This laptop has been revoked by HQ; its requests are refused."
GOOD = {
    "code": "hq.laptop_said",
    "template": "Laptop {name} is refused ({count}).",
    "params": {"name": "A", "count": 3},
}


def test_an_older_hq_that_sends_only_english_still_works(laptop: Session, fake: FakeHq) -> None:
    fake.says(403, {"error": ENGLISH})
    refused = _refusal(laptop, fake)
    reason = refused.params["reason"]
    assert refused.status == 403 and reason == ENGLISH and not isinstance(reason, Said)
    assert refused.message == f"HQ refused: {ENGLISH}"
    fake.says(
        202, {"status": "pending", "message": "Compare the fingerprint; run `fieldapp hq device approve`."}
    )
    with pytest.raises(AwaitingApproval, match="fieldapp hq device approve") as waiting:
        pull_receipt(laptop_on(laptop, fake), attempts=1)
    assert waiting.value.template is None  # shown as HQ wrote it


def laptop_on(laptop: Session, fake: FakeHq) -> Session:
    with laptop.log.transaction():
        laptop.set_meta("hq_url", f"https://127.0.0.1:{fake.port}")
    return laptop


def test_a_plain_declared_message_from_hq_is_taken(laptop: Session, fake: FakeHq) -> None:
    fake.says(409, {"error": "Laptop A is refused (3).", **GOOD})
    reason = _refusal(laptop, fake).params["reason"]
    assert isinstance(reason, Said) and reason == "Laptop A is refused (3)."
    assert (reason.code, reason.template, reason.params) == (GOOD["code"], GOOD["template"], GOOD["params"])
    again = pickle.loads(pickle.dumps(reason))  # crosses a process boundary whole, though never registered
    assert isinstance(again, Said) and (again.code, again.params) == (reason.code, reason.params)


@pytest.mark.parametrize(
    "crafted",
    [
        {"template": "{x.__class__}", "params": {"x": "a"}},
        {"template": "{x.__class__.__init__.__globals__}", "params": {"x": "a"}},
        {"template": "{0}", "params": {"0": "a"}},
        {"template": "{}", "params": {}},
        {"template": "{a!r}", "params": {"a": "b"}},
        {"template": "{a:>100000}", "params": {"a": "b"}},
        {"template": "{a:{b}}", "params": {"a": "b", "b": "c"}},
        {"template": "{a[0]}", "params": {"a": "b"}},
        {"template": "{a} and {b}", "params": {"a": "b"}},  # a field without a parameter
        {"template": "{a}", "params": {"a": "b", "extra": "c"}},  # a parameter without a field
        {"template": "{a}", "params": {"a": "x" * 100_000}},  # a 100 kB value
        {"template": "x" * 100_000, "params": {}},
        {"template": "{a}", "params": {"a": {"nested": 1}}},
        {"template": "{a}", "params": {"a": True}},
        {"template": "{a}", "params": {"a": 10**100}},
        {"template": "{a}", "params": ["a"]},
        {"template": "{a", "params": {"a": "b"}},
        {"template": 7, "params": {}},
        {"code": "hq.x\n<b>", "template": "{a}", "params": {"a": "b"}},
        {"code": None, "template": "{a}", "params": {"a": "b"}},
    ],
    ids=lambda c: json.dumps(c)[:60],
)
def test_a_crafted_message_falls_back_to_the_english_text(
    laptop: Session, fake: FakeHq, crafted: dict[str, Any]
) -> None:
    fake.says(403, {"error": ENGLISH, "code": "hq.crafted", **crafted})
    refused = _refusal(laptop, fake)
    reason = refused.params["reason"]
    assert reason == ENGLISH and not isinstance(reason, Said)
    fake.says(202, {"status": "pending", "message": ENGLISH, "code": "hq.crafted", **crafted})
    with pytest.raises(AwaitingApproval) as waiting:
        pull_receipt(laptop_on(laptop, fake), attempts=1)
    assert waiting.value.message == ENGLISH and waiting.value.template is None


def test_an_hq_without_words_gets_a_plain_reason(laptop: Session, fake: FakeHq) -> None:
    fake.answer, fake.status = b"not json", 418
    reason = _refusal(laptop, fake).params["reason"]
    assert reason == "HTTP 418 without an explanation"


@pytest.mark.parametrize("retry_after", ["soon", "nan", -5, None, [1]])
def test_a_busy_hq_with_a_strange_retry_after_is_waited_for_a_second(
    laptop: Session, fake: FakeHq, retry_after: object
) -> None:
    """A "retry after" that is no sensible number was a ValueError (a traceback) or sleep(nan)."""
    fake.says(
        429, {"error": "Too many requests from this laptop; wait a moment.", "retry_after": retry_after}
    )
    with pytest.raises(NetworkError) as caught:
        pull_receipt(laptop_on(laptop, fake), attempts=2)
    assert not isinstance(caught.value, HqRefused) and "Too many requests" in caught.value.message
