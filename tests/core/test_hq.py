"""HQ: keys and key file, signed enrolment files, conflicts, convergence in any order, the CLI, purge."""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.cli.common import DATABASE_ENV
from fieldapp.errors import EnrolmentError, WrongPassphrase
from fieldapp.hq import decisions
from fieldapp.hq.errors import HqError, HqExists, ImportAlarm
from fieldapp.hq.identity import FIRST_ACCOUNT, enrolment_file, init_hq, unlock_hq
from fieldapp.hq.store import open_store
from fieldapp.records import projections
from fieldapp.records.events import EVENT_COLUMNS, Event
from fieldapp.records.service import Records
from fieldapp.sync.export import ExportResult, export_bundle
from fieldapp.sync.receipt import apply_receipt, purge_acknowledged
from fieldapp.vault.enrolment import parse_enrolment
from fieldapp.vault.session import Session
from tests.core.conftest import HQ_BACKENDS, hq_database, pg_server
from tests.core.test_sync import HQ_PASSPHRASE, Hq, add_persons, laptop, receipt_file, stick_of
from tests.support import PASSPHRASE, enrol_confirmed

# --- identity and enrolment -------------------------------------------------------------------


def test_hq_key_file_round_trip(tmp_path: Path, hq_backend: str | None) -> None:
    hq = Hq(tmp_path / "hq", database=hq_backend)
    hq.store.close()
    again = unlock_hq(tmp_path / "hq", HQ_PASSPHRASE)
    assert again.hq_id == hq.identity.hq_id and again.store_key == hq.identity.store_key
    assert str(again.age_identity.to_public()) == hq.identity.recipient
    open_store(again, hq_backend).close()
    with pytest.raises(WrongPassphrase):
        unlock_hq(tmp_path / "hq", "not the passphrase at all")
    (account,) = again.accounts
    counted = tmp_path / "hq" / f"hq-unlock-attempts-{account.account_id}.json"
    assert counted.exists()  # counted per account, as per officer on laptops
    unlock_hq(tmp_path / "hq", HQ_PASSPHRASE)
    assert not counted.exists()  # a right passphrase resets it
    with pytest.raises(HqExists):
        init_hq(tmp_path / "hq", "Again", HQ_PASSPHRASE)
    body = json.loads((tmp_path / "hq" / "hq-keys.json").read_text())
    assert "AGE-SECRET-KEY" not in json.dumps(body) and hq.identity.store_key.hex() not in json.dumps(body)
    body["hq_name"] = "Renamed"  # the public part is bound to the secrets (AAD)
    (tmp_path / "hq" / "hq-keys.json").write_text(json.dumps(body))
    with pytest.raises(HqError, match="altered"):
        unlock_hq(tmp_path / "hq", HQ_PASSPHRASE)


def test_wrong_hq_passphrases_back_off(tmp_path: Path) -> None:
    from fieldapp.errors import UnlockBackoff

    Hq(tmp_path / "hq").store.close()
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            unlock_hq(tmp_path / "hq", "a wrong guess at HQ")
    with pytest.raises(UnlockBackoff):  # even the right one waits now; the count is in the HQ folder
        unlock_hq(tmp_path / "hq", HQ_PASSPHRASE)


def test_enrolment_file_is_signed(tmp_path: Path, session: Session, hq_backend: str | None) -> None:
    hq = Hq(tmp_path / "hq", database=hq_backend)
    try:
        _, raw = enrolment_file(hq.identity, "laptop-7")
        data = parse_enrolment(raw)
        assert data["device_name"] == "laptop-7" and data["verify_key"] == hq.identity.verify_key
        for key, value in (("hq_name", "Evil HQ"), ("url", "https://evil.example"), ("recipient", "x")):
            altered = json.loads(raw)
            altered[key] = value
            with pytest.raises(EnrolmentError):
                parse_enrolment(json.dumps(altered).encode())
        unsigned = {k: v for k, v in json.loads(raw).items() if k != "signature"}
        with pytest.raises(EnrolmentError, match="not signed"):
            parse_enrolment(json.dumps(unsigned).encode())
        hq.enrol(session)
        assert (
            session.meta("hq_enrolment_id")
            == json.loads((hq.identity.folder / "enrol-1.json").read_text())["enrolment_id"]
        )
    finally:
        hq.store.close()


