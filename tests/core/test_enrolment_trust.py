"""Enrolment is trust on first use, then pinned (issue 17, item 3): forged, unsigned, replayed and rotated
files, and indicator sets as their own signed objects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fieldapp.errors import EnrolmentError
from fieldapp.hq.identity import HqIdentity, enrolment_file, indicator_sets_file, init_hq
from fieldapp.vault import keyslots
from fieldapp.vault.enrolment import (
    EnrolmentNeedsConfirmation,
    enrol,
    preview,
    rotation_message,
    signing_message,
)
from fieldapp.vault.session import Session

HQ_PASSPHRASE = "headquarters passphrase"


@pytest.fixture
def real_hq(tmp_path: Path) -> HqIdentity:
    return init_hq(tmp_path / "hq", "HQ Phnom Penh", HQ_PASSPHRASE)


def _write(folder: Path, name: str, raw: bytes) -> Path:
    path = folder / name
    path.write_bytes(raw)
    return path


def _signed_by(identity: HqIdentity, data: dict[str, Any]) -> bytes:
    data = {k: v for k, v in data.items() if k != "signature"}
    data["signature"] = identity.sign(signing_message(data)).hex()
    return json.dumps(data).encode()


def _enrolled(session: Session, hq: HqIdentity, tmp_path: Path, issue: int = 1) -> Path:
    _, raw = enrolment_file(hq, "laptop-1", issue_no=issue)
    path = _write(tmp_path, f"enrol-{issue}.json", raw)
    enrol(session, path, fingerprint=hq.fingerprint)
    return path


def test_the_first_file_needs_its_fingerprint_compared(
    session: Session, real_hq: HqIdentity, tmp_path: Path
) -> None:
    _, raw = enrolment_file(real_hq, "laptop-1", issue_no=1)
    path = _write(tmp_path, "enrol.json", raw)
    assert preview(path) == ("HQ Phnom Penh", real_hq.fingerprint)
    with pytest.raises(EnrolmentNeedsConfirmation) as asked:
        enrol(session, path)
    assert asked.value.fingerprint == real_hq.fingerprint
    with pytest.raises(EnrolmentError, match="not this file's HQ key"):
        enrol(session, path, fingerprint="0000 1111 2222 3333 4444 5555 6666 7777")
    assert session.meta("hq_id") is None
    enrol(session, path, fingerprint=real_hq.fingerprint.upper().replace(" ", "-"))  # as typed from paper
    assert session.meta("hq_verify_key") == real_hq.verify_key


def test_a_forged_file_does_not_take_the_laptop_over(
    session: Session, real_hq: HqIdentity, tmp_path: Path, vault_dir: Path
) -> None:
    """The review's attack: a file made by someone else, naming the same HQ, with their own keys (verify
    key, bundle recipient, recovery recipient, address, TLS pin)."""
    _enrolled(session, real_hq, tmp_path)
    recovery_before = keyslots.load_current(vault_dir).recovery
    forger = init_hq(tmp_path / "forger", "HQ Phnom Penh", "forger headquarters passphrase")
    _, raw = enrolment_file(forger, "laptop-1", issue_no=99)
    data = {**json.loads(raw), "hq_id": real_hq.hq_id, "url": "https://forger.example:8443"}
    with pytest.raises(EnrolmentError, match="another key than the HQ key this laptop trusts"):
        enrol(
            session, _write(tmp_path, "forged.json", _signed_by(forger, data)), fingerprint=forger.fingerprint
        )
    assert session.meta("hq_verify_key") == real_hq.verify_key and session.meta("hq_url") is None
    assert session.meta("hq_recipient") == real_hq.recipient
    assert keyslots.load_current(vault_dir).recovery == recovery_before


def test_unsigned_files_are_refused(session: Session, real_hq: HqIdentity, tmp_path: Path) -> None:
    _, raw = enrolment_file(real_hq, "laptop-1", issue_no=1)
    unsigned = {k: v for k, v in json.loads(raw).items() if k != "signature"}
    with pytest.raises(EnrolmentError, match="not signed"):
        enrol(
            session,
            _write(tmp_path, "unsigned.json", json.dumps(unsigned).encode()),
            fingerprint=real_hq.fingerprint,
        )


def test_a_replayed_older_file_is_refused(session: Session, real_hq: HqIdentity, tmp_path: Path) -> None:
    old = _enrolled(session, real_hq, tmp_path, issue=1)
    moved = HqIdentity(**{**real_hq.__dict__, "url": "https://hq-new.example:8443"})
    _, raw = enrolment_file(moved, "laptop-1", issue_no=2)
    enrol(session, _write(tmp_path, "enrol-2.json", raw))
    assert session.meta("hq_url") == "https://hq-new.example:8443"
    with pytest.raises(EnrolmentError, match="older than the one this laptop already loaded"):
        enrol(session, old)
    assert session.meta("hq_url") == "https://hq-new.example:8443"


def test_a_key_rotation_is_taken_only_when_signed_by_the_pinned_key(
    session: Session, real_hq: HqIdentity, tmp_path: Path
) -> None:
    _enrolled(session, real_hq, tmp_path)
    successor = init_hq(tmp_path / "successor", "HQ Phnom Penh", "successor headquarters passphrase")
    _, raw = enrolment_file(successor, "laptop-1", issue_no=5)
    data = {**json.loads(raw), "hq_id": real_hq.hq_id}
    statement = {"old_key": real_hq.verify_key, "new_key": successor.verify_key}
    forged_statement = {
        **statement,
        "signature": successor.sign(
            rotation_message(real_hq.hq_id, real_hq.verify_key, successor.verify_key)
        ).hex(),
    }
    with pytest.raises(EnrolmentError, match="another key"):
        enrol(
            session,
            _write(tmp_path, "r1.json", _signed_by(successor, {**data, "key_rotation": forged_statement})),
        )
    genuine = {
        **statement,
        "signature": real_hq.sign(
            rotation_message(real_hq.hq_id, real_hq.verify_key, successor.verify_key)
        ).hex(),
    }
    enrol(session, _write(tmp_path, "r2.json", _signed_by(successor, {**data, "key_rotation": genuine})))
    assert session.meta("hq_verify_key") == successor.verify_key


def test_indicator_sets_travel_alone_signed_by_the_pinned_key(
    session: Session, real_hq: HqIdentity, tmp_path: Path
) -> None:
    update = _write(tmp_path, "sets.json", indicator_sets_file(real_hq, issue_no=3))
    with pytest.raises(EnrolmentError, match="enrolment file first"):
        enrol(session, update, fingerprint=real_hq.fingerprint)
    _enrolled(session, real_hq, tmp_path)
    url = session.meta("hq_url")
    enrol(session, update)
    assert session.meta("hq_url") == url and session.meta("hq_enrolment_issue") == "3"
    forger = init_hq(tmp_path / "forger", "HQ Phnom Penh", "forger headquarters passphrase")
    forged = {**json.loads(indicator_sets_file(forger, issue_no=9)), "hq_id": real_hq.hq_id}
    with pytest.raises(EnrolmentError, match="another key"):
        enrol(session, _write(tmp_path, "forged-sets.json", _signed_by(forger, forged)))


def test_a_folder_or_a_huge_file_is_named_for_what_it_is(session: Session, tmp_path: Path) -> None:
    with pytest.raises(EnrolmentError, match="is a folder"):
        enrol(session, tmp_path)
