"""HQ's keys (`fieldapp hq init DIR`) and the enrolment files HQ issues (`fieldapp hq enrol`).

The HQ folder holds ``hq-keys.json`` and the store ``hq.db``. The key file (version 3) carries, in clear,
who HQ is, its public keys and its accounts (fieldapp.hq.accounts: each account's slot opens, with its own
passphrase, the key-file key); and, under the key-file key (AES-256-GCM, the associated data binding every
public field and the roster), HQ's secrets, one per purpose:

* the bundle key (X25519 age identity): laptops' bundles are encrypted to it;
* the recovery key (another age identity): laptops' recovery slots are sealed to it, and an Ed25519 key
  derived from it signs the officer HQ's recovery creates. It belongs offline: `fieldapp hq recovery-key
  export` writes it to a file (a stick kept in a safe) and removes it from the key file, so neither the
  network-facing `hq serve` nor a copy of the HQ folder holds it;
* the Ed25519 signing seed: enrolment files, indicator-set files and HQ's decisions are signed with it.
  `fieldapp hq signing-key rotate` replaces it with a statement signed by the old key naming the new one;
  the statements are kept in the key file (``key_rotations``), travel with everything HQ signs from then
  on (laptops walk them from the key they pinned), and let `hq check` verify decisions the older keys
  signed;
* the receipt key, derived by HKDF from the root key and the signing key's public half, signs receipts,
  with a certificate from the signing key for that purpose alone: `hq serve` holds it and drops the
  signing key, so a compromised web server can sign receipts but neither enrolment files nor decisions;
* a 256-bit root key from which HKDF derives the key that seals file blobs in PostgreSQL (the TLS key's
  password is an HMAC under it), and from which the SQLCipher store key was first derived; the store key
  is kept in the secrets since version 3, as disabling an account replaces it (fieldapp.hq.account_admin).

Key files of version 2 (and 1) were wrapped under one shared passphrase (Argon2id → AES-256-GCM); they
are migrated when first unlocked: the passphrase becomes the first admin's (``_migrate``).

Key files of version 1 (before 0.2) used one age identity as bundle and recovery key and the root key
itself for SQLCipher and sealing; they keep working (``key_scheme`` "legacy"), and `hq recovery-key
export` gives them a recovery key of their own (laptops reseal their recovery slot to it when they load
their next enrolment file).
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from fieldapp.atomic import fsync_dir, write_atomic
from fieldapp.errors import WrongPassphrase, message
from fieldapp.hq import accounts
from fieldapp.hq.accounts import Account, SignedIn, require
from fieldapp.hq.errors import AccountDisabled, HqError, HqExists, HqNotFound, UnknownAccount
from fieldapp.hq.tls import certificate_pin, create_certificate
from fieldapp.records.canonical import canonical_json
from fieldapp.records.ids import uuid7
from fieldapp.reference.consulates import bundled_document, check_document
from fieldapp.reference.receiving_bodies import bundled_directory
from fieldapp.screening.sets import shipped_set_files
from fieldapp.sync.keys import fingerprint
from fieldapp.vault import backoff
from fieldapp.vault.enrolment import DIRECTORY_FORMAT, SETS_FORMAT, signing_message
from fieldapp.vault.enrolment import FORMAT as ENROLMENT_FORMAT
from fieldapp.vault.hq_key import receipt_key_message, rotation_message
from fieldapp.vault.kdf import KdfParams
from fieldapp.vault.passphrase import check_new_passphrase
from fieldapp.vault.recovery import recovery_authority_public

KEY_FILE_ALTERED = message(
    "hq.key_file_altered", "The HQ key file {path} was altered: its accounts or keys do not match."
)
WHICH_ACCOUNT = message("hq.which_account", "Say which HQ account signs in (--account NAME): {names}.")
NO_SUCH_ACCOUNT = message("hq.no_account", "HQ has no account named '{name}'.")
ACCOUNT_WAS_DISABLED = message(
    "hq.account_was_disabled", "The HQ account '{name}' was disabled; ask an HQ admin."
)
NO_SIGNING_KEY = message(
    "hq.no_signing_key", "This HQ process does not hold HQ's signing key (it only answers laptops)."
)
NO_RECEIPT_KEY = message("hq.no_receipt_key", "This HQ process holds no receipt key.")
HQ_NEEDS_NAME = message(
    "hq.needs_name", "HQ needs a name (e.g. the unit's name), shown to officers when they enrol."
)
HQ_EXISTS = message("hq.exists", "{folder} already holds an HQ; use another folder for a new one.")
NO_HQ = message("hq.not_found", "There is no HQ in {folder}. Create one with `fieldapp hq init`.")
KEY_FILE_UNREADABLE = message(
    "hq.key_file_unreadable", "The HQ key file {path} cannot be read or is damaged."
)
KEY_FILE_UNKNOWN = message("hq.key_file_unknown", "{path} is not an HQ key file this program knows.")
KEY_FILE_DAMAGED = message("hq.key_file_damaged", "The HQ key file {path} is damaged ({reason}).")
WRONG_HQ_PASSPHRASE = message(
    "hq.wrong_passphrase", "The HQ passphrase is not right (or the key file was altered)."
)
BAD_MISSIONS_FILE = message(
    "hq.bad_missions_file", "{path} is not a missions file this program can ship: {reason}"
)
RECOVERY_ALREADY_EXPORTED = message(
    "hq.recovery_already_exported",
    "HQ's recovery key was already exported from this key file; it is kept offline.",
)
RECOVERY_TARGET_EXISTS = message(
    "hq.recovery_target_exists", "{path} already exists; choose a new file for the recovery key."
)
RECOVERY_NOT_READ_BACK = message(
    "hq.recovery_not_read_back",
    "The recovery key could not be read back from {path}; the key file was not changed.",
)
EXPORT_RECOVERY_FIRST = message(
    "hq.export_recovery_first",
    "Export HQ's recovery key first (`fieldapp hq recovery-key export`): it updates the key file.",
)
ENROLMENT_NEEDS_DEVICE = message(
    "hq.enrolment_needs_device", "Name the laptop this enrolment file is for (--device NAME)."
)
ENROLMENT_VALIDITY = message("hq.enrolment_validity", "An enrolment file is valid for 1 to 365 days.")

KEY_FILE = "hq-keys.json"
STORE_FILE = "hq.db"
FORMAT = "fieldapp-hq-keys"
VERSION = 3  # 3: named accounts; 2 and 1 (one shared passphrase) are migrated when first unlocked
FIRST_ACCOUNT = "admin"  # the first account's name unless another is given (init, migration)
_PUBLIC_V1 = ("format", "version", "hq_id", "hq_name", "recipient", "verify_key", "url", "tls_pin")
_PUBLIC = (*_PUBLIC_V1, "recovery_recipient", "recovery_authority", "key_scheme")
# key_rotations: once HQ rotated its signing key; the rest: version 3 keeps a version 1 file's absence.
_PUBLIC_OPTIONAL = ("key_rotations", "recovery_recipient", "recovery_authority", "key_scheme")
_SQLCIPHER_INFO, _SEAL_INFO = b"fieldapp-hq-sqlcipher-v1", b"fieldapp-hq-blob-seal-v1"
_RECEIPT_INFO = b"fieldapp-hq-receipt-key-v1"


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
    age_identity: Any  # pyrage.x25519.Identity: the bundle key
    signing_key: Ed25519PrivateKey | None  # None in `hq serve`, which signs receipts only
    store_key: bytes  # the SQLCipher store's key
    recovery_recipient: str = ""
    recovery_authority: str = ""  # hex Ed25519: signs HQ's recoveries (derived from the recovery key)
    recovery_identity: Any = None  # pyrage.x25519.Identity, or None once exported (kept offline)
    seal_key: bytes = b""  # seals PostgreSQL blobs
    root_key: bytes = b""  # the TLS key's password is an HMAC under it
    key_rotations: tuple[dict[str, str], ...] = ()  # HQ's rotation statements, oldest first
    receipt_key: Ed25519PrivateKey | None = None
    receipt_certificate: str = ""  # the signing key's signature over the receipt key, for receipts only
    accounts: tuple[Account, ...] = ()  # HQ's roster (public facts), disabled accounts included
    signed_in: SignedIn | None = None  # the account that unlocked HQ
    # The SQLCipher key before a re-seal that may not have reached the store yet (fieldapp.hq.store).
    previous_store_key: bytes = b""
    key_file_key: bytes = field(default=b"", repr=False)  # re-reads the roster (``current_accounts``)

    def __repr__(self) -> str:
        return f"HqIdentity({self.hq_name!r}, {self.hq_id})"

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.verify_key)

    @property
    def verify_keys(self) -> tuple[str, ...]:
        """Every signing key HQ has had, oldest first (the last is the current one)."""
        return (*(r["old_key"] for r in self.key_rotations), self.verify_key)

    def sign(self, message: bytes) -> bytes:
        """Sign a message that already starts with its own domain-separation context."""
        if self.signing_key is None:
            raise HqError(NO_SIGNING_KEY)
        return self.signing_key.sign(message)

    def sign_receipt(self, message: bytes) -> bytes:
        if self.receipt_key is None:
            raise HqError(NO_RECEIPT_KEY)
        return self.receipt_key.sign(message)

    def receipt_signer(self) -> dict[str, Any]:
        """What a receipt carries beside its signature so a laptop can check it from the key it pinned."""
        public = self.receipt_key.public_key().public_bytes_raw().hex() if self.receipt_key else ""
        signer: dict[str, Any] = {
            "receipt_key": public,
            "certificate": self.receipt_certificate,
            "hq_key": self.verify_key,
        }
        if self.key_rotations:
            signer["key_rotations"] = [dict(r) for r in self.key_rotations]
        return signer

    def current_accounts(self) -> tuple[Account, ...]:
        """HQ's roster as the key file holds it now (accounts added by another program since this unlock),
        authenticated by the key-file key; the roster of the unlock if that key changed meanwhile (an
        account was disabled since: its accounts stay in the roster, disabled, so nothing is lost)."""
        try:
            body = _read_body(self.folder)
            roster = tuple(Account.from_json(a) for a in body["accounts"])
            nonce, ciphertext = bytes.fromhex(body["nonce"]), bytes.fromhex(body["ciphertext"])
            AESGCM(self.key_file_key).decrypt(nonce, ciphertext, _vault_aad(_public(body), roster))
        except (HqError, KeyError, TypeError, ValueError, InvalidTag):
            return self.accounts
        return roster

    def require(self, permission: str) -> SignedIn:
        """The signed-in account if its role allows ``permission`` (NotAllowed otherwise)."""
        return require(self.signed_in, permission)

    def for_serving(self) -> HqIdentity:
        """What the network-facing process keeps: neither the recovery key nor the signing key."""
        return replace(self, recovery_identity=None, signing_key=None)


def _derive(root: bytes, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=info).derive(root)


def init_hq(
    folder: Path,
    name: str,
    passphrase: str,
    *,
    url: str = "",
    tls_pin: str = "",
    account: str = FIRST_ACCOUNT,
) -> HqIdentity:
    """Make the HQ folder: keys and key file, with its first account (an admin, under ``passphrase``).
    The store itself is created by ``store.create_store``."""
    check_new_passphrase(passphrase, (name, account))
    name = name.strip()
    if not name:
        raise HqError(HQ_NEEDS_NAME)
    if (folder / KEY_FILE).exists():
        raise HqExists(HQ_EXISTS, folder=folder)
    account_name = accounts.check_name(account, ())
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    age_identity = pyrage.x25519.Identity.generate()
    recovery_identity = pyrage.x25519.Identity.generate()
    signing_key = Ed25519PrivateKey.generate()
    root_key = os.urandom(32)
    if not tls_pin:  # HQ's own certificate for `hq serve` (an admin's proxy certificate keeps its pin)
        tls_pin = create_certificate(folder, root_key, name)
    public = {
        "format": FORMAT,
        "version": VERSION,
        "hq_id": uuid7(),
        "hq_name": name,
        "recipient": str(age_identity.to_public()),
        "verify_key": signing_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex(),
        "url": url,
        "tls_pin": tls_pin,
        "recovery_recipient": str(recovery_identity.to_public()),
        "recovery_authority": recovery_authority_public(str(recovery_identity)),
        "key_scheme": "hkdf",
    }
    secret = {
        "age_identity": str(age_identity),
        "signing_seed": signing_key.private_bytes_raw().hex(),
        "store_key": root_key.hex(),
        "recovery_identity": str(recovery_identity),
        "sqlcipher_key": _derive(root_key, _SQLCIPHER_INFO).hex(),
    }
    return _first_account(folder, public, secret, account_name, passphrase)


def _first_account(
    folder: Path, public: dict[str, Any], secret: dict[str, Any], account: str, passphrase: str
) -> HqIdentity:
    """Write a version 3 key file whose one account, an admin, opens with ``passphrase``."""
    kfk = os.urandom(32)
    admin = accounts.new_account(str(public["hq_id"]), uuid7(), account, "admin", passphrase, kfk, now())
    opened = accounts.open_account(str(public["hq_id"]), admin, passphrase)
    key_file = KeyFile({**public, "version": VERSION}, secret, kfk, (admin,), opened.signed_in)
    save_key_file(folder, key_file)
    return key_file.identity(folder)


@dataclass(frozen=True)
class KeyFile:
    """An opened key file: what changing it needs (HQ's secrets, the key-file key, the roster)."""

    public: dict[str, Any]
    secret: dict[str, Any] = field(repr=False)
    kfk: bytes = field(repr=False)
    accounts: tuple[Account, ...]
    signed_in: SignedIn

    def identity(self, folder: Path) -> HqIdentity:
        unlocked = _identity(folder, self.public, canonical_json(self.secret), self.accounts, self.signed_in)
        return replace(unlocked, key_file_key=self.kfk)


def _vault_aad(public: dict[str, Any], roster: tuple[Account, ...]) -> bytes:
    return canonical_json({**public, "accounts": [a.public() for a in roster]})


def save_key_file(folder: Path, key_file: KeyFile) -> None:
    """Write the key file (version 3): HQ's secrets under the key-file key, bound to the roster."""
    nonce = os.urandom(12)
    aad = _vault_aad(key_file.public, key_file.accounts)
    ciphertext = AESGCM(key_file.kfk).encrypt(nonce, canonical_json(key_file.secret), aad)
    body = {
        **key_file.public,
        "accounts": [a.to_json() for a in key_file.accounts],
        "nonce": nonce.hex(),
        "ciphertext": ciphertext.hex(),
    }
    write_atomic(folder / KEY_FILE, json.dumps(body, indent=1).encode("utf-8"))
    fsync_dir(folder)


def _receipt_key(root: bytes, verify_key: str) -> Ed25519PrivateKey:
    seed = _derive(root, _RECEIPT_INFO + b"\0" + verify_key.encode("ascii"))
    return Ed25519PrivateKey.from_private_bytes(seed)


def _store_key(public: dict[str, Any], secret: dict[str, Any]) -> bytes:
    """The SQLCipher key: named in the secrets since version 3 (disabling an account changes it)."""
    if secret.get("sqlcipher_key"):
        return bytes.fromhex(secret["sqlcipher_key"])
    root = bytes.fromhex(secret["store_key"])
    return root if public.get("key_scheme", "legacy") == "legacy" else _derive(root, _SQLCIPHER_INFO)


def _identity(
    folder: Path,
    public: dict[str, Any],
    plain: bytes,
    roster: tuple[Account, ...] = (),
    signed_in: SignedIn | None = None,
) -> HqIdentity:
    secret = json.loads(plain)
    signing_key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secret["signing_seed"]))
    age_identity = pyrage.x25519.Identity.from_str(secret["age_identity"])
    root = bytes.fromhex(secret["store_key"])
    legacy = public.get("key_scheme", "legacy") == "legacy"
    receipt_key = _receipt_key(root, str(public["verify_key"]))
    recovery = secret.get("recovery_identity")
    if public.get("recovery_recipient"):
        recovery_recipient = str(public["recovery_recipient"])
        authority = str(public["recovery_authority"])
    else:  # version 1: the bundle key is the recovery key too
        recovery, recovery_recipient = secret["age_identity"], str(public["recipient"])
        authority = recovery_authority_public(str(recovery))
    previous = secret.get("sqlcipher_key_previous")
    return HqIdentity(
        folder=folder,
        hq_id=str(public["hq_id"]),
        hq_name=str(public["hq_name"]),
        recipient=str(public["recipient"]),
        verify_key=str(public["verify_key"]),
        url=str(public["url"]),
        tls_pin=str(public["tls_pin"]) or certificate_pin(folder) or "",
        age_identity=age_identity,
        signing_key=signing_key,
        store_key=_store_key(public, secret),
        recovery_recipient=recovery_recipient,
        recovery_authority=authority,
        recovery_identity=pyrage.x25519.Identity.from_str(recovery) if recovery else None,
        seal_key=root if legacy else _derive(root, _SEAL_INFO),
        root_key=root,
        key_rotations=tuple(dict(r) for r in public.get("key_rotations", [])),
        receipt_key=receipt_key,
        receipt_certificate=signing_key.sign(
            receipt_key_message(str(public["hq_id"]), receipt_key.public_key().public_bytes_raw().hex())
        ).hex(),
        accounts=roster,
        signed_in=signed_in,
        previous_store_key=bytes.fromhex(previous) if previous else b"",
    )


