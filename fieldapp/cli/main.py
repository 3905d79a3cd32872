"""The `fieldapp` command: the parser of every sub-command, and the one handler that ends a run.

Every failure ends in one plain line on standard error: an expected one (FieldAppError) with its
message and exit code 2; anything else (a bug) with its type and place, exit code 3, and its details
in the log file (``log_file()``), never a traceback on the screen. The tests set
``FIELDAPP_CLI_RAISE=1`` so that a bug fails them with its traceback instead of being hidden.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

import platformdirs

from fieldapp.cli import (
    gui,
    hq,
    hq_accounts,
    hq_audit,
    hq_followup,
    hq_referrals,
    hq_reports,
    hq_review,
    reports,
    screening,
    stations,
    sync,
    vault,
)
from fieldapp.cli.common import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_UNEXPECTED,
    Commands,
    Passphrases,
    add_vault_options,
    finish,
)
from fieldapp.errors import FieldAppError
from fieldapp.version import __version__

RAISE_ENV = "FIELDAPP_CLI_RAISE"
logger = logging.getLogger("fieldapp.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldapp",
        description="Screening, photos, handover forms and sync for raid teams. "
        "Without a command, opens the desktop app.",
    )
    add_vault_options(parser)
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    parser.add_argument("--smoke-gui", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--smoke-workers", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(handler=gui.run)
    commands = Commands(parser.add_subparsers(title="commands", metavar="COMMAND"), add_vault_options)
    vault.register(commands)
    screening.register(commands)
    reports.register(commands)
    stations.register(commands)
    sync.register(commands)
    hq_commands = commands.group(
        "hq", "HQ: keys, enrolment files, bundles, devices, review, exports", hq=True
    )
    hq.register(hq_commands)
    hq_review.register(hq_commands)
    hq_accounts.register(hq_commands)
    hq_reports.register(hq_commands)
    hq_audit.register(hq_commands)
    hq_referrals.register(hq_commands)
    hq_followup.register(hq_commands)
    return parser


def log_file() -> Path:
    return Path(platformdirs.user_log_dir("fieldapp", appauthor=False)) / "fieldapp-cli.log"


def _log_unexpected(exc: BaseException) -> Path | None:
    """Write the bug's type and stack (never its message, which may hold a name) to the log file."""
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    try:
        stack = "".join(traceback.format_tb(exc.__traceback__))
        logger.error("unexpected %s in fieldapp %s:\n%s", type(exc).__name__, __version__, stack)
    finally:
        logger.removeHandler(handler)
        handler.close()
    return path


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return ""
    last = frames[-1]
    return f" in {Path(last.filename).name}:{last.lineno}"


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None) -> int:
    args = finish(build_parser().parse_args(argv))
    secrets = Passphrases(args.passphrase_file, stdin or sys.stdin)
    try:
        return int(args.handler(args, secrets))
    except FieldAppError as exc:
        print(f"fieldapp: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        return EXIT_OK
    except KeyboardInterrupt:
        print("fieldapp: interrupted; nothing half-saved was kept.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # the last chance: a bug, said in one line, never a traceback
        if os.environ.get(RAISE_ENV) == "1":
            raise
        logged = _log_unexpected(exc)
        details = f"; the details are in {logged}" if logged else ""
        print(
            f"fieldapp: unexpected error ({type(exc).__name__}{_where(exc)}){details}. "
            "Nothing half-saved was kept; please report it to your team lead.",
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED
