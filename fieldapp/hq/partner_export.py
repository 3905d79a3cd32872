"""A package for a partner under a data-sharing agreement (a shelter, an embassy): one zip, age-encrypted.

The zip holds ``README.txt`` (what is inside, the filter, the column lists), ``persons.csv``,
``screenings.csv``, ``handovers.csv`` and ``media.csv`` (every media file with its SHA-256 and size), all
UTF-8 with a byte-order mark and CRLF lines so Excel opens Khmer and other scripts correctly; and
``media/<person_id>/``: photos (evidence photos byte-exact; the others as copies without GPS or device
serials, by the one metadata policy in fieldapp/photos/policy.py) and the issued PDFs
(handover forms), named by record: ``photo-<kind>-<photo_id>.<ext>`` and
``<kind>-<record_id>-v<version>-<document>.pdf``.

Who is in it: persons not withdrawn or purged and not merged into another (a merged person's
screenings, handovers and photos are listed under the person they were merged into, with the
``recorded_person_id`` they were recorded under), narrowed by operation, nationality and receiving body
(the type, e.g. ``ngo``, or the name of the body on a final handover). A person whose latest final
handover records that they declined sharing their data (``consent_sharing`` = no) is left out, and
counted. Left out on purpose (data minimisation): phone numbers, officers' free-text notes, the
screening's restricted sections and answers other than the indicators found present; photos without
the person's consent.

The package is encrypted to the partner's age recipient by default (streamed: the zip is written into a
pipe that pyrage reads in a second thread, so no plaintext touches the disk and no more than one media
file is in memory); a plain zip needs ``unencrypted=True``. Either way the file is written to a
temporary name beside the target, fsynced, and renamed (atomic); a failure or a cancel leaves nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import threading
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import pyrage

from fieldapp.atomic import fsync_dir
from fieldapp.errors import StorageFull, message
from fieldapp.hq.accounts import require
from fieldapp.hq.errors import HqError
from fieldapp.hq.identity import HqIdentity
from fieldapp.hq.store import HqStore
from fieldapp.photos.policy import export_copy
from fieldapp.records.consent import ShareKey, may_share
from fieldapp.records.consular import protections
from fieldapp.work import Progress, ShouldCancel, stop_if_asked, tell

NOT_A_RECIPIENT = message(
    "hq.partner_not_a_recipient", "'{start}'… is not an age recipient; the partner's key starts with 'age1'."
)
NOT_A_PARTNER_KIND = message("hq.partner_kind_unknown", "'{partner}' is not a kind of partner: {kinds}.")
ENCRYPTING_FAILED = message("hq.partner_encrypting_failed", "Encrypting the package failed: {reason}")
ENCRYPTING_STOPPED = message(
    "hq.partner_encrypting_stopped", "Encrypting the package stopped early; nothing was written."
)
RECIPIENT_OR_PLAIN = message(
    "hq.partner_recipient_or_plain",
    "Choose one: a partner recipient to encrypt to, or an unencrypted package.",
)
RECIPIENT_NEEDED = message(
    "hq.partner_recipient_needed",
    "A partner package is encrypted to the partner's age key: give it (age1…); a plain zip must be asked for explicitly.",
)
PARTNER_DISK_FULL = message("hq.partner_disk_full", "The disk is full: {name} was not written.")

PERSON_COLUMNS: tuple[str, ...] = (
    "person_id",
    "operation_code",
    "operation_name",
    "temp_id",
    "status",
    "version",
    "name",
    "name_own_script",
    "aliases",
    "sex",
    "age",
    "age_uncertain",
    "dob",
    "nationality",
    "languages",
    "document_type",
    "document_no",
    "document_status",
    "urgent_needs",
    "outcome",
    "handed_over",
    "registered_at",
    "updated_at",
    "merged_records",
    "media_files",
)
SCREENING_COLUMNS: tuple[str, ...] = (
    "screening_id",
    "person_id",
    "recorded_person_id",
    "status",
    "version",
    "outcome",
    "indicator_set",
    "indicators_present",
    "interview_completed",
    "screened_at",
    "updated_at",
)
HANDOVER_COLUMNS: tuple[str, ...] = (
    "handover_id",
    "person_id",
    "recorded_person_id",
    "status",
    "version",
    "date_time",
    "place",
    "transferring_agency",
    "transferring_officer",
    "receiving_type",
    "receiving_country",
    "receiving_name",
    "receiving_officer",
    "consent_referral",
    "consent_sharing",
    "items",
    "urgent_needs",
    "health_notes",
    "safety_notes",
)
MEDIA_COLUMNS: tuple[str, ...] = (
    "path",
    "person_id",
    "kind",
    "record_id",
    "version",
    "sha256",
    "size",
    "original_sha256",
)
COLUMN_NOTES = {
    "persons.csv": "one row per person; merged_records lists the ids of records merged into this one "
    "(';'-separated); aliases and languages are ';'-separated; age_uncertain and handed_over are yes/no",
    "screenings.csv": "one row per screening; outcome is the screening result (never a verdict); "
    "indicators_present lists indicator ids (';'-separated) of the indicator_set",
    "handovers.csv": "one row per handover; items are 'quantity x description (kind)', ';'-separated; "
    "consents are yes/no/empty (not recorded)",
    "media.csv": "one row per file under media/, with its SHA-256 to check it arrived intact "
    "(original_sha256: the original HQ holds; a photo not marked as evidence leaves without GPS or serials)",
}


EXPORT_CANCELLED = message(
    "hq.partner_export_cancelled", "The partner export was cancelled; no file was written."
)


class PartnerExportError(HqError):
    code = "partner_export"


# Who the partner is decides which consent governs the package (a shelter's needs share_ngo_iom).
PARTNER_KINDS: dict[str, ShareKey] = {
    "ngo_iom": "share_ngo_iom",
    "embassy": "share_embassy",
    "mosvy": "share_mosvy",
    "police": "share_police",
}


@dataclass(frozen=True)
class PartnerFilter:
    operation_id: str | None = None
    nationality: str | None = None  # ISO 3166 alpha-3
    receiving: str | None = None  # a receiving body: its type (mosvy, ngo, embassy …) or its name
    partner: str = "ngo_iom"  # a key of PARTNER_KINDS: whose consent the package needs

    def describe(self) -> str:
        parts = [f"{k.replace('_id', '')} {v}" for k, v in self.__dict__.items() if v and k != "partner"]
        return f"for {self.partner}: " + ("; ".join(parts) or "everyone")


@dataclass(frozen=True)
class PartnerExportResult:
    path: Path
    encrypted: bool
    persons: int
    screenings: int
    handovers: int
    media: int
    withheld_no_consent: int  # persons who declined sharing their data
    missing_media: int  # files HQ does not hold (not synced yet, or purged)
    person_ids: tuple[str, ...] = ()  # every record of every person in the package


@dataclass
class _Person:
    row: dict[str, str]
    records: list[str] = field(default_factory=list)  # its own id and the ids merged into it


@dataclass(frozen=True)
class _Media:
    path: str
    person_id: str
    kind: str
    record_id: str
    version: int
    sha256: str  # the original's, as HQ holds it
    evidence: bool | None = None  # photos only: evidence photos leave byte-exact, others stripped


def _yes_no(value: Any) -> str:
    return "" if value is None else "yes" if value else "no"


def _joined(values: Any) -> str:
    return ";".join(str(v) for v in values or [])


def parse_recipient(text: str) -> pyrage.x25519.Recipient:
    try:
        return pyrage.x25519.Recipient.from_str(text.strip())
    except Exception as exc:  # pyrage raises RecipientError or ValueError depending on the fault
        raise PartnerExportError(NOT_A_RECIPIENT, start=text.strip()[:20]) from exc


class _Selection:
    """Who and what goes into the package, read from the HQ store (no media bytes yet)."""

    def __init__(self, store: HqStore, where: PartnerFilter) -> None:
        conn = self.conn = store.conn
        operations = {
            str(r[0]): (str(r[1]), str(r[2])) for r in conn.execute("SELECT id, code, name FROM operations")
        }
        merged = {  # person_b -> person_a
            str(b): str(a)
            for b, a in conn.execute("SELECT person_b, person_a FROM hq_links WHERE status = 'active'")
        }
        clauses, params = ["status NOT IN ('withdrawn', 'purged')"], []
        if where.operation_id:
            clauses.append("operation_id = ?")
            params.append(where.operation_id)
        if where.nationality:
            clauses.append("nationality = ?")
            params.append(where.nationality.strip().upper())
        self.persons: dict[str, _Person] = {}
        for pid, op_id, temp_id, status, version, data, outcome, handed, created, updated in conn.execute(
            "SELECT id, operation_id, temp_id, status, version, data, outcome, handed_over, created_at, "
            f"updated_at FROM persons WHERE {' AND '.join(clauses)} ORDER BY created_at, id",
            params,
        ):
            if str(pid) in merged:
                continue
            fields = json.loads(data)
            code, name = operations.get(str(op_id), ("", ""))
            row = {
                "person_id": str(pid),
                "operation_code": code,
                "operation_name": name,
                "temp_id": str(temp_id),
                "status": str(status),
                "version": str(version),
                "outcome": str(outcome or ""),
                "handed_over": _yes_no(bool(handed)),
                "registered_at": str(created),
                "updated_at": str(updated),
                "aliases": _joined(fields.get("aliases")),
                "languages": _joined(fields.get("languages")),
                "age_uncertain": _yes_no(fields.get("age_uncertain")),
            }
            for column in (
                "name",
                "name_own_script",
                "sex",
                "age",
                "dob",
                "nationality",
                "document_type",
                "document_no",
                "document_status",
                "urgent_needs",
            ):
                value = fields.get(column)
                row[column] = "" if value is None else str(value)
            self.persons[str(pid)] = _Person(row, [str(pid)])
        # Records merged into a selected person travel with it.
        self.owner: dict[str, str] = {pid: pid for pid in self.persons}
        for b, a in merged.items():
            while a in merged and a != merged[a]:  # a chain of merges ends at the record that is kept
                a = merged[a]
            if a in self.persons:
                self.owner[b] = a
                self.persons[a].records.append(b)
        for person in self.persons.values():
            person.row["merged_records"] = ";".join(person.records[1:])
        self.handovers = self._records(conn, "handovers", ("id", "person_id", "status", "version", "data"))
        self.screenings = self._records(
            conn,
            "screenings",
            ("id", "person_id", "status", "version", "outcome", "data", "created_at", "updated_at"),
        )
        self.withheld = self._narrow(where)

    def _records(self, conn: Any, table: str, columns: tuple[str, ...]) -> list[dict[str, Any]]:
        found = []
        for r in conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE status NOT IN ('withdrawn', 'purged') "
            "ORDER BY created_at, id"
        ):
            row = dict(zip(columns, r, strict=True))
            if str(row["person_id"]) in self.owner:
                row["data"] = json.loads(row["data"])
                found.append(row)
        return found

    def _narrow(self, where: PartnerFilter) -> int:
        """Apply the receiving-body filter and the consent that governs this partner (a "no" anywhere, or
        never asked, leaves the person out: a withdrawal recorded later is respected); returns how many
        were left out for want of consent."""
        if where.partner not in PARTNER_KINDS:
            raise PartnerExportError(
                NOT_A_PARTNER_KIND, partner=where.partner, kinds=", ".join(PARTNER_KINDS)
            )
        consent_key = PARTNER_KINDS[where.partner]
        # A "do not notify" flag keeps a person out of anything for an embassy, whatever they consented.
        protected = set(protections(self.conn)) if where.partner == "embassy" else set()
        screened: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for s in self.screenings:
            screened[self.owner[str(s["person_id"])]].append(s["data"])
        finals: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for h in self.handovers:
            if h["status"] == "final":
                finals[self.owner[str(h["person_id"])]].append(h["data"])
        wanted = (where.receiving or "").strip().casefold()
        refused = 0
        for pid in list(self.persons):
            handovers = finals.get(pid, [])
            if wanted and not any(
                wanted
                in (
                    str(d.get("receiving_type") or "").casefold(),
                    str(d.get("receiving_name") or "").casefold(),
                )
                for d in handovers
            ):
                self._drop(pid)
            elif (
                (handovers and handovers[-1].get("consent_sharing") is False)
                or not may_share(consent_key, screened.get(pid, []), handovers)
                or protected & set(self.persons[pid].records)
            ):
                refused += 1
                self._drop(pid)
        self.handovers = [h for h in self.handovers if str(h["person_id"]) in self.owner]
        self.screenings = [s for s in self.screenings if str(s["person_id"]) in self.owner]
        return refused

    def _drop(self, pid: str) -> None:
        for record in self.persons.pop(pid).records:
            self.owner.pop(record, None)

    def media(self, conn: Any) -> list[_Media]:
        found = []
        for photo_id, person_id, data in conn.execute(
            "SELECT id, person_id, data FROM photos WHERE status NOT IN ('withdrawn', 'purged') ORDER BY created_at, id"
        ):
            owner = self.owner.get(str(person_id))
            fields = json.loads(data)
            if owner is None or not fields.get("consent") or not fields.get("sha256"):
                continue
            kind = str(fields.get("kind") or "photo")
            found.append(
                _Media(
                    f"media/{owner}/photo-{kind}-{photo_id}",
                    owner,
                    f"photo:{kind}",
                    str(photo_id),
                    1,
                    str(fields["sha256"]),
                    fields.get("evidence") is True,
                )
            )
        records = {str(h["id"]): self.owner[str(h["person_id"])] for h in self.handovers}
        records.update({str(s["id"]): self.owner[str(s["person_id"])] for s in self.screenings})
        for doc_id, sha, record_id, version, kind in conn.execute(
            "SELECT id, sha256, record_id, version, kind FROM issued_documents ORDER BY created_at, id"
        ):
            owner = records.get(str(record_id))
            if owner is not None:
                name = f"media/{owner}/{kind}-{record_id}-v{version}-{str(doc_id)[-6:]}.pdf"
                found.append(_Media(name, owner, str(kind), str(record_id), int(version), str(sha)))
        return found


def _extension(data: bytes) -> str:
    for magic, ext in ((b"\xff\xd8\xff", ".jpg"), (b"\x89PNG", ".png"), (b"%PDF", ".pdf")):
        if data.startswith(magic):
            return ext
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return ".tif"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return ".heic"
    return ".bin"


def _csv_entry(
    zf: zipfile.ZipFile, name: str, columns: Iterable[str], rows: Iterable[Mapping[str, str]]
) -> int:
    count = 0
    with zf.open(name, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text:
        writer = csv.DictWriter(text, fieldnames=list(columns), lineterminator="\r\n", extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _screening_row(s: dict[str, Any], owner: str) -> dict[str, str]:
    data = s["data"]
    answers = (data.get("indicators") or {}).get("answers") or {}
    present = [
        k for k, v in answers.items() if (v.get("answer") if isinstance(v, Mapping) else v) == "present"
    ]
    return {
        "screening_id": str(s["id"]),
        "person_id": owner,
        "recorded_person_id": str(s["person_id"]),
        "status": str(s["status"]),
        "version": str(s["version"]),
        "outcome": str(s["outcome"] or ""),
        "indicator_set": str((data.get("pins") or {}).get("set_id") or ""),
        "indicators_present": ";".join(sorted(present)),
        "interview_completed": _yes_no((data.get("interview") or {}).get("completed")),
        "screened_at": str(s["created_at"]),
        "updated_at": str(s["updated_at"]),
    }


def _handover_row(h: dict[str, Any], owner: str) -> dict[str, str]:
    d = h["data"]
    items = [
        f"{i.get('quantity', 1)} x {i.get('description', '')}" + (f" ({i['kind']})" if i.get("kind") else "")
        for i in d.get("items") or []
    ]
    row = {
        "handover_id": str(h["id"]),
        "person_id": owner,
        "recorded_person_id": str(h["person_id"]),
        "status": str(h["status"]),
        "version": str(h["version"]),
        "items": "; ".join(items),
        "consent_referral": _yes_no(d.get("consent_referral")),
        "consent_sharing": _yes_no(d.get("consent_sharing")),
    }
    for column in HANDOVER_COLUMNS:
        row.setdefault(column, str(d.get(column) or ""))
    return row


def _readme(where: PartnerFilter, counts: Mapping[str, int], encrypted: bool) -> str:
    lines = [
        "fieldapp partner export",
        f"Generated: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"Filter: {where.describe()}",
        "Counts: " + ", ".join(f"{k} {v}" for k, v in counts.items()),
        f"Encrypted to the partner's age key: {'yes' if encrypted else 'NO (plain zip)'}",
        "",
        "This package holds personal data shared under a data-sharing agreement. Keep it encrypted; share",
        "it with no one the agreement does not name; delete it when the agreement says so.",
        "CSV files: UTF-8 with a byte-order mark, comma-separated, CRLF lines.",
        "",
    ]
    for name, columns in (
        ("persons.csv", PERSON_COLUMNS),
        ("screenings.csv", SCREENING_COLUMNS),
        ("handovers.csv", HANDOVER_COLUMNS),
        ("media.csv", MEDIA_COLUMNS),
    ):
        lines += [f"{name}: {COLUMN_NOTES[name]}", "  columns: " + ", ".join(columns), ""]
    return "\r\n".join(lines)


def _write_zip(
    sink: IO[bytes],
    store: HqStore,
    sel: _Selection,
    where: PartnerFilter,
    *,
    media: bool,
    encrypted: bool,
    progress: Progress | None,
    should_cancel: ShouldCancel | None,
) -> tuple[int, int, int, int, int]:
    files = sel.media(store.conn) if media else []
    total, done = 4 + len(files), 0

    def step() -> None:
        nonlocal done
        stop_if_asked(should_cancel, EXPORT_CANCELLED)
        tell(progress, done, total)
        done += 1

    written: list[dict[str, str]] = []
    missing = 0
    by_person: dict[str, int] = defaultdict(int)
    stamp = datetime.now(UTC).timetuple()[:6]
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        for item in files:
            step()
            data = store.file_bytes(item.sha256)
            if data is None or hashlib.sha256(data).hexdigest() != item.sha256:
                missing += 1
                continue
            if item.evidence is not None:  # GPS and device serials leave only with evidence photos
                data = export_copy(data, evidence=item.evidence)
            path = item.path if item.path.endswith(".pdf") else item.path + _extension(data)
            info = zipfile.ZipInfo(path, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED  # JPEG and PDF do not compress further
            info.external_attr = 0o600 << 16
            with zf.open(info, "w", force_zip64=len(data) > 2**31) as out:
                out.write(data)
            sha256 = hashlib.sha256(data).hexdigest()
            del data
            by_person[item.person_id] += 1
            written.append(
                {
                    "path": path,
                    "person_id": item.person_id,
                    "kind": item.kind,
                    "record_id": item.record_id,
                    "version": str(item.version),
                    "sha256": sha256,
                    "size": str(zf.getinfo(path).file_size),
                    "original_sha256": item.sha256,
                }
            )
        for person in sel.persons.values():
            person.row["media_files"] = str(by_person.get(person.row["person_id"], 0))
        step()
        n_persons = _csv_entry(zf, "persons.csv", PERSON_COLUMNS, (p.row for p in sel.persons.values()))
        step()
        n_screenings = _csv_entry(
            zf,
            "screenings.csv",
            SCREENING_COLUMNS,
            (_screening_row(s, sel.owner[str(s["person_id"])]) for s in sel.screenings),
        )
        step()
        n_handovers = _csv_entry(
            zf,
            "handovers.csv",
            HANDOVER_COLUMNS,
            (_handover_row(h, sel.owner[str(h["person_id"])]) for h in sel.handovers),
        )
        _csv_entry(zf, "media.csv", MEDIA_COLUMNS, written)
        step()
        counts = {
            "persons": n_persons,
            "screenings": n_screenings,
            "handovers": n_handovers,
            "media files": len(written),
            "missing media": missing,
        }
        zf.writestr("README.txt", _readme(where, counts, encrypted).encode("utf-8-sig"))
    tell(progress, total, total)
    return n_persons, n_screenings, n_handovers, len(written), missing


def _encrypting(
    tmp: IO[bytes], recipient: pyrage.x25519.Recipient, produce: Callable[[IO[bytes]], Any]
) -> Any:
    """Run ``produce(sink)`` in this thread while pyrage encrypts what it writes into ``tmp`` in another."""
    read_fd, write_fd = os.pipe()
    failure: list[BaseException] = []

    def encrypt() -> None:
        try:
            with os.fdopen(read_fd, "rb") as source:  # closing it makes the producer's next write fail
                pyrage.encrypt_io(source, tmp, [recipient])
        except BaseException as exc:
            failure.append(exc)

    worker = threading.Thread(target=encrypt, name="partner-export-age", daemon=True)
    worker.start()
    result: Any = None
    try:
        with os.fdopen(write_fd, "wb") as sink:
            result = produce(sink)
    except BrokenPipeError:
        pass  # the encrypting side stopped: its own failure is raised below
    finally:
        worker.join()
    if failure:
        raise PartnerExportError(ENCRYPTING_FAILED, reason=failure[0]) from failure[0]
    if result is None:
        raise PartnerExportError(ENCRYPTING_STOPPED)
    return result


def partner_export(
    store: HqStore,
    path: Path,
    *,
    where: PartnerFilter = PartnerFilter(),
    recipient: str | None = None,
    unencrypted: bool = False,
    media: bool = True,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> PartnerExportResult:
    """Write the partner package to ``path`` (atomically); see the module doc for what goes in. The
    signed-in account's role must allow exports."""
    require(store.signed_in, "export")
    if recipient and unencrypted:
        raise PartnerExportError(RECIPIENT_OR_PLAIN)
    if not recipient and not unencrypted:
        raise PartnerExportError(RECIPIENT_NEEDED)
    key = parse_recipient(recipient) if recipient else None
    selection = _Selection(store, where)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:

            def produce(sink: IO[bytes]) -> tuple[int, int, int, int, int]:
                return _write_zip(
                    sink,
                    store,
                    selection,
                    where,
                    media=media,
                    encrypted=key is not None,
                    progress=progress,
                    should_cancel=should_cancel,
                )

            counts = produce(out) if key is None else _encrypting(out, key, produce)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno in (28, 122):  # ENOSPC, EDQUOT
            raise StorageFull(PARTNER_DISK_FULL, name=path.name) from exc
        raise
    persons, screenings, handovers, files, missing = counts
    ids = tuple(sorted(pid for person in selection.persons.values() for pid in person.records))
    return PartnerExportResult(
        path, key is not None, persons, screenings, handovers, files, selection.withheld, missing, ids
    )


def disclose_partner_package(
    store: HqStore,
    identity: HqIdentity,
    actor: str,
    path: Path,
    *,
    purpose: str,
    where: PartnerFilter = PartnerFilter(),
    recipient: str | None = None,
    unencrypted: bool = False,
    media: bool = True,
) -> PartnerExportResult:
    """The partner package as HQ hands it out: written by :func:`partner_export`, then recorded in HQ's
    disclosure log with every person in it and the stated purpose (checked before anything is written)."""
    from fieldapp.hq import disclosures
    from fieldapp.records.disclosures import check_purpose

    check_purpose("export", purpose)
    result = partner_export(
        store, path, where=where, recipient=recipient, unencrypted=unencrypted, media=media
    )
    what = "partner_package" if result.encrypted else "partner_package_unencrypted"
    disclosures.record(store, identity, actor, "export", what, result.person_ids, purpose)
    return result
