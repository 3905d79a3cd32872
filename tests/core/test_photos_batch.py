"""Batch import from a folder or camera card: progress, cancel, bad files skipped with reasons."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from fieldapp.photos import store
from fieldapp.photos.batch import Assignment, find_photos, import_folder
from fieldapp.photos.errors import PhotoRejected
from fieldapp.photos.service import Photos
from fieldapp.records.check import run_check
from fieldapp.records.service import Records
from fieldapp.vault.session import Session
from tests.core.test_photos import jpeg


@pytest.fixture
def photos(records: Records) -> Photos:
    return Photos(records)


@pytest.fixture
def person_id(records: Records) -> str:
    operation = records.create_operation(name="Card raid")
    return records.register_person(operation.id, name="NGUYEN VAN MINH").id


@pytest.fixture(scope="module")
def card(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A camera card: DCIM/100CANON with 6 good photos, 3 bad ones, a video and macOS litter."""
    root = tmp_path_factory.mktemp("card")
    folder = root / "DCIM" / "100CANON"
    folder.mkdir(parents=True)
    for n in range(6):
        (folder / f"IMG_{n:04d}.JPG").write_bytes(jpeg(640 + 16 * n, 480, gps=True))
    good = jpeg(640, 480)
    (folder / "IMG_0100.JPG").write_bytes(good[: len(good) // 3])
    (folder / "IMG_0101.JPG").write_bytes(os.urandom(2048))
    (folder / "IMG_0102.JPG").symlink_to(folder / "gone.jpg")
    (folder / "MVI_0001.MOV").write_bytes(b"video")
    (folder / "._IMG_0000.JPG").write_bytes(b"apple double")
    (root / "MISC").mkdir()
    (root / "MISC" / "outside.jpg").write_bytes(good)  # outside DCIM: not a camera photo
    return root


def _photo_files(session: Session) -> list[Path]:
    folder = session.data_dir / store.PHOTO_DIR
    return sorted(p for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("mode", ["process", "thread", "inline"])
def test_card_import_continues_past_bad_files(
    photos: Photos, person_id: str, card: Path, session: Session, mode: str
) -> None:
    seen: list[tuple[int, int, str]] = []
    summary = import_folder(
        photos,
        card,
        person_id,
        kind="scene",
        consent=True,
        progress=lambda *a: seen.append(a),
        mode=mode,  # type: ignore[arg-type]
    )
    assert summary.total == 9 and not summary.cancelled
    assert [p.name for p, _ in summary.imported] == [f"IMG_{n:04d}.JPG" for n in range(6)]
    reasons = {s.path.name: s.reason for s in summary.skipped}
    assert "damaged or cut short" in reasons["IMG_0100.JPG"]
    assert "not a JPEG, PNG or HEIC" in reasons["IMG_0101.JPG"]
    assert "gone" in reasons["IMG_0102.JPG"]
    assert [done for done, _, _ in seen] == list(range(1, 10)) and {t for _, t, _ in seen} == {9}
    assert len(_photo_files(session)) == 6  # nothing left behind by the skipped files
    rows = photos.for_person(person_id)
    assert len(rows) == 6 and all(r.consent and r.kind == "scene" and r.gps is None for r in rows)
    assert "IMG_0101.JPG" in summary.describe()
    # Importing the card again adds nothing: every photo is already attached.
    again = import_folder(photos, card, person_id, mode="inline")
    assert again.imported == [] and sum("already attached" in s.reason for s in again.skipped) == 6
    assert len(_photo_files(session)) == 6
    assert run_check(session).ok


def test_cancel_midway_leaves_nothing_half_imported(
    photos: Photos, person_id: str, card: Path, session: Session
) -> None:
    seen: list[int] = []
    summary = import_folder(
        photos,
        card,
        person_id,
        progress=lambda done, total, name: seen.append(done),
        should_cancel=lambda: len(seen) >= 2,
        mode="thread",
        workers=2,
    )
    assert summary.cancelled and len(summary.imported) == 2
    assert len(summary.imported) + len(summary.skipped) + len(summary.not_started) == summary.total
    assert len(_photo_files(session)) == 2  # the photos in flight were removed, not recorded
    assert session.conn.execute("SELECT count(*) FROM photo_keys").fetchone()[0] == 2
    assert len(photos.for_person(person_id)) == 2
    assert run_check(session).ok


def test_cancel_before_start_imports_nothing(photos: Photos, person_id: str, card: Path) -> None:
    summary = import_folder(photos, card, person_id, should_cancel=lambda: True, mode="inline")
    assert summary.cancelled and summary.imported == [] and len(summary.not_started) == 9


def test_assign_callback_chooses_person_kind_and_evidence(
    photos: Photos, person_id: str, card: Path, records: Records
) -> None:
    other = records.register_person(records.operations()[0].id, name="ZHANG WEI").id

    def assign(path: Path) -> Assignment | str | None:
        number = int(path.stem[-1]) if path.stem[-1].isdigit() else 9
        if number == 0:
            return Assignment(other, kind="injury", consent=True, evidence=True)
        return None if number >= 3 else person_id

    summary = import_folder(photos, card, assign, mode="inline")
    assert len(summary.imported) == 3
    (evidence,) = photos.for_person(other)
    assert evidence.kind == "injury" and evidence.evidence and evidence.gps is not None
    assert len(photos.for_person(person_id)) == 2
    assert sum(s.reason == "not assigned to a person" for s in summary.skipped) >= 3


def test_plain_folder_and_unreadable_card(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.HEIC").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("x")
    assert [p.name for p in find_photos(tmp_path)] == ["a.png", "b.HEIC"]
    with pytest.raises(PhotoRejected, match="not a folder"):
        find_photos(tmp_path / "missing")


def test_a_card_is_previewed_before_anything_is_imported(
    photos: Photos, person_id: str, card: Path, records: Records
) -> None:
    """Each photo with a thumbnail, bad files with their reason, and the ones already in the vault with their
    person: the officer picks this person's photos and the others stay for the next."""
    from PIL import Image

    from fieldapp.photos.card import card_photos
    from fieldapp.work import Cancelled

    seen: list[tuple[int, int, str]] = []
    found = card_photos(photos, card, progress=lambda *a: seen.append(a))
    assert [p.path.name for p in found] == [f"IMG_{n:04d}.JPG" for n in range(6)] + [
        "IMG_0100.JPG",
        "IMG_0101.JPG",
        "IMG_0102.JPG",
    ]
    assert [done for done, _total, _name in seen] == list(range(1, 10))
    good, bad = found[:6], found[6:]
    for photo in good:
        assert photo.problem == "" and photo.thumbnail is not None and photo.attached_to is None
        with Image.open(io.BytesIO(photo.thumbnail)) as thumb:
            assert max(thumb.size) <= 256
    assert all(p.problem and p.thumbnail is None for p in bad)
    assert not list((photos.session.data_dir).rglob("*.jpg"))  # nothing written to disk
    other = records.register_person(records.person(person_id).operation_id, name="TRAN THI HOA").id
    photos.attach(other, good[2].path, kind="portrait", consent=True)
    again = card_photos(photos, card)
    assert [p.attached_to for p in again[:6]] == [None, None, other, None, None, None]
    with pytest.raises(Cancelled):
        card_photos(photos, card, should_cancel=lambda: True)
