"""Which PDF of which records, with which photos: decided once, for the desktop app and the command line.

- One handover: a final one prints its issued bytes (issued now, with the person's consented portrait,
  if they are missing); a draft is rendered as a draft (watermarked, no verification code, not stored).
- A person's handover form: their latest final handover, else their latest draft.
- An operation's manifest (one list, or one per receiving body) with thumbnails of consented portraits.
- An operation's forms: every *final* handover form (drafts are never printed in a batch), with portraits.
- A person's screening summary: their latest screening that was not withdrawn.

Long work (manifests, batches of forms) reports progress and stops on cancel (``fieldapp.reports.pdf``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.errors import FieldAppError, ValidationError, message
from fieldapp.records.handovers import Handover, Handovers
from fieldapp.reports.labels import receiving_body_names, receiving_label
from fieldapp.reports.pdf import NO_PDF_WRITTEN
from fieldapp.work import Progress, ShouldCancel, stop_if_asked

if TYPE_CHECKING:
    from fieldapp.photos.service import Photos
    from fieldapp.records.service import Records
    from fieldapp.reports.issued import IssuedDocument

NO_HANDOVER = message("report.no_handover", "This person has no handover yet: draft one first.")
NOT_SCREENED = message("report.not_screened", "This person has not been screened.")
NO_ONE_REGISTERED = message(
    "report.no_one_registered",
    "No one is registered in this operation yet: reserve ids to print bands ahead.",
)
NO_FINAL_FORMS = message(
    "report.no_final_forms", "No one in this operation has been handed over yet: there is no form to print."
)


@dataclass(frozen=True)
class Document:
    """A PDF in memory, with what a front end needs to name it (its own words, in its own language)."""

    pdf: bytes
    kind: str  # handover | handover_draft | summary | manifest | manifest_by_body | forms | wristbands | reconciliation | notification
    name: str  # the reference number, the person's temporary id or the operation's name
    file_name: str
    version: int = 0
    issued: IssuedDocument | None = None  # a final form stored in the vault
    persons: tuple[str, ...] = ()  # whose data it shows, by id (what a print or copy of it discloses)


def consented_portrait(photos: Photos, person_id: str) -> tuple[str, bytes] | None:
    """The latest live portrait the person consented to, as (sha256, view JPEG); None without one."""
    found = [p for p in photos.for_person(person_id) if p.kind == "portrait" and p.consent]
    if not found:
        return None
    return found[-1].sha256, photos.view(found[-1].id)


def consented_thumbnail(photos: Photos, person_id: str) -> bytes | None:
    found = [p for p in photos.for_person(person_id) if p.kind == "portrait" and p.consent]
    if not found:
        return None
    return photos.thumbnails(person_id).get(found[-1].id)


def portrait_from_file(path: Path) -> bytes:
    """A portrait given as a file (``report handover --photo``): checked and made upright like any photo
    taken in the app; a file that is no usable photo is refused, never printed as "No photo"."""
    from fieldapp.photos.ingest import ingest

    return ingest(path, evidence=False).view


def destination(handover: Handover | None) -> tuple[str, str]:
    """The receiving body as manifests show it, in English and Khmer: its type (an embassy with its
    country's name) and its name; ("", "") when the person is not handed over yet."""
    if handover is None:
        return "", ""
    d = handover.data
    en, km = receiving_label(str(d.get("receiving_type", "")), str(d.get("receiving_country", "")))
    name_en, name_km = receiving_body_names(d)
    if name_en:
        en, km = f"{en}: {name_en}", f"{km}: {name_km or name_en}"
    return en, km


def handover_document(
    records: Records, handovers: Handovers, photos: Photos, handover_id: str, *, portrait: bytes | None = None
) -> Document:
    """The PDF of one handover (see the module's docstring); ``portrait`` replaces the consented one."""
    from fieldapp.reports.data import form_data
    from fieldapp.reports.handover import render_handover
    from fieldapp.reports.issued import IssuedDocuments

    handover = handovers.get(handover_id)
    name = handover.reference_no or handover.id
    if portrait is None:
        found = consented_portrait(photos, handover.person_id)
        portrait = found[1] if found else None
    if handover.status == "final":
        issued = IssuedDocuments(records.session)
        documents = issued.for_record(handover.id, handover.version)
        pdf = issued.pdf(documents[-1].id) if documents else None
        if pdf is not None:
            document = documents[-1]
        else:
            made = issued.issue_handover(handovers, handover.id, portrait)
            pdf, document = made.pdf, made.document
        return Document(
            pdf,
            "handover",
            name,
            f"{name}-v{handover.version}.pdf",
            handover.version,
            document,
            (handover.person_id,),
        )
    pdf = render_handover([form_data(handover, None, portrait, handovers)])
    return Document(
        pdf, "handover_draft", name, f"{name}-DRAFT.pdf", handover.version, persons=(handover.person_id,)
    )


def person_handover(
    records: Records, handovers: Handovers, photos: Photos, person_id: str, *, portrait: bytes | None = None
) -> Document:
    """A person's handover form: their latest final handover, else their latest draft."""
    items = handovers.for_person(person_id)
    final = [h for h in items if h.status == "final"]
    chosen = final or [h for h in items if h.status == "draft"]
    if not chosen:
        raise ValidationError(NO_HANDOVER)
    return handover_document(records, handovers, photos, chosen[-1].id, portrait=portrait)


def summary_document(records: Records, person_id: str) -> Document:
    from fieldapp.records.screenings import Screenings
    from fieldapp.reports.summary import render_summary

    screenings = Screenings(records)
    live = [s for s in screenings.for_person(person_id) if s.status != "withdrawn"]
    if not live:
        raise ValidationError(NOT_SCREENED)
    person = records.person(person_id)
    result = screenings.explanation(live[-1].id)
    pdf = render_summary({**records.person_fields(person_id)}, result, screening_id=live[-1].id)
    return Document(pdf, "summary", person.temp_id, f"{person.temp_id}-summary.pdf", persons=(person_id,))


def manifest_document(
    records: Records,
    handovers: Handovers,
    photos: Photos,
    operation_id: str,
    *,
    by_body: bool,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> Document:
    """Everyone in an operation (one list, or one per receiving body), with consented thumbnails."""
    from fieldapp.records.links import links_by_person
    from fieldapp.reports.labels import link_words
    from fieldapp.reports.manifest import ManifestRow, render_manifest

    operation = records.operation(operation_id)
    persons = records.persons(operation_id=operation_id, limit=1_000_000)
    links = links_by_person(records.conn)
    rows = []
    for done, p in enumerate(persons):
        stop_if_asked(should_cancel, NO_PDF_WRITTEN)
        if progress is not None:
            progress(done, len(persons), p.temp_id)
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
                *destination(final[-1] if final else None),
                thumbnail=consented_thumbnail(photos, p.id),
                links="; ".join(
                    link_words({"temp_id": f.other_temp_id, "relation": f.relation, "role": f.role})
                    for f in links.get(p.id, [])
                ),
            )
        )
    pdf = render_manifest(
        operation.name, rows, by_body=by_body, progress=progress, should_cancel=should_cancel
    )
    kind = "manifest_by_body" if by_body else "manifest"
    suffix = "by-body" if by_body else "manifest"
    return Document(
        pdf, kind, operation.name, f"{operation.code}-{suffix}.pdf", persons=tuple(p.id for p in persons)
    )


