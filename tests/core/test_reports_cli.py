"""`fieldapp report handover|summary|manifest` and `fieldapp verify FILE.pdf|CODE`, and the batch outputs."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.records.check import run_check
from fieldapp.records.handovers import Handovers
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reports.issued import IssuedDocuments
from fieldapp.reports.manifest import ManifestRow, render_manifest
from fieldapp.reports.verify import payloads_in
from fieldapp.vault.session import Session
from fieldapp.work import Cancelled
from tests.core.test_handovers import COMPLETE
from tests.core.test_screening_record import INTERVIEWED, PRESUMED
from tests.support import PASSPHRASE

pytestmark = pytest.mark.usefixtures("qapp")

PEOPLE = [  # name, own script, nationality, receiving body (None: not handed over yet)
    ("ZHANG WEI", "张伟", "CHN", {"receiving_type": "embassy", "receiving_country": "CHN"}),
    ("NGUYEN THI HUONG", "Nguyễn Thị Hường", "VNM", {}),
    ("SOMCHAI JAIDEE", "สมชาย ใจดี", "THA", {"receiving_type": "embassy", "receiving_country": "THA"}),
    ("TRAN VAN HUNG", "Trần Văn Hùng", "VNM", None),
]


def fieldapp(vault_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command in this process (the unlock options after the command, as users type them)."""
    purpose = ["--purpose", "court hearing"] if args[0] == "report" else []  # a copy needs its purpose
    code = main(
        [*args, *purpose, "--data-dir", str(vault_dir), "--passphrase-file", "-"],
        stdin=io.StringIO(PASSPHRASE),
    )
    out, err = capsys.readouterr()
    return code, out, err


def _pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


@pytest.fixture
def operation(records: Records) -> dict[str, str]:
    """An operation with four persons, all screened PRESUMED, three handed over (two embassies, one default)."""
    op = records.create_operation(name="Golden Bay raid")
    handovers, screenings = Handovers(records), Screenings(records)
    ids: dict[str, str] = {
        "operation": op.id,
        "code": records.conn.execute("SELECT code FROM operations WHERE id = ?", (op.id,)).fetchone()[0],
    }
    for name, own, nationality, body in PEOPLE:
        person = records.register_person(
            op.id, name=name, name_own_script=own, nationality=nationality, sex="female", age=24
        )
        screening = screenings.begin(person.id, sections=INTERVIEWED)
        screenings.save(screening.id, {"indicators": {"answers": PRESUMED}})
        ids[name] = person.temp_id
        if body is not None:
            draft = handovers.draft(person.id, **{**COMPLETE, **body})
            handovers.hand_over(draft.id)
            ids[name + ":handover"] = draft.id
    return ids


