"""report.py rewrites only the README's reliability block, from the result files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.reliability import report


def _result(folder: Path, name: str, failures: int, scale: int | str = 1) -> None:
    folder.mkdir(exist_ok=True)
    data = {
        "name": name,
        "what": "kills | things",
        "cases": 1200,
        "failures": failures,
        "found": "nothing\nlost",
        "details": {"scale": scale},
    }
    (folder / f"{name}.json").write_text(json.dumps(data))


def test_report_rewrites_only_the_block(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# title\n\nabove\n\n{report.START}\n(not yet run)\n{report.END}\n\n## after\n")
    artifacts = tmp_path / "artifacts"
    _result(artifacts, "zz_other", 0, scale="50 laptops")
    _result(artifacts, "crash_events", 0, scale=10)
    _result(artifacts, "tamper_bundles", 2)
    assert (
        report.main(["--readme", str(readme), "--artifacts", str(artifacts)]) == 1
    )  # a result holds failures
    text = readme.read_text()
    assert text.startswith("# title\n\nabove\n\n" + report.START) and text.endswith(
        report.END + "\n\n## after\n"
    )
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert [r.split("`")[1] for r in rows] == ["crash_events", "tamper_bundles", "zz_other"]
    assert "kills \\| things" in rows[0] and "1,200" in rows[0] and "full (×10)" in rows[0]
    assert "| **2**: nothing lost | default |" in rows[1] and rows[2].endswith("| 50 laptops |")
    assert "3 results, 3,600 cases, 2 failures" in text
    once = readme.read_text()
    (artifacts / "tamper_bundles.json").unlink()
    assert report.main(["--readme", str(readme), "--artifacts", str(artifacts)]) == 0
    assert readme.read_text() != once and "tamper_bundles" not in readme.read_text()


def test_report_refuses_a_readme_without_the_block(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# no block here\n")
    with pytest.raises(SystemExit, match="no <!-- reliability:start -->"):
        report.main(["--readme", str(readme), "--artifacts", str(tmp_path)])
    assert readme.read_text() == "# no block here\n"
