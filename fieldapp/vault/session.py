"""Creating, unlocking and locking a vault. A Session is an unlocked vault: one connection, keys, officer.

Nothing here keeps a passphrase: it is turned into a key-encryption key and dropped. Locking closes
the connection and forgets the keys (as far as Python lets bytes be forgotten). Officers' invitations,
first unlocks and key changes are in fieldapp/vault/officers.py.
"""

from __future__ import annotations

import json
import os
import platform
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import sqlcipher3
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from fieldapp.atomic import fsync_dir
from fieldapp.errors import (
    NotAllowed,
    OfficerRevoked,
    Term,
    UnknownOfficer,
    ValidationError,
    VaultCorrupt,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
    message,
)
from fieldapp.paths import VAULT_FILE, prepare_data_dir
from fieldapp.records.authority import LOG_FORMAT, ROLES
from fieldapp.records.events import MANIFEST_CONTEXT
from fieldapp.records.ids import uuid7
from fieldapp.records.log import EventLog
from fieldapp.vault import backoff, keyslots
from fieldapp.vault.db import Connection, damaged, open_database
from fieldapp.vault.migrate import migrate
from fieldapp.vault.passphrase import check_new_passphrase
from fieldapp.vault.roles import (
    LOG_FORMAT_META,
    ROLE_LABELS,
    Officer,
)

UNKNOWN = message("officer.unknown", "There is no officer called '{name_or_id}' in this vault.")
EXISTS = message(
    "vault.exists",
    "A vault already exists in {folder}; use another --data-dir for a new one.",
)
FIRST_NEEDS_NAME = message("officer.first_needs_name", "The first officer needs a name.")
NOT_FOUND = message("vault.not_found", "There is no vault in {folder}. Create one with `fieldapp init`.")
UNKNOWN_FOR_UNLOCK = message(
    "officer.unknown_for_unlock", "No officer '{officer}' can unlock this vault. Officers: {names}."
)
REVOKED_BY_HQ = message(
    "officer.revoked_by_hq",
    "HQ has revoked {name}'s access to this laptop, so {name} can no longer unlock it. Another officer can; the laptop's admin should disable this officer and re-key the vault (fieldapp officer disable NAME --rekey).",
)
ROLE_REQUIRED = message("officer.role_required", "Only a {role} can {action}. You are signed in as {name}.")
WRONG_PASSPHRASE = message("passphrase.not_right", "The passphrase is not right.")
WRONG_PASSPHRASE_WAIT = message(
    "passphrase.not_right_wait", "The passphrase is not right. Wait {seconds} seconds before the next try."
)
OWN_SLOT_MISSING = message("officer.own_slot_missing", "Your key slot is missing from this vault.")
FOREIGN_KEYSLOTS = message("vault.foreign_keyslots", "The vault file does not belong to this key-slot file.")
NOT_RECORDED = message("officer.not_recorded", "This officer is not recorded in the vault.")
DISABLED = message("officer.disabled", "{name} has been disabled and can no longer unlock this vault.")

__all__ = ["ROLES", "Officer", "Session", "check_new_passphrase", "create_vault", "unlock"]


