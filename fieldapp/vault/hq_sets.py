"""HQ's indicator sets kept in the vault (from the enrolment file), offered to screening at each unlock.

Apart from ``fieldapp.vault.enrolment`` so that unlocking (``fieldapp.vault.session``) can install them
without importing the enrolment, which imports the session.
"""

from __future__ import annotations

import json

from fieldapp.errors import ValidationError
from fieldapp.screening.sets import install_vault_sets, parse_sets

SETS_META = "hq_indicator_sets"  # meta key: JSON list of HQ's raw set files


def install_indicator_sets(stored: str | None) -> str | None:
    """Offer the sets kept in the vault to screening; called at every unlock. Returns a warning if
    they no longer validate (the shipped sets are then used alone) instead of refusing to unlock."""
    try:
        install_vault_sets(parse_sets(json.loads(stored)) if stored else {})
    except (ValueError, TypeError, ValidationError) as exc:
        install_vault_sets({})
        return f"HQ's indicator sets kept in this vault are not usable ({exc}); the shipped sets are used."
    return None
