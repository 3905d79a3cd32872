"""Officers at HQ: listed per laptop, revoked with a reason; a revoked officer's later work is imported
with an alarm (a laptop's log cannot drop it), on both HQ stores."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.errors import OfficerRevoked
from fieldapp.hq import decisions, officers, views
from fieldapp.hq.errors import HqError, ReviewError
from fieldapp.hq.store import Device, open_store
from fieldapp.migrations import Step
from fieldapp.records.ids import uuid7
from fieldapp.sync.receipt import apply_receipt
from fieldapp.vault.session import Session, unlock
from tests.core.test_sync import HQ_PASSPHRASE, Hq, _exported, add_persons, receipt_file, stick_of
from tests.support import PASSPHRASE, add_officer


def test_a_revoked_officers_later_work_is_imported_with_an_alarm(
    enrolled: Session, hq: Hq, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hq.approve(enrolled)
    helper = add_officer(enrolled, "Chan Sophea", "screener", PASSPHRASE + " two")
    add_persons(enrolled, 3)
    first = hq.imports(_exported(enrolled, stick_of(tmp_path, "one")))
    assert first.alarms == []
    device = enrolled.device_id
    listed = officers.officers(hq.store, device)
    assert [(o.name, o.active, o.revoked_at) for o in listed] == [
        ("Chan Sophea", True, None),
        ("Sok Dara", True, None),
    ]
    sok = next(o for o in listed if o.name == "Sok Dara")

    review = hq.review()
    with pytest.raises(ReviewError, match="reason"):
        officers.revoke(review, device, sok.officer_id, " no ")
    with pytest.raises(ReviewError, match="no officer"):
        officers.revoke(review, device, "nobody", "left the unit in May")
    revoked = officers.revoke(review, device, sok.officer_id, "laptop key card lost in Poipet")
    officers.revoke(review, device, helper.id, "left the unit in May")
    assert revoked.revoked_at is not None and revoked.revoke_reason == "laptop key card lost in Poipet"
    with pytest.raises(ReviewError, match="already revoked"):
        officers.revoke(review, device, sok.officer_id, "twice over")

    # Sok Dara goes on registering persons on the laptop: imported, and flagged (Chan Sophea did nothing).
    seq_before = hq.store.contiguous_seq(device)
    add_persons(enrolled, 2)
    second = hq.imports(_exported(enrolled, stick_of(tmp_path, "two")))
    assert second.new_events > 0 and hq.count("persons") == 5
    (alarm,) = second.alarms
    assert "Sok Dara" in alarm and f"events {seq_before + 1}..{second.seq_to}" in alarm
    kinds = [a["kind"] for a in hq.store.alarms()]
    assert kinds.count("revoked_officer") == 1
    # The same bundle again brings nothing new and no new alarm.
    again = hq.imports(_exported(enrolled, stick_of(tmp_path, "two")))
    assert again.alarms == [] and [a["kind"] for a in hq.store.alarms()].count("revoked_officer") == 1

    # HQ's receipts now name both revoked officers (signed, version 3: with the acknowledged event's hash).
    assert json.loads(first.receipt)["receipt"]["revoked_officers"] == []
    body = json.loads(second.receipt)["receipt"]
    assert body["version"] == 3 and body["revoked_officers"] == sorted([sok.officer_id, helper.id])
    # On the laptop: applied, kept even when an older receipt comes after, and neither can unlock again.
    data_dir = enrolled.data_dir
    apply_receipt(enrolled, receipt_file(tmp_path, second))
    apply_receipt(enrolled, receipt_file(tmp_path, first))
    add_officer(enrolled, "Keo Pich", "screener", PASSPHRASE + " three")
    enrolled.close()
    unlock(data_dir, "Keo Pich", PASSPHRASE + " three").close()  # an officer HQ did not revoke still can
    keo = tmp_path / "keo-pp"
    keo.write_text(PASSPHRASE + " three\n")
    as_keo = ["--data-dir", str(data_dir), "--passphrase-file", str(keo), "--officer", "Keo Pich"]
    assert main(["officer", "list", "--json", *as_keo]) == 0
    listed = {o["name"]: o["revoked_by_hq"] for o in json.loads(capsys.readouterr().out)}
    assert listed == {"Sok Dara": True, "Chan Sophea": True, "Keo Pich": False}
    with pytest.raises(OfficerRevoked, match="HQ has revoked Sok Dara's access"):
        unlock(data_dir, "Sok Dara", PASSPHRASE)
    with pytest.raises(OfficerRevoked, match="Chan Sophea"):
        unlock(data_dir, "Chan Sophea", PASSPHRASE + " two")


def test_officer_commands(
    enrolled: Session, hq: Hq, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hq.approve(enrolled)
    add_persons(enrolled, 1)
    hq.imports(_exported(enrolled, stick_of(tmp_path)))
    pp = tmp_path / "hq-pp"
    pp.write_text(HQ_PASSPHRASE + "\n")
    common = ["--hq-dir", str(hq.identity.folder), "--passphrase-file", str(pp)]
    if hq.database:
        common += ["--database", hq.database]
    hq.store.close()  # the commands open the store themselves
    capsys.readouterr()
    assert main(["hq", "officer", "list", "--json", *common]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["name"], row["device_id"], row["revoked_at"]) == ("Sok Dara", enrolled.device_id, None)
    assert main(["hq", "officer", "revoke", row["officer_id"], *common]) != 0  # no laptop, no reason
    assert "--reason" in capsys.readouterr().err
    args = [
        "hq",
        "officer",
        "revoke",
        row["officer_id"],
        "--device",
        enrolled.device_id,
        "--reason",
        "key lost",
    ]
    assert main([*args, *common]) == 0
    assert "revoked at HQ" in capsys.readouterr().out
    assert main(["hq", "officer", "list", *common]) == 0
    assert "revoked by HQ" in capsys.readouterr().out


def test_laptop_and_officer_decisions_are_signed_and_fold_again(
    enrolled: Session, hq: Hq, tmp_path: Path
) -> None:
    """Approving and revoking a laptop and revoking an officer are HQ decisions: signed, with the
    analyst and a reason, and folded again by a rebuild; a laptop approved before they were logged
    (schema 3) keeps its status."""
    hq.approve(enrolled)
    add_persons(enrolled, 1)
    hq.imports(_exported(enrolled, stick_of(tmp_path)))
    device, review, conn = enrolled.device_id, hq.review(), hq.store.conn
    (sok,) = officers.officers(hq.store, device)
    held = hq.store.contiguous_seq(device)  # what HQ held: later events by Sok Dara raise alarms
    officers.revoke(review, device, sok.officer_id, "key card lost in Poipet")
    legacy = Device("legacy-laptop", "ab" * 32, "AB-CD", "old laptop", None, "approved", "t", "t")
    with hq.store.transaction():
        hq.store.add_device(legacy)
    rows = {r.device.device_id: r for r in views.devices(hq.store)}
    assert (rows[device].decided_by, rows[device].decision_reason) == ("Test analyst", "decided in a test")
    assert rows[legacy.device_id].decided_by is None

    live = decisions.digest(conn)
    with hq.store.transaction():
        assert decisions.rebuild(conn) == 2
    assert decisions.digest(conn) == live
    assert hq.store.device(legacy.device_id) == legacy  # not in the log: kept as it was
    (revoked,) = officers.officers(hq.store, device)
    assert revoked.revoked_at is not None and revoked.revoke_reason == "key card lost in Poipet"

    with pytest.raises(ReviewError, match="reason"):
        hq.decide(device, "revoked", "no")
    with pytest.raises(HqError, match="already approved"):
        hq.decide(device, "approved")
    hq.decide(device, "revoked", "the laptop was stolen from the car")
    with pytest.raises(HqError, match="stays revoked"):
        hq.decide(device, "approved")
    log = decisions.decisions(conn)
    assert [(d.kind, d.analyst) for d in log] == [
        ("approve_device", "Test analyst"),
        ("revoke_officer", "Test analyst"),
        ("revoke_device", "Test analyst"),
    ]
    assert log[1].payload == {
        "device_id": device,
        "officer_id": sok.officer_id,
        "held_seq": held,
    }
    assert decisions.verify(conn, hq.identity.hq_id, hq.identity.verify_keys, hq.identity.accounts) == 3


def _old_decision(hq: Hq, kind: str, payload: dict[str, str], analyst: str, reason: str) -> None:
    """A decision as HQ made it before accounts: a typed analyst's name, HQ's signature alone."""
    body = {
        "id": uuid7(),
        "seq": 1,
        "prev_hash": decisions.GENESIS,
        "kind": kind,
        "payload": payload,
        "analyst": analyst,
        "reason": reason,
        "created_at": "2026-01-01T00:00:00.000Z",
    }
    digest = decisions._hash(hq.identity.hq_id, body)
    signature = hq.identity.sign(decisions.CONTEXT + digest.encode("ascii")).hex()
    row = (body["id"], 1, decisions.GENESIS, digest, kind, json.dumps(payload), analyst, reason)
    row += (body["created_at"], signature)
    hq.store.conn.execute(
        "INSERT INTO hq_decisions (id, seq, prev_hash, hash, kind, payload, analyst, reason, created_at, "
        "signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row,
    )
    decisions.fold(hq.store.conn, decisions.Decision.from_row(row))


def test_a_schema_3_store_keeps_its_decisions_and_laptops(
    tmp_path: Path, hq_backend: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schema 4 lets the log hold laptop decisions (SQLite: the table is copied to change its CHECK):
    decisions already made stay, still verified and append-only; laptops decided before stay decided."""
    from fieldapp.hq import pg_store
    from fieldapp.hq import store as sqlite_store

    def before_4(steps: Callable[[], list[Step]], name: str) -> Callable[[], list[Step]]:
        """HQ's own steps before ``name`` (the laptop's steps all)."""
        own = name[: name.index("0004_")]
        return lambda: [s for s in steps() if not (s.name.startswith(own) and s.name >= name)]

    (own_4,) = [s.name for s in sqlite_store.schema_steps() if s.name.startswith("hq/0004_")]
    (pg_4,) = [s.name for s in pg_store.schema_steps() if s.name.startswith("0004_")]
    monkeypatch.setattr(sqlite_store, "schema_steps", before_4(sqlite_store.schema_steps, own_4))
    monkeypatch.setattr(pg_store, "schema_steps", before_4(pg_store.schema_steps, pg_4))
    hq = Hq(tmp_path / "hq", database=hq_backend)
    old = Device("old-laptop", "ab" * 32, "AB-CD", "old laptop", None, "approved", "t", "t")
    with hq.store.transaction():
        hq.store.add_device(old)
        _old_decision(hq, "dismiss", {"person_a": "p1", "person_b": "p2"}, "Keo", "not the same")
    hq.store.close()
    monkeypatch.undo()
    hq.store = open_store(hq.identity, hq_backend)
    try:
        conn = hq.store.conn
        assert [d.kind for d in decisions.decisions(conn)] == ["dismiss"]
        assert hq.store.device(old.device_id) == old
        hq.decide(old.device_id, "revoked", "handed back to the ministry")
        assert decisions.verify(conn, hq.identity.hq_id, hq.identity.verify_keys, hq.identity.accounts) == 2
        with pytest.raises(Exception, match="append-only"), hq.store.transaction():
            conn.execute("DELETE FROM hq_decisions")
    finally:
        hq.store.close()
