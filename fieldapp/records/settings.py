"""Settings that belong to the vault (they may be sensitive, so they live encrypted inside it).

UI-only state (window geometry, last folder) stays in QSettings; what an officer chooses for the
work — idle timeout, the current operation, the printer — is here, with its default declared once.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.errors import ValidationError
from fieldapp.records.fields import NOT_A_WHOLE_NUMBER, OUT_OF_RANGE, label
from fieldapp.vault.session import Session

_PREFIX = "setting:"


@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    minimum: int | None = None
    maximum: int | None = None


IDLE_LOCK_MINUTES = Setting("idle_lock_minutes", "3", 1, 10)
CURRENT_OPERATION = Setting("current_operation", "")
PRINTER = Setting("printer", "")
RETENTION_DAYS = Setting("retention_days", "14", 1, 365)
ALL = (IDLE_LOCK_MINUTES, CURRENT_OPERATION, PRINTER, RETENTION_DAYS)
for _setting in ALL:
    label(_setting.key)


def get(session: Session, setting: Setting) -> str:
    value = session.meta(_PREFIX + setting.key)
    return setting.default if value is None else value


def get_int(session: Session, setting: Setting) -> int:
    return int(get(session, setting))


def put(session: Session, setting: Setting, value: str | int) -> None:
    text = str(value).strip()
    if setting.minimum is not None and setting.maximum is not None:
        try:
            number = int(text)
        except ValueError:
            raise ValidationError(NOT_A_WHOLE_NUMBER, name=label(setting.key)) from None
        if not setting.minimum <= number <= setting.maximum:
            raise ValidationError(
                OUT_OF_RANGE,
                name=label(setting.key),
                low=setting.minimum,
                high=setting.maximum,
            )
    session.set_meta(_PREFIX + setting.key, text)
