"""Loading HQ's enrolment file on a laptop (`fieldapp enrol FILE`): trust on first use, then pinned.

Who HQ is, HQ's bundle recipient and recovery recipient (age X25519), HQ's Ed25519 verification key,
its address and TLS pin, the public key that signs HQ's recoveries, and HQ's current indicator sets,
all signed by HQ. An unsigned file is refused.

The first file's HQ key is trusted only once an admin has compared its fingerprint with the one HQ
gave them (``fingerprint``: EnrolmentNeedsConfirmation says what to compare). From then on the key is
pinned: a later file must be signed by it, unless it carries HQ's rotation statements, each signed by the
key before it, leading from the pinned key to the one that signed the file (``fieldapp.vault.hq_key``).
Every file carries an issue number that only grows: an older file (a replayed one, say, to put back an
address or sets HQ has since replaced) is refused. Indicator-set updates can
also travel alone (format ``fieldapp-indicator-sets``), signed by the pinned key, with the same issue
numbers, and change nothing else; so can HQ's directory of receiving bodies (format
``fieldapp-receiving-bodies``; it also travels in every enrolment file, and a directory older than the
one held, by its own revision, is refused). The sets are validated with the same parser as the shipped
files and kept in the vault's ``meta`` table; each unlock offers them to screening
(``install_indicator_sets``).
Unknown fields are ignored so a newer file still loads.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldapp import bounded
from fieldapp.errors import EnrolmentError, ValidationError, message, term
from fieldapp.records.canonical import canonical_json
from fieldapp.reference.consulates import HQ_CONSULATES_META, check_document
from fieldapp.reference.receiving_bodies import HQ_DIRECTORY_META, check_directory, revision_of
from fieldapp.screening.sets import parse_sets
from fieldapp.vault import hq_key
from fieldapp.vault.hq_key import rotation_message
from fieldapp.vault.hq_sets import SETS_META, install_indicator_sets
from fieldapp.vault.session import Session

__all__ = ["SETS_META", "enrol", "install_indicator_sets", "parse_enrolment", "rotation_message"]

ENROL = term("actions", "enrol this laptop with HQ")
WRONG_FORMAT = message("enrolment.wrong_format", "This is not a fieldapp enrolment file.")
VERSION_UNSUPPORTED = message(
    "enrolment.version_unsupported",
    "Enrolment file version '{version}' is not supported by this program.",
)
BAD_RECIPIENT = message(
    "enrolment.bad_recipient", "The enrolment file's HQ recipient key is missing or malformed."
)
BAD_VERIFY_KEY = message(
    "enrolment.bad_verify_key", "The enrolment file's HQ verification key is missing or malformed."
)
BAD_SETS = message("enrolment.bad_sets", "The enrolment file's indicator sets are malformed.")
BAD_CONSULATES = message(
    "enrolment.bad_consulates", "The enrolment file's list of missions is malformed: {reason}."
)
BAD_DIRECTORY = message(
    "enrolment.bad_directory", "HQ's directory of receiving bodies in this file is malformed: {reason}."
)
OLDER_DIRECTORY = message(
    "enrolment.older_directory",
    "This directory of receiving bodies (revision {revision}) is older than the one this laptop holds "
    "(revision {held}). It was refused: ask HQ for its newest directory.",
)
OTHER_HQ = message("enrolment.other_hq", "This laptop is already enrolled with another HQ.")
BAD_SIGNATURE = message(
    "enrolment.bad_signature", "The enrolment file's signature is not valid: it was altered."
)
NOT_JSON = message("enrolment.not_json", "This is not an enrolment file (it is not readable JSON).")
MISSING_FIELD = message("enrolment.missing_field", "The enrolment file has no {key}.")
INVALID_SET = message(
    "enrolment.invalid_set", "An indicator set in the enrolment file is not valid ({reason})"
)
UNSIGNED = message("enrolment.unsigned", "This enrolment file is not signed by HQ; it was refused.")
TOO_LARGE = message("enrolment.too_large", "This file is too large to be an enrolment file.")
BAD_ISSUE = message("enrolment.bad_issue", "The enrolment file's issue number is malformed.")
IS_FOLDER = message("enrolment.is_folder", "{path} is a folder, not an enrolment file.")
SETS_FIRST = message(
    "enrolment.sets_first", "Load HQ's enrolment file first; indicator sets alone cannot enrol a laptop."
)
FINGERPRINT_DIFFERS = message(
    "enrolment.fingerprint_differs",
    "The fingerprint you typed is not this file's HQ key: do not use this file. Ask HQ.",
)
NOT_PINNED_KEY = message(
    "enrolment.not_pinned_key",
    "This enrolment file is signed by another key than the HQ key this laptop trusts (and no change of key "
    "signed by that one). It was refused: it may be forged. Ask HQ.",
)
OLDER_FILE = message(
    "enrolment.older_file",
    "This file is older than the one this laptop already loaded (issue {issued}; loaded: {held}). It was "
    "refused: ask HQ for its newest file.",
)
EXPIRED = message("enrolment.expired", "This enrolment file has expired; ask HQ for a new one.")
CONFIRM_FINGERPRINT = message(
    "enrolment.confirm_fingerprint",
    "This is the first enrolment file from {hq}. Compare its HQ key fingerprint\n  {fingerprint}\nwith the "
    "one HQ gave you (by phone or on paper, not in the same message as the file). Only if they are the same, "
    "load it again confirming that fingerprint (`fieldapp enrol FILE --fingerprint '...'`).",
)

FORMAT = "fieldapp-enrolment"
SETS_FORMAT = "fieldapp-indicator-sets"
DIRECTORY_FORMAT = "fieldapp-receiving-bodies"  # HQ's directory alone, for a laptop already enrolled
UPDATE_FORMATS = (SETS_FORMAT, DIRECTORY_FORMAT)
ISSUE_META, FILE_HASH_META = "hq_enrolment_issue", "hq_enrolment_hash"
MAX_FILE_BYTES = 32 * 1024 * 1024  # HQ's keys and its indicator sets (a few hundred KiB each)
_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
_ED25519_HEX = re.compile(r"[0-9a-f]{64}")
SIGNATURE_CONTEXT = b"fieldapp-enrolment-v1\0"


def signing_message(data: dict[str, Any]) -> bytes:
    """What HQ's Ed25519 key signs: a context and the SHA-256 of every field but the signature."""
    body = {key: value for key, value in data.items() if key != "signature"}
    return SIGNATURE_CONTEXT + hashlib.sha256(canonical_json(body)).digest()


