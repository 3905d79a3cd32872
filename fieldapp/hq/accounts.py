"""HQ's named accounts: who may unlock HQ, in which role, and the crypto of their key slots.

Each account has its own passphrase and its own keys, made when the account is added:

* an Ed25519 signing key (HQ's decisions carry its signature beside HQ's) and an X25519 age identity,
  both wrapped by the account's slot: Argon2id(passphrase) → AES-256-GCM, the associated data binding
  HQ's id, the account's id, its public keys and the KDF parameters (the laptop's key slots, same KDF
  bounds), so slots cannot be moved between accounts or HQs nor their parameters downgraded;
* ``sealed_kfk``: the key-file key (KFK), which opens HQ's own secrets in the key file, sealed (age) to
  the account's X25519 key. Sealing to a public key lets an admin re-seal a new KFK to every active account
  without knowing their passphrases: disabling an account does so (fieldapp.hq.account_admin).

The roster (names, roles, scopes, status, public keys) is bound into the associated data of HQ's secrets:
someone who can write the key file but holds no passphrase cannot turn a liaison into an admin.

Roles: an admin manages accounts, laptops and HQ's keys (and may do what an analyst does: a migrated
single-passphrase HQ keeps working with its one account); an analyst reviews, links, resolves and
exports; a liaison reads, limited to the nationalities and receiving bodies given to the account.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from typing import Any

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldapp.errors import WrongPassphrase, message
from fieldapp.hq.errors import AccountError, NotAllowed
from fieldapp.records.canonical import canonical_json
from fieldapp.vault.kdf import KdfParams

SIGN_IN_TO = message("hq.sign_in_to", "Sign in with an HQ account to {what}.")
ROLE_MAY_NOT = message("hq.role_may_not", "{name} is signed in as {role}; an HQ {role} may not {what}.")
ACCOUNT_NEEDS_NAME = message(
    "hq.account_needs_name", "An HQ account needs a name (the person's name, up to 100 characters)."
)
ACCOUNT_NAME_TAKEN = message(
    "hq.account_name_taken", "HQ already has an account named '{name}'; choose another name."
)
ACCOUNT_ROLE = message("hq.account_role", "An HQ account's role is one of {roles}, not '{role}'.")
LIAISON_NEEDS_SCOPE = message(
    "hq.liaison_needs_scope",
    "A liaison sees only the nationalities or receiving bodies given to the account.",
)
ONLY_LIAISON_SCOPED = message(
    "hq.only_liaison_scoped", "Only a liaison's account is limited to nationalities or receiving bodies."
)
ACCOUNT_IS_DISABLED = message("hq.account_disabled", "The HQ account '{name}' is disabled.")
ACCOUNT_WRONG_PASSPHRASE = message(
    "hq.account_wrong_passphrase", "The passphrase is not right for the HQ account '{name}'."
)
ACCOUNT_DAMAGED = message("hq.account_damaged", "The HQ account '{name}' is damaged (its keys do not match).")
ACCOUNT_RESEALED = message(
    "hq.account_resealed", "The HQ account '{name}' holds no key to HQ (it was re-sealed)."
)
ACCOUNT_OTHER_HQ = message("hq.account_other_hq", "The HQ account '{name}' belongs to another HQ.")

SLOT_FORMAT = "fieldapp-hq-account"
ROLES = ("admin", "analyst", "liaison")
# What each role may do; the core checks these (``require``), the CLI and the UI only show them.
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset({"read", "import", "decide", "export", "devices", "accounts", "keys"}),
    "analyst": frozenset({"read", "import", "decide", "export"}),
    "liaison": frozenset({"read"}),
}
WHAT = {
    "read": "read HQ's records",
    "import": "import laptops' bundles",
    "decide": "make review decisions (links, dismissals, resolutions)",
    "export": "export records",
    "devices": "approve or revoke laptops and officers",
    "accounts": "manage HQ accounts",
    "keys": "manage HQ's keys",
}


@dataclass(frozen=True)
class Account:
    """One roster entry: public facts, and (while active) the account's key slot."""

    account_id: str
    name: str
    role: str
    verify_key: str  # hex Ed25519: checks the account's signatures on decisions
    recipient: str  # age X25519: HQ's key-file key is sealed to it
    created_at: str
    status: str = "active"  # or "disabled": no slot, no sealed key, kept for the signatures it made
    nationalities: tuple[str, ...] = ()  # a liaison's scope: persons of these nationalities ...
    receiving_bodies: tuple[str, ...] = ()  # ... or handed over to these receiving bodies
    kdf: KdfParams | None = field(default=None, repr=False)
    nonce: bytes = field(default=b"", repr=False)
    ciphertext: bytes = field(default=b"", repr=False)
    sealed_kfk: bytes = field(default=b"", repr=False)

    @property
    def active(self) -> bool:
        return self.status == "active"

    def allows(self, permission: str) -> bool:
        return self.active and permission in PERMISSIONS.get(self.role, frozenset())

    def public(self) -> dict[str, Any]:
        """What HQ's secrets are bound to (the slot itself changes with a new passphrase; this does not)."""
        return {
            "account_id": self.account_id,
            "name": self.name,
            "role": self.role,
            "verify_key": self.verify_key,
            "recipient": self.recipient,
            "created_at": self.created_at,
            "status": self.status,
            "nationalities": list(self.nationalities),
            "receiving_bodies": list(self.receiving_bodies),
        }

    def to_json(self) -> dict[str, Any]:
        data = self.public()
        if self.active and self.kdf is not None:
            data.update(
                kdf=self.kdf.to_json(),
                nonce=self.nonce.hex(),
                ciphertext=self.ciphertext.hex(),
                sealed_kfk=self.sealed_kfk.hex(),
            )
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Account:
        role, status = str(data["role"]), str(data["status"])
        if role not in ROLES or status not in ("active", "disabled"):
            raise ValueError(f"unknown role or status {role!r}/{status!r}")
        active = status == "active"
        return cls(
            account_id=str(data["account_id"]),
            name=str(data["name"]),
            role=role,
            verify_key=str(data["verify_key"]),
            recipient=str(data["recipient"]),
            created_at=str(data["created_at"]),
            status=status,
            nationalities=tuple(str(n) for n in data.get("nationalities", [])),
            receiving_bodies=tuple(str(b) for b in data.get("receiving_bodies", [])),
            kdf=KdfParams.from_json(data["kdf"]) if active else None,
            nonce=bytes.fromhex(data["nonce"]) if active else b"",
            ciphertext=bytes.fromhex(data["ciphertext"]) if active else b"",
            sealed_kfk=bytes.fromhex(data["sealed_kfk"]) if active else b"",
        )

    def disabled(self) -> Account:
        return replace(self, status="disabled", kdf=None, nonce=b"", ciphertext=b"", sealed_kfk=b"")


