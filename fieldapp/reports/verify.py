"""Verifying an issued PDF file or a code typed from paper.

A PDF names its verification payloads in its XMP metadata (written uncompressed by QPdfWriter), so
they are read back with no QR decoder and no PDF library. The file itself is checked byte for byte:
its SHA-256 must be one the app recorded when it issued the PDF (``issued`` lookup), so a PDF edited
after the fact fails even when the payload inside it is genuine.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.errors import Said, message
from fieldapp.reports.qr import (
    ParseError,
    Verdict,
    Verification,
    Versions,
    parse,
    parse_short,
    verify_payload,
    verify_short,
)

if TYPE_CHECKING:
    from fieldapp.vault.db import Connection

_XMP = re.compile(rb"<fieldapp:payloads><rdf:Seq>(.*?)</rdf:Seq></fieldapp:payloads>", re.S)
_ITEM = re.compile(rb"<rdf:li>(.*?)</rdf:li>", re.S)

FILE_NOT_ISSUED = message(
    "verify.file_not_issued",
    "FAILED: this file is not one the app issued: it was changed after it was made (or made elsewhere). Do "
    "not rely on it, whatever verification code it carries.",
)
FILE_ISSUED = message("verify.file_issued", "The file is byte for byte one this app issued.")
FILE_UNCHECKED = message(
    "verify.file_unchecked",
    "The file's own hash could not be checked: no store of issued PDFs is available here.",
)
FILE_NO_CODE = message("verify.file_no_code", "The file carries no fieldapp verification code.")
FILE_CODE_INVALID = message(
    "verify.file_code_invalid", "FORGED: the code in the file is not valid ({reason})."
)

# SHA-256 of a PDF file → True (issued by the app), False (known not to be), None (no store to ask).
Issued = Callable[[str], bool | None]


@dataclass(frozen=True)
class FileVerification:
    sha256: str
    issued: bool | None
    records: list[Verification] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.issued is True
            and bool(self.records)
            and all(r.verdict is Verdict.MATCHES for r in self.records)
        )

    def lines(self) -> list[Said]:
        """One verdict: a file the app did not issue fails whatever codes it carries (they may be copied)."""
        if self.issued is False:
            return [Said(FILE_NOT_ISSUED)]
        head = Said(FILE_ISSUED if self.issued is True else FILE_UNCHECKED)
        if not self.records:
            return [head, Said(FILE_NO_CODE)]
        return [head, *(line for r in self.records for line in r.lines())]


def payloads_in(pdf: bytes) -> list[str]:
    """The verification payloads a fieldapp PDF names in its metadata (empty if none)."""
    found: list[str] = []
    for block in _XMP.findall(pdf):
        for item in _ITEM.findall(block):
            text = html.unescape(item.decode("utf-8", "replace")).strip()
            if text not in found:
                found.append(text)
    return found


def verify_pdf(pdf: bytes, versions: Versions, issued: Issued) -> FileVerification:
    digest = hashlib.sha256(pdf).hexdigest()
    results: list[Verification] = []
    for text in payloads_in(pdf):
        try:
            results.append(verify_payload(parse(text), versions))
        except ParseError as exc:
            results.append(Verification(Verdict.FORGED, Said(FILE_CODE_INVALID, reason=exc.said)))
    return FileVerification(digest, issued(digest), results)


def verify_code(code: str, versions: Versions, find_ids: Callable[[str], Sequence[str]]) -> Verification:
    """A full QR payload (scanned) or a short code typed from paper."""
    text = code.strip()
    try:
        if text.upper().startswith(("HV1:", "HV2:")):
            return verify_payload(parse(text), versions)
        return verify_short(parse_short(text), find_ids, versions)
    except ParseError as exc:
        return Verification(Verdict.UNKNOWN, exc.said)


@dataclass(frozen=True)
class TargetCheck:
    """The verdict on what an officer or analyst gave to check: a PDF file or a typed code."""

    lines: list[Said]  # English as they are (the command line); the app translates them (ui.errors.said_text)
    ok: bool
    details: dict[str, Any]


MAX_PDF_BYTES = 200 * 1024 * 1024


def _is_file(target: str) -> bool:
    try:
        return Path(target).suffix.lower() == ".pdf" or Path(target).is_file()
    except (OSError, ValueError):  # a name too long for the file system, or with a NUL: a code, then
        return False


def check_target(conn: Connection, target: str) -> TargetCheck:
    """Check a PDF file (by path) or a code typed from paper against a laptop's vault or HQ's store (both
    hold the handovers, their signed events and the hashes of issued PDFs)."""
    return check_pdf_file(conn, Path(target)) if _is_file(target) else check_code(conn, target)


def _versions(conn: Connection) -> Versions:
    from fieldapp.records.handovers import handover_versions

    return lambda handover_id: handover_versions(conn, handover_id)


def check_pdf_file(conn: Connection, path: Path) -> TargetCheck:
    """An issued PDF: its own hash against the issued documents, and every code it carries."""
    from fieldapp.bounded import read_bounded
    from fieldapp.reports.issued import issued_by_sha256

    data = read_bounded(path, MAX_PDF_BYTES)
    result = verify_pdf(data, _versions(conn), lambda sha: bool(issued_by_sha256(conn, sha)))
    shows = [
        {"record_id": d.record_id, "version": d.version, "kind": d.kind, "issued_at": d.created_at}
        for d in issued_by_sha256(conn, result.sha256)
    ]
    details: dict[str, Any] = {
        "sha256": result.sha256,
        "issued": result.issued,
        "issued_as": shows,
        "records": [r.verdict.value for r in result.records],
    }
    return TargetCheck(result.lines(), result.ok, details)


def check_code(conn: Connection, code: str) -> TargetCheck:
    """A code scanned or typed from paper, with what the record holds to compare with the paper."""
    from fieldapp.records.handovers import handover_ids_ending

    check = verify_code(code, _versions(conn), lambda tail: handover_ids_ending(conn, tail))
    details = {
        "verdict": check.verdict.value,
        "record_id": check.record_id,
        "version": check.version,
        "latest_version": check.latest_version,
        "compare": {str(label): str(value) for label, value in check.facts},
    }
    return TargetCheck(check.lines(), check.verdict is Verdict.MATCHES, details)
