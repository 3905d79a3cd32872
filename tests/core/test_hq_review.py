"""HQ review: conflicts resolved by signed decisions, reversible links, the decision log, the CLI."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fieldapp.hq import decisions, dedupe
from fieldapp.hq.account_admin import add_account
from fieldapp.hq.errors import DecisionLogBroken, ReviewError
from fieldapp.hq.review import Review
from fieldapp.records import projections
from fieldapp.records.service import PersonFilter, Records
from tests.core.test_dedupe import World, build_world
from tests.core.test_hq import _copy_events, _export, _run
from tests.core.test_sync import HQ_ACCOUNT, HQ_PASSPHRASE, Hq, add_persons, laptop

KEO_PASSPHRASE = "analyst keo's own passphrase"
ANALYST = HQ_ACCOUNT  # the Hq helper's first account: its name is every decision's analyst


@dataclass
class Conflicted:
    hq: Hq
    review: Review
    person: str


def _reviewed(conn: Any) -> list[decisions.Decision]:
    """HQ's decisions on records; the laptops' approvals, in the same log, left out."""
    return [d for d in decisions.decisions(conn) if d.kind in decisions.REVIEW_KINDS]


def _logged(conn: Any) -> int:
    return len(decisions.decisions(conn))


def accepting_foreign_changes(mp: pytest.MonkeyPatch) -> None:
    """An HQ store from before records belonged to the laptop that made them (0.1): another laptop's change
    was imported and queued as a conflict. Such stores keep their conflicts reviewable; new ones cannot arise
    (tests/core/test_hq.py: another laptop's change is refused)."""
    from fieldapp.hq import importer

    mp.setattr(importer, "check_ownership", lambda *_: None)


@pytest.fixture
def conflicted(
    tmp_path: Path, hq_backend: str | None, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Conflicted]:
    """One person changed on two laptops that had not seen each other's change: one open conflict."""
    accepting_foreign_changes(monkeypatch)
    hq = Hq(tmp_path / "hq", database=hq_backend)
    a, b = laptop(tmp_path, "laptop-a"), laptop(tmp_path, "laptop-b")
    try:
        for s in (a, b):
            hq.enrol(s)
            hq.approve(s)
        (person,) = add_persons(a, 1)
        hq.imports(_export(a, tmp_path, "a1"))
        _copy_events(a, b, person)
        Records(a).update_person(person, name="NAME FROM A", sex="female")
        Records(b).update_person(person, name="NAME FROM B", age=33)
        hq.imports(_export(a, tmp_path, "a2"))
        hq.imports(_export(b, tmp_path, "b1"))
        yield Conflicted(hq, Review(hq.store, hq.identity), person)
    finally:
        a.close()
        b.close()
        hq.store.close()


def _person(hq: Hq, person_id: str) -> tuple[str, dict[str, object]]:
    row = hq.store.conn.execute("SELECT name, data FROM persons WHERE id = ?", (person_id,)).fetchone()
    return row[0], json.loads(row[1])


def _state(hq: Hq) -> dict[str, str]:
    return {**hq.store.projection_digest(), **decisions.digest(hq.store.conn)}


def test_resolve_a_conflict_shows_the_chosen_value_and_is_signed(conflicted: Conflicted) -> None:
    hq, review = conflicted.hq, conflicted.review
    (item,) = review.conflicts()
    assert (item.entity, item.entity_id, item.field, item.status) == (
        "person",
        conflicted.person,
        "name",
        "open",
    )
    assert {item.a.value, item.b.value} == {"NAME FROM A", "NAME FROM B"}
    assert {item.a.device_name, item.b.device_name} == {"laptop-a", "laptop-b"}
    assert item.a.officer == item.b.officer == "Sok Dara" and item.a.at and item.b.at
    shown, _ = _person(hq, conflicted.person)
    chosen = "a" if item.a.value != shown else "b"  # choose the value HQ does not show yet
    wanted = item.a.value if chosen == "a" else item.b.value

    review.resolve(item.id, chosen, "called team A's lead: passport checked at the scene")
    name, data = _person(hq, conflicted.person)
    assert name == wanted and data["name"] == wanted
    assert data["age"] == 33 and data["sex"] == "female"  # both laptops' other changes stay
    found = hq.store.person_ids(PersonFilter(search=wanted))
    assert found == [conflicted.person]  # the search index follows the resolved name
    assert review.conflicts() == []
    (done,) = review.conflicts(status=None)
    assert done.status == "resolved"
    row = hq.store.conn.execute(
        "SELECT decision_id, chosen FROM hq_conflicts WHERE id = ?", (item.id,)
    ).fetchone()
    (decision,) = _reviewed(hq.store.conn)
    assert row[0] == decision.id and row[1] == chosen
    assert (decision.kind, decision.analyst) == ("resolve_conflict", ANALYST)
    assert decision.payload["value"] == wanted and decision.reason.startswith("called team A")
    assert decisions.verify(
        hq.store.conn, hq.identity.hq_id, hq.identity.verify_keys, hq.identity.accounts
    ) == _logged(hq.store.conn)
    with pytest.raises(ReviewError, match="already resolved"):
        review.resolve(item.id, "a", "changed my mind about it")


def test_live_tables_equal_a_rebuild_from_the_logs(conflicted: Conflicted, tmp_path: Path) -> None:
    hq, review = conflicted.hq, conflicted.review
    (item,) = review.conflicts()
    shown, _ = _person(hq, conflicted.person)
    review.resolve(item.id, "a" if item.a.value != shown else "b", "the other team's value is the passport's")
    live = _state(hq)
    with hq.store.transaction():
        projections.rebuild(hq.store.conn)  # the events alone: the resolution is not in them
        assert _person(hq, conflicted.person)[0] == shown
        assert decisions.rebuild(hq.store.conn) == _logged(hq.store.conn)
    assert _state(hq) == live


def test_short_reasons_and_bad_requests_are_refused(conflicted: Conflicted) -> None:
    review = conflicted.review
    (item,) = review.conflicts()
    for call in (
        lambda: review.resolve(item.id, "a", "ok"),
        lambda: review.resolve(item.id, "a", "    "),
        lambda: review.link(conflicted.person, "someone-else", "no"),
        lambda: review.dismiss(conflicted.person, "someone-else", "no"),
        lambda: review.unlink("no-such-link", "nope"),
    ):
        with pytest.raises(ReviewError, match="reason"):
            call()
    with pytest.raises(ReviewError, match="side a or side b"):
        review.resolve(item.id, "c", "a long enough reason")
    with pytest.raises(ReviewError, match="no conflict 999"):
        review.resolve(999, "a", "a long enough reason")
    with pytest.raises(ReviewError, match="themself"):
        review.link(conflicted.person, conflicted.person, "a long enough reason")
    with pytest.raises(ReviewError, match="no person"):
        review.link(conflicted.person, "no-such-person", "a long enough reason")
    assert _reviewed(conflicted.hq.store.conn) == []


@pytest.fixture
def world(tmp_path: Path, hq_backend: str | None) -> Iterator[World]:
    w, sessions = build_world(tmp_path, hq_backend)
    yield w
    for s in sessions:
        s.close()
    w.hq.store.close()


def test_link_then_unlink_restores_both(world: World) -> None:
    review, conn = world.review, world.hq.store.conn
    older, newer = world.ids["dara_khmer"], world.ids["dara_latin"]
    before = {pid: review.person_detail(pid) for pid in (older, newer)}
    counted = (
        "SELECT count(*) FROM persons WHERE id NOT IN (SELECT person_b FROM hq_links WHERE status = 'active')"
    )
    total = conn.execute(counted).fetchone()[0]

    link_id = review.link(
        newer, older, "same face on both photos, same village"
    )  # order given does not matter
    (link,) = review.links(older)
    assert (link.person_a, link.person_b, link.status, link.unlinked_at) == (older, newer, "active", None)
    assert conn.execute(counted).fetchone()[0] == total - 1
    assert review.person_detail(newer)["merged_into"] == older
    with pytest.raises(ReviewError, match="already merged"):
        review.link(newer, world.ids["wei_han"], "a long enough reason")
    with pytest.raises(ReviewError, match="unlink them first"):
        review.dismiss(older, newer, "a long enough reason")

    review.unlink(link_id, "two sisters, not one person")
    (link,) = review.links(older)
    assert link.status == "unlinked" and link.unlinked_at
    assert conn.execute(counted).fetchone()[0] == total
    after = {pid: review.person_detail(pid) for pid in (older, newer)}
    for pid in (older, newer):  # both records exactly as before, apart from the link history
        assert {k: v for k, v in after[pid].items() if k != "links"} == {
            k: v for k, v in before[pid].items() if k != "links"
        }
    with pytest.raises(ReviewError, match="already undone"):
        review.unlink(link_id, "a long enough reason")
    assert [d.kind for d in _reviewed(conn)] == ["link", "unlink"]
    assert decisions.verify(
        conn, world.hq.identity.hq_id, world.hq.identity.verify_keys, world.hq.identity.accounts
    ) == _logged(conn)


def test_person_detail_has_what_the_side_by_side_view_needs(world: World) -> None:
    detail = world.review.person_detail(world.ids["wei_han"])
    assert detail["fields"]["name_own_script"] == "陈伟"
    assert detail["operation"]["name"] == "Raid A" and detail["operation"]["province"] == "Preah Sihanouk"
    assert detail["device"]["name"] == "laptop-a" and detail["officer"] == "Sok Dara"
    assert detail["merged_into"] is None and detail["links"] == [] and detail["photos"] == []


def test_the_decision_log_is_append_only_and_checked(world: World) -> None:
    review, conn, identity = world.review, world.hq.store.conn, world.hq.identity
    review.dismiss(world.ids["khan_young"], world.ids["khan_older"], "different passports, different fathers")
    review.link(world.ids["wei_han"], world.ids["wei_latin"], "same photo in both raids")
    assert [d.kind for d in _reviewed(conn)] == ["dismiss", "link"]
    assert decisions.verify(conn, identity.hq_id, identity.verify_keys, identity.accounts) == _logged(conn)
    for sql in ("UPDATE hq_decisions SET reason = 'quietly changed'", "DELETE FROM hq_decisions"):
        with pytest.raises(Exception, match="append-only"):
            with world.hq.store.transaction():
                conn.execute(sql)
    # A row added behind HQ's back (copied from a real one, so well-formed) fails the check.
    last = decisions.decisions(conn)[-1]
    with world.hq.store.transaction():
        conn.execute(
            f"INSERT INTO hq_decisions ({decisions.COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                "forged",
                last.seq + 1,
                last.hash,
                "f" * 64,
                "dismiss",
                '{"person_a":"x","person_b":"y"}',
                "Mallory",
                "looks official enough",
                last.created_at,
                last.signature,
                last.account_key,
                last.account_signature,
            ),
        )
    with pytest.raises(DecisionLogBroken, match=f"decision {last.seq + 1}"):
        decisions.verify(conn, identity.hq_id, identity.verify_keys, identity.accounts)
    with pytest.raises(DecisionLogBroken):  # and a key that is not HQ's verifies nothing
        decisions.verify(conn, identity.hq_id, "00" * 32)


