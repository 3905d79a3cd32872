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
    assert data["rule_version"] == "ilo2009-rule-2"
    assert data["dimensions"]["EX"]["positive"] is True
    assert data["explanation"]["km"]
    assert [f["id"] for f in data["red_flags"]] == ["CD.isolation", "CD.violence"]


def test_forced_scamming_with_a_false_job_offer_is_never_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The case that was scored "no indicators found": promised another job, forced to scam under quotas."""
    doc = {
        "age": 27,
        "answers": dict.fromkeys(("SC.promised_other_job", "SC.forced_scamming", "SC.quota"), "present"),
    }
    assert cli("screening", "score", write(tmp_path, doc)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Outcome: possible victim of trafficking")
    assert "do not treat as an offender" in out[0]
    # plain words first, by label; the codes only under "details"
    assert (
        out[1]
        == "  Because: promised a different job; made to defraud people online; given targets or quotas."
    )
    assert out[2].startswith(
        "  Red flags: forced to commit crimes (answered: made to defraud people online)."
    )
    details = out.index("Details:")
    assert not any("CD." in line for line in out[1:details] if not line.startswith("  Not verified"))
    assert any("CD is not positive: only 2 medium" in line for line in out[details:])
    assert any("rule ilo2009-rule-2" in line for line in out[details:])


def test_a_pinned_legacy_rule_gives_the_result_it_gave(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A screening recorded under rule 1 with set 1.0 keeps its result when re-scored with its pins."""
    doc = {
        "age": 27,
        "rule_version": "ilo2009-rule-1",
        "linked_set_version": "1.0",
        "answers": dict.fromkeys(("SC.promised_other_job", "SC.forced_scamming", "SC.quota"), "present"),
    }
    assert cli("screening", "score", write(tmp_path, doc), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["outcome"], data["rule_version"]) == ("NO_INDICATORS_FOUND", "ilo2009-rule-1")
    assert cli("screening", "score", write(tmp_path, {**doc, "rule_version": "ilo2009-rule-9"})) == 2
    assert "Unknown decision rule version" in capsys.readouterr().err


def test_acts_from_the_record_make_a_child_presumed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = dict.fromkeys(("SC.long_hours", "SC.forced_scamming"), "present")
    doc = {"age": 16, "set": "ilo2009_child_labour", "answers": answers}
    assert cli("screening", "score", write(tmp_path, doc), "--json") == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "POSSIBLE_VICTIM"  # no act recorded yet
    assert cli("screening", "score", write(tmp_path, {**doc, "acts": ["recruitment"]}), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outcome"] == "PRESUMED_CHILD_VICTIM" and data["recorded_acts"] == ["recruitment"]
    assert cli("screening", "score", write(tmp_path, {**doc, "acts": ["kidnap"]})) == 2
    assert "'acts' may only hold" in capsys.readouterr().err


def test_score_stdin_in_khmer(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(DOC)))
    assert cli("screening", "score", "-", "--lang", "km") == 0
    assert capsys.readouterr().out.startswith("លទ្ធផល៖")


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ("{ nope", "is not valid JSON"),
        ([1, 2], "must be a JSON object"),
        (
            {"answers": {"CD.bogus": "present"}},
            r"Unknown indicator id\(s\) for ilo2009_adult_labour or scam_compound: CD.bogus",
        ),
        ({"answers": {"CD.isolation": "yes"}}, r"Answer for CD.isolation: bad value 'yes'"),
        ({"answers": {"CD.isolation": {"answer": "present", "source": "rumour"}}}, "bad source 'rumour'"),
        (
            {"set": "ilo2009_adult_labour", "set_version": "2030.1"},
            r"version 2030.1 is not available \(have: 2009.1\)",
        ),
        ({"set": "no_such_set"}, "Unknown indicator set 'no_such_set'"),
        ({"age": "twelve"}, "'age' must be a whole number"),
        ({"interview": {"completed": "yes"}}, "'interview.completed' must be true or false"),
        ({"colour": "red"}, r"Unknown field\(s\) in the screening document: colour"),
    ],
)
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
