"""``fieldapp report handover|summary|manifest ... -o FILE.pdf`` and ``fieldapp verify FILE.pdf|CODE``."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.cli_options import add_unlock_options
from fieldapp.errors import CANNOT_READ, CANNOT_WRITE, FieldAppError, ValidationError, message

UNKNOWN_PERSON = message("report.unknown_person", "No person has the id or temporary id {target}.")
NO_HANDOVER = message("report.no_handover", "This person has no handover yet: draft one first.")
UNKNOWN_OPERATION = message("report.unknown_operation", "No operation has the id or code {target}.")
NOT_SCREENED = message("report.not_screened", "This person has not been screened.")

if TYPE_CHECKING:
    from fieldapp.records.handovers import Handovers
    from fieldapp.records.service import Records
    from fieldapp.reports.qr import Signer
    from fieldapp.vault.session import Session

EXIT_OK, EXIT_PROBLEMS = 0, 1
SAVE_WARNING = ("warning: {path} is NOT encrypted and holds personal data: keep it on an encrypted disk "
                "only as long as needed, and delete it once printed.")  # fmt: skip


def register(subparsers: Any) -> None:
    report = subparsers.add_parser("report", help="PDF handover forms, screening summaries and manifests")
    sub = report.add_subparsers(dest="report_command", metavar="KIND")
    sub.required = True
    for name, target, help_text in (
        ("handover", "PERSON", "the handover form (three copies) of a person: id or temporary id"),
        ("summary", "PERSON", "the screening summary of a person: id or temporary id"),
        ("manifest", "OPERATION", "all persons of an operation: id or code"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("target", metavar=target)
        p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
        add_unlock_options(p)
        if name == "handover":
            p.add_argument("--photo", metavar="FILE.jpg", help="the consented portrait to print")
        if name == "manifest":
            p.add_argument("--by-body", action="store_true", help="one list per receiving body")
            p.add_argument("--forms", action="store_true", help="all handover forms of the operation instead")
        p.set_defaults(handler=run_report)
    v = subparsers.add_parser("verify", help="check a printed form's code or an issued PDF against the vault")
    v.add_argument("target", metavar="FILE.pdf|CODE")
    v.add_argument("--json", action="store_true")
    v.add_argument(
        "--hq-dir", metavar="DIR", help="at HQ: check against the HQ store instead of a laptop vault"
    )
    v.add_argument("--database", metavar="URL", help="with --hq-dir: the HQ store in PostgreSQL")
    add_unlock_options(v)
    v.set_defaults(handler=run_verify)


def signer_for(session: Session) -> Signer:
    return session


def find_person(records: Records, target: str) -> str:
    row = records.conn.execute(
        "SELECT id FROM persons WHERE id = ? OR temp_id = ? COLLATE NOCASE", (target, target)
    ).fetchone()
    if row is None:
        raise ValidationError(UNKNOWN_PERSON, target=target)
    return str(row[0])


def _write(path: str, pdf: bytes, note: str = "") -> None:
    """Write the PDF where the user said (and nowhere else), then warn that it is not encrypted."""
    try:
        Path(path).write_bytes(pdf)
    except OSError as exc:
        raise FieldAppError(CANNOT_WRITE, path=path, reason=exc.strerror) from exc
    print(f"Wrote {path} ({len(pdf):,} bytes, SHA-256 {hashlib.sha256(pdf).hexdigest()}).{note}")
    print(SAVE_WARNING.format(path=path), file=sys.stderr)


def _handover_forms(
    records: Records, handovers: Handovers, person_ids: list[str], photo: bytes | None
) -> list[Any]:
    from fieldapp.reports.data import form_data

    signer = signer_for(records.session)
    forms = []
    for person_id in person_ids:
        items = handovers.for_person(person_id)
        final = [h for h in items if h.status == "final"]
        candidates = final or [h for h in items if h.status == "draft"]
        if candidates:
            forms.append(form_data(candidates[-1], signer, photo, handovers))
    return forms


def _handover(records: Records, handovers: Handovers, args: argparse.Namespace) -> tuple[bytes, str]:
    """The person's handover form: a final one is issued (stored in the vault with its version)."""
    from fieldapp.reports.handover import render_handover
    from fieldapp.reports.issued import IssuedDocuments

    photo_path = getattr(args, "photo", None)
    try:
        photo = Path(photo_path).read_bytes() if photo_path else None
    except OSError as exc:
        raise FieldAppError(CANNOT_READ, path=photo_path, reason=exc.strerror) from exc
    person_id = find_person(records, args.target)
    items = handovers.for_person(person_id)
    final = [h for h in items if h.status == "final"]
    if final:
        issued = IssuedDocuments(records.session).issue_handover(handovers, final[-1].id, photo)
        doc = issued.document
        return issued.pdf, f" Issued: {doc.record_id} version {doc.version}, kept in the vault."
    forms = _handover_forms(records, handovers, [person_id], photo)
    if not forms:
        raise ValidationError(NO_HANDOVER)
    return render_handover(forms), " DRAFT: not issued, no verification code."


