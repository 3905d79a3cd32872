"""Follow-up to the end (issue 24 item 3): case statuses as signed HQ decisions on both HQ stores, their
validation, the 30/90-day reminders with fixed clocks, the HTCDS fields they fill and the dashboard's
outcome counts against a tally made here.

The data goes the real way: a laptop vault with persons, screenings and handovers → a signed bundle → HQ.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.hq import decisions, exports, followup
from fieldapp.hq.dashboard import NO_STATUS, dashboard
from fieldapp.hq.followup import FollowUpError
from fieldapp.hq.store import HqStore
from fieldapp.records.handovers import Handovers
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reports.labels import nationality_name
from fieldapp.sync.export import export_bundle
from tests.core.conftest import HQ_BACKENDS, hq_database
from tests.core.test_hq_exports import HTCDS_PICKLISTS
from tests.core.test_sync import HQ_ACCOUNT, HQ_PASSPHRASE, Hq, laptop, stick_of

TODAY = date.today()
LATER = TODAY + timedelta(days=400)  # a fixed clock, far enough ahead for every date used below
HANDOVER_DAY = "2026-03-02"  # the day of every handover in this world (before the persons' registration)
# Copied from IOM's "HTCDS Field Standards 2.0.ods" (UNMigration/HTCDS), rows spl_Type ("Value Names") and
# cas_Status; the Survey toolkit's htcds_xlsform.xml writes cas_Status with the same four values.
SPL_TYPE = {
    *("Education", "Financial", "Health", "LabourExploitationRehabilitation", "Legal", "Livelihood"),
    *("RightsBasedTraining", "SexualExploitationRehabilitation", "SocialCare"),
}
CAS_STATUS = {"Active", "FollowUp", "Closed", "ClosedReferred"}


@dataclass
class World:
    hq: Hq
    persons: list[str]  # handed over, in order of registration
    extra: str  # registered, screened, never handed over
    operations: dict[str, str]  # person id -> operation id
    nationality: dict[str, str]

    @property
    def store(self) -> HqStore:
        return self.hq.store


def _day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


@pytest.fixture(params=HQ_BACKENDS)
def world(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[World]:
    with hq_database(request.param) as database:
        hq = Hq(tmp_path / "hq", database=database)
        session = laptop(tmp_path, "K7")
        hq.enrol(session)
        hq.approve(session)
        records = Records(session)
        screenings = Screenings(records)
        handovers = Handovers(records)
        ops = [records.create_operation(name=name).id for name in ("Raid A", "Raid B")]
        persons, operations, nationality = [], {}, {}
        codes = ["VNM", "VNM", "CHN", "KHM", "CHN", "VNM"]
        for n, code in enumerate(codes):
            op = ops[n % 2]
            person = records.register_person(
                op, name=f"PERSON {n}", nationality=code, age=20 + n, sex="female"
            )
            sections = {"interview": {"completed": True}, "indicators": {"answers": {"SC.drugs": "present"}}}
            screenings.finalise(screenings.begin(person.id, sections=sections).id)
            draft = handovers.draft(
                person.id,
                place="Sihanoukville",
                transferring_agency="ATU",
                transferring_officer="Sok Dara",
                receiving_type="mosvy",
                receiving_name="DoSVY Preah Sihanouk",
                receiving_officer="Chan Sophea",
                consent_referral=True,
                consent_sharing=True,
                date_time=f"{HANDOVER_DAY} 10:00",
            )
            handovers.hand_over(draft.id)
            persons.append(person.id)
            operations[person.id], nationality[person.id] = op, code
        extra = records.register_person(ops[0], name="NOT HANDED", nationality="THA", age=30, sex="male").id
        operations[extra], nationality[extra] = ops[0], "THA"
        result = export_bundle(session, stick_of(tmp_path))
        assert result is not None
        hq.imports(result)
        session.close()
        try:
            yield World(hq, persons, extra, operations, nationality)
        finally:
            hq.store.close()


def _set(
    world: World, person: str, status: str, effective: str | None = None, **fields: str
) -> followup.StatusEntry:
    return followup.set_status(
        world.store,
        world.hq.identity,
        person,
        status,
        effective=effective,
        today=LATER,
        **fields,
    )


def test_every_status_path_is_a_signed_decision_with_history_and_current(world: World) -> None:
    p, new_case = world.persons[0], world.persons[1]
    conn = world.store.conn
    assert followup.current_status(conn, p) is None
    path = [
        ("in_shelter", _day(1), {}),
        ("witness", _day(5), {}),
        ("prosecution", _day(9), {}),
        ("compensation_claimed", _day(12), {}),
        ("compensation_received", _day(40), {}),
        ("repatriated", _day(50), {"route": "land", "via": "Poipet border checkpoint"}),
        ("closed", _day(60), {}),
        ("re_trafficked", _day(200), {"new_person_id": new_case}),  # reopens the closed case
    ]
    for status, day, fields in path:
        entry = _set(world, p, status, day, note=f"seen by the social worker ({status})", **fields)
        assert (entry.status, entry.effective, entry.analyst) == (status, day, HQ_ACCOUNT)
        current = followup.current_status(conn, p)
        assert current is not None and current.status == status
    history = followup.history(conn, p)
    assert [(e.status, e.effective) for e in history] == [(s, d) for s, d, _ in path]
    assert history[5].fields == {"route": "land", "via": "Poipet border checkpoint"}
    assert history[7].fields == {"new_person_id": new_case}
    assert history[0].note == "seen by the social worker (in_shelter)"
    # A status learnt late takes its place in the history; the current one stays the latest in effect.
    _set(world, p, "in_shelter", _day(30))
    assert [e.status for e in followup.history(conn, p)][4] == "in_shelter"
    assert followup.current_status(conn, p).status == "re_trafficked"  # type: ignore[union-attr]
    # The same day, recorded later: the later record is current.
    _set(world, p, "closed", _day(200))
    assert followup.current_status(conn, p).status == "closed"  # type: ignore[union-attr]
    # Each one is in HQ's signed chain, with the analyst and the reason (the note, else a plain sentence).
    log = [d for d in decisions.decisions(conn) if d.kind == "case_status"]
    assert len(log) == len(path) + 2
    assert log[0].reason == "seen by the social worker (in_shelter)"
    assert log[-1].reason == f"Case status recorded: Closed from {_day(200)}."
    assert decisions.verify(
        conn, world.hq.identity.hq_id, world.hq.identity.verify_keys, world.hq.identity.accounts
    ) == len(decisions.decisions(conn))
    # The derived table is what folding the log again makes.
    live = decisions.digest(conn)
    with world.store.transaction():
        decisions.rebuild(conn)
    assert decisions.digest(conn) == live
    # The log cannot be edited behind HQ's back.
    with pytest.raises(Exception, match="append-only"):
        with world.store.transaction():
            conn.execute("UPDATE hq_decisions SET reason = 'x' WHERE kind = 'case_status'")


def _code(world: World, person: str, status: str, **kwargs: object) -> str:
    with pytest.raises(FollowUpError) as caught:
        followup.set_status(world.store, world.hq.identity, person, status, **kwargs)  # type: ignore[arg-type]
    assert caught.value.message and "Traceback" not in caught.value.message
    return caught.value.code


def test_each_kind_of_field_is_checked_with_a_coded_error(world: World) -> None:
    p, q = world.persons[0], world.persons[1]
    assert _code(world, p, "deported") == "followup.unknown_status"
    assert _code(world, p, "in_shelter", effective="07/12/2026") == "followup.bad_date"
    assert _code(world, p, "in_shelter", effective=_day(3), today=TODAY) == "followup.future_date"
    assert _code(world, p, "in_shelter", effective=_day(-2)) == "followup.before_registration"
    assert _code(world, "0190-no-such-person", "closed") == "followup.unknown_person"
    assert _code(world, p, "repatriated") == "followup.route_needed"
    assert _code(world, p, "repatriated", route="boat") == "followup.bad_route"
    assert _code(world, p, "witness", route="air") == "followup.field_not_allowed"
    assert _code(world, p, "closed", new_person_id=q) == "followup.field_not_allowed"
    assert _code(world, p, "re_trafficked", new_person_id=p) == "followup.new_case_self"
    assert _code(world, p, "re_trafficked", new_person_id="nobody") == "followup.unknown_person"
    assert _code(world, p, "closed", note="x" * 1001) == "followup.too_long"
    assert _code(world, p, "repatriated", route="air", via="y" * 201) == "followup.too_long"
    _set(world, p, "closed", TODAY.isoformat())
    assert _code(world, p, "closed", effective=TODAY.isoformat()) == "followup.unchanged"
    # A person merged into another is followed on the person kept.
    world.hq.review().link(q, world.persons[2], "same passport number, same photo")
    assert _code(world, world.persons[2], "in_shelter") == "followup.merged"
    with world.store.transaction():
        world.store.conn.execute("UPDATE persons SET status = 'withdrawn' WHERE id = ?", (world.persons[3],))
    assert _code(world, world.persons[3], "in_shelter") == "followup.person_gone"
    with pytest.raises(FollowUpError) as caught:
        followup.followups(world.store.conn, due=45)
    assert caught.value.code == "followup.bad_due"
    # Nothing refused went into the log.
    kinds = Counter(d.kind for d in decisions.decisions(world.store.conn))
    assert kinds["case_status"] == 1


def test_reminders_at_30_and_90_days_with_fixed_clocks(world: World) -> None:
    conn = world.store.conn
    handed = date.fromisoformat(HANDOVER_DAY)
    p, closed = world.persons[0], world.persons[1]

    def due(days: int | None, today: date) -> list[str]:
        return [f.person_id for f in followup.followups(conn, due=days, today=today)]

    # Only handed over: the handover is the last update.
    assert due(30, handed + timedelta(days=29)) == []
    assert set(due(30, handed + timedelta(days=30))) == set(world.persons)
    assert due(90, handed + timedelta(days=89)) == []
    assert set(due(90, handed + timedelta(days=90))) == set(world.persons)
    assert world.extra not in due(None, LATER)  # never handed over, no status: not followed
    # A status resets the clock to the day HQ recorded it; a closed case is never due.
    _set(world, p, "in_shelter", TODAY.isoformat())
    _set(world, closed, "closed", TODAY.isoformat())
    on = {f.person_id: f for f in followup.followups(conn, today=TODAY + timedelta(days=30))}
    assert (on[p].status, on[p].days_since, on[p].last_update) == ("in_shelter", 30, TODAY.isoformat())
    assert on[closed].closed and on[world.persons[2]].status == followup.HANDED_OVER
    assert p not in due(30, TODAY + timedelta(days=29))
    assert p in due(30, TODAY + timedelta(days=30)) and p not in due(90, TODAY + timedelta(days=89))
    assert p in due(90, TODAY + timedelta(days=90))
    assert closed not in due(30, LATER) and closed not in due(90, LATER)
    # Reopened: due again.
    _set(world, closed, "in_shelter", _day(1))
    assert closed in due(90, TODAY + timedelta(days=95))
    # Longest without an update first.
    listed = followup.followups(conn, today=LATER)
    assert [f.days_since for f in listed] == sorted((f.days_since for f in listed), reverse=True)


def test_htcds_case_status_and_support_type_come_from_the_decisions(world: World) -> None:
    a, b, c, d = world.persons[:4]
    _set(world, a, "in_shelter", _day(1))
    _set(world, a, "witness", _day(2))
    _set(world, b, "repatriated", _day(3), route="air")
    _set(world, b, "closed", _day(4), note="called the family: Ms Srey 012 999 888")
    _set(world, c, "compensation_received", _day(3))
    rows = {r["x_caseRef"]: r for r in exports.htcds_rows(world.store.conn)}
    got = {who: rows[exports.case_ref(who)] for who in (a, b, c, d)}
    assert {w: (r["cas_Status"], r["spl_Type"]) for w, r in got.items()} == {
        a: ("FollowUp", "Legal;SocialCare"),
        b: ("Closed", ""),  # repatriation names no HTCDS support plan type
        c: ("FollowUp", "Legal"),
        d: ("ClosedReferred", ""),  # no follow-up recorded: what the handover says
    }
    for row in rows.values():
        assert list(row) == list(exports.HTCDS_COLUMNS)
        assert row["cas_Status"] in CAS_STATUS and CAS_STATUS == HTCDS_PICKLISTS["cas_Status"]
        assert all(v in SPL_TYPE for v in row["spl_Type"].split(";") if v)
        assert "012 999 888" not in json.dumps(row)


def test_dashboard_outcomes_match_a_tally_made_here(world: World) -> None:
    plan = {
        world.persons[0]: [("in_shelter", 1), ("repatriated", 40)],
        world.persons[1]: [("closed", 3)],
        world.persons[2]: [("witness", 2), ("prosecution", 35)],
        world.persons[3]: [("in_shelter", 5)],
        world.persons[4]: [("re_trafficked", 70)],
    }
    for person, steps in plan.items():
        for status, offset in steps:
            fields = {"route": "sea"} if status == "repatriated" else {}
            _set(world, person, status, _day(offset), **fields)
    board = dashboard(world.store)
    ops = {
        op_id: f"{code} · {name}" if code else name
        for op_id, code, name in world.store.conn.execute("SELECT id, code, name FROM operations")
    }
    # The tally: the last step of each plan, counted by hand.
    label = followup.STATUS_LABELS
    now = Counter(label[steps[-1][0]] for steps in plan.values())
    now[NO_STATUS] = board.total - len(plan)
    assert dict(board.section("case_status").rows) == dict(now)
    assert sum(n for _, n in board.section("case_status").rows) == board.total == 7
    by_op = Counter(f"{ops[world.operations[p]]} · {label[s[-1][0]]}" for p, s in plan.items())
    assert dict(board.section("case_status_by_operation").rows) == dict(by_op)
    by_nat = Counter(
        f"{nationality_name(world.nationality[p])[0]} · {label[s[-1][0]]}" for p, s in plan.items()
    )
    assert dict(board.section("case_status_by_nationality").rows) == dict(by_nat)
    months = Counter(f"{_day(o)[:7]} · {label[s]}" for steps in plan.values() for s, o in steps)
    assert dict(board.section("status_changes").rows) == dict(months)
    assert sum(months.values()) == 7


def test_cli_sets_and_lists(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    database = ["--database", world.hq.database] if world.hq.database else []

    def cli(*args: str) -> int:
        return main(
            [
                "hq",
                "followup",
                *args,
                "--hq-dir",
                str(world.hq.identity.folder),
                "--passphrase-file",
                "-",
                *database,
            ],
            stdin=io.StringIO(HQ_PASSPHRASE + "\n"),
        )

    p = world.persons[0]
    assert cli("set", p, "repatriated", "--route", "air") == 0
    assert "Repatriated from" in capsys.readouterr().out
    assert cli("set", p, "repatriated", "--route", "bus") != 0
    err = capsys.readouterr()
    assert "bus is not a route" in err.err + err.out and "Traceback" not in err.err
    assert cli("list", "--json") == 0
    listed = {item["person_id"]: item for item in json.loads(capsys.readouterr().out)}
    assert listed[p]["status"] == "repatriated" and listed[p]["days_since"] == 0
    assert cli("list", "--due", "30") == 0
    out = capsys.readouterr().out
    assert p not in out and world.persons[1] in out  # handed over on 2026-03-02, no update since
    assert cli("list", "--person", p) == 0
    assert "Repatriated" in capsys.readouterr().out


def test_a_store_saved_before_schema_10_keeps_its_signed_log_and_takes_statuses(tmp_path: Path) -> None:
    """The decision log is copied into a table that allows the new kind: every older decision is kept,
    still chained and signed, still append-only, and a status can follow them."""
    import shutil

    from fieldapp.hq.identity import unlock_hq
    from fieldapp.hq.store import STORE_FILE, open_store
    from fieldapp.vault.db import open_database
    from tests.core.test_hq_migrations import DATA
    from tests.core.test_hq_migrations import HQ_PASSPHRASE as FIXTURE_PASSPHRASE

    folder = Path(shutil.copytree(DATA / "hq-sqlcipher-schema6", tmp_path / "hq"))
    identity = unlock_hq(folder, FIXTURE_PASSPHRASE)
    old = open_database(folder / STORE_FILE, identity.store_key)
    before = [tuple(r) for r in old.execute("SELECT * FROM hq_decisions ORDER BY seq")]
    assert before and "hq/0010_case_status.sql" not in {
        str(r[0]) for r in old.execute("SELECT name FROM hq_migrations")
    }
    old.close()
    store = open_store(identity)
    try:
        conn = store.conn
        kept = "id, seq, prev_hash, hash, kind, payload, analyst, reason, created_at, signature"  # schema 6's
        assert [tuple(r) for r in conn.execute(f"SELECT {kept} FROM hq_decisions ORDER BY seq")] == before
        person = str(conn.execute("SELECT id FROM persons ORDER BY temp_id LIMIT 1").fetchone()[0])
        followup.set_status(store, identity, person, "in_shelter")
        assert (
            decisions.verify(conn, identity.hq_id, identity.verify_keys, identity.accounts) == len(before) + 1
        )
        with pytest.raises(Exception, match="append-only"):
            with store.transaction():
                conn.execute("DELETE FROM hq_decisions")
        with pytest.raises(Exception, match="CHECK"):
            with store.transaction():
                conn.execute(
                    "INSERT INTO hq_decisions VALUES ('x', 999, 'p', 'h', 'not_a_kind', '{}', 'a', 'r', 't', 's', NULL, NULL)"
                )
    finally:
        store.close()
