"""`fieldapp demo`: a realistic demo vault — a raid on a scam compound in Sihanoukville, a few presumed victims
handed over at the end.

Deterministic for a seed, so screenshots and tests see the same people every time.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path
from typing import Any

from fieldapp.atomic import fsync_dir
from fieldapp.demo import names
from fieldapp.demo.handovers import Scene, Typed, hand_over, may_go_to_embassy, protected_persons
from fieldapp.demo.portraits import portrait_jpeg
from fieldapp.demo.screenings import demo_screening
from fieldapp.errors import VaultExists, message
from fieldapp.paths import VAULT_FILE, prepare_data_dir
from fieldapp.photos.service import Photos
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import PersonRow, Records
from fieldapp.reference.consulates import mission_for
from fieldapp.vault.session import EXISTS, Session, create_vault, unlock

DEMO_PASSPHRASE = "demo raid team passphrase"
DEMO_OFFICERS = (("Sok Dara", "admin"), ("Chan Sophea", "team_lead"), ("Vann Piseth", "screener"))

NOT_EMPTY = message(
    "demo.not_empty", "The folder {folder} is not empty; choose a new or empty folder for the demo vault."
)

PORTRAIT_SHARE = 0.4
# No HQ enrolled this laptop, so it holds no HQ-signed directory: its team types the receiving bodies
# (flagged for HQ to map), and one foreign worker goes to their embassy.
TYPED_BODIES = (
    Typed("mosvy", "Preah Sihanouk Department of Social Affairs"),
    Typed("ngo", "Sihanoukville transit shelter (NGO)"),
    Typed("iom", "IOM Phnom Penh"),
)
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


def _partial_folders(target: Path) -> list[Path]:
    return list(target.parent.glob(f".{target.name}.partial-*"))


def _sweep_partials(target: Path) -> None:
    """Folders of demos killed midway (their process is gone): never a vault anyone can use."""
    for folder in _partial_folders(target):
        pid = folder.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process, or a platform that cannot tell: leave it
    return True


def build_demo(data_dir: Path | str | None, passphrase: str, *, persons: int = 120, seed: int = 7) -> str:
    """Build the demo in a hidden folder beside the target and move it into place only when complete,
    so a demo killed midway never leaves a half-built vault (nor its photo files) where one is expected."""
    target = prepare_data_dir(data_dir)
    if (target / VAULT_FILE).exists():
        raise VaultExists(EXISTS, folder=target)
    if any(target.iterdir()):
        raise VaultExists(NOT_EMPTY, folder=target)
    _sweep_partials(target)
    partial = target.parent / f".{target.name}.partial-{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    try:
        summary = _build(partial, passphrase, persons=persons, seed=seed)
        if target.exists():
            target.rmdir()  # empty, checked above
        os.replace(partial, target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    fsync_dir(target.parent)
    return summary.replace(str(partial), str(target))


def _build(data_dir: Path, passphrase: str, *, persons: int, seed: int) -> str:
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
                    records,
                    operation.id,
                    demo,
                    document_status="held" if demo.passport_number else rng.choice(("confiscated", "lost")),
                    urgent_needs=rng.choice(_NEEDS),
                )
                if rng.random() < PORTRAIT_SHARE:  # a consented ID portrait, as taken at intake
                    photos.attach(
                        person.id, portrait_jpeg(rng, person.temp_id), kind="portrait", consent=True
                    )
                outcome = demo_screening(screenings, person.id, list(demo.languages), rng)
                if outcome:
                    outcomes[outcome] = outcomes.get(outcome, 0) + 1
                if index % 3 == 0:
                    records.finalise("person", person.id)
            handed = _hand_over(records, compound)
    finally:
        session.close()
    summary = ", ".join(f"{n} {outcome}" for outcome, n in sorted(outcomes.items()))
    return (
        f"Demo vault in {session.data_dir}: operation {operation.name!r}, {persons} persons "
        f"({summary or 'no screenings'}; {handed} handed over); officers: {', '.join(f'{n} ({r})' for n, r in DEMO_OFFICERS)}."
    )


def _hand_over(records: Records, place: str) -> int:
    """A few persons whose outcome protects them handed over by the team lead: to typed bodies, and one
    foreign worker who let their embassy be told to that embassy (one resident in Phnom Penh). Returns how many."""
    scene = Scene(place, names.AGENCIES[0].name_en, records.session.officer.name, "2026-11-27")
    protected = protected_persons(records)
    embassy = next(
        (
            pid
            for pid, nat in protected
            if nat != "KHM" and mission_for(nat).resident and may_go_to_embassy(records, pid)
        ),
        None,
    )
    others = [pid for pid, _ in protected if pid != embassy][: len(TYPED_BODIES)]
    for n, (person_id, body) in enumerate(zip(others, TYPED_BODIES, strict=False)):
        hand_over(records, person_id, scene, n, typed=body)
    if embassy is not None:
        hand_over(records, embassy, scene, len(others))
    return len(others) + (embassy is not None)