def report(session: Session, args: argparse.Namespace) -> tuple[bytes, str]:
    from fieldapp.records.handovers import Handovers
    from fieldapp.records.screenings import Screenings
    from fieldapp.records.service import Records

    records = Records(session)
    handovers = Handovers(records)
    if args.report_command == "handover":
        return _handover(records, handovers, args)
    if args.report_command == "summary":
        from fieldapp.reports.summary import render_summary

        person_id = find_person(records, args.target)
        screenings = [s for s in Screenings(records).for_person(person_id) if s.status != "withdrawn"]
        if not screenings:
            raise ValidationError(NOT_SCREENED)
        fields = {**records.person_fields(person_id)}
        result = Screenings(records).explanation(screenings[-1].id)
        return render_summary(fields, result, screening_id=screenings[-1].id), ""
    return _manifest(records, handovers, args), ""


def _manifest(records: Records, handovers: Handovers, args: argparse.Namespace) -> bytes:
    from fieldapp.records.handovers import RECEIVING_LABELS
    from fieldapp.reports.manifest import ManifestRow, render_forms, render_manifest

    row = records.conn.execute(
        "SELECT id, name FROM operations WHERE id = ? OR code = ? COLLATE NOCASE", (args.target, args.target)
    ).fetchone()
    if row is None:
        raise ValidationError(UNKNOWN_OPERATION, target=args.target)
    persons = records.persons(operation_id=row[0], limit=1_000_000)
    if args.forms:
        return render_forms(_handover_forms(records, handovers, [p.id for p in persons], None))
    rows = []
    for p in persons:
        final = [h for h in handovers.for_person(p.id) if h.status == "final"]
        dest = ""
        if final:
            d = final[-1].data
            dest = " ".join(x for x in (RECEIVING_LABELS.get(d.get("receiving_type", ""), ("",))[0],
                                        d.get("receiving_country", ""), d.get("receiving_name", "")) if x)  # fmt: skip
        rows.append(ManifestRow(p.temp_id, p.name, p.name_own, p.nationality, p.sex, p.age, p.outcome, dest))
    return render_manifest(str(row[1]), rows, by_body=args.by_body)


def run_report(args: argparse.Namespace, passphrases: Any) -> int:
    from fieldapp.cli import _unlock

    session = _unlock(args, passphrases)
    try:
        pdf, note = report(session, args)
    finally:
        session.close()
    _write(args.output, pdf, note)
    return EXIT_OK


def run_verify(args: argparse.Namespace, passphrases: Any) -> int:
    from fieldapp.cli import _unlock
    from fieldapp.records.handovers import Handovers
    from fieldapp.records.service import Records
    from fieldapp.reports.issued import IssuedDocuments
    from fieldapp.reports.verify import verify_code, verify_pdf

    if getattr(args, "hq_dir", None):
        # HQ holds the same projections, events and issued-document hashes, folded from the bundles.
        from types import SimpleNamespace

        from fieldapp.hq.command import _open as open_hq

        _identity, store = open_hq(args, passphrases)
        session: Any = SimpleNamespace(conn=store.conn, close=store.close)
    else:
        session = _unlock(args, passphrases)
    try:
        handovers = Handovers(Records(session))
        path = Path(args.target)
        if path.suffix.lower() == ".pdf" or path.is_file():
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise FieldAppError(CANNOT_READ, path=path, reason=exc.strerror) from exc
            issued = IssuedDocuments(session)
            result = verify_pdf(data, handovers.versions, issued.is_issued)
            lines, ok = result.lines(), result.ok
            shows = [{"record_id": d.record_id, "version": d.version, "kind": d.kind, "issued_at": d.created_at}
                     for d in issued.by_sha256(result.sha256)]  # fmt: skip
            out: dict[str, Any] = {"sha256": result.sha256, "issued": result.issued, "issued_as": shows,
                                   "records": [r.verdict.value for r in result.records]}  # fmt: skip
        else:
            check = verify_code(args.target, handovers.versions, handovers.find_ids)
            lines, ok = check.lines(), check.verdict.value == "matches"
            out = {"verdict": check.verdict.value, "record_id": check.record_id, "version": check.version,
                   "latest_version": check.latest_version, "compare": dict(check.facts)}  # fmt: skip
    finally:
        session.close()
    if args.json:
        print(json.dumps({**out, "ok": ok, "message": lines}, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines))
    return EXIT_OK if ok else EXIT_PROBLEMS