@dataclass(frozen=True)
class SignedIn:
    """The account at the keyboard: its roster entry and its signing key (kept out of repr)."""

    account: Account
    signing_key: Ed25519PrivateKey = field(repr=False)

    @property
    def name(self) -> str:
        return self.account.name

    @property
    def role(self) -> str:
        return self.account.role

    def sign(self, message: bytes) -> bytes:
        return self.signing_key.sign(message)


def require(signed_in: SignedIn | None, permission: str) -> SignedIn:
    """The signed-in account, if its role allows ``permission``; else NotAllowed (typed, for any door)."""
    if signed_in is None:
        raise NotAllowed(SIGN_IN_TO, what=WHAT[permission])
    if not signed_in.account.allows(permission):
        raise NotAllowed(ROLE_MAY_NOT, name=signed_in.name, role=signed_in.role, what=WHAT[permission])
    return signed_in


def find(roster: tuple[Account, ...], wanted: str) -> Account | None:
    """An account by id or by name (any case)."""
    folded = wanted.strip().casefold()
    for account in roster:
        if account.account_id == wanted or account.name.casefold() == folded:
            return account
    return None


def check_name(name: str, roster: tuple[Account, ...]) -> str:
    name = name.strip()
    if not name or len(name) > 100:
        raise AccountError(ACCOUNT_NEEDS_NAME)
    if find(roster, name) is not None:
        raise AccountError(ACCOUNT_NAME_TAKEN, name=name)
    return name


def check_role(role: str, nationalities: tuple[str, ...], receiving_bodies: tuple[str, ...]) -> None:
    if role not in ROLES:
        raise AccountError(ACCOUNT_ROLE, roles=", ".join(ROLES), role=role)
    if role == "liaison" and not (nationalities or receiving_bodies):
        raise AccountError(LIAISON_NEEDS_SCOPE)
    if role != "liaison" and (nationalities or receiving_bodies):
        raise AccountError(ONLY_LIAISON_SCOPED)


