"""Handover PDFs in many scripts: text layer, rendering, fonts, A4, verification codes, edited files."""

from __future__ import annotations

import hashlib
import io
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from fieldapp.records.handovers import Handovers
from fieldapp.records.service import Records
from fieldapp.reports.data import form_data
from fieldapp.reports.fonts import uncovered_characters
from fieldapp.reports.handover import render_handover
from fieldapp.reports.qr import KeySigner, Payload, Verdict, compare_facts, parse, verify_payload
from fieldapp.reports.verify import payloads_in, verify_code, verify_pdf
from tests.core.test_handovers import COMPLETE

# A QApplication (not just the QGuiApplication the CLI makes) so widget tests later in the same
# process can still create windows: Qt allows one application object per process.
pytestmark = pytest.mark.usefixtures("qapp")

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
# (nationality, Latin name, own script). Hindi without conjuncts: Qt's text layer maps a conjunct
# glyph to part of its characters (like Khmer subscripts), and so it does with Thai stacked marks
# (แซ่ตั้ง comes out as แซ่ตัง): those are checked by rendering, like Khmer.
NAMES = [
    ("CHN", "ZHANG WEI", "张伟"),
    ("VNM", "NGUYEN THI HUONG", "Nguyễn Thị Hường"),
    ("THA", "SOMCHAI JAIDEE", "สมชาย ใจดี"),
    ("IND", "RAJESH KUMAR", "राजेश कुमार"),
    ("KOR", "KIM MIN JUN", "김민준"),
]
KHMER = ("KHM", "SOK SREYNA", "សុខ ស្រីណា")


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (600, 800), (170, 140, 115)).save(out, "JPEG", quality=80)
    return out.getvalue()


def _handed_over(records: Records, nationality: str, name: str, own: str) -> str:
    op = records.create_operation(name="Golden Bay raid")
    person = records.register_person(
        op.id,
        name=name,
        name_own_script=own,
        nationality=nationality,
        sex="female",
        age=24,
        document_status="confiscated",
    )
    handovers = Handovers(records)
    draft = handovers.draft(person.id, **COMPLETE, interpreter_name="Lê Thị Hoa", urgent_needs="Food, water")
    handovers.hand_over(draft.id)
    return draft.id


def _signer(records: Records) -> KeySigner:
    return KeySigner(records.session.log._device_key)


def _pdf(records: Records, handover_id: str, portrait: bytes | None = None) -> bytes:
    handovers = Handovers(records)
    return render_handover([form_data(handovers.get(handover_id), _signer(records), portrait, handovers)])


def _run(*cmd: str, data: bytes | None = None) -> str:
    return subprocess.run(cmd, input=data, capture_output=True, check=True).stdout.decode("utf-8")


