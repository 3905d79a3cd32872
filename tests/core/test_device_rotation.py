"""A re-key rotates the laptop's device key (signed by the old one); HQ approves the new fingerprint before it
takes the laptop's next bundle, and the forms printed before and after still verify."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fieldapp.hq.check import run_hq_check
from fieldapp.hq.errors import DevicePending
from fieldapp.sync.keys import fingerprint
from fieldapp.vault.rekey import rekey_vault
from fieldapp.vault.session import PREVIOUS_DEVICE_KEY_META, Session
from tests.core.test_sync import _exported, add_persons, receipt_file, stick_of
from tests.support import PASSPHRASE, add_officer


def test_hq_approves_a_rekeyed_laptops_new_device_key(enrolled: Session, hq: Any, tmp_path: Path) -> None:
    add_officer(enrolled, "Chan Sophea", "team_lead", "team lead passphrase")
    add_persons(enrolled, 2)
    hq.approve(enrolled)
    hq.imports(_exported(enrolled, stick_of(tmp_path, "one")))
    old_key = enrolled.device_public_key
    rekey_vault(enrolled, {"Sok Dara": PASSPHRASE, "Chan Sophea": "team lead passphrase"})
    new_key = enrolled.device_public_key
    assert new_key != old_key and enrolled.request_key()[0] == old_key  # requests keep the old key for now
    add_persons(enrolled, 1)
    bundle = _exported(enrolled, stick_of(tmp_path, "two"))
    with pytest.raises(DevicePending, match="re-keyed") as pending:
        hq.imports(bundle)
    assert fingerprint(new_key) in pending.value.message
    (device,) = hq.store.devices()
    assert device.public_key == old_key and hq.store.pending_key(device.device_id) == new_key
    approved = hq.decide(device.device_id, "approved")
    assert approved.public_key == new_key and hq.store.previous_key(device.device_id) == old_key
    result = hq.imports(bundle)
    assert result.new_events == 3 and result.acked_seq == bundle.seq_to  # the rotation and what followed
    from fieldapp.sync.receipt import apply_receipt

    apply_receipt(enrolled, receipt_file(tmp_path, result))
    assert enrolled.meta(PREVIOUS_DEVICE_KEY_META) is None and enrolled.request_key()[0] == new_key
    report = run_hq_check(hq.store, hq.identity)
    assert report.ok, report.problems


def test_a_bundle_under_an_unannounced_key_is_an_alarm(enrolled: Session, hq: Any, tmp_path: Path) -> None:
    from fieldapp.hq.errors import ImportAlarm

    add_persons(enrolled, 1)
    hq.approve(enrolled)
    hq.imports(_exported(enrolled, stick_of(tmp_path, "one")))
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    other = Ed25519PrivateKey.generate()  # a device key of someone's choosing, with no rotation in the log
    with enrolled.log.transaction():
        enrolled.set_meta("device_key", other.private_bytes_raw().hex())
    enrolled.log.use_keys(device_key=other)
    add_persons(enrolled, 1)
    with pytest.raises(ImportAlarm):
        hq.imports(_exported(enrolled, stick_of(tmp_path, "two")))
