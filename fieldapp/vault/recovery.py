"""HQ recovery: HQ opens a vault whose officers are all gone, with the recovery slot sealed to its key."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.errors import VaultCorrupt
from fieldapp.paths import VAULT_FILE, prepare_data_dir
from fieldapp.records.ids import uuid7
from fieldapp.records.log import EventLog
from fieldapp.vault import keyslots
from fieldapp.vault.db import open_database
from fieldapp.vault.migrate import migrate
from fieldapp.vault.session import Session, _new_secrets, _open, _public_hex, check_new_passphrase


def recover(data_dir: Path | str | None, hq_identity: str, officer_name: str, passphrase: str) -> Session:
    """HQ opens a vault whose officers are gone: the recovery slot gives the data key, and a new
    admin officer (with a new signing key) is added so the vault can be used again."""
    folder = prepare_data_dir(data_dir, create=False)
    check_new_passphrase(passphrase)
    slot_file = keyslots.load_current(folder)
    dek = keyslots.open_recovery(slot_file, hq_identity)
    try:
        conn = open_database(folder / VAULT_FILE, dek)
    except VaultCorrupt:
        # Killed half-way through a re-key: the vault may already be under the new key.
        if slot_file.pending is None or slot_file.pending.recovery is None:
            raise
        dek = keyslots.open_recovery(replace(slot_file, recovery=slot_file.pending.recovery), hq_identity)
        conn = open_database(folder / VAULT_FILE, dek)
    officer_id = uuid7()
    secrets = _new_secrets(dek)
    try:
        migrate(conn, folder)
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        log = EventLog(
            conn,
            device_id=meta["device_id"],
            device_key=Ed25519PrivateKey.from_private_bytes(bytes.fromhex(meta["device_key"])),
            officer_id=officer_id,
            officer_key=Ed25519PrivateKey.from_private_bytes(secrets.signing_seed),
        )
        public = _public_hex(Ed25519PrivateKey.from_private_bytes(secrets.signing_seed))
        log.append(
            "officer",
            officer_id,
            "create",
            {"name": officer_name, "role": "admin", "public_key": public, "via": "hq_recovery"},
        )
    finally:
        conn.close()
    slot = keyslots.seal_slot(slot_file.vault_id, uuid7(), officer_id, officer_name, passphrase, secrets)
    keyslots.save(folder, slot_file.with_slot(slot))
    return _open(folder, slot_file.vault_id, dek, officer_id, secrets, [])
