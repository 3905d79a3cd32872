"""``fieldapp report handover|summary|manifest|wristbands|reconciliation|notification ... -o FILE.pdf`` and ``fieldapp verify FILE.pdf|CODE``.

Which PDF of which records (and with which photos) is decided in ``fieldapp.reports.documents``, the
same code the desktop app prints from; this module only finds the target, writes and reports.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Commands,
    Passphrases,
    add_hq_options,
    open_hq,
    unlock,
)
from fieldapp.errors import CANNOT_WRITE, FieldAppError
from fieldapp.vault.session import Session

if TYPE_CHECKING:
    from fieldapp.reports.documents import Document

SAVE_WARNING = (
    "warning: {path} is NOT encrypted and holds personal data: keep it on an encrypted disk "
    "only as long as needed, and delete it once printed."
)


def register(commands: Commands) -> None:
    report = commands.group("report", "PDF handover forms, screening summaries and manifests")
    for name, target, help_text in (
        ("handover", "PERSON", "the handover form (three copies) of a person: id or temporary id"),
        ("summary", "PERSON", "the screening summary of a person: id or temporary id"),
        ("manifest", "OPERATION", "all persons of an operation: id or code"),
        ("wristbands", "OPERATION", "wristband labels (id, check character, QR; no name): id or code"),
        ("reconciliation", "OPERATION", "nobody lost: everyone not handed over, last seen where and when"),
        ("notification", "NATIONALITY", "an embassy's list of its nationals who consented (ISO3, e.g. IDN)"),
    ):
        p = report.command(name, run_report, help_text)
        p.add_argument("target", metavar=target)
        p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
        p.add_argument(
            "--purpose",
            required=True,
            help="why this unencrypted copy is made (recorded, signed, with the persons it holds)",
        )
        if name == "handover":
            p.add_argument("--photo", metavar="FILE.jpg", help="the consented portrait to print")
        if name == "manifest":
            p.add_argument("--by-body", action="store_true", help="one list per receiving body")
            p.add_argument("--forms", action="store_true", help="all final handover forms of the operation")
        if name == "notification":
            p.add_argument("--operation", metavar="OPERATION", help="only this operation (id or code)")
            p.add_argument(
                "--record", action="store_true", help="record everyone listed as notified (team lead)"
            )
        if name == "wristbands":
            p.add_argument("--stock", choices=("a4", "thermal-50x25", "wristband-25"), default="a4")
            p.add_argument(
                "--reserve",
                type=int,
                default=0,
                metavar="N",
                help="reserve N new ids now and print their bands (paper fallback); default: everyone registered",
            )
    v = commands.command(
        "verify", run_verify, "check a printed form's code or an issued PDF against the vault"
    )
    add_hq_options(v)  # at HQ: --hq-dir (and --database) check against the HQ store instead
    v.add_argument("target", metavar="FILE.pdf|CODE")
    v.add_argument("--json", action="store_true")


def _write(path: str, pdf: bytes, note: str = "") -> None:
    """Write the PDF where the user said (and nowhere else), then warn that it is not encrypted."""
    try:
        Path(path).write_bytes(pdf)
    except OSError as exc:
        raise FieldAppError(CANNOT_WRITE, path=path, reason=exc.strerror) from exc
    print(f"Wrote {path} ({len(pdf):,} bytes, SHA-256 {hashlib.sha256(pdf).hexdigest()}).{note}")
    print(SAVE_WARNING.format(path=path), file=sys.stderr)


def make_report(session: Session, args: argparse.Namespace) -> tuple[Document, str]:
    """The PDF the command asks for, and a note for the user."""
    from fieldapp.photos.service import Photos
    from fieldapp.records.handovers import Handovers
    from fieldapp.records.service import Records
    from fieldapp.reports import documents

    records = Records(session)
    handovers, photos = Handovers(records), Photos(records)
    kind = args.report_command
    if kind == "wristbands":
        operation = records.find_operation(args.target)
        document = documents.wristbands_document(
            records, operation.id, stock=args.stock, reserve=args.reserve
        )
        return document, f" Reserved {args.reserve} new ids for these bands." if args.reserve else ""
    if kind == "notification":
        operation_id = records.find_operation(args.operation).id if args.operation else None
        document = documents.notification_document(
            records, args.target.strip().upper(), operation_id=operation_id, record=args.record
        )
        return (
            document,
            " Recorded as notified." if args.record else " Not recorded as notified (--record).",
        )
    if kind == "reconciliation":
        return documents.reconciliation_document(records, records.find_operation(args.target).id), ""
    if kind == "manifest":
        operation = records.find_operation(args.target)
        if args.forms:
            document = documents.forms_document(records, handovers, photos, operation.id)
        else:
            document = documents.manifest_document(
                records, handovers, photos, operation.id, by_body=args.by_body
            )
        return document, ""
    person = records.find_person(args.target)
    if kind == "summary":
        return documents.summary_document(records, person.id), ""
    portrait = documents.portrait_from_file(Path(args.photo)) if args.photo else None
    document = documents.person_handover(records, handovers, photos, person.id, portrait=portrait)
    if document.issued is not None:
        return (
            document,
            f" Issued: {document.issued.record_id} version {document.version}, kept in the vault.",
        )
    return document, " DRAFT: not issued, no verification code."


def run_report(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.records import disclosures

    disclosures.check_purpose("copy", args.purpose)  # before the passphrase is asked
    session = unlock(args, passphrases)
    try:
        document, note = make_report(session, args)
        _write(args.output, document.pdf, note)
        # The file is an unencrypted copy: one signed disclosure event (records.disclosures).
        disclosures.record(
            session, "copy", document.kind, document.persons, purpose=args.purpose, pdf=document.pdf
        )
    finally:
        session.close()
    return EXIT_OK


def run_verify(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.reports.verify import check_target

    if args.hq_dir:  # HQ holds the same handovers, events and issued-document hashes, folded from bundles
        _identity, store = open_hq(args, passphrases)
        conn: Any = store.conn
        close = store.close
    else:
        session = unlock(args, passphrases)
        conn, close = session.conn, session.close
    try:
        result = check_target(conn, args.target)
    finally:
        close()
    if args.json:
        print(
            json.dumps(
                {**result.details, "ok": result.ok, "message": result.lines}, ensure_ascii=False, indent=2
            )
        )
    else:
        print("\n".join(result.lines))
    return EXIT_OK if result.ok else EXIT_PROBLEMS