def forms_document(
    records: Records,
    handovers: Handovers,
    photos: Photos,
    operation_id: str,
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> Document:
    """Every final handover form of an operation (three copies each) in one PDF, with portraits."""
    from fieldapp.reports.data import form_data
    from fieldapp.reports.manifest import render_forms

    operation = records.operation(operation_id)
    persons = records.persons(operation_id=operation_id, limit=1_000_000)
    forms = []
    shown: list[str] = []
    for done, p in enumerate(persons):
        stop_if_asked(should_cancel, NO_PDF_WRITTEN)
        if progress is not None:
            progress(done, len(persons), p.temp_id)
        final = [h for h in handovers.for_person(p.id) if h.status == "final"]
        if final:
            portrait = consented_portrait(photos, p.id)
            forms.append(form_data(final[-1], records.session, portrait[1] if portrait else None, handovers))
            shown.append(p.id)
    if not forms:
        raise FieldAppError(NO_FINAL_FORMS)
    pdf = render_forms(forms, progress=progress, should_cancel=should_cancel)
    return Document(
        pdf, "forms", operation.name, f"{operation.code}-handover-forms.pdf", persons=tuple(shown)
    )


def wristbands_document(
    records: Records,
    operation_id: str,
    *,
    stock: str,
    reserve: int = 0,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> Document:
    """Wristband labels: for a block of ``reserve`` ids reserved now (printed ahead of a raid, for the
    paper fallback), or else for everyone registered in the operation."""
    from fieldapp.reports.wristbands import render_wristbands

    operation = records.operation(operation_id)
    persons: tuple[str, ...] = ()  # bands reserved ahead name nobody yet
    if reserve:
        temp_ids = records.reserve_temp_ids(operation_id, reserve).ids()
    else:
        registered = records.persons(operation_id=operation_id, limit=1_000_000)
        temp_ids, persons = [p.temp_id for p in registered], tuple(p.id for p in registered)
    if not temp_ids:
        raise ValidationError(NO_ONE_REGISTERED)
    pdf = render_wristbands(temp_ids, stock, progress=progress, should_cancel=should_cancel)
    return Document(
        pdf, "wristbands", operation.name, f"{operation.code}-wristbands-{temp_ids[0]}.pdf", persons=persons
    )


def reconciliation_document(
    records: Records,
    operation_id: str,
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> Document:
    """The "nobody lost" reconciliation of an operation: everyone not handed over, last seen where and when."""
    from fieldapp.records.stations import headcount
    from fieldapp.reports.reconciliation import render_reconciliation

    operation = records.operation(operation_id)
    board = headcount(records.conn, operation_id)
    pdf = render_reconciliation(operation.name, board, progress=progress, should_cancel=should_cancel)
    return Document(
        pdf,
        "reconciliation",
        operation.name,
        f"{operation.code}-nobody-lost.pdf",
        persons=tuple(p.person_id for p in board.not_handed_over),
    )


def notification_document(
    records: Records,
    nationality: str,
    *,
    operation_id: str | None = None,
    record: bool = False,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> Document:
    """The list for one nationality's mission: those who consented, not protected, not notified yet. With
    ``record``, each person on it is recorded as notified once the PDF is made (a team lead)."""
    from fieldapp.records.consular import NOBODY_TO_NOTIFY, notification_list, record_notifications
    from fieldapp.reports.consular import render_notification_list

    listing = notification_list(records, nationality, operation_id)
    if not listing.persons:
        raise ValidationError(NOBODY_TO_NOTIFY)
    scope = records.operation(operation_id).name if operation_id else "all operations"
    pdf = render_notification_list(listing, scope, progress=progress, should_cancel=should_cancel)
    if record:
        record_notifications(records, listing)
    return Document(
        pdf,
        "notification",
        listing.mission.name_en,
        f"notification-{nationality}.pdf",
        persons=tuple(p.id for p in listing.persons),
    )