class EnrolmentNeedsConfirmation(EnrolmentError):
    """The first enrolment: an admin must compare HQ's key fingerprint with the one HQ gave them."""

    code = "enrolment_confirm"

    def __init__(self, hq_name: str, fingerprint: str) -> None:
        self.hq_name, self.fingerprint = hq_name, fingerprint
        super().__init__(CONFIRM_FINGERPRINT, hq=hq_name, fingerprint=fingerprint)


def fingerprint_of(verify_key_hex: str) -> str:
    from fieldapp.sync.keys import fingerprint

    return fingerprint(verify_key_hex)


def same_fingerprint(typed: str, expected: str) -> bool:
    def norm(text: str) -> str:
        return "".join(ch for ch in text.lower() if ch in "0123456789abcdef")

    return norm(typed) == norm(expected)


def _check_signature(data: dict[str, Any]) -> None:
    """Every file must verify under the HQ key it carries (whether that key is HQ's is the pin's question)."""
    if not isinstance(data.get("signature"), str):
        raise EnrolmentError(UNSIGNED)
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(data["verify_key"]))
        key.verify(bytes.fromhex(str(data["signature"])), signing_message(data))
    except (InvalidSignature, ValueError, ValidationError) as exc:
        raise EnrolmentError(BAD_SIGNATURE) from exc


