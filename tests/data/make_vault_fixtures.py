"""Build the saved vaults of older schema versions that tests/core/test_migrations.py opens.

Run once per released schema, by the version of fieldapp that writes it, and commit the result:
    FIELDAPP_INSECURE_FAST_KDF=1 python tests/data/make_vault_fixtures.py

Schema 1 predates the person search index (migration 2), so its fixture is the same data with
everything migration 2 adds removed, and user_version set back to 1.
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


def build_schema1(target: Path) -> None:
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
    session.conn.executescript(
        "DROP TABLE person_search; DROP INDEX persons_by_nationality; DROP INDEX persons_by_outcome;"
        "PRAGMA user_version = 1;"
    )
    session.close()
    (target / "unlock-attempts.json").unlink(missing_ok=True)


if __name__ == "__main__":
    build_schema1(HERE / "vault-schema1")
    print("written", HERE / "vault-schema1", file=sys.stderr)
