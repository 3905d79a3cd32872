"""The photo service the UI and the CLI call: attach, re-classify, purge, and read back.

Every change is one event in the log (``photo.create`` / ``photo.update`` / ``photo.purge``), each
carrying the photo's kind, consent and SHA-256. The per-photo key goes into ``photo_keys`` in the
same transaction as the create event, and never into an event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from fieldapp.errors import RecordStateError, ValidationError, message, term
from fieldapp.photos import store
from fieldapp.photos.errors import PhotoDamaged, PhotoRejected
from fieldapp.photos.ingest import PhotoMeta, evidence_facts, ingest, sha256
from fieldapp.records.ids import uuid7
from fieldapp.records.service import MIN_REASON, Records, record_word

PURGE_PHOTO = term("actions", "purge a photo")
UNKNOWN_KIND = message("photo.unknown_kind", "Unknown photo type '{kind}'; choose one of: {kinds}.")
PERSON_WITHDRAWN = message(
    "photo.person_withdrawn", "This person's record was withdrawn; photos cannot be added to it."
)
ALREADY_ATTACHED = message("photo.already_attached", "This photo is already attached to this person.")
CANNOT_RECLASSIFY = message(
    "photo.cannot_reclassify", "This photo is {status}; it can no longer be re-classified."
)
PURGE_NEEDS_REASON = message(
    "photo.purge_needs_reason", "Purging a photo needs a reason (a few words at least)."
)
UNKNOWN_ID = message("photo.unknown_id", "There is no photo with id {photo_id}.")
PURGED = message("photo.purged", "This photo was purged.")
HASH_MISMATCH = message(
    "photo.hash_mismatch",
    "The stored photo does not match the hash recorded when it was taken; it may have been altered.",
)

Kind = Literal["portrait", "injury", "document", "scene"]
KINDS: tuple[str, ...] = ("portrait", "injury", "document", "scene")


@dataclass(frozen=True)
class PhotoRow:
    id: str
    person_id: str
    status: str
    version: int
    data: dict[str, Any]

    @property
    def kind(self) -> str | None:
        return self.data.get("kind")

    @property
    def consent(self) -> bool:
        return bool(self.data.get("consent"))

    @property
    def evidence(self) -> bool:
        return bool(self.data.get("evidence"))

    @property
    def sha256(self) -> str:
        return str(self.data["sha256"])

    @property
    def gps(self) -> dict[str, str] | None:
        return self.data.get("gps")


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError(UNKNOWN_KIND, kind=kind, kinds=", ".join(KINDS))


class Photos:
    def __init__(self, records: Records) -> None:
        self.records = records
        self.session = records.session
        self.conn = records.conn
        self.store = store.PhotoStore(self.session.data_dir)

    # --- writing -----------------------------------------------------------------------------

    def _check_person(self, person_id: str) -> None:
        status = self.records.person(person_id).status  # raises ValidationError if unknown
        if status == "withdrawn":
            raise RecordStateError(PERSON_WITHDRAWN)

    def check_duplicate(self, person_id: str, digest: str) -> None:
        row = self.conn.execute(
            "SELECT id FROM photos WHERE person_id = ? AND status != 'purged' "
            "AND json_extract(data, '$.sha256') = ?",
            (person_id, digest),
        ).fetchone()
        if row is not None:
            raise PhotoRejected(ALREADY_ATTACHED)

    def attached(self, digests: list[str]) -> dict[str, str]:
        """SHA-256 of an original -> the person it is attached to, for those already in the vault."""
        found: dict[str, str] = {}
        for start in range(0, len(digests), 500):
            chunk = digests[start : start + 500]
            rows = self.conn.execute(
                "SELECT json_extract(data, '$.sha256'), person_id FROM photos WHERE status != 'purged' "
                f"AND json_extract(data, '$.sha256') IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            found.update((str(digest), str(person)) for digest, person in rows)
        return found

    def attach(
        self,
        person_id: str,
        data: bytes | Path,
        *,
        kind: Kind,
        consent: bool,
        evidence: bool = False,
    ) -> PhotoRow:
        """Hash, decode, encrypt, record: one ``photo.create`` event, or nothing at all."""
        _check_kind(kind)
        self._check_person(person_id)
        photo = ingest(data, evidence=evidence)
        self.check_duplicate(person_id, photo.meta.sha256)
        sealed = self.store.seal(photo)
        return self.commit(person_id, photo.meta, sealed, kind=kind, consent=consent, evidence=evidence)

    def commit(
        self,
        person_id: str,
        meta: PhotoMeta,
        sealed: store.Sealed,
        *,
        kind: str,
        consent: bool,
        evidence: bool,
    ) -> PhotoRow:
        """Record a photo already written to the store; on any failure its file is removed."""
        try:
            _check_kind(kind)
            fields = {
                "person_id": person_id,
                "kind": kind,
                "consent": bool(consent),
                "evidence": bool(evidence),
                **meta.fields(),
            }
            if not evidence:  # belt and braces: location and serials are recorded for evidence only
                fields.pop("gps", None)
                fields.pop("camera_serial", None)
            photo_id = uuid7()
            with self.session.log.transaction():
                self.session.log.append("photo", photo_id, "create", {"fields": fields})
                store.save_key(self.conn, photo_id, sealed)
        except BaseException:
            self.store.remove(sealed.file)
            raise
        return self.photo(photo_id)

    def reclassify(
        self,
        photo_id: str,
        *,
        kind: Kind | None = None,
        consent: bool | None = None,
        evidence: bool | None = None,
    ) -> PhotoRow:
        """Change type, consent or evidence marking (``photo.update``).

        Marking a photo as evidence reads its location and serials again from the original;
        unmarking it drops them from the record from then on.
        """
        row = self._live(photo_id)
        if row.status != "draft":
            raise RecordStateError(CANNOT_RECLASSIFY, status=record_word(row.status))
        fields: dict[str, Any] = {
            "kind": row.kind if kind is None else kind,
            "consent": row.consent if consent is None else bool(consent),
            "evidence": row.evidence if evidence is None else bool(evidence),
            "sha256": row.sha256,
        }
        _check_kind(fields["kind"])
        if fields["evidence"] and not row.evidence:
            facts = evidence_facts(self.original(photo_id))
            fields["gps"], fields["camera_serial"] = facts.gps, facts.camera_serial
        elif not fields["evidence"] and row.evidence:
            fields["gps"], fields["camera_serial"] = None, None
        self.session.log.append("photo", photo_id, "update", {"fields": fields})
        return self.photo(photo_id)

    def purge(self, photo_id: str, reason: str) -> None:
        """Crypto-shred: the key row goes in the same transaction as ``photo.purge``; then the file.

        What stays is the event history and the hash (proof the photo existed), never the pixels.
        """
        self.session.require("team_lead", PURGE_PHOTO)
        reason = reason.strip()
        if len(reason) < MIN_REASON:
            raise ValidationError(PURGE_NEEDS_REASON)
        if self.conn.in_transaction:  # the file is removed after the commit: that must be ours
            raise RuntimeError("purge runs in its own transaction")
        row = self._live(photo_id)
        file = self.conn.execute("SELECT file FROM photo_keys WHERE photo_id = ?", (photo_id,)).fetchone()
        with self.session.log.transaction():
            self.session.log.append(
                "photo",
                photo_id,
                "purge",
                {
                    "reason": reason,
                    "person_id": row.person_id,
                    "sha256": row.sha256,
                    "kind": row.kind,
                    "consent": row.consent,
                },
            )
            store.delete_key(self.conn, photo_id)
        # Move the deleted (already zeroed) key pages out of the WAL into the database file, so no
        # older copy of the row stays reachable through the log file either.
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if file is not None:
            self.store.remove(str(file[0]))

    def sweep_orphans(self, *, min_age: float = 600.0) -> list[str]:
        """Remove encrypted files no key refers to (left by a crash mid-import)."""
        return self.store.sweep(store.known_files(self.conn), min_age=min_age)

    # --- reading -----------------------------------------------------------------------------

    def photo(self, photo_id: str) -> PhotoRow:
        row = self.conn.execute(
            "SELECT id, person_id, status, version, data FROM photos WHERE id = ?", (photo_id,)
        ).fetchone()
        if row is None:
            raise ValidationError(UNKNOWN_ID, photo_id=photo_id)
        return PhotoRow(row[0], row[1], row[2], int(row[3]), json.loads(row[4]))

    def _live(self, photo_id: str) -> PhotoRow:
        row = self.photo(photo_id)
        if row.status == "purged":
            raise RecordStateError(PURGED)
        return row

    def for_person(self, person_id: str, *, include_purged: bool = False) -> list[PhotoRow]:
        rows = self.conn.execute(
            "SELECT id, person_id, status, version, data FROM photos WHERE person_id = ? "
            "AND (? OR status != 'purged') ORDER BY created_at, id",
            (person_id, int(include_purged)),
        )
        return [PhotoRow(r[0], r[1], r[2], int(r[3]), json.loads(r[4])) for r in rows]

    def original(self, photo_id: str) -> bytes:
        """The original bytes, decrypted and checked against the hash taken at capture."""
        row = self.photo(photo_id)
        file, key, _ = store.load_key(self.conn, photo_id)
        data = self.store.original(file, key)
        if sha256(data) != row.sha256:
            raise PhotoDamaged(HASH_MISMATCH)
        return data

    def view(self, photo_id: str) -> bytes:
        file, key, _ = store.load_key(self.conn, photo_id)
        return self.store.view(file, key)

    def thumbnail(self, photo_id: str) -> bytes:
        _, key, thumb = store.load_key(self.conn, photo_id)
        return store.open_stream(key, store.THUMB, thumb)

    def portraits(self, person_ids: list[str]) -> dict[str, bytes]:
        """Each person's newest live portrait thumbnail, for a page of a list, in one query."""
        if not person_ids:
            return {}
        marks = ", ".join("?" * len(person_ids))
        rows = self.conn.execute(
            "SELECT p.person_id, k.key, k.thumb FROM photos p JOIN photo_keys k ON k.photo_id = p.id "
            f"WHERE p.person_id IN ({marks}) AND p.status != 'purged' "
            "AND json_extract(p.data, '$.kind') = 'portrait' ORDER BY p.created_at, p.id",
            person_ids,
        )
        newest = {str(r[0]): (bytes(r[1]), bytes(r[2])) for r in rows}  # later rows win
        return {pid: store.open_stream(key, store.THUMB, thumb) for pid, (key, thumb) in newest.items()}

    def thumbnails(self, person_id: str) -> dict[str, bytes]:
        """Every live photo's thumbnail for one person, in one query (for lists and forms)."""
        rows = self.conn.execute(
            "SELECT k.photo_id, k.key, k.thumb FROM photo_keys k JOIN photos p ON p.id = k.photo_id "
            "WHERE p.person_id = ? ORDER BY p.created_at, p.id",
            (person_id,),
        )
        return {str(r[0]): store.open_stream(bytes(r[1]), store.THUMB, bytes(r[2])) for r in rows}
