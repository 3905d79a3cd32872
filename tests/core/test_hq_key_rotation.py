"""HQ's signing key is rotated only by a statement the old key signs (issue 17, items 3 and 8): decisions the
old key signed still verify, new ones carry the new key, and laptops move their pin only through the
statement, never silently. Receipts are signed by a receipt key the signing key certifies, so the
network-facing `hq serve` holds neither the signing key nor the recovery key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.hq import decisions
from fieldapp.hq.check import run_hq_check
from fieldapp.hq.errors import DecisionLogBroken, HqError
from fieldapp.hq.identity import indicator_sets_file, rotate_signing_key, unlock_hq
from fieldapp.hq.importer import import_bundle
from fieldapp.sync.errors import ReceiptInvalid
from fieldapp.sync.keys import fingerprint
from fieldapp.sync.receipt import apply_receipt
from fieldapp.vault import hq_key
from fieldapp.vault.enrolment import enrol
from fieldapp.vault.session import Session
from tests.core.test_sync import HQ_PASSPHRASE, _exported, add_persons, receipt_file, stick_of


def _rotate(hq: Any) -> tuple[str, str]:
    """Rotate HQ's key as `fieldapp hq signing-key rotate` does, and give the test HQ its new identity."""
    old_fp, new_fp = rotate_signing_key(hq.identity.folder, HQ_PASSPHRASE)
    hq.identity = unlock_hq(hq.identity.folder, HQ_PASSPHRASE)
    return old_fp, new_fp


def _raw(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_bytes()))


def test_old_decisions_still_verify_and_new_ones_carry_the_new_key(enrolled: Session, hq: Any) -> None:
    hq.approve(enrolled)  # decision 1, by the first key
    first_key = hq.identity.verify_key
    old_fp, new_fp = _rotate(hq)
    assert (old_fp, new_fp) == (fingerprint(first_key), hq.identity.fingerprint) and old_fp != new_fp
    assert hq.identity.verify_keys == (first_key, hq.identity.verify_key)
    hq.decide(enrolled.device_id, "revoked")  # decision 2, by the new key
    conn = hq.store.conn
    assert decisions.verify(conn, hq.identity.hq_id, hq.identity.verify_keys, hq.identity.accounts) == 2
    with pytest.raises(DecisionLogBroken, match="decision 2 .* does not carry HQ's signature"):
        decisions.verify(conn, hq.identity.hq_id, first_key, hq.identity.accounts)  # not the old key's
    with pytest.raises(DecisionLogBroken, match="decision 1 .* does not carry HQ's signature"):
        decisions.verify(conn, hq.identity.hq_id, hq.identity.verify_key, hq.identity.accounts)
    report = run_hq_check(hq.store, hq.identity)
    assert report.decisions == 2 and not report.problems


def test_a_retired_key_cannot_add_decisions_after_the_new_one(enrolled: Session, hq: Any) -> None:
    """A leaked old key is no use once retired: a decision it signs after the new key's is refused."""
    hq.approve(enrolled)
    retired = hq.identity
    _rotate(hq)
    payload = {"device_id": enrolled.device_id, "fingerprint": "compared again"}
    with hq.store.transaction():
        decisions.append(hq.store, hq.identity, "approve_device", payload, "checked once more")
        decisions.append(hq.store, retired, "approve_device", payload, "with the leaked old key")
    with pytest.raises(DecisionLogBroken, match="decision 3 .* does not carry HQ's signature"):
        decisions.verify(hq.store.conn, hq.identity.hq_id, hq.identity.verify_keys, hq.identity.accounts)


def test_laptops_follow_the_rotation_only_through_statements_signed_by_the_pinned_key(
    enrolled: Session, hq: Any, tmp_path: Path
) -> None:
    pinned = str(enrolled.meta("hq_verify_key"))
    _rotate(hq)
    _rotate(hq)  # twice: the laptop walks the whole chain from the key it pinned
    path = tmp_path / "sets.json"
    path.write_bytes(indicator_sets_file(hq.identity, issue_no=10))
    assert len(_raw(path)["key_rotations"]) == 2
    enrol(enrolled, path)
    assert enrolled.meta("hq_verify_key") == hq.identity.verify_key != pinned
    change = hq_key.last_change(enrolled.meta(hq_key.HQ_KEY_CHANGED_META))
    assert change is not None and change.via == "indicator sets"
    assert (change.old_fingerprint, change.new_fingerprint) == (fingerprint(pinned), hq.identity.fingerprint)


def test_a_chain_with_a_forged_link_is_refused(enrolled: Session, hq: Any, tmp_path: Path) -> None:
    pinned = str(enrolled.meta("hq_verify_key"))
    _rotate(hq)
    data = _raw(_written(tmp_path, indicator_sets_file(hq.identity, issue_no=10)))
    mallory = Ed25519PrivateKey.generate()
    statement = data["key_rotations"][0]
    forged = mallory.sign(hq_key.rotation_message(hq.identity.hq_id, pinned, statement["new_key"])).hex()
    data["key_rotations"] = [{**statement, "signature": forged}]
    from fieldapp.vault.enrolment import signing_message

    data.pop("signature")
    data["signature"] = hq.identity.sign(signing_message(data)).hex()
    from fieldapp.errors import EnrolmentError

    with pytest.raises(EnrolmentError, match="another key than the HQ key this laptop trusts"):
        enrol(enrolled, _written(tmp_path, json.dumps(data).encode(), "forged.json"))
    assert enrolled.meta("hq_verify_key") == pinned and enrolled.meta(hq_key.HQ_KEY_CHANGED_META) is None


