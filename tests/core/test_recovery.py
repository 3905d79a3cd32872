"""Enrolment with HQ adds a recovery slot that only HQ's private key opens."""

from __future__ import annotations

import json
from pathlib import Path

import pyrage
import pytest

from fieldapp.errors import EnrolmentError, NotAllowed, WrongPassphrase
from fieldapp.records.check import run_check
from fieldapp.vault import keyslots
from fieldapp.vault.enrolment import enrol
from fieldapp.vault.recovery import recover
from fieldapp.vault.session import Session, unlock
from tests.support import PASSPHRASE, add_officer, enrol_confirmed


def write_enrolment(path: Path, recipient: str, **extra: object) -> Path:
    """An enrolment file signed by a made-up HQ key (the recovery tests need only its recipient)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from fieldapp.vault.enrolment import signing_message

    signer = Ed25519PrivateKey.generate()
    body: dict[str, object] = {
        "format": "fieldapp-enrolment",
        "version": 1,
        "hq_id": "hq-phnom-penh",
        "hq_name": "Anti-Trafficking HQ, Phnom Penh",
        "recipient": recipient,
        "verify_key": signer.public_key().public_bytes_raw().hex(),
        "url": "https://hq.example.invalid",
        **extra,
    }
    body["signature"] = signer.sign(signing_message(body)).hex()
    path.write_text(json.dumps(body))
    return path


def test_recovery_slot_opens_with_hq_key_only(session: Session, vault_dir: Path, tmp_path: Path) -> None:
    hq = pyrage.x25519.Identity.generate()
    enrol_confirmed(session, write_enrolment(tmp_path / "enrol.json", str(hq.to_public())))
    assert session.meta("hq_id") == "hq-phnom-penh"
    session.close()

    with pytest.raises(WrongPassphrase):
        recover(vault_dir, str(pyrage.x25519.Identity.generate()), "HQ Admin", "recovery passphrase 1")
    recovered = recover(vault_dir, str(hq), "HQ Admin", "recovery passphrase 1")
    assert recovered.officer.role == "admin"
    assert run_check(recovered).ok
    recovered.close()
    unlock(vault_dir, "HQ Admin", "recovery passphrase 1").close()
    unlock(vault_dir, "Sok Dara", PASSPHRASE).close()  # the officers' slots are untouched


def test_recovery_slot_is_bound_to_its_vault(session: Session, vault_dir: Path, tmp_path: Path) -> None:
    hq = pyrage.x25519.Identity.generate()
    enrol_confirmed(session, write_enrolment(tmp_path / "enrol.json", str(hq.to_public())))
    slot_file = keyslots.load_current(vault_dir)
    moved = keyslots.SlotFile("another-vault-id", slot_file.generation, slot_file.slots, slot_file.recovery)
    with pytest.raises(WrongPassphrase, match="another vault"):
        keyslots.open_recovery(moved, str(hq))


def test_vault_without_enrolment_has_no_recovery(session: Session, vault_dir: Path) -> None:
    with pytest.raises(WrongPassphrase, match="never enrolled"):
        keyslots.open_recovery(keyslots.load_current(vault_dir), str(pyrage.x25519.Identity.generate()))


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\xff\xfe not json", "not an enrolment file"),
        (b'{"format": "something-else"}', "not a fieldapp enrolment"),
        (b'{"format": "fieldapp-enrolment", "version": 9}', "not supported"),
    ],
)
def test_bad_enrolment_files(session: Session, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(EnrolmentError, match=message):
        enrol_confirmed(session, path)


def test_bad_recipient_and_second_hq(session: Session, tmp_path: Path) -> None:
    with pytest.raises(EnrolmentError, match="recipient"):
        enrol_confirmed(session, write_enrolment(tmp_path / "a.json", "age1notakey"))
    enrol_confirmed(
        session, write_enrolment(tmp_path / "b.json", str(pyrage.x25519.Identity.generate().to_public()))
    )
    other = write_enrolment(
        tmp_path / "c.json", str(pyrage.x25519.Identity.generate().to_public()), hq_id="other-hq"
    )
    with pytest.raises(EnrolmentError, match="another HQ"):
        enrol_confirmed(session, other)


def test_only_admin_enrols(session: Session, vault_dir: Path, tmp_path: Path) -> None:
    add_officer(session, "Vann Piseth", "screener", "screener passphrase")
    session.close()
    screener = unlock(vault_dir, "Vann Piseth", "screener passphrase")
    with pytest.raises(NotAllowed):
        enrol(
            screener, write_enrolment(tmp_path / "e.json", str(pyrage.x25519.Identity.generate().to_public()))
        )
    screener.close()
