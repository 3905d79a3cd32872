"""Station scans and the headcount (issue 22 items 2 and 3): signed check-ins, nobody lost."""

from __future__ import annotations

import io
import random
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import segno
from PIL import Image, ImageEnhance, ImageFilter

from fieldapp.errors import NotAllowed, ValidationError
from fieldapp.records.check import run_check
from fieldapp.records.handovers import Handovers
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.records.stations import check_in, current_station, headcount, set_station
from fieldapp.records.wristbands import band_code, bands_in_image
from fieldapp.reports.documents import reconciliation_document
from fieldapp.vault.session import Session, unlock
from tests.support import PASSPHRASE, add_officer

pytestmark = pytest.mark.usefixtures("qapp")  # Qt renders PDFs here; later widget tests need QApplication

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def test_only_a_team_lead_sets_the_station_and_scans_need_one(records: Records, session: Session) -> None:
    op = records.create_operation(name="Golden Bay raid", code="GB").id
    person = records.register_person(op, name="SOK DARA")
    with pytest.raises(ValidationError, match="No station is set"):
        check_in(records, band_code(person.temp_id), op)
    with pytest.raises(ValidationError, match="needs its number"):
        set_station(session, "vehicle")
    set_station(session, "vehicle", 3)
    assert str(current_station(session)) == "vehicle 3"
    checked, station = check_in(records, band_code(person.temp_id).lower(), op)
    assert checked.id == person.id and station.vehicle == 3
    with pytest.raises(ValidationError, match="does not check out"):
        check_in(
            records,
            person.temp_id + "-0" if band_code(person.temp_id)[-1] != "0" else person.temp_id + "-1",
            op,
        )
    other = records.create_operation(name="Another raid", code="AR").id
    with pytest.raises(ValidationError, match="another operation"):
        check_in(records, person.temp_id, other)
    add_officer(session, "Chan Sophea", "screener", PASSPHRASE + "2")
    screener = unlock(session.data_dir, "Chan Sophea", PASSPHRASE + "2")
    try:
        with pytest.raises(NotAllowed):
            set_station(screener, "intake")
        check_in(Records(screener), person.temp_id, op)  # any officer scans at the station set
    finally:
        screener.close()
    events = session.conn.execute(
        "SELECT count(*) FROM events WHERE entity = 'person' AND op = 'check_in' AND entity_id = ?",
        (person.id,),
    ).fetchone()[0]
    assert events == 2 and run_check(session).ok  # signed events in the chain; the projections unchanged


def test_headcount_after_random_station_scans_of_1000_persons(records: Records, session: Session) -> None:
    rng = random.Random(22)
    op = records.create_operation(name="Golden Bay raid", code="GB").id
    screenings, handovers = Screenings(records), Handovers(records)
    expected_last: dict[str, str] = {}
    expected_vehicle: Counter[int] = Counter()
    expected_handed: Counter[str] = Counter()
    screened = 0
    with session.log.transaction():
        persons = [records.register_person(op, name=f"PERSON {n:04d}") for n in range(1000)]
    for person in persons:
        expected_last[person.id] = "intake"
    # Stations in the order a night runs: interview (screening), medical, then vehicles or a handover.
    for station, share in (("interview", 0.7), ("medical", 0.3), ("vehicle", 0.5), ("handover", 0.2)):
        vehicle = None
        for person in persons:
            if rng.random() >= share or expected_last[person.id] == "handover":
                continue
            if station == "interview":
                screenings.begin(person.id, sections={"consent": {"consents_to_interview": True}})
                screened += 1
            elif station == "handover":
                kind = rng.choice(["mosvy", "ngo", "hospital"])
                draft = handovers.draft(
                    person.id,
                    place="Sihanoukville",
                    transferring_agency="ATU",
                    transferring_officer="Sok Dara",
                    receiving_type=kind,
                    receiving_name="The body",
                    receiving_officer="Chan Sophea",
                    consent_referral=True,
                    consent_sharing=True,
                )
                handovers.hand_over(draft.id)
                expected_handed[kind] += 1
            else:
                vehicle = rng.randint(1, 6) if station == "vehicle" else None
                set_station(session, station, vehicle)
                check_in(records, band_code(person.temp_id), op)
            expected_last[person.id] = f"vehicle {vehicle}" if station == "vehicle" else station
    for last in expected_last.values():
        if last.startswith("vehicle "):
            expected_vehicle[int(last.split()[1])] += 1
    board = headcount(session.conn, op)
    assert board.registered == 1000 and board.screened == screened
    assert board.handed_over == expected_handed
    assert board.in_vehicle == expected_vehicle
    assert {p.person_id: str(p.last.station) for p in board.persons} == expected_last
    unaccounted = {pid for pid, last in expected_last.items() if last == "intake"}
    assert {p.person_id for p in board.unaccounted} == unaccounted and unaccounted
    assert len(board.not_handed_over) == 1000 - sum(expected_handed.values())


