"""`fieldapp hq check` on both HQ stores: a sound HQ passes (its gaps reported apart), and each kind of
tampering with the store is found: an event's content, a projection row, a decision, a laptop's key."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.demo.hq import DEMO_HQ_PASSPHRASE, build_demo_hq
from fieldapp.hq import decisions
from fieldapp.hq.check import fold_again, run_hq_check
from fieldapp.hq.identity import unlock_hq
from fieldapp.hq.store import HqStore, open_store
from tests.core.test_hq import _run


def _tamper(store: HqStore, hq_backend: str | None, *sql: str) -> None:
    """What someone with write access to the database could do behind HQ's back."""
    on = " ON events" if hq_backend else ""
    with store.transaction():
        store.conn.execute(f"DROP TRIGGER IF EXISTS events_append_only_update{on}")
        for statement in sql:
            store.conn.execute(statement)


def test_hq_check_passes_a_sound_store_and_finds_tampering(
    tmp_path: Path, hq_backend: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "hq"
    build_demo_hq(folder, persons=6, database=hq_backend)
    common = ["--hq-dir", str(folder), "--passphrase-file", "-"]
    assert _run(["hq", "check", *common], [DEMO_HQ_PASSPHRASE]) == 0
    out = capsys.readouterr().out
    assert "No problems" in out and "gap (not yet received)" in out  # the demo's Poipet laptop lost a bundle

    identity = unlock_hq(folder, DEMO_HQ_PASSPHRASE)
    store = open_store(identity, hq_backend)
    try:
        sound = run_hq_check(store, identity)
        events = int(store.conn.execute("SELECT count(*) FROM events").fetchone()[0])
        assert sound.ok and sound.events == events and sound.gaps
        assert sound.decisions == len(decisions.decisions(store.conn)) >= 3  # the laptops' approvals at least

        # A projection row edited: it no longer equals a fold of the events.
        with store.transaction():
            store.conn.execute(
                "UPDATE persons SET name = 'SOMEONE ELSE' WHERE id = (SELECT min(id) FROM persons)"
            )
        report = run_hq_check(store, identity)
        assert report.problems == ["persons differs from a fold of the logs"]
        with store.transaction():  # put back as the logs say
            fold_again(store)
        assert run_hq_check(store, identity).ok

        # An event's content edited (its hash and signatures kept): named, with its laptop's seq.
        seq = store.conn.execute("SELECT min(device_seq) FROM events WHERE entity = 'person'").fetchone()[0]
        _tamper(
            store,
            hq_backend,
            "UPDATE events SET payload = replace(payload, '\"nationality\":', '\"nationality_x\":') "
            f"WHERE entity = 'person' AND op = 'create' AND device_seq = {seq}",
        )
        report = run_hq_check(store, identity)
        assert any(
            f"event {seq} (person.create): content does not match its hash" in p for p in report.problems
        )

        # A decision added behind HQ's back, and a laptop's approved key swapped.
        last = decisions.decisions(store.conn)[-1]
        with store.transaction():
            store.conn.execute(
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
            store.conn.execute(
                "UPDATE hq_devices SET public_key = ? WHERE device_id = (SELECT min(device_id) FROM hq_devices)",
                ("ab" * 32,),
            )
        report = run_hq_check(store, identity)
        assert any(p.startswith("HQ decisions: ") and str(last.seq + 1) in p for p in report.problems)
        assert any("another device key than the one HQ approved" in p for p in report.problems)
    finally:
        store.close()
    assert _run(["hq", "check", *common], [DEMO_HQ_PASSPHRASE]) == 1
    assert "PROBLEM: " in capsys.readouterr().err
