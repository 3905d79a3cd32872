"""Partner export (issue 8 item 4): an age-encrypted zip of CSVs and media for a partner, built from real bundles."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest
from PIL import Image

from fieldapp.cli.main import main
from fieldapp.hq.partner_export import (
    HANDOVER_COLUMNS,
    PERSON_COLUMNS,
    SCREENING_COLUMNS,
    PartnerExportError,
    PartnerFilter,
    partner_export,
)
from fieldapp.hq.review import Review
from fieldapp.photos.policy import export_copy
from fieldapp.photos.service import Photos
from fieldapp.records.consent import withdraw_consent
from fieldapp.records.consular import set_protection
from fieldapp.records.handovers import Handovers
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reports.issued import IssuedDocuments
from fieldapp.sync.export import export_bundle
from fieldapp.vault.session import Session
from fieldapp.work import Cancelled
from tests.core.test_photos import SERIAL, jpeg
from tests.core.test_sync import HQ_PASSPHRASE, Hq, laptop, stick_of

KHMER_NAME = "សុខ ស្រីពៅ"

pytestmark = pytest.mark.usefixtures("qapp")  # Qt renders here; later widget tests need QApplication


@dataclass
class World:
    hq: Hq
    database: str | None  # None: SQLCipher; else the PostgreSQL URL
    ids: dict[str, str]
    photos: dict[str, bytes]  # sha256 -> original bytes, for the photos that must be exported
    refused_photo: str  # sha256 of a photo taken without consent
    form_sha: str  # the issued handover form
    operation: str


def _hand_over(
    records: Records, person_id: str, kind: str, name: str, *, sharing: bool, override: str = ""
) -> str:
    handovers = Handovers(records)
    draft = handovers.draft(
        person_id,
        place="Sihanoukville",
        transferring_agency="ATU",
        transferring_officer="Sok Dara",
        receiving_type=kind,
        receiving_name=name,
        receiving_officer="Chan Sophea",
        consent_referral=True,
        consent_sharing=sharing,
        consent_override_reason=override,
        date_time="2026-03-02 10:00",
        items=[{"description": "passport", "quantity": 1, "kind": "passport"}],
    )
    handovers.hand_over(draft.id)
    return draft.id


def _screen(records: Records, person_id: str) -> None:
    screenings = Screenings(records)
    answers = {"SC.passport_taken": "present", "SC.forced_scamming": "present", "SC.drugs": "absent"}
    sections = {"interview": {"completed": True}, "indicators": {"answers": answers}}
    screenings.finalise(screenings.begin(person_id, sections=sections).id)


def _consent(records: Records, person_id: str, **consent: bool) -> None:
    screenings = Screenings(records)
    screenings.finalise(screenings.begin(person_id, sections={"consent": consent}).id)


def _send(hq: Hq, session: Session, folder: Path) -> None:
    result = export_bundle(session, stick_of(folder, f"stick-{session.device_name}"))
    assert result is not None
    hq.imports(result)


@pytest.fixture(scope="module", params=("sqlcipher", "postgresql"))
def backend(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """Both HQ backends, one world each (tests/core/conftest.py makes and drops the PostgreSQL database)."""
    core = request.config.pluginmanager.get_plugin(str(Path(__file__).with_name("conftest.py")))
    with core.hq_database(request.param) as url:
        yield url


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, backend: str | None) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("partner")
    hq = Hq(folder / "hq", database=backend)
    k1, k2 = laptop(folder, "P1"), laptop(folder, "P2")
    for session in (k1, k2):
        hq.enrol(session)
        hq.approve(session)
    r1, photos = Records(k1), {}
    op = r1.create_operation(name="Raid Sihanoukville", code="RS", date="2026-03-02").id
    lan = r1.register_person(
        op,
        name="NGUYEN THI LAN",
        name_own_script=KHMER_NAME,
        sex="female",
        age=25,
        nationality="VNM",
        document_no="C1234567",
        phone="+84 90 000",
        notes="cried",
    ).id
    portrait = jpeg(1600, 1200, gps=True, serial=True)  # not evidence: leaves without GPS and serial
    Photos(r1).attach(lan, portrait, kind="portrait", consent=True)
    photos[hashlib.sha256(portrait).hexdigest()] = portrait
    _screen(r1, lan)
    lan_handover = _hand_over(r1, lan, "ngo", "Shelter A", sharing=True)
    form = IssuedDocuments(k1).issue_handover(Handovers(r1), lan_handover)
    refusing = r1.register_person(op, name="TRAN VAN NAM", sex="male", age=30, nationality="VNM").id
    _hand_over(
        r1, refusing, "mosvy", "DoSVY Preah Sihanouk", sharing=False, override="needs a shelter tonight"
    )
    wei = r1.register_person(op, name="WANG WEI", sex="male", age=40, nationality="CHN").id
    unconsented = jpeg(1616, 1200)
    Photos(r1).attach(wei, unconsented, kind="injury", consent=False)
    _consent(r1, wei, share_ngo_iom=True, share_embassy=False)  # fears his own embassy
    hai = r1.register_person(op, name="PHAM VAN HAI", sex="male", age=22, nationality="VNM").id
    _consent(r1, hai, share_ngo_iom=True, share_embassy=True)
    tuan = r1.register_person(op, name="LE VAN TUAN", sex="male", age=27, nationality="VNM").id
    _consent(r1, tuan, share_embassy=True)  # said yes, then asked not to be reported: the flag wins
    set_protection(r1, tuan, True, "fears being returned to the recruiter's village")
    gone = r1.register_person(op, name="ENTERED IN ERROR", sex="male", age=40, nationality="VNM").id
    r1.withdraw("person", gone, "registered twice by mistake")
    r2 = Records(k2)
    op2 = r2.create_operation(name="Raid Kampot", code="RK").id
    twin = r2.register_person(op2, name="NGUYEN THI LAN", sex="female", age=26, nationality="VNM").id
    second = jpeg(1632, 1200)
    Photos(r2).attach(twin, second, kind="portrait", consent=True)
    photos[hashlib.sha256(second).hexdigest()] = second
    _screen(r2, twin)
    _send(hq, k1, folder)
    _send(hq, k2, folder)
    # After HQ has his data, Hai takes back his consent to NGOs: HQ's later packages respect it.
    assert withdraw_consent(r1, hai, "share_ngo_iom", "changed his mind about the shelter") == 1
    _send(hq, k1, folder)
    Review(hq.store, hq.identity).link(lan, twin, "same passport photo and name")
    ids = {
        "lan": lan,
        "refusing": refusing,
        "wei": wei,
        "hai": hai,
        "tuan": tuan,
        "gone": gone,
        "twin": twin,
        "handover": lan_handover,
    }
    k1.close()
    k2.close()
    yield World(hq, backend, ids, photos, hashlib.sha256(unconsented).hexdigest(), form.document.sha256, op)
    hq.store.close()


@pytest.fixture(scope="module")
def partner() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


def _open_zip(path: Path, identity: pyrage.x25519.Identity | None = None) -> zipfile.ZipFile:
    raw = path.read_bytes()
    if identity is not None:
        assert raw.startswith(b"age-encryption.org/v1\n")
        raw = pyrage.decrypt(raw, [identity])
    return zipfile.ZipFile(io.BytesIO(raw))


def _table(zf: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    raw = zf.read(name)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # BOM and CRLF, for Excel
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_encrypted_package_contents(world: World, partner: pyrage.x25519.Identity, tmp_path: Path) -> None:
    out = tmp_path / "shelter.zip.age"
    seen: list[tuple[int, int]] = []
    result = partner_export(
        world.hq.store,
        out,
        recipient=str(partner.to_public()),
        progress=lambda done, total, _what: seen.append((done, total)),
    )
    assert result.encrypted and (out.stat().st_mode & 0o777) == 0o600
    assert (result.persons, result.withheld_no_consent, result.missing_media) == (2, 3, 0)
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(out.read_bytes(), [pyrage.x25519.Identity.generate()])  # only the partner can open it
    zf = _open_zip(out, partner)
    persons = _table(zf, "persons.csv")
    assert list(persons[0]) == list(PERSON_COLUMNS)
    by_id = {p["person_id"]: p for p in persons}
    ids = world.ids
    # Not: the withdrawn record, the twin (merged into Lan), the man who declined sharing, the one who
    # withdrew his consent to NGOs after HQ had his data.
    assert set(by_id) == {ids["lan"], ids["wei"]}
    lan = by_id[ids["lan"]]
    assert (lan["name_own_script"], lan["document_no"], lan["merged_records"]) == (
        KHMER_NAME,
        "C1234567",
        ids["twin"],
    )
    assert (lan["operation_code"], lan["handed_over"], lan["media_files"]) == ("RS", "yes", "3")
    assert (
        "+84" not in zf.read("persons.csv").decode("utf-8-sig")
        and "cried" not in zf.read("persons.csv").decode()
    )
    screenings = _table(zf, "screenings.csv")
    assert list(screenings[0]) == list(SCREENING_COLUMNS) and len(screenings) == 3
    lans = [s for s in screenings if s["person_id"] == ids["lan"]]  # the twin's screening travels with Lan
    assert {s["recorded_person_id"] for s in lans} == {ids["lan"], ids["twin"]}
    assert all(s["indicators_present"] == "SC.forced_scamming;SC.passport_taken" for s in lans)
    assert {s["person_id"] for s in screenings} == {ids["lan"], ids["wei"]}
    handovers = _table(zf, "handovers.csv")
    assert list(handovers[0]) == list(HANDOVER_COLUMNS) and len(handovers) == 1
    h = handovers[0]
    assert (h["handover_id"], h["receiving_name"], h["consent_sharing"]) == (
        ids["handover"],
        "Shelter A",
        "yes",
    )
    assert h["items"] == "1 x passport (passport)"
    # Media: every file as listed, byte-exact; the unconsented photo is not there.
    media = _table(zf, "media.csv")
    assert len(media) == 3
    held = {m["original_sha256"] for m in media}
    assert held == set(world.photos) | {world.form_sha} and world.refused_photo not in held
    for m in media:
        data = zf.read(m["path"])
        assert hashlib.sha256(data).hexdigest() == m["sha256"] and len(data) == int(m["size"])
        assert m["path"].startswith(f"media/{ids['lan']}/")
        if m["original_sha256"] in world.photos:
            assert data == export_copy(world.photos[m["original_sha256"]], evidence=False)
            exif = Image.open(io.BytesIO(data)).getexif()
            assert m["path"].endswith(".jpg") and 0x8825 not in exif  # no GPS block left
            assert SERIAL.encode() not in data and m["sha256"] != m["original_sha256"]
        else:
            assert data.startswith(b"%PDF") and m["path"].endswith(
                f"-{ids['handover']}-v1-{m['path'][-10:-4]}.pdf"
            )
    assert "persons.csv" in zf.read("README.txt").decode("utf-8-sig")


def test_filters(world: World, partner: pyrage.x25519.Identity, tmp_path: Path) -> None:
    store, key = world.hq.store, str(partner.to_public())

    def persons(where: PartnerFilter, **options: bool) -> set[str]:
        out = tmp_path / "p.zip"
        partner_export(store, out, where=where, unencrypted=True, **options)
        return {p["person_id"] for p in _table(_open_zip(out), "persons.csv")}

    assert persons(PartnerFilter(nationality="vnm")) == {world.ids["lan"]}
    assert persons(PartnerFilter(nationality="CHN")) == {world.ids["wei"]}
    # An embassy's list holds only those who said yes to their embassy, whatever else they consented to.
    assert persons(PartnerFilter(nationality="CHN", partner="embassy")) == set()
    assert persons(PartnerFilter(nationality="VNM", partner="embassy")) == {world.ids["hai"]}
    assert persons(PartnerFilter(partner="police")) == set()
    with pytest.raises(PartnerExportError, match="not a kind of partner"):
        persons(PartnerFilter(partner="press"))
    assert persons(PartnerFilter(receiving="shelter a")) == {world.ids["lan"]}
    assert persons(PartnerFilter(receiving="ngo")) == {world.ids["lan"]}
    assert persons(PartnerFilter(receiving="mosvy")) == set()  # the only one declined sharing
    assert persons(PartnerFilter(operation_id=world.operation)) == {world.ids["lan"], world.ids["wei"]}
    out = tmp_path / "nomedia.age"
    result = partner_export(store, out, where=PartnerFilter(nationality="VNM"), recipient=key, media=False)
    zf = _open_zip(out, partner)
    assert result.media == 0 and not [n for n in zf.namelist() if n.startswith("media/")]


def test_plain_zip_only_when_asked(world: World, partner: pyrage.x25519.Identity, tmp_path: Path) -> None:
    out = tmp_path / "x.zip"
    with pytest.raises(PartnerExportError, match="encrypted to the partner"):
        partner_export(world.hq.store, out)
    with pytest.raises(PartnerExportError, match="Choose one"):
        partner_export(world.hq.store, out, recipient=str(partner.to_public()), unencrypted=True)
    with pytest.raises(PartnerExportError, match="not an age recipient"):
        partner_export(world.hq.store, out, recipient="age1notakey")
    assert not list(tmp_path.iterdir())


def _cancel_on_call(n: int) -> Callable[[], bool]:
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) >= n

    return cancel


def test_cancel_leaves_nothing(world: World, partner: pyrage.x25519.Identity, tmp_path: Path) -> None:
    (tmp_path / "old.age").write_bytes(b"the previous package")
    for recipient in (str(partner.to_public()), None):
        cancel = _cancel_on_call(3)  # after the first media file, mid-zip
        with pytest.raises(Cancelled):
            partner_export(
                world.hq.store,
                tmp_path / "old.age",
                recipient=recipient,
                unencrypted=recipient is None,
                should_cancel=cancel,
            )
        assert [p.name for p in tmp_path.iterdir()] == ["old.age"]
        assert (tmp_path / "old.age").read_bytes() == b"the previous package"


def test_cli(
    world: World, partner: pyrage.x25519.Identity, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(*args: str) -> int:
        argv = [
            "hq",
            "partner-export",
            *args,
            "--purpose",
            "NGO referral",
            "--hq-dir",
            str(world.hq.identity.folder),
            "--passphrase-file",
            "-",
        ]
        return main(argv, stdin=io.StringIO(HQ_PASSPHRASE + "\n"))

    world.hq.store.close()
    try:
        out = tmp_path / "embassy.age"
        assert run("-o", str(out), "--recipient", str(partner.to_public()), "--nationality", "VNM") == 0
        assert "1 persons" in capsys.readouterr().out
        assert {p["person_id"] for p in _table(_open_zip(out, partner), "persons.csv")} == {world.ids["lan"]}
        key = str(partner.to_public())
        assert run("-o", str(out), "--recipient", key, "--nationality", "VNM", "--for", "embassy") == 0
        printed = capsys.readouterr().out
        assert "1 persons" in printed and "Left out 3 persons who did not consent" in printed
        assert {p["person_id"] for p in _table(_open_zip(out, partner), "persons.csv")} == {world.ids["hai"]}
        argv = [
            "hq",
            "consular",
            "--json",
            "--hq-dir",
            str(world.hq.identity.folder),
            "--passphrase-file",
            "-",
        ]
        assert main(argv, stdin=io.StringIO(HQ_PASSPHRASE + "\n")) == 0
        consular = json.loads(capsys.readouterr().out)
        assert consular == {
            "VNM": {"pending": 1, "notified": 0, "median_hours": None}
        }  # Hai; Tuan is protected
        with pytest.raises(SystemExit):
            run("-o", str(tmp_path / "plain.zip"))  # neither a recipient nor --unencrypted
        assert not (tmp_path / "plain.zip").exists()
        assert run("-o", str(tmp_path / "plain.zip"), "--unencrypted", "--no-media") == 0
        assert "NOT encrypted" in capsys.readouterr().err
        assert zipfile.is_zipfile(tmp_path / "plain.zip")
    finally:
        from fieldapp.hq.store import open_store

        world.hq.store = open_store(world.hq.identity, world.database)
