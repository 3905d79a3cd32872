"""Loading HQ's enrolment file on a laptop (`fieldapp enrol FILE`).

Who HQ is, HQ's recovery/bundle recipient (age X25519) and HQ's Ed25519 verification key, its
address and TLS pin, and (in files from `fieldapp hq enrol`) HQ's current indicator sets, all signed
by HQ. The sets are validated with the same parser as the shipped files and kept in the vault's
``meta`` table (no migration); each unlock offers them to screening (``install_indicator_sets``).
Older files without sets still load; unknown fields are ignored so a newer file still loads.
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
from fieldapp.screening.sets import parse_sets
from fieldapp.vault.hq_sets import SETS_META, install_indicator_sets
from fieldapp.vault.session import Session

__all__ = ["SETS_META", "enrol", "install_indicator_sets", "parse_enrolment"]

MAX_ENROLMENT_BYTES = 32 * 1024 * 1024  # HQ's keys and its indicator sets (a few hundred KiB each)
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
OTHER_HQ = message("enrolment.other_hq", "This laptop is already enrolled with another HQ.")
BAD_SIGNATURE = message(
    "enrolment.bad_signature", "The enrolment file's signature is not valid: it was altered."
)
NOT_JSON = message("enrolment.not_json", "This is not an enrolment file (it is not readable JSON).")
MISSING_FIELD = message("enrolment.missing_field", "The enrolment file has no {key}.")
INVALID_SET = message(
    "enrolment.invalid_set", "An indicator set in the enrolment file is not valid ({reason})"
)

FORMAT = "fieldapp-enrolment"
_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
_ED25519_HEX = re.compile(r"[0-9a-f]{64}")
SIGNATURE_CONTEXT = b"fieldapp-enrolment-v1\0"


def signing_message(data: dict[str, Any]) -> bytes:
    """What HQ's Ed25519 key signs: a context and the SHA-256 of every field but the signature."""
    body = {key: value for key, value in data.items() if key != "signature"}
    return SIGNATURE_CONTEXT + hashlib.sha256(canonical_json(body)).digest()


def _check_signature(data: dict[str, Any]) -> None:
    """A signed file (from `fieldapp hq enrol`) must verify under the HQ key it carries; unsigned v1
    files are still accepted. The key itself is checked by comparing its fingerprint with HQ's."""
    if "signature" not in data:
        return
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(data["verify_key"]))
        key.verify(bytes.fromhex(str(data["signature"])), signing_message(data))
    except (InvalidSignature, ValueError, ValidationError) as exc:
        raise EnrolmentError(BAD_SIGNATURE) from exc


def parse_enrolment(raw: bytes) -> dict[str, Any]:
    try:
        data = bounded.loads(raw, max_bytes=MAX_ENROLMENT_BYTES)
    except ValueError as exc:  # also BadJson: too large, too deep, absurd numbers
        raise EnrolmentError(NOT_JSON) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise EnrolmentError(WRONG_FORMAT)
    if data.get("version") != 1:
        raise EnrolmentError(VERSION_UNSUPPORTED, version=data.get("version"))
    for key in ("hq_id", "hq_name"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise EnrolmentError(MISSING_FIELD, key=key)
    if not isinstance(data.get("recipient"), str) or not _RECIPIENT.fullmatch(data["recipient"]):
        raise EnrolmentError(BAD_RECIPIENT)
    if not isinstance(data.get("verify_key"), str) or not _ED25519_HEX.fullmatch(data["verify_key"]):
        raise EnrolmentError(BAD_VERIFY_KEY)
    _check_signature(data)
    if "signature" not in data:  # sets decide screening outcomes: only HQ's signed word counts
        data.pop("indicator_sets", None)
        data.pop("consulates", None)  # whom to tell about a person: HQ's signed word too
    if "consulates" in data:
        try:
            check_document(data["consulates"])
        except ValueError as exc:
            raise EnrolmentError(BAD_CONSULATES, reason=str(exc)) from exc
    sets = data.get("indicator_sets", [])
    if not isinstance(sets, list):
        raise EnrolmentError(BAD_SETS)
    try:
        parse_sets(sets)
    except ValidationError as exc:
        raise EnrolmentError(INVALID_SET, reason=exc) from exc
    return data


def enrol(session: Session, path: Path) -> str:
    session.require("admin", ENROL)
    data = parse_enrolment(bounded.read_bounded(path, MAX_ENROLMENT_BYTES))
    known = session.meta("hq_id")
    if known and known != data["hq_id"]:
        raise EnrolmentError(OTHER_HQ)
    session.enrol_recovery(data["recipient"], data["hq_id"])
    with session.log.transaction():
        for key in ("hq_id", "hq_name", "recipient", "verify_key", "url", "tls_pin", "enrolment_id"):
            if data.get(key):
                session.set_meta(f"hq_{key}" if not key.startswith("hq_") else key, str(data[key]))
        if data.get("indicator_sets"):  # an enrolment file without sets keeps the ones held before
            session.set_meta(SETS_META, json.dumps(data["indicator_sets"], ensure_ascii=False))
        if data.get("consulates"):
            session.set_meta(HQ_CONSULATES_META, json.dumps(data["consulates"], ensure_ascii=False))
        session.log.append(
            "device",
            session.device_id,
            "enrol",
            {k: data[k] for k in ("hq_id", "hq_name", "recipient", "verify_key") if k in data},
        )
    install_indicator_sets(session.meta(SETS_META))
    return str(data["hq_name"])