def test_report_handover_issues_the_form_and_verify_checks_the_file(
    session: Session,
    records: Records,
    operation: dict[str, str],
    vault_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "form.pdf"
    code, out, err = fieldapp(
        vault_dir, capsys, "report", "handover", operation["ZHANG WEI"], "-o", str(target)
    )
    assert code == 0, err
    pdf = target.read_bytes()
    assert list(out_dir.iterdir()) == [target]  # written only where the user said
    assert not list(vault_dir.rglob("*.pdf"))  # and kept in the vault only encrypted
    assert "Issued:" in out and hashlib.sha256(pdf).hexdigest() in out
    assert len(err.strip().splitlines()) == 1 and "NOT encrypted" in err  # one-line warning
    stored = IssuedDocuments(session).by_sha256(hashlib.sha256(pdf).hexdigest())
    assert [(d.record_id, d.version) for d in stored] == [(operation["ZHANG WEI:handover"], 1)]
    assert IssuedDocuments(session).pdf(stored[0].id) == pdf
    assert "张伟" in _pdftotext(target)

    code, out, _ = fieldapp(vault_dir, capsys, "verify", str(target))
    assert code == 0 and "byte for byte one this app issued" in out and "matches" in out.lower(), out
    code, out, _ = fieldapp(vault_dir, capsys, "verify", str(target), "--json")
    result = json.loads(out)
    assert result["ok"] and result["issued"] and result["records"] == ["matches"]
    assert result["issued_as"][0]["version"] == 1

    edited = tmp_path / "edited.pdf"  # a PDF edited after the fact: the code inside is genuine, the file not
    edited.write_bytes(pdf.replace(b"/Title", b"/Title ", 1))
    code, out, _ = fieldapp(vault_dir, capsys, "verify", str(edited))
    assert code == 1 and out.startswith("FAILED: this file is not one the app issued"), out

    Handovers(records).amend(operation["ZHANG WEI:handover"], "officer corrected", receiving_officer="Li Na")
    code, out, _ = fieldapp(vault_dir, capsys, "verify", str(target), "--json")
    result = json.loads(out)
    assert code == 1 and result["issued"] is True and result["records"] == ["amended since"]
    assert any("version 2" in line for line in result["message"])
    assert run_check(session).ok  # the issued documents rebuild from the log


def test_verify_typed_codes(
    records: Records,
    operation: dict[str, str],
    vault_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "form.pdf"
    assert (
        fieldapp(vault_dir, capsys, "report", "handover", operation["SOMCHAI JAIDEE"], "-o", str(target))[0]
        == 0
    )
    from fieldapp.reports.qr import parse

    payload = parse(payloads_in(target.read_bytes())[0])
    short = payload.short_code()
    code, out, _ = fieldapp(vault_dir, capsys, "verify", short, "--json")
    assert code == 0 and json.loads(out)["verdict"] == "matches"
    code, out, _ = fieldapp(vault_dir, capsys, "verify", payload.text())  # a scanned QR payload
    assert code == 0, out
    forged = short[:-1] + ("0" if short[-1] != "0" else "1")
    code, out, _ = fieldapp(vault_dir, capsys, "verify", forged, "--json")
    assert code == 1 and json.loads(out)["verdict"] == "forged"
    code, out, _ = fieldapp(vault_dir, capsys, "verify", "HV1-0000-0000-0000-0000-0000", "--json")
    assert code == 1 and json.loads(out)["verdict"] == "unknown"
    Handovers(records).amend(operation["SOMCHAI JAIDEE:handover"], "place corrected", place="Kampot")
    code, out, _ = fieldapp(vault_dir, capsys, "verify", short, "--json")
    result = json.loads(out)
    assert code == 1 and result["verdict"] == "amended since" and result["latest_version"] == 2


def test_report_handover_of_a_draft_or_no_handover(
    session: Session,
    records: Records,
    operation: dict[str, str],
    vault_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    person = records.persons(search=operation["TRAN VAN HUNG"])[0]
    Handovers(records).draft(person.id, place="Sihanoukville")
    code, out, err = fieldapp(
        vault_dir, capsys, "report", "handover", person.temp_id, "-o", str(tmp_path / "d.pdf")
    )
    assert code == 0 and "DRAFT: not issued" in out and "NOT encrypted" in err
    assert payloads_in((tmp_path / "d.pdf").read_bytes()) == []
    assert session.conn.execute("SELECT count(*) FROM issued_documents").fetchone()[0] == 0
    nobody = records.register_person(operation["operation"], name="KIM MIN JUN", nationality="KOR")
    code, _, err = fieldapp(
        vault_dir, capsys, "report", "handover", nobody.temp_id, "-o", str(tmp_path / "none.pdf")
    )
    assert code != 0 and "no handover yet" in err and not (tmp_path / "none.pdf").exists()
    code, _, err = fieldapp(
        vault_dir, capsys, "report", "handover", "NOBODY-1", "-o", str(tmp_path / "x.pdf")
    )
    assert code != 0 and "No person has the id" in err
    code, _, err = fieldapp(vault_dir, capsys, "verify", str(tmp_path / "missing.pdf"))
    assert code != 0 and "Cannot read" in err


def test_report_summary(
    operation: dict[str, str], vault_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "summary.pdf"
    code, _, err = fieldapp(
        vault_dir, capsys, "report", "summary", operation["NGUYEN THI HUONG"], "-o", str(target)
    )
    assert code == 0, err
    text = _pdftotext(target)
    assert "NGUYEN THI HUONG" in text and "Nguyễn Thị Hường" in text
    # (the text layer writes "ffi" as a ligature, so "trafficking" is not searched for)
    assert "PRESUMED victim of tra" in text and "should not be detained" in text
    assert "CD.violence" in text  # the indicators that drove the outcome, dimension by dimension


def test_report_manifest_all_by_body_and_forms(
    operation: dict[str, str], vault_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "manifest.pdf"
    assert fieldapp(vault_dir, capsys, "report", "manifest", operation["code"], "-o", str(target))[0] == 0
    text = _pdftotext(target)
    for name, _own, _, _ in PEOPLE:
        assert operation[name] in text and name in text
    assert "张伟" in text and text.count("PRESUMED victim") == len(PEOPLE)
    assert (
        "China" in text and "Thailand" in text and "4 persons" in text
    )  # destinations (wrapped in the column)

    by_body = tmp_path / "by-body.pdf"
    assert (
        fieldapp(vault_dir, capsys, "report", "manifest", operation["code"], "--by-body", "-o", str(by_body))[
            0
        ]
        == 0
    )
    pages = _pdftotext(by_body).split("\f")
    bodies = {
        b
        for b in (
            "Embassy / Consulate of China",
            "Embassy / Consulate of Thailand",
            "Embassy / Consulate of Vietnam",
            "(not handed over yet)",
        )
        for p in pages
        if f"· {b} / " in p  # the group's name, in English then Khmer
    }
    assert len(bodies) == 4, pages
    china = next(p for p in pages if "· Embassy / Consulate of China /" in p)
    assert operation["ZHANG WEI"] in china and operation["SOMCHAI JAIDEE"] not in china
    waiting = next(p for p in pages if "(not handed over yet)" in p)
    assert operation["TRAN VAN HUNG"] in waiting and operation["ZHANG WEI"] not in waiting

    forms = tmp_path / "forms.pdf"
    assert (
        fieldapp(vault_dir, capsys, "report", "manifest", operation["code"], "--forms", "-o", str(forms))[0]
        == 0
    )
    text = _pdftotext(forms)
    assert text.count("Copy 1 of 3 · page 1") == 3 and len(payloads_in(forms.read_bytes())) == 3


def _rows(n: int) -> list[ManifestRow]:
    return [
        ManifestRow(
            f"GOL-DA-{i:05d}",
            f"PERSON {i}",
            "",
            "VNM",
            "female",
            24,
            "PRESUMED_VICTIM",
            "IOM" if i % 2 else "",
        )
        for i in range(n)
    ]


def test_manifest_progress_and_cancel() -> None:
    seen: list[tuple[int, int, str]] = []
    render_manifest("Golden Bay", _rows(30), progress=lambda d, t, label: seen.append((d, t, label)))
    assert seen[0] == (0, 30, "GOL-DA-00000") and seen[-1] == (30, 30, "done")
    assert [d for d, _, _ in seen] == list(range(31))
    calls = []

    def cancel_after_ten() -> bool:
        calls.append(1)
        return len(calls) > 10

    with pytest.raises(Cancelled, match="no PDF was written"):
        render_manifest("Golden Bay", _rows(30), by_body=True, should_cancel=cancel_after_ten)
    assert len(calls) == 11


def test_forms_batch_progress_and_cancel(records: Records, operation: dict[str, str]) -> None:
    from fieldapp.reports.data import form_data
    from fieldapp.reports.manifest import render_forms

    handovers = Handovers(records)
    forms = [
        form_data(handovers.get(operation[f"{name}:handover"]), records.session, None, handovers)
        for name in ("ZHANG WEI", "NGUYEN THI HUONG", "SOMCHAI JAIDEE")
    ]
    seen: list[tuple[int, int, str]] = []
    pdf = render_forms(forms, progress=lambda d, t, label: seen.append((d, t, label)))
    assert [(d, t) for d, t, _ in seen] == [(0, 3), (1, 3), (2, 3), (3, 3)] and seen[0][2] == operation[
        "ZHANG WEI"
    ]
    assert len(payloads_in(pdf)) == 3
    with pytest.raises(Cancelled):
        render_forms(
            forms,
            should_cancel=lambda: len(seen) > 5,
            progress=lambda d, t, label: seen.append((d, t, label)),
        )
    assert len(seen) == 6
