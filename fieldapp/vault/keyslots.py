"""The key-slot file: how officers' passphrases (and HQ's recovery key) reach the data key.

One slot per officer, like LUKS: Argon2id(passphrase, salt) gives a key-encryption key, and
AES-256-GCM under it wraps the vault's data key (DEK), the officer's Ed25519 signing key and an
X25519 key. The associated data binds format, vault id, slot id, officer id and the KDF parameters, so
slots cannot be swapped between officers or vaults, nor their parameters downgraded. The KDF
parameters read from a file are bounded (``KdfParams.from_json``): a file cannot make an unlock take
minutes or exhaust memory.

A slot may also carry, inside its encryption, a *voucher* (the key that vouches for a new signing key:
the invitation's one-time key, or the officer's previous key, until the log records the change) and a
*next* DEK (during a re-key, until the database has changed key): see fieldapp/vault/officers.py and
rekey.py. An *invitation* slot (kind "invitation", bound in the associated data) opens with the one-time
passphrase an admin gave a new officer, whose first unlock then chooses their own.

The file is JSON with a SHA-256 over its body: a damaged file is told apart from a wrong passphrase.
Two copies are kept, ``keyslots.json`` and ``keyslots.json.prev``, and every change writes both (under a
lock held from read to write, so concurrent programs never lose each other's slots): one damaged copy
is replaced by the other, after the key it yields has opened this vault's database (unlock). A damaged
copy that might hold something the other lacks is merged slot by slot and kept aside, never discarded.

Files written before version 0.2 may carry a ``pending`` block (an asynchronous re-key's new DEK sealed
to officers' X25519 keys). It is read but never acted on: it had no authentication, so anyone able to
write the file could make officers adopt a data key of their choosing.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldapp import bounded
from fieldapp.atomic import write_atomic
from fieldapp.errors import EnrolmentError, KeySlotsCorrupt, WrongPassphrase, message, term
from fieldapp.locks import locked
from fieldapp.paths import KEYSLOT_FILE
from fieldapp.records.canonical import canonical_json
from fieldapp.vault.kdf import (  # noqa: F401 - part of this module's interface (tests, HQ's key file)
    INSECURE_TEST_KDF,
    MIN_SAFE_MEMORY_KIB,
    PRODUCTION_KDF,
    KdfParams,
    fast_kdf_allowed,
)

MAX_KEYSLOT_BYTES = 4 * 1024 * 1024  # a slot is about 1 KiB; thousands of officers would still fit
MISSING = message("keyslots.missing", "The key-slot file is missing.")
NO_SLOT = message("recovery.no_slot", "This vault has no HQ recovery slot (the laptop was never enrolled).")
OTHER_VAULT = message("recovery.other_vault", "The recovery slot belongs to another vault.")
BOTH_DAMAGED_ENROLLED = message(
    "keyslots.both_damaged_enrolled",
    "Both copies of the key-slot file are damaged; this laptop was enrolled with HQ, so HQ's recovery key can "
    "open it (`fieldapp recover`).",
)
BOTH_DAMAGED_NOT_ENROLLED = message(
    "keyslots.both_damaged_not_enrolled",
    "Both copies of the key-slot file are damaged; this laptop was not enrolled with HQ, so there is no "
    "recovery key for it: restore the vault folder from a backup.",
)
BOTH_DAMAGED_UNKNOWN = message(
    "keyslots.both_damaged_unknown",
    "Both copies of the key-slot file are damaged; if this laptop was enrolled with HQ, HQ's recovery key can "
    "open it (`fieldapp recover`); otherwise restore the vault folder from a backup.",
)
CANNOT_READ_COPY = message(
    "keyslots.cannot_read", "The {source} copy of the key-slot file cannot be read: {reason}."
)
THE_FILE = term("files", "the key-slot file")
FOREIGN_FILE = message("keyslots.foreign", "The key-slot file belongs to another vault; it was not changed.")
WRONG = message("passphrase.wrong", "The passphrase is not right for this officer.")
BAD_RECOVERY_KEY = message(
    "enrolment.bad_recovery_key", "The enrolment file carries an invalid HQ recovery key."
)
WRONG_KEY = message("recovery.wrong_key", "This HQ key does not open the vault's recovery slot.")
DAMAGED = message("keyslots.damaged", "The key-slot file {source} is damaged ({reason}).")

FORMAT = "fieldapp-keyslots"
FORMAT_VERSION = 1
SECRET_LEN = 96  # DEK 32 + Ed25519 seed 32 + X25519 secret 32
EXTENDED_LEN = 160  # ... + voucher seed 32 + next DEK 32 (zeros: none)
_NONE = bytes(32)


@dataclass(frozen=True)
class SlotSecrets:
    dek: bytes
    signing_seed: bytes
    box_secret: bytes
    voucher_seed: bytes | None = None  # the key that vouches for signing_seed, until the log says so
    next_dek: bytes | None = None  # a re-key's new DEK, until the database has changed key

    def pack(self) -> bytes:
        core = self.dek + self.signing_seed + self.box_secret
        if self.voucher_seed is None and self.next_dek is None:
            return core
        return core + (self.voucher_seed or _NONE) + (self.next_dek or _NONE)

    @classmethod
    def unpack(cls, data: bytes) -> SlotSecrets:
        if len(data) not in (SECRET_LEN, EXTENDED_LEN):
            raise ValueError("bad slot secret length")
        voucher = data[96:128] if len(data) == EXTENDED_LEN and data[96:128] != _NONE else None
        next_dek = data[128:160] if len(data) == EXTENDED_LEN and data[128:160] != _NONE else None
        return cls(data[:32], data[32:64], data[64:96], voucher, next_dek)


@dataclass(frozen=True)
class Slot:
    slot_id: str
    officer_id: str
    officer_name: str
    kdf: KdfParams
    nonce: bytes
    ciphertext: bytes
    kind: str = "officer"  # or "invitation": the one-time passphrase of an officer not yet signed in

    def to_json(self) -> dict[str, Any]:
        data = {
            "slot_id": self.slot_id,
            "officer_id": self.officer_id,
            "officer_name": self.officer_name,
            "kdf": self.kdf.to_json(),
            "nonce": self.nonce.hex(),
            "ciphertext": self.ciphertext.hex(),
        }
        if self.kind != "officer":  # files from before invitations stay byte for byte what they were
            data["kind"] = self.kind
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        kind = str(data.get("kind", "officer"))
        if kind not in ("officer", "invitation"):
            raise ValueError(f"unknown slot kind {kind!r}")
        return cls(
            str(data["slot_id"]),
            str(data["officer_id"]),
            str(data["officer_name"]),
            KdfParams.from_json(data["kdf"]),
            bytes.fromhex(data["nonce"]),
            bytes.fromhex(data["ciphertext"]),
            kind,
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
class SlotFile:
    vault_id: str
    generation: int
    slots: tuple[Slot, ...]
    recovery: RecoverySlot | None = None
    source: str = field(default="current", compare=False)
    # A re-key of an older version, never acted on (see the module docstring); dropped at the next write.
    legacy_pending: dict[str, Any] | None = field(default=None, compare=False)
    # Set by ``load_current`` when a copy was damaged: what unlock writes back once the key opened the vault.
    damaged: tuple[str, ...] = field(default=(), compare=False)
    foreign: bool = field(default=False, compare=False)  # the other copy belonged to another vault
    # HQ's recovery slot over a re-key's new DEK, until the re-key is done (rekey.py); HQ's recovery tries it
    # when the recovery slot's DEK no longer opens the vault.
    next_recovery: RecoverySlot | None = None

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "generation": self.generation,
            "slots": [slot.to_json() for slot in self.slots],
            "recovery": self.recovery.to_json() if self.recovery else None,
            **({"next_recovery": self.next_recovery.to_json()} if self.next_recovery else {}),
        }

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
            pending = body.get("pending")
            return cls(
                str(body["vault_id"]),
                int(body["generation"]),
                tuple(Slot.from_json(item) for item in body["slots"]),
                RecoverySlot.from_json(body["recovery"]) if body["recovery"] else None,
                source,
                pending if isinstance(pending, dict) else None,
                next_recovery=RecoverySlot.from_json(body["next_recovery"])
                if body.get("next_recovery")
                else None,
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError) as exc:
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
        return replace(self, slots=tuple(s for s in self.slots if s.officer_id != officer_id))


def _aad(vault_id: str, slot_id: str, officer_id: str, kdf: KdfParams, kind: str = "officer") -> bytes:
    bound: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "vault_id": vault_id,
        "slot_id": slot_id,
        "officer_id": officer_id,
        "kdf": kdf.to_json(),
    }
    if kind != "officer":  # an invitation slot cannot be passed off as an ordinary one, nor the reverse
        bound["kind"] = kind
    return canonical_json(bound)


def seal_slot(
    vault_id: str,
    slot_id: str,
    officer_id: str,
    officer_name: str,
    passphrase: str,
    secrets: SlotSecrets,
    *,
    kind: str = "officer",
) -> Slot:
    kdf = KdfParams.new()
    nonce = os.urandom(12)
    kek = kdf.derive(passphrase)
    ciphertext = AESGCM(kek).encrypt(nonce, secrets.pack(), _aad(vault_id, slot_id, officer_id, kdf, kind))
    return Slot(slot_id, officer_id, officer_name, kdf, nonce, ciphertext, kind)


def open_slot(vault_id: str, slot: Slot, passphrase: str) -> SlotSecrets:
    kek = slot.kdf.derive(passphrase)
    try:
        plain = AESGCM(kek).decrypt(
            slot.nonce, slot.ciphertext, _aad(vault_id, slot.slot_id, slot.officer_id, slot.kdf, slot.kind)
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
    return open_recovery_slot(slot_file.vault_id, slot_file.recovery, hq_identity)


def open_recovery_slot(vault_id: str, recovery: RecoverySlot, hq_identity: str) -> bytes:
    try:
        identity = pyrage.x25519.Identity.from_str(hq_identity.strip())
        data = json.loads(pyrage.decrypt(recovery.sealed, [identity]))
    except Exception as exc:  # wrong identity or damaged slot: both mean "this key does not open it"
        raise WrongPassphrase(WRONG_KEY) from exc
    if data.get("vault_id") != vault_id:
        raise WrongPassphrase(OTHER_VAULT)
    return bytes.fromhex(data["dek"])


def legacy_pending_recovery(slot_file: SlotFile) -> RecoverySlot | None:
    """HQ's recovery slot over the new DEK of a re-key an older version left unfinished (HQ recovery only)."""
    try:
        data = (slot_file.legacy_pending or {}).get("recovery")
        return RecoverySlot.from_json(data) if isinstance(data, dict) else None
    except (KeyError, TypeError, ValueError):
        return None