# --- conflicts --------------------------------------------------------------------------------


def _copy_events(source: Session, target: Session, entity_id: str) -> None:
    """Give ``target`` another laptop's record (as if both laptops had it), without re-signing."""
    rows = source.conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE entity_id = ? ORDER BY rowid", (entity_id,)
    ).fetchall()
    with target.log.transaction():
        for row in rows:
            target.conn.execute(f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 14)})", row)
            projections.apply(target.conn, Event.from_row(row))


def test_another_laptops_change_to_a_record_is_refused_with_an_alarm(
    tmp_path: Path, hq_backend: str | None
) -> None:
    """Issue 17: any approved laptop could withdraw or amend another team's records at HQ. Records belong
    to the laptop that made them; HQ's own decisions on them go through its review queue."""
    hq = Hq(tmp_path / "hq", database=hq_backend)
    a, b = laptop(tmp_path, "laptop-a"), laptop(tmp_path, "laptop-b")
    try:
        for s in (a, b):
            hq.enrol(s)
            hq.approve(s)
        (person,) = add_persons(a, 1)
        hq.imports(_export(a, tmp_path, "a1"))
        hq.imports(_export(b, tmp_path, "b0"))
        _copy_events(a, b, person)
        Records(b).withdraw("person", person, "entered by mistake, says team B")
        before = hq.store.projection_digest()
        with pytest.raises(ImportAlarm, match="changes a record another laptop made"):
            hq.imports(_export(b, tmp_path, "b1"))
        assert hq.store.projection_digest() == before
        assert (
            hq.store.conn.execute("SELECT status FROM persons WHERE id = ?", (person,)).fetchone()[0]
            == "draft"
        )
        assert any("another laptop made" in alarm["detail"] for alarm in hq.store.alarms())
    finally:
        a.close()
        b.close()
        hq.store.close()


def test_changes_to_records_hq_lacks_wait_for_them(tmp_path: Path, hq_backend: str | None) -> None:
    from fieldapp.hq.errors import MissingPrerequisite

    hq = Hq(tmp_path / "hq", database=hq_backend)
    a, b = laptop(tmp_path, "laptop-a"), laptop(tmp_path, "laptop-b")
    try:
        for s in (a, b):
            hq.enrol(s)
            hq.approve(s)
        (person,) = add_persons(a, 1)
        _copy_events(a, b, person)
        Records(b).update_person(person, name="FROM B")
        b_bundle = _export(b, tmp_path, "b1")
        with pytest.raises(MissingPrerequisite, match="import the other laptops"):
            hq.imports(b_bundle)
        assert hq.count() == 0
        hq.imports(_export(a, tmp_path, "a1"))
        with pytest.raises(ImportAlarm, match="another laptop made"):  # now HQ knows whose record it is
            hq.imports(b_bundle)
    finally:
        a.close()
        b.close()
        hq.store.close()


def _export(session: Session, folder: Path, name: str, **options: Any) -> ExportResult:
    result = export_bundle(session, stick_of(folder, name), **options)
    assert result is not None
    return result


# --- convergence: three laptops, interleaved bundles, any import order ------------------------


