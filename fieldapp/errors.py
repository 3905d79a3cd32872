"""Expected failures: each is a typed error with a stable code and a plain message an officer can act on.

A message is declared once, beside the code that raises it, as a ``Message``: a stable ``code`` and an
English template with ``{named}`` parameters. An error raised with it keeps the code and the parameters,
so the desktop app can show the message in the officer's language (``ui.errors.user_message`` looks the
template up by code in the Khmer translation file), while the command line prints the English text.
Parameters that are themselves words (a field's name, a record's state) are ``Term``s, translated too.

Anything that is not a FieldAppError is a bug and goes to the one crash hook (UI) or the last-chance
handler (CLI).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
import sys
from dataclasses import dataclass, field
from typing import TypeGuard

# Every Message and Term made, by code / (context, English): what the translation file must cover.
MESSAGES: dict[str, Message] = {}
TERMS: dict[tuple[str, str], Term] = {}

ERRORS_CONTEXT = "errors"  # the Qt translation context of every Message


@dataclass(frozen=True)
class Term:
    """A word that goes into a message as a parameter and is translated on its own (a field name ...)."""

    context: str
    english: str

    def __str__(self) -> str:
        return self.english


@dataclass(frozen=True)
class Message:
    """One user-facing message: a stable code and its English template (``{name}`` parameters)."""

    code: str
    english: str
    module: str = field(default="", compare=False)

    @property
    def parameters(self) -> frozenset[str]:
        return frozenset(name for _, name, _, _ in string.Formatter().parse(self.english) if name)

    def format(self, params: dict[str, object]) -> str:
        return self.english.format(**{k: english(v) for k, v in params.items()})


@dataclass(frozen=True)
class Notice:
    """A declared message with its parameters that is no error: a warning to read before acting (the
    summary before finalising). Shown in the officer's language like an error's message."""

    message: Message
    params: dict[str, object] = field(default_factory=dict, hash=False)

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def text(self) -> str:
        return self.message.format(self.params)


def english(value: object) -> str:
    """A parameter as the English text shows it; a list of words is joined with "; "."""
    if isinstance(value, list | tuple):
        return "; ".join(english(item) for item in value)
    return str(value)


def message(code: str, english: str) -> Message:
    """Declare a message (at module level, beside the code that raises it). Codes are unique."""
    module = sys._getframe(1).f_globals.get("__name__", "")
    made = Message(code, english, module)
    known = MESSAGES.get(code)
    if known is not None and known.english != english:
        raise RuntimeError(f"message code {code!r} is declared twice with different texts")
    MESSAGES[code] = made
    return made


def term(context: str, english: str) -> Term:
    """Declare a translatable word used as a message parameter."""
    made = Term(context, english)
    TERMS[(context, english)] = made
    return made


class Said(str):
    """A declared message said rather than raised (a verdict, a notice): the English text, as a ``str``, that
    also keeps its code and parameters so the desktop app can show it in the officer's language
    (``ui.errors.said_text``) while the command line prints it as it is."""

    code: str
    template: str
    params: dict[str, object]

    def __new__(cls, text: Message, /, **params: object) -> Said:
        missing = text.parameters - params.keys()
        if missing:
            raise TypeError(f"{text.code}: missing parameters {sorted(missing)}")
        made = super().__new__(cls, text.format(params))
        made.code, made.template, made.params = text.code, text.english, params
        return made

    def __reduce__(self) -> tuple[object, ...]:  # to cross a process boundary whole
        return (_said, (Message(self.code, self.template), self.params))


def _said(text: Message, params: dict[str, object]) -> Said:
    return Said(text, **params)


class FieldAppError(Exception):
    """Base of every expected failure.

    ``FieldAppError(MESSAGE, **params)`` carries ``code``, ``template`` and ``params``; ``message`` is the
    English text. A plain string (``FieldAppError("text")``) is still accepted for messages not yet
    declared: those keep the class's code and cannot be translated.
    """

    code = "error"

    def __init__(self, text: Message | str, /, **params: object) -> None:
        if isinstance(text, Message):
            missing = text.parameters - params.keys()
            if missing:
                raise TypeError(f"{text.code}: missing parameters {sorted(missing)}")
            self.code = text.code
            self.template: str | None = text.english
            self.params: dict[str, object] = params
            rendered = text.format(params)
        else:
            self.template, self.params, rendered = None, {}, text
        super().__init__(rendered)
        self.message = rendered


# What a message said elsewhere (by HQ over the network, stored with an alarm) must look like to be shown
# through its template: a code, a template whose fields are plain names, and short plain values.
_CODE = re.compile(r"[a-z0-9_]{1,40}(\.[a-z0-9_]{1,60}){0,3}")
MAX_TEMPLATE = 1000
MAX_VALUE = 500
MAX_PARAMS = 16
# Messages inside messages: an import alarm names the rule a bundle broke, which names the event.
MAX_NESTING = 2


def plain_record(
    code: str, template: str, params: dict[str, object], *, depth: int = MAX_NESTING
) -> dict[str, object]:
    """A declared message with its parameters as plain JSON. A word (a ``Term``) is kept as a small tagged
    record, ``{"term": [context, english]}``, which a reader rebuilds only if it declares that word too.
    A parameter that is itself a message said (a ``Said``, or a list of them: the rule an import broke)
    keeps its own record, down to ``MAX_NESTING`` levels, so it is translated too."""
    used = Message(code, template).parameters  # what the text shows (an error may carry more, for code)
    return {
        "code": code,
        "template": template,
        "params": {k: _plain(v, depth) for k, v in params.items() if k in used},
    }


def record_of(text: Said | FieldAppError) -> dict[str, object] | None:
    """``plain_record`` of a Said or of an error raised with a declared message (None: an undeclared one)."""
    if isinstance(text, Said):
        return plain_record(text.code, text.template, text.params)
    if text.template is None:
        return None
    return plain_record(text.code, text.template, text.params)


def _plain(value: object, depth: int) -> object:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, Term):
        return {"term": [value.context, value.english]}
    if depth > 0 and isinstance(value, Said):
        return plain_record(value.code, value.template, value.params, depth=depth - 1)
    if depth > 0 and isinstance(value, list | tuple) and value and all(isinstance(v, Said) for v in value):
        return [_plain(v, depth) for v in value]
    return english(value)


def said_from_record(record: object, *, depth: int = MAX_NESTING) -> Said | None:
    """A message said elsewhere (``plain_record``), rebuilt only if it is plain: a known-shaped code, a
    template whose every field is a plain name (no attribute, index, conversion or format spec), its
    fields exactly the parameters given, each a short string or a number, or (down to ``MAX_NESTING``
    levels) a message record of the same kind or a short list of them. A word record (``{"term":
    [context, english]}``) is the ``Term`` this program declares for that pair, else its English text.
    Anything else is None, and the caller shows the English text it was given instead."""
    if not isinstance(record, dict):
        return None
    code, template, params = record.get("code"), record.get("template"), record.get("params")
    if not (isinstance(code, str) and _CODE.fullmatch(code)):
        return None
    if not (isinstance(template, str) and len(template) <= MAX_TEMPLATE and isinstance(params, dict)):
        return None
    if len(params) > MAX_PARAMS:
        return None
    values: dict[str, object] = {}
    for name, value in params.items():
        if _plain_value(value):
            values[name] = value
        elif _is_term_record(value):
            values[name] = _term_from_record(value)
        elif depth > 0 and isinstance(value, dict):
            inner = said_from_record(value, depth=depth - 1)
            if inner is None:
                return None
            values[name] = inner
        elif depth > 0 and isinstance(value, list) and 0 < len(value) <= MAX_PARAMS:
            said = [said_from_record(item, depth=depth - 1) for item in value]
            if any(item is None for item in said):
                return None
            values[name] = said
        else:
            return None
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return None
    fields = set()
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or not name.isascii() or spec or conversion is not None:
            return None
        fields.add(name)
    if fields != set(values):
        return None
    return Said(Message(code, template), **values)


def _is_term_record(value: object) -> TypeGuard[dict[str, list[str]]]:
    if not (isinstance(value, dict) and set(value) == {"term"}):
        return False
    pair = value["term"]
    return (
        isinstance(pair, list)
        and len(pair) == 2
        and all(isinstance(part, str) and len(part) <= MAX_VALUE for part in pair)
    )


def _term_from_record(value: dict[str, list[str]]) -> Term | str:
    """The word only if this program declares it (its translation is then one the app ships); a word
    it does not know stays English, never looked up as given."""
    context, english_text = value["term"]
    return TERMS.get((context, english_text), english_text)


def _plain_value(value: object) -> bool:
    if isinstance(value, str):
        return len(value) <= MAX_VALUE
    return isinstance(value, int | float) and not isinstance(value, bool) and len(str(value)) <= 40


def catalogue() -> dict[str, Message]:
    """Every message the core declares: imports each module of ``fieldapp`` so their messages register."""
    import fieldapp

    for module in pkgutil.walk_packages(fieldapp.__path__, "fieldapp."):
        if module.name != "fieldapp.__main__":
            importlib.import_module(module.name)
    return dict(MESSAGES)


CANNOT_READ = message("file.cannot_read", "Cannot read {path}: {reason}.")
CANNOT_WRITE = message("file.cannot_write", "Cannot write {path}: {reason}.")


class DataDirError(FieldAppError):
    code = "data_dir"


class VaultNotFound(FieldAppError):
    code = "vault_not_found"


class VaultExists(FieldAppError):
    code = "vault_exists"


class VaultTooNew(FieldAppError):
    code = "vault_too_new"


class VaultCorrupt(FieldAppError):
    code = "vault_corrupt"


class KeySlotsCorrupt(FieldAppError):
    code = "keyslots_corrupt"


class WrongPassphrase(FieldAppError):
    code = "wrong_passphrase"


UNLOCK_BACKOFF = message(
    "unlock.backoff", "Too many wrong passphrases. Wait {seconds} seconds before trying again."
)


class UnlockBackoff(FieldAppError):
    code = "unlock_backoff"

    def __init__(self, wait_seconds: float) -> None:
        self.wait_seconds = wait_seconds
        super().__init__(UNLOCK_BACKOFF, seconds=int(wait_seconds + 0.999))


class UnknownOfficer(FieldAppError):
    code = "unknown_officer"


class OfficerRevoked(FieldAppError):
    """HQ revoked this officer (its signed receipt said so): they may no longer unlock this laptop."""

    code = "officer_revoked"


class NotAllowed(FieldAppError):
    """The officer's role does not allow this action."""

    code = "not_allowed"


class RecordStateError(FieldAppError):
    """The record is not in a state that allows this change (e.g. editing a final record)."""

    code = "record_state"


class ValidationError(FieldAppError):
    code = "invalid"


class StorageFull(FieldAppError):
    code = "storage_full"


class IntegrityError(FieldAppError):
    """The event log or a projection failed a check (tampering or corruption)."""

    code = "integrity"


class EnrolmentError(FieldAppError):
    code = "enrolment"


class Busy(FieldAppError):
    """Another fieldapp program holds the lock of a file this one must change."""

    code = "busy"


class ChoosePassphrase(FieldAppError):
    """An officer's first unlock: the one-time invitation passphrase was right; they now choose their own."""

    code = "choose_passphrase"


class WeakPassphrase(ValidationError):
    code = "weak_passphrase"
