"""Wristband codes (issue 22 item 1): check character, reserved blocks, label sheets that scan."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from fieldapp.errors import RecordStateError, ValidationError
from fieldapp.records.check import run_check
from fieldapp.records.service import Records
from fieldapp.records.wristbands import band_code, check_character, read_band
from fieldapp.reports.documents import wristbands_document
from fieldapp.reports.wristbands import STOCKS, render_wristbands

pytestmark = pytest.mark.usefixtures("qapp")  # Qt renders PDFs here; later widget tests need QApplication

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def test_every_single_misread_character_is_caught() -> None:
    rng = random.Random(22)
    for _ in range(300):
        temp_id = f"{''.join(rng.choices(ALPHABET[10:], k=3))}-{rng.choice(ALPHABET)}{rng.choice(ALPHABET)}-{rng.randrange(100000):05d}"
        code = band_code(temp_id)
        assert read_band(code) == temp_id and read_band(code.lower() + " ") == temp_id
        spot = rng.choice([i for i, ch in enumerate(temp_id) if ch != "-"])
        wrong = temp_id[:spot] + rng.choice(ALPHABET.replace(temp_id[spot], "")) + temp_id[spot + 1 :]
        with pytest.raises(ValidationError, match="does not check out"):
            read_band(f"{wrong}-{check_character(temp_id)}")
    assert read_band("SHV-K7-00042") == "SHV-K7-00042"  # typed without the check character: as it is


def _operation(records: Records) -> str:
    return records.create_operation(name="Golden Bay raid", code="GB").id


def test_a_reserved_block_is_never_handed_out_again_and_keeps_its_ids(records: Records) -> None:
    op = _operation(records)
    first = records.register_person(op, name="SOK DARA").temp_id
    block = records.reserve_temp_ids(op, 50)
    assert block.ids()[0] == first[:-5] + "00002" and len(block.ids()) == 50
    after = records.register_person(op, name="CHAN SOPHEA").temp_id
    assert after == first[:-5] + "00052"  # the next id skips the block printed ahead
    # The power came back: a person with band 00010 is keyed in and keeps that id.
    banded = records.register_person(op, temp_id=band_code(block.ids()[8]), name="NGUYEN THI LAN")
    assert banded.temp_id == block.ids()[8]
    with pytest.raises(ValidationError, match="already the id of a person"):
        records.register_person(op, temp_id=block.ids()[8], name="SOMEONE ELSE")
    with pytest.raises(ValidationError, match="not one of the ids reserved"):
        records.register_person(op, temp_id=after[:-5] + "00099", name="NOT RESERVED")
    with pytest.raises(ValidationError, match="between 1 and"):
        records.reserve_temp_ids(op, 0)
    assert records.find_person(band_code(block.ids()[8])).id == banded.id  # a scanned band opens them
    assert run_check(records.session).ok  # the block is in the signed log: replayed, it is the same
    records.session.log.append("operation", op, "close", {})
    with pytest.raises(RecordStateError, match="closed"):
        records.reserve_temp_ids(op, 5)


def _decoded(png: Path) -> list[str]:
    return sorted(r.text for r in zxingcpp.read_barcodes(Image.open(png)))


@pytest.mark.parametrize("stock", sorted(STOCKS))
def test_labels_scan_and_carry_nothing_but_the_id(stock: str, tmp_path: Path) -> None:
    ids = [f"GB-5A-{n:05d}" for n in range(1, 31)]
    pdf = tmp_path / "bands.pdf"
    pdf.write_bytes(render_wristbands(ids, stock))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    per_page = STOCKS[stock].columns * STOCKS[stock].rows
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert pages == -(-len(ids) // per_page)
    width, height = STOCKS[stock].page
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    points = [float(v) for v in size.split()[2:5:2]]
    assert points == pytest.approx([width / 25.4 * 72, height / 25.4 * 72], abs=1)
    subprocess.run(
        ["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "p")], check=True
    )
    [png] = tmp_path.glob("p*.png")
    expected = sorted(band_code(i) for i in ids[:per_page])
    found = _decoded(png)
    assert sorted(set(found)) == expected  # every label on the page scans to its id and check character
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = set(text.split())
    assert words <= set(ids) | {band_code(i) for i in ids}  # no name, no label, nothing else on a band
    if stock == "a4":
        ARTIFACTS.mkdir(exist_ok=True)
        Image.open(png).convert("L").resize((620, 877)).save(ARTIFACTS / "wristbands-a4.png")


def test_the_document_reserves_or_lists_the_operation(records: Records) -> None:
    op = _operation(records)
    with pytest.raises(ValidationError, match="No one is registered"):
        wristbands_document(records, op, stock="a4")
    ahead = wristbands_document(records, op, stock="thermal-50x25", reserve=3)
    assert ahead.kind == "wristbands" and ahead.pdf.startswith(b"%PDF")
    assert records.register_person(op, name="SOK DARA").temp_id.endswith("00004")
