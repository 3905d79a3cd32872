"""Build the saved HQ of version 0.1 (key file version 1, HQ schema 4) and the laptop that fed it (log format
1: officers' keys made by their admin, only attestations officer-signed), for tests/core/test_authority_migration.py.

Run once with the 0.1 code on the path, and commit the result (the fixture is only rebuilt on purpose):
    git archive c806b13 | tar -x -C /tmp/old
    FIELDAPP_INSECURE_FAST_KDF=1 PYTEST_CURRENT_TEST=fixture PYTHONPATH=/tmp/old python tests/data/make_v01_fixture.py
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fieldapp.hq.identity import enrolment_file, init_hq
from fieldapp.hq.importer import import_bundle
from fieldapp.hq.review import Review
from fieldapp.hq.store import Device, create_store
from fieldapp.hq.views import decide_device
from fieldapp.records.service import Records
from fieldapp.sync.export import export_bundle
from fieldapp.sync.keys import device_public_hex, fingerprint
from fieldapp.sync.receipt import apply_receipt
from fieldapp.vault.enrolment import enrol
from fieldapp.vault.session import create_vault

HERE = Path(__file__).resolve().parent / "hq-v0.1"
HQ_PASSPHRASE, PASSPHRASE, LEAD_PASSPHRASE = (
    "headquarters passphrase",
    "correct horse battery",
    "team lead passphrase",
)


def build() -> None:
    shutil.rmtree(HERE, ignore_errors=True)
    HERE.mkdir()
    identity = init_hq(HERE / "hq", "HQ Fixture", HQ_PASSPHRASE)
    store = create_store(identity)
    session = create_vault(HERE / "laptop", "Sok Dara", PASSPHRASE, device_name="fixture-laptop")
    session.add_officer("Chan Sophea", "team_lead", LEAD_PASSPHRASE)
    _, raw = enrolment_file(identity, "fixture-laptop")
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "enrol.json"
        path.write_bytes(raw)
        enrol(session, path)
        records = Records(session)
        operation = records.create_operation(name="Fixture raid", date="2026-11-01")
        person = records.register_person(operation.id, name="NGUYEN VAN MINH", nationality="VNM", age=30)
        records.finalise("person", person.id)
        key = device_public_hex(session)
        with store.transaction():
            store.add_device(
                Device(session.device_id, key, fingerprint(key), "fixture-laptop", None, "pending", "t", None)
            )
        decide_device(Review(store, identity, "Fixture analyst"), session.device_id, "approved", "fixture")
        stick = Path(scratch) / "stick"
        stick.mkdir()
        exported = export_bundle(session, stick)
        assert exported is not None
        result = import_bundle(store, identity, exported.paths)
        receipt = Path(scratch) / "receipt.json"
        receipt.write_bytes(result.receipt)
        apply_receipt(session, receipt)
    session.close()
    store.close()
    for leftover in (HERE / "laptop").glob("unlock-attempts.json"):
        leftover.unlink()


if __name__ == "__main__":
    build()
    print("written", HERE)
