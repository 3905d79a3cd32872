"""`fieldapp hq demo`: a demo HQ fed by three demo laptops, each a different team and raid.

What an analyst meets on a real day, in seconds: bundles imported from every team, one team's change to a
record another team's laptop made (refused, with an alarm: records belong to the laptop that made them; an
HQ store from before that rule shows such a change as a conflict in the review queue), a few persons registered by two teams with their names
written differently (duplicate candidates), and one laptop whose first bundle never arrived (a seq gap and its
alarm; the lost bundle waits in ``demo-inbox/`` for "Import bundles…"). Deterministic for a seed.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fieldapp.demo import names
from fieldapp.demo.build import register_demo_person
from fieldapp.demo.portraits import portrait_jpeg
from fieldapp.demo.screenings import demo_screening
from fieldapp.hq import enrolments
from fieldapp.hq.errors import ImportAlarm
from fieldapp.hq.identity import HqIdentity, init_hq
from fieldapp.hq.importer import import_bundle
from fieldapp.hq.review import Review
from fieldapp.hq.store import Device, HqStore, create_store
from fieldapp.hq.views import decide_device
from fieldapp.photos.service import Photos
from fieldapp.records import disclosures, projections
from fieldapp.records.events import EVENT_COLUMNS, Event
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.sync.export import ExportResult, export_bundle
from fieldapp.sync.keys import device_public_hex, fingerprint
from fieldapp.vault.enrolment import enrol
from fieldapp.vault.session import Session, create_vault

DEMO_HQ_PASSPHRASE = "demo hq passphrase"
DEMO_HQ_NAME = "National Anti-Trafficking HQ (demo)"
DEMO_ANALYST = "HQ admin (demo)"  # who approved the demo laptops, in HQ's decisions log
LAPTOP_PASSPHRASE = "demo raid team passphrase"
INBOX = "demo-inbox"


@dataclass(frozen=True)
class Team:
    device: str
    officer: str
    operation: str
    code: str
    province: str
    date: str


TEAMS = (
    Team("team-sihanoukville", "Sok Dara", "Sihanoukville raid", "SHV", "Preah Sihanouk", "2026-11-27"),
    Team("team-bavet", "Chan Sophea", "Bavet raid", "BVT", "Svay Rieng", "2026-11-12"),
    Team("team-poipet", "Vann Piseth", "Poipet raid", "PPT", "Banteay Meanchey", "2026-10-30"),
)
DUPLICATES = 3  # persons of the first team registered again by the second, their names written differently


def build_demo_hq(
    hq_dir: Path,
    passphrase: str = DEMO_HQ_PASSPHRASE,
    *,
    persons: int = 24,
    seed: int = 11,
    database: str | None = None,
) -> str:
    """Build the demo HQ in ``hq_dir`` (which must not hold an HQ yet), its store in the SQLCipher file or
    the PostgreSQL ``database``; returns a summary in plain words."""
    rng = random.Random(seed)
    identity = init_hq(hq_dir, DEMO_HQ_NAME, passphrase, account=DEMO_ANALYST)
    store = create_store(identity, database)
    laptops: list[Session] = []
    try:
        with tempfile.TemporaryDirectory(prefix="fieldapp-demo-laptops-") as scratch:
            folder = Path(scratch)
            for team in TEAMS:
                laptops.append(_laptop(folder, team, identity, store))
            first, second, third = laptops
            ids = _register(first, TEAMS[0], persons, rng, copies=[a for a, _ in CROSS_SCRIPT])
            copies = _copies(first, ids[persons - DUPLICATES : persons]) + [b for _, b in CROSS_SCRIPT]
            _register(second, TEAMS[1], persons, rng, copies=copies)
            _register(third, TEAMS[2], max(4, persons // 4), rng)
            # The first team printed its manifest at the scene: a signed disclosure that reaches HQ's audit.
            disclosures.record(first, "print", "manifest", ids)
            _import(store, identity, _export(first, folder, "first-1"))
            _import(store, identity, _export(second, folder, "second-1"))
            # Another team's laptop changes a person the first team registered (it got the record by hand):
            # records belong to the laptop that made them, so HQ refuses that bundle and raises an alarm.
            shared = ids[1]  # not finalised (every third is), so a plain update is allowed
            _copy_record(first, second, shared)
            age = Records(first).person(shared).age or 25
            Records(first).update_person(shared, age=age + 1)
            Records(second).update_person(shared, age=age + 3)
            _import(store, identity, _export(first, folder, "first-2"))
            refused = _import(store, identity, _export(second, folder, "second-2"))
            # Poipet's first bundle is lost on the way; its second arrives and leaves a gap.
            lost = _export(third, folder, "third-1")
            third.set_meta("hq_acked_seq", str(lost.seq_to))
            person = third.conn.execute(
                "SELECT id FROM persons WHERE status = 'draft' ORDER BY temp_id"
            ).fetchone()[0]
            Records(third).update_person(str(person), urgent_needs="needs a doctor today")
            _import(store, identity, _export(third, folder, "third-2"))
            inbox = hq_dir / INBOX
            inbox.mkdir(exist_ok=True)
            for path in lost.paths:
                shutil.copy2(path, inbox / path.name)
            for session in laptops:
                session.close()
            laptops.clear()
        total = int(store.conn.execute("SELECT count(*) FROM persons").fetchone()[0])
    finally:
        for session in laptops:
            session.close()
        store.close()
    return (
        f"Demo HQ in {hq_dir}: {len(TEAMS)} teams, {total} persons, "
        f"{'1 change to another team' + chr(39) + 's record refused (an alarm), ' if refused else '1 conflict to review, '}"
        f"{DUPLICATES + len(CROSS_SCRIPT)} duplicate persons across teams (some in different scripts), "
        f"and a lost bundle in {hq_dir / INBOX} to import. "
        f"HQ passphrase: {passphrase!r}."
    )


def _laptop(folder: Path, team: Team, identity: HqIdentity, store: HqStore) -> Session:
    session = create_vault(folder / team.device, team.officer, LAPTOP_PASSPHRASE, device_name=team.device)
    with store.transaction():
        _, raw = enrolments.issue(store, identity, team.device)
    path = folder / f"{team.device}-enrolment.json"
    path.write_bytes(raw)
    enrol(session, path, fingerprint=identity.fingerprint)  # the demo's admin compared it
    key = device_public_hex(session)
    with store.transaction():
        store.add_device(
            Device(session.device_id, key, fingerprint(key), team.device, None, "pending", _at(team), None)
        )
    # Approved at once: the admin compared fingerprints at enrolment.
    decide_device(Review(store, identity), session.device_id, "approved")
    return session


def _at(team: Team) -> str:
    return f"{team.date}T08:00:00.000Z"


@dataclass(frozen=True)
class _Copy:
    """A person of another team as a second team wrote them down."""

    name: str
    name_own: str
    nationality: str
    sex: str
    age: int | None
    document_no: str


# The same person written by one team in Latin letters only and by the other in their own script only.
CROSS_SCRIPT = (
    (_Copy("CHEN WEI", "", "CHN", "male", 29, ""), _Copy("", "陈伟", "CHN", "male", 30, "")),
    (
        _Copy("SOK SREYMOM", "", "KHM", "female", 19, ""),
        _Copy("", "សុខ ស្រីមុំ", "KHM", "female", 19, ""),
    ),
)


def _copies(session: Session, person_ids: list[str]) -> list[_Copy]:
    copies = []
    for n, person_id in enumerate(person_ids):
        row = Records(session).person(person_id)
        tokens = row.name.split()
        # Another clerk: name order turned round and written in title case, the age guessed again,
        # the own-script name kept or not, and only the first still showing the same passport.
        name = " ".join(tokens[1:] + tokens[:1]).title() if len(tokens) > 1 else row.name.title()
        copies.append(
            _Copy(
                name=name,
                name_own=row.name_own if n != 1 else "",
                nationality=row.nationality,
                sex=row.sex,
                age=None if row.age is None else row.age + (1 if n % 2 else 0),
                document_no=row.document_no if n == 0 else "",
            )
        )
    return copies


def _register(
    session: Session, team: Team, count: int, rng: random.Random, *, copies: list[_Copy] | None = None
) -> list[str]:
    records = Records(session)
    screenings = Screenings(records)
    photos = Photos(records)
    province = next(p for p in names.PROVINCES_KH if p.name_en == team.province)
    compound = names.sample_compound_name(rng)
    operation = records.create_operation(
        name=f"{team.operation} — {compound}",
        code=team.code,
        date=team.date,
        province=province.name_en,
        district=province.districts[0].name_en,
        place=compound,
        lead_agency=names.AGENCIES[0].name_en,
        team=[team.officer],
    )
    ids = []
    with session.log.transaction():  # one commit: seconds, not minutes
        for index in range(count):
            demo = names.sample_person(rng)
            person = register_demo_person(records, operation.id, demo)
            if rng.random() < 0.3:
                photos.attach(person.id, portrait_jpeg(rng, person.temp_id), kind="portrait", consent=True)
            demo_screening(screenings, person.id, list(demo.languages), rng)
            if index % 3 == 0:
                records.finalise("person", person.id)
            ids.append(person.id)
        for copy in copies or []:
            person = records.register_person(
                operation.id,
                name=copy.name,
                name_own_script=copy.name_own,
                nationality=copy.nationality,
                sex=copy.sex,
                age=copy.age,
                age_uncertain=copy.age is not None,
                document_type="passport" if copy.document_no else "",
                document_no=copy.document_no,
            )
            ids.append(person.id)
    return ids


def _copy_record(source: Session, target: Session, entity_id: str) -> None:
    """Give ``target`` the record as ``source`` made it (two laptops of one raid sharing a person), unsigned
    by ``target``: its own later change then follows the shared history, as on a real second laptop."""
    rows = source.conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE entity_id = ? ORDER BY rowid", (entity_id,)
    ).fetchall()
    with target.log.transaction():
        for row in rows:
            target.conn.execute(f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 14)})", row)
            projections.apply(target.conn, Event.from_row(row))


def _export(session: Session, folder: Path, name: str) -> ExportResult:
    dest = folder / "sticks" / name
    dest.mkdir(parents=True)
    result = export_bundle(session, dest)
    if result is None:  # cannot happen: every step above added events
        raise RuntimeError(f"no bundle to export for {name}")
    return result


def _import(store: HqStore, identity: HqIdentity, result: ExportResult) -> bool:
    """Import a demo bundle; True if HQ refused it with an alarm (as it does a change to another team's record)."""
    try:
        import_bundle(store, identity, result.paths)
    except ImportAlarm:
        return True
    return False