def _public_hex(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def _new_secrets(dek: bytes) -> keyslots.SlotSecrets:
    return keyslots.SlotSecrets(dek, os.urandom(32), os.urandom(32))


# The officers HQ has revoked, as its signed receipts said (a JSON list of ids; fieldapp.sync.receipt).
HQ_REVOKED_META = "hq_revoked_officers"
# After a re-key: the device key before the rotation, and the seq of the rotation (rekey.rotate_device_key).
PREVIOUS_DEVICE_KEY_META, ROTATED_AT_META = "device_key_previous", "device_key_rotated_seq"


class Session:
    """An unlocked vault. Owned by one thread (the UI's database worker or the CLI)."""

    def __init__(
        self,
        *,
        data_dir: Path,
        conn: Connection,
        vault_id: str,
        dek: bytes,
        officer: Officer,
        secrets: keyslots.SlotSecrets,
        warnings: list[str],
    ) -> None:
        self.data_dir = data_dir
        self.conn = conn
        self.vault_id = vault_id
        self._dek: bytes | None = dek
        self.officer = officer
        self._secrets: keyslots.SlotSecrets | None = secrets
        self.warnings = warnings
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        self.device_id: str = meta["device_id"]
        self.device_name: str = meta["device_name"]
        self.log = EventLog(
            conn,
            device_id=self.device_id,
            device_key=Ed25519PrivateKey.from_private_bytes(bytes.fromhex(meta["device_key"])),
            officer_id=officer.id,
            officer_key=Ed25519PrivateKey.from_private_bytes(secrets.signing_seed),
            log_format=int(meta.get(LOG_FORMAT_META, "1")),
        )
        from fieldapp.vault.hq_sets import SETS_META, install_indicator_sets

        if problem := install_indicator_sets(meta.get(SETS_META)):  # HQ's sets from the enrolment file
            self.warnings.append(problem)

    @property
    def is_open(self) -> bool:
        return self._dek is not None

    def require(self, role: str, action: Term) -> None:
        if not self.officer.has_role(role):
            raise NotAllowed(ROLE_REQUIRED, role=ROLE_LABELS[role], action=action, name=self.officer.name)

    def sign_document(self, digest: bytes) -> bytes:
        """Sign a printed document's SHA-256 with this laptop's device key (see reports/qr.py)."""
        return self.log.sign_document(digest)

    def sign_manifest(self, digest: bytes) -> bytes:
        """Sign a sync bundle manifest's SHA-256 with this laptop's device key (see sync/bundle.py)."""
        return self.log.sign_manifest(digest)

    @property
    def device_public_key(self) -> str:
        return self.log.device_public_key

    def request_key(self) -> tuple[str, Callable[[bytes], bytes]]:
        """The device key that signs requests to `hq serve`: after a re-key, the previous one until HQ has
        taken the rotation (HQ knows the new key only from the bundle that announces it); then the current."""
        previous = self.meta(PREVIOUS_DEVICE_KEY_META)
        if previous is None:
            return self.device_public_key, self.sign_manifest
        key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(previous))
        return key.public_key().public_bytes_raw().hex(), lambda digest: key.sign(MANIFEST_CONTEXT + digest)

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def adopt_keys(self, dek: bytes, secrets: keyslots.SlotSecrets) -> None:
        """After a re-key (fieldapp/vault/rekey.py): the open connection already uses ``dek``."""
        self._dek = dek
        self._secrets = secrets

    def close(self) -> None:
        """Lock: close the connection and forget the keys."""
        if self._dek is None:
            return
        self.log.forget_keys()
        self._dek = None
        self._secrets = None
        self.conn.close()

    # --- officers ---------------------------------------------------------------------------

    def officers(self) -> list[Officer]:
        rows = self.conn.execute("SELECT id, name, role, active FROM officers ORDER BY name").fetchall()
        return [Officer(r[0], r[1], r[2], bool(r[3])) for r in rows]

    def find_officer(self, name_or_id: str) -> Officer:
        for officer in self.officers():
            if officer.id == name_or_id or officer.name.casefold() == name_or_id.casefold():
                return officer
        raise UnknownOfficer(UNKNOWN, name_or_id=name_or_id)

    def add_officer(self, name: str, role: str, invitation_passphrase: str) -> Officer:
        """Invite an officer (admin only): their slot opens with a one-time passphrase the admin gives them,
        and their first unlock makes their own signing key and passphrase (fieldapp.vault.officers)."""
        from fieldapp.vault.officers import invite

        return invite(self, name, role, invitation_passphrase)

    def set_role(self, name_or_id: str, role: str) -> Officer:
        from fieldapp.vault.officers import set_role

        return set_role(self, name_or_id, role)

    @property
    def secrets(self) -> keyslots.SlotSecrets:
        assert self._secrets is not None, "the session is locked"
        return self._secrets

    def change_passphrase(self, new: str) -> None:
        """Rewrap this officer's own slot; the old passphrase stops working in both copies.

        The session was unlocked with the current passphrase; a UI asks for it again first.
        """
        check_new_passphrase(new, (self.officer.name,))
        assert self._secrets is not None
        old_slot = keyslots.load_current(self.data_dir).find(self.officer.id)
        assert old_slot is not None
        slot = keyslots.seal_slot(
            self.vault_id, old_slot.slot_id, self.officer.id, self.officer.name, new, self._secrets
        )
        keyslots.update(self.data_dir, self.vault_id, lambda current: current.with_slot(slot))
        self.log.append("officer", self.officer.id, "passphrase_changed", {})

    def verify_passphrase(self, passphrase: str) -> None:
        """Confirm the signed-in officer's passphrase (before finalising, for instance)."""
        backoff.check(self.data_dir)
        slot = keyslots.load_current(self.data_dir).find(self.officer.id)
        if slot is None:
            raise UnknownOfficer(OWN_SLOT_MISSING)
        try:
            keyslots.open_slot(self.vault_id, slot, passphrase)
        except WrongPassphrase:
            backoff.record_failure(self.data_dir)
            raise
        backoff.reset(self.data_dir)

    def disable_officer(self, name_or_id: str) -> Officer:
        from fieldapp.vault.officers import disable

        return disable(self, name_or_id)

    def enrol_recovery(self, hq_recipient: str, hq_key_id: str) -> None:
        """Seal the data key to HQ's recovery key (done when the laptop is enrolled)."""
        assert self._dek is not None
        recovery = keyslots.seal_recovery(self.vault_id, self._dek, hq_recipient, hq_key_id)
        keyslots.update(self.data_dir, self.vault_id, lambda current: replace(current, recovery=recovery))