def _aad(hq_id: str, account_id: str, verify_key: str, recipient: str, kdf: KdfParams) -> bytes:
    return canonical_json(
        {
            "format": SLOT_FORMAT,
            "hq_id": hq_id,
            "account_id": account_id,
            "verify_key": verify_key,
            "recipient": recipient,
            "kdf": kdf.to_json(),
        }
    )


def seal_kfk(hq_id: str, recipient: str, kfk: bytes) -> bytes:
    payload = canonical_json({"hq_id": hq_id, "kfk": kfk.hex()})
    return bytes(pyrage.encrypt(payload, [pyrage.x25519.Recipient.from_str(recipient)]))


def new_account(
    hq_id: str,
    account_id: str,
    name: str,
    role: str,
    passphrase: str,
    kfk: bytes,
    created_at: str,
    *,
    nationalities: tuple[str, ...] = (),
    receiving_bodies: tuple[str, ...] = (),
) -> Account:
    """A new account with fresh keys, its slot sealed under ``passphrase`` and HQ's KFK sealed to it."""
    signing_key = Ed25519PrivateKey.generate()
    box = pyrage.x25519.Identity.generate()
    verify_key = signing_key.public_key().public_bytes_raw().hex()
    recipient = str(box.to_public())
    account = Account(
        account_id,
        name,
        role,
        verify_key,
        recipient,
        created_at,
        nationalities=nationalities,
        receiving_bodies=receiving_bodies,
    )
    secret = {"signing_seed": signing_key.private_bytes_raw().hex(), "box_identity": str(box)}
    return _sealed(hq_id, account, secret, passphrase, seal_kfk(hq_id, recipient, kfk))


def _sealed(hq_id: str, account: Account, secret: dict[str, str], passphrase: str, sealed: bytes) -> Account:
    kdf = KdfParams.new()
    nonce = os.urandom(12)
    aad = _aad(hq_id, account.account_id, account.verify_key, account.recipient, kdf)
    ciphertext = AESGCM(kdf.derive(passphrase)).encrypt(nonce, canonical_json(secret), aad)
    return replace(account, kdf=kdf, nonce=nonce, ciphertext=ciphertext, sealed_kfk=sealed)


@dataclass(frozen=True)
class Opened:
    """An account slot opened: the account signed in and HQ's key-file key."""

    signed_in: SignedIn
    kfk: bytes = field(repr=False)
    secret: dict[str, str] = field(repr=False)


def open_account(hq_id: str, account: Account, passphrase: str) -> Opened:
    """The account's keys and HQ's KFK, or WrongPassphrase (the caller counts it for the back-off)."""
    if not account.active or account.kdf is None:
        raise AccountError(ACCOUNT_IS_DISABLED, name=account.name)
    aad = _aad(hq_id, account.account_id, account.verify_key, account.recipient, account.kdf)
    try:
        plain = AESGCM(account.kdf.derive(passphrase)).decrypt(account.nonce, account.ciphertext, aad)
    except InvalidTag:
        raise WrongPassphrase(ACCOUNT_WRONG_PASSPHRASE, name=account.name) from None
    secret = json.loads(plain)
    signing_key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secret["signing_seed"]))
    if signing_key.public_key().public_bytes_raw().hex() != account.verify_key:
        raise AccountError(ACCOUNT_DAMAGED, name=account.name)
    try:
        box = pyrage.x25519.Identity.from_str(secret["box_identity"])
        sealed = json.loads(pyrage.decrypt(account.sealed_kfk, [box]))
    except Exception as exc:  # pyrage's own untyped errors: a sealed key that is not this account's
        raise AccountError(ACCOUNT_RESEALED, name=account.name) from exc
    if sealed.get("hq_id") != hq_id:
        raise AccountError(ACCOUNT_OTHER_HQ, name=account.name)
    return Opened(SignedIn(account, signing_key), bytes.fromhex(sealed["kfk"]), secret)


def with_passphrase(hq_id: str, opened: Opened, passphrase: str) -> Account:
    """The signed-in account's slot sealed again under a new passphrase (same keys, same sealed KFK)."""
    account = opened.signed_in.account
    return _sealed(hq_id, account, opened.secret, passphrase, account.sealed_kfk)


def resealed(hq_id: str, account: Account, kfk: bytes) -> Account:
    """An active account with a new KFK sealed to it (its slot unchanged: no passphrase needed)."""
    return replace(account, sealed_kfk=seal_kfk(hq_id, account.recipient, kfk))