def dek_id(dek: bytes) -> str:
    """A name for a DEK that reveals nothing about it."""
    return hashlib.sha256(b"fieldapp-dek-id\0" + dek).hexdigest()[:32]


# --- the two copies on disk ---------------------------------------------------------------------------


def slot_paths(data_dir: Path) -> tuple[Path, Path]:
    current = data_dir / KEYSLOT_FILE
    return current, current.with_name(current.name + ".prev")


@dataclass(frozen=True)
class _Salvaged:
    """What a damaged copy still shows: its vault, generation, slots and recovery slot (each checked alone)."""

    vault_id: str | None
    generation: int | None
    slots: tuple[Slot, ...]
    recovery: RecoverySlot | None
    enrolled: bool | None  # None: cannot tell


def _salvage(raw: bytes) -> _Salvaged:
    try:
        body = json.loads(raw.decode("utf-8"))["body"]
        if not isinstance(body, dict):
            raise TypeError
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
        return _Salvaged(None, None, (), None, None)
    slots = []
    items = body.get("slots")
    for item in items if isinstance(items, list) else []:
        try:
            slots.append(Slot.from_json(item))
        except (ValueError, KeyError, TypeError):
            continue
    recovery = None
    try:
        recovery = RecoverySlot.from_json(body["recovery"]) if body.get("recovery") else None
    except (ValueError, KeyError, TypeError):
        pass
    generation = body.get("generation")
    return _Salvaged(
        str(body["vault_id"]) if isinstance(body.get("vault_id"), str) else None,
        generation if type(generation) is int else None,
        tuple(slots),
        recovery,
        ("recovery" in body and body["recovery"] is not None) if "recovery" in body else None,
    )


