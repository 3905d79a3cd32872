"""`fieldapp demo`: a realistic demo vault — a raid on a scam compound in Sihanoukville.

Deterministic for a seed, so screenshots and tests see the same people every time.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from fieldapp.demo import names
from fieldapp.demo.portraits import portrait_jpeg
from fieldapp.demo.screenings import demo_screening
from fieldapp.photos.service import Photos
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import PersonRow, Records
from fieldapp.vault.session import Session, create_vault, unlock

DEMO_PASSPHRASE = "demo raid team passphrase"
DEMO_OFFICERS = (("Sok Dara", "admin"), ("Chan Sophea", "team_lead"), ("Vann Piseth", "screener"))

PORTRAIT_SHARE = 0.4
_NEEDS = (
    "",
    "",
    "",
    "needs insulin",
    "injured wrist, needs X-ray",
    "pregnant, 5 months",
    "no food for 2 days",
)


def register_demo_person(
    records: Records, operation_id: str, demo: names.DemoPerson, **more: Any
) -> PersonRow:
    """Register a sampled person as an officer would type them in (the field demo and the demo HQ)."""
    return records.register_person(
        operation_id,
        name=demo.display_latin.upper(),
        name_own_script=demo.display_own,
        nationality=demo.nationality.iso3,
        sex=demo.sex,
        age=demo.age,
        age_uncertain=demo.age_uncertain,
        languages=list(demo.languages),
        document_type="passport" if demo.passport_number else "",
        document_no=demo.passport_number or "",
        **more,
    )


def add_demo_officer(session: Session, name: str, role: str, passphrase: str) -> None:
    """An officer invited by the demo admin and signed in once, choosing ``passphrase`` (the demo's)."""
    one_time = f"demo one-time invitation for {name}"
    officer = session.add_officer(name, role, one_time)
    unlock(session.data_dir, officer.id, one_time, new_passphrase=passphrase).close()


def build_demo(data_dir: Path | str | None, passphrase: str, *, persons: int = 120, seed: int = 7) -> str:
    rng = random.Random(seed)
    admin_name, _ = DEMO_OFFICERS[0]
    session = create_vault(data_dir, admin_name, passphrase, device_name="demo-laptop-1")
    try:
        for name, role in DEMO_OFFICERS[1:]:
            add_demo_officer(session, name, role, passphrase)
        records = Records(session)
        screenings = Screenings(records)
        photos = Photos(records)
        province = next(p for p in names.PROVINCES_KH if "Sihanouk" in p.name_en)
        compound = names.sample_compound_name(rng)
        operation = records.create_operation(
            name=f"Sihanoukville raid — {compound}",
            code="SHV",
            date="2026-11-27",
            province=province.name_en,
            district=province.districts[0].name_en,
            place=compound,
            lead_agency=names.AGENCIES[0].name_en,
            team=[name for name, _ in DEMO_OFFICERS],
        )
        outcomes: dict[str, int] = {}
        with session.log.transaction():  # one commit: the demo is built in seconds, not minutes
            for index in range(persons):
                demo = names.sample_person(rng)
                person = register_demo_person(
                    records, operation.id, demo,
                    document_status="held" if demo.passport_number else rng.choice(("confiscated", "lost")),
                    urgent_needs=rng.choice(_NEEDS),
                )  # fmt: skip
                if rng.random() < PORTRAIT_SHARE:  # a consented ID portrait, as taken at intake
                    photos.attach(
                        person.id, portrait_jpeg(rng, person.temp_id), kind="portrait", consent=True
                    )
                outcome = demo_screening(screenings, person.id, list(demo.languages), rng)
                if outcome:
                    outcomes[outcome] = outcomes.get(outcome, 0) + 1
                if index % 3 == 0:
                    records.finalise("person", person.id)
    finally:
        session.close()
    summary = ", ".join(f"{n} {outcome}" for outcome, n in sorted(outcomes.items()))
    return (
        f"Demo vault in {session.data_dir}: operation {operation.name!r}, {persons} persons "
        f"({summary or 'no screenings'}); officers: {', '.join(f'{n} ({r})' for n, r in DEMO_OFFICERS)}."
    )
