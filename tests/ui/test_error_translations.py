"""The core's errors in the officer's language: one lookup by code, through the Khmer .ts file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from fieldapp.errors import ERRORS_CONTEXT, TERMS, UnlockBackoff, ValidationError, catalogue, message, term

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "fieldapp_km.ts"

# Where an officer meets errors: intake, interview, photos, handover, sync and unlock.
OFFICER_MODULES = (
    "fieldapp.errors",
    "fieldapp.paths",
    "fieldapp.atomic",
    "fieldapp.vault",
    "fieldapp.records",
    "fieldapp.photos",
    "fieldapp.sync",
    "fieldapp.reports",
    "fieldapp.reference",
)
# Where HQ's admins and analysts meet them: import, review, devices, officers, exports, the stores.
HQ_MODULES = ("fieldapp.hq",)


def _officer_facing(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in OFFICER_MODULES + HQ_MODULES)


def _translations() -> dict[tuple[str, str, str], str]:
    """(context, source, comment) -> finished Khmer text."""
    found = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for msg in context.iter("message"):
            translation = msg.find("translation")
            if (
                translation is not None
                and translation.get("type") is None
                and (translation.text or "").strip()
            ):
                found[(name, msg.findtext("source", ""), msg.findtext("comment", ""))] = (
                    translation.text or ""
                )
    return found


def test_every_officer_facing_message_and_term_has_a_khmer_text() -> None:
    declared = [m for m in catalogue().values() if _officer_facing(m.module)]
    assert len(declared) > 150
    assert sum(m.module.startswith("fieldapp.hq.") for m in declared) > 80  # HQ's errors are in the count
    khmer = _translations()
    missing = [f"{m.code}: {m.english}" for m in declared if (ERRORS_CONTEXT, m.english, m.code) not in khmer]
    missing += [f"term {c}: {e}" for c, e in TERMS if c != "tests" and (c, e, "") not in khmer]
    assert not missing, "run packaging/update-translations.sh and translate:\n" + "\n".join(missing)


def test_user_message_is_khmer_in_khmer_and_english_in_english(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.errors import user_message
    from ui.i18n import set_language

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    error = UnlockBackoff(4.2)
    try:
        assert set_language(qapp, "km")
        shown = user_message(error)
        assert "5" in shown and "ឃ្លាសម្ងាត់" in shown and "Wait" not in shown
        plain = ValidationError("Not declared yet.")
        assert user_message(plain) == "Not declared yet."  # never blank: English until declared
        unknown = ValidationError(message("tests.untranslated", "Only in English {n}."), n=3)
        assert user_message(unknown) == "Only in English 3."
        word = term("tests", "an untranslated word")
        assert user_message(ValidationError(message("tests.word", "{w} is wrong."), w=word)) == (
            "an untranslated word is wrong."
        )
    finally:
        set_language(qapp, "en")
    assert user_message(error) == error.message


# Their arguments are no message: a number of seconds; the persons who look the same (the class
# declares its message, record.possible_duplicate).
BUILDS_OWN_MESSAGE = {"UnlockBackoff", "PossibleDuplicate"}


def _error_names() -> set[str]:
    from fieldapp.errors import FieldAppError

    catalogue()  # imports every module, so every subclass is known
    found, todo = set(), [FieldAppError]
    while todo:
        cls = todo.pop()
        if cls.__module__.startswith("fieldapp"):  # the core's own (ui/ may reuse a name)
            found.add(cls.__name__)
        todo += cls.__subclasses__()
    return found


def test_officer_facing_modules_raise_only_declared_messages() -> None:
    """No FieldAppError in the officer's path is raised with a bare (untranslatable) string."""
    import ast

    errors = _error_names()
    plain = []
    for path in sorted((ROOT / "fieldapp").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        if not _officer_facing(module):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                call = node.exc
                name = call.func.id if isinstance(call.func, ast.Name) else ""
                first = call.args[0] if call.args else None
                if name in errors and isinstance(first, ast.Constant | ast.JoinedStr | ast.BinOp | ast.Name):
                    if isinstance(first, ast.Name) and (first.id.isupper() or name in BUILDS_OWN_MESSAGE):
                        continue  # a declared Message constant, or a class that declares its own
                    plain.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    assert not plain, "declare these messages with fieldapp.errors.message:\n" + "\n".join(plain)
