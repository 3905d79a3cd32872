"""Enrolment files carry HQ's indicator sets, signed; the laptop validates them, keeps them in the vault
and screening offers a newer version from there while pinned screenings keep their own."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.errors import EnrolmentError
from fieldapp.hq.identity import HqIdentity, enrolment_file, init_hq
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.screening import available_sets, indicator_dir, load_set
from fieldapp.screening.sets import ENV_RESOURCES, install_vault_sets
from fieldapp.vault.enrolment import SETS_META, parse_enrolment, signing_message
from fieldapp.vault.session import Session, create_vault, unlock
from tests.support import PASSPHRASE, enrol_confirmed

HQ_PASSPHRASE = "hq passphrase for enrolment tests"
NEW = "2026.1"


@pytest.fixture(autouse=True)
def _no_leftover_sets() -> Iterator[None]:
    yield
    install_vault_sets({})  # sets are per unlocked vault; never leak into the next test


def _hq_resources(folder: Path) -> Path:
    """HQ's indicator folder: the shipped sets plus a newer adult set and a newer linked set pointing at it."""
    target = folder / "indicators"
    shutil.copytree(indicator_dir(), target)
    adult = json.loads((target / "ilo2009_adult_labour.json").read_text("utf-8"))
    adult["version"] = NEW
    adult["title"]["en"]["text"] = "ILO adult labour (HQ revision)"
    (target / f"ilo2009_adult_labour@{NEW}.json").write_text(json.dumps(adult, ensure_ascii=False), "utf-8")
    linked = json.loads((target / "scam_compound.json").read_text("utf-8"))
    linked["version"] = "2.1"
    (target / "scam_compound@2.1.json").write_text(json.dumps(linked, ensure_ascii=False), "utf-8")
    return folder


def _hq_enrolment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[HqIdentity, bytes]:
    identity = init_hq(tmp_path / "hq", "HQ Phnom Penh", HQ_PASSPHRASE)
    monkeypatch.setenv(ENV_RESOURCES, str(_hq_resources(tmp_path / "hq-resources")))
    try:
        _, raw = enrolment_file(identity, "laptop-1")
    finally:
        monkeypatch.delenv(ENV_RESOURCES)
    return identity, raw


def _resign(identity: HqIdentity, data: dict[str, Any]) -> bytes:
    data["signature"] = identity.sign(signing_message(data)).hex()
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _begin(session: Session) -> tuple[Screenings, str]:
    records = Records(session)
    operation = records.create_operation(name="Raid Sihanoukville").id
    person = records.register_person(operation, name="CHAN SOPHEAP", nationality="KHM", age=30)
    screenings = Screenings(records)
    return screenings, screenings.begin(person.id).id


def test_enrolment_file_carries_every_set_signed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    identity, raw = _hq_enrolment(tmp_path, monkeypatch)
    data = parse_enrolment(raw)
    carried = {(s["set_id"], s["version"]) for s in data["indicator_sets"]}
    assert {
        ("ilo2009_adult_labour", "2009.1"),
        ("ilo2009_adult_labour", NEW),
        ("scam_compound", "2.1"),
    } <= carried
    assert len(carried) == 8  # six shipped files and HQ's two newer ones
    altered = json.loads(raw)
    altered["indicator_sets"][0]["items"][0]["label"]["en"]["text"] = "Something else"
    with pytest.raises(EnrolmentError, match="signature"):
        parse_enrolment(json.dumps(altered).encode())
    unsigned = {k: v for k, v in json.loads(raw).items() if k != "signature"}
    with pytest.raises(EnrolmentError, match="not signed"):  # an unsigned file is refused outright
        parse_enrolment(json.dumps(unsigned).encode())
    assert parse_enrolment(raw)["hq_id"] == identity.hq_id


def test_invalid_set_is_refused_even_when_signed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    identity, raw = _hq_enrolment(tmp_path, monkeypatch)
    for breakage in ("no items", "bad strength", "linked to nothing", "not an object"):
        data = json.loads(raw)
        adult = next(s for s in data["indicator_sets"] if s["version"] == NEW)
        if breakage == "no items":
            adult["items"] = []
        elif breakage == "bad strength":
            adult["items"][0]["strength"] = "enormous"
        elif breakage == "linked to nothing":
            linked = next(s for s in data["indicator_sets"] if s["version"] == "2.1")
            linked["maps_to_set"] = "no_such_set"
        else:
            data["indicator_sets"].append("a string")
        with pytest.raises(EnrolmentError, match="indicator set"):
            parse_enrolment(_resign(identity, data))
    assert load_set("ilo2009_adult_labour").version == "2009.1"  # a refused file installs nothing