def test_cli_duplicates_link_unlink_dismiss_resolve(
    conflicted: Conflicted, capsys: pytest.CaptureFixture[str], hq_backend: str | None
) -> None:
    hq = conflicted.hq
    (item,) = conflicted.review.conflicts()
    other = laptop(hq.identity.folder.parent, "laptop-c")
    try:
        hq.enrol(other)
        hq.approve(other)
        records = Records(other)
        raid = records.create_operation(name="Raid C").id
        # The same person seen by a third team, under the name HQ will keep (side b) and the age B set.
        records.register_person(raid, name=str(item.b.value), nationality="KHM", age=33)
        hq.imports(_export(other, hq.identity.folder.parent, "c1"))
    finally:
        other.close()
    hq.store.close()
    common = ["--hq-dir", str(hq.identity.folder), "--passphrase-file", "-"]
    add_account(hq.identity.folder, HQ_PASSPHRASE, "Analyst Keo", "analyst", KEO_PASSPHRASE)
    as_analyst = ["--account", "Analyst Keo", *common]
    as_admin = ["--account", HQ_ACCOUNT, *common]

    # A reason too short: one plain line and exit 2, nothing decided.
    assert (
        _run(
            ["hq", "resolve", str(item.id), "--choose", "b", "--reason", "ok", *as_analyst], [KEO_PASSPHRASE]
        )
        == 2
    )
    assert "reason" in capsys.readouterr().err
    assert (
        _run(
            ["hq", "resolve", str(item.id), "--choose", "b", "--reason", "passport seen at HQ", *as_analyst],
            [KEO_PASSPHRASE],
        )
        == 0
    )
    assert "side b kept" in capsys.readouterr().out
    assert _run(["hq", "duplicates", "--json", *as_admin], [HQ_PASSPHRASE]) == 0
    (pair,) = json.loads(capsys.readouterr().out)
    assert pair["score"] >= 0.2 and pair["model_version"] == 1
    assert any(r.startswith("same nationality: ") for r in pair["reasons"])
    assert {e["comparison"] for e in pair["evidence"]} >= {"name", "nationality", "birth"}
    assert (
        _run(
            [
                "hq",
                "link",
                pair["person_a"],
                pair["person_b"],
                "--reason",
                "same person, two raids",
                *as_analyst,
            ],
            [KEO_PASSPHRASE],
        )
        == 0
    )
    out = capsys.readouterr().out
    link_id = out.split("(link ")[1].split(",")[0]
    assert _run(["hq", "duplicates", *as_admin], [HQ_PASSPHRASE]) == 0
    assert "No candidate pairs" in capsys.readouterr().out
    assert (
        _run(["hq", "unlink", link_id, "--reason", "linked the wrong pair", *as_analyst], [KEO_PASSPHRASE])
        == 0
    )
    assert (
        _run(
            [
                "hq",
                "dismiss",
                pair["person_a"],
                pair["person_b"],
                "--reason",
                "different mothers",
                *as_analyst,
            ],
            [KEO_PASSPHRASE],
        )
        == 0
    )
    capsys.readouterr()
    assert _run(["hq", "duplicates", *as_admin], [HQ_PASSPHRASE]) == 0
    assert "No candidate pairs" in capsys.readouterr().out

    from fieldapp.hq.identity import unlock_hq
    from fieldapp.hq.store import open_store

    identity = unlock_hq(hq.identity.folder, HQ_PASSPHRASE, HQ_ACCOUNT)
    store = open_store(identity, hq_backend)
    try:
        log = _reviewed(store.conn)
        assert [d.kind for d in log] == ["resolve_conflict", "link", "unlink", "dismiss"]
        assert {d.analyst for d in log} == {"Analyst Keo"}
        assert decisions.verify(
            store.conn, identity.hq_id, identity.verify_keys, identity.accounts
        ) == _logged(store.conn)
    finally:
        store.close()