@pytest.fixture(scope="module", params=HQ_BACKENDS)
def three_laptops(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[tuple[Hq, list[ExportResult], dict[str, str]]]:
    with hq_database(request.param) as database:
        yield from _three_laptops(tmp_path_factory, database)


def _three_laptops(
    tmp_path_factory: pytest.TempPathFactory, database: str | None
) -> Iterator[tuple[Hq, list[ExportResult], dict[str, str]]]:
    folder = tmp_path_factory.mktemp("three")
    hq = Hq(folder / "hq", database=database)
    laptops = [laptop(folder, f"laptop-{n}") for n in range(3)]
    bundles: list[ExportResult] = []
    for s in laptops:
        hq.enrol(s)
        hq.approve(s)
    for round_ in range(3):
        for n, s in enumerate(laptops):
            add_persons(s, 1 + (n + round_) % 2, photos=1 if round_ == 1 else 0)
            bundles.append(_export(s, folder, f"b-{round_}-{n}"))
            if round_ == 0 and n != 1:  # some laptops get their receipt (incremental), one keeps re-sending
                apply_receipt(s, receipt_file(folder, hq.imports(bundles[-1])))
    reference = hq.store.projection_digest()
    for b in bundles:
        hq.imports(b)
    reference = hq.store.projection_digest()
    reference["_events"] = str(hq.count())
    yield hq, bundles, reference
    for s in laptops:
        s.close()
    hq.store.close()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(9)), repeat=st.integers(0, 8))
def test_any_import_order_converges(
    three_laptops: tuple[Hq, list[ExportResult], dict[str, str]], order: list[int], repeat: int
) -> None:
    hq_template, bundles, reference = three_laptops
    folder = Path(tempfile.mkdtemp())
    try:
        # A fresh store under the same HQ identity, with the same devices approved.
        shutil.copy(hq_template.identity.folder / "hq-keys.json", folder / "hq-keys.json")
        identity = unlock_hq(folder, HQ_PASSPHRASE)
        from fieldapp.hq.importer import import_bundle
        from fieldapp.hq.store import create_store

        database = hq_template.database and pg_server().create()
        store = create_store(identity, database)
        try:
            with store.transaction():
                for device in hq_template.store.devices():
                    store.add_device(device)
            for index in [*order, order[repeat]]:  # every bundle once, and one of them twice
                import_bundle(store, identity, bundles[index].paths)
            digest = store.projection_digest()
            digest["_events"] = str(store.conn.execute("SELECT count(*) FROM events").fetchone()[0])
            assert digest == reference
        finally:
            store.close()
    finally:
        shutil.rmtree(folder)


# --- the CLI ----------------------------------------------------------------------------------


def _run(argv: list[str], lines: list[str]) -> int:
    from fieldapp.cli.main import main

    return main(argv, stdin=io.StringIO("\n".join(lines) + "\n"))


