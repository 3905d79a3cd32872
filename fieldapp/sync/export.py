"""`fieldapp sync export --to DIR`: write the next bundle for HQ, verify it, then call it sent.

Everything after HQ's acknowledged seq (laptop meta ``hq_acked_seq``) goes in, so what was sent
but never acknowledged is sent again. The bundle streams through age (never whole in memory) into
temp files; they are fsynced, renamed, the folder fsynced, and the files re-read and compared with
the hash taken while writing. Only then is the bundle recorded (``sync_last_bundle_hash`` /
``sync_last_bundle_seq``) and reported safe to remove. Any failure removes what was written.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import pyrage

from fieldapp.atomic import fsync_dir
from fieldapp.errors import FieldAppError
from fieldapp.records.events import EVENT_COLUMNS, Event
from fieldapp.sync import bundle
from fieldapp.sync.errors import BundleDiskFull, ExportCancelled, ExportFailed, NotEnrolled
from fieldapp.sync.keys import device_public_hex, device_signer
from fieldapp.vault.session import Session
from fieldapp.version import __version__

MAX_VOLUME_BYTES = 4_000_000_000  # FAT32 holds files up to 4 GiB - 1 byte; stay clearly under
Progress = Callable[[int, int], None]  # (bytes written, bytes expected)
Cancel = Callable[[], bool]
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


@dataclass(frozen=True)
class ExportResult:
    paths: list[Path]
    bundle_hash: str
    seq_from: int
    seq_to: int
    events: int
    files: int
    size: int


@dataclass(frozen=True)
class _File:
    kind: str
    id: str
    sha256: str
    size: int


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class VolumeWriter:
    """A write-only stream cut into volumes of at most ``limit`` bytes, hashing what it writes."""

    def __init__(self, folder: Path, base: str, limit: int, progress: Progress | None, cancel: Cancel | None,
                 expected: int) -> None:  # fmt: skip
        if limit < 1:
            raise ValueError("max_volume_bytes must be positive")
        self.folder, self.base, self.limit = folder, base, limit
        self.temps: list[Path] = []
        self._handle: BinaryIO | None = None
        self._in_volume = 0
        self.sha256 = hashlib.sha256()
        self.size = 0
        self._progress, self._cancel, self._expected = progress, cancel, expected
        self.failure: BaseException | None = None

    def _next_volume(self) -> BinaryIO:
        self._close_volume()
        temp = self.folder / f".{self.base}.{len(self.temps) + 1:03d}.tmp"
        self.temps.append(temp)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self._handle = os.fdopen(fd, "wb", buffering=0)
        self._in_volume = 0
        return self._handle

    def _close_volume(self) -> None:
        if self._handle is not None:
            handle, self._handle = self._handle, None
            try:
                handle.flush()
                os.fsync(handle.fileno())
            finally:
                handle.close()

    def write(self, data: Any) -> int:
        try:
            view = memoryview(data).cast("B")
            total = len(view)
            if self._cancel is not None and self._cancel():
                raise ExportCancelled("The export was cancelled; nothing was recorded as sent.")
            while view:
                handle = self._handle
                if handle is None or self._in_volume >= self.limit:
                    handle = self._next_volume()
                take = min(len(view), self.limit - self._in_volume)
                written = handle.write(view[:take]) or 0
                self.sha256.update(view[:written])
                self._in_volume += written
                self.size += written
                view = view[written:]
            if self._progress is not None:
                self._progress(self.size, self._expected)
            return total
        except BaseException as exc:
            self.failure = exc
            raise

    def flush(self) -> None:
        return None

    def close(self) -> None:
        self._close_volume()

    def abandon(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            handle.close()
        for temp in self.temps:
            temp.unlink(missing_ok=True)


def _pending_files(session: Session, rows: list[tuple[Any, ...]]) -> list[_File]:
    files = []
    for _, entity, entity_id, op, payload_text in rows:
        if entity == "photo" and op == "create":
            fields = json.loads(payload_text)["fields"]
            held = session.conn.execute(
                "SELECT 1 FROM photo_keys WHERE photo_id = ?", (entity_id,)
            ).fetchone()
            if held:
                files.append(_File("photo", entity_id, fields["sha256"], int(fields.get("size") or 0)))
        elif entity == "document" and op == "issue":
            payload = json.loads(payload_text)
            held = session.conn.execute(
                "SELECT 1 FROM issued_document_files WHERE document_id = ?", (entity_id,)
            ).fetchone()
            if held:
                files.append(_File("document", entity_id, payload["sha256"], int(payload["size"])))
    return files


def _file_reader(session: Session) -> Callable[[_File], bytes]:
    from fieldapp.photos import store

    photos = store.PhotoStore(session.data_dir)

    def read(item: _File) -> bytes:
        # A photo's bytes come out of AES-GCM, which authenticates them as stored at capture; HQ
        # re-hashes every file against the signed manifest, so no second SHA-256 pass is made here.
        if item.kind == "photo":
            file, key, _ = store.load_key(session.conn, item.id)
            return photos.original(file, key)
        row = session.conn.execute(
            "SELECT pdf FROM issued_document_files WHERE document_id = ?", (item.id,)
        ).fetchone()
        data = bytes(row[0])
        if hashlib.sha256(data).hexdigest() != item.sha256:
            raise ExportFailed("An issued PDF no longer matches its recorded hash; run `fieldapp check`.")
        return data

    return read


def _plaintext(session: Session, manifest: bytes, acked: int, files: list[_File]) -> Iterator[bytes]:
    yield bundle.MAGIC
    yield bundle.record(b"M", manifest)
    count = 0
    cursor = session.conn.cursor().execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE device_id = ? AND device_seq > ? ORDER BY device_seq",
        (session.device_id, acked),
    )
    for row in cursor:
        yield bundle.record(b"E", bundle.encode_event(Event.from_row(row)))
        count += 1
    read = _file_reader(session)
    for item in files:
        data = read(item)
        yield bundle.record_header(b"F", len(data))
        yield data
    yield bundle.record(b"Z", json.dumps({"events": count, "files": len(files)}).encode())


def _verify_written(paths: list[Path], expected_hash: str, expected_size: int) -> None:
    digest, size = hashlib.sha256(), 0
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            if hasattr(os, "posix_fadvise"):  # ask the kernel to read from the stick, not its cache
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            while chunk := os.read(fd, 1 << 20):
                digest.update(chunk)
                size += len(chunk)
        finally:
            os.close(fd)
    if digest.hexdigest() != expected_hash or size != expected_size:
        raise ExportFailed(
            "The bundle read back from the stick differs from what was written: the stick is faulty. "
            "Nothing was recorded as sent; use another stick."
        )


def _os_failure(exc: OSError, dest: Path) -> FieldAppError:
    if exc.errno in _FULL:
        return BundleDiskFull(f"{dest} is full: the bundle was not written and nothing was recorded as sent.")
    return ExportFailed(
        f"Writing the bundle to {dest} failed ({exc.strerror or exc}): the stick may have been removed or "
        "be read-only. Nothing was recorded as sent; try again."
    )


@dataclass(frozen=True)
class Pending:
    """What the next bundle holds: events after HQ's acknowledged seq, their files, its rough size."""

    rows: list[tuple[Any, ...]]
    hashes: list[str]
    files: list[_File]
    expected_size: int


