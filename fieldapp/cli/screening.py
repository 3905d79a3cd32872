"""``fieldapp screening score FILE.json [--json] [--lang en|km]``: re-score a screening from its answers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from fieldapp import bounded
from fieldapp.cli.common import EXIT_OK, Commands, Passphrases
from fieldapp.errors import ValidationError, message
from fieldapp.screening.explain import explain, explanation
from fieldapp.screening.score import score_document

MAX_DOCUMENT = 4 * 1024 * 1024  # a screening's answers are a few KiB

NOT_JSON = message("screening.not_json", "{name} is not valid JSON (line {line}: {reason}).")
OUT_OF_BOUNDS = message("screening.out_of_bounds", "{name} is not a screening document ({reason}).")


def register(commands: Commands) -> None:
    screening = commands.group("screening", "score screenings against the indicator sets")
    p = screening.command(
        "score", run_score, "score a screening document: answers in, outcome and explanation out"
    )
    p.add_argument("file", metavar="FILE.json", help="the screening document, or - to read stdin")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--lang", choices=("en", "km"), default="en", help="explanation language")


def read_document(file: str) -> Any:
    """The screening document in ``file`` (``-``: standard input), within the bounds of any input."""
    name = "stdin" if file == "-" else file
    if file == "-":
        stream = getattr(sys.stdin, "buffer", sys.stdin)  # bytes from a terminal or pipe; text in tests
        raw = stream.read(MAX_DOCUMENT + 1)
    else:
        raw = bounded.read_bounded(Path(file), MAX_DOCUMENT)
    try:
        return bounded.loads(raw, max_bytes=MAX_DOCUMENT)
    except json.JSONDecodeError as exc:
        raise ValidationError(NOT_JSON, name=name, line=exc.lineno, reason=exc.msg) from None
    except bounded.BadJson as exc:
        raise ValidationError(OUT_OF_BOUNDS, name=name, reason=str(exc)) from None


def run_score(args: argparse.Namespace, secrets: Passphrases) -> int:
    result = score_document(read_document(args.file))
    if args.json:
        data = {**result.to_dict(), "explanation": {lang: explain(result, lang) for lang in ("en", "km")}}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        words = explanation(result, args.lang)
        print(words.outcome)
        for line in words.reasons:
            print(f"  {line}")
        print(words.details_heading)
        for line in words.details:
            print(f"  {line}")
    return EXIT_OK