@pytest.mark.usefixtures("hq_backend")  # the CLI finds the database in FIELDAPP_HQ_DATABASE
def test_cli_end_to_end(tmp_path: Path, session: Session, capsys: pytest.CaptureFixture[str]) -> None:
    hq_dir, stick = str(tmp_path / "hq"), tmp_path / "stick"
    stick.mkdir()
    common = ["--hq-dir", hq_dir, "--passphrase-file", "-"]
    assert _run(["hq", "init", "--name", "HQ Phnom Penh", *common], [HQ_PASSPHRASE]) == 0
    assert (
        _run(
            ["hq", "enrol", "--device", "laptop-1", "-o", str(tmp_path / "e.json"), *common], [HQ_PASSPHRASE]
        )
        == 0
    )

    enrol_confirmed(session, tmp_path / "e.json")
    add_persons(session, 2)
    data_dir = str(session.data_dir)
    session.close()
    laptop_args = ["--data-dir", data_dir, "--passphrase-file", "-"]
    assert _run(["sync", "export", "--to", str(stick), *laptop_args], [PASSPHRASE]) == 0
    assert "safe to remove" in capsys.readouterr().out
    bundle = next(stick.iterdir())
    assert _run(["hq", "import", str(bundle), *common], [HQ_PASSPHRASE]) == 1
    assert "not approved yet" in capsys.readouterr().err
    assert _run(["hq", "device", "list", *common], [HQ_PASSPHRASE]) == 0
    listing = capsys.readouterr().out
    assert "pending" in listing and "enrolment for 'laptop-1'" in listing
    device_id = listing.split()[0]
    assert _run(["hq", "device", "approve", device_id, *common], [HQ_PASSPHRASE]) == 0
    assert _run(["hq", "import", str(bundle), *common], [HQ_PASSPHRASE]) == 0
    receipt = next(p for p in stick.iterdir() if p.name.startswith("receipt-"))
    assert _run(["sync", "receipt", str(receipt), *laptop_args], [PASSPHRASE]) == 0
    assert "up to" in capsys.readouterr().out
    assert _run(["sync", "export", "--to", str(stick), *laptop_args], [PASSPHRASE]) == 0
    assert "Nothing to send" in capsys.readouterr().out
    assert _run(["hq", "conflicts", *common], [HQ_PASSPHRASE]) == 0
    assert "No concurrent changes" in capsys.readouterr().out
    assert _run(["hq", "device", "revoke", device_id, *common], [HQ_PASSPHRASE]) == 2
    assert "Say why" in capsys.readouterr().err
    revoke = ["hq", "device", "revoke", device_id, "--reason", "laptop stolen in Poipet"]
    assert _run([*revoke, *common], [HQ_PASSPHRASE]) == 0
    assert _run(["hq", "device", "approve", device_id, *common], [HQ_PASSPHRASE]) == 2
    assert "stays revoked" in capsys.readouterr().err
    # Both decisions are in HQ's signed log, with who made them and why.
    identity = unlock_hq(tmp_path / "hq", HQ_PASSPHRASE)
    store = open_store(identity, os.environ.get(DATABASE_ENV))
    try:
        log = [(d.kind, d.payload["device_id"], d.analyst, d.reason) for d in decisions.decisions(store.conn)]
        assert log == [
            (
                "approve_device",
                device_id,
                FIRST_ACCOUNT,  # `hq init` made one account, HQ's first admin: every decision is theirs
                f"fingerprint {store.device(device_id).fingerprint} compared with the one the laptop shows",
            ),
            ("revoke_device", device_id, FIRST_ACCOUNT, "laptop stolen in Poipet"),
        ]
        assert decisions.verify(store.conn, identity.hq_id, identity.verify_keys, identity.accounts) == 2
    finally:
        store.close()


# --- purge after retention --------------------------------------------------------------------


def test_purge_shreds_acknowledged_photos_after_retention(
    tmp_path: Path, session: Session, hq_backend: str | None
) -> None:
    from fieldapp.photos.errors import PhotoUnavailable
    from fieldapp.photos.service import Photos

    hq = Hq(tmp_path / "hq", database=hq_backend)
    try:
        hq.enrol(session)
        hq.approve(session)
        acked_person, later_person = add_persons(session, 2, photos=1)
        first = hq.imports(_export(session, tmp_path, "s1"))
        apply_receipt(session, receipt_file(tmp_path, first))
        Records(session).update_person(later_person, name="CHANGED AFTER THE RECEIPT")
        photos = Photos(Records(session))
        ids = {r[0]: r[1] for r in session.conn.execute("SELECT person_id, id FROM photos")}
        assert purge_acknowledged(session).photos == 0  # too recent
        result = purge_acknowledged(session, now=datetime.now(UTC) + timedelta(days=15))
        assert (result.photos, result.persons_eligible) == (1, 1)
        with pytest.raises(PhotoUnavailable):
            photos.original(ids[acked_person])
        assert photos.original(ids[later_person])  # not acknowledged: kept
        sha = json.loads(
            session.conn.execute("SELECT data FROM photos WHERE id = ?", (ids[acked_person],)).fetchone()[0]
        )
        assert "sha256" in sha  # the hash stays
        assert hq.store.conn.execute("SELECT count(*) FROM hq_blobs").fetchone()[0] == 2  # HQ keeps its copy
    finally:
        hq.store.close()
