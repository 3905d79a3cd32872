"""HQ's keys (`fieldapp hq init DIR`) and the enrolment files HQ issues (`fieldapp hq enrol`).

The HQ folder holds ``hq-keys.json`` and the store ``hq.db``. The key file carries, in clear, who HQ
is and its public keys; and, wrapped like a laptop's key slot (Argon2id(passphrase) → AES-256-GCM,
the associated data binding format, HQ id, public keys and KDF parameters), three secrets:

* the X25519 age identity: bundles are encrypted to it, and laptops' recovery slots are sealed to it;
* the Ed25519 signing seed: receipts and enrolment files are signed with it;
* the 256-bit data key of the SQLCipher store.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from fieldapp.atomic import fsync_dir, write_atomic
from fieldapp.errors import WrongPassphrase
from fieldapp.hq.errors import HqError, HqExists, HqNotFound
from fieldapp.hq.tls import certificate_pin, create_certificate
from fieldapp.records.canonical import canonical_json
from fieldapp.records.ids import uuid7
from fieldapp.screening.sets import shipped_set_files
from fieldapp.sync.keys import fingerprint
from fieldapp.vault import backoff
from fieldapp.vault.enrolment import FORMAT as ENROLMENT_FORMAT
from fieldapp.vault.enrolment import signing_message
from fieldapp.vault.keyslots import KdfParams
from fieldapp.vault.passphrase import check_new_passphrase
from fieldapp.vault.recovery import recovery_authority_public

KEY_FILE = "hq-keys.json"
STORE_FILE = "hq.db"
FORMAT = "fieldapp-hq-keys"
VERSION = 1
_PUBLIC = ("format", "version", "hq_id", "hq_name", "recipient", "verify_key", "url", "tls_pin")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class HqIdentity:
    """An unlocked HQ: public facts plus the secrets (kept out of repr)."""

    folder: Path
    hq_id: str
    hq_name: str
    recipient: str
    verify_key: str
    url: str
    tls_pin: str
    age_identity: Any  # pyrage.x25519.Identity
    signing_key: Ed25519PrivateKey
    store_key: bytes

    def __repr__(self) -> str:
        return f"HqIdentity({self.hq_name!r}, {self.hq_id})"

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.verify_key)

    def sign(self, message: bytes) -> bytes:
        """Sign a message that already starts with its own domain-separation context."""
        return self.signing_key.sign(message)


def _aad(public: dict[str, Any], kdf: KdfParams) -> bytes:
    return canonical_json({**public, "kdf": kdf.to_json()})


def init_hq(folder: Path, name: str, passphrase: str, *, url: str = "", tls_pin: str = "") -> HqIdentity:
    """Make the HQ folder: keys and key file. The store itself is created by ``store.create_store``."""
    check_new_passphrase(passphrase)
    name = name.strip()
    if not name:
        raise HqError("HQ needs a name (e.g. the unit's name), shown to officers when they enrol.")
    if (folder / KEY_FILE).exists():
        raise HqExists(f"{folder} already holds an HQ; use another folder for a new one.")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    age_identity = pyrage.x25519.Identity.generate()
    signing_key = Ed25519PrivateKey.generate()
    store_key = os.urandom(32)
    if not tls_pin:  # HQ's own certificate for `hq serve` (an admin's proxy certificate keeps its pin)
        tls_pin = create_certificate(folder, store_key, name)
    public = {
        "format": FORMAT,
        "version": VERSION,
        "hq_id": uuid7(),
        "hq_name": name,
        "recipient": str(age_identity.to_public()),
        "verify_key": signing_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex(),
        "url": url,
        "tls_pin": tls_pin,
    }
    kdf = KdfParams.new()
    nonce = os.urandom(12)
    plain = canonical_json(
        {"age_identity": str(age_identity), "signing_seed": signing_key.private_bytes_raw().hex(),
         "store_key": store_key.hex()}
    )  # fmt: skip
    ciphertext = AESGCM(kdf.derive(passphrase)).encrypt(nonce, plain, _aad(public, kdf))
    body = {**public, "kdf": kdf.to_json(), "nonce": nonce.hex(), "ciphertext": ciphertext.hex()}
    write_atomic(folder / KEY_FILE, json.dumps(body, indent=1).encode("utf-8"))
    fsync_dir(folder)
    return _identity(folder, public, plain)


def _identity(folder: Path, public: dict[str, Any], plain: bytes) -> HqIdentity:
    secret = json.loads(plain)
    return HqIdentity(
        folder=folder,
        hq_id=str(public["hq_id"]),
        hq_name=str(public["hq_name"]),
        recipient=str(public["recipient"]),
        verify_key=str(public["verify_key"]),
        url=str(public["url"]),
        tls_pin=str(public["tls_pin"]) or certificate_pin(folder) or "",
        age_identity=pyrage.x25519.Identity.from_str(secret["age_identity"]),
        signing_key=Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secret["signing_seed"])),
        store_key=bytes.fromhex(secret["store_key"]),
    )


def unlock_hq(folder: Path, passphrase: str) -> HqIdentity:
    path = folder / KEY_FILE
    try:
        body = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise HqNotFound(f"There is no HQ in {folder}. Create one with `fieldapp hq init`.") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise HqError(f"The HQ key file {path} cannot be read or is damaged.") from exc
    try:
        if body["format"] != FORMAT or body["version"] != VERSION:
            raise HqError(f"{path} is not an HQ key file this program knows.")
        public = {key: body[key] for key in _PUBLIC}
        kdf = KdfParams.from_json(body["kdf"])
        nonce, ciphertext = bytes.fromhex(body["nonce"]), bytes.fromhex(body["ciphertext"])
    except (KeyError, TypeError, ValueError) as exc:
        raise HqError(f"The HQ key file {path} is damaged.") from exc
    backoff.check(folder)  # as on laptops: wrong passphrases back off, remembered across restarts
    try:
        plain = AESGCM(kdf.derive(passphrase)).decrypt(nonce, ciphertext, _aad(public, kdf))
    except InvalidTag:
        backoff.record_failure(folder)
        raise WrongPassphrase("The HQ passphrase is not right (or the key file was altered).") from None
    backoff.reset(folder)
    return _identity(folder, public, plain)


def enrolment_file(identity: HqIdentity, device_name: str) -> tuple[str, bytes]:
    """A signed enrolment file for one laptop: (enrolment id, file bytes)."""
    device_name = device_name.strip()
    if not device_name:
        raise HqError("Name the laptop this enrolment file is for (--device NAME).")
    enrolment_id = secrets.token_hex(16)
    data: dict[str, Any] = {
        "format": ENROLMENT_FORMAT,
        "version": 1,
        "hq_id": identity.hq_id,
        "hq_name": identity.hq_name,
        "recipient": identity.recipient,
        "verify_key": identity.verify_key,
        "url": identity.url,
        "tls_pin": identity.tls_pin,
        "enrolment_id": enrolment_id,
        "device_name": device_name,
        "issued_at": now(),
        "indicator_sets": shipped_set_files(),  # HQ's current sets travel signed with the enrolment
        # The laptop pins it: only HQ's recovery key can sign an officer "created by HQ's recovery".
        "recovery_authority": recovery_authority_public(str(identity.age_identity)),
    }
    data["signature"] = identity.sign(signing_message(data)).hex()
    return enrolment_id, json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8")
