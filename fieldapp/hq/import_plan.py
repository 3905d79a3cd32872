"""What each event of a bundle must carry, before HQ takes it (fieldapp/hq/importer.py runs these).

``plan`` replays who may do what on the laptop (records.authority), from HQ's copy of its log, and says
for each event which device key and which officer key must have signed it, with any rule it breaks;
the signatures themselves are checked by ``verify_run``, in worker processes for a big bundle.
``check_ownership``: records belong to the laptop that made them. ``authority_alarms``: what HQ pins
(officers' keys) and could not check (beyond a gap), raised as alarms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from fieldapp.errors import Said, ValidationError, message
from fieldapp.hq.errors import BundleRefused, ImportAlarm
from fieldapp.hq.store import HqStore
from fieldapp.records.authority import DeviceAuthority
from fieldapp.records.events import Event, content_mismatch, signature_problems
from fieldapp.records.projections import RECORD_TABLES
from fieldapp.sync.errors import BundleInvalid

# ``problems``: the first event's problems, each a declared message (records.events), kept whole.
EVENTS_FAIL = message("hq.events_fail", "The bundle's events fail their checks: {problems}")
CANNOT_HASH = message("import.cannot_hash", "event {seq}: content cannot be hashed ({reason})")
KEY_REPLACED = message(
    "hq.alarm_officer_key",
    "officer {officer} replaced their signing key (signed by the key replaced); HQ now checks their work "
    "against the new one",
)
OTHERS_RECORD = message(
    "hq.changes_others_record",
    "Event {seq} ({entity}.{op}) changes a record another laptop made. A laptop only changes its own records (HQ decides on others' through its review queue): nothing from this bundle was imported and an alarm was recorded.",
)

# ``problem``: the first rule the bundle breaks, a declared message itself (records.authority), so the
# alarm keeps it whole and the HQ app shows it in the admin's language too.
AUTHORITY_BROKEN = message(
    "hq.authority_broken",
    "The bundle breaks the rules of who may do what ({problem}): nothing from it was imported and an alarm "
    "was recorded.",
)


class Check(NamedTuple):
    """What is left to check of one event once its hash is known: plain data, so a worker process
    can check it. ``problem`` is set when the event already failed (its content or a stated key);
    ``authority``: the problem breaks records.authority (refused with an alarm)."""

    seq: int
    digest: str
    device_sig: str
    attested: bool
    officer_key: str | None  # hex, as HQ holds it; None: an officer nobody vouches for
    officer_sig: str | None
    problem: str | None = None
    device_key: str | None = None  # hex; None: the bundle's (a rotation changes it mid-bundle)
    authority: bool = False


@dataclass
class Plan:
    checks: list[Check]
    payloads: dict[str, str]  # the payloads' canonical JSON by event id (what the events table stores)
    refused: BundleRefused | None
    authority: DeviceAuthority
    key_changes: list[str] = field(default_factory=list)  # officers who replaced their key in this bundle
    rotated_to: str | None = None  # the device key a device.rotate in this bundle announced
    legacy_before: int = 0  # legacy events counted while replaying what HQ held before the bundle

    @property
    def legacy_events(self) -> int:
        return self.authority.legacy_events - self.legacy_before


def replay_authority(
    store: HqStore, device_id: str, first_seq: int, approved_key: str | None
) -> DeviceAuthority:
    """The laptop's chain of authority as HQ's copy of its log stands before ``first_seq``."""
    authority = DeviceAuthority(device_id, revoked=store.revoked_officers(device_id))
    for event in store.authority_events(device_id, first_seq):
        authority.step(event)
    if authority.device_key is None and approved_key:  # HQ lacks the laptop's first events
        authority.device_key = bytes.fromhex(approved_key)
    return authority


def plan_checks(
    store: HqStore, events: list[Event], roster: dict[str, str], approved_key: str | None
) -> Plan:
    """Each event's hash, checked here against its content, and the signatures left to check with the
    keys records.authority says must have made them, in order. Officers come from the laptop's own log
    (HQ's copy, then this bundle's events); beyond a gap, the device-signed roster in the manifest
    vouches for officers HQ has not seen created yet (their roles cannot be checked: flagged). An
    officer key the roster states against the one HQ holds is refused with an alarm (HQ pins each
    officer's key when it first sees it). Stops at the first event by an officer nobody vouches for,
    with that refusal, to be raised unless an event before it fails its own checks.

    Read from the store before this bundle's events are inserted: only what HQ held before counts."""
    authority = replay_authority(store, events[0].device_id, events[0].device_seq, approved_key)
    pinned = {oid: state.key for oid, state in authority.officers.items() if state.key is not None}
    for officer_id, key_hex in roster.items():
        if (
            officer_id in pinned
            and pinned[officer_id] != bytes.fromhex(key_hex)
            and not rekeyed_in(events, officer_id)
        ):
            return Plan(
                [],
                {},
                ImportAlarm(
                    f"The bundle names another signing key for officer {officer_id} than the one HQ holds for them "
                    "(and no change signed by their old key). It was refused and an alarm recorded."
                ),
                authority,
            )
    created = {e.entity_id for e in events if e.entity == "officer" and e.op == "create"}
    authority.seed_roster({k: v for k, v in roster.items() if k not in created})
    plan = Plan([], {}, None, authority, legacy_before=authority.legacy_events)
    for event in events:
        expect = authority.step(event)
        unknown = event.officer_id not in authority.officers and event.officer_id not in created
        if expect.legacy and (unknown or (expect.officer_key is None and expect.officer_required)):
            plan.refused = BundleRefused(
                f"Event {event.device_seq} was made by an officer this laptop never registered; "
                "the bundle was refused."
            )
            return plan
        problem: str | None = None
        try:
            digest, plan.payloads[event.event_id] = event.hash_and_payload()
        except ValidationError as exc:
            digest, problem = "", Said(CANNOT_HASH, seq=event.device_seq, reason=exc.message)
        if problem is None and digest != event.hash:
            problem = content_mismatch(event)
        is_authority = problem is None and bool(expect.problems) and not expect.malformed
        if problem is None and expect.problems:
            problem = expect.problems[0]
        if expect.key_changed:
            plan.key_changes.append(expect.key_changed)
        if event.entity == "device" and event.op == "rotate" and not expect.problems:
            plan.rotated_to = str(event.payload.get("public_key"))
        plan.checks.append(
            Check(
                event.device_seq,
                digest,
                event.device_sig,
                expect.officer_required,
                expect.officer_key.hex() if expect.officer_key else None,
                event.officer_sig,
                problem,
                expect.device_key.hex() if expect.device_key else None,
                is_authority,
            )
        )
    return plan


def rekeyed_in(events: list[Event], officer_id: str) -> bool:
    return any(e.entity == "officer" and e.op == "rekey" and e.entity_id == officer_id for e in events)


def verify_run(device_key: str, plan: list[Check]) -> tuple[int, list[str]] | None:
    """The signatures of each event in order: the first that fails, with its problems.

    Plain data in and out, so it also runs in a worker process (``_Verifier``)."""
    public: dict[str, bytes] = {}

    def raw(key: str) -> bytes:
        if key not in public:
            public[key] = bytes.fromhex(key)
        return public[key]

    for index, check in enumerate(plan):
        if check.problem is not None:
            return index, [check.problem]
        key = check.officer_key
        problems = signature_problems(
            check.seq,
            check.digest,
            raw(check.device_key or device_key),
            check.device_sig,
            check.attested,
            None if key is None else raw(key),
            check.officer_sig,
        )
        if problems:
            return index, problems
    return None


def refusal(check: Check, problems: list[str]) -> BundleRefused | BundleInvalid:
    if check.authority:
        return ImportAlarm(AUTHORITY_BROKEN, problem=problems[0])
    if any("officer signature missing" in p for p in problems) and check.officer_key is None:
        return BundleRefused(f"Event {check.seq} is attested by an officer HQ does not know.")
    return BundleInvalid(EVENTS_FAIL, problems=problems[:3])


# From this many events on, a bundle's signatures are checked in worker processes; below it, starting
# them costs more than they save. (libsodium through cffi releases the GIL, but the Python around each
# check does not: threads made a 100,000-event import 10% slower than processes here.)
def check_ownership(store: HqStore, device_id: str, new: list[Event]) -> None:
    """Records belong to the laptop that created them: another laptop's change to one (or a record of its
    own hung on another laptop's person) is refused with an alarm. HQ's own decisions on records go through
    its review queue, never through a laptop's log."""
    records = [e for e in new if e.entity in RECORD_TABLES]
    if not records:
        return
    persons = [str(e.payload.get("fields", {}).get("person_id", "")) for e in records if e.op == "create"]
    creators = store.creators([e.entity_id for e in records] + [p for p in persons if p])
    for event in records:
        owner = creators.get(event.entity_id)
        foreign = owner is not None and owner != device_id
        person = event.payload.get("fields", {}).get("person_id") if event.op == "create" else None
        if isinstance(person, str) and person and creators.get(person, device_id) != device_id:
            foreign = True
        if foreign:
            raise ImportAlarm(OTHERS_RECORD, seq=event.device_seq, entity=event.entity, op=event.op)


def authority_alarms(
    store: HqStore, device_id: str, bundle_hash: str, plan: Plan, new_ids: set[str]
) -> list[str]:
    """HQ pins each officer's key: a replacement (signed by the old key) and authority HQ could not check
    (beyond a gap) raise an alarm, as a new event; nothing is raised again for a bundle imported twice."""
    if not new_ids:
        return []
    alarms: list[str] = []
    for officer_id in dict.fromkeys(plan.key_changes):
        detail = Said(KEY_REPLACED, officer=officer_id)
        store.add_alarm("officer_key", device_id, bundle_hash, detail)
        alarms.append(detail)
    for flag in dict.fromkeys(plan.authority.flags):
        store.add_alarm("authority", device_id, bundle_hash, flag)
        alarms.append(flag)
    return alarms