def _png(pdf: bytes, tmp_path: Path, dpi: int = 100, page: int = 1) -> Image.Image:
    (tmp_path / "f.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(tmp_path / "f.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    return Image.open(tmp_path / "page.png").convert("L")


def test_every_demo_name_is_covered_by_a_bundled_font() -> None:
    from fieldapp.demo.names import NATIONALITIES

    text = "".join(n.own + n.latin for nat in NATIONALITIES for n in (*nat.given_names, *nat.family_names))
    assert len(text) > 1000
    assert uncovered_characters(text) == set()
    assert uncovered_characters("\U0001f600") == {"\U0001f600"}  # an emoji is not covered: the check works


@pytest.mark.parametrize(("nationality", "name", "own"), NAMES)
def test_form_text_fonts_page_and_code(
    records: Records, tmp_path: Path, nationality: str, name: str, own: str
) -> None:
    handover_id = _handed_over(records, nationality, name, own)
    pdf = _pdf(records, handover_id, _jpeg())
    assert uncovered_characters(name + own) == set()
    (tmp_path / "f.pdf").write_bytes(pdf)
    text = _run("pdftotext", "-layout", str(tmp_path / "f.pdf"), "-")
    assert text.count(own) == 3 and text.count(name) == 3  # three copies
    assert "Copy 3 of 3" in text and "PRESUMED" not in text  # not screened: no standard sentence
    info = _run("pdfinfo", str(tmp_path / "f.pdf"))
    assert "Pages:           3" in info and "(A4)" in info
    fonts = _run("pdffonts", str(tmp_path / "f.pdf")).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # every font embedded
    payloads = payloads_in(pdf)
    assert len(payloads) == 1
    check = verify_payload(parse(payloads[0]), Handovers(records).versions)
    assert check.verdict is Verdict.MATCHES, check.message


def test_the_document_type_is_printed_in_words_and_a_typed_one_as_typed(
    records: Records, tmp_path: Path
) -> None:
    op = records.create_operation(name="Golden Bay raid")
    handovers = Handovers(records)
    for kind, number, printed in (
        ("passport", "B1234567", "Passport / "),
        ("seafarer's book", "SB-889", "seafarer's book SB-889"),
    ):
        person = records.register_person(
            op.id, name="TRAN THI MAI", sex="female", age=30, document_type=kind, document_no=number
        )
        draft = handovers.draft(person.id, **COMPLETE)
        handovers.hand_over(draft.id)
        (tmp_path / "f.pdf").write_bytes(_pdf(records, draft.id))
        text = unicodedata.normalize("NFKC", _run("pdftotext", "-layout", str(tmp_path / "f.pdf"), "-"))
        assert printed in text and number in text, text
        assert "passport B1234567" not in text  # never the stored key


def test_khmer_names_are_drawn(records: Records, tmp_path: Path) -> None:
    """Qt's text layer drops Khmer subscripts, so the own-script name is checked on the raster."""
    with_name = _pdf(records, _handed_over(records, *KHMER))
    blank = _pdf(records, _handed_over(records, KHMER[0], KHMER[1], ""))
    # The own-script value sits right of the photo, in the second row of the person grid.
    box = (int(46 / 25.4 * 100), int(58 / 25.4 * 100), int(140 / 25.4 * 100), int(63.5 / 25.4 * 100))
    ink = sum(1 for v in _png(with_name, tmp_path).crop(box).get_flattened_data() if v < 128)
    none = sum(1 for v in _png(blank, tmp_path).crop(box).get_flattened_data() if v < 128)
    assert none < 20 and ink > 150, (ink, none)


def test_text_is_print_size(records: Records, tmp_path: Path) -> None:
    """The Latin name (12 pt bold capitals) is about 3 mm tall on paper, not a tiny screen layout."""
    pdf = _pdf(records, _handed_over(records, "VNM", "NGUYEN THI HUONG", ""))
    page = _png(pdf, tmp_path, dpi=300)
    assert page.size[0] == 2480 and abs(page.size[1] - 3508) <= 1  # A4 at 300 dpi
    crop = page.crop(
        (int(44 / 25.4 * 300), int(46.5 / 25.4 * 300), int(120 / 25.4 * 300), int(53.5 / 25.4 * 300))
    )
    rows = [y for y in range(crop.height) if any(crop.getpixel((x, y)) < 100 for x in range(crop.width))]
    assert rows, "no name drawn"
    height_mm = (rows[-1] - rows[0] + 1) / 300 * 25.4
    assert 2.2 < height_mm < 4.5, height_mm


def test_reference_renders(records: Records, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for tag, person in (("vietnamese", NAMES[1]), ("khmer", KHMER)):
        pdf = _pdf(records, _handed_over(records, *person), _jpeg())
        (ARTIFACTS / f"handover-{tag}.pdf").write_bytes(pdf)
        _png(pdf, tmp_path, dpi=110).save(ARTIFACTS / f"handover-{tag}.png")


def _tampered(p: Payload, **change: Any) -> Payload:
    return Payload(**{**p.__dict__, **change})


def test_forged_amended_and_unknown_codes(records: Records) -> None:
    handovers = Handovers(records)
    handover_id = _handed_over(records, *NAMES[0])
    payload = parse(payloads_in(_pdf(records, handover_id))[0])
    versions = handovers.versions
    assert verify_payload(payload, versions).verdict is Verdict.MATCHES
    bad_hash = _tampered(payload, content_hash=hashlib.sha256(b"other").digest())
    assert verify_payload(bad_hash, versions).verdict is Verdict.FORGED
    bad_sig = _tampered(payload, signature=bytes(64))
    assert verify_payload(bad_sig, versions).verdict is Verdict.FORGED
    other_key = _tampered(
        payload,
        signature=KeySigner.__new__(KeySigner)
        .__class__(
            __import__(
                "cryptography.hazmat.primitives.asymmetric.ed25519", fromlist=["x"]
            ).Ed25519PrivateKey.generate()
        )
        .sign_document(payload.content_hash),
    )
    assert verify_payload(other_key, versions).verdict is Verdict.FORGED
    unknown = _tampered(payload, record_id="0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")
    assert verify_payload(unknown, versions).verdict is Verdict.UNKNOWN
    assert verify_payload(_tampered(payload, version=7), versions).verdict is Verdict.UNKNOWN
    text = payload.text()
    assert verify_code(
        text[:-3] + ("A" if text[-3] != "A" else "B") + text[-2:], versions, handovers.find_ids
    ).verdict in (Verdict.FORGED, Verdict.UNKNOWN)
    short = payload.short_code()
    assert verify_code(short, versions, handovers.find_ids).verdict is Verdict.MATCHES
    assert (
        verify_code(short.lower().replace("-", " "), versions, handovers.find_ids).verdict is Verdict.MATCHES
    )
    wrong = short[:-1] + ("0" if short[-1] != "0" else "1")
    assert verify_code(wrong, versions, handovers.find_ids).verdict is Verdict.FORGED
    handovers.amend(handover_id, "receiving officer corrected", receiving_officer="Someone Else")
    amended = verify_payload(payload, versions)
    assert amended.verdict is Verdict.AMENDED and amended.latest_version == 2, amended.message
    assert "version 2" in amended.message
    assert verify_code(short, versions, handovers.find_ids).verdict is Verdict.AMENDED
    new = parse(payloads_in(_pdf(records, handover_id))[0])
    assert new.version == 2 and verify_payload(new, versions).verdict is Verdict.MATCHES


def test_a_pdf_edited_after_the_fact_fails(records: Records) -> None:
    handovers = Handovers(records)
    pdf = _pdf(records, _handed_over(records, *NAMES[1]))
    issued = {hashlib.sha256(pdf).hexdigest()}  # what the vault records when it issues the PDF

    def lookup(sha: str) -> bool:
        return sha in issued

    good = verify_pdf(pdf, handovers.versions, lookup)
    assert good.ok and good.issued is True
    edited = pdf.replace(b"/Title", b"/Title ", 1)  # any change at all, e.g. a re-save by an editor
    result = verify_pdf(edited, handovers.versions, lookup)
    assert not result.ok and result.issued is False
    assert result.records[0].verdict is Verdict.MATCHES  # the code inside is genuine; the file is not
    # One verdict (issue 19): the genuine code inside does not make the edited file "match".
    (only,) = result.lines()
    assert only.startswith("FAILED") and "Matches" not in only and "matches" not in only
    assert (
        verify_pdf(b"%PDF-1.4 nothing", handovers.versions, lambda sha: None)
        .lines()[-1]
        .endswith("no fieldapp verification code.")
    )


def test_a_genuine_code_on_a_forged_form_shows_what_to_compare(records: Records) -> None:
    """Issue 17: a genuine code copied onto a forged form said only "Matches: version 1 of record <uuid>",
    and the form prints no uuid. Now the verdict names what the record holds, to compare with the paper."""
    from fieldapp.reports.verify import verify_code

    handovers = Handovers(records)
    handover = _handed_over(records, *NAMES[1])
    pdf = _pdf(records, handover)
    code = parse(payloads_in(pdf)[0])
    assert code.text().startswith("HV2:")  # the signature binds record id, version and hash
    check = verify_code(code.text(), handovers.versions, handovers.find_ids)
    assert check.verdict is Verdict.MATCHES
    shown = "\n".join(check.lines())
    data = handovers.get(handover).data
    for expected in (
        data["person"]["name"],
        data["person"]["name_own_script"],
        data["person"]["temp_id"],
        data["reference_no"],
        data["receiving_officer"],
        data["date_time"],
    ):
        assert expected and expected in shown, expected
    typed = verify_code(code.short_code(), handovers.versions, handovers.find_ids)
    assert data["reference_no"] in "\n".join(typed.lines())
    # The signature covers id and version too: the same hash and signature under another version fail.
    moved = type(code)(code.record_id, code.version + 1, code.content_hash, code.signature)
    assert verify_code(moved.text(), handovers.versions, handovers.find_ids).verdict is not Verdict.MATCHES


def test_verify_names_an_embassys_country_as_the_form_prints_it() -> None:
    """The facts a checker compares said "Embassy / Consulate of VNM" where the form says Vietnam."""
    facts = dict(
        (str(label), str(value))
        for label, value in compare_facts(
            {"receiving_type": "embassy", "receiving_country": "VNM", "receiving_name": "Consular section"}
        )
    )
    assert facts["Receiving body"] == "Embassy / Consulate of Vietnam: Consular section"
