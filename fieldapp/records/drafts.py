"""Where an interview was left: the step a draft screening was last shown at, so it resumes there.

An interview is often interrupted (the person is called away, the laptop locks, another officer takes
over). The step is working state of this laptop, not part of the record: it lives in the vault's
``meta`` table (encrypted, never synced, no event), keyed by the screening, and is forgotten when the
screening is finalised.
"""

from __future__ import annotations

from fieldapp.vault.db import Connection

# The interview's steps, in order (the intelligence step is shown to team leads only).
INTERVIEW_STEPS = (
    "consent",
    "interpreter",
    "recruitment",
    "exploitation",
    "indicators",
    "needs",
    "intelligence",
    "assessment",
)
TEAM_LEAD_ONLY_STEPS = frozenset({"intelligence"})
_PREFIX = "draft_step:"


def steps_for(team_lead: bool) -> tuple[str, ...]:
    """The steps an officer sees: all eight for a team lead, the others without the intelligence step."""
    return tuple(s for s in INTERVIEW_STEPS if team_lead or s not in TEAM_LEAD_ONLY_STEPS)


def step_position(step: str | None, team_lead: bool) -> tuple[int, int]:
    """(n, of) for "step n of 8": the step's place among the officer's steps. A step this officer does
    not see (or none remembered) counts as the one before it (or the first)."""
    shown = steps_for(team_lead)
    if step not in INTERVIEW_STEPS:
        return 1, len(shown)
    before = INTERVIEW_STEPS[: INTERVIEW_STEPS.index(step) + 1]
    return max(1, sum(1 for s in before if s in shown)), len(shown)


def remember_step(conn: Connection, screening_id: str, step: str) -> None:
    if step in INTERVIEW_STEPS:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_PREFIX + screening_id, step))


def last_step(conn: Connection, screening_id: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_PREFIX + screening_id,)).fetchone()
    return str(row[0]) if row is not None and row[0] in INTERVIEW_STEPS else None


def forget_step(conn: Connection, screening_id: str) -> None:
    conn.execute("DELETE FROM meta WHERE key = ?", (_PREFIX + screening_id,))