# --- opening ----------------------------------------------------------------------------------


def vault_exists(data_dir: Path) -> bool:
    return (data_dir / VAULT_FILE).exists()


def slot_officers(data_dir: Path) -> list[tuple[str, str]]:
    """(officer id, name) for the unlock screen: readable before unlocking."""
    data_dir = prepare_data_dir(data_dir, create=False)
    if not vault_exists(data_dir):
        raise VaultNotFound(NOT_FOUND, folder=data_dir)
    return sorted(
        ((s.officer_id, s.officer_name) for s in keyslots.load_current(data_dir).slots), key=lambda x: x[1]
    )


def create_vault(
    data_dir: Path | str | None, officer_name: str, passphrase: str, *, device_name: str | None = None
) -> Session:
    """A new vault with its first officer (admin, signing their own creation) and this laptop's device key."""
    folder = prepare_data_dir(data_dir)
    if vault_exists(folder):
        raise VaultExists(EXISTS, folder=folder)
    officer_name = officer_name.strip()
    if not officer_name:
        raise ValidationError(FIRST_NEEDS_NAME)
    check_new_passphrase(passphrase, (officer_name,))
    vault_id, device_id, officer_id = uuid7(), uuid7(), uuid7()
    dek = os.urandom(32)
    device_key = Ed25519PrivateKey.generate()
    secrets = _new_secrets(dek)
    officer_key = Ed25519PrivateKey.from_private_bytes(secrets.signing_seed)
    device_name = device_name or platform.node() or "laptop"

    # Build under a temporary name and move it into place last: a crash leaves no half-made vault.
    building = folder / (VAULT_FILE + ".new")
    for leftover in (
        building,
        building.with_name(building.name + "-wal"),
        building.with_name(building.name + "-shm"),
    ):
        leftover.unlink(missing_ok=True)
    conn = open_database(building, dek)
    try:
        migrate(conn, None)
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [
                ("vault_id", vault_id),
                ("device_id", device_id),
                ("device_name", str(device_name)),
                ("device_key", device_key.private_bytes_raw().hex()),
                ("created_at", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
                (LOG_FORMAT_META, str(LOG_FORMAT)),
            ],
        )
        log = EventLog(
            conn, device_id=device_id, device_key=device_key, officer_id=officer_id, officer_key=officer_key
        )
        with log.transaction():
            log.append(
                "device",
                device_id,
                "init",
                {"name": str(device_name), "public_key": _public_hex(device_key), "log_format": LOG_FORMAT},
            )
            log.append(
                "officer",
                officer_id,
                "create",
                {"name": officer_name, "role": "admin", "public_key": _public_hex(officer_key)},
            )
    finally:
        conn.close()
    slot = keyslots.seal_slot(vault_id, uuid7(), officer_id, officer_name, passphrase, secrets)
    for stale in keyslots.slot_paths(folder):
        stale.unlink(missing_ok=True)
    keyslots.save(folder, keyslots.SlotFile(vault_id, 0, (slot,)))  # both copies, from the first moment
    os.replace(building, folder / VAULT_FILE)
    fsync_dir(folder)
    return _open(folder, vault_id, dek, officer_id, secrets, [])


def unlock(
    data_dir: Path | str | None,
    officer: str,
    passphrase: str,
    *,
    new_passphrase: str | None = None,
    clock: Callable[[], float] = time.time,
) -> Session:
    """Unlock with an officer's passphrase. Wrong passphrases back off (and the back-off persists).

    An invited officer's first unlock takes the one-time passphrase and ``new_passphrase``, their own
    (without it: ChoosePassphrase once the one-time passphrase proved right)."""
    from fieldapp.vault import officers

    folder = prepare_data_dir(data_dir, create=False)
    if not vault_exists(folder):
        raise VaultNotFound(NOT_FOUND, folder=folder)
    backoff.check(folder, clock)
    _, damaged_copies = keyslots.read_generations(folder)
    slot_file = keyslots.load_current(folder)
    slot = slot_file.find(officer)
    if slot is None:
        names = ", ".join(s.officer_name for s in slot_file.slots)
        raise UnknownOfficer(UNKNOWN_FOR_UNLOCK, officer=officer, names=names)
    try:
        secrets = keyslots.open_slot(slot_file.vault_id, slot, passphrase)
    except WrongPassphrase:
        wait = backoff.record_failure(folder, clock)
        if wait:
            raise WrongPassphrase(WRONG_PASSPHRASE_WAIT, seconds=int(wait)) from None
        raise WrongPassphrase(WRONG_PASSPHRASE) from None
    backoff.reset(folder)
    warnings = [str(exc) for exc in damaged_copies]
    session = _open_slot_key(folder, slot_file, slot, secrets, passphrase, warnings)
    try:
        if slot_file.damaged:
            # Only now that the key has opened this vault's database is the key-slot file written again.
            keyslots.repair(folder, slot_file.vault_id)
            if damaged_copies or slot_file.foreign:
                warnings.append("The key-slot file was damaged and has been restored from its other copy.")
        _refuse_if_revoked(session)
        if slot.kind == "invitation":
            slot, passphrase = officers.first_unlock(session, slot, passphrase, new_passphrase)
        officers.settle(session, slot, passphrase)
    except BaseException:
        session.close()
        raise
    return _sweep_orphan_photos(session)