def parse_enrolment(raw: bytes) -> dict[str, Any]:
    if len(raw) > MAX_FILE_BYTES:
        raise EnrolmentError(TOO_LARGE)
    try:
        data = bounded.loads(raw, max_bytes=MAX_FILE_BYTES)
    except ValueError as exc:  # also BadJson: too large, too deep, absurd numbers
        raise EnrolmentError(NOT_JSON) from exc
    if not isinstance(data, dict) or data.get("format") not in (FORMAT, *UPDATE_FORMATS):
        raise EnrolmentError(WRONG_FORMAT)
    if data.get("version") != 1:
        raise EnrolmentError(VERSION_UNSUPPORTED, version=data.get("version"))
    keys = ("hq_id", "hq_name") if data["format"] == FORMAT else ("hq_id",)
    for key in keys:
        if not isinstance(data.get(key), str) or not data[key]:
            raise EnrolmentError(MISSING_FIELD, key=key)
    if data["format"] == FORMAT:
        for key in ("recipient", "recovery_recipient"):
            value = data.get(key)
            if (key == "recipient" or value is not None) and not (
                isinstance(value, str) and _RECIPIENT.fullmatch(value)
            ):
                raise EnrolmentError(BAD_RECIPIENT)
    for key in ("verify_key", "recovery_authority"):
        value = data.get(key)
        if (key == "verify_key" or value is not None) and not (
            isinstance(value, str) and _ED25519_HEX.fullmatch(value)
        ):
            raise EnrolmentError(BAD_VERIFY_KEY)
    issue = data.get("issue_no", 0)
    if type(issue) is not int or issue < 0:
        raise EnrolmentError(BAD_ISSUE)
    _check_signature(data)
    if "consulates" in data:  # whom to tell about a person: HQ's signed word, checked like the sets
        try:
            check_document(data["consulates"])
        except ValueError as exc:
            raise EnrolmentError(BAD_CONSULATES, reason=str(exc)) from exc
    if "receiving_bodies" in data or data["format"] == DIRECTORY_FORMAT:
        try:
            check_directory(data.get("receiving_bodies"))
        except ValueError as exc:
            raise EnrolmentError(BAD_DIRECTORY, reason=str(exc)) from exc
    sets = data.get("indicator_sets", [])
    if not isinstance(sets, list):
        raise EnrolmentError(BAD_SETS)
    try:
        parse_sets(sets)
    except ValidationError as exc:
        raise EnrolmentError(INVALID_SET, reason=exc) from exc
    return data


def preview(path: Path) -> tuple[str, str]:
    """(HQ's name, its key fingerprint) of an enrolment file, checked as far as it can be without a vault."""
    data = parse_enrolment(_read(path))
    return str(data.get("hq_name") or data["hq_id"]), fingerprint_of(data["verify_key"])


def _read(path: Path) -> bytes:
    if path.is_dir():
        raise EnrolmentError(IS_FOLDER, path=path)
    return bounded.read_bounded(path, MAX_FILE_BYTES)


def _check_pin(session: Session, data: dict[str, Any], fingerprint: str | None) -> None:
    """Trust on first use (confirmed by fingerprint), then the pinned key or a rotation signed by it."""
    pinned = session.meta("hq_verify_key")
    known = session.meta("hq_id")
    if known and known != data["hq_id"]:
        raise EnrolmentError(OTHER_HQ)
    if not pinned:
        if data["format"] != FORMAT:
            raise EnrolmentError(SETS_FIRST)
        expected = fingerprint_of(data["verify_key"])
        if fingerprint is None or not same_fingerprint(fingerprint, expected):
            if fingerprint is not None:
                raise EnrolmentError(FINGERPRINT_DIFFERS)
            raise EnrolmentNeedsConfirmation(str(data["hq_name"]), expected)
        return
    if data["verify_key"] == pinned:
        return
    if not hq_key.reaches(str(data["hq_id"]), pinned, str(data["verify_key"]), hq_key.rotations_in(data)):
        raise EnrolmentError(NOT_PINNED_KEY)


