"""The key-slot file: how officers' passphrases (and HQ's recovery key) reach the data key.

One slot per officer, like LUKS: Argon2id(passphrase, salt) gives a key-encryption key, and
AES-256-GCM under it wraps the vault's data key (DEK), the officer's Ed25519 signing key and an
X25519 key (so a later re-key can deliver a new DEK to each officer without their passphrase).
The associated data binds format, vault id, slot id, officer id and the KDF parameters, so slots
cannot be swapped between officers or vaults, nor their parameters downgraded.

The file is JSON with a SHA-256 over its body: a damaged file is told apart from a wrong
passphrase, and the previous generation (kept beside it) is used instead.

During and after a re-key (fieldapp/vault/rekey.py) the file also carries a ``pending`` block: the new
DEK sealed to each remaining officer's X25519 key. An officer whose slot still holds the old DEK opens
their X25519 secret with their passphrase, unseals the new DEK, and their slot is rewritten. A pending
DEK is only ever used after it has opened the database, so a forged block can deny, never grant.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from fieldapp import bounded
from fieldapp.atomic import write_atomic
from fieldapp.errors import EnrolmentError, KeySlotsCorrupt, WrongPassphrase, message
from fieldapp.paths import KEYSLOT_FILE
from fieldapp.records.canonical import canonical_json

MAX_KEYSLOT_BYTES = 4 * 1024 * 1024  # a slot is about 1 KiB; thousands of officers would still fit
MISSING = message("keyslots.missing", "The key-slot file is missing.")
NO_SLOT = message("recovery.no_slot", "This vault has no HQ recovery slot (the laptop was never enrolled).")
OTHER_VAULT = message("recovery.other_vault", "The recovery slot belongs to another vault.")
PENDING_KEY_LENGTH = message(
    "rekey.pending_key_length", "The re-keyed data key left for this officer has the wrong length."
)
BOTH_DAMAGED = message(
    "keyslots.both_damaged",
    "Both copies of the key-slot file are damaged; this vault can only be opened with HQ's recovery key.",
)
ONLY_COPY_DAMAGED = message(
    "keyslots.only_copy_damaged",
    "The key-slot file is damaged; this vault can only be opened with HQ's recovery key.",
)
WRONG = message("passphrase.wrong", "The passphrase is not right for this officer.")
BAD_RECOVERY_KEY = message(
    "enrolment.bad_recovery_key", "The enrolment file carries an invalid HQ recovery key."
)
WRONG_KEY = message("recovery.wrong_key", "This HQ key does not open the vault's recovery slot.")
PENDING_KEY_UNREADABLE = message(
    "rekey.pending_key_unreadable", "The re-keyed data key left for this officer cannot be opened."
)
DAMAGED = message("keyslots.damaged", "The key-slot file {source} is damaged ({reason}).")

FORMAT = "fieldapp-keyslots"
FORMAT_VERSION = 1
SECRET_LEN = 96  # DEK 32 + Ed25519 seed 32 + X25519 secret 32

# Tuned for ~0.5-1 s on a field laptop (docs/keys.md: m = 256 MiB, p = 2-4, t >= 3).
PRODUCTION_KDF = (256 * 1024, 3, 4)
# Only for the test suite: set FIELDAPP_INSECURE_FAST_KDF=1. `fieldapp check` warns about such slots.
INSECURE_TEST_KDF = (8 * 1024, 1, 1)
MIN_SAFE_MEMORY_KIB = 64 * 1024


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    memory_kib: int
    iterations: int
    lanes: int

    @classmethod
    def new(cls) -> KdfParams:
        fast = os.environ.get("FIELDAPP_INSECURE_FAST_KDF") == "1"
        memory, iterations, lanes = INSECURE_TEST_KDF if fast else PRODUCTION_KDF
        return cls(os.urandom(16), memory, iterations, lanes)

    @property
    def is_weak(self) -> bool:
        return self.memory_kib < MIN_SAFE_MEMORY_KIB

    def to_json(self) -> dict[str, Any]:
        return {
            "alg": "argon2id",
            "salt": self.salt.hex(),
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        if data.get("alg") != "argon2id":
            raise ValueError("unknown KDF")
        return cls(
            bytes.fromhex(data["salt"]), int(data["memory_kib"]), int(data["iterations"]), int(data["lanes"])
        )

    def derive(self, passphrase: str) -> bytes:
        kdf = Argon2id(
            salt=self.salt,
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(passphrase.encode("utf-8"))


@dataclass(frozen=True)
class SlotSecrets:
    dek: bytes
    signing_seed: bytes
    box_secret: bytes

    def pack(self) -> bytes:
        return self.dek + self.signing_seed + self.box_secret

    @classmethod
    def unpack(cls, data: bytes) -> SlotSecrets:
        if len(data) != SECRET_LEN:
            raise ValueError("bad slot secret length")
        return cls(data[:32], data[32:64], data[64:96])


@dataclass(frozen=True)
class Slot:
    slot_id: str
    officer_id: str
    officer_name: str
    kdf: KdfParams
    nonce: bytes
    ciphertext: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "slot_id": self.slot_id,
            "officer_id": self.officer_id,
            "officer_name": self.officer_name,
            "kdf": self.kdf.to_json(),
            "nonce": self.nonce.hex(),
            "ciphertext": self.ciphertext.hex(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        return cls(
            str(data["slot_id"]),
            str(data["officer_id"]),
            str(data["officer_name"]),
            KdfParams.from_json(data["kdf"]),
            bytes.fromhex(data["nonce"]),
            bytes.fromhex(data["ciphertext"]),
        )


@dataclass(frozen=True)
class RecoverySlot:
    """The DEK sealed (age, X25519) to HQ's recovery key; only HQ's offline private key opens it."""

    hq_key_id: str
    sealed: bytes

    def to_json(self) -> dict[str, Any]:
        return {"hq_key_id": self.hq_key_id, "sealed": self.sealed.hex()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecoverySlot:
        return cls(str(data["hq_key_id"]), bytes.fromhex(data["sealed"]))


@dataclass(frozen=True)
class SealedDek:
    """A DEK sealed to one officer's X25519 key (ephemeral X25519, HKDF-SHA256, AES-256-GCM)."""

    ephemeral: bytes
    nonce: bytes
    ciphertext: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "ephemeral": self.ephemeral.hex(),
            "nonce": self.nonce.hex(),
            "ciphertext": self.ciphertext.hex(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SealedDek:
        return cls(
            bytes.fromhex(data["ephemeral"]), bytes.fromhex(data["nonce"]), bytes.fromhex(data["ciphertext"])
        )


@dataclass(frozen=True)
class PendingRekey:
    """A re-key's new DEK for the officers whose slots still hold the old one (and HQ's new recovery slot)."""

    dek_id: str
    sealed: dict[str, SealedDek]  # officer id -> the new DEK sealed to their X25519 key
    recovery: RecoverySlot | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "dek_id": self.dek_id,
            "sealed": {officer_id: item.to_json() for officer_id, item in sorted(self.sealed.items())},
            "recovery": self.recovery.to_json() if self.recovery else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PendingRekey:
        return cls(
            str(data["dek_id"]),
            {str(k): SealedDek.from_json(v) for k, v in dict(data["sealed"]).items()},
            RecoverySlot.from_json(data["recovery"]) if data["recovery"] else None,
        )

    def without(self, officer_id: str) -> PendingRekey:
        return replace(self, sealed={k: v for k, v in self.sealed.items() if k != officer_id})


@dataclass(frozen=True)
class SlotFile:
    vault_id: str
    generation: int
    slots: tuple[Slot, ...]
    recovery: RecoverySlot | None = None
    source: str = field(default="current", compare=False)
    pending: PendingRekey | None = None

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "generation": self.generation,
            "slots": [slot.to_json() for slot in self.slots],
            "recovery": self.recovery.to_json() if self.recovery else None,
        }
        if self.pending is not None:  # only while a re-key is being delivered: older files stay as they were
            body["pending"] = self.pending.to_json()
        return body

    def encode(self) -> bytes:
        body = self.body()
        digest = hashlib.sha256(canonical_json(body)).hexdigest()
        return json.dumps({"body": body, "sha256": digest}, indent=1).encode("utf-8")

    @classmethod
    def decode(cls, raw: bytes, source: str) -> SlotFile:
        try:
            outer = bounded.loads(raw, max_bytes=MAX_KEYSLOT_BYTES)
            body = outer["body"]
            if hashlib.sha256(canonical_json(body)).hexdigest() != outer["sha256"]:
                raise ValueError("checksum mismatch")
            if body["format"] != FORMAT:
                raise ValueError("not a key-slot file")
            if body["version"] != FORMAT_VERSION:
                raise ValueError(f"unsupported key-slot version {body['version']}")
            return cls(
                str(body["vault_id"]),
                int(body["generation"]),
                tuple(Slot.from_json(item) for item in body["slots"]),
                RecoverySlot.from_json(body["recovery"]) if body["recovery"] else None,
                source,
                PendingRekey.from_json(body["pending"]) if body.get("pending") else None,
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise KeySlotsCorrupt(DAMAGED, source=source, reason=exc) from exc

    def find(self, officer: str) -> Slot | None:
        wanted = officer.casefold()
        for slot in self.slots:
            if slot.officer_id == officer or slot.officer_name.casefold() == wanted:
                return slot
        return None

    def with_slot(self, slot: Slot) -> SlotFile:
        others = tuple(s for s in self.slots if s.officer_id != slot.officer_id)
        return replace(self, slots=(*others, slot))

    def without_officer(self, officer_id: str) -> SlotFile:
        pending = self.pending.without(officer_id) if self.pending else None
        return replace(
            self, slots=tuple(s for s in self.slots if s.officer_id != officer_id), pending=pending
        )


def _aad(vault_id: str, slot_id: str, officer_id: str, kdf: KdfParams) -> bytes:
    return canonical_json(
        {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": vault_id,
            "slot_id": slot_id,
            "officer_id": officer_id,
            "kdf": kdf.to_json(),
        }
    )


def seal_slot(
    vault_id: str, slot_id: str, officer_id: str, officer_name: str, passphrase: str, secrets: SlotSecrets
) -> Slot:
    kdf = KdfParams.new()
    nonce = os.urandom(12)
    kek = kdf.derive(passphrase)
    ciphertext = AESGCM(kek).encrypt(nonce, secrets.pack(), _aad(vault_id, slot_id, officer_id, kdf))
    return Slot(slot_id, officer_id, officer_name, kdf, nonce, ciphertext)


def open_slot(vault_id: str, slot: Slot, passphrase: str) -> SlotSecrets:
    kek = slot.kdf.derive(passphrase)
    try:
        plain = AESGCM(kek).decrypt(
            slot.nonce, slot.ciphertext, _aad(vault_id, slot.slot_id, slot.officer_id, slot.kdf)
        )
    except InvalidTag:
        raise WrongPassphrase(WRONG) from None
    return SlotSecrets.unpack(plain)


def seal_recovery(vault_id: str, dek: bytes, hq_recipient: str, hq_key_id: str) -> RecoverySlot:
    try:
        recipient = pyrage.x25519.Recipient.from_str(hq_recipient)
    except Exception as exc:  # pyrage raises its own untyped errors for a bad key string
        raise EnrolmentError(BAD_RECOVERY_KEY) from exc
    payload = canonical_json({"vault_id": vault_id, "dek": dek.hex()})
    return RecoverySlot(hq_key_id, pyrage.encrypt(payload, [recipient]))


def open_recovery(slot_file: SlotFile, hq_identity: str) -> bytes:
    if slot_file.recovery is None:
        raise WrongPassphrase(NO_SLOT)
    try:
        identity = pyrage.x25519.Identity.from_str(hq_identity.strip())
        data = json.loads(pyrage.decrypt(slot_file.recovery.sealed, [identity]))
    except Exception as exc:  # wrong identity or damaged slot: both mean "this key does not open it"
        raise WrongPassphrase(WRONG_KEY) from exc
    if data.get("vault_id") != slot_file.vault_id:
        raise WrongPassphrase(OTHER_VAULT)
    return bytes.fromhex(data["dek"])


# --- re-key delivery: a DEK sealed to an officer's X25519 key -------------------------------------

_BOX_INFO = b"fieldapp-rekey-v1"


def dek_id(dek: bytes) -> str:
    """A name for a DEK that reveals nothing about it (tells a finished re-key from an abandoned one)."""
    return hashlib.sha256(b"fieldapp-dek-id\0" + dek).hexdigest()[:32]


def box_public(box_secret: bytes) -> bytes:
    return (
        X25519PrivateKey.from_private_bytes(box_secret)
        .public_key()
        .public_bytes(Encoding.Raw, PublicFormat.Raw)
    )


def _box_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=ephemeral + recipient, info=_BOX_INFO).derive(shared)