def test_laptop_screens_with_hq_sets_and_pins_survive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    identity, raw = _hq_enrolment(tmp_path, monkeypatch)
    (tmp_path / "enrol.json").write_bytes(raw)
    session = create_vault(tmp_path / "vault", "Sok Dara", PASSPHRASE, device_name="laptop-1")
    screenings, before = _begin(session)
    assert screenings.get(before).pins["set_version"] == "2009.1"
    enrol_confirmed(session, tmp_path / "enrol.json")
    assert available_sets()["ilo2009_adult_labour"] == ("2009.1", NEW)
    newest = load_set("ilo2009_adult_labour")
    assert newest.version == NEW and newest.title.get() == "ILO adult labour (HQ revision)"
    _, after = _begin(session)
    pins = screenings.get(after).pins
    assert (pins["set_version"], pins["linked_set_version"]) == (NEW, "2.1")
    answer = {"indicators": {"answers": {"DR.job_nature": "present"}}}
    assert screenings.save(before, answer).pins["set_version"] == "2009.1"  # pinned: its own set
    session.close()

    install_vault_sets({})
    assert load_set("ilo2009_adult_labour").version == "2009.1"
    again = unlock(tmp_path / "vault", "Sok Dara", PASSPHRASE)  # kept in the vault across a restart
    try:
        assert load_set("ilo2009_adult_labour").version == NEW
        assert json.loads(again.meta(SETS_META) or "[]")
        newer = {k: v for k, v in json.loads(raw).items() if k not in ("signature", "indicator_sets")}
        (tmp_path / "newer.json").write_bytes(_resign(identity, {**newer, "issue_no": 2}))
        enrol_confirmed(again, tmp_path / "newer.json")  # a file without sets keeps the sets held
        assert load_set("ilo2009_adult_labour").version == NEW
        assert Screenings(Records(again)).get(after).pins["set_version"] == NEW
    finally:
        again.close()

    other = create_vault(tmp_path / "other", "Sok Dara", PASSPHRASE, device_name="laptop-2")
    try:  # another vault, never enrolled: only the shipped sets
        assert load_set("ilo2009_adult_labour").version == "2009.1"
    finally:
        other.close()


def test_damaged_sets_in_vault_warn_instead_of_blocking_unlock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = create_vault(tmp_path / "vault", "Sok Dara", PASSPHRASE, device_name="laptop-1")
    with session.log.transaction():
        session.set_meta(SETS_META, json.dumps([{"set_id": "broken"}]))
    session.close()
    again = unlock(tmp_path / "vault", "Sok Dara", PASSPHRASE)
    try:
        assert any("indicator sets" in warning for warning in again.warnings)
        assert load_set("ilo2009_adult_labour").version == "2009.1"
    finally:
        again.close()


def test_cli_hq_enrol_then_enrol_offers_hq_sets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real commands: `fieldapp hq enrol` with HQ's newer set, `fieldapp enrol` on a laptop."""
    from tests.core.test_cli import fieldapp, ok

    resources = _hq_resources(tmp_path / "hq-resources")
    secret = tmp_path / "hq-pass.txt"
    secret.write_text(HQ_PASSPHRASE + "\n")
    hq = ["--hq-dir", str(tmp_path / "hq"), "--passphrase-file", str(secret)]
    ok(fieldapp("hq", "init", "--name", "HQ Phnom Penh", *hq))
    monkeypatch.setenv(ENV_RESOURCES, str(resources))  # HQ's machine holds the newer set
    issued = ok(fieldapp("hq", "enrol", "--device", "laptop-1", "-o", str(tmp_path / "enrol.json"), *hq))
    told = issued.split("HQ key fingerprint: ")[1].splitlines()[0]  # given to the admin apart from the file
    monkeypatch.delenv(ENV_RESOURCES)
    vault = tmp_path / "vault"
    ok(fieldapp("init", "--officer", "Sok Dara", "--passphrase-file", "-", stdin=PASSPHRASE, data_dir=vault))
    first = fieldapp(
        "enrol", str(tmp_path / "enrol.json"), "--passphrase-file", "-", stdin=PASSPHRASE, data_dir=vault
    )
    assert first.returncode == 2 and told in first.stderr and "Compare" in first.stderr
    out = ok(
        fieldapp(
            "enrol",
            str(tmp_path / "enrol.json"),
            "--fingerprint",
            told,
            "--passphrase-file",
            "-",
            stdin=PASSPHRASE,
            data_dir=vault,
        )
    )
    assert f"ilo2009_adult_labour {NEW}" in out and "scam_compound 2.1" in out