def _written(folder: Path, raw: bytes, name: str = "sets.json") -> Path:
    path = folder / name
    path.write_bytes(raw)
    return path


def test_a_receipt_after_rotation_moves_the_pin_and_says_so(
    enrolled: Session, hq: Any, tmp_path: Path
) -> None:
    """The laptop that syncs over the network learns the new key from the receipt (the chain travels)."""
    add_persons(enrolled, 1)
    hq.approve(enrolled)
    pinned = enrolled.meta("hq_verify_key")
    _rotate(hq)
    result = hq.imports(_exported(enrolled, stick_of(tmp_path)))
    before, after = apply_receipt(enrolled, receipt_file(tmp_path, result))
    assert after > before
    assert enrolled.meta("hq_verify_key") == hq.identity.verify_key != pinned
    change = hq_key.last_change(enrolled.meta(hq_key.HQ_KEY_CHANGED_META))
    assert (
        change is not None and change.via == "receipt" and change.new_fingerprint == hq.identity.fingerprint
    )


def test_a_receipt_vouched_by_a_key_the_laptop_never_trusted_is_refused(
    enrolled: Session, hq: Any, tmp_path: Path
) -> None:
    """A forger who holds a receipt key and a 'signing key' of their own, with a rotation statement signed
    by that key, gets nowhere: the chain must start at the pinned key."""
    add_persons(enrolled, 1)
    hq.approve(enrolled)
    pinned = enrolled.meta("hq_verify_key")
    genuine = hq.imports(_exported(enrolled, stick_of(tmp_path)))
    envelope = json.loads(genuine.receipt)
    mallory, mallory_receipts = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    m_pub = mallory.public_key().public_bytes_raw().hex()
    r_pub = mallory_receipts.public_key().public_bytes_raw().hex()
    hq_id = hq.identity.hq_id
    from fieldapp.sync import receipt as receipts

    forged = {
        "receipt": envelope["receipt"],
        "signature": mallory_receipts.sign(receipts.message(envelope["receipt"])).hex(),
        "receipt_key": r_pub,
        "certificate": mallory.sign(hq_key.receipt_key_message(hq_id, r_pub)).hex(),
        "hq_key": m_pub,
        "key_rotations": [
            {"old_key": m_pub, "new_key": m_pub, "signature": mallory.sign(b"x").hex()},
        ],
    }
    path = _written(tmp_path, json.dumps(forged).encode(), "forged-receipt.json")
    with pytest.raises(ReceiptInvalid, match="another key than the HQ key this laptop trusts"):
        apply_receipt(enrolled, path)
    forged.update(hq_key=pinned)  # the pinned key named, but the receipt key certified by Mallory
    with pytest.raises(ReceiptInvalid, match="forged or altered"):
        apply_receipt(enrolled, _written(tmp_path, json.dumps(forged).encode(), "forged-receipt.json"))
    assert enrolled.meta("hq_verify_key") == pinned and enrolled.meta("hq_acked_seq") in (None, "0")


def test_the_serving_process_answers_with_receipts_but_holds_no_signing_key(
    enrolled: Session, hq: Any, tmp_path: Path
) -> None:
    add_persons(enrolled, 1)
    hq.approve(enrolled)
    serving = hq.identity.for_serving()
    assert serving.signing_key is None and serving.recovery_identity is None
    with pytest.raises(HqError, match="does not hold HQ's signing key"):
        serving.sign(b"fieldapp-enrolment-v1\0" + bytes(32))
    result = import_bundle(hq.store, serving, _exported(enrolled, stick_of(tmp_path)).paths)
    before, after = apply_receipt(enrolled, receipt_file(tmp_path, result))
    assert after > before
    assert json.loads(result.receipt)["hq_key"] == hq.identity.verify_key  # certified by the signing key


def test_the_command_line_rotates_and_the_laptop_says_so(
    enrolled: Session, hq: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`fieldapp hq signing-key rotate`, then `fieldapp sync receipt` prints both fingerprints."""
    from tests.core.test_hq import _run
    from tests.support import PASSPHRASE

    add_persons(enrolled, 1)
    hq.approve(enrolled)
    old = hq.identity.fingerprint
    folder = hq.identity.folder
    assert (
        _run(
            ["hq", "signing-key", "rotate", "--hq-dir", str(folder), "--passphrase-file", "-"],
            [HQ_PASSPHRASE],
        )
        == 0
    )
    hq.identity = unlock_hq(folder, HQ_PASSPHRASE)
    assert old in capsys.readouterr().out
    receipt = receipt_file(tmp_path, hq.imports(_exported(enrolled, stick_of(tmp_path))))
    data_dir = enrolled.data_dir
    enrolled.close()
    laptop = ["--data-dir", str(data_dir), "--passphrase-file", "-"]
    assert _run(["sync", "receipt", str(receipt), *laptop], [PASSPHRASE]) == 0
    said = capsys.readouterr().out
    assert "HQ changed its signing key" in said and old in said and hq.identity.fingerprint in said
