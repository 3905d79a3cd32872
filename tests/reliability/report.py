"""Turn tests/artifacts/reliability/*.json into the README's reliability table.

    python tests/reliability/report.py [--readme README.md] [--artifacts DIR]

Rewrites only what lies between ``<!-- reliability:start -->`` and ``<!-- reliability:end -->``.
Each result file follows shared contract 8: {"name", "what", "cases", "failures", "found",
"details"}; "details.scale" is FIELDAPP_RELIABILITY_SCALE of the run (1 if absent) or a test's own
words for its size (e.g. "50 laptops"). Exits 1 if any result holds failures (the table shows them).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
START, END = "<!-- reliability:start -->", "<!-- reliability:end -->"
# Table order: crash, tamper, fuzz, leaks, keys, load; anything else after them by name.
ORDER = ("crash_", "tamper_", "fuzz_", "no_plaintext", "key_", "hq_load")
KEYS = ("name", "what", "cases", "failures", "found")


def load(folder: Path) -> list[dict[str, Any]]:
    results = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        missing = [k for k in KEYS if k not in data]
        if missing:
            raise SystemExit(f"{path}: not a reliability result (missing {', '.join(missing)})")
        data["_mtime"] = path.stat().st_mtime
        results.append(data)

    def rank(result: dict[str, Any]) -> tuple[int, str]:
        name = str(result["name"])
        return next((i for i, prefix in enumerate(ORDER) if name.startswith(prefix)), len(ORDER)), name

    return sorted(results, key=rank)


def _cell(value: Any) -> str:
    return " ".join(str(value).split()).replace("|", "\\|")


def _scale(result: dict[str, Any]) -> str:
    """FIELDAPP_RELIABILITY_SCALE of the run, or the test's own words for its size (e.g. "50 laptops")."""
    scale = (result.get("details") or {}).get("scale", 1)
    if isinstance(scale, int):
        return "default" if scale == 1 else f"full (×{scale})"
    return _cell(scale)


def table(results: list[dict[str, Any]]) -> str:
    if not results:
        return "(not yet run)"
    newest = datetime.fromtimestamp(max(r["_mtime"] for r in results), UTC).strftime("%Y-%m-%d")
    total_cases = sum(int(r["cases"]) for r in results)
    total_failures = sum(int(r["failures"]) for r in results)
    lines = [
        f"Last run {newest}: {len(results)} results, {total_cases:,} cases, {total_failures} failures "
        "(losses or accepted bad inputs).",
        "",
        "| test | what it does | cases | failures: what it found | scale |",
        "|---|---|---:|---|---|",
    ]
    for r in results:
        failures = int(r["failures"])
        verdict = f"{'**' + str(failures) + '**' if failures else '0'}: {_cell(r['found'])}"
        lines.append(
            f"| `{_cell(r['name'])}` | {_cell(r['what'])} | {int(r['cases']):,} | {verdict} | {_scale(r)} |"
        )
    return "\n".join(lines)


def rewrite(readme: Path, block: str) -> None:
    text = readme.read_text("utf-8")
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"{readme} has no {START} ... {END} block")
    updated = text[: start + len(START)] + "\n" + block + "\n" + text[end:]
    if updated != text:
        readme.write_text(updated, "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    parser.add_argument("--artifacts", type=Path, default=ROOT / "tests" / "artifacts" / "reliability")
    args = parser.parse_args(argv)
    results = load(args.artifacts)
    rewrite(args.readme, table(results))
    failing = [r["name"] for r in results if int(r["failures"])]
    print(
        f"{args.readme}: {len(results)} reliability results"
        + (f"; FAILURES in {', '.join(failing)}" if failing else "")
    )
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
