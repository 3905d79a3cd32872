"""Loading HQ's enrolment file on a laptop (`fieldapp enrol FILE`).

The format is deliberately small for now: who HQ is, HQ's recovery/bundle recipient (age X25519)
and HQ's Ed25519 verification key, its address and TLS pin. The sync issue extends it (signed,
with indicator sets); unknown fields are kept so a newer file still loads.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from fieldapp.errors import EnrolmentError
from fieldapp.vault.session import Session

FORMAT = "fieldapp-enrolment"
_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
_ED25519_HEX = re.compile(r"[0-9a-f]{64}")


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
        for key in ("hq_id", "hq_name", "recipient", "verify_key", "url", "tls_pin"):
            if data.get(key):
                session.set_meta(f"hq_{key}" if not key.startswith("hq_") else key, str(data[key]))
        session.log.append(
            "device",
            session.device_id,
            "enrol",
            {k: data[k] for k in ("hq_id", "hq_name", "recipient", "verify_key") if k in data},
        )
    return str(data["hq_name"])
