"""The demos hand persons over: the laptop demo has final handovers (typed bodies and one embassy), and the
demo HQ has referrals (directory picks and a typed body; one received at HQ by its code, one refused) and
follow-up statuses, on both HQ stores."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fieldapp.demo.build import DEMO_PASSPHRASE, build_demo
from fieldapp.demo.handovers import PROTECTIVE
from fieldapp.demo.hq import DEMO_HQ_PASSPHRASE, REFUSAL, TEAMS, build_demo_hq
from fieldapp.hq import dashboard, followup
from fieldapp.hq.identity import unlock_hq
from fieldapp.hq.referrals import referrals
from fieldapp.hq.store import open_store
from fieldapp.vault.session import unlock


def test_the_laptop_demo_hands_protected_persons_over(tmp_path: Path) -> None:
    summary = build_demo(tmp_path / "demo", DEMO_PASSPHRASE, persons=40)
    assert "4 handed over" in summary
    session = unlock(tmp_path / "demo", "Sok Dara", DEMO_PASSPHRASE)
    try:
        rows = session.conn.execute(
            "SELECT h.status, h.data, p.outcome, p.handed_over, p.nationality FROM handovers h "
            "JOIN persons p ON p.id = h.person_id"
        ).fetchall()
    finally:
        session.close()
    assert len(rows) == 4
    assert all(r[0] == "final" and r[2] in PROTECTIVE and r[3] == 1 for r in rows)
    data = [json.loads(r[1]) for r in rows]
    embassies = [(d, r[4]) for d, r in zip(data, rows, strict=True) if d["receiving_type"] == "embassy"]
    assert len(embassies) == 1 and embassies[0][0]["receiving_country"] == embassies[0][1] != "KHM"
    # No HQ enrolled the laptop demo: the other bodies are typed, flagged for HQ to map.
    typed = [d for d in data if d["receiving_type"] != "embassy"]
    assert len(typed) == 3 and all(d["receiving_unmapped"] and not d.get("receiving_body_id") for d in typed)


def test_the_demo_hq_has_referrals_and_follow_up(tmp_path: Path, hq_backend: str | None) -> None:
    folder = tmp_path / "hq"
    today = datetime.now(UTC).date()
    summary = build_demo_hq(folder, database=hq_backend, today=today)
    identity = unlock_hq(folder, DEMO_HQ_PASSPHRASE)
    store = open_store(identity, hq_backend)
    try:
        listed = referrals(store.conn)
        waiting = referrals(store.conn, unacknowledged=True)
        registered = {day for (day,) in store.conn.execute("SELECT substr(created_at, 1, 10) FROM persons")}
        statuses = {s: [r for r in listed if r.status == s] for s in ("sent", "received", "refused")}
        follow = {f.person_id: f.status for f in followup.followups(store.conn)}
        routes = [
            dict(followup.history(store.conn, p)[-1].fields)
            for p, status in follow.items()
            if status == "repatriated"
        ]
        board = dashboard.dashboard(store)
    finally:
        store.close()
    # The dashboard's referral and outcome sections have rows.
    assert sum(n for _, n in board.section("referral").rows) == 5
    assert dict(board.section("case_status").rows)["Repatriated"] == 2
    assert len(listed) == 5 and f"{len(listed)} referrals (1 received, 1 refused)" in summary
    picked = [r for r in listed if not r.unmapped]
    assert {r.body_id for r in picked} >= {"DOSVY", "IOM", "MOSVY"}
    assert any(r.body_id.startswith("EMB-") and r.receiving_type == "embassy" for r in picked)
    typed = [r for r in listed if r.unmapped]
    assert len(typed) == 1 and typed[0].receiving_name == "Svay Rieng women's shelter (NGO)"
    (received,) = statuses["received"]
    assert received.steps[-1].via == "paper" and received.steps[-1].receiving_officer == "Chea Sophal"
    (refused,) = statuses["refused"]
    assert refused.steps[-1].reason == REFUSAL and refused.handover_id == typed[0].handover_id
    assert len(statuses["sent"]) == 3
    assert sorted(follow.values()) == [
        "handed_over",
        "in_shelter",
        "in_shelter",
        "repatriated",
        "repatriated",
    ]
    assert {"route": "land", "via": "Poipet international border checkpoint"} in routes
    # The raids were weeks ago: persons registered and referred on their raid's day (Poipet's persons
    # came in its lost bundle), so referrals have been waiting for days.
    raid_days = {(today - timedelta(days=team.days_ago)).isoformat() for team in TEAMS[:2]}
    assert registered == {r.sent_at[:10] for r in listed} == raid_days
    assert {r.handover_id for r in waiting} == {r.handover_id for r in statuses["sent"]}
    assert follow[received.person_id] == "in_shelter" and follow[refused.person_id] == followup.HANDED_OVER