def _open_slot_key(
    folder: Path,
    slot_file: keyslots.SlotFile,
    slot: keyslots.Slot,
    secrets: keyslots.SlotSecrets,
    passphrase: str,
    warnings: list[str],
) -> Session:
    """Open with the slot's DEK; during a re-key killed after the database changed key, with the new DEK
    the slot also holds (then the slot is written again to hold that one alone, and HQ's recovery slot
    is sealed over it)."""
    vault_id = slot_file.vault_id
    try:
        session = _open(folder, vault_id, secrets.dek, slot.officer_id, secrets, warnings)
    except VaultCorrupt:
        if secrets.next_dek is None:
            raise
        adopted = replace(secrets, dek=secrets.next_dek, next_dek=None)
        session = _open(folder, vault_id, adopted.dek, slot.officer_id, adopted, warnings)
        try:
            resealed = keyslots.seal_slot(
                vault_id, slot.slot_id, slot.officer_id, slot.officer_name, passphrase, adopted
            )
            keyslots.update(
                folder,
                vault_id,
                lambda current: replace(
                    keyslots.replace_if_unchanged(current, slot, resealed),
                    recovery=current.next_recovery or current.recovery,
                    next_recovery=None,
                ),
            )
        except BaseException:
            session.close()
            raise
        return session
    if secrets.next_dek is not None:
        session.warnings.append(
            "A re-key of this vault was started and did not finish; an admin should run it again "
            "(fieldapp officer disable NAME --rekey)."
        )
    return session


def _sweep_orphan_photos(session: Session) -> Session:
    """Encrypted photo files no key refers to, left by an import or a demo killed midway: their key was
    never committed, so they are undecryptable and only take space. Files younger than ten minutes are
    spared (another program may be importing them right now)."""
    from fieldapp.photos.store import PhotoStore, known_files

    try:
        PhotoStore(session.data_dir).sweep(known_files(session.conn))
    except OSError as exc:
        session.warnings.append(f"Could not tidy the photo folder: {exc.strerror}.")
    return session


def revoked_by_hq(session: Session) -> set[str]:
    """The officers of this laptop HQ has revoked, as its signed receipts said (fieldapp.sync.receipt)."""
    return set(json.loads(session.meta(HQ_REVOKED_META) or "[]"))


def _refuse_if_revoked(session: Session) -> None:
    """An officer HQ revoked no longer unlocks (checked before the unlock writes anything)."""
    if session.officer.id in revoked_by_hq(session):
        name = session.officer.name
        raise OfficerRevoked(REVOKED_BY_HQ, name=name)


def _open(
    folder: Path,
    vault_id: str,
    dek: bytes,
    officer_id: str,
    secrets: keyslots.SlotSecrets,
    warnings: list[str],
) -> Session:
    conn = open_database(folder / VAULT_FILE, dek)
    try:
        migrate(conn, folder)
        row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
        if row is None or row[0] != vault_id:
            raise VaultCorrupt(FOREIGN_KEYSLOTS)
        officer_row = conn.execute(
            "SELECT id, name, role, active FROM officers WHERE id = ?", (officer_id,)
        ).fetchone()
        if officer_row is None:
            raise UnknownOfficer(NOT_RECORDED)
        officer = Officer(officer_row[0], officer_row[1], officer_row[2], bool(officer_row[3]))
        if not officer.active:
            raise NotAllowed(DISABLED, name=officer.name)
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise damaged(exc) from exc
    except BaseException:
        conn.close()
        raise
    return Session(
        data_dir=folder,
        conn=conn,
        vault_id=vault_id,
        dek=dek,
        officer=officer,
        secrets=secrets,
        warnings=warnings,
    )
