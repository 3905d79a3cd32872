"""The result file every reliability test writes (tests/artifacts/reliability/<name>.json).

Format (shared contract 8): {"name", "what", "cases", "failures", "found", "details"}; "failures"
counts losses or accepted bad inputs and must be 0. The file is written even when the test fails,
so the README table (tests/reliability/report.py) tells the truth about the last run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# FIELDAPP_RELIABILITY_ARTIFACTS keeps a long run's results apart from the normal test run's.
ARTIFACTS = Path(
    os.environ.get("FIELDAPP_RELIABILITY_ARTIFACTS")
    or Path(__file__).resolve().parents[1] / "artifacts" / "reliability"
)
# 1 in the default run (a deterministic slice); 10 for `bash packaging/dev.sh reliability --full`.
SCALE = max(1, int(os.environ.get("FIELDAPP_RELIABILITY_SCALE", "1")))


@dataclass
class Result:
    name: str
    what: str
    cases: int = 0
    failures: list[str] = field(default_factory=list)
    found: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def check(self, ok: bool, message: str) -> bool:
        if not ok:
            self.failures.append(message)
        return ok

    def as_json(self) -> dict[str, Any]:
        found = self.found or "nothing"
        if self.failures:
            found = f"{len(self.failures)} failures, first: {self.failures[0]}"
        details = {"scale": SCALE, **self.details}
        if self.failures:
            details["failure_messages"] = self.failures[:20]
        return {
            "name": self.name,
            "what": self.what,
            "cases": self.cases,
            "failures": len(self.failures),
            "found": found,
            "details": details,
        }

    def write(self) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{self.name}.json"
        temp = path.with_suffix(".json.tmp")
        temp.write_text(json.dumps(self.as_json(), indent=1, ensure_ascii=False) + "\n", "utf-8")
        os.replace(temp, path)
        return path


@contextmanager
def recording(name: str, what: str) -> Iterator[Result]:
    """Yield a Result; write it however the block ends, then fail the test if it holds failures."""
    result = Result(name, what)
    try:
        yield result
    except BaseException as exc:
        result.fail(f"the run stopped: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
        raise
    finally:
        result.write()
    assert not result.failures, "\n".join(result.failures[:20])
