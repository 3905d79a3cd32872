"""Typed, user-facing failures of the photo pipeline."""

from __future__ import annotations

from fieldapp.errors import FieldAppError, IntegrityError


class PhotoRejected(FieldAppError):
    """A file or capture that is not taken in: not a photo, damaged, too big, unreadable, a duplicate."""

    code = "photo_rejected"


class PhotoUnavailable(FieldAppError):
    """The photo was purged, or its encrypted file is gone from this laptop."""

    code = "photo_unavailable"


class PhotoDamaged(IntegrityError):
    """The stored bytes do not decrypt, or do not match the hash taken at capture."""

    code = "photo_damaged"
