"""`fieldapp hq demo`: a demo HQ fed by three demo laptops, each a different team and raid.

What an analyst meets on a real day, in seconds: bundles imported from every team, one team's change to a
record another team's laptop made (refused, with an alarm: records belong to the laptop that made them; an
HQ store from before that rule shows such a change as a conflict in the review queue), a few persons registered by two teams with their names
written differently (duplicate candidates), and one laptop whose first bundle never arrived (a seq gap and its
alarm; the lost bundle waits in ``demo-inbox/`` for "Import bundles…"), and persons handed over: bodies picked
from the directory each laptop got, HQ-signed, with its enrolment (and one typed), one referral received at HQ
by the signed copy's code, one refused, and follow-up statuses. Deterministic for a seed.
"""

from __future__ import annotations

import itertools
import random
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fieldapp.demo import names
from fieldapp.demo.build import register_demo_person
from fieldapp.demo.handovers import (
    Scene,
    Typed,
    directory_ids,
    hand_over,
    may_go_to_embassy,
    protected_persons,
)
from fieldapp.demo.portraits import portrait_jpeg
from fieldapp.demo.screenings import demo_screening
from fieldapp.hq import enrolments, followup
from fieldapp.hq.errors import ImportAlarm
from fieldapp.hq.identity import HqIdentity, init_hq
from fieldapp.hq.importer import import_bundle
from fieldapp.hq.referrals import acknowledge_by_code, record_status, referrals
from fieldapp.hq.review import Review
from fieldapp.hq.store import Device, HqStore, create_store
from fieldapp.hq.views import decide_device
from fieldapp.photos.service import Photos
from fieldapp.records import disclosures, projections
from fieldapp.records.events import EVENT_COLUMNS, Event
from fieldapp.records.handovers import handover_versions
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reports.qr import Payload
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
    days_ago: int  # the raid, before the day the demo is built
    date: str = ""  # that day (ISO), set when the demo is built


TEAMS = (
    Team("team-sihanoukville", "Sok Dara", "Sihanoukville raid", "SHV", "Preah Sihanouk", 10),
    Team("team-bavet", "Chan Sophea", "Bavet raid", "BVT", "Svay Rieng", 25),
    Team("team-poipet", "Vann Piseth", "Poipet raid", "PPT", "Banteay Meanchey", 38),
)
DUPLICATES = 3  # persons of the first team registered again by the second, their names written differently


