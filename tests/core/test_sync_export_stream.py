"""The export's streaming pieces: photo originals in reused buffers, the buffered volume writer, the reader."""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.photos import store
from fieldapp.photos.errors import PhotoDamaged, PhotoUnavailable
from fieldapp.photos.service import Photos
from fieldapp.records.service import Records
from fieldapp.sync import bundle
from fieldapp.sync.export import VolumeWriter, export_bundle
from fieldapp.vault.session import Session
from tests.core.test_photos import jpeg
from tests.core.test_sync import Hq, add_persons, stick_of
from tests.core.test_sync_write import hq  # noqa: F401 - fixture: an HQ on SQLCipher only

SIZES = (
    0,
    1,
    store.CHUNK - 1,
    store.CHUNK,
    store.CHUNK + 1,
    store.GROUP * store.CHUNK,
    store.GROUP * store.CHUNK + 1,
    2 * store.GROUP * store.CHUNK + 5,
)


def _stored(photos: store.PhotoStore, original: bytes, view: bytes = b"view bytes") -> tuple[str, bytes]:
    """A photo file in the store's format, written directly (``seal`` wants a decoded image)."""
    key = os.urandom(32)
    sealed_view = store.seal_stream(key, store.VIEW, view)
    body = store._HEADER.pack(store.MAGIC, len(sealed_view)) + sealed_view
    file = secrets.token_hex(16) + store.SUFFIX
    photos.folder.mkdir(exist_ok=True)
    (photos.folder / file).write_bytes(body + store.seal_stream(key, store.ORIGINAL, original))
    return file, key


def _streamed(photos: store.PhotoStore, file: str, key: bytes) -> tuple[int, bytes]:
    with photos.original_stream(file, key) as original:
        return original.size, b"".join(bytes(piece) for piece in original)  # each copied before the next


def test_original_stream_matches_original_at_chunk_boundaries(tmp_path: Path) -> None:
    photos = store.PhotoStore(tmp_path)
    stored = [(data, *_stored(photos, data)) for data in (os.urandom(n) for n in SIZES)]
    for data, file, key in stored:  # one store object, buffers reused from photo to photo
        assert _streamed(photos, file, key) == (len(data), data)
        assert photos.original(file, key) == data


def test_original_stream_closes_its_file_when_left_early(tmp_path: Path) -> None:
    photos = store.PhotoStore(tmp_path)
    file, key = _stored(photos, os.urandom(3 * store.GROUP * store.CHUNK))
    with photos.original_stream(file, key) as unread:
        pass
    with photos.original_stream(file, key) as partly:
        next(iter(partly))
    assert unread._handle.closed and partly._handle.closed
    assert _streamed(photos, file, key)[0] == 3 * store.GROUP * store.CHUNK  # the buffers are fine after


def test_original_stream_refuses_a_damaged_file(tmp_path: Path) -> None:
    photos = store.PhotoStore(tmp_path)
    data = os.urandom(3 * store.CHUNK + 100)
    file, key = _stored(photos, data)
    path = photos.folder / file
    good = path.read_bytes()
    step = store.CHUNK + store.TAG
    original_at = len(good) - len(store.seal_stream(key, store.ORIGINAL, data))
    cases = {
        "flipped bit": good[:-100] + bytes([good[-100] ^ 1]) + good[-99:],
        "last chunk dropped": good[: original_at + 3 * step],
        "cut inside a chunk": good[:-50],
        "cut inside the tag": good[: original_at + 3 * step + 10],
        "chunk appended": good + good[original_at : original_at + step],
        "view section too long": store._HEADER.pack(store.MAGIC, len(good)) + good[store._HEADER.size :],
        "bad magic": b"NOTAFAP!" + good[8:],
    }
    for name, damaged in cases.items():
        path.write_bytes(damaged)
        with pytest.raises(PhotoDamaged):
            _streamed(photos, file, key)
        with pytest.raises(PhotoDamaged):  # the whole-file reader agrees
            photos.original(file, key)
        assert name
    path.write_bytes(good)
    with pytest.raises(PhotoDamaged):
        _streamed(photos, file, os.urandom(32))  # another photo's key
    path.unlink()
    with pytest.raises(PhotoUnavailable, match="missing"):
        photos.original_stream(file, key)


