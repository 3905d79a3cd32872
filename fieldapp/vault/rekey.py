"""Re-keying a vault after an officer is revoked: a fresh data key (DEK), so the old one opens nothing new.

A revoked officer once held the DEK (their slot unwrapped it at every unlock), so removing their slot
is not enough. The re-key is done with the remaining officers present: each types their passphrase and
their slot is resealed directly, so nothing is ever sealed to a key read from a file or the database
that the revoked officer could have replaced (before 0.2 the new DEK was left sealed to each officer's
X25519 key in an unauthenticated block of the key-slot file; that block is no longer acted on). An
invited officer who has not signed in yet loses the invitation (the admin invites them again).

The steps, ordered so that a kill at any point leaves a vault every remaining officer can open:

1. ``staged``: every remaining slot is resealed holding the old DEK and, inside its own encryption, the
   new one (``next_dek``); nobody else can write into a slot. HQ's recovery slot over the new DEK waits
   beside the current one (``next_recovery``). The old DEK still opens the database.
2. ``backups``: migration backups are deleted (copies under the old DEK the revoked officer could read).
3. ``rotated``: the laptop's device key is replaced (``device.rotate``, signed by the old key and vouched
   for by the new one; HQ approves the new fingerprint): the revoked officer could read the old one.
4. ``PRAGMA rekey``: SQLCipher rewrites every page under the new key in one transaction, then a
   checkpoint empties the WAL. From here an officer's unlock opens the vault with the slot's
   ``next_dek`` (and writes their slot and HQ's recovery slot over the new DEK).
5. ``done``: every slot is resealed holding the new DEK alone, and HQ's recovery slot over it.

What a re-key cannot do: anything the revoked officer copied before it (the vault file, a backup, an
export) stays readable to them with the old DEK; it protects what is recorded from now on and any copy
of the laptop's files taken later.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.errors import ValidationError, VaultCorrupt, WrongPassphrase, message, term
from fieldapp.paths import BACKUP_DIR, VAULT_FILE
from fieldapp.records.authority import rotation_message
from fieldapp.vault import backoff, keyslots
from fieldapp.vault.db import Connection, open_database
from fieldapp.vault.session import PREVIOUS_DEVICE_KEY_META, ROTATED_AT_META, Session

REKEY = term("actions", "re-key the vault")
READ_BACK_FAILED = message(
    "rekey.read_back_failed", "The re-keyed vault could not be read back with its new key."
)
OWN_SLOT_MISSING = message("officer.own_slot_missing", "Your key slot is missing from this vault.")
WRONG_FOR_OFFICER = message("rekey.wrong_for_officer", "The passphrase typed for {name} is not right.")
ABSENT_OFFICERS = message(
    "rekey.absent_officers",
    "A re-key needs every remaining officer to type their passphrase on this laptop; missing: {names}. "
    "Disable an officer who cannot come, then re-key.",
)

_HEX_KEY = re.compile(r"[0-9a-f]{64}")

# Called with the name of each step as it is reached; tests use it to kill the process between steps.
Checkpoint = Callable[[str], None]


@dataclass(frozen=True)
class RekeyResult:
    resealed: list[str]  # the other officers whose slots now hold the new key
    backups_deleted: int
    checkpointed: bool  # False: another program had the vault open; the WAL is emptied later
    invitations_dropped: list[str]  # invited officers who had not signed in yet: invite them again


def _rekey_pragma(dek: bytes) -> str:
    hex_key = dek.hex()
    if len(dek) != 32 or not _HEX_KEY.fullmatch(hex_key):
        raise ValueError("the data key must be 32 bytes")
    # PRAGMAs take no parameters: the statement is built only from validated hex, never from user text.
    return f"PRAGMA rekey = \"x'{hex_key}'\""


def _checkpoint(conn: Connection) -> bool:
    """Move every page (now under the new key) from the WAL into the main file and empty the WAL, so no
    page under the old key is left in either. False when another connection holds the vault open."""
    busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not busy


def _check_new_key(path: Path, dek: bytes, vault_id: str) -> None:
    """A second connection must open the vault with the new key before any slot depends on it."""
    conn = open_database(path, dek)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
    finally:
        conn.close()
    if row is None or row[0] != vault_id:
        raise VaultCorrupt(READ_BACK_FAILED)


def delete_backups(data_dir: Path) -> int:
    folder = data_dir / BACKUP_DIR
    if not folder.is_dir():
        return 0
    count = 0
    for item in folder.iterdir():
        if item.is_file():
            item.unlink()
            count += 1
    return count


def _open_all(
    session: Session, current: keyslots.SlotFile, passphrases: Mapping[str, str]
) -> tuple[dict[str, tuple[keyslots.Slot, keyslots.SlotSecrets, str]], list[str]]:
    """Every remaining officer's slot, opened with the passphrase they typed; invitations dropped."""
    active = {o.id: o for o in session.officers() if o.active}
    opened: dict[str, tuple[keyslots.Slot, keyslots.SlotSecrets, str]] = {}
    missing: list[str] = []
    dropped: list[str] = []
    for slot in current.slots:
        officer = active.get(slot.officer_id)
        if officer is None:
            continue  # a slot left behind for a disabled officer is dropped
        if slot.kind == "invitation":
            dropped.append(officer.name)
            continue
        passphrase = passphrases.get(officer.id) or passphrases.get(officer.name)
        if passphrase is None:
            missing.append(officer.name)
            continue
        backoff.check(session.data_dir)  # a wrong passphrase here counts like one at the unlock screen
        try:
            secrets = keyslots.open_slot(current.vault_id, slot, passphrase)
        except WrongPassphrase:
            backoff.record_failure(session.data_dir)
            raise WrongPassphrase(WRONG_FOR_OFFICER, name=officer.name) from None
        backoff.reset(session.data_dir)
        opened[officer.id] = (slot, secrets, passphrase)
    if missing:
        raise ValidationError(ABSENT_OFFICERS, names=", ".join(sorted(missing)))
    if session.officer.id not in opened:
        raise ValidationError(OWN_SLOT_MISSING)
    return opened, dropped


