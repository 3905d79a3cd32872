"""Hostile or broken input gives one plain line, never a traceback (issue 19, defects 5 and 6)."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.cli import main as cli_main
from fieldapp.cli.main import main
from tests.support import PASSPHRASE


def _fieldapp(*argv: str, stdin: str = "", home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FIELDAPP_INSECURE_FAST_KDF": "1"}
    env.pop("FIELDAPP_CLI_RAISE", None)  # as users run it: the last-chance handler is on
    if home is not None:
        env["XDG_STATE_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def _plain(done: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr


def test_deeply_nested_json_and_huge_numbers_in_a_screening_file(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert "nested" in _plain(_fieldapp("screening", "score", str(deep)))
    huge = tmp_path / "huge.json"
    huge.write_text('{"age": ' + "9" * 5000 + "}")
    assert "digits" in _plain(_fieldapp("screening", "score", str(huge)))
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    assert "not a file" in _plain(_fieldapp("screening", "score", str(folder)))


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    argv = ["init", "--officer", "Sok Dara", "--data-dir", str(folder), "--passphrase-file", "-"]
    assert main(argv, stdin=io.StringIO(PASSPHRASE)) == 0
    return folder


def test_a_passphrase_file_that_is_not_utf8(tmp_path: Path, vault: Path) -> None:
    latin1 = tmp_path / "pass.txt"
    latin1.write_bytes("pässphrase für alle".encode("latin-1"))
    assert "not UTF-8" in _plain(
        _fieldapp("status", "--data-dir", str(vault), "--passphrase-file", str(latin1))
    )


def test_a_deeply_nested_enrolment_file(tmp_path: Path, vault: Path) -> None:
    bad = tmp_path / "enrolment.json"
    bad.write_text('{"a": ' * 50_000 + "1" + "}" * 50_000)
    done = _fieldapp("enrol", str(bad), "--data-dir", str(vault), "--passphrase-file", "-", stdin=PASSPHRASE)
    assert "not an enrolment file" in _plain(done)


def test_a_very_long_code_given_to_verify(vault: Path) -> None:
    done = _fieldapp(
        "verify", "X" * 300, "--data-dir", str(vault), "--passphrase-file", "-", stdin=PASSPHRASE
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "File name too long" not in done.stdout + done.stderr


def test_the_last_chance_handler_logs_a_bug_and_says_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: object, secrets: object) -> int:
        raise ZeroDivisionError("a name that must not reach the log: " + " ".join(["SOK", "DARA"]))

    monkeypatch.setattr(cli_main.gui, "run", broken)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(cli_main, "log_file", lambda: tmp_path / "logs" / "fieldapp-cli.log")
    monkeypatch.setenv(cli_main.RAISE_ENV, "1")
    with pytest.raises(ZeroDivisionError):  # in the tests a bug is never hidden
        main([])
    monkeypatch.delenv(cli_main.RAISE_ENV)
    assert main([]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ZeroDivisionError" in err and "Traceback" not in err
    logged = (tmp_path / "logs" / "fieldapp-cli.log").read_text("utf-8")
    assert "ZeroDivisionError" in logged and "test_cli_hardening.py" in logged
    assert "SOK DARA" not in logged  # the message may hold personal data: only the type and the stack


def test_status_on_a_folder_without_a_vault_leaves_its_permissions(tmp_path: Path) -> None:
    """Defect 6: `status --data-dir SOME_FOLDER` used to set a folder it does not own to 0700."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    folder.chmod(0o755)
    done = _fieldapp("status", "--data-dir", str(folder), "--passphrase-file", "-", stdin=PASSPHRASE)
    assert "fieldapp init" in _plain(done)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755


def test_a_vault_folder_is_still_made_user_only(vault: Path) -> None:
    vault.chmod(0o755)
    done = _fieldapp("status", "--data-dir", str(vault), "--passphrase-file", "-", stdin=PASSPHRASE)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(vault.stat().st_mode) == 0o700
