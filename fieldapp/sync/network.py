"""Network sync to `fieldapp hq serve`: the same bundle file as on a USB stick, sent over pinned TLS.

* TLS is checked by pin, not by CA: after the handshake the SHA-256 of the server certificate's
  SubjectPublicKeyInfo must equal the enrolment's ``tls_pin``; otherwise the connection is closed
  before a single byte of HTTP is sent.
* Every request is signed by the device key through ``Session.sign_manifest`` (the manifest
  context) over ``request_digest``: a SHA-256 whose input starts with its own context string
  ``fieldapp-sync-request-v1\\0``, so a request digest can never be taken for a manifest digest
  (those hash canonical JSON, which starts with ``{``).
* The bundle (its volumes as one stream; the bundle hash covers exactly that stream) goes up in
  chunks at the offset HQ reports; after a dropped connection the client asks HQ again where it
  is and continues. The bundle waits in ``outbox`` until HQ's receipt is applied, so a cancelled or
  failed push resumes with the same file (and the same upload) next time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import math
import secrets
import shutil
import ssl
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from fieldapp.atomic import write_atomic
from fieldapp.errors import Message, message, said_from_record
from fieldapp.sync import bundle
from fieldapp.sync.errors import NotEnrolled, SyncError
from fieldapp.sync.export import export_bundle
from fieldapp.sync.receipt import apply_receipt
from fieldapp.vault.session import Session
from fieldapp.work import Cancelled, Progress, ShouldCancel, stop_if_asked

BAD_URL = message("sync.bad_url", "HQ's address '{url}' is not of the form https://HOST:PORT.")
NOT_ENROLLED = message(
    "sync.not_enrolled",
    "This laptop is not enrolled with HQ yet: load HQ's enrolment file with `fieldapp enrol`.",
)
NO_NETWORK_ENROLMENT = message(
    "sync.no_network_enrolment",
    "This laptop's enrolment has no HQ network address or certificate pin; use a USB stick, or enrol again with a file from `fieldapp hq enrol --url https://HOST:PORT`.",
)
PIN_MISMATCH = message(
    "sync.pin_mismatch",
    "The server at {host}:{port} is not this laptop's HQ (its certificate does not match the pin in the enrolment file). Nothing was sent. Check the network; someone may be intercepting it.",
)
PUSH_CANCELLED = message(
    "sync.push_cancelled",
    "Sending was cancelled; the next push continues where this one stopped.",
)
PUSH_CANCELLED_EARLY = message(
    "sync.push_cancelled_early", "Sending was cancelled before the bundle was ready."
)
UNREACHABLE = message(
    "sync.unreachable",
    "Could not reach HQ after {attempts} attempts ({reason}). The bundle is kept; push again later.",
)

REQUEST_CONTEXT = b"fieldapp-sync-request-v1\0"
CHUNK_BYTES = 1 << 20
H_DEVICE, H_KEY, H_ENROLMENT = "X-Fieldapp-Device", "X-Fieldapp-Key", "X-Fieldapp-Enrolment"
H_TIME, H_NONCE, H_SIGNATURE = "X-Fieldapp-Time", "X-Fieldapp-Nonce", "X-Fieldapp-Signature"
_SENDING, _PREPARING = "Sending the bundle to HQ", "Preparing the bundle"


class NetworkError(SyncError):
    code = "network"


class PinMismatch(NetworkError):
    code = "tls_pin_mismatch"


class HqRefused(NetworkError):
    code = "hq_refused"

    def __init__(self, text: Message | str, status: int = 0, /, **params: object) -> None:
        super().__init__(text, **params)
        self.status = status


class AwaitingApproval(NetworkError):
    code = "awaiting_approval"


REFUSED = message("sync.hq_refused", "HQ refused: {reason}")
AWAITING_APPROVAL = message("sync.awaiting_approval", "HQ has not approved this laptop yet.")


def _awaiting(answer: dict[str, Any]) -> AwaitingApproval:
    """HQ's own words when it gave some (they name the fingerprint to compare), else ours; in the
    officer's language when HQ sent them as a plain declared message."""
    said = answer.get("message")
    if not said:
        return AwaitingApproval(AWAITING_APPROVAL)
    declared = said_from_record(answer)
    if declared is None:
        return AwaitingApproval(str(said))
    return AwaitingApproval(Message(declared.code, declared.template), **declared.params)


