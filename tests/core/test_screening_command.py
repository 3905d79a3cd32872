"""``fieldapp screening score``, through the real command line (fieldapp.cli.main)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from fieldapp.cli.main import main
from fieldapp.errors import ValidationError
from fieldapp.screening import Outcome, score_document

DOC: dict[str, Any] = {
    "set": "ilo2009_adult_labour",
    "age": 24,
    "age_uncertain": False,
    "interview": {
        "completed": True,
        "declined": False,
        "interpreter_needed": True,
        "interpreter_present": True,
    },
    "answers": {
        "CD.isolation": "present",
        "CD.violence": "present",
        "SC.promised_other_job": {
            "answer": "present",
            "source": "self_report",
            "note": "call centre in Bangkok",
        },
        "DR.wages": "present",
        "SC.long_hours": "present",
        "EX.low_no_salary": {"answer": "present", "source": "document"},
        "VR.economic": "unknown",
    },
}


def cli(*argv: str) -> int:
    return main(list(argv))


def write(tmp_path: Path, doc: object, name: str = "s.json") -> str:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return str(path)


def test_score_file_prints_outcome_and_explanation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("screening", "score", write(tmp_path, DOC)) == 0
    out = capsys.readouterr().out
    assert out.startswith("Outcome: presumed victim")
    assert "CD is positive: 2 strong (CD.isolation, CD.violence)." in out
    assert "DR.job_nature via SC.promised_other_job" in out


def test_score_json_output_parses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("screening", "score", write(tmp_path, DOC), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outcome"] == "PRESUMED_VICTIM"
    assert data["set"] == {"id": "ilo2009_adult_labour", "version": "2009.1"}
    assert data["rule_version"] == "ilo2009-rule-1"
    assert data["dimensions"]["EX"]["positive"] is True
    assert data["explanation"]["km"]


def test_score_stdin_in_khmer(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(DOC)))
    assert cli("screening", "score", "-", "--lang", "km") == 0
    assert capsys.readouterr().out.startswith("លទ្ធផល៖")


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ("{ nope", "is not valid JSON"),
        ([1, 2], "must be a JSON object"),
        ({"answers": {"CD.bogus": "present"}}, r"Unknown indicator id\(s\) for ilo2009_adult_labour or scam_compound: CD.bogus"),
        ({"answers": {"CD.isolation": "yes"}}, r"Answer for CD.isolation: bad value 'yes'"),
        ({"answers": {"CD.isolation": {"answer": "present", "source": "rumour"}}}, "bad source 'rumour'"),
        ({"set": "ilo2009_adult_labour", "set_version": "2030.1"}, r"version 2030.1 is not available \(have: 2009.1\)"),
        ({"set": "no_such_set"}, "Unknown indicator set 'no_such_set'"),
        ({"age": "twelve"}, "'age' must be a whole number"),
        ({"interview": {"completed": "yes"}}, "'interview.completed' must be true or false"),
        ({"colour": "red"}, r"Unknown field\(s\) in the screening document: colour"),
    ],
)  # fmt: skip
def test_bad_input_exits_2_with_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: object, message: str
) -> None:
    assert cli("screening", "score", write(tmp_path, doc)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("fieldapp: ")
    assert re.search(message, captured.err), captured.err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("screening", "score", str(tmp_path / "gone.json")) == 2
    assert "No such file" in capsys.readouterr().err


def test_score_document_defaults_and_undetermined() -> None:
    result = score_document({"interview": {"declined": True}})
    assert result.outcome is Outcome.UNDETERMINED
    assert result.set_id == "ilo2009_adult_labour" and result.linked_set_id == "scam_compound"
    with pytest.raises(ValidationError):
        score_document({"answers": []})
