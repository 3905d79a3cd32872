"""Typed failures at HQ, with plain messages for the HQ admin."""

from __future__ import annotations

from fieldapp.sync.errors import SyncError


class HqError(SyncError):
    code = "hq"


class HqNotFound(HqError):
    code = "hq_not_found"


class HqExists(HqError):
    code = "hq_exists"


class BundleRefused(HqError):
    """A sound bundle HQ will not take: another HQ's, a revoked device's, a key that does not match."""

    code = "bundle_refused"


class DevicePending(BundleRefused):
    """The device is not approved yet: it is listed (with its fingerprint) for the admin to decide."""

    code = "device_pending"

    @property
    def device_name(self) -> str:
        return str(self.params.get("name", ""))

    @property
    def fingerprint(self) -> str:
        return str(self.params.get("fingerprint", ""))


class ImportAlarm(BundleRefused):
    """Same event id with another hash, a reused seq or a broken chain: a security alarm, nothing imported."""

    code = "import_alarm"


class MissingPrerequisite(HqError):
    """The bundle amends records HQ has not received yet (from another device)."""

    code = "missing_prerequisite"


class ReviewError(HqError):
    """An analyst's decision HQ refuses (short reason, unknown record, a pair already linked ...)."""

    code = "review"


class DecisionLogBroken(HqError):
    """HQ's decision log fails its hash chain or signature check: someone altered the store."""

    code = "decision_log_broken"


class AccountError(HqError):
    """An HQ account that cannot be added, changed or disabled as asked (a name taken, the last admin ...)."""

    code = "hq_account"


class UnknownAccount(AccountError):
    code = "hq_unknown_account"


class AccountDisabled(AccountError):
    code = "hq_account_disabled"


class NotAllowed(HqError):
    """The signed-in account's role does not allow this (a liaison deciding, an analyst adding accounts)."""

    code = "hq_not_allowed"
