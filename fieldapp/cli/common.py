"""What every command shares: exit codes, the global options, passphrase input, unlocking.

The global options (``--data-dir``, ``--officer``, ``--passphrase-file``; for HQ ``--hq-dir`` and
``--database``) may stand before or after the command's name. Each parser gets its own copy of them
with no default, so one given early is never overwritten by a later parser's default (argparse
copies a sub-command's namespace over its parent's); ``finish`` fills in what was not given.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fieldapp.bounded import read_bounded
from fieldapp.errors import ChoosePassphrase, FieldAppError, UnknownOfficer, ValidationError, message

if TYPE_CHECKING:
    from fieldapp.hq.identity import HqIdentity
    from fieldapp.hq.review import Review
    from fieldapp.hq.store import HqStore
    from fieldapp.vault.session import Session

EXIT_OK = 0  # done
EXIT_PROBLEMS = 1  # the command ran and found problems (check, verify, import of some bundles)
EXIT_ERROR = 2  # an expected failure, said in one plain line (or a usage error from argparse)
EXIT_UNEXPECTED = 3  # a bug: one plain line, the details in the log
EXIT_INTERRUPTED = 130

DATABASE_ENV = "FIELDAPP_HQ_DATABASE"
MAX_PASSPHRASE_FILE = 64 * 1024  # a few passphrases, one a line; anything bigger is the wrong file

Handler = Callable[[argparse.Namespace, "Passphrases"], int]

VAULT_OPTIONS = ("data_dir", "officer", "passphrase_file")
HQ_OPTIONS = ("hq_dir", "database", "account", "passphrase_file")

NO_PROMPT = message(
    "cli.no_prompt",
    "Standard input is not a terminal, so no passphrase can be asked: give --passphrase-file FILE "
    "('-' reads standard input).",
)
NO_LINE_LEFT = message("cli.no_line_left", "The passphrase file has no line left for: {prompt}.")
PASSPHRASES_DIFFER = message("cli.passphrases_differ", "The two passphrases differ.")
NOT_UTF8 = message("cli.not_utf8", "{path} is not UTF-8 text; save it as UTF-8 and try again.")
WHICH_OFFICER = message(
    "cli.which_officer", "Several officers can unlock this vault ({names}); say which with --officer NAME."
)
NOT_A_PASSPHRASE_FILE = message(
    "cli.not_a_passphrase_file", "{path} is too large to be a passphrase file (64 KiB at most)."
)
NO_HQ_DIR = message("cli.no_hq_dir", "Say which HQ folder to use: --hq-dir DIR.")


# --- the global options ---------------------------------------------------------------------------


def add_vault_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", default=argparse.SUPPRESS, help="where the vault lives (default: per-user data folder)"
    )
    parser.add_argument(
        "--officer", default=argparse.SUPPRESS, metavar="NAME", help="the officer who unlocks"
    )
    _add_passphrase_file(parser)


def add_hq_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--hq-dir", default=argparse.SUPPRESS, metavar="DIR", help="the HQ folder (keys and store)"
    )
    parser.add_argument(
        "--database",
        default=argparse.SUPPRESS,
        metavar="postgresql://USER@HOST/DB",
        help=f"keep the HQ store in PostgreSQL (default: ${DATABASE_ENV}, else the encrypted file in the HQ folder)",
    )
    parser.add_argument(
        "--account",
        default=argparse.SUPPRESS,
        metavar="NAME",
        help="the HQ account that signs in (default: HQ's only account; `hq init`: the first admin's name)",
    )
    _add_passphrase_file(parser)


def _add_passphrase_file(parser: argparse.ArgumentParser) -> None:
    if any("--passphrase-file" in action.option_strings for action in parser._actions):
        return  # a command with both vault and HQ options (verify) has it once
    parser.add_argument(
        "--passphrase-file",
        default=argparse.SUPPRESS,
        metavar="FILE",
        help="read passphrases from FILE, one per line, in the order asked ('-' = standard input)",
    )


def finish(args: argparse.Namespace) -> argparse.Namespace:
    """Every global option present on the namespace (None when not given anywhere)."""
    for name in {*VAULT_OPTIONS, *HQ_OPTIONS}:
        if not hasattr(args, name):
            setattr(args, name, None)
    return args


class Commands:
    """A level of sub-commands: ``command`` adds one that runs, ``group`` one that has its own."""

    def __init__(self, subparsers: Any, options: Callable[[argparse.ArgumentParser], None]) -> None:
        self._sub = subparsers
        self._options = options

    def command(
        self, name: str, handler: Handler, help_text: str, *, hq: bool | None = None
    ) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = self._sub.add_parser(name, help=help_text, description=help_text)
        options = self._options if hq is None else (add_hq_options if hq else add_vault_options)
        options(parser)
        parser.set_defaults(handler=handler)
        return parser

    def group(self, name: str, help_text: str, *, hq: bool = False) -> Commands:
        parser = self._sub.add_parser(name, help=help_text, description=help_text)
        options = add_hq_options if hq else add_vault_options
        options(parser)
        sub = parser.add_subparsers(title="actions", metavar="ACTION", dest=f"{name}_command")
        sub.required = True
        return Commands(sub, options)


# --- passphrases ----------------------------------------------------------------------------------


class Passphrases:
    """Passphrases from --passphrase-file (``-`` = standard input, one per line, in the order asked) or a
    prompt on the terminal."""

    def __init__(self, path: str | None, stdin: TextIO) -> None:
        self.path = path
        self.stdin = stdin
        self._lines: list[str] | None = None

    def _read(self, path: str) -> list[str]:
        if path == "-":
            text = self.stdin.read(MAX_PASSPHRASE_FILE + 1)
            if len(text) > MAX_PASSPHRASE_FILE:
                raise ValidationError(NOT_A_PASSPHRASE_FILE, path="standard input")
            return text.splitlines()
        raw = read_bounded(Path(path), MAX_PASSPHRASE_FILE)
        try:
            return raw.decode("utf-8").splitlines()
        except UnicodeDecodeError:
            raise ValidationError(NOT_UTF8, path=path) from None

    def get(self, prompt: str, *, new: bool = False, file: str | None = None) -> str:
        """The next passphrase: from ``file`` (its first line), --passphrase-file, or a prompt."""
        if file:
            lines = self._read(file)
        elif self.path:
            if self._lines is None:
                self._lines = self._read(self.path)
            lines = self._lines
        else:
            return self._prompt(prompt, new=new)
        if not lines:
            raise ValidationError(NO_LINE_LEFT, prompt=prompt)
        return lines.pop(0)

    def _prompt(self, prompt: str, *, new: bool) -> str:
        if not self.stdin.isatty():
            raise ValidationError(NO_PROMPT)
        try:
            value = getpass.getpass(f"{prompt}: ")
            if new and getpass.getpass("Type it again: ") != value:
                raise ValidationError(PASSPHRASES_DIFFER)
        except EOFError:
            raise ValidationError(NO_PROMPT) from None
        return value


# --- opening a vault or the HQ store --------------------------------------------------------------


def unlock(args: argparse.Namespace, secrets: Passphrases) -> Session:
    from fieldapp.paths import prepare_data_dir
    from fieldapp.vault import session as vault

    data_dir = prepare_data_dir(args.data_dir, create=False)
    officer = args.officer
    if not officer:
        officers = vault.slot_officers(data_dir)
        if len(officers) != 1:
            raise UnknownOfficer(WHICH_OFFICER, names=", ".join(name for _, name in officers))
        officer = officers[0][1]
    passphrase = secrets.get(f"Passphrase for {officer}")
    try:
        session = vault.unlock(data_dir, officer, passphrase)
    except ChoosePassphrase as exc:  # an invited officer's first sign-in: they choose their own now
        print(exc.message, file=sys.stderr)
        own = secrets.get(f"Your own new passphrase, {officer}", new=True)
        session = vault.unlock(data_dir, officer, passphrase, new_passphrase=own)
    for warning in session.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return session


def database(args: argparse.Namespace) -> str | None:
    """--database, else FIELDAPP_HQ_DATABASE, else None (the embedded SQLCipher store)."""
    return getattr(args, "database", None) or os.environ.get(DATABASE_ENV) or None


def hq_dir(args: argparse.Namespace) -> Path:
    if not getattr(args, "hq_dir", None):
        raise FieldAppError(NO_HQ_DIR)
    return Path(args.hq_dir).expanduser()


def open_hq(args: argparse.Namespace, secrets: Passphrases) -> tuple[HqIdentity, HqStore]:
    from fieldapp.hq.identity import unlock_hq
    from fieldapp.hq.store import open_store

    identity = unlock_hq(hq_dir(args), secrets.get(hq_prompt(args)), account(args))
    return identity, open_store(identity, database(args))


def account(args: argparse.Namespace) -> str | None:
    """--account: the HQ account that signs in (None: HQ's only active account)."""
    return getattr(args, "account", None) or None


def hq_prompt(args: argparse.Namespace) -> str:
    name = account(args)
    return f"HQ passphrase for {name}" if name else "HQ passphrase"


@contextmanager
def hq_review(args: argparse.Namespace, secrets: Passphrases) -> Iterator[Review]:
    """The analyst's review of the store (their signed decisions), closed when the command is done."""
    from fieldapp.hq.review import Review

    identity, store = open_hq(args, secrets)
    try:
        yield Review(store, identity)
    finally:
        store.close()


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True))
