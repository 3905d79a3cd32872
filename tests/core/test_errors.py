"""Errors carry a stable code and parameters; the English text is built from a declared template."""

from __future__ import annotations

import string

import pytest

from fieldapp.errors import (
    MESSAGES,
    FieldAppError,
    UnlockBackoff,
    ValidationError,
    catalogue,
    message,
    term,
)

SAMPLE = message("test.sample", "{field} must be at most {limit} characters.")
FIELD = term("tests", "document no")


def test_an_error_keeps_code_template_and_parameters() -> None:
    error = ValidationError(SAMPLE, field=FIELD, limit=50)
    assert error.code == "test.sample"
    assert error.template == SAMPLE.english
    assert error.params == {"field": FIELD, "limit": 50}
    assert error.message == str(error) == "document no must be at most 50 characters."


def test_a_plain_text_error_keeps_its_class_code_and_is_not_translatable() -> None:
    error = ValidationError("Something plain.")
    assert error.code == "invalid" and error.template is None and error.message == "Something plain."


def test_a_missing_parameter_is_a_bug_not_a_broken_message() -> None:
    with pytest.raises(TypeError, match="limit"):
        ValidationError(SAMPLE, field="x")


def test_one_code_one_text() -> None:
    assert message("test.sample", SAMPLE.english) == SAMPLE  # declaring it again is harmless
    with pytest.raises(RuntimeError, match="declared twice"):
        message("test.sample", "Another text.")


def test_unlock_backoff_rounds_the_wait_up() -> None:
    error = UnlockBackoff(4.2)
    assert error.code == "unlock.backoff" and error.params == {"seconds": 5}
    assert "Wait 5 seconds" in error.message


def test_the_catalogue_holds_every_declared_message_with_well_formed_templates() -> None:
    found = catalogue()
    assert "unlock.backoff" in found and found is not MESSAGES
    for code, declared in found.items():
        assert declared.code == code
        fields = [name for _, name, _, _ in string.Formatter().parse(declared.english) if name is not None]
        assert all(name.isidentifier() for name in fields), (code, fields)  # named, never positional
        assert declared.english.strip() == declared.english, code


def test_a_field_app_error_is_still_an_exception_with_its_text() -> None:
    with pytest.raises(FieldAppError, match="at most 3"):
        raise ValidationError(SAMPLE, field="name", limit=3)
