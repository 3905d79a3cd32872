"""`fieldapp hq serve`: HQ's network endpoint for bundles (FastAPI on uvicorn, TLS pinned by laptops).

The network is only another transport (docs/bundles.md, "Network sync"): the uploaded file is the very bundle a
USB stick carries and goes through the same ``import_bundle`` as `hq import`. Requests are
authenticated at the application layer (uvicorn does not hand client certificates to the app,
§5.2): each carries the device id, a timestamp, a nonce and the device's signature over
``network.request_digest``. A laptop HQ has not seen yet is admitted only with an enrolment id HQ
issued; its first bundle registers it as pending, exactly as `hq import` does.

This process unlocks HQ's key file with the passphrase at start and then keeps only what importing and
answering with receipts need: the bundle key, the store's keys and the receipt key (with its certificate
from HQ's signing key). It drops HQ's recovery key (exported, it is not in the key file at all) and HQ's
signing key, so a compromise of the running server can sign receipts but not enrolment files, indicator
sets or HQ's decisions. What remains: the process read the whole key file once, at start, and the
passphrase was typed into it; a stateless web tier and a separate import worker holding the keys would be
stronger; here the two are one process (simpler on a single HQ laptop). The store is touched only by ONE worker thread (a
single-thread executor that owns the connection, so it needs no locking and imports run one at a
time); the event loop awaits it, so /health and chunk uploads keep answering during a long import.
Chunk uploads only add bytes to the caller's own spool, so while an import runs they authenticate
against the device record the worker last read (the import re-checks everything).

The replay guard's nonces are kept in an append-only file in the HQ folder (``replay-guard.log``),
not in the store: a nonce must be on disk before the request is acted on, and the store is busy
for minutes during a big import; the file also works the same for either store backend. Only
requests whose signature verified are recorded, so strangers cannot grow it; it is compacted to
the live window at start and whenever most of it has expired.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from fieldapp.atomic import fsync_dir, write_atomic
from fieldapp.errors import Busy, FieldAppError, Said, message, record_of
from fieldapp.hq import enrolments
from fieldapp.hq.errors import BundleRefused, DevicePending, ImportAlarm, MissingPrerequisite
from fieldapp.hq.identity import HqIdentity
from fieldapp.hq.importer import import_bundle
from fieldapp.hq.replay_guard import GUARD_FILE, Guard, NonceLog
from fieldapp.hq.store import HqStore
from fieldapp.sync import network as proto
from fieldapp.sync.keys import MANIFEST_CONTEXT

MAX_BODY = 4 << 20
MAX_UPLOAD = 16_000_000_000
# A laptop HQ has not approved may leave at most this much in the spool, and all of them together at
# most the total: an enrolment file is all it takes to upload, so an unapproved laptop cannot fill HQ's
# disk (a laptop's first bundle is registered and waits for approval; bigger ones follow approval).
PENDING_MAX_UPLOAD = 64 << 20
PENDING_SPOOL_TOTAL = 512 << 20
RATE = (240, 60.0)  # requests per device per window (seconds)
SKEW = 300  # seconds a request's timestamp may be off; nonces are remembered this long
BUSY_RETRY_AFTER = 5  # seconds a laptop waits when another writer holds the store
_HEX = re.compile(r"[0-9a-f]+")
_TOKEN = re.compile(r"[\x21-\x7e]{1,200}")
FRESH = 2.0  # seconds a device record read by the worker is trusted for any request
STALE_OK = 600.0  # ... and for chunk uploads while the worker is busy importing
_T = TypeVar("_T")

TOO_LARGE = message("hq.request_too_large", "The request is larger than HQ accepts ({limit} bytes at most).")
CUT_SHORT = message("hq.request_cut_short", "The connection was cut before the request was complete.")
NOT_SIGNED = message(
    "hq.request_not_signed",
    "The request is not signed by a laptop (header {header} is missing or malformed).",
)
TOO_MANY_REFUSED = message("hq.too_many_refused", "Too many refused requests; wait a moment.")
TOO_MANY_REQUESTS = message("hq.too_many_requests", "Too many requests from this laptop; wait a moment.")
CLOCK_OFF = message(
    "hq.request_clock_off", "The request's time is too far from HQ's clock (a replay, or a wrong clock)."
)
OTHER_KEY = message(
    "hq.request_other_key", "This request is signed with another key than the one HQ holds for this laptop."
)
UNKNOWN_LAPTOP = message(
    "hq.unknown_laptop", "HQ does not know this laptop (no bundle from it yet and no enrolment HQ issued)."
)
BAD_SIGNATURE = message(
    "hq.request_bad_signature", "The request's signature does not check out; it was refused."
)
LAPTOP_REVOKED = message("hq.laptop_revoked", "This laptop has been revoked by HQ; its requests are refused.")
REPLAYED = message(
    "hq.request_replayed", "This request was already received once (a replay); it was refused."
)
NO_SUCH_UPLOAD = message(
    "hq.no_such_upload", "HQ has no such upload from this laptop; start the upload again."
)
PENDING_LIMIT = message(
    "hq.pending_upload_limit",
    "HQ takes at most {megabytes} MB from a laptop it has not approved yet; ask HQ to approve this laptop "
    "(its fingerprint), then send the rest.",
)
PENDING_SPOOL_FULL = message(
    "hq.pending_spool_full", "HQ holds as much from laptops waiting for approval as it will; try again later."
)
UPLOAD_HASH_DIFFERS = message(
    "hq.upload_hash_differs", "The uploaded bytes do not match the bundle's hash; send the bundle again."
)
HQ_BUSY = message(
    "hq.busy", "HQ is busy saving other work; what this laptop sent is kept there. Push again in a minute."
)
NO_SUCH_ADDRESS = message("hq.no_such_address", "No such address on HQ.")
WRONG_METHOD = message("hq.wrong_method", "This address does not take that method.")
HTTP_ERROR = message("hq.http_error", "HQ could not answer this request (HTTP {status}).")
MALFORMED = message("hq.request_malformed", "The request is malformed.")
BAD_START = message("hq.upload_bad_start", 'Start an upload with {{"size": BYTES, "sha256": HEX}}.')
BUNDLE_TOO_LARGE = message(
    "hq.bundle_too_large", "The bundle is larger than HQ accepts ({limit} bytes at most)."
)
OTHER_SIZE = message("hq.upload_other_size", "An upload of this bundle with another size is under way.")
NO_OFFSET = message("hq.chunk_no_offset", "Say where this chunk goes (?offset=N).")
CONTINUE_FROM = message("hq.chunk_continue_from", "HQ has {held} bytes of this upload; continue from there.")
CHUNK_OUTSIDE = message("hq.chunk_outside", "This chunk is empty or goes past the bundle's announced size.")
UPLOAD_INCOMPLETE = message("hq.upload_incomplete", "HQ has only {held} of {size} bytes of this bundle.")
OWN_RECEIPTS = message("hq.own_receipts_only", "A laptop may only fetch its own receipts.")
NOT_APPROVED_YET = message(
    "hq.laptop_not_approved_yet",
    "HQ has not approved this laptop yet (waiting for HQ approval); no receipt yet.",
)
NO_RECEIPT_YET = message("hq.no_receipt_yet", "HQ has no receipt for this laptop yet; push a bundle first.")


class Refused(Exception):
    """A request HQ turns down: an HTTP status and a declared message, sent as JSON: ``error`` (the English
    text, all an older laptop reads), ``code``, ``template`` and ``params`` (so a laptop shows it in the
    officer's language), and ``extra`` protocol data (``retry_after``, ``offset``) beside them."""

    def __init__(self, status: int, text: Said | FieldAppError, **extra: Any) -> None:
        english = text.message if isinstance(text, FieldAppError) else str(text)
        super().__init__(english)
        self.status, self.message, self.extra = status, english, extra
        self.record = record_of(text)

    def body(self) -> dict[str, Any]:
        return {"error": self.message, **(self.record or {}), **self.extra}


@dataclass(frozen=True)
class _Known:
    """What the worker last read about a caller: its key and status, or whether its enrolment id is HQ's."""

    at: float
    key_hex: str | None
    status: str | None
    enrolment_ok: bool
    previous_key: str | None = None  # a re-keyed laptop's key before the rotation: it still signs requests


@dataclass
class HqContext:
    identity: HqIdentity
    store: HqStore  # used only on ``worker``
    before_import: Callable[[], None] | None = None  # test hook, run on the worker just before an import
    worker: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="hq-store")
    )
    importing: int = 0
    known: dict[tuple[str, str], _Known] = field(default_factory=dict)

    @property
    def spool(self) -> Path:
        return self.identity.folder / "spool"

    async def run(self, job: Callable[[], _T]) -> _T:
        """Run ``job`` on the store's thread and wait for it without blocking the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self.worker, job)


@dataclass(frozen=True)
class Caller:
    device_id: str
    status: str  # approved, pending, or new (unknown to HQ, with an enrolment id HQ issued)


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise Refused(413, Said(TOO_LARGE, limit=limit))
    data = bytearray()
    try:
        async for part in request.stream():
            data += part
            if len(data) > limit:
                raise Refused(413, Said(TOO_LARGE, limit=limit))
    except ClientDisconnect:
        raise Refused(400, Said(CUT_SHORT)) from None
    return bytes(data)


def _header(request: Request, name: str, *, required: bool = True) -> str:
    value = request.headers.get(name, "")
    if (required or value) and not _TOKEN.fullmatch(value):
        raise Refused(401, Said(NOT_SIGNED, header=name))
    return value


def _target(request: Request) -> str:
    raw = request.scope.get("raw_path") or request.url.path.encode("ascii")
    query = request.scope.get("query_string", b"")
    return raw.decode("latin-1") + ("?" + query.decode("latin-1") if query else "")


async def _authenticate(
    request: Request, ctx: HqContext, guard: Guard, max_body: int, *, stale_ok: bool = False
) -> tuple[Caller, bytes]:
    body = await _body(request, max_body)
    now = time.time()
    client_ip = request.client.host if request.client else "?"
    try:
        known = await _lookup(ctx, request, stale_ok=stale_ok)
        caller = _verify(request, ctx, guard, body, now, known)
    except Refused as exc:
        if exc.status == 401 and (wait := guard.allow(f"ip:{client_ip}", now)):
            raise Refused(429, Said(TOO_MANY_REFUSED), retry_after=round(wait, 1)) from exc
        raise
    if wait := guard.allow(f"device:{caller.device_id}", now):
        raise Refused(429, Said(TOO_MANY_REQUESTS), retry_after=round(wait, 1))
    if caller.status == "new":  # an enrolment id admits the first laptop that uses it, and no other
        enrolment_id = request.headers.get(proto.H_ENROLMENT, "")
        claimed = request.headers.get(proto.H_KEY, "")

        def admit() -> Said | None:
            with ctx.store.transaction():
                return enrolments.admits(ctx.store, enrolment_id, caller.device_id, claimed)

        why = await ctx.run(admit)
        if why is not None:
            raise Refused(403, why)
    return caller, body


async def _lookup(ctx: HqContext, request: Request, *, stale_ok: bool) -> _Known:
    """The caller's device record (or enrolment), read on the store's thread unless recently read."""
    device_id = _header(request, proto.H_DEVICE)
    enrolment_id = _header(request, proto.H_ENROLMENT, required=False)
    key = (device_id, enrolment_id)
    cached = ctx.known.get(key)
    age = time.monotonic() - cached.at if cached else 0.0
    if cached is not None and (age < FRESH or (stale_ok and ctx.importing and age < STALE_OK)):
        return cached

    def read() -> _Known:
        device = ctx.store.device(device_id)
        enrolled = device is None and enrolments.find(ctx.store, enrolment_id or None) is not None
        key_hex, status = (device.public_key, device.status) if device else (None, None)
        previous = ctx.store.previous_key(device_id) if device else None
        return _Known(time.monotonic(), key_hex, status, enrolled, previous)

    found = await ctx.run(read)
    if found.key_hex or found.enrolment_ok:  # only laptops HQ knows are remembered (bounded)
        if len(ctx.known) > 10_000:
            ctx.known.clear()
        ctx.known[key] = found
    return found


def _verify(request: Request, ctx: HqContext, guard: Guard, body: bytes, now: float, known: _Known) -> Caller:
    device_id, nonce = _header(request, proto.H_DEVICE), _header(request, proto.H_NONCE)
    stamp, signature = _header(request, proto.H_TIME), _header(request, proto.H_SIGNATURE)
    claimed_key = _header(request, proto.H_KEY, required=False)
    enrolment_id = _header(request, proto.H_ENROLMENT, required=False)
    if not stamp.isdigit() or abs(now - int(stamp)) > guard.skew:
        raise Refused(401, Said(CLOCK_OFF))
    if known.key_hex is not None and known.status is not None:
        key_hex, status = known.key_hex, known.status
        if claimed_key and claimed_key == known.previous_key:
            key_hex = claimed_key  # the laptop has not seen HQ take its new key yet
        if claimed_key and claimed_key != key_hex:
            raise Refused(401, Said(OTHER_KEY))
    elif claimed_key and known.enrolment_ok:
        key_hex, status = claimed_key, "new"
    else:
        raise Refused(401, Said(UNKNOWN_LAPTOP))
    digest = proto.request_digest(
        hq_id=ctx.identity.hq_id,
        method=request.method,
        target=_target(request),
        body_sha256=hashlib.sha256(body).hexdigest(),
        device_id=device_id,
        public_key=claimed_key,
        enrolment_id=enrolment_id,
        nonce=nonce,
        timestamp=stamp,
    )
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex))
        key.verify(bytes.fromhex(signature), MANIFEST_CONTEXT + digest)
    except (InvalidSignature, ValueError) as exc:
        raise Refused(401, Said(BAD_SIGNATURE)) from exc
    if status == "revoked":
        raise Refused(403, Said(LAPTOP_REVOKED))
    if not guard.fresh(f"{device_id}:{nonce}", now):
        raise Refused(401, Said(REPLAYED))
    return Caller(device_id, status)


# --- the spool ----------------------------------------------------------------------------------


def _upload_id(device_id: str, sha256: str) -> str:
    return hashlib.sha256(f"fieldapp-upload-v1\0{device_id}\0{sha256}".encode()).hexdigest()[:32]


def _load(ctx: HqContext, upload_id: str, caller: Caller) -> tuple[dict[str, Any], Path]:
    meta_path = ctx.spool / f"{upload_id}.json"
    try:
        meta = json.loads(meta_path.read_bytes()) if _HEX.fullmatch(upload_id) else None
    except (OSError, ValueError):
        meta = None
    if not isinstance(meta, dict) or meta.get("device_id") != caller.device_id:
        raise Refused(404, Said(NO_SUCH_UPLOAD))
    return meta, ctx.spool / f"{upload_id}.part"


def _held(part: Path) -> int:
    try:
        return part.stat().st_size
    except FileNotFoundError:
        return 0


def _drop(ctx: HqContext, upload_id: str, *, keep_meta: bool = False) -> None:
    """Remove an upload's bytes; its small record stays after an import, so finishing again finds
    the bundle hash and answers with the same receipt."""
    for suffix in (".part",) if keep_meta else (".part", ".json"):
        (ctx.spool / f"{upload_id}{suffix}").unlink(missing_ok=True)


def stored_receipt(
    store: HqStore, *, bundle_hash: str | None = None, device_id: str | None = None
) -> bytes | None:
    column, value = ("bundle_hash", bundle_hash) if bundle_hash else ("device_id", device_id)
    row = store.conn.execute(
        f"SELECT receipt FROM hq_receipts WHERE {column} = ? ORDER BY id DESC LIMIT 1", (value,)
    ).fetchone()
    return None if row is None else str(row[0]).encode("utf-8")


def _check_pending_room(ctx: HqContext, device_id: str, size: int, meta_path: Path) -> None:
    """Room in the spool for an upload by a laptop HQ has not approved (see PENDING_MAX_UPLOAD)."""
    own = total = 0
    for item in ctx.spool.glob("*.json"):
        if item == meta_path or not (item.with_suffix(".part")).exists():
            continue  # this very upload, or one imported already (its bytes are gone)
        try:
            meta = json.loads(item.read_bytes())
        except (OSError, ValueError):
            continue
        if isinstance(meta, dict) and not meta.get("approved", True):
            total += int(meta.get("size", 0))
            own += int(meta.get("size", 0)) if meta.get("device_id") == device_id else 0
    if own + size > PENDING_MAX_UPLOAD:
        raise Refused(413, Said(PENDING_LIMIT, megabytes=PENDING_MAX_UPLOAD >> 20))
    if total + size > PENDING_SPOOL_TOTAL:
        raise Refused(507, Said(PENDING_SPOOL_FULL))


def _pending(text: Said | FieldAppError) -> JSONResponse:
    """202: the laptop waits for HQ's approval (``message`` in English, and the declared message)."""
    english = text.message if isinstance(text, FieldAppError) else str(text)
    return JSONResponse({"status": "pending", "message": english, **(record_of(text) or {})}, status_code=202)


