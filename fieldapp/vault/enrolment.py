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

from fieldapp.errors import EnrolmentError, ValidationError
from fieldapp.records.canonical import canonical_json
from fieldapp.screening.sets import install_vault_sets, parse_sets
from fieldapp.vault.session import Session

FORMAT = "fieldapp-enrolment"
_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
_ED25519_HEX = re.compile(r"[0-9a-f]{64}")
SIGNATURE_CONTEXT = b"fieldapp-enrolment-v1\0"
SETS_META = "hq_indicator_sets"  # meta key: JSON list of HQ's raw set files


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
    if "signature" not in data:  # sets decide screening outcomes: only HQ's signed word counts
        data.pop("indicator_sets", None)
    sets = data.get("indicator_sets", [])
    if not isinstance(sets, list):
        raise EnrolmentError("The enrolment file's indicator sets are malformed.")
    try:
        parse_sets(sets)
    except ValidationError as exc:
        raise EnrolmentError(f"An indicator set in the enrolment file is not valid: {exc}") from exc
    return data


def install_indicator_sets(stored: str | None) -> str | None:
    """Offer the sets kept in the vault to screening; called at every unlock. Returns a warning if
    they no longer validate (the shipped sets are then used alone) instead of refusing to unlock."""
    try:
        install_vault_sets(parse_sets(json.loads(stored)) if stored else {})
    except (ValueError, TypeError, ValidationError) as exc:
        install_vault_sets({})
        return f"HQ's indicator sets kept in this vault are not usable ({exc}); the shipped sets are used."
    return None


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
        if data.get("indicator_sets"):  # an enrolment file without sets keeps the ones held before
            session.set_meta(SETS_META, json.dumps(data["indicator_sets"], ensure_ascii=False))
        session.log.append(
            "device",
            session.device_id,
            "enrol",
            {
                k: data[k]
                for k in ("hq_id", "hq_name", "recipient", "verify_key", "recovery_authority")
                if k in data
            },
        )
    install_indicator_sets(session.meta(SETS_META))
    return str(data["hq_name"])
