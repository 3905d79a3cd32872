"""The fold enforces each record's life cycle (issue 17, item 4): draft -> final one-way, amend only a final
record with a reason and the next version, nothing after a purge but nothing at all after a withdrawal
except a purge; on the laptop and at HQ, whoever signed the event."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fieldapp.hq.errors import ImportAlarm
from fieldapp.records.projections import StateViolation
from fieldapp.records.service import Records
from fieldapp.vault.session import Session
from tests.core.test_sync import _exported, stick_of


def _final_person(session: Session) -> str:
    records = Records(session)
    operation = records.create_operation(name="Raid Bavet")
    person = records.register_person(operation.id, name="LIM SREY", nationality="KHM")
    records.finalise("person", person.id)
    return person.id


@pytest.mark.parametrize(
    ("op", "payload"),
    [
        ("update", {"fields": {"name": "OVERWRITTEN"}}),
        ("finalise", {"version": 1, "content_hash": "0" * 64}),
        ("amend", {"fields": {"name": "X"}, "reason": "", "version": 2}),
        ("amend", {"fields": {"name": "X"}, "reason": "a reason", "version": 7}),
    ],
)
def test_the_fold_refuses_what_the_state_machine_does_not_allow(
    session: Session, op: str, payload: dict[str, Any]
) -> None:
    person = _final_person(session)
    with pytest.raises(StateViolation):
        session.log.append("person", person, op, payload)  # the services refuse it first; the log itself too
    assert Records(session).person(person).status == "final"


def test_nothing_changes_a_withdrawn_record_but_its_purge(session: Session) -> None:
    person = _final_person(session)
    Records(session).withdraw("person", person, "entered twice by mistake")
    with pytest.raises(StateViolation):
        session.log.append(
            "person", person, "amend", {"fields": {"name": "X"}, "reason": "late fix", "version": 2}
        )
    session.log.append("person", person, "purge", {"reason": "retention"})


def test_hq_refuses_a_bundle_that_breaks_the_life_cycle(enrolled: Session, hq: Any, tmp_path: Path) -> None:
    """The laptop's own fold would have refused it; a forger holding the keys writes it into the log by hand."""
    from fieldapp.records import projections

    person = _final_person(enrolled)
    hq.approve(enrolled)
    hq.imports(_exported(enrolled, stick_of(tmp_path, "one")))
    original = projections._check_transition
    projections._check_transition = lambda *_: None  # type: ignore[assignment]
    try:
        enrolled.log.append("person", person, "update", {"fields": {"name": "REWRITTEN AFTER FINAL"}})
    finally:
        projections._check_transition = original  # type: ignore[assignment]
    with pytest.raises(ImportAlarm, match="life cycle"):
        hq.imports(_exported(enrolled, stick_of(tmp_path, "two")))
    assert (
        hq.store.conn.execute("SELECT name FROM persons WHERE id = ?", (person,)).fetchone()[0] == "LIM SREY"
    )