def test_export_refuses_a_photo_damaged_in_the_vault(enrolled: Session, tmp_path: Path) -> None:
    add_persons(enrolled, 2, photos=1)
    victim = sorted((enrolled.data_dir / store.PHOTO_DIR).glob(f"*{store.SUFFIX}"))[0]
    data = bytearray(victim.read_bytes())
    data[-200] ^= 0x10
    victim.write_bytes(bytes(data))
    stick = stick_of(tmp_path)
    with pytest.raises(PhotoDamaged, match="does not decrypt"):
        export_bundle(enrolled, stick)
    assert list(stick.iterdir()) == [] and enrolled.meta("sync_last_bundle_hash") is None


def test_export_refuses_a_key_row_pointing_at_another_photo(enrolled: Session, tmp_path: Path) -> None:
    records = Records(enrolled)
    person = records.register_person(records.create_operation(name="Raid").id, name="A", nationality="KHM")
    first = Photos(records).attach(person.id, jpeg(700, 500), kind="scene", consent=True)
    second = Photos(records).attach(person.id, jpeg(900, 500), kind="scene", consent=True)
    swap = "UPDATE photo_keys SET photo_id = ? WHERE photo_id = ?"
    enrolled.conn.execute(swap, ("tmp", first.id))
    enrolled.conn.execute(swap, (first.id, second.id))
    enrolled.conn.execute(swap, (second.id, "tmp"))
    stick = stick_of(tmp_path)
    with pytest.raises(PhotoDamaged, match="size recorded"):
        export_bundle(enrolled, stick)
    assert list(stick.iterdir()) == [] and enrolled.meta("sync_last_bundle_hash") is None


def test_export_round_trip_with_photos_across_buffer_sizes(enrolled: Session, hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    """Several photos in a row through the reused buffers; HQ re-hashes each against the manifest."""
    add_persons(enrolled, 3, photos=2)
    hq.approve(enrolled)
    result = export_bundle(enrolled, stick_of(tmp_path), max_volume_bytes=300_001)
    assert result is not None and result.files == 6 and len(result.paths) > 1
    imported = hq.imports(result)
    assert imported.new_events == result.events
    service = Photos(Records(enrolled))
    for photo_id, data in enrolled.conn.execute("SELECT id, data FROM photos").fetchall():
        assert hq.store.file_bytes(json.loads(data)["sha256"]) == service.original(photo_id)


def _reused(parts: list[bytes]) -> Iterator[memoryview]:
    buffer = bytearray(max(len(p) for p in parts))
    for part in parts:
        buffer[: len(part)] = part
        yield memoryview(buffer)[: len(part)]


def test_iter_reader_copies_parts_before_they_are_reused() -> None:
    parts = [os.urandom(n) for n in (5, 0, 9000, 1, 70_000, 8192, 3)]
    reader = io.BufferedReader(bundle.IterReader(_reused(parts)), buffer_size=10_000)
    out = bytearray()
    while chunk := reader.read(8192):
        out += chunk
    assert bytes(out) == b"".join(parts)

    def failing() -> Iterator[bytes]:
        yield b"x" * 100
        raise PhotoDamaged("damaged")

    raw = bundle.IterReader(failing())
    with pytest.raises(PhotoDamaged):
        io.BufferedReader(raw).read()
    assert isinstance(raw.failure, PhotoDamaged)


@pytest.mark.parametrize("limit", [1, 50_000, VolumeWriter.BUFFER, VolumeWriter.BUFFER + 3, 10**9])
def test_volume_writer_buffers_and_cuts_volumes(tmp_path: Path, limit: int) -> None:
    data = os.urandom(2 * VolumeWriter.BUFFER + 12_345) if limit > 1 else os.urandom(3000)
    seen: list[int] = []
    writer = VolumeWriter(
        tmp_path, "b.bundle", limit, lambda done, total, _what: seen.append(done), None, len(data)
    )
    for start in range(0, len(data), 65_552):  # age's write size
        assert writer.write(data[start : start + 65_552]) == len(data[start : start + 65_552])
    writer.close()
    volumes = [p.read_bytes() for p in writer.temps]
    assert b"".join(volumes) == data and all(len(v) <= limit for v in volumes)
    assert all(volumes) and len(volumes) == -(-len(data) // limit)
    assert writer.size == len(data) and writer.sha256.hexdigest() == hashlib.sha256(data).hexdigest()
    assert seen == sorted(seen) and seen[-1] == len(data)
    writer.abandon()
    assert not any(p.exists() for p in writer.temps)
