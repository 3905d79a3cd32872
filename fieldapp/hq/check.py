"""`fieldapp hq check`: HQ's audit of what it holds, as `fieldapp check` is a laptop's.

1. Every stored event on its own and in its laptop's chain: hash, device and officer signatures, seq
   and prev_hash links (``log.verify_chain``). Keys come from each laptop's own log; a laptop whose
   first events HQ lacks is checked against the key HQ approved. Missing runs of events are reported
   apart (each import already raised an alarm for them).
2. Each laptop's device key as its own log ends (after any rotation signed by the key before) is the
   key HQ approved. Who may do what (records.authority) is checked with step 1: every event from a
   laptop's log-format-2 point on signed by its officer, roles and keys from the log, HQ's revocations
   of officers enforced; older events are reported as legacy authority (``flags``), not as problems.
3. HQ's decision log and its disclosure log: chain, hashes and HQ's signatures (``decisions.verify``,
   ``disclosures.verify``): an edited, deleted or reordered entry is reported in plain words.
4. The projections and the tables the decisions make, against a fold of both logs done again inside
   a transaction that is then rolled back: nothing is changed. Each laptop's events are folded up to
   where HQ folded them (events beyond a gap wait for it to be filled), in the order they came in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fieldapp.errors import FieldAppError, Message, Said, message
from fieldapp.hq import decisions, disclosures
from fieldapp.hq.disclosures import DisclosureLogBroken
from fieldapp.hq.errors import DecisionLogBroken
from fieldapp.records import projections
from fieldapp.records.log import final_device_keys, verify_chain
from fieldapp.work import Progress, ShouldCancel

KEY_NOT_APPROVED = message(
    "hq_check.key_not_approved",
    "laptop {name}: its log ends with another device key than the one HQ approved",
)
DECISIONS_BROKEN = message("hq_check.decisions_broken", "HQ decisions: {problem}")
DISCLOSURES_BROKEN = message("hq_check.disclosures_broken", "HQ disclosure log: {problem}")
PROJECTION_DIFFERS = message("hq_check.projection_differs", "{table} differs from a fold of the logs")
NOT_FOLDABLE = message("hq_check.not_foldable", "the logs cannot be folded again ({problem})")

if TYPE_CHECKING:
    from fieldapp.hq.identity import HqIdentity
    from fieldapp.hq.store import HqStore


@dataclass
class HqCheckReport:
    events: int = 0
    decisions: int = 0
    disclosures: int = 0
    problems: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # legacy or unverifiable authority: reported, not failed
    cancelled: bool = False  # stopped between two steps: what was checked is reported

    @property
    def ok(self) -> bool:
        return not self.problems


def _said(error: FieldAppError) -> str:
    """An error's message as said: kept whole (translatable) when it was raised with a declared one."""
    if error.template is None:
        return error.message
    return Said(Message(error.code, error.template), **error.params)


class _RollBack(Exception):
    """Leaves the check's transaction without keeping the rebuild."""


def fold_again(store: HqStore) -> None:
    """HQ's projections and the tables its decisions make, emptied and folded again from the two logs
    (inside the caller's transaction): each laptop's events up to where HQ folded them."""
    folded = {
        str(r[0]): int(r[1]) for r in store.conn.execute("SELECT device_id, projected_seq FROM hq_devices")
    }
    projections.rebuild(store.conn, folded)
    decisions.rebuild(store.conn)


STEPS = 4


def run_hq_check(
    store: HqStore,
    identity: HqIdentity,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> HqCheckReport:
    """The four checks in turn; ``progress(step, STEPS, what)`` before each, ``should_cancel`` between."""
    report = HqCheckReport()
    conn = store.conn

    def step(number: int, what: str) -> bool:
        if should_cancel is not None and should_cancel():
            report.cancelled = True
            return False
        if progress is not None:
            progress(number, STEPS, what)
        return True

    approved = {d.device_id: bytes.fromhex(d.public_key) for d in store.devices()}
    if not step(0, "events: hashes, signatures, chains"):
        return report
    revoked: dict[str, dict[str, int]] = {}
    for device_id, officer_id, held in conn.execute(
        "SELECT device_id, officer_id, held_seq FROM hq_revoked_officers"
    ).fetchall():
        revoked.setdefault(str(device_id), {})[str(officer_id)] = int(held)
    report.events, report.problems = verify_chain(
        conn, gaps=report.gaps, device_keys=approved, flags=report.flags, revoked=revoked
    )
    if not step(1, "laptops' keys"):
        return report
    names = {d.device_id: d.name for d in store.devices()}
    for device_id, key in final_device_keys(conn).items():
        if device_id in approved and key != approved[device_id]:
            report.problems.append(Said(KEY_NOT_APPROVED, name=repr(names[device_id])))
    if not step(2, "HQ's decisions and disclosures"):
        return report
    try:
        report.decisions = decisions.verify(
            conn, identity.hq_id, identity.verify_keys, identity.current_accounts()
        )
    except DecisionLogBroken as exc:
        report.problems.append(Said(DECISIONS_BROKEN, problem=_said(exc)))
    try:
        report.disclosures = disclosures.verify(conn, identity.hq_id, identity.verify_keys)
    except DisclosureLogBroken as exc:
        report.problems.append(Said(DISCLOSURES_BROKEN, problem=_said(exc)))
    if not step(3, "projections against a fold of the logs"):
        return report
    try:
        with store.transaction():
            live = {**store.projection_digest(), **decisions.digest(conn)}
            fold_again(store)
            rebuilt = {**store.projection_digest(), **decisions.digest(conn)}
            raise _RollBack
    except _RollBack:
        report.problems += [
            Said(PROJECTION_DIFFERS, table=table) for table in live if live[table] != rebuilt[table]
        ]
    except FieldAppError as exc:
        report.problems.append(Said(NOT_FOLDABLE, problem=_said(exc)))
    except Exception as exc:  # noqa: BLE001 - a log that cannot be folded again is what the check reports
        report.problems.append(Said(NOT_FOLDABLE, problem=f"{type(exc).__name__}: {exc}"))
    if progress is not None:
        progress(STEPS, STEPS, "done")
    return report
