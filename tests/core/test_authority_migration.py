"""A laptop and an HQ of version 0.1 (tests/data/hq-v0.1, made by tests/data/make_v01_fixture.py with that
code) move to log format 2: their old events are accepted as legacy authority, each officer gets a key of
their own (signed by the old one), HQ pins it with an alarm, and both checks pass."""

from __future__ import annotations

import shutil
from pathlib import Path

from fieldapp.hq.check import run_hq_check
from fieldapp.hq.identity import unlock_hq
from fieldapp.hq.importer import import_bundle
from fieldapp.hq.store import open_store
from fieldapp.records.check import run_check
from fieldapp.sync.export import export_bundle
from fieldapp.sync.receipt import apply_receipt
from fieldapp.vault.session import unlock
from tests.core.test_sync import add_persons

FIXTURE = Path(__file__).parents[1] / "data" / "hq-v0.1"
HQ_PASSPHRASE, PASSPHRASE, LEAD_PASSPHRASE = (
    "headquarters passphrase",
    "correct horse battery",
    "team lead passphrase",
)


def test_a_laptop_and_hq_of_version_0_1_move_to_officer_signed_events(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "old")
    laptop_dir, hq_dir = tmp_path / "old" / "laptop", tmp_path / "old" / "hq"
    identity = unlock_hq(hq_dir, HQ_PASSPHRASE)  # key file version 1: one age key for bundles and recovery
    assert identity.recovery_recipient == identity.recipient
    store = open_store(identity)  # HQ schemas 5 and 6 run here
    try:
        before = run_hq_check(store, identity)
        assert before.ok, before.problems
        assert any("legacy authority" in flag for flag in before.flags)

        admin = unlock(laptop_dir, "Sok Dara", PASSPHRASE)  # log format 2 from here; a key of her own
        add_persons(admin, 2)
        admin.close()
        lead = unlock(laptop_dir, "Chan Sophea", LEAD_PASSPHRASE)  # the lead's key, made by the admin in 0.1
        ops = [r[0] for r in lead.conn.execute("SELECT entity || '.' || op FROM events ORDER BY device_seq")]
        assert ops.count("officer.rekey") == 2 and ops.count("device.log_format") == 1
        report = run_check(lead)
        assert report.ok, report.problems
        (tmp_path / "stick").mkdir()
        bundle = export_bundle(lead, tmp_path / "stick")
        assert bundle is not None
        result = import_bundle(store, identity, bundle.paths)
        assert result.new_events == bundle.events and result.legacy_events == 0
        assert (
            sum(a["kind"] == "officer_key" for a in store.alarms()) == 2
        )  # pinned keys replaced, each signed
        receipt = tmp_path / "receipt.json"
        receipt.write_bytes(result.receipt)
        assert apply_receipt(lead, receipt)[1] == result.acked_seq  # version 3, with the chain head's hash
        lead.close()
        after = run_hq_check(store, identity)
        assert after.ok, after.problems
    finally:
        store.close()