def _import(ctx: HqContext, meta: dict[str, Any], part: Path, upload_id: str) -> Response:
    digest = hashlib.sha256()
    with part.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    if digest.hexdigest() != meta["sha256"]:
        _drop(ctx, upload_id)
        raise Refused(422, Said(UPLOAD_HASH_DIFFERS))
    if ctx.before_import is not None:
        ctx.before_import()
    try:
        result = import_bundle(ctx.store, ctx.identity, [part])
    except DevicePending as exc:  # the spool stays: after approval, finishing again imports it
        return _pending(exc)
    except Busy:  # the spool stays: once the other writer is done, finishing again imports it
        raise
    except FieldAppError as exc:  # alarm / damaged → 422, refused → 403, needs another laptop's data → 424
        _drop(ctx, upload_id)
        refused = isinstance(exc, BundleRefused) and not isinstance(exc, ImportAlarm)
        raise Refused(424 if isinstance(exc, MissingPrerequisite) else 403 if refused else 422, exc) from exc
    _drop(ctx, upload_id, keep_meta=True)
    return Response(result.receipt, media_type="application/json")


# --- the app ------------------------------------------------------------------------------------


def create_app(
    ctx: HqContext,
    *,
    max_body: int = MAX_BODY,
    rate: tuple[int, float] = RATE,
    skew: int = SKEW,
    max_upload: int = MAX_UPLOAD,
) -> FastAPI:
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    guard = Guard(rate, skew, log=NonceLog(ctx.identity.folder / GUARD_FILE, time.time()))
    ctx.spool.mkdir(mode=0o700, exist_ok=True)

    @app.exception_handler(Refused)
    async def refused(_: Request, exc: Refused) -> JSONResponse:
        headers = (
            {"Retry-After": str(max(1, round(exc.extra["retry_after"])))}
            if "retry_after" in exc.extra
            else None
        )
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)

    @app.exception_handler(Busy)
    async def busy(_: Request, exc: Busy) -> JSONResponse:
        """The store is held by another writer (the HQ app importing a stick): the laptop tries again."""
        refused = Refused(503, Said(HQ_BUSY), retry_after=BUSY_RETRY_AFTER)
        return JSONResponse(refused.body(), status_code=503, headers={"Retry-After": str(BUSY_RETRY_AFTER)})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        words = {404: Said(NO_SUCH_ADDRESS), 405: Said(WRONG_METHOD)}
        said = words.get(exc.status_code) or Said(HTTP_ERROR, status=exc.status_code)
        return JSONResponse(Refused(exc.status_code, said).body(), status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(Refused(400, Said(MALFORMED)).body(), status_code=400)

    @app.get("/v1/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/uploads")
    async def start(request: Request) -> dict[str, Any]:
        caller, body = await _authenticate(request, ctx, guard, max_body)
        try:
            asked = json.loads(body)
            size, sha256 = asked["size"], asked["sha256"]
            if (
                type(size) is not int
                or size < 1
                or not isinstance(sha256, str)
                or not re.fullmatch(r"[0-9a-f]{64}", sha256)
            ):
                raise ValueError
        except (ValueError, KeyError, TypeError):
            raise Refused(400, Said(BAD_START)) from None
        upload_id = _upload_id(caller.device_id, sha256)
        meta_path, part = ctx.spool / f"{upload_id}.json", ctx.spool / f"{upload_id}.part"
        record = json.dumps(
            {
                "device_id": caller.device_id,
                "size": size,
                "sha256": sha256,
                "approved": caller.status == "approved",
            }
        ).encode()
        if await ctx.run(lambda: ctx.store.has_bundle(sha256)):
            if not meta_path.exists():
                write_atomic(meta_path, record)
            return {
                "upload_id": upload_id,
                "offset": size,
                "size": size,
                "imported": True,
                "max_chunk": max_body,
            }
        if size > max_upload:
            raise Refused(413, Said(BUNDLE_TOO_LARGE, limit=max_upload))
        if caller.status != "approved":
            _check_pending_room(ctx, caller.device_id, size, meta_path)
        if meta_path.exists():
            meta, _ = _load(ctx, upload_id, caller)
            if meta["size"] != size:
                raise Refused(409, Said(OTHER_SIZE))
        else:
            write_atomic(meta_path, record)
            part.unlink(missing_ok=True)
            fsync_dir(ctx.spool)
        held = _held(part)
        if held > size:
            part.unlink()
            held = 0
        # max_chunk: laptops send chunks no larger than this server accepts, whatever their default.
        return {
            "upload_id": upload_id,
            "offset": held,
            "size": size,
            "imported": False,
            "max_chunk": max_body,
        }

    @app.put("/v1/uploads/{upload_id}")
    async def chunk(request: Request, upload_id: str) -> JSONResponse:
        caller, body = await _authenticate(request, ctx, guard, max_body, stale_ok=True)
        meta, part = _load(ctx, upload_id, caller)
        offset_text = request.query_params.get("offset", "")
        if not offset_text.isdigit():
            raise Refused(400, Said(NO_OFFSET))
        held = _held(part)
        if int(offset_text) != held:
            raise Refused(409, Said(CONTINUE_FROM, held=held), offset=held)
        if not body or held + len(body) > int(meta["size"]):
            raise Refused(400, Said(CHUNK_OUTSIDE))
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, body)
            os.fsync(fd)
        finally:
            os.close(fd)
        return JSONResponse({"offset": held + len(body)})

    @app.post("/v1/uploads/{upload_id}/finish")
    async def finish(request: Request, upload_id: str) -> Response:
        caller, _ = await _authenticate(request, ctx, guard, max_body)
        meta, part = _load(ctx, upload_id, caller)

        def job() -> Response:  # on the store's thread: the check and the import are one step
            done = (
                stored_receipt(ctx.store, bundle_hash=meta["sha256"])
                if ctx.store.has_bundle(meta["sha256"])
                else None
            )
            if done is not None:  # imported before (or through `hq import`): never import twice
                _drop(ctx, upload_id, keep_meta=True)
                return Response(done, media_type="application/json")
            held = _held(part)
            if held != meta["size"]:
                raise Refused(409, Said(UPLOAD_INCOMPLETE, held=held, size=meta["size"]), offset=held)
            return _import(ctx, meta, part, upload_id)

        ctx.importing += 1
        try:
            return await ctx.run(job)
        finally:
            ctx.importing -= 1
            ctx.known = {k: v for k, v in ctx.known.items() if k[0] != caller.device_id}  # status may change

    @app.get("/v1/receipts/latest")
    async def latest(request: Request) -> Response:
        caller, _ = await _authenticate(request, ctx, guard, max_body)
        if request.query_params.get("device") != caller.device_id:
            raise Refused(403, Said(OWN_RECEIPTS))
        raw = await ctx.run(lambda: stored_receipt(ctx.store, device_id=caller.device_id))
        if raw is not None:
            return Response(raw, media_type="application/json")
        if caller.status != "approved":
            return _pending(Said(NOT_APPROVED_YET))
        raise Refused(404, Said(NO_RECEIPT_YET))

    return app


def serve(identity: HqIdentity, store: HqStore, host: str, port: int, **limits: Any) -> None:
    """Run the server until interrupted (uvicorn, TLS with HQ's certificate made if missing)."""
    import uvicorn

    from fieldapp.hq.tls import ensure_certificate

    files = ensure_certificate(identity.folder, identity.root_key, identity.hq_name)
    identity = identity.for_serving()  # neither the recovery key nor the signing key: receipts need neither
    ctx = HqContext(identity, store)
    app = create_app(ctx, **limits)
    print(f"HQ {identity.hq_name} serving at https://{host}:{port} (TLS pin {files.pin}).", flush=True)
    try:
        uvicorn.run(
            app,
            host=host,
            port=port,
            ssl_certfile=str(files.cert),
            ssl_keyfile=str(files.key),
            ssl_keyfile_password=files.key_password,
            log_level="warning",
            timeout_keep_alive=30,
        )
    finally:
        ctx.worker.shutdown(wait=True)  # an import under way finishes (or rolls back) before the store closes
