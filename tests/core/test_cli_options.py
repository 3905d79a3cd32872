"""Global options work before or after the command, for every command (a test per command)."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.cli.common import finish
from fieldapp.cli.main import build_parser, main
from tests.support import PASSPHRASE

# The smallest valid arguments of each command; a command missing here fails the coverage test below.
REQUIRED: dict[tuple[str, ...], list[str]] = {
    ("init",): [],
    ("officer", "list"): [],
    ("officer", "add"): ["Chan Sophea"],
    ("officer", "role"): ["Chan Sophea", "team_lead"],
    ("officer", "passwd"): [],
    ("officer", "disable"): ["Chan Sophea"],
    ("demo",): [],
    ("person", "list"): [],
    ("person", "withdraw-consent"): ["P", "--from", "embassy", "--reason", "r"],
    ("person", "link"): ["P", "Q", "--relation", "siblings", "--said-by", "both"],
    ("person", "unlink"): ["P", "Q"],
    ("person", "do-not-notify"): ["P", "--reason", "fears return"],
    ("report", "notification"): ["VNM", "-o", "f.pdf", "--purpose", "court"],
    ("status",): [],
    ("check",): [],
    ("enrol",): ["enrolment.json"],
    ("prompts",): ["pack.zip"],
    ("recover",): ["--hq-key", "k", "--new-officer", "N"],
    ("screening", "score"): ["s.json"],
    ("report", "handover"): ["P", "-o", "f.pdf", "--purpose", "court"],
    ("report", "summary"): ["P", "-o", "f.pdf", "--purpose", "court"],
    ("report", "manifest"): ["OP", "-o", "f.pdf", "--purpose", "court"],
    ("report", "wristbands"): ["OP", "-o", "f.pdf", "--purpose", "court"],
    ("report", "reconciliation"): ["OP", "-o", "f.pdf", "--purpose", "court"],
    ("station", "set"): ["intake"],
    ("station", "scan"): ["OP"],
    ("headcount",): ["OP"],
    ("verify",): ["CODE"],
    ("sync", "export"): ["--to", "stick"],
    ("sync", "receipt"): ["r.json"],
    ("sync", "purge"): [],
    ("sync", "push"): [],
    ("sync", "pull-receipt"): [],
    ("hq", "init"): ["--name", "HQ"],
    ("hq", "enrol"): ["--device", "d", "-o", "e.json"],
    ("hq", "sets"): ["-o", "sets.json"],
    ("hq", "recovery-key"): ["export", "-o", "recovery.key"],
    ("hq", "signing-key"): ["rotate"],
    ("hq", "import"): ["b.bundle"],
    ("hq", "device"): ["list"],
    ("hq", "officer"): ["list"],
    ("hq", "serve"): [],
    ("hq", "check"): [],
    ("hq", "rescore"): [],
    ("hq", "consular"): [],
    ("hq", "prompts"): ["voices", "-o", "p.zip"],
    ("hq", "conflicts"): [],
    ("hq", "export"): ["ctdc", "-o", "x.csv", "--purpose", "annual report"],
    ("hq", "audit"): [],
    ("hq", "duplicates"): [],
    ("hq", "link"): ["A", "B", "--reason", "same"],
    ("hq", "unlink"): ["L", "--reason", "not same"],
    ("hq", "dismiss"): ["A", "B", "--reason", "not same"],
    ("hq", "resolve"): ["1", "--choose", "a", "--reason", "checked"],
    ("hq", "dashboard"): ["-o", "d.png", "--purpose", "monthly brief"],
    ("hq", "partner-export"): ["-o", "p.zip", "--unencrypted", "--purpose", "NGO referral"],
    ("hq", "app"): [],
    ("hq", "demo"): [],
    ("hq", "account", "add"): ["Keo Dara", "--role", "analyst"],
    ("hq", "account", "list"): [],
    ("hq", "account", "disable"): ["Keo Dara"],
    ("hq", "account", "role"): ["Keo Dara", "liaison", "--nationality", "VNM"],
    ("hq", "account", "passwd"): [],
    ("hq", "directory", "import"): ["d.csv"],
    ("hq", "directory", "export"): ["d.csv"],
    ("hq", "directory", "ship"): ["-o", "d.json"],
    ("hq", "directory", "map"): ["H", "B", "--reason", "phoned them"],
    ("hq", "referrals"): [],
    ("hq", "referral", "acknowledge"): ["FV-AAAA"],
    ("hq", "referral", "close"): ["H", "--reason", "went home"],
    ("hq", "followup", "list"): [],
    ("hq", "followup", "set"): ["P", "closed"],
}
VAULT = ["--data-dir", "/tmp/the-vault", "--officer", "Sok Dara", "--passphrase-file", "pass.txt"]
HQ = [
    "--hq-dir",
    "/tmp/the-hq",
    "--database",
    "postgresql://hq@db/hq",
    "--account",
    "Chan Sophea",
    "--passphrase-file",
    "pass.txt",
]


def _leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                nested = _leaves(child, (*path, name))
                found += nested or [(*path, name)]
    return found


def test_every_command_is_covered() -> None:
    assert sorted(_leaves(build_parser())) == sorted(REQUIRED)


def _parse(argv: list[str]) -> argparse.Namespace:
    return finish(build_parser().parse_args(argv))


@pytest.mark.parametrize("command", sorted(REQUIRED), ids=" ".join)
def test_global_options_before_and_after_the_command(command: tuple[str, ...]) -> None:
    hq = command[0] == "hq"
    options = HQ if hq else VAULT
    wanted = (
        {
            "hq_dir": "/tmp/the-hq",
            "database": "postgresql://hq@db/hq",
            "account": "Chan Sophea",
            "passphrase_file": "pass.txt",
        }
        if hq
        else {"data_dir": "/tmp/the-vault", "officer": "Sok Dara", "passphrase_file": "pass.txt"}
    )
    args = [*command, *REQUIRED[command]]
    placements = {"after": [*args, *options]}
    if hq:  # before the action: `fieldapp hq --hq-dir X import ...`
        placements["before"] = [command[0], *options, *command[1:], *REQUIRED[command]]
    else:  # before the command: `fieldapp --data-dir X status`
        placements["before"] = [*options, *args]
        if len(command) > 1:  # between a group and its action: `fieldapp sync --data-dir X export ...`
            placements["between"] = [command[0], *options, *command[1:], *REQUIRED[command]]
    for where, argv in placements.items():
        parsed = _parse(argv)
        got = {name: getattr(parsed, name) for name in wanted}
        assert got == wanted, (where, argv)


def test_an_option_given_twice_keeps_the_last_and_one_not_given_is_none() -> None:
    parsed = _parse(["--data-dir", "/a", "status", "--data-dir", "/b"])
    assert parsed.data_dir == "/b" and parsed.officer is None and parsed.hq_dir is None


def _fieldapp(
    *argv: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "FIELDAPP_INSECURE_FAST_KDF": "1", **(env or {})},
    )


def test_data_dir_before_the_command_acts_on_that_vault(tmp_path: Path) -> None:
    """`fieldapp --data-dir X status` used to open the default folder instead of X."""
    vault = tmp_path / "vault"
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", "utf-8")
    done = _fieldapp(
        "--data-dir", str(vault), "--passphrase-file", str(secret), "init", "--officer", "Sok Dara"
    )
    assert done.returncode == 0, done.stderr
    home = tmp_path / "home"
    for argv in (
        ["--data-dir", str(vault), "--passphrase-file", str(secret), "status", "--json"],
        ["--passphrase-file", str(secret), "status", "--json", "--data-dir", str(vault)],
        ["--data-dir", str(vault), "--passphrase-file", str(secret), "person", "list"],
        ["--data-dir", str(vault), "--passphrase-file", str(secret), "officer", "list"],
    ):
        done = _fieldapp(*argv, env={"HOME": str(home), "XDG_DATA_HOME": str(home / "data")})
        assert done.returncode == 0, (argv, done.stderr)
    assert not (home / "data" / "fieldapp").exists()  # the default folder was never touched


def test_no_passphrase_file_and_no_terminal_is_one_plain_line(tmp_path: Path) -> None:
    """The prompt used to crash with EOFError when standard input is not a terminal."""
    vault = tmp_path / "vault"
    argv = ["init", "--officer", "Sok Dara", "--data-dir", str(vault), "--passphrase-file", "-"]
    assert main(argv, stdin=io.StringIO(PASSPHRASE)) == 0
    done = _fieldapp("--data-dir", str(vault), "status")
    assert done.returncode == 2 and "not a terminal" in done.stderr and "--passphrase-file" in done.stderr
    assert "Traceback" not in done.stderr
