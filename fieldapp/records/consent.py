"""Which consent governs a disclosure, and whether the person gave it.

The screening records, before the interview, with whom the person agrees their data is shared
(``share_embassy``, ``share_mosvy``, ``share_ngo_iom``, ``share_police``); a handover records again
whether they consent to this referral and to sharing their data with this body. Every disclosure (a
handover, a partner package, an embassy list) checks the consent that governs it here, on a laptop's
vault or HQ's store alike (both hold the same tables).

The rule errs toward the person's safety: a disclosure goes ahead only when the governing consent was
given and never refused since. A "no" anywhere (the screening, a later screening, an amendment that
records a withdrawal, the handover itself) wins over an earlier or a concurrent "yes"; nothing recorded
is no consent. A team lead may override a refusal with a written reason, which is signed with the
handover and printed on the form.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from fieldapp.errors import FieldAppError, Term, ValidationError, message, term
from fieldapp.records.screening_record import SHARE_WITH
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.vault.db import Connection, id_slices

ShareKey = Literal["share_embassy", "share_mosvy", "share_ngo_iom", "share_police"]

# The consent each kind of receiving body needs. Immigration is a police service; a hospital needs none:
# emergency care never waits for a consent form.
CONSENT_FOR_RECEIVER: Mapping[str, ShareKey] = {
    "embassy": "share_embassy",
    "mosvy": "share_mosvy",
    "iom": "share_ngo_iom",
    "ngo": "share_ngo_iom",
    "police_atu": "share_police",
    "immigration": "share_police",
}
BODIES: Mapping[str, str] = {
    "share_embassy": "their embassy or consulate",
    "share_mosvy": "MoSVY / DoSVY (social affairs)",
    "share_ngo_iom": "an NGO or IOM",
    "share_police": "the police",
}
assert set(BODIES) == set(SHARE_WITH)
# Each reason a disclosure may lack consent, as a translatable phrase (key, when) -> words.
REASONS: Mapping[tuple[str, str], Term] = {
    **{
        (key, when): term("consent", text.format(body=body))
        for key, body in BODIES.items()
        for when, text in (
            ("screening", "at the screening they said no to sharing their data with {body}"),
            ("handover", "at this handover they said no to sharing their data with {body}"),
            ("never", "they were never asked whether their data may be shared with {body}"),
        )
    },
    ("consent_referral", "handover"): term("consent", "they do not consent to this referral"),
}
PROTECTED = message(
    "consent.protected",
    'A "do not notify" flag protects this person ({reason}): their embassy must not be told, whatever '
    "else was consented. A team lead lifts the flag first, with a reason, if that has changed.",
)
CONSENT_MISSING = message(
    "consent.missing",
    "Not without the person's consent: {reasons}. A team lead may go ahead only with a written reason, "
    "which is printed on the form.",
)


class ConsentMissing(FieldAppError):
    code = "consent_missing"


@dataclass(frozen=True)
class Refusal:
    """A consent a disclosure lacks: which one (a share_* key or ``consent_referral``) and why."""

    key: str
    when: str  # "screening", "handover" or "never"

    @property
    def reason(self) -> Term:
        return REASONS[(self.key, self.when)]


def consent_given(answers: Iterable[Any]) -> bool | None:
    """Many records' answers to one consent: a "no" anywhere wins, then a "yes"; None if none asked."""
    seen = list(answers)
    if any(a is False for a in seen):
        return False
    return True if any(a is True for a in seen) else None


def screening_answers(conn: Connection, person_ids: Iterable[str], key: str) -> list[Any]:
    """What the person's screenings (drafts, finals, amendments recording a withdrawal) say for ``key``."""
    screenings, _ = consent_records(conn, person_ids)
    return [(data.get("consent") or {}).get(key) for found in screenings.values() for data in found]


