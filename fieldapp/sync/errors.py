"""Typed failures of sync: each carries a plain message an officer or HQ admin can act on."""

from __future__ import annotations

from fieldapp.errors import FieldAppError, StorageFull


class SyncError(FieldAppError):
    code = "sync"


class NotEnrolled(SyncError):
    code = "not_enrolled"


class ExportFailed(SyncError):
    """The bundle could not be written (stick pulled, read-only, I/O error); nothing was recorded as sent."""

    code = "export_failed"


class BundleDiskFull(StorageFull):
    code = "bundle_disk_full"


class BundleInvalid(SyncError):
    """Damaged, truncated, tampered with or not a bundle at all."""

    code = "bundle_invalid"


class ReceiptInvalid(SyncError):
    code = "receipt_invalid"
