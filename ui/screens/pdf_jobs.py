"""The PDFs that are printed, saved or previewed (``ui.screens.printing``), gathered on the database worker.

A ``PdfJob`` is a PDF in memory with a title and a file name: for one handover, the issued bytes of a
final form (issued now if they are missing) or a draft rendering; for an operation, the manifest (one
list or one per receiving body) or every final handover form, built as ``fn(progress, should_cancel)``
for ``ui.progress.run_with_progress``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtPdf import QPdfDocument

from fieldapp.errors import FieldAppError

if TYPE_CHECKING:
    from fieldapp.photos.service import Photos
    from fieldapp.records.handovers import Handover, Handovers
    from fieldapp.records.service import Records
    from fieldapp.vault.session import Session
    from ui.progress import Progress, ShouldCancel


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)  # the context of ui.screens.printing: one glossary


class PrintFailed(FieldAppError):
    code = "print_failed"


@dataclass(frozen=True)
class PdfJob:
    """A PDF ready to print or save: its bytes, a title for dialogs and a suggested file name."""

    pdf: bytes
    title: str
    file_name: str
    pages: int = 0


def load_pdf(pdf: bytes) -> QPdfDocument:
    """A QPdfDocument reading ``pdf`` from memory (no temporary file)."""
    document = QPdfDocument()
    data = QByteArray(pdf)
    buffer = QBuffer(document)
    buffer.setData(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PrintFailed(_tr("The stored PDF could not be read for printing."))
    return document


def page_count(pdf: bytes) -> int:
    return load_pdf(pdf).pageCount()


# --- gathering what is printed (run on the database worker) --------------------------------------


def consented_portrait(photos: Photos, person_id: str) -> tuple[str, bytes] | None:
    """The latest live portrait the person consented to, as (sha256, view JPEG); None without one."""
    found = [p for p in photos.for_person(person_id) if p.kind == "portrait" and p.consent]
    if not found:
        return None
    photo = found[-1]
    return photo.sha256, photos.view(photo.id)


def consented_thumbnail(photos: Photos, person_id: str) -> bytes | None:
    found = [p for p in photos.for_person(person_id) if p.kind == "portrait" and p.consent]
    if not found:
        return None
    return photos.thumbnails(person_id).get(found[-1].id)


def handover_job(session: Session, handovers: Handovers, photos: Photos, handover_id: str) -> PdfJob:
    """The PDF to print for one handover: a final one's issued bytes (issued now if they are missing),
    a draft rendered as a draft (watermarked, no verification code, not stored)."""
    from fieldapp.reports.data import form_data
    from fieldapp.reports.handover import render_handover
    from fieldapp.reports.issued import IssuedDocuments

    handover = handovers.get(handover_id)
    name = handover.reference_no or handover.id
    if handover.status == "final":
        issued = IssuedDocuments(session)
        pdf = None
        documents = issued.for_record(handover.id, handover.version)
        if documents:
            pdf = issued.pdf(documents[-1].id)
        if pdf is None:
            portrait = consented_portrait(photos, handover.person_id)
            pdf = issued.issue_handover(handovers, handover.id, portrait[1] if portrait else None).pdf
        title = _tr("Handover form {reference}, version {version}").format(
            reference=name, version=handover.version
        )
        return PdfJob(pdf, title, f"{name}-v{handover.version}.pdf", page_count(pdf))
    portrait = consented_portrait(photos, handover.person_id)
    pdf = render_handover([form_data(handover, None, portrait[1] if portrait else None, handovers)])
    title = _tr("DRAFT handover form {reference}").format(reference=name)
    return PdfJob(pdf, title, f"{name}-DRAFT.pdf", page_count(pdf))


def destination(handover: Handover | None) -> str:
    """The receiving body as the manifest shows it (the same words as the CLI's manifest)."""
    from fieldapp.records.handovers import RECEIVING_LABELS

    if handover is None:
        return ""
    d = handover.data
    kind = RECEIVING_LABELS.get(d.get("receiving_type", ""), ("",))[0]
    return " ".join(x for x in (kind, d.get("receiving_country", ""), d.get("receiving_name", "")) if x)


def manifest_work(
    records: Records, handovers: Handovers, photos: Photos, operation_id: str, *, by_body: bool
) -> Callable[[Progress, ShouldCancel], PdfJob]:
    """The manifest of an operation (one list, or one per receiving body), with thumbnails of
    consented portraits; gathering and rendering both report progress and stop on cancel."""

    def work(progress: Progress, should_cancel: ShouldCancel) -> PdfJob:
        from fieldapp.reports.manifest import ManifestRow, render_manifest
        from fieldapp.reports.pdf import Cancelled

        operation = records.operation(operation_id)
        persons = records.persons(operation_id=operation_id, limit=1_000_000)
        rows = []
        for done, p in enumerate(persons):
            if should_cancel():
                raise Cancelled(_tr("Cancelled: no PDF was written."))
            progress(done, len(persons), _tr("gathering {temp_id}").format(temp_id=p.temp_id))
            final = [h for h in handovers.for_person(p.id) if h.status == "final"]
            rows.append(
                ManifestRow(
                    p.temp_id,
                    p.name,
                    p.name_own,
                    p.nationality,
                    p.sex,
                    p.age,
                    p.outcome,
                    destination(final[-1] if final else None),
                    consented_thumbnail(photos, p.id),
                )  # fmt: skip
            )
        pdf = render_manifest(
            operation.name, rows, by_body=by_body, progress=progress, should_cancel=should_cancel
        )
        kind = "by-body" if by_body else "manifest"
        title = (
            _tr("Manifest by receiving body: {operation}") if by_body else _tr("Manifest: {operation}")
        ).format(operation=operation.name)
        return PdfJob(pdf, title, f"{operation.code}-{kind}.pdf", page_count(pdf))

    return work


def forms_work(
    records: Records, handovers: Handovers, photos: Photos, operation_id: str
) -> Callable[[Progress, ShouldCancel], PdfJob]:
    """Every final handover form of an operation (three copies each) in one PDF, with portraits."""

    def work(progress: Progress, should_cancel: ShouldCancel) -> PdfJob:
        from fieldapp.reports.data import form_data
        from fieldapp.reports.manifest import render_forms
        from fieldapp.reports.pdf import Cancelled

        operation = records.operation(operation_id)
        persons = records.persons(operation_id=operation_id, limit=1_000_000)
        forms = []
        for done, p in enumerate(persons):
            if should_cancel():
                raise Cancelled(_tr("Cancelled: no PDF was written."))
            progress(done, len(persons), _tr("gathering {temp_id}").format(temp_id=p.temp_id))
            final = [h for h in handovers.for_person(p.id) if h.status == "final"]
            if final:
                portrait = consented_portrait(photos, p.id)
                forms.append(
                    form_data(final[-1], records.session, portrait[1] if portrait else None, handovers)
                )
        if not forms:
            raise FieldAppError(
                _tr("No one in this operation has been handed over yet: there is no form to print.")
            )
        pdf = render_forms(forms, progress=progress, should_cancel=should_cancel)
        title = _tr("All handover forms: {operation}").format(operation=operation.name)
        return PdfJob(pdf, title, f"{operation.code}-handover-forms.pdf", page_count(pdf))

    return work