def consent_records(
    conn: Connection, person_ids: Iterable[str]
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """Per person, the data of the screenings that may record consent (all but withdrawn or purged) and
    of the final handovers: what ``may_share`` weighs."""
    screenings: dict[str, list[dict[str, Any]]] = defaultdict(list)
    handovers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for chunk, marks in id_slices(person_ids):
        for person_id, raw in conn.execute(
            f"SELECT person_id, data FROM screenings WHERE person_id IN ({marks}) "
            "AND status NOT IN ('withdrawn', 'purged')",
            chunk,
        ):
            screenings[str(person_id)].append(json.loads(raw) or {})
        for person_id, raw in conn.execute(
            f"SELECT person_id, data FROM handovers WHERE person_id IN ({marks}) AND status = 'final'", chunk
        ):
            handovers[str(person_id)].append(json.loads(raw) or {})
    return screenings, handovers


def refusals(conn: Connection, person_ids: Iterable[str], handover: Mapping[str, Any]) -> list[Refusal]:
    """What consent a handover to ``handover['receiving_type']`` lacks (empty: it may go ahead)."""
    found = []
    if handover.get("consent_referral") is False:
        found.append(Refusal("consent_referral", "handover"))
    key = CONSENT_FOR_RECEIVER.get(str(handover.get("receiving_type") or ""))
    if key is None:
        return found
    at_screening = consent_given(screening_answers(conn, person_ids, key))
    at_handover = handover.get("consent_sharing")
    if at_screening is False:
        found.append(Refusal(key, "screening"))
    elif at_handover is False:
        found.append(Refusal(key, "handover"))
    elif at_screening is None and at_handover is None:
        found.append(Refusal(key, "never"))
    return found


def protected_reason(conn: Connection, person_id: str) -> str | None:
    """The reason of a "do not notify" flag in force on the person (it overrides every consent)."""
    for (payload,) in conn.execute(
        "SELECT payload FROM events WHERE entity = 'person' AND entity_id = ? AND op = 'do_not_notify' "
        "ORDER BY created_at DESC, event_id DESC LIMIT 1",
        (person_id,),
    ):
        flag = json.loads(payload)
        return str(flag.get("reason", "")) if flag.get("on") else None
    return None


def missing_consent(refused: list[Refusal]) -> ConsentMissing:
    return ConsentMissing(CONSENT_MISSING, reasons=[r.reason for r in refused])


def may_share(
    key: str, screenings: Iterable[Mapping[str, Any]], handovers: Iterable[Mapping[str, Any]] = ()
) -> bool:
    """Whether a package or list for a partner governed by ``key`` may include a person, from the data of
    their screenings and final handovers: one said yes (a handover to a body of that kind counts) and
    none said no."""
    at_screenings = [(s.get("consent") or {}).get(key) for s in screenings]
    at_handovers = [
        h.get("consent_sharing")
        for h in handovers
        if CONSENT_FOR_RECEIVER.get(h.get("receiving_type", "")) == key
    ]
    return consent_given([*at_screenings, *at_handovers]) is True


NOTHING_TO_WITHDRAW = message(
    "consent.nothing_to_withdraw",
    "This person has no screening that records consent; record their refusal on the handover instead.",
)


def withdraw_consent(records: Records, person_id: str, key: str, reason: str) -> int:
    """Record that the person withdrew a consent: every screening of theirs that says yes now says no (a
    draft is saved; a final one is amended with the reason, by a team lead). Returns how many changed.
    Synced like any change, so HQ and every later export respect it."""
    if key not in BODIES:
        raise ValueError(f"unknown consent {key!r}")
    screenings = Screenings(records)
    found = screenings.for_person(person_id)
    if not found:
        raise ValidationError(NOTHING_TO_WITHDRAW)
    changed = 0
    with records.session.log.transaction():
        for screening in found:
            if screening.status not in ("draft", "final"):
                continue
            consent = screening.sections.get("consent") or {}
            if consent.get(key) is False:
                continue
            update = {"consent": {key: False}}
            if screening.status == "draft":
                screenings.save(screening.id, update)
            else:
                screenings.amend(screening.id, update, reason)
            changed += 1
    return changed