def build_demo_hq(
    hq_dir: Path,
    passphrase: str = DEMO_HQ_PASSPHRASE,
    *,
    persons: int = 24,
    seed: int = 11,
    database: str | None = None,
    today: date | None = None,
) -> str:
    """Build the demo HQ in ``hq_dir`` (which must not hold an HQ yet), its store in the SQLCipher file or
    the PostgreSQL ``database``; returns a summary in plain words. The raids were weeks before ``today``
    (the day it is built), so referrals, registrations and the dashboard's chart have ages to show."""
    rng = random.Random(seed)
    today = today or datetime.now(UTC).date()
    teams = [replace(team, date=(today - timedelta(days=team.days_ago)).isoformat()) for team in TEAMS]
    identity = init_hq(hq_dir, DEMO_HQ_NAME, passphrase, account=DEMO_ANALYST)
    store = create_store(identity, database)
    laptops: list[Session] = []
    try:
        with tempfile.TemporaryDirectory(prefix="fieldapp-demo-laptops-") as scratch:
            folder = Path(scratch)
            for team in teams:
                laptops.append(_laptop(folder, team, identity, store))
            first, second, third = laptops
            ids = _register(first, teams[0], persons, rng, copies=[a for a, _ in CROSS_SCRIPT])
            copies = _copies(first, ids[persons - DUPLICATES : persons]) + [b for _, b in CROSS_SCRIPT]
            _register(second, teams[1], persons, rng, copies=copies)
            _register(third, teams[2], max(4, persons // 4), rng)
            # Both teams hand over persons whose outcome protects them (not the ones changed or copied below).
            handed = _hand_over(first, teams[0], ids[: persons - DUPLICATES], keep=ids[1], picks=FIRST_PICKS)
            handed += _hand_over(second, teams[1], None, picks=SECOND_PICKS, typed=TYPED_BODY)
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
        followed = _after_the_handovers(store, identity, handed)
        total = int(store.conn.execute("SELECT count(*) FROM persons").fetchone()[0])
        statuses = [r.status for r in referrals(store.conn)]
    finally:
        for session in laptops:
            session.close()
        store.close()
    return (
        f"Demo HQ in {hq_dir}: {len(TEAMS)} teams, {total} persons, "
        f"{'1 change to another team' + chr(39) + 's record refused (an alarm), ' if refused else '1 conflict to review, '}"
        f"{DUPLICATES + len(CROSS_SCRIPT)} duplicate persons across teams (some in different scripts), "
        f"{len(statuses)} referrals ({statuses.count('received')} received, {statuses.count('refused')} refused), "
        f"{followed} with a follow-up status, "
        f"and a lost bundle in {hq_dir / INBOX} to import. "
        f"HQ passphrase: {passphrase!r}."
    )


# Picks from the directory each laptop got, HQ-signed, with its enrolment file; "EMB": the embassy of the
# person's own country, when the directory lists it and the person let their embassy be told.
FIRST_PICKS = ("DOSVY", "EMB", "IOM")
SECOND_PICKS = ("MOSVY",)
TYPED_BODY = Typed("ngo", "Svay Rieng women's shelter (NGO)")
REFUSAL = "No bed free for a woman with a child tonight; the team was sent to the provincial shelter."
VIA_POIPET = ("THA", "MMR", "LAO")  # home overland through Thailand
CROSSINGS = {"VNM": "Bavet international border checkpoint"} | dict.fromkeys(
    VIA_POIPET, "Poipet international border checkpoint"
)


@dataclass(frozen=True)
class _Handed:
    handover_id: str
    person_id: str
    body: str  # the directory entry picked, or "" for a typed body


def _hand_over(
    session: Session,
    team: Team,
    among: list[str] | None,
    *,
    picks: tuple[str, ...],
    keep: str = "",
    typed: Typed | None = None,
) -> list[_Handed]:
    records = Records(session)
    scene = Scene(
        f"{team.province}, provincial police station", names.AGENCIES[0].name_en, team.officer, team.date
    )
    listed = directory_ids(records)
    protected = [(pid, nat) for pid, nat in protected_persons(records, among) if pid != keep]
    handed: list[_Handed] = []
    with session.log.transaction():
        for pick in picks:
            for person_id, nationality in protected:
                body = f"EMB-{nationality}" if pick == "EMB" else pick
                if body not in listed or (pick == "EMB" and not may_go_to_embassy(records, person_id)):
                    continue
                protected.remove((person_id, nationality))
                handed.append(
                    _Handed(hand_over(records, person_id, scene, len(handed), body_id=body), person_id, body)
                )
                break
        if typed is not None and protected:
            person_id = protected[0][0]
            handed.append(
                _Handed(hand_over(records, person_id, scene, len(handed), typed=typed), person_id, "")
            )
    return handed


def _after_the_handovers(store: HqStore, identity: HqIdentity, handed: list[_Handed]) -> int:
    """At HQ: a signed copy comes back and is acknowledged by its code, one referral is refused, and the
    persons handed over get follow-up statuses. Returns how many persons got one."""
    review = Review(store, identity)
    sent = {r.handover_id for r in referrals(store.conn)}
    arrived = [h for h in handed if h.handover_id in sent]
    if not arrived:
        return 0
    received = arrived[0]
    last = (handover_versions(store.conn, received.handover_id) or [])[-1]
    code = Payload(received.handover_id, last.version, bytes.fromhex(last.content_hash), None).short_code()
    acknowledge_by_code(review, code, receiving_officer="Chea Sophal")
    refused = next((h for h in arrived[1:] if not h.body), None)
    if refused is not None:
        record_status(review, refused.handover_id, "refused", REFUSAL)
    followed = 0
    for handed_over in arrived:
        if handed_over is refused:
            continue
        row = store.conn.execute("SELECT nationality FROM persons WHERE id = ?", (handed_over.person_id,))
        crossing = CROSSINGS.get(str(row.fetchone()[0] or ""))
        if crossing is not None:  # a neighbour's national, home by land (through Thailand, for Poipet)
            followup.set_status(
                store, identity, handed_over.person_id, "repatriated", route="land", via=crossing
            )
        else:  # the others wait in a shelter (Cambodians for reintegration, others for their papers)
            followup.set_status(store, identity, handed_over.person_id, "in_shelter")
        followed += 1
    return followed


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
    session.log.clock = _raid_clock(team)
    return session


def _at(team: Team) -> str:
    return f"{team.date}T08:00:00.000Z"


def _raid_clock(team: Team) -> Callable[[], str]:
    """Stamps the team's events on its raid's day, half a minute apart after its enrolment (the vault's
    first events, made before, keep the day the demo is built)."""
    start = datetime.fromisoformat(_at(team))
    ticks = itertools.count(1)
    return lambda: (
        (start + timedelta(seconds=30 * next(ticks)))
        .isoformat(timespec="milliseconds")
        .replace("+00:00", "Z")
    )


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
