"""Build the saved vaults of older schema versions that tests/core/test_migrations.py opens.

Run once per released schema, by the version of fieldapp that writes it, and commit the result:
    FIELDAPP_INSECURE_FAST_KDF=1 python tests/data/make_vault_fixtures.py [VERSION ...]
(no VERSION: every older schema; a saved fixture is only rebuilt on purpose).

Each fixture is the same data made by the current code, with everything the later migrations add
removed (UNDO, newest first) and user_version set back: schema 1 predates the person search index
(migration 2), schema 2 predates the photo key table (migration 3), schema 3 predates the
issued documents tables (migration 4), schema 4 predates event redaction (migration 5's trigger),
schema 5 predates the recorded prompts (migration 6).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ["FIELDAPP_INSECURE_FAST_KDF"] = "1"

from fieldapp.records.service import Records  # noqa: E402
from fieldapp.vault.session import create_vault  # noqa: E402

HERE = Path(__file__).resolve().parent
PASSPHRASE = "correct horse battery"
PEOPLE = (
    ("NGUYEN VAN MINH", "Nguyễn Văn Minh", "VNM", ["Ah Minh"]),
    ("ZHANG WEI", "张伟", "CHN", []),
    ("SOK CHANTHA", "សុខ ចន្ថា", "KHM", ["Chantha"]),
)


# What each migration adds, undone: the fixture of schema N runs UNDO[k] for every k > N.
UNDO = {
    6: "DROP TABLE audio_prompts;",
    5: "DROP TRIGGER events_append_only_update; CREATE TRIGGER events_append_only_update BEFORE UPDATE "
    "ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;",
    4: "DROP TABLE issued_document_files; DROP TABLE issued_documents;",
    3: "DROP TABLE photo_keys;",
    2: "DROP TABLE person_search; DROP INDEX persons_by_nationality; DROP INDEX persons_by_outcome; "
    "DROP TABLE temp_id_counters;",
}


def build(target: Path, version: int) -> None:
    shutil.rmtree(target, ignore_errors=True)
    session = create_vault(target, "Sok Dara", PASSPHRASE, device_name="fixture-laptop")
    records = Records(session)
    operation = records.create_operation(name="Fixture raid", date="2026-11-01", province="Preah Sihanouk")
    for name, own, nationality, aliases in PEOPLE:
        person = records.register_person(
            operation.id,
            name=name,
            name_own_script=own,
            nationality=nationality,
            aliases=aliases,
            sex="male",
            age=30,
        )
    records.finalise("person", person.id)
    undo = "".join(UNDO[number] for number in sorted(UNDO, reverse=True) if number > version)
    session.conn.executescript(f"{undo} PRAGMA user_version = {version};")
    session.close()
    (target / "unlock-attempts.json").unlink(missing_ok=True)


if __name__ == "__main__":
    versions = [int(arg) for arg in sys.argv[1:]] or list(range(1, max(UNDO)))
    for version in versions:
        if version not in range(1, max(UNDO)):
            raise SystemExit(f"no older schema {version}")
        build(HERE / f"vault-schema{version}", version)
        print("written", HERE / f"vault-schema{version}", file=sys.stderr)