def rekey_vault(
    session: Session, passphrases: Mapping[str, str], *, checkpoint: Checkpoint | None = None
) -> RekeyResult:
    """Give the vault a fresh DEK (admin only). ``passphrases``: officer id or name -> passphrase, for the
    signed-in admin (asked again) and every other remaining officer, each typed by its officer."""
    step = checkpoint or (lambda _name: None)
    session.require("admin", REKEY)
    folder = session.data_dir
    current = keyslots.load_current(folder)
    opened, dropped = _open_all(session, current, passphrases)
    new_dek = os.urandom(32)

    staged = {
        oid: keyslots.seal_slot(
            current.vault_id, slot.slot_id, oid, slot.officer_name, pp, replace(secrets, next_dek=new_dek)
        )
        for oid, (slot, secrets, pp) in opened.items()
    }
    recovery = current.recovery
    hq_recipient = session.meta("hq_recipient")
    next_recovery = None
    if recovery is not None and hq_recipient:
        next_recovery = keyslots.seal_recovery(current.vault_id, new_dek, hq_recipient, recovery.hq_key_id)
    keyslots.update(
        folder,
        session.vault_id,
        lambda f: replace(f, slots=tuple(staged.values()), next_recovery=next_recovery),
    )
    step("staged")

    deleted = delete_backups(folder)
    step("backups")

    rotate_device_key(session)
    step("rotated")

    step("rekeying")
    # One transaction that rewrites every page (as WAL frames, durable at the commit): the commit is the
    # moment the vault changes key; before it the old DEK opens it, after it the new one.
    session.conn.execute(_rekey_pragma(new_dek))
    own = replace(opened[session.officer.id][1], dek=new_dek, next_dek=None)
    session.adopt_keys(new_dek, own)
    checkpointed = _checkpoint(session.conn)
    _check_new_key(folder / VAULT_FILE, new_dek, current.vault_id)
    step("rekeyed")

    final = {
        oid: keyslots.seal_slot(
            current.vault_id,
            slot.slot_id,
            oid,
            slot.officer_name,
            pp,
            replace(secrets, dek=new_dek, next_dek=None),
        )
        for oid, (slot, secrets, pp) in opened.items()
    }
    recovery = current.recovery
    hq_recipient = session.meta("hq_recipient")
    if recovery is not None and hq_recipient:
        recovery = keyslots.seal_recovery(current.vault_id, new_dek, hq_recipient, recovery.hq_key_id)
    keyslots.update(
        folder, session.vault_id, lambda f: replace(f, slots=tuple(final.values()), recovery=recovery)
    )
    step("done")
    others = sorted(session.find_officer(oid).name for oid in opened if oid != session.officer.id)
    return RekeyResult(others, deleted, checkpointed, sorted(dropped))


def rotate_device_key(session: Session) -> None:
    """A new device key, announced in the log by the old one (``device.rotate``, vouched for by the new
    key's own signature); HQ approves it by its fingerprint before taking the laptop's next bundle."""
    new = Ed25519PrivateKey.generate()
    new_hex = new.public_key().public_bytes_raw().hex()
    proof = new.sign(rotation_message(session.device_id, session.device_public_key, new_hex)).hex()
    with session.log.transaction():
        old = session.meta("device_key")
        event = session.log.append(
            "device", session.device_id, "rotate", {"public_key": new_hex, "proof": proof}
        )
        session.set_meta("device_key", new.private_bytes_raw().hex())
        if (
            old and session.meta(PREVIOUS_DEVICE_KEY_META) is None
        ):  # the key HQ approved, for network requests
            session.set_meta(PREVIOUS_DEVICE_KEY_META, old)
        session.set_meta(ROTATED_AT_META, str(event.device_seq))
    session.log.use_keys(device_key=new)


REKEY_NOTICE = (
    "The vault now has a new data key and this laptop a new device key: a copy of the vault taken from now "
    "on cannot be opened with the old one. HQ must approve the laptop's new key fingerprint before it takes "
    "its next bundle. Anything the disabled officer copied before today (the vault file, a migration "
    "backup, an export) stays readable to them; the {backups} migration backup(s) made under the old key "
    "were deleted from this laptop."
)