def _read_body(folder: Path) -> dict[str, Any]:
    path = folder / KEY_FILE
    try:
        body = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise HqNotFound(NO_HQ, folder=folder) from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise HqError(KEY_FILE_UNREADABLE, path=path) from exc
    if (
        not isinstance(body, dict)
        or body.get("format") != FORMAT
        or body.get("version") not in (1, 2, VERSION)
    ):
        raise HqError(KEY_FILE_UNKNOWN, path=path)
    return body


def _public(body: dict[str, Any]) -> dict[str, Any]:
    required = _PUBLIC if body["version"] == 2 else _PUBLIC_V1
    public = {key: body[key] for key in required}
    public.update({key: body[key] for key in _PUBLIC_OPTIONAL if key in body})
    return public


def _open_single(
    folder: Path, body: dict[str, Any], passphrase: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A key file of version 1 or 2: one passphrase for everyone (the folder's one back-off count)."""
    path = folder / KEY_FILE
    try:
        public = _public(body)
        kdf = KdfParams.from_json(body["kdf"])
        nonce, ciphertext = bytes.fromhex(body["nonce"]), bytes.fromhex(body["ciphertext"])
    except (KeyError, TypeError, ValueError) as exc:
        raise HqError(KEY_FILE_DAMAGED, path=path, reason=exc) from exc
    backoff.check(folder)  # as on laptops: wrong passphrases back off, remembered across restarts
    try:
        plain = AESGCM(kdf.derive(passphrase)).decrypt(nonce, ciphertext, _aad(public, kdf))
    except InvalidTag:
        backoff.record_failure(folder)
        raise WrongPassphrase(WRONG_HQ_PASSPHRASE) from None
    backoff.reset(folder)
    return public, json.loads(plain)


def _aad(public: dict[str, Any], kdf: KdfParams) -> bytes:
    return canonical_json({**public, "kdf": kdf.to_json()})


def _migrate(folder: Path, body: dict[str, Any], passphrase: str, account: str | None) -> HqIdentity:
    """An HQ of one shared passphrase becomes one of accounts: the passphrase opens its first admin's.

    The SQLCipher key the store was made with is written into the secrets, so the store opens as before;
    HQ's signing keys do not change, so every decision made before stays verifiable."""
    public, secret = _open_single(folder, body, passphrase)
    secret = {**secret, "sqlcipher_key": _store_key(public, secret).hex()}
    public = {**public, "version": VERSION}
    return _first_account(folder, public, secret, account or FIRST_ACCOUNT, passphrase)


def _attempts_file(account: Account) -> str:
    return f"hq-unlock-attempts-{account.account_id}.json"


def open_key_file(folder: Path, passphrase: str, account: str | None = None) -> KeyFile:
    """The key file opened by one account's passphrase (the only active account when ``account`` is None).

    Wrong passphrases back off per account, remembered across restarts. A key file of version 1 or 2 is
    migrated here (``_migrate``)."""
    body = _read_body(folder)
    if body["version"] != VERSION:
        _migrate(folder, body, passphrase, account)
        body = _read_body(folder)
    path = folder / KEY_FILE
    try:
        public = _public(body)
        roster = tuple(Account.from_json(a) for a in body["accounts"])
        nonce, ciphertext = bytes.fromhex(body["nonce"]), bytes.fromhex(body["ciphertext"])
    except (KeyError, TypeError, ValueError) as exc:
        raise HqError(KEY_FILE_DAMAGED, path=path, reason=exc) from exc
    chosen = _choose(roster, account)
    attempts = _attempts_file(chosen)
    backoff.check(folder, name=attempts)
    try:
        opened = accounts.open_account(str(public["hq_id"]), chosen, passphrase)
    except WrongPassphrase:
        backoff.record_failure(folder, name=attempts)
        raise
    backoff.reset(folder, name=attempts)
    try:
        plain = AESGCM(opened.kfk).decrypt(nonce, ciphertext, _vault_aad(public, roster))
    except InvalidTag:
        raise HqError(KEY_FILE_ALTERED, path=path) from None
    return KeyFile(public, json.loads(plain), opened.kfk, roster, opened.signed_in)


def _choose(roster: tuple[Account, ...], wanted: str | None) -> Account:
    if wanted is None or not wanted.strip():
        active = [a for a in roster if a.active]
        if len(active) == 1:
            return active[0]
        names = ", ".join(a.name for a in active)
        raise UnknownAccount(WHICH_ACCOUNT, names=names)
    found = accounts.find(roster, wanted)
    if found is None:
        raise UnknownAccount(NO_SUCH_ACCOUNT, name=wanted.strip())
    if not found.active:
        raise AccountDisabled(ACCOUNT_WAS_DISABLED, name=found.name)
    return found


CONSULATES_FILE = "consulates.json"  # HQ's copy of the missions, with the contacts it verified


def shipped_consulates(folder: Path) -> dict[str, Any]:
    """HQ's copy of the missions file (in the HQ folder, edited by the desk that verifies contacts), else the
    one bundled with the app; checked as a laptop will check it."""
    path = folder / CONSULATES_FILE
    if not path.exists():
        return bundled_document()
    try:
        document = json.loads(path.read_text("utf-8"))
        check_document(document)
    except (OSError, ValueError) as exc:
        raise HqError(BAD_MISSIONS_FILE, path=path, reason=exc) from exc
    return dict(document)


def unlock_hq(folder: Path, passphrase: str, account: str | None = None) -> HqIdentity:
    """HQ unlocked by one account (``account``: its name; None when HQ has only one active account)."""
    return open_key_file(folder, passphrase, account).identity(folder)


def export_recovery_key(folder: Path, passphrase: str, target: Path, account: str | None = None) -> str:
    """Write HQ's recovery key to ``target`` (to be kept offline) and remove it from the key file; returns
    its public recipient (an admin's work). A key file of version 1 gets a recovery key of its own here (its
    bundle key stays what it was); laptops reseal their recovery slot to it when they load their next
    enrolment file."""
    key_file = open_key_file(folder, passphrase, account)
    require(key_file.signed_in, "keys")
    public, secret = dict(key_file.public), key_file.secret
    if public.get("recovery_recipient") and not secret.get("recovery_identity"):
        raise HqError(RECOVERY_ALREADY_EXPORTED)
    if not public.get("recovery_recipient"):  # made by version 1: the bundle key was the recovery key
        recovery = str(pyrage.x25519.Identity.generate())
        public["key_scheme"] = public.get("key_scheme", "legacy")
    else:
        recovery = str(secret["recovery_identity"])
    identity = pyrage.x25519.Identity.from_str(recovery)
    public["recovery_recipient"] = str(identity.to_public())
    public["recovery_authority"] = recovery_authority_public(recovery)
    if target.exists():
        raise HqError(RECOVERY_TARGET_EXISTS, path=target)
    write_atomic(target, (recovery + "\n").encode("ascii"))
    if target.read_bytes().strip() != recovery.encode("ascii"):
        raise HqError(RECOVERY_NOT_READ_BACK, path=target)
    remaining = {k: v for k, v in secret.items() if k != "recovery_identity"}
    save_key_file(folder, replace(key_file, public=public, secret=remaining))
    return str(public["recovery_recipient"])


def rotate_signing_key(folder: Path, passphrase: str, account: str | None = None) -> tuple[str, str]:
    """Give HQ a new signing key, named by a statement the old key signs; returns (old, new) fingerprints.

    The statement is kept in the key file and travels with every enrolment file, indicator-set file and
    receipt from now on, so laptops move their pin from the old key to the new one only through it. The
    old public key stays in the chain so `hq check` still verifies the decisions it signed."""
    key_file = open_key_file(folder, passphrase, account)
    require(key_file.signed_in, "keys")
    public, secret = key_file.public, key_file.secret
    if not public.get("recovery_recipient"):
        raise HqError(EXPORT_RECOVERY_FIRST)
    old = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secret["signing_seed"]))
    new = Ed25519PrivateKey.generate()
    old_hex, new_hex = str(public["verify_key"]), new.public_key().public_bytes_raw().hex()
    statement = {
        "old_key": old_hex,
        "new_key": new_hex,
        "signature": old.sign(rotation_message(str(public["hq_id"]), old_hex, new_hex)).hex(),
        "rotated_at": now(),
    }
    public = {**public, "verify_key": new_hex, "key_rotations": [*public.get("key_rotations", []), statement]}
    secret = {**secret, "signing_seed": new.private_bytes_raw().hex()}
    save_key_file(folder, replace(key_file, public=public, secret=secret))
    return fingerprint(old_hex), fingerprint(new_hex)


