"""Re-keying a vault after an officer is revoked: a fresh data key (DEK), so the old one opens nothing new.

A revoked officer once held the DEK (their slot unwrapped it at every unlock), so removing their slot
is not enough. The steps, ordered so that a kill at any point leaves a vault every remaining officer
can open:

1. ``pending``: the key-slot file gains the new DEK sealed to every remaining officer's X25519 key
   (and HQ's recovery slot sealed over the new DEK). Slots still hold the old DEK, which still opens
   the database. A kill here is an abandoned re-key: harmless, and unlock warns that it did not finish.
2. ``backups``: migration backups are deleted. They are copies under the old DEK that the revoked
   officer could read; they only exist to undo a schema migration that has long since succeeded, and
   every record in them is still in the vault's append-only log. Deleted before the database changes
   key, so no state after the re-key still holds them.
3. ``PRAGMA rekey``: SQLCipher rewrites every page under the new key in one transaction (in WAL mode,
   as WAL frames made durable by the commit), so the database is under the old key or the new one,
   never a mix. A checkpoint then moves every page into the main file and truncates the WAL.
   From here an officer whose slot holds the old DEK unseals the new one from ``pending`` at their
   next unlock, and their slot is rewritten (fieldapp/vault/session.py).
4. The admin's own slot is rewritten to the new DEK, HQ's recovery slot is replaced, and ``pending``
   keeps only the officers still to pick the new DEK up.

What a re-key cannot do: anything the revoked officer copied before it (the vault file, a backup, an
export) stays readable to them with the old DEK; it protects what is recorded from now on and any copy
of the laptop's files taken later.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from fieldapp.errors import ValidationError, VaultCorrupt, WrongPassphrase, message, term
from fieldapp.paths import BACKUP_DIR, VAULT_FILE
from fieldapp.vault import backoff, keyslots
from fieldapp.vault.db import Connection, open_database
from fieldapp.vault.session import Session, box_meta_key

REKEY = term("actions", "re-key the vault")
READ_BACK_FAILED = message(
    "rekey.read_back_failed", "The re-keyed vault could not be read back with its new key."
)
OWN_SLOT_MISSING = message("officer.own_slot_missing", "Your key slot is missing from this vault.")
OFFICERS_WITHOUT_BOX_KEY = message(
    "rekey.officers_without_box_key",
    "These officers have not unlocked this vault since re-keying was added, so the new key cannot be delivered to them: {unknown}. Ask each to unlock once (or disable them), then re-key.",
)

_HEX_KEY = re.compile(r"[0-9a-f]{64}")

# Called with the name of each step as it is reached; tests use it to kill the process between steps.
Checkpoint = Callable[[str], None]


@dataclass(frozen=True)
class RekeyResult:
    delivered_to: list[str]  # officers who pick the new key up at their next unlock
    backups_deleted: int
    checkpointed: bool  # False: another program had the vault open; the WAL is emptied later


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


def rekey_vault(session: Session, passphrase: str, *, checkpoint: Checkpoint | None = None) -> RekeyResult:
    """Give the vault a fresh DEK (admin only); ``passphrase`` is the signed-in admin's, asked again.

    Every other active officer keeps their passphrase: the new DEK reaches them through ``pending``.
    """
    step = checkpoint or (lambda _name: None)
    session.require("admin", REKEY)
    folder = session.data_dir
    current = keyslots.load_current(folder)
    own_slot = current.find(session.officer.id)
    if own_slot is None:
        raise ValidationError(OWN_SLOT_MISSING)
    backoff.check(folder)  # a wrong passphrase here counts like one at the unlock screen
    try:
        own = keyslots.open_slot(current.vault_id, own_slot, passphrase)
    except WrongPassphrase:
        backoff.record_failure(folder)
        raise
    backoff.reset(folder)

    active = {o.id: o for o in session.officers() if o.active}
    recipients: dict[str, bytes] = {}
    unknown: list[str] = []
    for slot in current.slots:
        if slot.officer_id not in active:
            continue  # a slot left behind for a disabled officer gets nothing (and is dropped below)
        public = session.meta(box_meta_key(slot.officer_id))
        if public is None:
            unknown.append(slot.officer_name)
        else:
            recipients[slot.officer_id] = bytes.fromhex(public)
    if unknown:
        raise ValidationError(OFFICERS_WITHOUT_BOX_KEY, unknown=", ".join(sorted(unknown)))

    new_dek = os.urandom(32)
    recovery = None  # (an enrolled vault always has hq_recipient; without it the old slot is kept as is)
    hq_recipient = session.meta("hq_recipient")
    if current.recovery is not None and hq_recipient:
        recovery = keyslots.seal_recovery(current.vault_id, new_dek, hq_recipient, current.recovery.hq_key_id)
    pending = keyslots.PendingRekey(
        keyslots.dek_id(new_dek),
        {
            oid: keyslots.seal_dek(current.vault_id, oid, public, new_dek)
            for oid, public in recipients.items()
        },
        recovery,
    )
    slots = tuple(s for s in current.slots if s.officer_id in active)
    staged = keyslots.save(folder, replace(current, slots=slots, pending=pending))
    step("pending")

    deleted = delete_backups(folder)
    step("backups")

    step("rekeying")
    # One transaction that rewrites every page (as WAL frames, durable at the commit): the commit is the
    # moment the vault changes key; before it the old DEK opens it, after it the new one.
    session.conn.execute(_rekey_pragma(new_dek))
    new_secrets = replace(own, dek=new_dek)
    session.adopt_keys(new_dek, new_secrets)
    checkpointed = _checkpoint(session.conn)
    _check_new_key(folder / VAULT_FILE, new_dek, current.vault_id)
    step("rekeyed")

    resealed = keyslots.seal_slot(
        current.vault_id, own_slot.slot_id, session.officer.id, session.officer.name, passphrase, new_secrets
    )
    remaining = pending.without(session.officer.id)
    keyslots.save(
        folder,
        replace(
            staged.with_slot(resealed),
            recovery=recovery or staged.recovery,
            pending=replace(remaining, recovery=None) if remaining.sealed else None,
        ),
    )
    step("done")
    names = sorted(active[oid].name for oid in remaining.sealed)
    return RekeyResult(names, deleted, checkpointed)


REKEY_NOTICE = (
    "The vault now has a new data key: a copy of the vault taken from now on cannot be opened with the "
    "old one. Other officers keep their passphrases. Anything the disabled officer copied before today "
    "(the vault file, a migration backup, an export) stays readable to them; the {backups} migration "
    "backup(s) made under the old key were deleted from this laptop."
)
