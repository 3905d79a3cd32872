"""Issued PDFs: rendered in memory, stored in the vault with the record version they show, found again.

Issuing is one transaction: the handover is read (it must be final), its form rendered and signed,
the PDF bytes stored in ``issued_document_files`` (inside the encrypted vault, outside the log, like
``photo_keys``) and a signed ``document.issue`` event appended naming the file's SHA-256, size,
record and version, never its bytes (projected into ``issued_documents``, so `fieldapp check`
rebuilds it). ``fieldapp verify FILE.pdf`` asks :meth:`IssuedDocuments.is_issued` whether a file is
byte for byte one the app issued.

This module lives in ``fieldapp.reports`` (not ``records/handovers.py``) because issuing renders, and
the records layer stays Qt-free; Qt is imported only when a PDF is rendered, so the look-ups are
usable without it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldapp.errors import RecordStateError, message
from fieldapp.records.ids import uuid7
from fieldapp.vault.db import Connection

ISSUE_NEEDS_FINAL = message(
    "report.issue_needs_final",
    "Only a handed-over (final) form can be issued; a draft prints with no verification code.",
)

if TYPE_CHECKING:
    from fieldapp.records.handovers import Handovers
    from fieldapp.vault.session import Session

HANDOVER_FORM = "handover_form"
_COLUMNS = "id, sha256, size, record_id, version, kind, created_at, event_id"


@dataclass(frozen=True)
class IssuedDocument:
    id: str
    sha256: str
    size: int
    record_id: str
    version: int
    kind: str
    created_at: str
    event_id: str


@dataclass(frozen=True)
class Issued:
    """A PDF just issued: its record in the vault and the bytes (the same bytes that were stored)."""

    document: IssuedDocument
    pdf: bytes


def _issued_rows(conn: Connection, where: str, args: tuple[object, ...]) -> list[IssuedDocument]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM issued_documents WHERE {where} ORDER BY created_at, id", args
    ).fetchall()
    return [IssuedDocument(r[0], r[1], int(r[2]), r[3], int(r[4]), r[5], r[6], r[7]) for r in rows]


def issued_by_sha256(conn: Connection, sha256: str) -> list[IssuedDocument]:
    """The issued PDFs with this SHA-256 (on a laptop's vault or HQ's store: both hold the table)."""
    return _issued_rows(conn, "sha256 = ?", (sha256.lower(),))


class IssuedDocuments:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.conn = session.conn

    def store(self, record_id: str, version: int, kind: str, pdf: bytes) -> IssuedDocument:
        """Keep ``pdf`` as issued for a record version: the bytes in the vault, a signed event for the hash."""
        sha256 = hashlib.sha256(pdf).hexdigest()
        document_id = uuid7()
        with self.session.log.transaction():
            self.conn.execute(
                "INSERT INTO issued_document_files (document_id, pdf) VALUES (?, ?)", (document_id, pdf)
            )
            self.session.log.append(
                "document",
                document_id,
                "issue",
                {
                    "record_id": record_id,
                    "version": version,
                    "kind": kind,
                    "sha256": sha256,
                    "size": len(pdf),
                },
            )
        return self.get(document_id)

    def issue_handover(self, handovers: Handovers, handover_id: str, portrait: bytes | None = None) -> Issued:
        """Render the final handover form (three copies), store it and record it; one transaction."""
        from fieldapp.reports.data import form_data
        from fieldapp.reports.handover import render_handover

        with self.session.log.transaction():  # nothing can amend the record between render and store
            handover = handovers.get(handover_id)
            if handover.status != "final":
                raise RecordStateError(ISSUE_NEEDS_FINAL)
            pdf = render_handover([form_data(handover, self.session, portrait, handovers)])
            document = self.store(handover.id, handover.version, HANDOVER_FORM, pdf)
        return Issued(document, pdf)

    # --- look-ups ----------------------------------------------------------------------------------

    def _rows(self, where: str, args: tuple[object, ...]) -> list[IssuedDocument]:
        return _issued_rows(self.conn, where, args)

    def get(self, document_id: str) -> IssuedDocument:
        found = self._rows("id = ?", (document_id,))
        if not found:
            raise KeyError(document_id)
        return found[0]

    def for_record(self, record_id: str, version: int | None = None) -> list[IssuedDocument]:
        """Every PDF issued for a record (or one version of it), oldest first."""
        if version is None:
            return self._rows("record_id = ?", (record_id,))
        return self._rows("record_id = ? AND version = ?", (record_id, version))

    def by_sha256(self, sha256: str) -> list[IssuedDocument]:
        return issued_by_sha256(self.conn, sha256)

    def is_issued(self, sha256: str) -> bool:
        """Whether a file with this SHA-256 is one the app issued (the ``Issued`` look-up of verify.py)."""
        return bool(self.by_sha256(sha256))

    def delete_files(self, record_ids: list[str]) -> int:
        """Delete the stored bytes of every PDF issued for these records (a purge: the forms show
        names and portraits); the hash rows and ``document.issue`` events stay. Returns how many.

        Runs in the caller's transaction; ``secure_delete`` zeroes the freed pages."""
        if not record_ids:
            return 0
        marks = ", ".join("?" * len(record_ids))
        cursor = self.conn.execute(
            "DELETE FROM issued_document_files WHERE document_id IN "
            f"(SELECT id FROM issued_documents WHERE record_id IN ({marks}))",
            record_ids,
        )
        return int(cursor.rowcount)

    def pdf(self, document_id: str) -> bytes | None:
        """The stored bytes of an issued PDF (None once they were deleted, e.g. by a purge)."""
        row = self.conn.execute(
            "SELECT pdf FROM issued_document_files WHERE document_id = ?", (document_id,)
        ).fetchone()
        return None if row is None else bytes(row[0])
