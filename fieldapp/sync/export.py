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
import io
import json
import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import pyrage

from fieldapp.atomic import fsync_dir
from fieldapp.errors import FieldAppError, message
from fieldapp.records.events import EVENT_COLUMNS, Event
from fieldapp.sync import bundle
from fieldapp.sync.errors import BundleDiskFull, ExportFailed, NotEnrolled
from fieldapp.sync.keys import device_public_hex, device_signer
from fieldapp.vault.session import Session
from fieldapp.version import __version__
from fieldapp.work import Progress, ShouldCancel, stop_if_asked

READ_BACK_DIFFERS = message(
    "sync.read_back_differs",
    "The bundle read back from the stick differs from what was written: the stick is faulty. Nothing was recorded as sent; use another stick.",
)
NOT_ENROLLED = message(
    "sync.not_enrolled",
    "This laptop is not enrolled with HQ yet: load HQ's enrolment file with `fieldapp enrol`.",
)
NOT_A_FOLDER = message("sync.not_a_folder", "{dest} is not a folder (is the stick plugged in?).")
STICK_TOO_SMALL = message(
    "sync.stick_too_small",
    "{dest} has {free} MB free but this bundle needs about {needed} MB. Use a bigger stick; nothing was written.",
)
ISSUED_PDF_CHANGED = message(
    "sync.issued_pdf_changed",
    "An issued PDF no longer matches its recorded hash; run `fieldapp check`.",
)
EXPORT_CANCELLED = message("sync.export_cancelled", "The export was cancelled; nothing was recorded as sent.")
NOT_STORED = message("photo.not_stored", "This photo was purged or is not stored on this laptop.")
PHOTO_SIZE_DIFFERS = message(
    "sync.photo_size_differs",
    "The stored photo does not match the size recorded when it was taken; run `fieldapp check`.",
)

MAX_VOLUME_BYTES = 4_000_000_000  # FAT32 holds files up to 4 GiB - 1 byte; stay clearly under
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
    """A write-only stream cut into volumes of at most ``limit`` bytes, hashing what it writes.

    age hands over 64 KiB at a time; writes go out (and are hashed) ``BUFFER`` bytes at a time:
    fewer syscalls and hash calls.
    """

    BUFFER = 1 << 20

    def __init__(
        self,
        folder: Path,
        base: str,
        limit: int,
        progress: Progress | None,
        should_cancel: ShouldCancel | None,
        expected: int,
    ) -> None:
        if limit < 1:
            raise ValueError("max_volume_bytes must be positive")
        self.folder, self.base, self.limit = folder, base, limit
        self.temps: list[Path] = []
        self._handle: BinaryIO | None = None
        self._in_volume = 0
        self._buffer = bytearray(self.BUFFER)
        self._filled = 0
        self.sha256 = hashlib.sha256()
        self.size = 0  # bytes handed to the volumes so far
        self._progress, self._cancel, self._expected = progress, should_cancel, expected
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

    def _drain(self) -> None:
        view = memoryview(self._buffer)[: self._filled]
        self.sha256.update(view)
        while view:
            handle = self._handle
            if handle is None or self._in_volume >= self.limit:
                handle = self._next_volume()
            written = handle.write(view[: self.limit - self._in_volume]) or 0
            self._in_volume += written
            self.size += written
            view = view[written:]
        self._filled = 0

    def write(self, data: Any) -> int:
        try:
            view = memoryview(data).cast("B")
            total = len(view)
            stop_if_asked(self._cancel, EXPORT_CANCELLED)
            while view:
                take = min(len(view), self.BUFFER - self._filled)
                self._buffer[self._filled : self._filled + take] = view[:take]
                self._filled += take
                view = view[take:]
                if self._filled == self.BUFFER:
                    self._drain()
            if self._progress is not None:
                self._progress(self.size + self._filled, self._expected, "bytes")
            return total
        except BaseException as exc:
            self.failure = exc
            raise

    def flush(self) -> None:
        return None

    def close(self) -> None:
        """Write out what is buffered, then fsync and close the last volume."""
        if self._filled:
            self._drain()
        self._close_volume()

    def abandon(self) -> None:
        handle, self._handle = self._handle, None
        self._filled = 0
        if handle is not None:
            handle.close()
        for temp in self.temps:
            temp.unlink(missing_ok=True)


_BATCH = 256  # ids per IN (...) query: one query per batch of files, not one per file