def read_generations(data_dir: Path) -> tuple[list[SlotFile], list[KeySlotsCorrupt]]:
    """Every readable copy, newest first, and the damage found on the way."""
    good: list[SlotFile] = []
    damaged: list[KeySlotsCorrupt] = []
    for path, label in zip(slot_paths(data_dir), ("current", "second"), strict=True):
        if not path.exists():
            continue
        try:
            good.append(SlotFile.decode(path.read_bytes(), label))
        except KeySlotsCorrupt as exc:
            damaged.append(exc)
        except OSError as exc:
            damaged.append(KeySlotsCorrupt(CANNOT_READ_COPY, source=label, reason=exc.strerror or exc))
    good.sort(key=lambda f: f.generation, reverse=True)
    return good, damaged


def _raw(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def load_current(data_dir: Path) -> SlotFile:
    """The newest good copy. If the other copy is damaged or missing, ``damaged`` says so, and what that
    copy still shows that the good one lacks (a newer copy's slots, its recovery slot) is merged in."""
    good, damaged = read_generations(data_dir)
    paths = slot_paths(data_dir)
    if not good:
        salvaged = [_salvage(raw) for p in paths if (raw := _raw(p)) is not None]
        if not salvaged:
            raise KeySlotsCorrupt(MISSING)
        enrolled = [s.enrolled for s in salvaged if s.enrolled is not None]
        # One copy or two, what is said is the same: whether HQ's recovery key can open this vault.
        if any(enrolled):
            raise KeySlotsCorrupt(BOTH_DAMAGED_ENROLLED)
        raise KeySlotsCorrupt(BOTH_DAMAGED_NOT_ENROLLED if enrolled else BOTH_DAMAGED_UNKNOWN)
    best = good[0]
    labels = {"current": paths[0], "second": paths[1]}
    flawed = [label for label, path in labels.items() if label not in {f.source for f in good}]
    if len(good) == 2 and good[0].encode() != replace(good[1], generation=good[0].generation).encode():
        flawed.append(good[1].source)  # an older generation (killed between the two writes): rewrite it
    for label in flawed:
        raw = _raw(labels[label])
        if raw is None:
            continue
        found = _salvage(raw)
        if found.vault_id != best.vault_id or (found.generation or 0) <= best.generation:
            continue
        known = {s.officer_id for s in best.slots}
        extra = tuple(s for s in found.slots if s.officer_id not in known)
        best = replace(best, slots=best.slots + extra, recovery=best.recovery or found.recovery)
    foreign = any(f.vault_id != best.vault_id for f in good)
    return replace(best, damaged=tuple(flawed), foreign=foreign)


def _write(data_dir: Path, slot_file: SlotFile) -> SlotFile:
    """Write both copies (the second first: a kill between leaves the new generation readable)."""
    current, second = slot_paths(data_dir)
    new = replace(slot_file, source="current", legacy_pending=None, damaged=())
    raw = new.encode()
    write_atomic(second, raw)
    write_atomic(current, raw)
    return new


def _keep_damaged(data_dir: Path, labels: tuple[str, ...]) -> None:
    """A damaged copy is set aside, never overwritten: it may hold what no other copy does."""
    current, second = slot_paths(data_dir)
    for label in labels:
        path = current if label == "current" else second
        raw = _raw(path)
        if raw is None:
            continue
        try:
            SlotFile.decode(raw, label)
            continue  # readable, only older: nothing to keep
        except KeySlotsCorrupt:
            pass
        stamp = time.strftime("%Y%m%d-%H%M%S")
        write_atomic(path.with_name(f"{current.name}.damaged-{stamp}-{os.urandom(3).hex()}"), raw)


def save(data_dir: Path, slot_file: SlotFile) -> SlotFile:
    """Write a new vault's first key-slot file (both copies); later changes go through ``update``."""
    with locked(slot_paths(data_dir)[0], THE_FILE):
        return _write(data_dir, replace(slot_file, generation=slot_file.generation + 1))


def repair(data_dir: Path, vault_id: str) -> SlotFile:
    """Write both copies again after one was found damaged, missing or older; called by unlock only once the
    key the file gave has opened this vault's database (a foreign copy is never written over the own)."""
    return update(data_dir, vault_id, lambda current: current)


def update(data_dir: Path, vault_id: str, change: Callable[[SlotFile], SlotFile]) -> SlotFile:
    """Read, change and write the key-slot file under its lock; ``change`` must be quick (seal slots first).

    ``vault_id``: the vault whose key has been checked (an open session's): a file of another vault
    is never written over."""
    with locked(slot_paths(data_dir)[0], THE_FILE):
        base = load_current(data_dir)
        if base.vault_id != vault_id:
            raise KeySlotsCorrupt(FOREIGN_FILE)
        _keep_damaged(data_dir, base.damaged)
        return _write(data_dir, replace(change(base), generation=base.generation + 1))


def replace_if_unchanged(current: SlotFile, old: Slot, new: Slot) -> SlotFile:
    """``current`` with ``new`` in place of ``old``, only if the slot is still the one that was opened
    (another program may have changed it meanwhile): for ``update``'s change function."""
    found = current.find(old.officer_id)
    if found is not None and found.nonce == old.nonce and found.ciphertext == old.ciphertext:
        return current.with_slot(new)
    return current
