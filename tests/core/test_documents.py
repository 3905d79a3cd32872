"""Which PDF of which records, with which photos: one decision in the core, for the app and the CLI."""

from __future__ import annotations

import ast
import io
import subprocess
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.errors import ValidationError
from fieldapp.photos.service import Photos
from fieldapp.records.handovers import Handovers
from fieldapp.records.service import Records
from fieldapp.reports import documents
from fieldapp.reports.verify import payloads_in
from tests.core.test_handovers import COMPLETE
from tests.core.test_photos import jpeg
from tests.support import PASSPHRASE

pytestmark = pytest.mark.usefixtures("qapp")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def raid(records: Records) -> dict[str, str]:
    """One person handed over (with a consented portrait), one with only a draft handover."""
    op = records.create_operation(name="Golden Bay raid")
    handovers, photos = Handovers(records), Photos(records)
    final = records.register_person(op.id, name="ZHANG WEI", nationality="CHN")
    photos.attach(final.id, jpeg(), kind="portrait", consent=True)
    handovers.hand_over(handovers.draft(final.id, **COMPLETE).id)
    draft = records.register_person(op.id, name="TRAN VAN HUNG", nationality="VNM")
    handovers.draft(draft.id, **COMPLETE)
    return {
        "operation": op.id,
        "code": op.code,
        "final": final.id,
        "final_temp": final.temp_id,
        "draft": draft.id,
        "draft_temp": draft.temp_id,
    }


def test_finding_a_person_and_an_operation_as_an_officer_types_them(
    records: Records, raid: dict[str, str]
) -> None:
    assert records.find_person(raid["final_temp"].lower()).id == raid["final"]
    assert records.find_person(raid["draft"]).id == raid["draft"]
    assert records.find_operation(raid["code"].lower()).id == raid["operation"]
    with pytest.raises(ValidationError, match="No person has the id or temporary id NOPE"):
        records.find_person("NOPE")
    with pytest.raises(ValidationError, match="No operation"):
        records.find_operation("NOPE")


def test_a_batch_of_forms_has_final_forms_only_with_their_portraits(
    records: Records, raid: dict[str, str]
) -> None:
    handovers, photos = Handovers(records), Photos(records)
    batch = documents.forms_document(records, handovers, photos, raid["operation"])
    assert len(payloads_in(batch.pdf)) >= 1  # final forms carry verification codes
    single = documents.person_handover(records, handovers, photos, raid["final"])
    assert single.kind == "handover" and single.issued is not None
    draft = documents.person_handover(records, handovers, photos, raid["draft"])
    assert draft.kind == "handover_draft" and draft.issued is None and not payloads_in(draft.pdf)
    # The drafted person is not in the batch: the CLI's "all forms" used to include drafts.
    text = _text(batch.pdf)
    assert "ZHANG WEI" in text and "TRAN VAN HUNG" not in text


def _text(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode()


def test_the_cli_refuses_an_unusable_photo_instead_of_printing_no_photo(
    vault_dir: Path, raid: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "portrait.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    argv = [
        "report",
        "handover",
        raid["draft_temp"],
        "-o",
        str(tmp_path / "f.pdf"),
        "--photo",
        str(broken),
        "--purpose",
        "court hearing",
        "--data-dir",
        str(vault_dir),
        "--passphrase-file",
        "-",
    ]
    assert main(argv, stdin=io.StringIO(PASSPHRASE)) == 2
    assert "portrait.jpg" in capsys.readouterr().err
    assert not (tmp_path / "f.pdf").exists()


def test_the_command_line_runs_no_sql_and_fakes_no_session() -> None:
    for path in sorted((ROOT / "fieldapp" / "cli").glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        calls = [
            n.func.attr
            for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
        ]
        assert "execute" not in calls, path.name
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | {
            a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names
        }
        assert "SimpleNamespace" not in names, path.name
