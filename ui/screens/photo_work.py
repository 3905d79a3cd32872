"""The photos panel's work on the database worker: load a person's photos, attach files, read a card.

Imports report progress and stop on cancel; ``describe`` puts their summary in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from fieldapp.errors import FieldAppError
from fieldapp.photos.batch import ImportSummary, Skipped
from fieldapp.photos.card import CardPhoto, card_photos
from fieldapp.photos.service import KINDS, Kind, PhotoRow, Photos
from fieldapp.records.screenings import Screenings
from ui.errors import user_message
from ui.progress import Progress, ShouldCancel
from ui.widgets.photo_image import decode
from ui.widgets.photo_options import PhotoOptions
from ui.widgets.photo_strip import THUMB_EDGE

MAX_SKIPPED_LINES = 6


def _tr(text: str) -> str:
    return QCoreApplication.translate("photos", text)


@dataclass
class Loaded:
    rows: list[PhotoRow]
    images: dict[str, QImage]
    screening_consent: dict[str, bool | None] = field(default_factory=dict)


def load_person_photos(photos: Photos, screenings: Screenings, person_id: str) -> Loaded:
    rows = photos.for_person(person_id)
    thumbs = photos.thumbnails(person_id)
    images = {photo_id: decode(data, THUMB_EDGE) for photo_id, data in thumbs.items()}
    return Loaded(rows, images, latest_photo_consent(screenings, person_id))


def latest_photo_consent(screenings: Screenings, person_id: str) -> dict[str, bool | None]:
    """What the person's latest screening recorded about each type of photo (None: not asked)."""
    found = screenings.for_person(person_id)
    consent: dict[str, Any] = (found[-1].sections.get("consent") or {}) if found else {}
    answers: dict[str, bool | None] = {}
    for kind in KINDS:
        value = consent.get(f"photo_{kind}")
        answers[kind] = None if value is None else bool(value)
    return answers


def attach_files(
    photos: Photos,
    person_id: str,
    files: list[Path],
    options: PhotoOptions,
    progress: Progress,
    should_cancel: ShouldCancel,
) -> ImportSummary:
    """Attach chosen files one by one; a bad file is skipped with its reason."""
    summary = ImportSummary(total=len(files))
    for done, path in enumerate(files):
        if should_cancel():
            summary.cancelled = True
            summary.not_started = list(files[done:])
            break
        try:
            row = photos.attach(
                person_id,
                path,
                kind=cast(Kind, options.kind),
                consent=options.consent,
                evidence=options.evidence,
            )
        except FieldAppError as exc:
            summary.skipped.append(Skipped(path, user_message(exc)))
        else:
            summary.imported.append((path, row.id))
        progress(done + 1, len(files), path.name)
    return summary


def read_card(photos: Photos, card: Path, progress: Progress, should_cancel: ShouldCancel) -> list[CardPhoto]:
    return card_photos(photos, card, progress=progress, should_cancel=should_cancel)


def describe(summary: ImportSummary) -> str:
    """The summary in plain words; files skipped for the same reason are grouped."""
    lines = [
        _tr("Imported {imported} of {total} photos.").format(
            imported=len(summary.imported), total=summary.total
        )
    ]
    if summary.cancelled:
        lines.append(
            _tr("Cancelled: {count} photos were not imported.").format(count=len(summary.not_started))
        )
    by_reason: dict[str, list[Skipped]] = {}
    for skipped in summary.skipped:
        by_reason.setdefault(skipped.reason, []).append(skipped)
    skipped_lines = []
    for reason, group in by_reason.items():
        if len(group) == 1:
            skipped_lines.append(
                _tr("Skipped {name}: {reason}").format(name=group[0].path.name, reason=reason)
            )
        else:
            names = ", ".join(s.path.name for s in group[:3]) + (", …" if len(group) > 3 else "")
            skipped_lines.append(
                _tr("Skipped {count} photos ({names}): {reason}").format(
                    count=len(group), names=names, reason=reason
                )
            )
    if len(skipped_lines) > MAX_SKIPPED_LINES:
        more = len(skipped_lines) - MAX_SKIPPED_LINES + 1
        skipped_lines = skipped_lines[: MAX_SKIPPED_LINES - 1] + [
            _tr("…and {count} more reasons (see the details).").format(count=more)
        ]
    return "\n".join(lines + skipped_lines)