def hq_words(answer: dict[str, Any], status: int) -> str:
    """What HQ said when it refused: a ``Said`` of its declared message (so the laptop can show it in the
    officer's language by code and template, without registering HQ's message as its own) if the
    answer carries a plain one, else HQ's English text as it came (an older HQ sends only that)."""
    english = str(answer.get("error") or f"HTTP {status} without an explanation")
    return said_from_record(answer) or english


class _Transient(Exception):
    """A failure worth retrying (connection dropped, timeout, HQ busy or restarting)."""

    def __init__(self, reason: str, wait: float = 0.0) -> None:
        super().__init__(reason)
        self.reason, self.wait = reason, wait  # reason: a Said when HQ said why (shown translated)


def request_digest(
    *,
    hq_id: str,
    method: str,
    target: str,
    body_sha256: str,
    device_id: str,
    public_key: str,
    enrolment_id: str,
    nonce: str,
    timestamp: str,
) -> bytes:
    """The 32 bytes a request signature covers (fields never contain a newline: headers cannot)."""
    fields = (hq_id, method, target, body_sha256, device_id, public_key, enrolment_id, nonce, timestamp)
    return hashlib.sha256(REQUEST_CONTEXT + "\n".join(fields).encode("utf-8")).digest()


def spki_pin(cert_der: bytes) -> str:
    """base64(SHA-256(SubjectPublicKeyInfo)) of a DER certificate: what enrolment files call tls_pin."""
    spki = (
        x509.load_der_x509_certificate(cert_der)
        .public_key()
        .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


def parse_url(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or parts.path not in ("", "/") or parts.query:
        raise NotEnrolled(BAD_URL, url=url)
    return parts.hostname, parts.port or 443


class PinnedConnection(http.client.HTTPSConnection):
    """HTTPS whose server is trusted by its SPKI pin only (no CA, no host name)."""

    def __init__(self, host: str, port: int, pin: str, timeout: float) -> None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the pin below is the check
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        super().__init__(host, port, timeout=timeout, context=context)
        self.pin = pin

    def connect(self) -> None:
        super().connect()
        assert isinstance(self.sock, ssl.SSLSocket)
        der = self.sock.getpeercert(binary_form=True)
        if der is None or not hmac.compare_digest(spki_pin(der), self.pin):
            self.close()
            raise PinMismatch(PIN_MISMATCH, host=self.host, port=self.port)


@dataclass(frozen=True)
class HqLink:
    hq_id: str
    host: str
    port: int
    pin: str


def hq_link(session: Session) -> HqLink:
    hq_id, url, pin = session.meta("hq_id"), session.meta("hq_url"), session.meta("hq_tls_pin")
    if not hq_id:
        raise NotEnrolled(NOT_ENROLLED)
    if not url or not pin:
        raise NotEnrolled(NO_NETWORK_ENROLMENT)
    host, port = parse_url(url)
    return HqLink(hq_id, host, port, pin)


class Client:
    """Signed requests to HQ over one pinned connection, reopened after a failure."""

    def __init__(self, session: Session, link: HqLink, *, timeout: float = 30.0) -> None:
        self.session, self.link, self.timeout = session, link, timeout
        self._conn: PinnedConnection | None = None
        self._key, self._sign = session.request_key()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def headers(self, method: str, target: str, body: bytes) -> dict[str, str]:
        s = self.session
        values = {
            H_DEVICE: s.device_id,
            H_KEY: self._key,
            H_ENROLMENT: s.meta("hq_enrolment_id") or "",
            H_TIME: str(int(time.time())),
            H_NONCE: secrets.token_hex(16),
        }
        digest = request_digest(
            hq_id=self.link.hq_id,
            method=method,
            target=target,
            body_sha256=hashlib.sha256(body).hexdigest(),
            device_id=values[H_DEVICE],
            public_key=values[H_KEY],
            enrolment_id=values[H_ENROLMENT],
            nonce=values[H_NONCE],
            timestamp=values[H_TIME],
        )
        values[H_SIGNATURE] = self._sign(digest).hex()
        return values

    def call(
        self, method: str, target: str, body: bytes = b"", *, ok: tuple[int, ...] = (200,)
    ) -> tuple[int, bytes]:
        """One signed request; _Transient for what a retry may fix, HqRefused for a refusal."""
        headers = {**self.headers(method, target, body), "Content-Type": "application/octet-stream"}
        try:
            if self._conn is None:
                self._conn = PinnedConnection(self.link.host, self.link.port, self.link.pin, self.timeout)
            self._conn.request(method, target, body=body, headers=headers)
            response = self._conn.getresponse()
            status, raw = response.status, response.read()
        except (OSError, http.client.HTTPException) as exc:
            self.close()
            raise _Transient(f"the connection to HQ failed ({exc.__class__.__name__}: {exc})") from exc
        if status in ok:
            return status, raw
        answer = _json(raw)
        words = hq_words(answer, status)
        if status == 429:
            raise _Transient(words, wait=_seconds(answer.get("retry_after")))
        if status >= 500:  # 503 with retry_after: HQ's store was busy with another writer
            self.close()
            raise _Transient(words, wait=_seconds(answer["retry_after"]) if "retry_after" in answer else 0.0)
        raise HqRefused(REFUSED, status, reason=words)

    def call_json(
        self, method: str, target: str, body: bytes = b"", *, ok: tuple[int, ...] = (200,)
    ) -> tuple[int, dict[str, Any]]:
        status, raw = self.call(method, target, body, ok=ok)
        return status, _json(raw)


def _seconds(value: object) -> float:
    """HQ's "retry after" in seconds, or 1 when it is missing or not a sensible number."""
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 1.0
    return seconds if math.isfinite(seconds) and 0 <= seconds <= 3600 else 1.0


def _json(raw: bytes) -> dict[str, Any]:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def retrying(
    attempts: int, backoff: float, step: Callable[[], bool], should_cancel: ShouldCancel | None
) -> None:
    """Run ``step`` until it returns True; a _Transient costs one attempt (reset by progress: step
    returning False means "moved on, call again"), with capped exponential backoff in between."""
    failures = 0
    while True:
        stop_if_asked(should_cancel, PUSH_CANCELLED)
        try:
            if step():
                return
            failures = 0
        except _Transient as exc:
            failures += 1
            if failures >= attempts:
                raise NetworkError(UNREACHABLE, attempts=attempts, reason=exc.reason) from exc
            time.sleep(min(max(exc.wait, backoff * 2 ** (failures - 1)), 30.0))


# --- the bundle: volumes as one stream ----------------------------------------------------------


def _stream_hash(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    return digest.hexdigest()


def _read_range(paths: list[Path], offset: int, length: int) -> bytes:
    out = bytearray()
    for path in paths:
        size = path.stat().st_size
        if offset >= size:
            offset -= size
            continue
        with path.open("rb") as handle:
            handle.seek(offset)
            out += handle.read(length - len(out))
        offset = 0
        if len(out) >= length:
            break
    return bytes(out)


def _outbox_bundle(session: Session, outbox: Path) -> tuple[list[Path], str] | None:
    """The bundle waiting in the outbox if it is still the laptop's latest unacknowledged one."""
    last_hash = session.meta("sync_last_bundle_hash")
    last_seq = int(session.meta("sync_last_bundle_seq") or 0)
    groups = bundle.group_bundles(sorted(outbox.glob(f"fieldapp-*{bundle.SUFFIX}*")))
    if last_hash and last_seq > int(session.meta("hq_acked_seq") or 0):
        for volumes in groups:
            if _stream_hash(volumes) == last_hash:
                return volumes, last_hash
    for volumes in groups:  # superseded or acknowledged: what is unacknowledged goes into a new export
        for path in volumes:
            path.unlink(missing_ok=True)
    return None


@dataclass(frozen=True)
class PushResult:
    bundle_hash: str | None  # None: nothing to send
    size: int
    resumed_from: int
    acked_before: int
    acked_after: int


def push(
    session: Session,
    outbox: Path | None = None,
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    chunk_bytes: int = CHUNK_BYTES,
    attempts: int = 6,
    backoff: float = 0.5,
    timeout: float = 30.0,
) -> PushResult:
    """Export what HQ has not acknowledged (or reuse the bundle waiting in the outbox), upload it
    and apply HQ's receipt. AwaitingApproval if HQ has not approved this laptop yet."""
    link = hq_link(session)
    outbox = outbox or session.data_dir / "outbox"
    outbox.mkdir(mode=0o700, exist_ok=True)
    found = _outbox_bundle(session, outbox)
    if found is None:

        def preparing(done: int, total: int, what: str) -> None:
            if progress is not None:
                progress(done, total, _PREPARING)

        try:
            exported = export_bundle(session, outbox, progress=preparing, should_cancel=should_cancel)
        except Cancelled as exc:
            raise Cancelled(PUSH_CANCELLED_EARLY) from exc
        acked = int(session.meta("hq_acked_seq") or 0)
        if exported is None:
            return PushResult(None, 0, 0, acked, acked)
        found = exported.paths, exported.bundle_hash
    volumes, bundle_hash = found
    size = sum(p.stat().st_size for p in volumes)
    client = Client(session, link, timeout=timeout)
    state: dict[str, Any] = {"offset": None, "resumed": None, "receipt": b""}
    start_body = json.dumps({"size": size, "sha256": bundle_hash}).encode()

    def step() -> bool:  # one request; True once HQ's receipt is in hand
        try:
            if state["offset"] is None:  # (again) ask HQ how much it holds
                _, answer = client.call_json("POST", "/v1/uploads", start_body)
                state.update(id=str(answer["upload_id"]), offset=int(answer["offset"]))
                state["chunk"] = min(chunk_bytes, int(answer.get("max_chunk") or chunk_bytes))
                state["resumed"] = state["offset"] if state["resumed"] is None else state["resumed"]
                return False
            offset, target = int(state["offset"]), f"/v1/uploads/{state['id']}"
            if progress:
                progress(offset, size, _SENDING)
            if offset < size:
                chunk = _read_range(volumes, offset, int(state["chunk"]))
                _, answer = client.call_json("PUT", f"{target}?offset={offset}", chunk, ok=(200, 409))
                state["offset"] = int(answer.get("offset", offset))
                return False
            status, raw = client.call("POST", f"{target}/finish", ok=(200, 202, 409))
        except _Transient:
            state["offset"] = None
            raise
        if status == 202:
            raise _awaiting(_json(raw))
        if status == 409:  # HQ holds less than we thought (its spool was cut short): send the rest
            state["offset"] = int(_json(raw)["offset"])
            return False
        state["receipt"] = raw
        return True

    try:
        retrying(attempts, backoff, step, should_cancel)
    finally:
        client.close()
    before, after = _apply(session, outbox, state["receipt"])
    for path in volumes:
        path.unlink(missing_ok=True)
    return PushResult(bundle_hash, size, int(state["resumed"] or 0), before, after)


def _apply(session: Session, folder: Path, raw: bytes) -> tuple[int, int]:
    with tempfile.TemporaryDirectory(dir=folder, prefix=".receipt-") as tmp:
        path = Path(tmp) / "receipt.json"
        write_atomic(path, raw)
        result = apply_receipt(session, path)
        shutil.copyfile(path, folder / "last-receipt.json")
    return result


def pull_receipt(
    session: Session,
    folder: Path | None = None,
    *,
    attempts: int = 4,
    backoff: float = 0.5,
    timeout: float = 30.0,
) -> tuple[int, int]:
    """Fetch HQ's latest receipt for this laptop and apply it: (acked seq before, after)."""
    link = hq_link(session)
    folder = folder or session.data_dir / "outbox"
    folder.mkdir(mode=0o700, exist_ok=True)
    client = Client(session, link, timeout=timeout)
    raw: list[bytes] = []

    def step() -> bool:
        status, body = client.call(
            "GET", f"/v1/receipts/latest?device={quote(session.device_id)}", ok=(200, 202)
        )
        if status == 202:
            raise _awaiting(_json(body))
        raw.append(body)
        return True

    try:
        retrying(attempts, backoff, step, None)
    finally:
        client.close()
    return _apply(session, folder, raw[0])
