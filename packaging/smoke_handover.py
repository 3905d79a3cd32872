"""Hand one person of a vault over (draft and finalise a handover), for packaging/smoke.sh.

    python packaging/smoke_handover.py DATA_DIR OFFICER PASSPHRASE_FILE    -> prints the person's temporary id

The command line has no handover command (officers fill the form in the app), so the smoke test makes the
one handover it prints with the library, from the source tree; every other step runs the frozen program.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fieldapp.records.handovers import Handovers
from fieldapp.records.service import Records
from fieldapp.vault.session import unlock

FIELDS = {
    "place": "Sihanoukville, Golden Bay Park",
    "transferring_agency": "Anti-Human Trafficking Police, Preah Sihanouk",
    "transferring_officer": "Chan Sophea",
    "receiving_type": "embassy",
    "receiving_country": "VNM",  # stored as its ISO 3166 code; the form prints the name
    "receiving_officer": "Trần Văn Minh",
    "consent_referral": True,
    "items": [{"description": "Passport", "quantity": 1, "kind": "passport"}],
}


def main(argv: list[str]) -> int:
    data_dir, officer, passphrase_file = argv
    passphrase = Path(passphrase_file).read_text("utf-8").splitlines()[0]
    session = unlock(Path(data_dir), officer, passphrase)
    try:
        records = Records(session)
        person = records.persons(limit=1)[0]
        handovers = Handovers(records)
        draft = handovers.draft(person.id, **FIELDS)
        handovers.hand_over(draft.id)
        print(person.temp_id)
    finally:
        session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