def test_the_nobody_lost_pdf_lists_everyone_not_handed_over(
    records: Records, session: Session, tmp_path: Path
) -> None:
    op = records.create_operation(name="Golden Bay raid", code="GB").id
    lost = records.register_person(op, name="LOST AFTER INTAKE")
    bus = records.register_person(op, name="ON THE BUS")
    set_station(session, "vehicle", 2)
    check_in(records, bus.temp_id, op)
    document = reconciliation_document(records, op)
    pdf = tmp_path / "lost.pdf"
    pdf.write_bytes(document.pdf)
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert re.search(r"Unaccounted: seen at intake only / [^:]*: 1 ", text)  # (pdftotext garbles Khmer)
    assert "In vehicle 2" in text and lost.temp_id in text and "LOST AFTER INTAKE" in text
    assert text.index(lost.temp_id) < text.index(bus.temp_id)  # the unaccounted come first
    subprocess.run(
        ["pdftoppm", "-r", "70", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "p")], check=True
    )
    ARTIFACTS.mkdir(exist_ok=True)
    Image.open(next(tmp_path.glob("p*.png"))).save(ARTIFACTS / "nobody-lost.png")


def _camera_frame(code: str, rng: random.Random, *, angle: float, blur: float, light: float) -> Image.Image:
    """A QR code as the laptop camera sees a band: small in a grey frame, turned, out of focus, dim, noisy."""
    qr = Image.open(io.BytesIO(_png(code))).convert("L")
    frame = Image.new("L", (640, 480), 150)
    qr = qr.rotate(angle, expand=True, fillcolor=150)
    frame.paste(qr, (rng.randrange(40, 640 - qr.width - 40), rng.randrange(20, 480 - qr.height - 20)))
    frame = frame.filter(ImageFilter.GaussianBlur(blur))
    frame = ImageEnhance.Brightness(frame).enhance(light)
    noise = Image.effect_noise((640, 480), 12)
    return Image.blend(frame, noise, 0.12)


def _png(code: str) -> bytes:
    out = io.BytesIO()
    segno.make_qr(code, error="m").save(out, kind="png", scale=6, border=4)
    return out.getvalue()


@pytest.mark.parametrize(
    ("angle", "blur", "light"), [(0, 0.8, 1.0), (27, 1.2, 0.8), (-63, 1.0, 0.45), (180, 1.6, 0.6)]
)
def test_the_camera_reads_a_band_turned_blurred_and_dim(angle: float, blur: float, light: float) -> None:
    rng = random.Random(int(angle))
    frame = _camera_frame(band_code("GB-5A-00042"), rng, angle=angle, blur=blur, light=light)
    assert bands_in_image(frame) == ["GB-5A-00042"]
    if angle == 27:
        ARTIFACTS.mkdir(exist_ok=True)
        frame.save(ARTIFACTS / "band-camera-frame.png")


def test_a_code_that_does_not_check_out_or_is_not_a_band_is_ignored() -> None:
    rng = random.Random(1)
    wrong = band_code("GB-5A-00042")[:-1] + ("A" if band_code("GB-5A-00042")[-1] != "A" else "B")
    assert bands_in_image(_camera_frame(wrong, rng, angle=0, blur=0.5, light=1.0)) == []
    assert bands_in_image(_camera_frame("https://example.org", rng, angle=0, blur=0.5, light=1.0)) == []
