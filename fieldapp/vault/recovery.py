"""HQ recovery: HQ opens a vault whose officers are all gone, with the recovery slot sealed to its key.

The new admin officer's creation is signed by an Ed25519 key derived (HKDF) from HQ's recovery key,
whose public half the laptop pinned in its log when it was enrolled: the checkers (records.authority)
accept a "created by HQ's recovery" officer only with that signature, so nobody but the holder of HQ's
recovery key can claim it.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldapp.errors import VaultCorrupt
from fieldapp.paths import VAULT_FILE, prepare_data_dir
from fieldapp.records.authority import recovery_message
from fieldapp.records.ids import uuid7
from fieldapp.records.log import EventLog
from fieldapp.vault import keyslots
from fieldapp.vault.db import open_database
from fieldapp.vault.migrate import migrate
from fieldapp.vault.officers import ensure_log_format
from fieldapp.vault.passphrase import check_new_passphrase
from fieldapp.vault.roles import LOG_FORMAT_META
from fieldapp.vault.session import Session, _new_secrets, _open, _public_hex

_AUTHORITY_INFO = b"fieldapp-hq-recovery-authority-v1"


def recovery_authority_key(hq_identity: str) -> Ed25519PrivateKey:
    """The signing key that goes with HQ's recovery identity (an age X25519 secret key string)."""
    seed = HKDF(hashes.SHA256(), 32, salt=None, info=_AUTHORITY_INFO).derive(hq_identity.strip().encode())
    return Ed25519PrivateKey.from_private_bytes(seed)


def recovery_authority_public(hq_identity: str) -> str:
    return recovery_authority_key(hq_identity).public_key().public_bytes_raw().hex()


def recover(data_dir: Path | str | None, hq_identity: str, officer_name: str, passphrase: str) -> Session:
    """HQ opens a vault whose officers are gone: the recovery slot gives the data key, and a new
    admin officer (with a new signing key) is added so the vault can be used again."""
    folder = prepare_data_dir(data_dir, create=False)
    check_new_passphrase(passphrase, (officer_name,))
    slot_file = keyslots.load_current(folder)
    dek = keyslots.open_recovery(slot_file, hq_identity)
    try:
        conn = open_database(folder / VAULT_FILE, dek)
    except VaultCorrupt:
        # Killed half-way through a re-key: the vault may already be under its new key.
        following = slot_file.next_recovery or keyslots.legacy_pending_recovery(slot_file)
        if following is None:
            raise
        dek = keyslots.open_recovery_slot(slot_file.vault_id, following, hq_identity)
        conn = open_database(folder / VAULT_FILE, dek)
    officer_id = uuid7()
    secrets = _new_secrets(dek)
    try:
        migrate(conn, folder)
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        officer_key = Ed25519PrivateKey.from_private_bytes(secrets.signing_seed)
        log = EventLog(
            conn,
            device_id=meta["device_id"],
            device_key=Ed25519PrivateKey.from_private_bytes(bytes.fromhex(meta["device_key"])),
            officer_id=officer_id,
            officer_key=officer_key,
            log_format=int(meta.get(LOG_FORMAT_META, "1")),
        )
        payload = {
            "name": officer_name,
            "role": "admin",
            "public_key": _public_hex(officer_key),
            "via": "hq_recovery",
        }
        signature = recovery_authority_key(hq_identity).sign(
            recovery_message(meta["device_id"], officer_id, payload)
        )
        log.append("officer", officer_id, "create", {**payload, "hq_sig": signature.hex()})
    finally:
        conn.close()
    slot = keyslots.seal_slot(slot_file.vault_id, uuid7(), officer_id, officer_name, passphrase, secrets)
    keyslots.update(folder, slot_file.vault_id, lambda current: current.with_slot(slot))
    session = _open(folder, slot_file.vault_id, dek, officer_id, secrets, [])
    try:
        ensure_log_format(session)
    except BaseException:
        session.close()
        raise
    return session
