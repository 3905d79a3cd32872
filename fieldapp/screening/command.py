"""``fieldapp screening score FILE.json [--json] [--lang en|km]``: re-score a screening from its answers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from fieldapp.errors import FieldAppError
from fieldapp.screening.explain import explain, explanation
from fieldapp.screening.score import score_document

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``screening`` command (with its ``score`` sub-command) to an argparse subparsers object."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "screening", help="score screenings against the indicator sets"
    )
    sub = parser.add_subparsers(dest="screening_command", metavar="COMMAND")
    sub.required = True
    score_p = sub.add_parser(
        "score", help="score a screening document: answers in, outcome and explanation out"
    )
    score_p.add_argument("file", metavar="FILE.json", help="the screening document, or - to read stdin")
    score_p.add_argument("--json", action="store_true", help="print the full result as JSON")
    score_p.add_argument("--lang", choices=("en", "km"), default="en", help="explanation language")
    score_p.set_defaults(handler=lambda args, _passphrases: run(args))
    return parser


def _read(file: str) -> Any:
    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FieldAppError(f"File not found: {file}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FieldAppError(f"Cannot read {file}: {exc}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        name = "stdin" if file == "-" else file
        raise FieldAppError(f"{name} is not valid JSON (line {exc.lineno}: {exc.msg}).") from None


def run(args: argparse.Namespace) -> int:
    """Run ``screening score``; errors go to stderr with exit code 2."""
    try:
        result = score_document(_read(args.file))
    except FieldAppError as exc:
        print(f"fieldapp screening score: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
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
