"""Officers' keys and roles: invitations, the first unlock, role changes, disabling, key replacement.

An admin never holds another officer's signing key or passphrase (records/authority.py says what the
log proves). Adding an officer makes an *invitation*: a slot that opens with a one-time passphrase the
admin gives the officer, holding the vault's data key and a one-time Ed25519 key whose public half the
admin's signed ``officer.create`` names. At the officer's first unlock they choose their own passphrase;
the app makes their own signing key, writes their slot (keeping the one-time key in it as a *voucher*),
then logs ``officer.activate`` signed by the new key and vouched for by the one-time key, then drops the
voucher. An admin who used the invitation first would hold that officer's key, but the officer's own
first unlock would then fail: the invitation can only be used once.

The same voucher carries an officer's key replacement (``officer.rekey``, signed by the key replaced):
an officer whose key was made before log format 2 (by whoever created them, in the old scheme) gets a
key of their own at their next unlock. Each step is written before the next begins, so a kill anywhere
is finished by the next unlock (``settle``).
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.errors import Busy, ChoosePassphrase, ValidationError, WeakPassphrase, message, term
from fieldapp.records.authority import LOG_FORMAT, invite_message
from fieldapp.records.ids import uuid7
from fieldapp.vault import keyslots
from fieldapp.vault.passphrase import check_new_passphrase
from fieldapp.vault.roles import (
    ADD_OFFICERS,
    ALREADY_DISABLED,
    CANNOT_DISABLE_SELF,
    DISABLE_OFFICERS,
    LOG_FORMAT_META,
    NAME_TAKEN,
    NEEDS_NAME,
    ROLE_LABELS,
    Officer,
    check_role,
)

if TYPE_CHECKING:
    from fieldapp.vault.session import Session

CHOOSE_OWN = message(
    "officer.choose_own_passphrase",
    "Welcome, {name}. That was the one-time passphrase your admin gave you: choose your own passphrase now. "
    "Nobody else will know it, and it is the only way to sign in from now on.",
)
NOT_THE_ONE_TIME = message(
    "officer.not_the_one_time",
    "Choose a passphrase of your own, not the one-time passphrase you were given.",
)
SLOT_CHANGED = message(
    "officer.slot_changed",
    "This officer's key slot was changed by another program at the same moment; unlock again.",
)
ALREADY_ROLE = message("officer.already_role", "{name} is already a {role}.")
CHANGE_ROLES = term("actions", "change officers' roles")


def _public(seed: bytes) -> str:
    return Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw().hex()


def invite(session: Session, name: str, role: str, invitation_passphrase: str) -> Officer:
    session.require("admin", ADD_OFFICERS)
    name = name.strip()
    if not name:
        raise ValidationError(NEEDS_NAME)
    check_role(role)
    check_new_passphrase(invitation_passphrase, (name,))
    if any(o.name.casefold() == name.casefold() for o in session.officers()):
        raise ValidationError(NAME_TAKEN, name=name)
    officer_id = uuid7()
    invite_seed = os.urandom(32)
    secrets = keyslots.SlotSecrets(session.secrets.dek, invite_seed, os.urandom(32))
    slot = keyslots.seal_slot(
        session.vault_id, uuid7(), officer_id, name, invitation_passphrase, secrets, kind="invitation"
    )
    # The slot is written first: if the event then fails, an unused slot is harmless, while an
    # officer in the log without a slot could never sign in.
    keyslots.update(session.data_dir, session.vault_id, lambda current: current.with_slot(slot))
    session.log.append(
        "officer", officer_id, "create", {"name": name, "role": role, "invite_key": _public(invite_seed)}
    )
    return Officer(officer_id, name, role, True)


def first_unlock(
    session: Session, slot: keyslots.Slot, passphrase: str, new_passphrase: str | None
) -> tuple[keyslots.Slot, str]:
    """An invited officer opened their slot with the one-time passphrase: they choose their own, and get a
    signing key of their own (logged by ``settle``). Returns their new slot and passphrase."""
    if new_passphrase is None:
        raise ChoosePassphrase(CHOOSE_OWN, name=slot.officer_name)
    check_new_passphrase(new_passphrase, (slot.officer_name,))
    if new_passphrase == passphrase:
        raise WeakPassphrase(NOT_THE_ONE_TIME)
    invited = session.secrets
    own = keyslots.SlotSecrets(invited.dek, os.urandom(32), os.urandom(32), voucher_seed=invited.signing_seed)
    new_slot = keyslots.seal_slot(
        session.vault_id, slot.slot_id, slot.officer_id, slot.officer_name, new_passphrase, own
    )
    _write_slot(session, slot, new_slot)
    session.adopt_keys(own.dek, own)
    session.log.use_keys(officer_key=Ed25519PrivateKey.from_private_bytes(own.signing_seed))
    return new_slot, new_passphrase


def _write_slot(session: Session, old: keyslots.Slot, new: keyslots.Slot) -> None:
    written = keyslots.update(
        session.data_dir, session.vault_id, lambda current: keyslots.replace_if_unchanged(current, old, new)
    )
    found = written.find(old.officer_id)
    if found is None or found.nonce != new.nonce:
        raise Busy(SLOT_CHANGED)


def _key_event(session: Session) -> tuple[str, int]:
    """The key the log holds for the signed-in officer ('' before their first unlock) and the seq that set it."""
    row = session.conn.execute(
        "SELECT public_key FROM officers WHERE id = ?", (session.officer.id,)
    ).fetchone()
    seq = session.conn.execute(
        "SELECT max(device_seq) FROM events WHERE device_id = ? AND entity = 'officer' AND entity_id = ? "
        "AND op IN ('create', 'activate', 'rekey')",
        (session.device_id, session.officer.id),
    ).fetchone()[0]
    return str(row[0] if row else ""), int(seq or 0)


def _format_seq(session: Session) -> int:
    row = session.conn.execute(
        "SELECT min(device_seq) FROM events WHERE device_id = ? AND entity = 'device' AND (op = 'log_format' "
        "OR (op = 'init' AND json_extract(payload, '$.log_format') = ?))",
        (session.device_id, LOG_FORMAT),
    ).fetchone()
    return int(row[0] or 0)


def ensure_log_format(session: Session) -> None:
    """A vault from before log format 2 moves to it at its next unlock: from this event on, every event
    is signed by its officer (records.authority)."""
    if session.log.log_format >= LOG_FORMAT:
        return
    with session.log.transaction():
        session.log.log_format = LOG_FORMAT
        session.log.append("device", session.device_id, "log_format", {"version": LOG_FORMAT})
        session.set_meta(LOG_FORMAT_META, str(LOG_FORMAT))


def settle(session: Session, slot: keyslots.Slot, passphrase: str) -> None:
    """Bring the log and the officer's slot to agree on the officer's signing key (see the module doc)."""
    ensure_log_format(session)
    secrets = session.secrets
    own = _public(secrets.signing_seed)
    logged, key_seq = _key_event(session)
    voucher = secrets.voucher_seed
    if voucher is not None and logged == "":
        # An invitation whose activation is not logged yet.
        signature = Ed25519PrivateKey.from_private_bytes(voucher).sign(
            invite_message(session.officer.id, own)
        )
        session.log.append(
            "officer", session.officer.id, "activate", {"public_key": own, "invite_sig": signature.hex()}
        )
    elif voucher is not None and logged == _public(voucher):
        # A key replacement whose event is not logged yet: signed by the key it replaces.
        old = Ed25519PrivateKey.from_private_bytes(voucher)
        session.log.append("officer", session.officer.id, "rekey", {"public_key": own}, signer=old)
    elif logged == own and voucher is None and key_seq < _format_seq(session):
        _replace_key(session, slot, passphrase)
        return
    elif logged != own:
        session.warnings.append(
            "Your signing key is not the one this vault's log holds for you, so your changes will fail "
            "`fieldapp check`. Tell your admin: the vault may have been tampered with."
        )
        return
    if voucher is not None:
        current = keyslots.load_current(session.data_dir).find(session.officer.id) or slot
        _reseal(session, current, passphrase, replace(secrets, voucher_seed=None))


def _reseal(
    session: Session, slot: keyslots.Slot, passphrase: str, secrets: keyslots.SlotSecrets
) -> keyslots.Slot:
    new = keyslots.seal_slot(
        session.vault_id, slot.slot_id, slot.officer_id, slot.officer_name, passphrase, secrets
    )
    _write_slot(session, slot, new)
    session.adopt_keys(secrets.dek, secrets)
    return new


def _replace_key(session: Session, slot: keyslots.Slot, passphrase: str) -> None:
    """An officer whose key predates log format 2 (made by whoever created them) gets one of their own."""
    secrets = session.secrets
    current = keyslots.load_current(session.data_dir).find(session.officer.id) or slot
    staged = replace(secrets, signing_seed=os.urandom(32), voucher_seed=secrets.signing_seed)
    current = _reseal(session, current, passphrase, staged)
    old = Ed25519PrivateKey.from_private_bytes(secrets.signing_seed)
    session.log.append(
        "officer", session.officer.id, "rekey", {"public_key": _public(staged.signing_seed)}, signer=old
    )
    session.log.use_keys(officer_key=Ed25519PrivateKey.from_private_bytes(staged.signing_seed))
    _reseal(session, current, passphrase, replace(staged, voucher_seed=None))


def set_role(session: Session, name_or_id: str, role: str) -> Officer:
    session.require("admin", CHANGE_ROLES)
    check_role(role)
    officer = session.find_officer(name_or_id)
    if officer.role == role:
        raise ValidationError(ALREADY_ROLE, name=officer.name, role=ROLE_LABELS[role])
    session.log.append("officer", officer.id, "set_role", {"role": role})
    return replace(officer, role=role)


def disable(session: Session, name_or_id: str) -> Officer:
    session.require("admin", DISABLE_OFFICERS)
    officer = session.find_officer(name_or_id)
    if officer.id == session.officer.id:
        raise ValidationError(CANNOT_DISABLE_SELF)
    if not officer.active:
        raise ValidationError(ALREADY_DISABLED, name=officer.name)
    keyslots.update(session.data_dir, session.vault_id, lambda current: current.without_officer(officer.id))
    session.log.append("officer", officer.id, "disable", {})
    return replace(officer, active=False)
