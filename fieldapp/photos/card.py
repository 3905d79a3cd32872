"""What is on a camera card, before anything is imported: each photo with a thumbnail, its capture time and
whether (and for whom) it is already in the vault. The officer then picks this person's photos; the others
stay on the card for the next person.

Thumbnails live in memory only; nothing of the card is written anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldapp.errors import FieldAppError
from fieldapp.photos.batch import find_photos
from fieldapp.photos.ingest import preview, read_source, sha256
from fieldapp.photos.service import Photos
from fieldapp.work import Cancelled, Progress, ShouldCancel


@dataclass(frozen=True)
class CardPhoto:
    path: Path
    sha256: str
    thumbnail: bytes | None  # JPEG; None when the file cannot be read as a photo
    captured_at: str | None
    problem: str  # why it cannot be imported, in plain words ("" when it can)
    attached_to: str | None  # the person it is already attached to in this vault


def _look(path: Path) -> CardPhoto:
    try:
        data = read_source(path)
    except FieldAppError as exc:
        return CardPhoto(path, "", None, None, exc.message, None)
    digest = sha256(data)
    try:
        thumb, captured = preview(data, path.name)
    except FieldAppError as exc:
        return CardPhoto(path, digest, None, None, exc.message, None)
    return CardPhoto(path, digest, thumb, captured, "", None)


def card_photos(
    photos: Photos, card: Path, *, progress: Progress | None = None, should_cancel: ShouldCancel | None = None
) -> list[CardPhoto]:
    """Every photo on the card, in file order, read and previewed one by one."""
    files = find_photos(card)
    found: list[CardPhoto] = []
    for done, path in enumerate(files):
        if should_cancel is not None and should_cancel():
            raise Cancelled()
        found.append(_look(path))
        if progress is not None:
            progress(done + 1, len(files), path.name)
    owners = photos.attached([p.sha256 for p in found if p.sha256])
    return [
        CardPhoto(p.path, p.sha256, p.thumbnail, p.captured_at, p.problem, owners.get(p.sha256))
        for p in found
    ]
