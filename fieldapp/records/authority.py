"""Who may do what in a laptop's log, proved by the officers' own signatures (log format 2).

Every officer can read the device key inside the vault, so the device signature only says "made on this
laptop". From a laptop's log-format-2 point on (``device.init`` with ``log_format`` 2 in a new vault, a
``device.log_format`` event in an older one), every event is also signed by the acting officer's own
Ed25519 key, and the officers' keys and roles come from the log itself:

* the laptop's first officer (its creator, an admin) signs their own creation (*genesis*);
* an admin creates an officer by *invitation*: the creation names the public half of a one-time key kept
  in the invited officer's slot, under a one-time passphrase; the officer's first unlock makes their own
  signing key and logs ``officer.activate``, signed by it and vouched for by the one-time key;
* HQ's recovery creates an admin signed by an Ed25519 key derived from HQ's recovery key, whose public
  half the laptop pinned when it was enrolled (``device.enrol``);
* roles change (``officer.set_role``) and officers are disabled only by an active admin's signature; an
  officer replaces their key (``officer.rekey``) only with a signature by the key it replaces;
* finalising, amending, withdrawing, purging and closing need a team lead; any active officer registers
  and edits drafts; an event of any other kind is refused.

``DeviceAuthority`` replays one laptop's chain, in seq order, and says for each event which device key
and which officer key must have signed it and what breaks these rules; the callers check the signatures
(``log.verify_chain`` on the laptop and in `fieldapp hq check`, the importer at HQ, in worker processes).
Events before the log-format-2 point are checked as they always were (the officer signs only what they
attest, officer keys come from ``create`` and ``rekey`` payloads) and counted as *legacy authority*.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from fieldapp.errors import Said, Term, message, term
from fieldapp.records.canonical import canonical_json
from fieldapp.records.events import ATTESTED_OPS, Event, ed25519_valid

LOG_FORMAT = 2
ROLES = ("screener", "team_lead", "admin")
INVITE_CONTEXT = b"fieldapp-officer-invitation-v1\0"
RECOVERY_CONTEXT = b"fieldapp-hq-recovery-officer-v1\0"
ROTATE_CONTEXT = b"fieldapp-device-rotation-v1\0"

RECORD_ENTITIES = frozenset({"operation", "person", "screening", "photo", "handover"})
RECORD_OPS = frozenset({"create", "update", "finalise", "amend", "withdraw", "purge", "close"})
# Facts about a person kept in the log only (records.projections.LOG_ONLY_OPS): station scans, links, the
# consular desk's "do not notify" flag and notifications.
PERSON_LOG_OPS = frozenset({"check_in", "link", "unlink", "do_not_notify", "notify"})
# Facts about a handover kept in the log only: what the receiving body did (records.referrals).
HANDOVER_LOG_OPS = frozenset({"referral"})
OTHER_OPS = {
    "officer": frozenset({"create", "activate", "set_role", "disable", "rekey", "passphrase_changed"}),
    "device": frozenset({"init", "enrol", "log_format", "rotate"}),
    "document": frozenset({"issue"}),
    "disclosure": frozenset({"record"}),  # a print or an unencrypted copy (records.disclosures)
}
TEAM_LEAD_OPS = frozenset({"finalise", "amend", "withdraw", "purge", "close"})
ADMIN_OPS = frozenset(
    {
        ("officer", "create"),
        ("officer", "set_role"),
        ("officer", "disable"),
        ("device", "enrol"),
        ("device", "rotate"),
    }
)
SELF_OPS = frozenset({("officer", "activate"), ("officer", "rekey"), ("officer", "passphrase_changed")})
# Authority HQ reports (as an alarm) rather than refuses: legacy or not checkable here.
ROLE_NOT_KNOWN = message(
    "authority.role_not_known",
    "event {seq} ({entity}.{op}): the signer's role is not known here (events missing); not checked",
)
RECOVERY_UNCHECKED = message(
    "authority.recovery_unchecked",
    "event {seq} ({entity}.{op}): an HQ recovery this laptop cannot check (enrolled before 0.2)",
)

# What breaks the rules, said so the HQ app can show it in the admin's language (``where`` names the event).
NEVER_MADE = message("authority.never_made", "{where}: the app never makes such an event")
UNREGISTERED_SIGNER = message(
    "authority.unregistered_signer",
    "{where}: signed by an officer this laptop never registered (or who never chose a passphrase)",
)
DISABLED_SIGNER = message("authority.disabled_signer", "{where}: made by a disabled officer")
ROLE_TOO_LOW = message("authority.role_too_low", "{where}: needs a {needed}, but was signed by a {role}")
SELF_ONLY = message("authority.self_only", "{where}: only the officer themself can do this")
REVOKED_SIGNER = message("authority.revoked_signer", "{where}: signed by an officer HQ has revoked")
NO_SUCH_OFFICER = message("authority.no_such_officer", "{where}: no such officer on this laptop")
NEW_KEY_MALFORMED = message("authority.new_key_malformed", "{where}: the new key is malformed")
UNKNOWN_ROLE = message("authority.unknown_role", "{where}: unknown role")
ROTATION_UNPROVED = message(
    "authority.rotation_unproved", "{where}: the new device key does not prove itself"
)
OFFICER_KEY_MALFORMED = message("authority.officer_key_malformed", "{where}: the officer's key is malformed")
OFFICER_EXISTS = message("authority.officer_exists", "{where}: this officer already exists")
FIRST_NOT_ADMIN = message("authority.first_not_admin", "{where}: a laptop's first officer is its admin")
RECOVERY_NOT_SIGNED = message(
    "authority.recovery_not_signed", "{where}: claims HQ's recovery, but HQ's recovery key did not sign it"
)
NOT_BY_INVITATION = message(
    "authority.not_by_invitation",
    "{where}: an officer is created by invitation (with no key of their own yet)",
)
NEVER_REGISTERED = message(
    "authority.never_registered", "{where}: signed by an officer this laptop never registered"
)
ONLY_ADMIN_CREATES = message(
    "authority.only_admin_creates", "{where}: only an admin creates officers, but a {role} signed it"
)
NO_INVITATION = message("authority.no_invitation", "{where}: no open invitation")
NOT_VOUCHED = message("authority.not_vouched", "{where}: not vouched for by the invitation")
# A role as those texts name it (the needed role spelt out, the signer's as the log holds it).
ROLE_WORDS = {text: term("roles", text) for text in ("screener", "team lead", "team_lead", "admin")}


def role_word(text: str) -> Term | str:
    """A role in a rule's text: a known one is a word translated with the message; anything else (a
    role a tampered log names) is shown as it was written."""
    return ROLE_WORDS.get(text, text)


def invite_message(officer_id: str, public_key_hex: str) -> bytes:
    return INVITE_CONTEXT + hashlib.sha256(f"{officer_id}\n{public_key_hex}".encode()).digest()


def recovery_message(device_id: str, officer_id: str, payload: dict[str, Any]) -> bytes:
    fields = {k: payload.get(k) for k in ("name", "role", "public_key")}
    body = canonical_json({"device_id": device_id, "officer_id": officer_id, **fields})
    return RECOVERY_CONTEXT + hashlib.sha256(body).digest()


def rotation_message(device_id: str, old_hex: str, new_hex: str) -> bytes:
    return ROTATE_CONTEXT + hashlib.sha256(f"{device_id}\n{old_hex}\n{new_hex}".encode()).digest()


def _key(value: Any) -> bytes | None:
    if not (isinstance(value, str) and len(value) == 64):
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


@dataclass
class OfficerState:
    key: bytes | None
    role: str | None  # None: known only from a bundle's roster (beyond a gap at HQ)
    active: bool = True
    invite_key: bytes | None = None
    key_seq: int = 0  # the event that set the key


@dataclass(frozen=True)
class Expectation:
    """What one event must carry: the device key and (when required) the officer key it is checked under."""

    device_key: bytes | None
    officer_key: bytes | None
    officer_required: bool
    problems: list[str]
    legacy: bool = False
    key_changed: str | None = None  # an officer whose key this event replaced (HQ raises an alarm)
    malformed: bool = False  # the problem is damage (a field of the wrong shape), not a breach of authority


@dataclass
class DeviceAuthority:
    """One laptop's chain of authority, replayed in seq order with ``step``."""

    device_id: str
    device_key: bytes | None = None
    format: int = 1
    officers: dict[str, OfficerState] = field(default_factory=dict)
    recovery_authority: bytes | None = None
    revoked: dict[str, int] = field(default_factory=dict)  # HQ: officer id -> last seq HQ held when revoking
    legacy_events: int = 0
    flags: list[str] = field(default_factory=list)  # legacy or unverifiable authority: reported, not refused

    def seed_roster(self, roster: dict[str, str]) -> None:
        """Officers a bundle's manifest vouches for (device-signed only) that this replay has not seen."""
        for officer_id, key_hex in roster.items():
            if officer_id not in self.officers and (key := _key(key_hex)) is not None:
                self.officers[officer_id] = OfficerState(key, None)

    def step(self, event: Event) -> Expectation:
        if event.entity == "device" and event.op == "init":
            # The laptop's first key is the one its log starts with (HQ's approved key stands in only
            # for a laptop whose first events it lacks).
            self.device_key = _key(event.payload.get("public_key"))
            if event.payload.get("log_format") == LOG_FORMAT:
                self.format = LOG_FORMAT
            return Expectation(self.device_key, None, False, [])
        if self.format < LOG_FORMAT:
            return self._legacy(event)
        return self._checked(event)

    # --- before the log-format-2 point: as it always was ------------------------------------------

    def _legacy(self, event: Event) -> Expectation:
        self.legacy_events += 1
        officer = self.officers.get(event.officer_id)
        expected = Expectation(
            self.device_key, officer.key if officer else None, event.op in ATTESTED_OPS, [], legacy=True
        )
        if event.entity == "officer" and event.op in ("create", "rekey"):
            key = _key(event.payload.get("public_key"))
            state = self.officers.setdefault(event.entity_id, OfficerState(key, None))
            changed = event.op == "rekey" and state.key is not None and state.key != key
            state.key, state.key_seq = key, event.device_seq
            if event.op == "create":
                state.role = str(event.payload.get("role"))
            return Expectation(
                expected.device_key,
                expected.officer_key,
                expected.officer_required,
                [],
                legacy=True,
                key_changed=event.entity_id if changed else None,
            )
        target = self.officers.get(event.entity_id) if event.entity == "officer" else None
        if target is not None and event.op == "set_role":
            target.role = str(event.payload.get("role"))
        elif target is not None and event.op == "disable":
            target.active = False
        elif event.entity == "device" and event.op == "log_format":
            self.format = LOG_FORMAT
            return self._checked(event, marker=True)
        elif event.entity == "device" and event.op == "enrol":
            self.recovery_authority = _key(event.payload.get("recovery_authority")) or self.recovery_authority
        return expected

    # --- from the log-format-2 point on ----------------------------------------------------------

    def _checked(self, event: Event, *, marker: bool = False) -> Expectation:
        if marker:
            self.legacy_events -= 1  # the marker itself is checked by the new rules
        problems: list[str] = []
        entity, op = event.entity, event.op
        known = RECORD_OPS if entity in RECORD_ENTITIES else OTHER_OPS.get(entity, frozenset())
        if entity == "person":
            known = known | PERSON_LOG_OPS
        if entity == "handover":
            known = known | HANDOVER_LOG_OPS
        if op not in known or (op == "close" and entity != "operation"):
            return Expectation(self.device_key, None, True, [Said(NEVER_MADE, where=event.reference)])
        signer = self.officers.get(event.officer_id)
        device_key = self.device_key
        if entity == "officer" and op == "create":
            return self._create(event, signer)
        if entity == "officer" and op == "activate":
            return self._activate(event)
        if signer is None or signer.key is None:
            return Expectation(
                device_key,
                None,
                True,
                [Said(UNREGISTERED_SIGNER, where=event.reference)],
            )
        if not signer.active:
            problems.append(Said(DISABLED_SIGNER, where=event.reference))
        needed = self._needed_role(entity, op)
        if entity == "person" and op == "do_not_notify" and not event.payload.get("on"):
            needed = "team_lead"  # anyone protects a person; lifting the protection is a team lead's
        if needed and signer.role is not None and ROLES.index(signer.role) < ROLES.index(needed):
            problems.append(
                Said(
                    ROLE_TOO_LOW,
                    where=event.reference,
                    needed=role_word(needed.replace("_", " ")),
                    role=role_word(signer.role),
                )
            )
        elif needed and signer.role is None:
            self.flags.append(Said(ROLE_NOT_KNOWN, seq=event.device_seq, entity=entity, op=op))
        if (entity, op) in SELF_OPS and event.entity_id != event.officer_id:
            problems.append(Said(SELF_ONLY, where=event.reference))
        if (
            (entity, op) in ADMIN_OPS
            and event.officer_id in self.revoked
            and event.device_seq > self.revoked[event.officer_id]
        ):
            problems.append(Said(REVOKED_SIGNER, where=event.reference))
        signer_key = signer.key  # before this event changes it (a key replacement is signed by the old key)
        expected = Expectation(device_key, signer_key, True, problems)
        target = self.officers.get(event.entity_id) if entity == "officer" else None
        if entity == "officer" and target is None:
            problems.append(Said(NO_SUCH_OFFICER, where=event.reference))
        elif entity == "officer" and target is not None and op == "rekey":
            key = _key(event.payload.get("public_key"))
            if key is None:
                problems.append(Said(NEW_KEY_MALFORMED, where=event.reference))
            if problems:  # a refused change changes nothing: what follows is checked as if it never came
                return expected
            target.key, target.key_seq = key, event.device_seq
            return Expectation(device_key, signer_key, True, problems, key_changed=event.entity_id)
        elif entity == "officer" and target is not None and op == "set_role":
            role = event.payload.get("role")
            if role not in ROLES:
                problems.append(Said(UNKNOWN_ROLE, where=event.reference))
            if not problems:
                target.role = str(role)
        elif entity == "officer" and target is not None and op == "disable" and not problems:
            target.active = False
        elif entity == "device" and op == "enrol" and not problems:
            self.recovery_authority = _key(event.payload.get("recovery_authority")) or self.recovery_authority
        elif entity == "device" and op == "rotate":
            new = _key(event.payload.get("public_key"))
            proof = event.payload.get("proof")
            old_hex = device_key.hex() if device_key else ""
            if (
                new is None
                or not isinstance(proof, str)
                or not ed25519_valid(new, proof, rotation_message(event.device_id, old_hex, new.hex()))
            ):
                problems.append(Said(ROTATION_UNPROVED, where=event.reference))
            elif not problems:
                self.device_key = new  # from the next event on; this one is signed by the old key
        return expected

    @staticmethod
    def _needed_role(entity: str, op: str) -> str | None:
        if (entity, op) in ADMIN_OPS:
            return "admin"
        if (entity in RECORD_ENTITIES and op in TEAM_LEAD_OPS) or (entity, op) == ("person", "notify"):
            return "team_lead"
        return None

    def _create(self, event: Event, signer: OfficerState | None) -> Expectation:
        p = event.payload
        role = p.get("role")
        problems: list[str] = [] if role in ROLES else [Said(UNKNOWN_ROLE, where=event.reference)]
        if "public_key" in p and _key(p["public_key"]) is None:
            return Expectation(
                self.device_key,
                None,
                True,
                [Said(OFFICER_KEY_MALFORMED, where=event.reference)],
                malformed=True,
            )
        if event.entity_id in self.officers:
            problems.append(Said(OFFICER_EXISTS, where=event.reference))
        own_key = _key(p.get("public_key"))
        if not self.officers and own_key is not None and event.officer_id == event.entity_id:
            # The laptop's first officer (its creator) signs their own creation.
            self.officers[event.entity_id] = OfficerState(
                own_key, "admin" if role == "admin" else None, key_seq=event.device_seq
            )
            if role != "admin":
                problems.append(Said(FIRST_NOT_ADMIN, where=event.reference))
            return Expectation(self.device_key, own_key, True, problems)
        if p.get("via") == "hq_recovery" and own_key is not None and event.officer_id == event.entity_id:
            authority = self.recovery_authority
            signature = p.get("hq_sig")
            if authority is None:
                self.flags.append(
                    Said(RECOVERY_UNCHECKED, seq=event.device_seq, entity=event.entity, op=event.op)
                )
            elif not isinstance(signature, str) or not ed25519_valid(
                authority, signature, recovery_message(event.device_id, event.entity_id, p)
            ):
                problems.append(Said(RECOVERY_NOT_SIGNED, where=event.reference))
            if not problems:
                self.officers[event.entity_id] = OfficerState(own_key, str(role), key_seq=event.device_seq)
            return Expectation(self.device_key, own_key, True, problems)
        invite = _key(p.get("invite_key"))
        if invite is None or own_key is not None:
            problems.append(Said(NOT_BY_INVITATION, where=event.reference))
        if signer is None or signer.key is None:
            return Expectation(
                self.device_key,
                None,
                True,
                [*problems, Said(NEVER_REGISTERED, where=event.reference)],
            )
        if signer.role is not None and signer.role != "admin":
            problems.append(Said(ONLY_ADMIN_CREATES, where=event.reference, role=role_word(signer.role)))
        if not signer.active:
            problems.append(Said(DISABLED_SIGNER, where=event.reference))
        if event.officer_id in self.revoked and event.device_seq > self.revoked[event.officer_id]:
            problems.append(Said(REVOKED_SIGNER, where=event.reference))
        if not problems:
            self.officers[event.entity_id] = OfficerState(None, str(role), invite_key=invite)
        return Expectation(self.device_key, signer.key, True, problems)

    def _activate(self, event: Event) -> Expectation:
        state = self.officers.get(event.entity_id)
        key = _key(event.payload.get("public_key"))
        problems: list[str] = []
        if event.officer_id != event.entity_id:
            problems.append(Said(SELF_ONLY, where=event.reference))
        if state is None or state.invite_key is None or state.key is not None:
            return Expectation(
                self.device_key, key, True, [*problems, Said(NO_INVITATION, where=event.reference)]
            )
        signature = event.payload.get("invite_sig")
        if (
            key is None
            or not isinstance(signature, str)
            or not ed25519_valid(state.invite_key, signature, invite_message(event.entity_id, key.hex()))
        ):
            problems.append(Said(NOT_VOUCHED, where=event.reference))
        if not state.active:
            problems.append(Said(DISABLED_SIGNER, where=event.reference))
        state.key, state.key_seq, state.invite_key = key, event.device_seq, None
        return Expectation(self.device_key, key, True, problems)
