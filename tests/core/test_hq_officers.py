"""Officers at HQ: listed per laptop, revoked with a reason; a revoked officer's later work is imported
with an alarm (a laptop's log cannot drop it), on both HQ stores."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.hq import officers
from fieldapp.hq.errors import ReviewError
from fieldapp.vault.session import Session
from tests.core.test_sync import HQ_PASSPHRASE, Hq, _exported, add_persons, stick_of
from tests.support import PASSPHRASE


@pytest.fixture
def hq(tmp_path: Path, hq_backend: str | None) -> Iterator[Hq]:
    h = Hq(tmp_path / "hq", database=hq_backend)
    yield h
    h.store.close()


@pytest.fixture
def enrolled(session: Session, hq: Hq) -> Session:
    hq.enrol(session)
    return session


def test_a_revoked_officers_later_work_is_imported_with_an_alarm(
    enrolled: Session, hq: Hq, tmp_path: Path
) -> None:
    hq.approve(enrolled)
    helper = enrolled.add_officer("Chan Sophea", "screener", PASSPHRASE + " two")
    add_persons(enrolled, 3)
    first = hq.imports(_exported(enrolled, stick_of(tmp_path, "one")))
    assert first.alarms == []
    device = enrolled.device_id
    listed = officers.officers(hq.store, device)
    assert [(o.name, o.active, o.revoked_at) for o in listed] == [
        ("Chan Sophea", True, None), ("Sok Dara", True, None)
    ]  # fmt: skip
    sok = next(o for o in listed if o.name == "Sok Dara")

    with hq.store.transaction(), pytest.raises(ReviewError, match="reason"):
        officers.revoke(hq.store, device, sok.officer_id, " no ")
    with hq.store.transaction(), pytest.raises(ReviewError, match="no officer"):
        officers.revoke(hq.store, device, "nobody", "left the unit in May")
    with hq.store.transaction():
        revoked = officers.revoke(hq.store, device, sok.officer_id, "laptop key card lost in Poipet")
        officers.revoke(hq.store, device, helper.id, "left the unit in May")
    assert revoked.revoked_at is not None and revoked.revoke_reason == "laptop key card lost in Poipet"
    with hq.store.transaction(), pytest.raises(ReviewError, match="already revoked"):
        officers.revoke(hq.store, device, sok.officer_id, "twice over")

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
