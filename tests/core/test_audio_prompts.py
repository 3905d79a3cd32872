"""Recorded prompts: HQ signs a pack of sound files, the laptop loads it only when every file matches
what HQ's key signed, keeps it in the vault, and refuses altered, foreign or crafted packs in plain words."""

from __future__ import annotations

import io
import math
import struct
import wave
import zipfile
from pathlib import Path
from typing import Any

import pytest

from fieldapp.vault.audio_prompts import (
    AudioPackError,
    PromptFile,
    available,
    build_pack,
    load_pack,
    prompt,
    prompt_files,
)
from fieldapp.vault.session import Session
from tests.core.test_sync import Hq


def tone(hz: float, seconds: float = 0.2) -> bytes:
    """A short sine tone as a WAV file (what a test needs of a spoken prompt)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        frames = int(8000 * seconds)
        out.writeframes(
            b"".join(
                struct.pack("<h", int(8000 * math.sin(2 * math.pi * hz * n / 8000))) for n in range(frames)
            )
        )
    return buffer.getvalue()


def _pack(hq: Any, files: list[PromptFile]) -> bytes:
    return build_pack(hq.identity.hq_id, files, hq.identity.sign)


FILES = [
    PromptFile("bn", "SC.passport_taken", "audio/wav", tone(440)),
    PromptFile("am", "SC.passport_taken", "audio/wav", tone(330)),
    PromptFile("bn", "consent.agree", "audio/wav", tone(550)),
]


def test_a_signed_pack_loads_into_the_vault(enrolled: Session, hq: Any, tmp_path: Path) -> None:
    path = tmp_path / "prompts.zip"
    path.write_bytes(_pack(hq, FILES))
    assert load_pack(enrolled, path) == 3
    assert available(enrolled) == {
        ("SC.passport_taken", "bn"),
        ("SC.passport_taken", "am"),
        ("consent.agree", "bn"),
    }
    assert prompt(enrolled, "SC.passport_taken", "am") == ("audio/wav", FILES[1].data)
    assert prompt(enrolled, "SC.quota", "bn") is None
    newer = [PromptFile("bn", "SC.passport_taken", "audio/wav", tone(660))]
    path.write_bytes(_pack(hq, newer))
    load_pack(enrolled, path)  # a newer pack replaces what it carries, keeps the rest
    assert prompt(enrolled, "SC.passport_taken", "bn") == ("audio/wav", newer[0].data)
    assert prompt(enrolled, "SC.passport_taken", "am") == ("audio/wav", FILES[1].data)


def test_prompt_files_from_hq_folder(tmp_path: Path) -> None:
    (tmp_path / "bn").mkdir()
    (tmp_path / "bn" / "SC.quota.wav").write_bytes(tone(400))
    (tmp_path / "bn" / "notes.txt").write_text("not a prompt")
    (tmp_path / "bn" / "rm -rf.wav").write_bytes(tone(400))
    assert [(f.language, f.key, f.media_type) for f in prompt_files(tmp_path)] == [
        ("bn", "SC.quota", "audio/wav")
    ]


def _rewrite(raw: bytes, change: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for info in source.infolist():
            data = source.read(info.filename)
            if change == "file" and info.filename.endswith(".wav"):
                data = data[:-1] + bytes([data[-1] ^ 1])
            if change == "manifest" and info.filename == "manifest.json":
                data = data.replace(b"SC.passport_taken", b"SC.quota_takenxx")
            if change == "signature" and info.filename == "manifest.sig":
                continue
            zf.writestr(info.filename, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ("file", "does not match what HQ signed"),
        ("manifest", "not signed by this laptop's HQ"),
        ("signature", "not a recorded-prompts pack"),
        ("truncated", "not a recorded-prompts pack"),
    ],
)
def test_an_altered_pack_loads_nothing(
    enrolled: Session, hq: Any, tmp_path: Path, change: str, words: str
) -> None:
    raw = _pack(hq, FILES)
    raw = raw[: len(raw) // 2] if change == "truncated" else _rewrite(raw, change)
    path = tmp_path / "prompts.zip"
    path.write_bytes(raw)
    with pytest.raises(AudioPackError, match=words):
        load_pack(enrolled, path)
    assert available(enrolled) == set()


def test_another_hqs_pack_or_no_enrolment_is_refused(
    enrolled: Session, session: Session, tmp_path: Path
) -> None:
    other = Hq(tmp_path / "other-hq")
    try:
        path = tmp_path / "prompts.zip"
        path.write_bytes(_pack(other, FILES))
        with pytest.raises(AudioPackError, match="not signed by this laptop's HQ"):
            load_pack(enrolled, path)
    finally:
        other.store.close()


def test_a_laptop_not_enrolled_is_told_to_enrol(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "prompts.zip"
    path.write_bytes(b"PK")
    with pytest.raises(AudioPackError, match="Load HQ's enrolment file first"):
        load_pack(session, path)


def test_hq_signs_a_folder_and_the_laptop_loads_it_from_the_command_line(
    enrolled: Session, hq: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldapp.cli.main import main
    from tests.core.test_sync import HQ_PASSPHRASE
    from tests.support import PASSPHRASE

    folder = tmp_path / "recordings"
    (folder / "my").mkdir(parents=True)
    (folder / "my" / "SC.quota.wav").write_bytes(tone(500))
    pack = tmp_path / "prompts.zip"
    hq_dir = str(hq.identity.folder)
    assert (
        main(
            ["hq", "prompts", str(folder), "-o", str(pack), "--hq-dir", hq_dir, "--passphrase-file", "-"],
            stdin=io.StringIO(HQ_PASSPHRASE),
        )
        == 0
    )
    assert "1 recorded prompts (my)" in capsys.readouterr().out
    data_dir = str(enrolled.data_dir)
    enrolled.close()
    assert (
        main(
            ["prompts", str(pack), "--data-dir", data_dir, "--passphrase-file", "-"],
            stdin=io.StringIO(PASSPHRASE),
        )
        == 0
    )
    assert "Loaded 1 recorded prompts" in capsys.readouterr().out
