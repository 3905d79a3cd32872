"""Batch import from a folder or a camera card, using every core for the pixel and crypto work.

Workers read, hash, decode, resize and encrypt (each writes its photo's encrypted file); the calling
thread, which owns the SQLCipher connection, records each photo in its own transaction, in file
order. A bad file is skipped with its reason and the import goes on; a cancel lets the photos in
flight finish, removes their files, and records nothing more: every photo is either fully
imported or not at all.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from fieldapp.errors import FieldAppError, message
from fieldapp.photos.errors import PhotoRejected
from fieldapp.photos.ingest import PhotoMeta, ingest
from fieldapp.photos.service import Photos
from fieldapp.photos.store import PhotoStore, Sealed
from fieldapp.work import Progress, ShouldCancel, process_context

NOT_A_FOLDER = message("photo.not_a_folder", "{folder} is not a folder (or the card was removed).")
FOLDER_UNREADABLE = message(
    "photo.folder_unreadable",
    "The folder {path} cannot be read ({reason}); the card may be damaged or locked.",
)

EXTENSIONS = {".jpg", ".jpeg", ".jpe", ".png", ".heic", ".heif"}
Mode = Literal["process", "thread", "inline"]


@dataclass(frozen=True)
class Assignment:
    person_id: str
    kind: str = "scene"
    consent: bool = False
    evidence: bool = False


Assign = Callable[[Path], "Assignment | str | None"]


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str


@dataclass
class ImportSummary:
    total: int = 0
    imported: list[tuple[Path, str]] = field(default_factory=list)  # (file, photo id)
    skipped: list[Skipped] = field(default_factory=list)
    not_started: list[Path] = field(default_factory=list)  # after a cancel
    cancelled: bool = False

    def describe(self) -> str:
        lines = [f"Imported {len(self.imported)} of {self.total} photos."]
        if self.cancelled:
            lines.append(f"Cancelled: {len(self.not_started)} photos were not imported.")
        lines += [f"Skipped {s.path.name}: {s.reason}" for s in self.skipped]
        return "\n".join(lines)


@dataclass(frozen=True)
class _Ready:
    meta: PhotoMeta
    sealed: Sealed


def find_photos(folder: Path) -> list[Path]:
    """Photo files under ``folder`` (under its DCIM folder when it is a camera card), sorted."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PhotoRejected(NOT_A_FOLDER, folder=folder)
    root = folder / "DCIM" if (folder / "DCIM").is_dir() else folder
    found: list[Path] = []

    def walk(path: Path) -> None:
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError as exc:
            raise PhotoRejected(FOLDER_UNREADABLE, path=path, reason=exc.strerror) from None
        for entry in entries:
            if entry.name.startswith("."):  # macOS ._ files, .Trashes, our own temp files
                continue
            if entry.is_dir(follow_symlinks=False):
                walk(Path(entry.path))
            elif Path(entry.name).suffix.lower() in EXTENSIONS:
                found.append(Path(entry.path))

    walk(root)
    return found


def _prepare(source: Path, evidence: bool, data_dir: Path) -> _Ready | str:
    """Worker: everything but the database. Returns the ready photo, or why it was skipped."""
    try:
        photo = ingest(source, evidence=evidence)
        return _Ready(photo.meta, PhotoStore(data_dir).seal(photo))
    except FieldAppError as exc:
        return exc.message
    except Exception as exc:  # one odd file must not stop a card of thousands
        return f"could not be processed ({type(exc).__name__}: {str(exc)[:100]})"


class _Inline(Executor):
    """Runs each job at once on the calling thread: the naive loop, and the fallback."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        future: Future[object] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def _executor(mode: Mode, workers: int) -> Executor:
    if mode == "inline" or workers < 2:
        return _Inline()
    if mode == "thread":
        return ThreadPoolExecutor(workers, thread_name_prefix="photo-import")
    return ProcessPoolExecutor(workers, mp_context=process_context())


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def _resolve(assign: str | Assign, path: Path, defaults: Assignment) -> Assignment | None:
    if isinstance(assign, str):
        return defaults
    chosen = assign(path)
    if chosen is None or isinstance(chosen, Assignment):
        return chosen
    return Assignment(chosen, defaults.kind, defaults.consent, defaults.evidence)


def import_folder(
    photos: Photos,
    folder: Path,
    person: str | Assign,
    *,
    kind: str = "scene",
    consent: bool = False,
    evidence: bool = False,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    workers: int | None = None,
    mode: Mode = "thread",
) -> ImportSummary:
    """Import every photo under ``folder`` for one person, or for whom ``person(path)`` says.

    ``person`` as a callback returns a person id, an ``Assignment`` (with kind, consent and
    evidence), or None to skip the file. ``progress(done, total, file name)`` is called after each
    file; ``should_cancel()`` is polled between files.
    """
    files = find_photos(folder)
    defaults = Assignment(person if isinstance(person, str) else "", kind, consent, evidence)
    summary = ImportSummary(total=len(files))
    cancelled = should_cancel or (lambda: False)
    workers = default_workers() if workers is None else workers
    queue: Iterator[Path] = iter(files)
    pending: deque[tuple[Path, Assignment, Future[_Ready | str]]] = deque()
    done = 0

    def report(path: Path) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, summary.total, path.name)

    with _executor(mode, workers) as pool:

        def fill() -> None:
            while len(pending) < 2 * workers and not summary.cancelled:
                path = next(queue, None)
                if path is None:
                    return
                assignment = _resolve(person, path, defaults)
                if assignment is None:
                    summary.skipped.append(Skipped(path, "not assigned to a person"))
                    report(path)
                    continue
                future = pool.submit(_prepare, path, assignment.evidence, photos.session.data_dir)
                pending.append((path, assignment, future))

        summary.cancelled = cancelled()
        fill()
        while pending:
            path, assignment, future = pending.popleft()
            if summary.cancelled:
                _discard(photos, path, future, summary)
                continue
            _record(photos, path, assignment, _outcome(future), summary)
            report(path)
            if cancelled():
                summary.cancelled = True
            fill()
    if summary.cancelled:
        summary.not_started += list(queue)
    return summary


def _outcome(future: Future[_Ready | str]) -> _Ready | str:
    try:
        return future.result()
    except BrokenProcessPool:
        return "the photo decoder crashed on this file"


def _record(
    photos: Photos, path: Path, assignment: Assignment, result: _Ready | str, summary: ImportSummary
) -> None:
    if isinstance(result, str):
        summary.skipped.append(Skipped(path, result))
        return
    try:
        photos.check_duplicate(assignment.person_id, result.meta.sha256)
        row = photos.commit(
            assignment.person_id,
            result.meta,
            result.sealed,
            kind=assignment.kind,
            consent=assignment.consent,
            evidence=assignment.evidence,
        )
    except FieldAppError as exc:
        photos.store.remove(result.sealed.file)
        summary.skipped.append(Skipped(path, exc.message))
        return
    summary.imported.append((path, row.id))


def _discard(photos: Photos, path: Path, future: Future[_Ready | str], summary: ImportSummary) -> None:
    if not future.cancel():
        result = _outcome(future)  # already running: let it finish, then remove what it wrote
        if isinstance(result, _Ready):
            photos.store.remove(result.sealed.file)
    summary.not_started.append(path)
