"""Expected failures: each is a typed error with a plain message an officer can act on.

The UI shows ``str(error)``; anything that is not a FieldAppError is a bug and goes to the
one crash hook.
"""

from __future__ import annotations


class FieldAppError(Exception):
    """Base of every expected failure. ``code`` is stable (for tests and translations)."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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


class UnlockBackoff(FieldAppError):
    code = "unlock_backoff"

    def __init__(self, wait_seconds: float) -> None:
        self.wait_seconds = wait_seconds
        super().__init__(
            f"Too many wrong passphrases. Wait {int(wait_seconds + 0.999)} seconds before trying again."
        )


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