def pending(session: Session) -> Pending:
    acked = int(session.meta("hq_acked_seq") or 0)
    rows = session.conn.execute(
        "SELECT device_seq, entity, entity_id, op, payload FROM events "
        "WHERE device_id = ? AND device_seq > ? ORDER BY device_seq",
        (session.device_id, acked),
    ).fetchall()
    hashes = [
        str(r[0]) for r in session.conn.execute(
            "SELECT hash FROM events WHERE device_id = ? AND device_seq > ? ORDER BY device_seq",
            (session.device_id, acked),
        )
    ]  # fmt: skip
    files = _pending_files(session, rows) if rows else []
    expected = sum(f.size for f in files) + sum(len(r[4]) + 700 for r in rows) + 64 * len(hashes) + 4096
    return Pending(rows, hashes, files, expected if rows else 0)


def export_bundle(
    session: Session,
    dest: Path,
    *,
    max_volume_bytes: int = MAX_VOLUME_BYTES,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult | None:
    """Write the next bundle into ``dest``; None when HQ already has every event of this laptop."""
    hq_id, recipient_text = session.meta("hq_id"), session.meta("hq_recipient")
    if not hq_id or not recipient_text:
        raise NotEnrolled(
            "This laptop is not enrolled with HQ yet: load HQ's enrolment file with `fieldapp enrol`."
        )
    recipient = pyrage.x25519.Recipient.from_str(recipient_text)
    if not dest.is_dir():
        raise ExportFailed(f"{dest} is not a folder (is the stick plugged in?).")
    acked = int(session.meta("hq_acked_seq") or 0)
    todo = pending(session)
    rows, hashes, files, expected = todo.rows, todo.hashes, todo.files, todo.expected_size
    if not rows:
        return None
    try:
        # Hidden volumes of an export killed half-way (power cut): never a bundle, but they fill the stick.
        for stale in dest.glob(f".fieldapp-*{bundle.SUFFIX}.*.tmp"):
            stale.unlink(missing_ok=True)
        free = shutil.disk_usage(dest).free
    except OSError as exc:
        raise _os_failure(exc, dest) from exc
    if free < expected:
        raise BundleDiskFull(
            f"{dest} has {free // 1_000_000} MB free but this bundle needs about {expected // 1_000_000 + 1} MB. "
            "Use a bigger stick; nothing was written."
        )
    seq_from, seq_to = int(rows[0][0]), int(rows[-1][0])
    manifest = bundle.sign_manifest(
        {
            "format": bundle.MANIFEST_FORMAT,
            "version": bundle.MANIFEST_VERSION,
            "app_version": __version__,
            "bundle_id": secrets.token_hex(16),
            "hq_id": hq_id,
            "device_id": session.device_id,
            "device_public_key": device_public_hex(session),
            "device_name": session.device_name,
            "enrolment_id": session.meta("hq_enrolment_id"),
            "seq_from": seq_from,
            "seq_to": seq_to,
            "prev_bundle_hash": session.meta("sync_last_bundle_hash"),
            "events": hashes,
            "files": [{"kind": f.kind, "id": f.id, "sha256": f.sha256} for f in files],
            "officers": dict(session.conn.execute("SELECT id, public_key FROM officers").fetchall()),
            "created_at": _now(),
        },
        device_signer(session),
    )
    base = f"fieldapp-{secrets.token_hex(8)}{bundle.SUFFIX}"
    reader = bundle.IterReader(_plaintext(session, manifest, acked, files))
    writer = VolumeWriter(dest, base, max_volume_bytes, progress, cancel, expected)
    finals: list[Path] = []
    try:
        try:
            pyrage.encrypt_io(reader, writer, [recipient])
        except pyrage.EncryptError as exc:
            raise (writer.failure or reader.failure or exc) from None
        writer.close()
        if len(writer.temps) == 1:
            finals = [dest / base]
        else:
            finals = [dest / f"{base}.{i:03d}" for i in range(1, len(writer.temps) + 1)]
        for temp, final in zip(writer.temps, finals, strict=True):
            os.replace(temp, final)
        fsync_dir(dest)
        _verify_written(finals, writer.sha256.hexdigest(), writer.size)
    except BaseException as exc:
        writer.abandon()
        for final in finals:
            final.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _os_failure(exc, dest) from exc
        raise
    bundle_hash = writer.sha256.hexdigest()
    with session.log.transaction():
        session.set_meta("sync_last_bundle_hash", bundle_hash)
        session.set_meta("sync_last_bundle_seq", str(seq_to))
    return ExportResult(finals, bundle_hash, seq_from, seq_to, len(rows), len(files), writer.size)
