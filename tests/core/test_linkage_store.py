"""Schema 5 (the linkage model's versions, the Settings thresholds, a link's model): a store of the
previous schema moves forward with its links, their score and reasons untouched; on both stores."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fieldapp.hq import decisions, linkage_store
from fieldapp.hq.review import Review
from fieldapp.hq.store import open_store
from fieldapp.migrations import Step
from tests.core.test_dedupe import PEOPLE, build_world


def _before_5(steps: Callable[[], list[Step]]) -> Callable[[], list[Step]]:
    return lambda: [step for step in steps() if not step.name.endswith("0005_linkage.sql")]


_FOLD = decisions.fold


def _fold_before_5(conn: Any, d: decisions.Decision) -> None:
    """How a link was folded before schema 5 (no model column); other decisions as they are."""
    if d.kind != "link":
        return _FOLD(conn, d)
    p = d.payload
    conn.execute(
        "INSERT INTO hq_links (link_id, person_a, person_b, score, status, linked_at, unlinked_at, decision_id) "
        "VALUES (?, ?, ?, ?, 'active', ?, NULL, ?)",
        (p["link_id"], p["person_a"], p["person_b"], int(p["score_milli"]) / 1000, d.created_at, d.id),
    )


def test_links_decided_before_keep_their_score_and_reasons(
    tmp_path: Path, hq_backend: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store made under schema 4 holds a link decided by the old scorer; after the migration the link,
    its score and its reasons are what they were (no model named), the log still verifies, and a new
    link names the model that proposed it."""
    from fieldapp.hq import pg_store
    from fieldapp.hq import store as sqlite_store

    monkeypatch.setattr(sqlite_store, "schema_steps", _before_5(sqlite_store.schema_steps))
    monkeypatch.setattr(pg_store, "schema_steps", _before_5(pg_store.schema_steps))
    monkeypatch.setattr(decisions, "fold", _fold_before_5)
    world, sessions = build_world(tmp_path, hq_backend)
    store = world.hq.store
    try:
        columns = (
            [r[1] for r in store.conn.execute("PRAGMA table_info(hq_links)")]
            if hq_backend is None
            else [
                r[0]
                for r in store.conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'hq_links' "
                    "AND table_schema = current_schema()"
                )
            ]
        )
        assert "model_version" not in columns  # the previous schema indeed
        old_reasons = [
            "names match across scripts (Chinese ↔ Latin)",
            "same age (31)",
            "same nationality (CHN)",
        ]
        with store.transaction():  # a link as the old scorer made it (fieldapp before schema 5)
            decisions.append(
                store,
                world.hq.identity,
                "link",
                {
                    "link_id": "link-old",
                    "person_a": world.ids["wei_han"],
                    "person_b": world.ids["wei_latin"],
                    "score_milli": 872,
                    "reasons": old_reasons,
                },
                "same family, same village",
            )
    finally:
        store.close()
        for s in sessions:
            s.close()
    monkeypatch.undo()
    store = open_store(world.hq.identity, hq_backend)
    try:
        review = Review(store, world.hq.identity)
        (old,) = review.links(world.ids["wei_han"])
        assert (old.link_id, old.score, old.status, old.model_version) == ("link-old", 0.872, "active", None)
        (logged,) = [d for d in decisions.decisions(store.conn) if d.kind == "link"]
        assert logged.payload["reasons"] == old_reasons
        # The new search runs on the migrated store, with a model of its own, and changes no old link.
        found = review.candidates()
        assert found and {c.model_version for c in found} == {1}
        assert linkage_store.thresholds(store) == linkage_store.Thresholds(0.1, 0.95)
        pair = next(
            c for c in found if {c.person_a, c.person_b} == {world.ids["dara_khmer"], world.ids["dara_latin"]}
        )
        review.link(pair.person_a, pair.person_b, "same mother's name on both forms", pair)
        new = next(k for k in review.links(pair.person_a) if k.status == "active")
        assert new.model_version == 1 and new.score == pytest.approx(pair.score, abs=0.001)
        (old_again,) = review.links(world.ids["wei_han"])
        assert old_again == old
        # Folding the decision log again gives the same tables: old link without a model, new with one.
        live = decisions.digest(store.conn)
        with store.transaction():
            decisions.rebuild(store.conn)
        assert decisions.digest(store.conn) == live
        identity = world.hq.identity
        assert (
            decisions.verify(store.conn, identity.hq_id, identity.verify_keys, identity.accounts) == 5
        )  # 3 approvals, 2 links
        assert len(store.person_ids()) == len(PEOPLE)
    finally:
        store.close()
