"""Loading HQ's enrolment file on a laptop (`fieldapp enrol FILE`).

The format is deliberately small for now: who HQ is, HQ's recovery/bundle recipient (age X25519)
and HQ's Ed25519 verification key, its address and TLS pin. The sync issue extends it (signed,
with indicator sets); unknown fields are kept so a newer file still loads.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldapp.errors import EnrolmentError, ValidationError
from fieldapp.records.canonical import canonical_json
from fieldapp.vault.session import Session

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
        raise EnrolmentError("The enrolment file's signature is not valid: it was altered.") from exc


def parse_enrolment(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise EnrolmentError("This is not an enrolment file (it is not readable JSON).") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise EnrolmentError("This is not a fieldapp enrolment file.")
    if data.get("version") != 1:
        raise EnrolmentError(
            f"Enrolment file version {data.get('version')!r} is not supported by this program."
        )
    for key in ("hq_id", "hq_name"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise EnrolmentError(f"The enrolment file has no {key}.")
    if not isinstance(data.get("recipient"), str) or not _RECIPIENT.fullmatch(data["recipient"]):
        raise EnrolmentError("The enrolment file's HQ recipient key is missing or malformed.")
    if not isinstance(data.get("verify_key"), str) or not _ED25519_HEX.fullmatch(data["verify_key"]):
        raise EnrolmentError("The enrolment file's HQ verification key is missing or malformed.")
    _check_signature(data)
    return data


def enrol(session: Session, path: Path) -> str:
    session.require("admin", "enrol this laptop with HQ")
    try:
        data = parse_enrolment(path.read_bytes())
    except OSError as exc:
        raise EnrolmentError(f"Cannot read {path}: {exc.strerror}.") from exc
    known = session.meta("hq_id")
    if known and known != data["hq_id"]:
        raise EnrolmentError("This laptop is already enrolled with another HQ.")
    session.enrol_recovery(data["recipient"], data["hq_id"])
    with session.log.transaction():
        for key in ("hq_id", "hq_name", "recipient", "verify_key", "url", "tls_pin", "enrolment_id"):
            if data.get(key):
                session.set_meta(f"hq_{key}" if not key.startswith("hq_") else key, str(data[key]))
        session.log.append(
            "device",
            session.device_id,
            "enrol",
            {k: data[k] for k in ("hq_id", "hq_name", "recipient", "verify_key") if k in data},
        )
    return str(data["hq_name"])
