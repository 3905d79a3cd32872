"""What HQ admits before approval (issue 19, defect 7 and weak points): a laptop is registered only once its
whole bundle verified; an enrolment id admits one laptop and expires; an unapproved laptop cannot fill the
disk; a folder or an empty file given to `hq import` is named for what it is; HQ's recovery key goes offline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fieldapp.hq import enrolments
from fieldapp.hq.errors import DevicePending, HqError
from fieldapp.hq.identity import export_recovery_key, unlock_hq
from fieldapp.sync.errors import BundleInvalid
from fieldapp.vault.recovery import recover
from fieldapp.vault.session import Session
from tests.core.test_sync import HQ_PASSPHRASE, _exported, add_persons, stick_of


def test_a_damaged_bundle_does_not_register_a_pending_laptop(
    enrolled: Session, hq: Any, tmp_path: Path
) -> None:
    add_persons(enrolled, 3, photos=1)
    result = _exported(enrolled, stick_of(tmp_path))
    raw = bytearray(result.paths[0].read_bytes())
    raw[-200] ^= 0x01  # the manifest at the front is intact; the end of the stream is not
    result.paths[0].write_bytes(bytes(raw))
    with pytest.raises(BundleInvalid):
        hq.imports(result)
    assert hq.store.devices() == []
    with pytest.raises(DevicePending):  # the intact bundle registers it
        hq.imports(_exported(enrolled, stick_of(tmp_path, "again")))
    assert [d.status for d in hq.store.devices()] == ["pending"]


def test_hq_import_names_a_folder_and_an_empty_file(hq: Any, tmp_path: Path) -> None:
    with pytest.raises(BundleInvalid, match="is a folder"):
        hq.imports([tmp_path])
    empty = tmp_path / "fieldapp-x.bundle"
    empty.write_bytes(b"")
    with pytest.raises(BundleInvalid, match="is empty"):
        hq.imports([empty])


def test_an_enrolment_id_admits_the_first_laptop_only_and_expires(hq: Any) -> None:
    with hq.store.transaction():
        enrolment_id, raw = enrolments.issue(hq.store, hq.identity, "laptop-1")
        assert json.loads(raw)["issue_no"] == 1
        assert enrolments.admits(hq.store, enrolment_id, "device-a", "aa" * 32) is None
        assert enrolments.admits(hq.store, enrolment_id, "device-a", "aa" * 32) is None
        assert "another laptop" in str(enrolments.admits(hq.store, enrolment_id, "device-b", "bb" * 32))
        assert "another laptop" in str(enrolments.admits(hq.store, enrolment_id, "device-a", "cc" * 32))
        expired, _ = enrolments.issue(hq.store, hq.identity, "laptop-2", valid_days=1)
        hq.store.conn.execute(
            "UPDATE hq_enrolments SET expires_at = '2000-01-01T00:00:00.000Z' WHERE enrolment_id = ?",
            (expired,),
        )
        assert "expired" in str(enrolments.admits(hq.store, expired, "device-c", "dd" * 32))
        assert (
            enrolments.admits(hq.store, "never-issued", "device-d", "ee" * 32)
            == "HQ did not issue this enrolment."
        )
        _, second = enrolments.issue(hq.store, hq.identity, "laptop-3")
        assert json.loads(second)["issue_no"] == 3


def test_the_recovery_key_goes_offline(enrolled: Session, hq: Any, vault_dir: Path, tmp_path: Path) -> None:
    folder = hq.identity.folder
    target = tmp_path / "safe" / "hq-recovery.txt"
    target.parent.mkdir()
    recipient = export_recovery_key(folder, HQ_PASSPHRASE, target)
    assert recipient == hq.identity.recovery_recipient
    online = unlock_hq(folder, HQ_PASSPHRASE)
    assert online.recovery_identity is None and online.recovery_recipient == recipient
    assert target.read_text().strip() not in (folder / "hq-keys.json").read_text()
    assert hq.identity.recovery_recipient != hq.identity.recipient  # not the bundle key
    with pytest.raises(HqError, match="already exported"):
        export_recovery_key(folder, HQ_PASSPHRASE, tmp_path / "again.txt")
    enrolled.close()
    recover(vault_dir, target.read_text(), "HQ Officer", "hq recovery passphrase").close()


def test_an_unapproved_laptop_cannot_fill_hqs_disk_nor_lend_its_enrolment(tmp_path: Path) -> None:
    """Defect 7: anyone holding an enrolment file made `hq serve` store bytes for made-up laptops, and
    enrolment ids could be reused. Against a real server on 127.0.0.1."""
    from fieldapp.sync.network import Client, HqRefused, hq_link
    from fieldapp.vault.session import create_vault
    from tests.core.test_network_sync import World
    from tests.support import PASSPHRASE, enrol_confirmed

    world = World(tmp_path)
    try:
        first = world.laptop(approved=False)
        client = Client(first, hq_link(first))
        start = {"size": 100 << 20, "sha256": "ab" * 32}
        with pytest.raises(HqRefused) as too_big:
            client.call_json("POST", "/v1/uploads", json.dumps(start).encode())
        assert too_big.value.status == 413 and "not approved" in str(too_big.value)
        status, answer = client.call_json(
            "POST", "/v1/uploads", json.dumps({**start, "size": 1 << 20}).encode()
        )
        assert status == 200 and answer["offset"] == 0  # a first bundle of ordinary size is taken
        # Another laptop (made-up device id, its own key) with the first one's enrolment file.
        other = create_vault(tmp_path / "other", "Sok Dara", PASSPHRASE, device_name="other")
        enrol_confirmed(other, world.root / "laptop-1.json")
        with pytest.raises(HqRefused, match="already used by another laptop") as reused:
            Client(other, hq_link(other)).call_json("POST", "/v1/uploads", json.dumps(start).encode())
        assert reused.value.status == 403
        other.close()
        first.close()
    finally:
        world.server.stop()
