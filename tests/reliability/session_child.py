"""Child process for test_no_plaintext_session.py: one realistic field session, in its own process.

    python session_child.py DATA_DIR PHOTO_CARD EXPORT_TARGET ENROLMENT_FILE

Builds the demo vault, enrols it with HQ, registers and screens a person, imports a card of photos
the way the photo screen does, hands two persons over and issues their forms (PDFs kept in the
vault), exports a bundle to the export target and closes (locks) the session. Its own process, so
TMPDIR and HOME set by the parent hold from the first import on (SQLite reads TMPDIR once). Prints,
as its last line, a JSON object of the strings the scan must not find (names in every script,
document numbers); stdout is a pipe, never a file. Not a test module (no ``test_`` prefix).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from fieldapp.demo.build import DEMO_OFFICERS, DEMO_PASSPHRASE, build_demo
from fieldapp.demo.screenings import demo_screening
from fieldapp.photos.batch import import_folder
from fieldapp.photos.service import Photos
from fieldapp.records.handovers import Handovers
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reports.fonts import ensure_gui_app
from fieldapp.reports.issued import IssuedDocuments
from fieldapp.sync.export import export_bundle
from fieldapp.vault.session import unlock
from tests.support import enrol_confirmed

PERSONS = 24
SESSION_PERSON = {
    "name": "SOKHA CHANTREA",
    "name_own_script": "សុខា ចន្ទ្រា",
    "aliases": ["阿明 黄", "นางสาว มณี"],
    "document_no": "N09933127",
}
HANDOVER = {
    "place": "Sihanoukville, Golden Bay Park",
    "transferring_agency": "Anti-Human Trafficking Police, Preah Sihanouk",
    "transferring_officer": "Sok Dara",
    "receiving_type": "embassy",
    "receiving_country": "VNM",
    "receiving_officer": "Trần Văn Minh",
    "consent_referral": True,
    "consent_sharing": True,
    "items": [{"description": "Passport", "quantity": 1, "kind": "passport"}],
}


def main(data_dir: Path, card: Path, export_target: Path, enrolment: Path) -> int:
    build_demo(data_dir, DEMO_PASSPHRASE, persons=PERSONS)
    session = unlock(data_dir, DEMO_OFFICERS[0][0], DEMO_PASSPHRASE)
    try:
        enrol_confirmed(session, enrolment)
        records = Records(session)
        operation_id = session.conn.execute("SELECT operation_id FROM persons LIMIT 1").fetchone()[0]
        person = records.register_person(
            operation_id, nationality="KHM", sex="female", age=23, **SESSION_PERSON
        )
        screenings = Screenings(records)
        seed = 0
        while demo_screening(screenings, person.id, ["km"], random.Random(seed)) is None:
            seed += 1
        screenings.finalise(screenings.for_person(person.id)[0].id)
        summary = import_folder(Photos(records), card, person.id, kind="scene", consent=True, mode="thread")
        assert len(summary.imported) == summary.total, summary.describe()

        ensure_gui_app()
        handovers, issued = Handovers(records), IssuedDocuments(session)
        demo_person = session.conn.execute(
            "SELECT id FROM persons WHERE id != ? LIMIT 1", (person.id,)
        ).fetchone()[0]
        for person_id in (person.id, demo_person):
            draft = handovers.draft(person_id, **HANDOVER)
            handovers.hand_over(draft.id)
            issued.issue_handover(handovers, draft.id)
        exported = export_bundle(session, export_target)
        assert exported is not None and exported.files >= summary.total + 2

        names: set[str] = set()
        documents: set[str] = set()
        for name, own, document_no, data in session.conn.execute(
            "SELECT name, name_own, document_no, data FROM persons"
        ):
            names |= {name, own, *json.loads(data).get("aliases", [])}
            documents.add(document_no)
        names.add(HANDOVER["receiving_officer"])
    finally:
        session.close()  # the lock: the data key leaves memory, nothing is left open
    print(
        json.dumps(
            {
                "names": sorted(n for n in names if n),
                "documents": sorted(d for d in documents if d),
                "photos": summary.total,
                "person": person.id,
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(*(Path(a) for a in sys.argv[1:5])))
