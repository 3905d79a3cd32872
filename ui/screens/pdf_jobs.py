"""The PDFs that are printed, saved or previewed (``ui.screens.printing``), gathered on the database worker.

A ``PdfJob`` is a PDF in memory with a title and a file name. Which PDF of which records, with which
photos, is the core's decision (``fieldapp.reports.documents``, shared with the command line); this
module names it for the dialogs and wraps the long ones as ``fn(progress, should_cancel)`` for
``ui.progress.run_with_progress``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from fieldapp.reports import documents
from ui.print_process import load_pdf

if TYPE_CHECKING:
    from fieldapp.photos.service import Photos
    from fieldapp.records.handovers import Handovers
    from fieldapp.records.service import Records
    from fieldapp.vault.session import Session
    from ui.progress import Progress, ShouldCancel


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)  # the context of ui.screens.printing: one glossary


@dataclass(frozen=True)
class PdfJob:
    """A PDF ready to print or save: its bytes, a title for dialogs and a suggested file name."""

    pdf: bytes
    title: str
    file_name: str
    pages: int = 0
    kind: str = ""  # the document's kind (handover, manifest…), recorded with a print or copy
    persons: tuple[str, ...] = ()  # whose data it shows, by id


def page_count(pdf: bytes) -> int:
    return load_pdf(pdf).pageCount()


# --- what is printed: decided in the core (fieldapp.reports.documents), named here -------------------
# Run on the database worker; the titles are the app's own words, in the officer's language.

consented_portrait = documents.consented_portrait
consented_thumbnail = documents.consented_thumbnail
destination = documents.destination


def _job(document: documents.Document) -> PdfJob:
    titles = {
        "handover": _tr("Handover form {reference}, version {version}"),
        "handover_draft": _tr("DRAFT handover form {reference}"),
        "manifest": _tr("Manifest: {operation}"),
        "manifest_by_body": _tr("Manifest by receiving body: {operation}"),
        "forms": _tr("All handover forms: {operation}"),
        "wristbands": _tr("Wristbands: {operation}"),
        "reconciliation": _tr("Nobody lost: {operation}"),
        "notification": _tr("Notification to {mission}"),
    }
    title = titles[document.kind].format(
        reference=document.name, version=document.version, operation=document.name, mission=document.name
    )
    return PdfJob(
        document.pdf, title, document.file_name, page_count(document.pdf), document.kind, document.persons
    )


def handover_job(session: Session, handovers: Handovers, photos: Photos, handover_id: str) -> PdfJob:
    """The PDF to print for one handover: a final one's issued bytes (issued now if they are missing),
    a draft rendered as a draft (watermarked, no verification code, not stored)."""
    return _job(documents.handover_document(handovers.records, handovers, photos, handover_id))


def _gathering(progress: Progress) -> Progress:
    def report(done: int, total: int, temp_id: str) -> None:
        progress(done, total, _tr("gathering {temp_id}").format(temp_id=temp_id))

    return report


def manifest_work(
    records: Records, handovers: Handovers, photos: Photos, operation_id: str, *, by_body: bool
) -> Callable[[Progress, ShouldCancel], PdfJob]:
    """The manifest of an operation (one list, or one per receiving body), with thumbnails of
    consented portraits; gathering and rendering both report progress and stop on cancel."""

    def work(progress: Progress, should_cancel: ShouldCancel) -> PdfJob:
        return _job(
            documents.manifest_document(
                records,
                handovers,
                photos,
                operation_id,
                by_body=by_body,
                progress=_gathering(progress),
                should_cancel=should_cancel,
            )
        )

    return work


def forms_work(
    records: Records, handovers: Handovers, photos: Photos, operation_id: str
) -> Callable[[Progress, ShouldCancel], PdfJob]:
    """Every final handover form of an operation (three copies each) in one PDF, with portraits."""

    def work(progress: Progress, should_cancel: ShouldCancel) -> PdfJob:
        return _job(
            documents.forms_document(
                records,
                handovers,
                photos,
                operation_id,
                progress=_gathering(progress),
                should_cancel=should_cancel,
            )
        )

    return work


def wristbands_work(
    records: Records, operation_id: str, *, stock: str, reserve: int
) -> Callable[[Progress, ShouldCancel], PdfJob]:
    """Wristband labels for everyone registered, or for ``reserve`` ids reserved now (printed ahead)."""

    def work(progress: Progress, should_cancel: ShouldCancel) -> PdfJob:
        return _job(
            documents.wristbands_document(
                records,
                operation_id,
                stock=stock,
                reserve=reserve,
                progress=progress,
                should_cancel=should_cancel,
            )
        )

    return work


def reconciliation_work(records: Records, operation_id: str) -> Callable[[Progress, ShouldCancel], PdfJob]:
    """Everyone not handed over, with where and when they were last seen."""

    def work(progress: Progress, should_cancel: ShouldCancel) -> PdfJob:
        return _job(
            documents.reconciliation_document(
                records, operation_id, progress=progress, should_cancel=should_cancel
            )
        )

    return work


def notification_work(
    records: Records, nationality: str, operation_id: str | None, *, record: bool
) -> Callable[[Progress, ShouldCancel], PdfJob]:
    """A nationality's list for its mission (consented, not protected, not notified yet)."""

    def work(progress: Progress, should_cancel: ShouldCancel) -> PdfJob:
        return _job(
            documents.notification_document(
                records,
                nationality,
                operation_id=operation_id,
                record=record,
                progress=progress,
                should_cancel=should_cancel,
            )
        )

    return work
