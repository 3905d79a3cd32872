"""Encrypted photo storage with crypto-shredding.

Each photo gets a random 256-bit key. The original and the view are encrypted with it into one file
``DATA_DIR/photos/<random>.fap``; the thumbnail is encrypted with it too and kept next to the key in
the vault's ``photo_keys`` table. The key lives only in that table (never in the event log), so a
purge deletes the row (``secure_delete`` is on) and the file's bytes can no longer be decrypted by
anyone, whether or not the file itself is ever overwritten.

Encryption is AES-256-GCM in 64 KiB chunks, as age's STREAM does: the nonce is a section byte, an
80-bit chunk counter and a last-chunk flag, so chunks cannot be reordered, dropped, truncated or
moved between sections (original, view, thumbnail) without failing authentication.

File layout: ``MAGIC (8) | view ciphertext length (u64 BE) | view ciphertext | original ciphertext``.
Thumbnails sit in the vault rather than in files because list screens show dozens at once: one
indexed query on pages the cache already holds, no file opened per row. Views (~250 kB) and
originals (~4 MB) stay out of the vault so it, its backups and its WAL stay small.
"""

from __future__ import annotations

import os
import secrets
import struct
import time
from collections.abc import Iterator
from dataclasses import dataclass
from io import FileIO
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldapp.atomic import fsync_dir, write_atomic
from fieldapp.errors import message
from fieldapp.photos.errors import PhotoDamaged, PhotoUnavailable
from fieldapp.photos.ingest import Ingested
from fieldapp.vault.db import Connection

NOT_STORED = message("photo.not_stored", "This photo was purged or is not stored on this laptop.")
UNEXPECTED_FILE_NAME = message(
    "photo.unexpected_file_name", "The vault names an unexpected photo file '{file}'."
)
FILE_CUT_SHORT = message("photo.file_cut_short", "The stored photo file is cut short.")
FILE_CHANGED = message("photo.file_changed", "The stored photo file changed while it was read.")
FILE_MISSING = message(
    "photo.file_missing", "The photo's encrypted file is missing from this laptop's data folder."
)
BAD_HEADER = message("photo.bad_header", "The stored photo file is damaged (bad header).")

PHOTO_DIR = "photos"
SUFFIX = ".fap"
MAGIC = b"FAPHOTO1"
CHUNK = 64 * 1024
TAG = 16
GROUP = 16  # chunks read and decrypted per piece of an OriginalStream (1 MiB)
AAD = b"fieldapp-photo-v1"
ORIGINAL, VIEW, THUMB = 1, 2, 3
_HEADER = struct.Struct(">8sQ")
UNDECRYPTABLE = message(
    "photo.undecryptable", "The stored photo does not decrypt: its file is damaged or belongs to another key."
)


