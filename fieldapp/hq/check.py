"""`fieldapp hq check`: HQ's audit of what it holds, as `fieldapp check` is a laptop's.

1. Every stored event on its own and in its laptop's chain: hash, device and officer signatures, seq
   and prev_hash links (``log.verify_chain``). Keys come from each laptop's own log; a laptop whose
   first events HQ lacks is checked against the key HQ approved. Missing runs of events are reported
   apart (each import already raised an alarm for them).
2. Each laptop's key in its own log is the key HQ approved.
3. HQ's decision log: chain, hashes and HQ's signatures (``decisions.verify``).
4. The projections and the tables the decisions make, against a fold of both logs done again inside
   a transaction that is then rolled back: nothing is changed. Each laptop's events are folded up to
   where HQ folded them (events beyond a gap wait for it to be filled), in the order they came in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fieldapp.hq import decisions
from fieldapp.hq.errors import DecisionLogBroken
from fieldapp.records import projections
from fieldapp.records.log import verify_chain
from fieldapp.work import Progress, ShouldCancel

if TYPE_CHECKING:
    from fieldapp.hq.identity import HqIdentity
    from fieldapp.hq.store import HqStore


@dataclass
class HqCheckReport:
    events: int = 0
    decisions: int = 0
    problems: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    cancelled: bool = False  # stopped between two steps: what was checked is reported

    @property
    def ok(self) -> bool:
        return not self.problems


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
    report.events, report.problems = verify_chain(conn, gaps=report.gaps, device_keys=approved)
    if not step(1, "laptops' keys"):
        return report
    for device_id, name, payload in conn.execute(
        "SELECT e.device_id, v.name, e.payload FROM events e JOIN hq_devices v ON v.device_id = e.device_id "
        "WHERE e.entity = 'device' AND e.op = 'init'"
    ).fetchall():
        if json.loads(payload).get("public_key") != approved[str(device_id)].hex():
            report.problems.append(f"laptop {name!r}: its log names another key than the one HQ approved")
    if not step(2, "HQ's decisions"):
        return report
    try:
        report.decisions = decisions.verify(conn, identity.hq_id, identity.verify_key)
    except DecisionLogBroken as exc:
        report.problems.append(f"HQ decisions: {exc.message}")
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
            f"{table} differs from a fold of the logs" for table in live if live[table] != rebuilt[table]
        ]
    except Exception as exc:  # noqa: BLE001 - a log that cannot be folded again is what the check reports
        report.problems.append(f"the logs cannot be folded again ({type(exc).__name__}: {exc})")
    if progress is not None:
        progress(STEPS, STEPS, "done")
    return report