def _check_issue(session: Session, data: dict[str, Any], raw: bytes) -> None:
    issued = int(data.get("issue_no", 0))
    held = int(session.meta(ISSUE_META) or -1)
    digest = hashlib.sha256(raw).hexdigest()
    if issued < held or (issued == held and digest != session.meta(FILE_HASH_META)):
        raise EnrolmentError(OLDER_FILE, issued=issued, held=held)
    expires = data.get("expires_at")
    if session.meta("hq_verify_key") is None and isinstance(expires, str) and expires < _now():
        raise EnrolmentError(EXPIRED)


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _keep_directory(session: Session, document: dict[str, Any]) -> None:
    """HQ's directory replaces the one held unless it is older (a newer file may still carry an old one)."""
    held = session.meta(HQ_DIRECTORY_META)
    if held is not None and revision_of(json.loads(held)) > revision_of(document):
        raise EnrolmentError(
            OLDER_DIRECTORY, revision=revision_of(document), held=revision_of(json.loads(held))
        )
    session.set_meta(HQ_DIRECTORY_META, json.dumps(document, ensure_ascii=False))


def enrol(session: Session, path: Path, *, fingerprint: str | None = None) -> str:
    """Load an enrolment file (or an indicator-set update); returns HQ's name. ``fingerprint``: what the
    admin compared, for the first file."""
    session.require("admin", ENROL)
    raw = _read(path)
    data = parse_enrolment(raw)
    _check_pin(session, data, fingerprint)
    _check_issue(session, data, raw)
    pinned = session.meta(hq_key.HQ_KEY_META)
    if data["format"] == FORMAT:
        recipient = data.get("recovery_recipient") or data["recipient"]
        session.enrol_recovery(recipient, data["hq_id"])
    with session.log.transaction():
        if data["format"] == FORMAT:
            for key in ("hq_id", "hq_name", "recipient", "verify_key", "url", "tls_pin", "enrolment_id"):
                if data.get(key):
                    session.set_meta(f"hq_{key}" if not key.startswith("hq_") else key, str(data[key]))
        elif data["verify_key"] != session.meta("hq_verify_key"):
            session.set_meta("hq_verify_key", str(data["verify_key"]))
        if pinned and data["verify_key"] != pinned:  # a rotation signed by the pinned key: said, not silent
            via = {FORMAT: "enrolment file", SETS_FORMAT: "indicator sets"}.get(data["format"], "directory")
            change = hq_key.change_record(pinned, str(data["verify_key"]), via, _now())
            session.set_meta(hq_key.HQ_KEY_CHANGED_META, change)
        session.set_meta(ISSUE_META, str(int(data.get("issue_no", 0))))
        session.set_meta(FILE_HASH_META, hashlib.sha256(raw).hexdigest())
        if data.get("indicator_sets"):  # a file without sets keeps the ones held before
            session.set_meta(SETS_META, json.dumps(data["indicator_sets"], ensure_ascii=False))
        if "receiving_bodies" in data:
            _keep_directory(session, data["receiving_bodies"])
        if data.get("consulates"):
            session.set_meta(HQ_CONSULATES_META, json.dumps(data["consulates"], ensure_ascii=False))
        if data["format"] == FORMAT:
            session.log.append(
                "device",
                session.device_id,
                "enrol",
                {
                    k: data[k]
                    for k in ("hq_id", "hq_name", "recipient", "verify_key", "recovery_authority", "issue_no")
                    if k in data
                },
            )
    install_indicator_sets(session.meta(SETS_META))
    return str(data.get("hq_name") or session.meta("hq_name") or data["hq_id"])