def test_a_link_keeps_the_evidence_the_analyst_saw(world: World) -> None:
    """From the duplicates search: the match probability, the evidence in words and the model version
    shown; by ids alone, or with another pair's candidate: the pair's own evidence by the current model."""
    review, conn = world.review, world.hq.store.conn
    found = dedupe.find_candidates(world.hq.store, min_score=0.3)[0]
    a, b = found.person_a, found.person_b
    own = dedupe.score_pair(world.hq.store, a, b)
    own_score, own_reasons = own.score, own.reasons
    assert own.model_version == found.model_version == 1
    other_pair = dedupe.Candidate(a, "someone else", 0.999, ["another pair"])
    review.link(b, a, "same face on both photos", other_pair)
    (link,) = review.links(a)
    assert link.score == pytest.approx(own_score, abs=0.001) and link.model_version == 1
    review.unlink(link.link_id, "linked by mistake")
    # As the search showed it (a made-up weighing here, so that it differs from the pair's own):
    shown = dataclasses.replace(found, score=0.421, reasons=["the same name, shared by 40 persons at HQ"])
    review.link(a, b, "same face on both photos", shown)
    (active,) = [k for k in review.links(a) if k.status == "active"]
    assert active.score == pytest.approx(0.421) and own_score != pytest.approx(0.421)
    payload = [d.payload for d in decisions.decisions(conn) if d.kind == "link"][-1]
    assert payload["reasons"] == shown.reasons != own_reasons
