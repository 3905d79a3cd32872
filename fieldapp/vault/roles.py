"""Officers' roles and what is said about them: shared by the session (who is signed in, what they may do)
and by officer management (fieldapp.vault.officers), which the session calls.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.errors import ValidationError, message, term
from fieldapp.records.authority import ROLES

UNKNOWN_ROLE = message("officer.unknown_role", "Unknown role '{role}'; choose one of: {roles}.")
NEEDS_NAME = message("officer.needs_name", "The officer needs a name.")
NAME_TAKEN = message("officer.name_taken", "There is already an officer called '{name}'.")
CANNOT_DISABLE_SELF = message(
    "officer.cannot_disable_self", "You cannot disable yourself; ask another admin."
)
ALREADY_DISABLED = message("officer.already_disabled", "{name} is already disabled.")

ADD_OFFICERS = term("actions", "add officers")
DISABLE_OFFICERS = term("actions", "disable officers")
ROLE_LABELS = {role: term("roles", role.replace("_", " ")) for role in ROLES}
LOG_FORMAT_META = "log_format"  # meta key: the vault's log format (records.authority.LOG_FORMAT once moved)


@dataclass(frozen=True)
class Officer:
    id: str
    name: str
    role: str
    active: bool

    def has_role(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


def check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationError(UNKNOWN_ROLE, role=role, roles=", ".join(ROLES))