def _held(session: Session, table: str, column: str, ids: list[str]) -> set[str]:
    """Which of ``ids`` still have their file on this laptop (purged ones are not sent)."""
    held: set[str] = set()
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        marks = ",".join("?" * len(batch))
        rows = session.conn.execute(f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", batch)
        held.update(str(r[0]) for r in rows)
    return held


def _pending_files(session: Session, rows: list[tuple[Any, ...]]) -> list[_File]:
    photos = _held(
        session, "photo_keys", "photo_id", [r[2] for r in rows if r[1] == "photo" and r[3] == "create"]
    )
    documents = _held(
        session,
        "issued_document_files",
        "document_id",
        [r[2] for r in rows if r[1] == "document" and r[3] == "issue"],
    )
    files = []
    for _, entity, entity_id, op, payload_text in rows:
        if entity == "photo" and op == "create" and entity_id in photos:
            fields = json.loads(payload_text)["fields"]
            files.append(_File("photo", entity_id, fields["sha256"], int(fields.get("size") or 0)))
        elif entity == "document" and op == "issue" and entity_id in documents:
            payload = json.loads(payload_text)
            files.append(_File("document", entity_id, payload["sha256"], int(payload["size"])))
    return files


def _photo_keys(session: Session, ids: list[str]) -> dict[str, tuple[str, bytes]]:
    marks = ",".join("?" * len(ids))
    rows = session.conn.execute(
        f"SELECT photo_id, file, key FROM photo_keys WHERE photo_id IN ({marks})", ids
    )
    return {str(r[0]): (str(r[1]), bytes(r[2])) for r in rows}


def _file_records(session: Session, files: list[_File]) -> Iterator[bytes | memoryview]:
    """Each file as an F record.

    Photo originals stream out of the store in reused buffers (``PhotoStore.original_stream``),
    their keys fetched a batch at a time. AES-GCM authenticates every chunk as sealed at capture,
    so a damaged, cut or replaced file fails here; the length recorded at capture is compared too
    (a key row pointing at another photo's file). No SHA-256 pass over the photos (there never
    was one): HQ hashes every file against the signed manifest, and here it would cost as much
    as reading and decrypting them.
    """
    from fieldapp.photos import store
    from fieldapp.photos.errors import PhotoDamaged, PhotoUnavailable

    photos = store.PhotoStore(session.data_dir)
    keys: dict[str, tuple[str, bytes]] = {}
    for index, item in enumerate(files):
        if item.kind == "photo":
            if item.id not in keys:
                keys = _photo_keys(
                    session, [f.id for f in files[index : index + _BATCH] if f.kind == "photo"]
                )
            if item.id not in keys:
                raise PhotoUnavailable(NOT_STORED)
            with photos.original_stream(*keys.pop(item.id)) as original:
                if item.size and original.size != item.size:
                    raise PhotoDamaged(PHOTO_SIZE_DIFFERS)
                yield bundle.record_header(b"F", original.size)
                yield from original
            continue
        row = session.conn.execute(
            "SELECT pdf FROM issued_document_files WHERE document_id = ?", (item.id,)
        ).fetchone()
        data = bytes(row[0])
        if hashlib.sha256(data).hexdigest() != item.sha256:
            raise ExportFailed(ISSUED_PDF_CHANGED)
        yield bundle.record_header(b"F", len(data))
        yield data


def _plaintext(
    session: Session, manifest: bytes, acked: int, files: list[_File]
) -> Iterator[bytes | memoryview]:
    """The bundle's plaintext in parts; a part may be a view that the next part overwrites."""
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
    yield from _file_records(session, files)
    yield bundle.record(b"Z", json.dumps({"events": count, "files": len(files)}).encode())


def _verify_written(paths: list[Path], expected_hash: str, expected_size: int) -> None:
    """Read the volumes back from the medium and compare them with the hash taken while writing.

    Comparing ciphertext proves the stick holds exactly what was written; no decryption needed.
    """
    digest, size = hashlib.sha256(), 0
    buffer = bytearray(1 << 20)
    view = memoryview(buffer)
    for path in paths:
        with open(path, "rb", buffering=0) as handle:
            if hasattr(os, "posix_fadvise"):  # ask the kernel to read from the stick, not its cache
                os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            while count := handle.readinto(buffer):
                digest.update(view[:count])
                size += count
    if digest.hexdigest() != expected_hash or size != expected_size:
        raise ExportFailed(READ_BACK_DIFFERS)


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
    found = session.conn.execute(
        "SELECT device_seq, entity, entity_id, op, payload, hash FROM events "
        "WHERE device_id = ? AND device_seq > ? ORDER BY device_seq",
        (session.device_id, acked),
    ).fetchall()
    rows = [r[:5] for r in found]
    hashes = [str(r[5]) for r in found]
    files = _pending_files(session, rows) if rows else []
    expected = sum(f.size for f in files) + sum(len(r[4]) + 700 for r in rows) + 64 * len(hashes) + 4096
    return Pending(rows, hashes, files, expected if rows else 0)


def export_bundle(
    session: Session,
    dest: Path,
    *,
    max_volume_bytes: int = MAX_VOLUME_BYTES,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> ExportResult | None:
    """Write the next bundle into ``dest``; None when HQ already has every event of this laptop."""
    hq_id, recipient_text = session.meta("hq_id"), session.meta("hq_recipient")
    if not hq_id or not recipient_text:
        raise NotEnrolled(NOT_ENROLLED)
    recipient = pyrage.x25519.Recipient.from_str(recipient_text)
    if not dest.is_dir():
        raise ExportFailed(NOT_A_FOLDER, dest=dest)
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
            STICK_TOO_SMALL, dest=dest, free=free // 1_000_000, needed=expected // 1_000_000 + 1
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
            "officers": dict(
                session.conn.execute("SELECT id, public_key FROM officers WHERE public_key != ''").fetchall()
            ),
            "created_at": _now(),
        },
        device_signer(session),
    )
    base = f"fieldapp-{secrets.token_hex(8)}{bundle.SUFFIX}"
    reader = bundle.IterReader(_plaintext(session, manifest, acked, files))
    source = io.BufferedReader(reader, buffer_size=1 << 20)
    writer = VolumeWriter(dest, base, max_volume_bytes, progress, should_cancel, expected)
    finals: list[Path] = []
    try:
        try:
            pyrage.encrypt_io(source, writer, [recipient])
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
