"""Demo handovers: a team lead hands over a few persons whose screening outcome protects them, through the
core's handover service, as at the scene: to a body of the laptop's directory, to a body typed by hand, or to
the embassy of the person's own country (only where the consent check lets it go ahead)."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.records.consent import protected_reason, refusals
from fieldapp.records.handovers import Handovers
from fieldapp.records.service import Records
from fieldapp.reference.consulates import mission_for
from fieldapp.reference.receiving_bodies import HQ_DIRECTORY_META, bodies

PROTECTIVE = ("PRESUMED_VICTIM", "PRESUMED_CHILD_VICTIM")


@dataclass(frozen=True)
class Scene:
    """Where and by whom the persons of one raid are handed over."""

    place: str
    agency: str
    officer: str
    date: str  # YYYY-MM-DD, the raid's day


@dataclass(frozen=True)
class Typed:
    """A receiving body typed by hand (flagged for HQ to map to an entry of its directory)."""

    receiving_type: str
    name: str


RECEIVING_OFFICERS = ("Chea Sophal", "Meas Bopha", "Ly Dara", "Keo Sreyneang", "Pich Vuthy")


def protected_persons(records: Records, person_ids: list[str] | None = None) -> list[tuple[str, str]]:
    """(person id, nationality) of the persons not handed over yet whose outcome protects them, by temp id;
    ``person_ids``: only among these."""
    rows = records.conn.execute(
        "SELECT id, nationality FROM persons WHERE outcome IN (?, ?) AND handed_over = 0 "
        "AND status != 'withdrawn' ORDER BY temp_id",
        PROTECTIVE,
    ).fetchall()
    allowed = None if person_ids is None else set(person_ids)
    return [(str(r[0]), str(r[1] or "")) for r in rows if allowed is None or r[0] in allowed]


def may_go_to_embassy(records: Records, person_id: str) -> bool:
    """The core's own check: no "do not notify" flag, and the person let their embassy be told."""
    conn = records.conn
    return protected_reason(conn, person_id) is None and not refusals(
        conn, [person_id], {"receiving_type": "embassy", "consent_referral": True}
    )


def directory_ids(records: Records) -> set[str]:
    """The ids of the receiving bodies in the laptop's directory (HQ's signed copy once enrolled)."""
    return {body.id for body in bodies(records.session.meta(HQ_DIRECTORY_META))}


def hand_over(
    records: Records, person_id: str, scene: Scene, n: int, *, body_id: str = "", typed: Typed | None = None
) -> str:
    """Draft and hand over one person (the session's officer must be a team lead); returns the handover id.
    ``body_id``: a directory entry; ``typed``: a body typed by hand; neither: the embassy of their country."""
    handovers = Handovers(records)
    fields: dict[str, object] = {
        "date_time": f"{scene.date}T{15 + n % 4:02d}:{(n * 17) % 60:02d}",
        "place": scene.place,
        "transferring_agency": scene.agency,
        "transferring_officer": scene.officer,
        "receiving_officer": RECEIVING_OFFICERS[n % len(RECEIVING_OFFICERS)],
        "consent_referral": True,
    }
    embassy = typed is None
    if body_id:
        fields["receiving_body_id"] = body_id
        listed = {body.id: body for body in bodies(records.session.meta(HQ_DIRECTORY_META))}
        embassy = listed[body_id].type == "embassy"
    elif typed is not None:
        fields.update(receiving_type=typed.receiving_type, receiving_name=typed.name)
    else:
        nationality = records.person(person_id).nationality
        fields.update(
            receiving_type="embassy",
            receiving_country=nationality,
            receiving_name=mission_for(nationality).name_en,
        )
    if not embassy:  # asked at the handover: the screening asked only about MoSVY and the embassy
        fields["consent_sharing"] = True
    draft = handovers.draft(person_id, **fields)
    handovers.hand_over(draft.id)
    return draft.id