def seal_stream(key: bytes, section: int, data: bytes) -> bytes:
    aes = AESGCM(key)
    view = memoryview(data)
    count = max(1, -(-len(data) // CHUNK))
    parts = []
    for index in range(count):
        nonce = bytes([section]) + index.to_bytes(10, "big") + (b"\x01" if index == count - 1 else b"\x00")
        parts.append(aes.encrypt(nonce, view[index * CHUNK : (index + 1) * CHUNK], AAD))
    return b"".join(parts)


def open_stream(key: bytes, section: int, blob: bytes | memoryview) -> bytes:
    aes = AESGCM(key)
    view = memoryview(blob)
    step = CHUNK + TAG
    count = max(1, -(-len(view) // step))
    parts = []
    try:
        for index in range(count):
            last = b"\x01" if index == count - 1 else b"\x00"
            nonce = bytes([section]) + index.to_bytes(10, "big") + last
            parts.append(aes.decrypt(nonce, view[index * step : (index + 1) * step], AAD))
    except (InvalidTag, ValueError):
        raise PhotoDamaged(UNDECRYPTABLE) from None
    return b"".join(parts)


@dataclass(frozen=True)
class Sealed:
    """One photo written to the store, not yet recorded in the vault."""

    file: str
    key: bytes
    thumb: bytes  # encrypted


class OriginalStream:
    """One original's plaintext (``size`` bytes) in pieces of up to ``GROUP`` chunks.

    Each piece is a view of a buffer that the next piece overwrites: use it before asking for
    the next. Any damage raises PhotoDamaged as the pieces are read.
    """

    def __init__(
        self, handle: FileIO, key: bytes, sealed: int, count: int, buffers: tuple[bytearray, bytearray]
    ) -> None:
        self._handle, self._key, self._sealed, self._count, self._buffers = (
            handle,
            key,
            sealed,
            count,
            buffers,
        )
        self.size = sealed - count * TAG

    def __enter__(self) -> OriginalStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._handle.close()

    def __iter__(self) -> Iterator[memoryview]:
        aes, step, count = AESGCM(self._key), CHUNK + TAG, self._count
        sealed_view, plain_view = memoryview(self._buffers[0]), memoryview(self._buffers[1])
        for first in range(0, count, GROUP):
            size = min(GROUP * step, self._sealed - first * step)
            got = 0
            while got < size and (more := self._handle.readinto(sealed_view[got:size])):
                got += more
            if got != size:
                raise PhotoDamaged(FILE_CHANGED)
            done = 0
            for index in range(first, min(first + GROUP, count)):
                piece = sealed_view[(index - first) * step : min(size, (index - first + 1) * step)]
                last = b"\x01" if index == count - 1 else b"\x00"
                nonce = bytes([ORIGINAL]) + index.to_bytes(10, "big") + last
                try:
                    aes.decrypt_into(nonce, piece, AAD, plain_view[done : done + len(piece) - TAG])
                except (InvalidTag, ValueError):
                    raise PhotoDamaged(UNDECRYPTABLE) from None
                done += len(piece) - TAG
            yield plain_view[:done]


class PhotoStore:
    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / PHOTO_DIR
        self._buffers: tuple[bytearray, bytearray] | None = None  # original_stream's, reused

    def _ensure_folder(self) -> None:
        if not self.folder.is_dir():
            self.folder.mkdir(mode=0o700, exist_ok=True)
            fsync_dir(self.folder.parent)

    def path(self, file: str) -> Path:
        if not (file.endswith(SUFFIX) and file[: -len(SUFFIX)].isalnum()):
            raise PhotoDamaged(UNEXPECTED_FILE_NAME, file=file)
        return self.folder / file

    def seal(self, photo: Ingested) -> Sealed:
        """Encrypt with a fresh key and write the file atomically; the key is returned, never stored here."""
        self._ensure_folder()
        key = AESGCM.generate_key(bit_length=256)
        view = seal_stream(key, VIEW, photo.view)
        body = b"".join((_HEADER.pack(MAGIC, len(view)), view, seal_stream(key, ORIGINAL, photo.original)))
        file = secrets.token_hex(16) + SUFFIX
        write_atomic(self.folder / file, body)
        return Sealed(file, key, seal_stream(key, THUMB, photo.thumb))

    def _read(self, file: str, *, view_only: bool) -> tuple[int, bytes]:
        try:
            with open(self.path(file), "rb") as handle:
                header = handle.read(_HEADER.size)
                if len(header) != _HEADER.size or header[:8] != MAGIC:
                    raise PhotoDamaged(BAD_HEADER)
                view_len = _HEADER.unpack(header)[1]
                return view_len, handle.read(view_len) if view_only else handle.read()
        except FileNotFoundError:
            raise PhotoUnavailable(FILE_MISSING) from None

    def original(self, file: str, key: bytes) -> bytes:
        view_len, rest = self._read(file, view_only=False)
        if len(rest) < view_len:
            raise PhotoDamaged(FILE_CUT_SHORT)
        return open_stream(key, ORIGINAL, memoryview(rest)[view_len:])

    def original_stream(self, file: str, key: bytes) -> OriginalStream:
        """The original, read and decrypted a piece at a time into buffers this store reuses.

        For exports, which read hundreds of originals in a row (no fresh memory per photo). Use it
        in a ``with`` block, one at a time per store. Authenticated exactly as ``original``.
        """
        try:
            handle = open(self.path(file), "rb", buffering=0)  # noqa: SIM115 - closed by OriginalStream
        except FileNotFoundError:
            raise PhotoUnavailable(FILE_MISSING) from None
        try:
            header = handle.read(_HEADER.size)
            if len(header) != _HEADER.size or header[:8] != MAGIC:
                raise PhotoDamaged(BAD_HEADER)
            start = _HEADER.size + _HEADER.unpack(header)[1]
            sealed = os.fstat(handle.fileno()).st_size - start
            count = max(1, -(-sealed // (CHUNK + TAG)))
            if sealed < 0 or sealed - (count - 1) * (CHUNK + TAG) < TAG:
                raise PhotoDamaged(FILE_CUT_SHORT)
            handle.seek(start)
        except BaseException:
            handle.close()
            raise
        if not self._buffers:
            self._buffers = (bytearray(GROUP * (CHUNK + TAG)), bytearray(GROUP * CHUNK))
        return OriginalStream(handle, key, sealed, count, self._buffers)

    def view(self, file: str, key: bytes) -> bytes:
        view_len, blob = self._read(file, view_only=True)
        if len(blob) != view_len:
            raise PhotoDamaged(FILE_CUT_SHORT)
        return open_stream(key, VIEW, blob)

    def remove(self, file: str) -> None:
        path = self.path(file)
        path.unlink(missing_ok=True)
        for leftover in self.folder.glob(f".{file}.tmp-*"):
            leftover.unlink(missing_ok=True)
        fsync_dir(self.folder)

    def sweep(self, known: set[str], *, min_age: float = 600.0) -> list[str]:
        """Delete files no key row refers to (left by a crash between writing and committing).

        Such files are already undecryptable (their key was never committed); ``min_age`` spares
        files a running import has just written and not yet recorded.
        """
        if not self.folder.is_dir():
            return []
        now, removed = time.time(), []
        for entry in os.scandir(self.folder):
            name = entry.name
            orphan = name.endswith(SUFFIX) and name not in known
            if (orphan or ".tmp-" in name) and now - entry.stat().st_mtime >= min_age:
                os.unlink(entry.path)
                removed.append(name)
        if removed:
            fsync_dir(self.folder)
        return removed


# --- the key table (inside the SQLCipher vault) -----------------------------------------------


def save_key(conn: Connection, photo_id: str, sealed: Sealed) -> None:
    conn.execute(
        "INSERT INTO photo_keys (photo_id, file, key, thumb) VALUES (?, ?, ?, ?)",
        (photo_id, sealed.file, sealed.key, sealed.thumb),
    )


def load_key(conn: Connection, photo_id: str) -> tuple[str, bytes, bytes]:
    row = conn.execute("SELECT file, key, thumb FROM photo_keys WHERE photo_id = ?", (photo_id,)).fetchone()
    if row is None:
        raise PhotoUnavailable(NOT_STORED)
    return str(row[0]), bytes(row[1]), bytes(row[2])


def delete_key(conn: Connection, photo_id: str) -> None:
    conn.execute("DELETE FROM photo_keys WHERE photo_id = ?", (photo_id,))


def known_files(conn: Connection) -> set[str]:
    return {str(row[0]) for row in conn.execute("SELECT file FROM photo_keys")}
