"""The `fieldapp` command, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support import PASSPHRASE


def fieldapp(*args: str, stdin: str = "", data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "fieldapp", *args]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    env = {**os.environ, "FIELDAPP_INSECURE_FAST_KDF": "1"}
    return subprocess.run(argv, input=stdin, capture_output=True, text=True, env=env, timeout=120)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_init_officers_and_passwd(tmp_path: Path) -> None:
    data = tmp_path / "vault"
    ok(fieldapp("init", "--officer", "Sok Dara", "--passphrase-file", "-", stdin=PASSPHRASE, data_dir=data))
    new_pass = tmp_path / "new.txt"
    new_pass.write_text("team lead passphrase\n")
    out = ok(
        fieldapp(
            "officer",
            "add",
            "Chan Sophea",
            "--role",
            "team_lead",
            "--new-passphrase-file",
            str(new_pass),
            "--officer",
            "Sok Dara",
            "--passphrase-file",
            "-",
            stdin=PASSPHRASE,
            data_dir=data,
        )
    )
    assert "Added Chan Sophea (team_lead)" in out
    # Her first sign-in: the one-time passphrase, then her own (asked twice).
    first = fieldapp(
        "officer",
        "list",
        "--json",
        "--officer",
        "Chan Sophea",
        "--passphrase-file",
        "-",
        stdin="team lead passphrase\nchan sophea own words\nchan sophea own words\n",
        data_dir=data,
    )
    listed = json.loads(ok(first))
    assert "choose your own passphrase" in first.stderr
    assert {(o["name"], o["role"]) for o in listed} == {("Sok Dara", "admin"), ("Chan Sophea", "team_lead")}

    # Two passphrases from standard input, in the order asked: the current one, then the new one.
    ok(
        fieldapp(
            "officer",
            "passwd",
            "--officer",
            "Chan Sophea",
            "--passphrase-file",
            "-",
            stdin="chan sophea own words\nan even better passphrase\n",
            data_dir=data,
        )
    )
    wrong = fieldapp(
        "status",
        "--officer",
        "Chan Sophea",
        "--passphrase-file",
        "-",
        stdin="chan sophea own words",
        data_dir=data,
    )
    assert wrong.returncode == 2 and "passphrase is not right" in wrong.stderr
    assert "Traceback" not in wrong.stderr

    out = ok(
        fieldapp(
            "officer",
            "disable",
            "Chan Sophea",
            "--officer",
            "Sok Dara",
            "--passphrase-file",
            "-",
            stdin=PASSPHRASE,
            data_dir=data,
        )
    )
    assert "can no longer unlock" in out
    gone = fieldapp(
        "status",
        "--officer",
        "Chan Sophea",
        "--passphrase-file",
        "-",
        stdin="an even better passphrase",
        data_dir=data,
    )
    assert gone.returncode == 2 and "No officer" in gone.stderr


def test_demo_person_list_status_and_check(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    out = ok(fieldapp("demo", "--persons", "40", data_dir=data))
    assert "Demo passphrase" in out and "Sihanoukville" in out
    passphrase = out.rsplit(": ", 1)[1].strip()
    unlock_args = ("--officer", "Vann Piseth", "--passphrase-file", "-")
    persons = json.loads(
        ok(fieldapp("person", "list", "--json", *unlock_args, stdin=passphrase, data_dir=data))
    )
    assert len(persons) == 40
    assert {"id", "temp_id", "name", "name_own", "nationality", "outcome"} <= set(persons[0])
    assert len({p["nationality"] for p in persons}) >= 6  # the real mix, not one country
    assert any(any(ord(ch) > 0x2E80 for ch in p["name_own"]) for p in persons)  # names in their own scripts
    operation = persons[0]["operation_id"]
    text = ok(
        fieldapp("person", "list", "--operation", operation, *unlock_args, stdin=passphrase, data_dir=data)
    )
    assert persons[0]["temp_id"] in text
    screened = next(p for p in persons if p["outcome"])
    withdrawn = fieldapp(
        "person",
        "withdraw-consent",
        screened["temp_id"],
        "--from",
        "mosvy",
        "--reason",
        "does not want social affairs told",
        *unlock_args,
        stdin=passphrase,
        data_dir=data,
    )
    assert "no longer consents to sharing their data with MoSVY" in ok(withdrawn)
    again = fieldapp(
        "person",
        "withdraw-consent",
        screened["temp_id"],
        "--from",
        "mosvy",
        "--reason",
        "again",
        *unlock_args,
        stdin=passphrase,
        data_dir=data,
    )
    assert "(0 screening(s) changed" in ok(again)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        lead = ("--officer", "Chan Sophea", "--passphrase-file", "-")  # sets the station
        return fieldapp(*args, *lead, stdin=passphrase, data_dir=data)

    ok(run("station", "set", "vehicle", "--vehicle", "2"))
    # The demo handed four persons over (they leave the headcount): scan two still with the team.
    assert sum(p["handed_over"] for p in persons) == 4
    first, second = [p["temp_id"] for p in persons if not p["handed_over"]][:2]
    from fieldapp.records.wristbands import band_code

    scanned = run("station", "scan", operation, band_code(first), second, f"{first}-?")
    assert scanned.returncode == 1  # one bad scan, said plainly; the others are checked in
    assert (
        f"{first}: checked in at vehicle 2." in scanned.stdout and f"{second}: checked in" in scanned.stdout
    )
    counts = json.loads(ok(run("headcount", operation, "--json")))
    assert counts["registered"] == 40 and counts["in_vehicle"] == {"2": 2}
    bands = data.parent / "bands.pdf"
    assert "Reserved 30 new ids" in ok(
        run("report", "wristbands", operation, "-o", str(bands), "--reserve", "30", "--purpose", "raid kit")
    )
    assert bands.read_bytes().startswith(b"%PDF")
    ok(
        run(
            "report", "reconciliation", operation, "-o", str(data.parent / "lost.pdf"), "--purpose", "debrief"
        )
    )

    status = json.loads(ok(fieldapp("status", "--json", *unlock_args, stdin=passphrase, data_dir=data)))
    assert status["persons"] == 40 and status["operations"] == 1
    assert status["sync"]["enrolled"] is False and status["sync"]["unsynced_events"] == status["events"]

    check = ok(fieldapp("check", "--rebuild", *unlock_args, stdin=passphrase, data_dir=data))
    assert "OK:" in check and "projections match" in check


def test_demo_takes_a_passphrase_file(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    out = ok(
        fieldapp(
            "demo", "--persons", "3", "--passphrase-file", "-", stdin="my own demo passphrase", data_dir=data
        )
    )
    assert "Demo passphrase" not in out
    ok(
        fieldapp(
            "status",
            "--officer",
            "Sok Dara",
            "--passphrase-file",
            "-",
            stdin="my own demo passphrase",
            data_dir=data,
        )
    )


def test_clear_errors_for_bad_input(tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("not a folder")
    result = fieldapp("init", "--officer", "X", "--passphrase-file", "-", stdin=PASSPHRASE, data_dir=a_file)
    assert result.returncode == 2 and "is a file" in result.stderr

    result = fieldapp("status", "--passphrase-file", "-", stdin=PASSPHRASE, data_dir=tmp_path / "missing")
    assert result.returncode == 2 and "does not exist" in result.stderr

    empty = tmp_path / "empty"
    empty.mkdir()
    result = fieldapp("status", "--passphrase-file", "-", stdin=PASSPHRASE, data_dir=empty)
    assert result.returncode == 2 and "fieldapp init" in result.stderr

    result = fieldapp(
        "init", "--officer", "X", "--passphrase-file", "-", stdin="short", data_dir=tmp_path / "v"
    )
    assert result.returncode == 2 and "at least" in result.stderr

    result = fieldapp("status", "--passphrase-file", str(tmp_path / "nope.txt"), data_dir=tmp_path / "v")
    assert result.returncode == 2
    for r in (result,):
        assert "Traceback" not in r.stderr


def test_check_fails_on_a_tampered_vault(tmp_path: Path) -> None:
    from fieldapp.records.service import Records
    from fieldapp.vault.session import create_vault

    data = tmp_path / "vault"
    session = create_vault(data, "Sok Dara", PASSPHRASE)
    records = Records(session)
    records.register_person(records.create_operation(name="Raid").id, name="A PERSON")
    session.conn.execute("DROP TRIGGER events_append_only_update")
    session.conn.execute("UPDATE events SET created_at = '2020-01-01T00:00:00.000Z' WHERE device_seq = 3")
    session.close()
    result = fieldapp("check", "--passphrase-file", "-", stdin=PASSPHRASE, data_dir=data)
    assert result.returncode == 1 and "PROBLEM" in result.stdout and "hash" in result.stdout


def test_version_and_help() -> None:
    assert ok(fieldapp("--version")).startswith("fieldapp ")
    helptext = ok(fieldapp("--help"))
    for command in ("init", "officer", "demo", "person", "status", "check"):
        assert command in helptext