def _box_aad(vault_id: str, officer_id: str) -> bytes:
    return canonical_json(
        {"format": FORMAT, "purpose": "rekey", "vault_id": vault_id, "officer_id": officer_id}
    )


def seal_dek(vault_id: str, officer_id: str, recipient: bytes, dek: bytes) -> SealedDek:
    ephemeral_key = X25519PrivateKey.generate()
    ephemeral = ephemeral_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key = _box_key(ephemeral_key.exchange(X25519PublicKey.from_public_bytes(recipient)), ephemeral, recipient)
    nonce = os.urandom(12)
    return SealedDek(ephemeral, nonce, AESGCM(key).encrypt(nonce, dek, _box_aad(vault_id, officer_id)))


def open_dek(vault_id: str, officer_id: str, box_secret: bytes, sealed: SealedDek) -> bytes:
    secret = X25519PrivateKey.from_private_bytes(box_secret)
    recipient = box_public(box_secret)
    try:
        key = _box_key(
            secret.exchange(X25519PublicKey.from_public_bytes(sealed.ephemeral)), sealed.ephemeral, recipient
        )
        dek = AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, _box_aad(vault_id, officer_id))
    except (InvalidTag, ValueError) as exc:
        raise KeySlotsCorrupt(PENDING_KEY_UNREADABLE) from exc
    if len(dek) != 32:
        raise KeySlotsCorrupt(PENDING_KEY_LENGTH)
    return dek


