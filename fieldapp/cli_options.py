"""The unlock options every vault command takes, before or after its name (one definition for all)."""

from __future__ import annotations

import argparse
from typing import Any


def add_unlock_options(parser: Any) -> None:
    # SUPPRESS: an option given before the command is not overwritten by the sub-parser's default.
    parser.add_argument(
        "--data-dir", default=argparse.SUPPRESS, help="where the vault lives (default: per-user data folder)"
    )
    parser.add_argument(
        "--passphrase-file",
        default=argparse.SUPPRESS,
        metavar="FILE",
        help="read passphrases from FILE, one per line ('-' = standard input)",
    )
    parser.add_argument(
        "--officer", default=argparse.SUPPRESS, metavar="NAME", help="the officer who unlocks"
    )