def _with_rotations(identity: HqIdentity, data: dict[str, Any]) -> dict[str, Any]:
    if identity.key_rotations:
        data["key_rotations"] = [dict(r) for r in identity.key_rotations]
    return data


ENROLMENT_VALID_DAYS = 14


def enrolment_file(
    identity: HqIdentity,
    device_name: str,
    *,
    issue_no: int = 0,
    valid_days: int = ENROLMENT_VALID_DAYS,
    receiving_bodies: dict[str, Any] | None = None,
) -> tuple[str, bytes]:
    """A signed enrolment file for one laptop: (enrolment id, file bytes). ``issue_no`` only grows (the
    laptop refuses an older file); HQ refuses the enrolment id after ``valid_days``. ``receiving_bodies``:
    HQ's directory (``fieldapp.hq.directory.current``); the bundled one when None. An admin's work."""
    identity.require("devices")
    device_name = device_name.strip()
    if not device_name:
        raise HqError(ENROLMENT_NEEDS_DEVICE)
    if not 1 <= valid_days <= 365:
        raise HqError(ENROLMENT_VALIDITY)
    enrolment_id = secrets.token_hex(16)
    issued = datetime.now(UTC)
    data: dict[str, Any] = {
        "format": ENROLMENT_FORMAT,
        "version": 1,
        "hq_id": identity.hq_id,
        "hq_name": identity.hq_name,
        "recipient": identity.recipient,
        "recovery_recipient": identity.recovery_recipient,
        "verify_key": identity.verify_key,
        "url": identity.url,
        "tls_pin": identity.tls_pin,
        "enrolment_id": enrolment_id,
        "device_name": device_name,
        "issue_no": issue_no,
        "issued_at": _stamp(issued),
        "expires_at": _stamp(issued + timedelta(days=valid_days)),
        "indicator_sets": shipped_set_files(),  # HQ's current sets travel signed with the enrolment
        "consulates": shipped_consulates(identity.folder),  # and the missions' contacts HQ verified
        "receiving_bodies": receiving_bodies or bundled_directory(),  # and whom a handover may name
        # The laptop pins it: only HQ's recovery key can sign an officer "created by HQ's recovery".
        "recovery_authority": identity.recovery_authority,
    }
    _with_rotations(identity, data)
    data["signature"] = identity.sign(signing_message(data)).hex()
    return enrolment_id, json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8")


def indicator_sets_file(identity: HqIdentity, *, issue_no: int) -> bytes:
    """HQ's current indicator sets alone, signed: a laptop already enrolled takes them and nothing else."""
    data: dict[str, Any] = {
        "format": SETS_FORMAT,
        "version": 1,
        "hq_id": identity.hq_id,
        "verify_key": identity.verify_key,
        "issue_no": issue_no,
        "issued_at": now(),
        "indicator_sets": shipped_set_files(),
    }
    _with_rotations(identity, data)
    data["signature"] = identity.sign(signing_message(data)).hex()
    return json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8")


def directory_file(identity: HqIdentity, document: dict[str, Any], *, issue_no: int) -> bytes:
    """HQ's directory of receiving bodies alone, signed: a laptop already enrolled takes it and nothing else."""
    data: dict[str, Any] = {
        "format": DIRECTORY_FORMAT,
        "version": 1,
        "hq_id": identity.hq_id,
        "verify_key": identity.verify_key,
        "issue_no": issue_no,
        "issued_at": now(),
        "receiving_bodies": document,
    }
    _with_rotations(identity, data)
    data["signature"] = identity.sign(signing_message(data)).hex()
    return json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8")


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
