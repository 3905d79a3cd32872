"""The Khmer translation: complete, consistent with the code, compilable and loaded by the app.

When a test here fails after you added or changed a string in ui/, run
``bash packaging/update-translations.sh`` and translate the new messages in
resources/i18n/fieldapp_km.ts (e.g. with ``.venv/bin/pyside6-linguist``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "fieldapp_km.ts"
UPDATE_SCRIPT = ROOT / "packaging" / "update-translations.sh"
HOW_TO_FIX = (
    "run `bash packaging/update-translations.sh` and translate the new or changed messages "
    "in resources/i18n/fieldapp_km.ts"
)

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d+")
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
KEY_NAME = re.compile(r"\b(?:Ctrl|Alt|Shift|Meta)\+[A-Za-z0-9]+|\bF\d{1,2}\b|\bEnter\b")
ACCELERATOR = re.compile(r"&([^&\s])")
ZWSP = "\u200b"  # allowed anywhere in Khmer: marks where a line may break between words

# The one Khmer word used for each recurring English term (checked below on every message).
GLOSSARY = {
    r"\bvaults?\b": "ឃ្លាំងទិន្នន័យ",
    r"\bpassphrases?\b": "ឃ្លាសម្ងាត់",
    r"\bofficers?\b": "មន្ត្រី",
    r"\boperations?\b": "ប្រតិបត្តិការ",
    r"\bscreenings?\b|(?<!respondent )\bscreen\b": "ពិនិត្យ",  # to screen a person, not the respondent screen
    r"\bindicators?\b": "សូចនាករ",
    r"\binterpreters?\b": "អ្នកបកប្រែ",
    r"\bcompounds?\b": "បរិវេណ",
    r"\bconsent\b": "យល់ព្រម",
    r"\bfinalis": "ស្ថាពរ",
    r"\bamend": "កែតម្រូវ",
    r"\bteam leads?\b": "ប្រធានក្រុម",
    r"\bHQ\b": "ទីស្នាក់ការកណ្តាល",
    r"\bpresumed\b": "សន្មត់",
    r"\bvictims?\b": "រងគ្រោះ",
    r"\btrafficking\b": "ជួញដូរមនុស្ស",
    r"\bphotos?\b": "រូប",
    r"\bevidence\b": "ភស្តុតាង",
    r"\bpurg": "លុប",
    r"\bperpetrators?\b": "ជនល្មើស",
    r"\bunlock": "ដោះសោ",
    r"\block\b": "ចាក់សោ",
}


def _messages() -> list[dict[str, Any]]:
    root = ET.parse(TS).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = [form.text or "" for form in translation.iter("numerusform")] if numerus else []
            found.append(
                {
                    "context": name,
                    "source": message.findtext("source", ""),
                    "type": translation.get("type"),
                    "texts": forms if numerus else [translation.text or ""],
                    "numerus": numerus,
                }
            )
    return found


MESSAGES = _messages() if TS.exists() else []


def _id(message: dict[str, Any]) -> str:
    return f"{message['context']}:{message['source'][:40]}"


def test_the_ts_file_is_the_khmer_one_and_not_empty() -> None:
    assert TS.exists(), f"{TS} is missing: {HOW_TO_FIX}"
    root = ET.parse(TS).getroot()
    assert root.tag == "TS" and root.get("language", "").startswith("km")
    assert len(MESSAGES) > 100


def test_every_message_has_a_finished_translation() -> None:
    problems = []
    for message in MESSAGES:
        if message["type"] is not None:  # unfinished, vanished or obsolete
            problems.append(f"{_id(message)} is {message['type']}")
        elif not message["texts"] or not all(text.strip() for text in message["texts"]):
            problems.append(f"{_id(message)} has an empty translation")
        elif message["numerus"] and "%n" in message["source"]:
            problems += [f"{_id(message)} plural form lacks %n" for t in message["texts"] if "%n" not in t]
    assert not problems, f"{HOW_TO_FIX}:\n" + "\n".join(problems)


def test_translations_keep_placeholders_tags_keys_and_accelerators() -> None:
    problems = []
    for message in MESSAGES:
        source = message["source"]
        for text in message["texts"]:
            for pattern, what in ((PLACEHOLDER, "placeholders"), (KEY_NAME, "key names")):
                if Counter(pattern.findall(source)) != Counter(pattern.findall(text)):
                    problems.append(
                        f"{_id(message)}: {what} {pattern.findall(text)} != {pattern.findall(source)}"
                    )
            if HTML_TAG.findall(source) != HTML_TAG.findall(text):
                problems.append(f"{_id(message)}: HTML tags differ")
            wanted = [key.lower() for key in ACCELERATOR.findall(source)]
            if [key.lower() for key in ACCELERATOR.findall(text)] != wanted:
                problems.append(f"{_id(message)}: accelerator should be {wanted}: {text!r}")
            if source.startswith(" ") != text.startswith(" ") or source.endswith(" ") != text.endswith(" "):
                problems.append(f"{_id(message)}: leading/trailing space differs")
            if ("\n" in source) != ("\n" in text):
                problems.append(f"{_id(message)}: line breaks differ")
    assert not problems, "\n".join(problems)


def test_glossary_terms_are_translated_consistently() -> None:
    problems = []
    for message in MESSAGES:
        for english, khmer in GLOSSARY.items():
            if re.search(english, message["source"], re.IGNORECASE):
                problems += [
                    f"{_id(message)}: {english!r} should use {khmer!r}: {text!r}"
                    for text in message["texts"]
                    if khmer not in text.replace(ZWSP, "")
                ]
    assert not problems, "\n".join(problems)


def _lrelease() -> str:
    import PySide6

    bundled = Path(PySide6.__file__).parent / "lrelease"
    if bundled.exists():
        return str(bundled)
    found = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    return found


def test_lrelease_compiles_every_message(tmp_path: Path) -> None:
    qm = tmp_path / "fieldapp_km.qm"
    done = subprocess.run(
        [_lrelease(), str(TS), "-qm", str(qm)], capture_output=True, text=True, timeout=60, check=False
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "error" not in output.lower(), output
    assert qm.exists() and qm.stat().st_size > 1000
    generated = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)", output)
    assert generated, output
    assert int(generated.group(3)) == 0, output
    assert int(generated.group(1)) >= len({(m["context"], m["source"]) for m in MESSAGES}) - 1, output
    assert "Ignored" not in output, output


def test_set_language_km_translates_the_unlock_screen(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import set_language
    from ui.screens.unlock import UnlockScreen
    from ui.tasks import TaskRunner

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the .qm compiled at start goes here
    runner = TaskRunner()
    try:
        assert set_language(qapp, "km")
        assert QCoreApplication.translate("UnlockScreen", "Unlock the vault") == "ដោះសោឃ្លាំងទិន្នន័យ"
        assert QCoreApplication.translate("PersonsModel", "Temporary id") == "លេខសម្គាល់បណ្តោះអាសន្ន"
        screen = UnlockScreen(data_dir=tmp_path / "no-vault", runner=runner, language="km")
        try:
            assert screen.title.text() == "ដោះសោឃ្លាំងទិន្នន័យ"
            assert screen.unlock_button.text() == "ដោះសោ"
            assert "Noto Sans Khmer" in qapp.font().families()
        finally:
            screen.deleteLater()
        assert set_language(qapp, "en")
        assert QCoreApplication.translate("UnlockScreen", "Unlock the vault") == "Unlock the vault"
    finally:
        set_language(qapp, "en")
        runner.shutdown(wait=True)


def test_the_ts_file_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    """lupdate over ui/ adds no message: every string in the code is already in the .ts, translated."""
    copy = tmp_path / "fieldapp_km.ts"
    shutil.copy(TS, copy)
    done = subprocess.run(
        ["bash", str(UPDATE_SCRIPT), str(copy)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    before = {(m["context"], m["source"]) for m in MESSAGES}
    root = ET.parse(copy).getroot()
    after = {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in root.iter("context")
        for message in context.iter("message")
    }
    unfinished = [
        f"{context.findtext('name')}: {message.findtext('source')!r}"
        for context in root.iter("context")
        for message in context.iter("message")
        if (message.find("translation") is not None and message.find("translation").get("type"))  # type: ignore[union-attr]
    ]
    new = sorted(f"{c}: {s!r}" for c, s in after - before)
    gone = sorted(f"{c}: {s!r}" for c, s in before - after)
    assert not new and not unfinished, f"strings in ui/ not translated yet; {HOW_TO_FIX}:\n" + "\n".join(
        new + unfinished
    )
    assert not gone, f"the .ts has messages no longer in ui/; {HOW_TO_FIX}:\n" + "\n".join(gone)