# --- generations on disk --------------------------------------------------------------


def slot_paths(data_dir: Path) -> tuple[Path, Path]:
    current = data_dir / KEYSLOT_FILE
    return current, current.with_name(current.name + ".prev")


def read_generations(data_dir: Path) -> tuple[list[SlotFile], list[KeySlotsCorrupt]]:
    """Every readable generation, newest first, and the damage found on the way."""
    good: list[SlotFile] = []
    damaged: list[KeySlotsCorrupt] = []
    for path, label in zip(slot_paths(data_dir), ("current", "previous"), strict=True):
        if not path.exists():
            continue
        try:
            good.append(SlotFile.decode(path.read_bytes(), label))
        except KeySlotsCorrupt as exc:
            damaged.append(exc)
        except OSError as exc:
            damaged.append(KeySlotsCorrupt(f"The {label} key-slot file cannot be read: {exc.strerror}."))
    return good, damaged


def load_current(data_dir: Path) -> SlotFile:
    good, damaged = read_generations(data_dir)
    if good:
        return max(good, key=lambda f: f.generation)
    if damaged:
        raise KeySlotsCorrupt(BOTH_DAMAGED if len(damaged) > 1 else ONLY_COPY_DAMAGED)
    raise KeySlotsCorrupt(MISSING)


def save(data_dir: Path, slot_file: SlotFile) -> SlotFile:
    """Write a new generation; the one it replaces becomes the previous copy."""
    current, previous = slot_paths(data_dir)
    for stale in data_dir.glob(f".{current.name}*.tmp-*"):  # left by a write killed half-way
        stale.unlink(missing_ok=True)
    new = replace(slot_file, generation=slot_file.generation + 1, source="current")
    if current.exists():
        old = current.read_bytes()
        try:
            SlotFile.decode(old, "current")
        except KeySlotsCorrupt:
            pass  # never let a damaged copy replace a good previous generation
        else:
            write_atomic(previous, old)
    write_atomic(current, new.encode())
    return new
