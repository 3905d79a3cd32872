"""Photos: ingest, encrypted storage, purge by crypto-shredding, metadata policy, bad input."""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import struct
from fractions import Fraction
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from PIL import Image, ImageDraw

from fieldapp.errors import NotAllowed, RecordStateError, ValidationError
from fieldapp.photos import ingest, policy, store
from fieldapp.photos.errors import PhotoDamaged, PhotoRejected, PhotoUnavailable
from fieldapp.photos.service import Photos
from fieldapp.records.check import run_check
from fieldapp.records.service import Records
from fieldapp.vault.session import Session, unlock
from tests.support import PASSPHRASE

GPS = {"lat": 10.6104, "lon": 103.5296}
SERIAL = "SN-0042-XYZ"

# --- sample photos, made here with Pillow ------------------------------------------------------


def scene(width: int, height: int, seed: int = 0) -> Image.Image:
    """A camera-like picture with a red mark in the top-left corner (to check orientation)."""
    rnd = random.Random(seed)
    image = Image.merge(
        "RGB",
        (
            Image.linear_gradient("L").resize((width, height)),
            Image.linear_gradient("L").rotate(90).resize((width, height)),
            Image.radial_gradient("L").resize((width, height)),
        ),
    )
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rnd.randrange(width), rnd.randrange(height)
        draw.rectangle([x, y, x + width // 8, y + height // 8], fill=(rnd.randrange(256), 90, 200))
    draw.rectangle([0, 0, width // 4, height // 4], fill=(255, 0, 0))
    if width * height > 4_000_000:
        image = Image.blend(image, Image.effect_noise((width, height), 30).convert("RGB"), 0.1)
    return image


def _rational(value: float) -> tuple[Fraction, Fraction, Fraction]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = Fraction((value - degrees - minutes / 60) * 3600).limit_denominator(10000)
    return Fraction(degrees), Fraction(minutes), seconds


def exif_block(*, orientation: int = 1, gps: bool = False, serial: bool = False) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS 2000D"
    if orientation != 1:
        exif[0x0112] = orientation
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = "2026:11:01 10:22:33"
    sub[0x9011] = "+07:00"
    if serial:
        sub[0xA431] = SERIAL
    if gps:
        exif.get_ifd(0x8825).update(
            {1: "N", 2: _rational(GPS["lat"]), 3: "E", 4: _rational(GPS["lon"]), 5: b"\x00", 6: Fraction(12)}
        )
    return exif


def encode(image: Image.Image, fmt: str = "JPEG", exif: Image.Exif | None = None, **options: object) -> bytes:
    out = io.BytesIO()
    if exif is not None:
        options["exif"] = exif.tobytes()
    image.save(out, fmt, **options)
    return out.getvalue()


def jpeg(width: int = 1200, height: int = 900, **exif: bool | int) -> bytes:
    return encode(scene(width, height), "JPEG", exif_block(**exif), quality=90)  # type: ignore[arg-type]


def red_corner(image_bytes: bytes) -> str:
    """Which corner of the decoded picture is the red one."""
    with Image.open(io.BytesIO(image_bytes)) as image:
        rgb = image.convert("RGB")
        w, h = rgb.size
        spots = {"top-left": (w // 20, h // 20), "top-right": (w - w // 20, h // 20)}
        spots |= {"bottom-left": (w // 20, h - h // 20), "bottom-right": (w - w // 20, h - h // 20)}
        for name, xy in spots.items():
            r, g, b = rgb.getpixel(xy)  # type: ignore[misc]
            if r > 200 and g < 60 and b < 60:
                return name
    return "none"


@pytest.fixture(scope="module")
def big_jpeg() -> bytes:
    """One 12-megapixel camera-like JPEG with orientation 6, GPS and a serial, made once."""
    return jpeg(4000, 3000, orientation=6, gps=True, serial=True)


@pytest.fixture
def photos(records: Records) -> Photos:
    return Photos(records)


@pytest.fixture
def person_id(records: Records) -> str:
    operation = records.create_operation(name="Photo raid")
    return records.register_person(operation.id, name="SOK CHANTHA").id


def _files(session: Session) -> list[Path]:
    folder = session.data_dir / store.PHOTO_DIR
    return sorted(folder.iterdir()) if folder.exists() else []


def _photo_events(session: Session) -> list[tuple[str, dict[str, object]]]:
    rows = session.conn.execute("SELECT op, payload FROM events WHERE entity = 'photo' ORDER BY rowid")
    return [(op, json.loads(payload)) for op, payload in rows]


# --- ingest and round trip ---------------------------------------------------------------------


def test_12mp_jpeg_round_trip_orientation_and_sizes(photos: Photos, person_id: str, big_jpeg: bytes) -> None:
    row = photos.attach(person_id, big_jpeg, kind="portrait", consent=True)
    assert photos.original(row.id) == big_jpeg  # byte-exact, hash verified on the way out
    assert row.sha256 == ingest.sha256(big_jpeg)
    assert (row.data["width"], row.data["height"]) == (3000, 4000)  # upright: orientation 6
    assert row.data["captured_at"] == "2026-11-01T10:22:33+07:00"
    assert row.data["camera"] == "Canon EOS 2000D"
    assert "gps" not in row.data and "camera_serial" not in row.data  # not evidence
    with Image.open(io.BytesIO(photos.view(row.id))) as view:
        assert view.size == (1200, 1600) and not view.getexif()
    with Image.open(io.BytesIO(photos.thumbnail(row.id))) as thumb:
        assert thumb.size == (192, 256)
    # Orientation 6 = the camera was turned clockwise: the red top-left corner ends up top-right.
    assert red_corner(photos.thumbnail(row.id)) == "top-right"
    assert red_corner(photos.view(row.id)) == "top-right"
    assert photos.thumbnails(person_id) == {row.id: photos.thumbnail(row.id)}


def test_draft_asks_for_the_aspect_correct_size(big_jpeg: bytes) -> None:
    image, fmt = ingest.open_header(big_jpeg)
    requested: list[tuple[int, int]] = []
    original_draft = image.draft

    def spy(mode: str | None, size: tuple[int, int] | None) -> object:
        assert size is not None
        requested.append(size)
        return original_draft(mode, size)

    image.draft = spy  # type: ignore[method-assign]
    ingest.render(image, fmt, 1, "x")
    assert requested == [(1600, 1200)]
    assert image.size == (2000, 1500)  # decoded at 1/2 scale, never at 4000×3000


@pytest.mark.parametrize(
    ("orientation", "corner", "size"),
    [
        (1, "top-left", (256, 192)),
        (3, "bottom-right", (256, 192)),
        (6, "top-right", (192, 256)),
        (8, "bottom-left", (192, 256)),
    ],
)
def test_orientation_is_applied(orientation: int, corner: str, size: tuple[int, int]) -> None:
    photo = ingest.ingest(jpeg(800, 600, orientation=orientation), evidence=False)
    assert red_corner(photo.thumb) == corner
    with Image.open(io.BytesIO(photo.thumb)) as thumb:
        assert thumb.size == size


def test_png_and_heic_are_accepted(photos: Photos, person_id: str) -> None:
    rgba = scene(900, 600).convert("RGBA")
    png = encode(rgba, "PNG")
    heic = encode(scene(800, 600), "HEIF", exif_block(orientation=6, gps=True), quality=80)
    for data, fmt, size in ((png, "png", (900, 600)), (heic, "heic", (600, 800))):
        row = photos.attach(person_id, data, kind="document", consent=True, evidence=True)
        assert row.data["format"] == fmt and (row.data["width"], row.data["height"]) == size
        assert photos.original(row.id) == data
        with Image.open(io.BytesIO(photos.thumbnail(row.id))) as thumb:
            assert max(thumb.size) == 256 and thumb.size[0] == round(256 * size[0] / max(size))
    heic_row = photos.for_person(person_id)[-1]
    assert heic_row.gps is not None and heic_row.gps["alt"] == "12.0"
    assert float(heic_row.gps["lat"]) == pytest.approx(GPS["lat"], abs=1e-4)
    assert red_corner(photos.thumbnail(heic_row.id)) == "top-right"  # libheif turned it upright


def test_gps_and_serial_kept_only_for_evidence(photos: Photos, person_id: str) -> None:
    data = jpeg(gps=True, serial=True)
    plain = photos.attach(person_id, data, kind="injury", consent=True)
    assert plain.gps is None and "camera_serial" not in plain.data
    evidence = photos.attach(
        person_id, jpeg(1000, 750, gps=True, serial=True), kind="injury", consent=True, evidence=True
    )
    assert evidence.gps is not None
    assert float(evidence.gps["lat"]) == pytest.approx(GPS["lat"], abs=1e-4)
    assert float(evidence.gps["lon"]) == pytest.approx(GPS["lon"], abs=1e-4)
    assert evidence.data["camera_serial"] == SERIAL
    create = [p for op, p in _photo_events(photos.session) if op == "create"]
    assert "gps" not in create[0]["fields"] and "gps" in create[1]["fields"]  # type: ignore[operator]
    # Marking it evidence later reads location and serial again from the stored original.
    marked = photos.reclassify(plain.id, evidence=True)
    assert marked.gps is not None and marked.data["camera_serial"] == SERIAL
    unmarked = photos.reclassify(plain.id, evidence=False)
    assert unmarked.gps is None and unmarked.data["camera_serial"] is None


def test_every_photo_event_carries_kind_consent_and_hash(
    photos: Photos, person_id: str, session: Session
) -> None:
    row = photos.attach(person_id, jpeg(), kind="scene", consent=False)
    photos.reclassify(row.id, kind="document", consent=True)
    photos.purge(row.id, "photographed the wrong person")
    events = _photo_events(session)
    assert [op for op, _ in events] == ["create", "update", "purge"]
    for _, payload in events:
        body = payload.get("fields", payload)
        assert isinstance(body, dict)
        assert body["sha256"] == row.sha256 and body["kind"] in ("scene", "document") and "consent" in body
    assert photos.photo(row.id).data == {"person_id": person_id, "sha256": row.sha256}
    with pytest.raises(RecordStateError):
        photos.reclassify(row.id, kind="scene")
    with pytest.raises(ValidationError, match="Unknown photo type"):
        photos.attach(person_id, jpeg(), kind="selfie", consent=True)  # type: ignore[arg-type]


def test_duplicate_is_refused_without_a_record(photos: Photos, person_id: str, session: Session) -> None:
    data = jpeg()
    photos.attach(person_id, data, kind="scene", consent=True)
    with pytest.raises(PhotoRejected, match="already attached"):
        photos.attach(person_id, data, kind="scene", consent=True)
    assert len(_files(session)) == 1 and len(_photo_events(session)) == 1


def test_attach_from_a_path(photos: Photos, person_id: str, tmp_path: Path) -> None:
    path = tmp_path / "IMG_0001.JPG"
    path.write_bytes(jpeg())
    row = photos.attach(person_id, path, kind="scene", consent=True)
    assert photos.original(row.id) == path.read_bytes()


# --- bad input: a typed error and nothing left behind ---------------------------------------


def _bomb_png() -> bytes:
    """A 100-byte PNG whose header claims 50,000 × 50,000 pixels."""
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def _bomb_jpeg() -> bytes:
    """A small JPEG whose frame header claims 50,000 × 50,000 pixels."""
    data = bytearray(encode(scene(64, 48), "JPEG"))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 50_000, 50_000)
    return bytes(data)


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[bytes | Path, str]]:
    good = jpeg(800, 600)
    (tmp_path / "truncated.jpg").write_bytes(good[: len(good) // 2])
    (tmp_path / "random.jpg").write_bytes(random.Random(1).randbytes(5000))
    huge = tmp_path / "huge.jpg"
    with open(huge, "wb") as handle:
        handle.write(good[:100])
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    (tmp_path / "folder.jpg").mkdir()
    (tmp_path / "broken-link.jpg").symlink_to(tmp_path / "gone.jpg")
    (tmp_path / "empty.jpg").write_bytes(b"")
    return {
        "truncated": (tmp_path / "truncated.jpg", "damaged or cut short"),
        "random bytes": (tmp_path / "random.jpg", "not a JPEG, PNG or HEIC"),
        "png bomb": (_bomb_png(), "decompression bomb"),
        "jpeg bomb": (_bomb_jpeg(), "decompression bomb"),
        "200 MB": (huge, "larger than the 60 MB"),
        "200 MB in memory": (b"\xff\xd8\xff" + bytes(61 * 1024 * 1024), "larger than the 60 MB"),
        "directory": (tmp_path / "folder.jpg", "folder or a device"),
        "broken symlink": (tmp_path / "broken-link.jpg", "the file is gone"),
        "empty": (tmp_path / "empty.jpg", "empty"),
        "corrupt png": (encode(scene(300, 200), "PNG")[:400], "damaged"),
    }


def test_bad_inputs_are_rejected_and_leave_nothing(
    photos: Photos, person_id: str, session: Session, tmp_path: Path
) -> None:
    events_before = session.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    for name, (source, message) in _bad_inputs(tmp_path).items():
        with pytest.raises(PhotoRejected, match=message):
            photos.attach(person_id, source, kind="scene", consent=True)
        assert _files(session) == [], name
    assert session.conn.execute("SELECT count(*) FROM events").fetchone()[0] == events_before
    assert session.conn.execute("SELECT count(*) FROM photo_keys").fetchone()[0] == 0


def test_huge_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.jpg"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    reads: list[int] = []
    real_fdopen = os.fdopen

    class Spy(io.BufferedReader):
        def read(self, size: int | None = -1) -> bytes:
            reads.append(-1 if size is None else size)
            return super().read(size)

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Spy(real_fdopen(fd, mode + "", buffering=0)))  # type: ignore[arg-type]
    with pytest.raises(PhotoRejected, match="was not read"):
        ingest.read_source(path)
    assert reads == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions")
def test_unreadable_file_is_rejected(photos: Photos, person_id: str, tmp_path: Path) -> None:
    path = tmp_path / "locked.jpg"
    path.write_bytes(jpeg())
    path.chmod(0)
    with pytest.raises(PhotoRejected, match="may not read"):
        photos.attach(person_id, path, kind="scene", consent=True)


def test_failure_while_recording_leaves_no_file_key_or_event(
    photos: Photos, person_id: str, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(store, "save_key", broken)
    events_before = session.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(RuntimeError):
        photos.attach(person_id, jpeg(), kind="scene", consent=True)
    assert _files(session) == []
    assert session.conn.execute("SELECT count(*) FROM events").fetchone()[0] == events_before
    assert session.conn.execute("SELECT count(*) FROM photos").fetchone()[0] == 0


# --- storage integrity ------------------------------------------------------------------------


def test_tampered_or_missing_file_is_a_typed_error(photos: Photos, person_id: str, session: Session) -> None:
    row = photos.attach(person_id, jpeg(), kind="scene", consent=True)
    (path,) = _files(session)
    data = bytearray(path.read_bytes())
    data[-100] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(PhotoDamaged):
        photos.original(row.id)
    path.write_bytes(bytes(data[:-70_000]))  # cut short at any point
    with pytest.raises(PhotoDamaged):
        photos.original(row.id)
    path.unlink()
    with pytest.raises(PhotoUnavailable, match="missing"):
        photos.view(row.id)


def test_hash_mismatch_is_detected(photos: Photos, person_id: str, session: Session) -> None:
    """A file that decrypts but is not the photo recorded (e.g. swapped with its key) is refused."""
    first = photos.attach(person_id, jpeg(seed_size := 700, 500), kind="scene", consent=True)
    second = photos.attach(person_id, jpeg(seed_size + 100, 500), kind="scene", consent=True)
    swap = "UPDATE photo_keys SET photo_id = ? WHERE photo_id = ?"
    session.conn.execute(swap, ("tmp", first.id))
    session.conn.execute(swap, (first.id, second.id))
    session.conn.execute(swap, (second.id, "tmp"))
    with pytest.raises(PhotoDamaged, match="does not match the hash"):
        photos.original(first.id)


def test_stream_chunks_cannot_be_reordered_or_dropped() -> None:
    key = os.urandom(32)
    data = os.urandom(3 * store.CHUNK + 5)
    sealed = store.seal_stream(key, store.ORIGINAL, data)
    assert store.open_stream(key, store.ORIGINAL, sealed) == data
    step = store.CHUNK + store.TAG
    chunks = [sealed[i : i + step] for i in range(0, len(sealed), step)]
    for bad in (
        chunks[1] + chunks[0] + chunks[2] + chunks[3],  # reordered
        b"".join(chunks[:3]),  # last chunk dropped (truncated at a boundary)
        sealed + chunks[3],  # extended
    ):
        with pytest.raises(PhotoDamaged):
            store.open_stream(key, store.ORIGINAL, bad)
    with pytest.raises(PhotoDamaged):
        store.open_stream(key, store.VIEW, sealed)  # another section
    assert store.open_stream(key, store.THUMB, store.seal_stream(key, store.THUMB, b"")) == b""


# --- purge: crypto-shredding ------------------------------------------------------------------


def _decrypted_pages(vault: Path, dek: bytes) -> bytes:
    """Every page of the SQLCipher file, decrypted (free pages too): what a forensic reader with
    the passphrase would see. SQLCipher 4 defaults: 4096-byte pages, 80 reserved bytes (IV first)."""
    raw = vault.read_bytes()
    page, reserve, out = 4096, 80, []
    for start in range(0, len(raw), page):
        block = raw[start : start + page]
        body_start = 16 if start == 0 else 0  # page 1 begins with the plaintext salt
        iv = block[page - reserve : page - reserve + 16]
        decryptor = Cipher(algorithms.AES(dek), modes.CBC(iv)).decryptor()
        out.append(decryptor.update(block[body_start : page - reserve]) + decryptor.finalize())
    return b"".join(out)


def test_purge_makes_the_photo_undecryptable(
    photos: Photos, person_id: str, session: Session, records: Records, vault_dir: Path, tmp_path: Path
) -> None:
    keep = photos.attach(person_id, jpeg(640, 480), kind="scene", consent=True)
    row = photos.attach(person_id, jpeg(gps=True), kind="portrait", consent=True, evidence=True)
    (path,) = [p for p in _files(session) if p.name == store.load_key(session.conn, row.id)[0]]
    thief = store.PhotoStore(tmp_path / "thief")
    thief.folder.mkdir(parents=True)
    stolen = thief.folder / path.name
    shutil.copy(path, stolen)
    _, key, _ = store.load_key(session.conn, row.id)
    dek = session._dek
    assert dek is not None
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    assert key in _decrypted_pages(vault_dir / "vault.db", dek)  # the page reader really works

    with pytest.raises(NotAllowed):  # screeners cannot purge
        session.officer = type(session.officer)(session.officer.id, "x", "screener", True)
        photos.purge(row.id, "wrong person")
    session.officer = type(session.officer)(session.officer.id, "Sok Dara", "admin", True)
    with pytest.raises(ValidationError, match="reason"):
        photos.purge(row.id, "no")
    photos.purge(row.id, "photographed the wrong person")
    assert not path.exists()
    with pytest.raises(PhotoUnavailable, match="purged"):
        photos.original(row.id)
    session.close()

    # The vault as it now stands, unlocked with the passphrase: no key for that copy anywhere.
    again = unlock(vault_dir, "Sok Dara", PASSPHRASE)
    try:
        conn = again.conn
        assert (
            conn.execute("SELECT count(*) FROM photo_keys WHERE photo_id = ?", (row.id,)).fetchone()[0] == 0
        )
        for (payload,) in conn.execute("SELECT payload FROM events"):
            assert key.hex() not in payload.lower() and key.hex().upper() not in payload
        for (other,) in conn.execute("SELECT key FROM photo_keys"):
            with pytest.raises(PhotoDamaged):
                thief.original(stolen.name, bytes(other))
        assert key not in _decrypted_pages(vault_dir / "vault.db", dek)  # zeroed, not just unlinked
        wal = vault_dir / "vault.db-wal"
        assert not wal.exists() or wal.stat().st_size == 0 or key not in wal.read_bytes()
        assert Photos(Records(again)).original(keep.id)  # the other photo is untouched
        assert Photos(Records(again)).photo(row.id).status == "purged"
        report = run_check(again)
        assert report.ok, report.problems
    finally:
        again.close()


def test_sweep_removes_orphans_only(photos: Photos, person_id: str, session: Session) -> None:
    row = photos.attach(person_id, jpeg(), kind="scene", consent=True)
    orphan = photos.store.folder / ("ab" * 16 + store.SUFFIX)
    orphan.write_bytes(b"left by a crash")
    assert photos.sweep_orphans(min_age=60) == []  # too fresh: may belong to a running import
    assert photos.sweep_orphans(min_age=0) == [orphan.name]
    assert photos.original(row.id)


# --- metadata policy --------------------------------------------------------------------------


def test_policy_allows_gps_and_serials_for_evidence_only() -> None:
    fields = {"sha256": "ab", "kind": "injury", "consent": True, "camera": "Canon", "gps": GPS}
    fields |= {"camera_serial": SERIAL, "person_id": "p", "note": "x"}
    plain = policy.shareable_metadata(fields | {"evidence": False})
    assert plain == {"sha256": "ab", "kind": "injury", "consent": True, "camera": "Canon", "evidence": False}
    marked = policy.shareable_metadata(fields | {"evidence": True})
    assert marked["gps"] == GPS and marked["camera_serial"] == SERIAL and "note" not in marked
    assert "gps" not in policy.shareable_metadata(fields | {"evidence": "yes"})  # only a real True


def test_export_copy_strips_location_and_serials_losslessly() -> None:
    original = jpeg(800, 600, orientation=6, gps=True, serial=True)
    original += b"trailing preview with GPS"  # data after the image (MPF previews and the like)
    assert policy.export_copy(original, evidence=True) is original  # never re-encoded
    copy = policy.export_copy(original, evidence=False)
    with Image.open(io.BytesIO(copy)) as stripped, Image.open(io.BytesIO(original)) as source:
        exif = stripped.getexif()
        assert not exif.get_ifd(0x8825) and 0xA431 not in exif.get_ifd(0x8769)
        assert exif[0x0112] == 6 and exif[0x0132] == "2026:11:01 10:22:33"
        assert stripped.tobytes() == source.tobytes()  # the coded pixels were copied, not re-encoded
    assert b"trailing" not in copy and SERIAL.encode() not in copy


def test_export_copy_of_png_and_heic() -> None:
    image = scene(300, 200)
    png = encode(image, "PNG", exif_block(orientation=3, gps=True, serial=True))
    copy = policy.export_copy(png, evidence=False)
    with Image.open(io.BytesIO(copy)) as stripped:
        stripped.load()
        assert not stripped.getexif().get_ifd(0x8825) and stripped.getexif()[0x0112] == 3
        assert stripped.tobytes() == image.tobytes()
    heic = encode(image, "HEIF", exif_block(gps=True, serial=True), quality=80)
    with Image.open(io.BytesIO(policy.export_copy(heic, evidence=False))) as converted:
        assert converted.format == "JPEG" and not converted.getexif().get_ifd(0x8825)
