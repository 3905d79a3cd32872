"""Child process for tests/core/test_crash.py: does real work on a vault until it is killed.

    python crash_writer.py write DATA_DIR OPERATION_ID START_INDEX
        unlock, print ``READY``, then register persons one durable transaction at a time, printing
        ``CONFIRMED <person_id> <temp_id>`` (and flushing) only after ``register_person`` returned.
    python crash_writer.py create DATA_DIR
        print ``START``, run ``create_vault`` in DATA_DIR, print ``CREATED <vault_id>``.

The parent sets FIELDAPP_INSECURE_FAST_KDF=1 in this process's environment. Not a test module
(no ``test_`` prefix), so pytest does not collect it.
"""

from __future__ import annotations

import sys
from pathlib import Path

OFFICER = "Crash Officer"
PASSPHRASE = "kill nine survives"
NAMES_OWN = ("សុខា", "金丝雀", "นกขมิ้น", "Nguyễn Thị")
MAX_PERSONS_PER_ROUND = 1_000_000  # the parent always kills first


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def write(data_dir: Path, operation_id: str, start: int) -> None:
    from fieldapp.records.service import Records
    from fieldapp.vault.session import unlock

    say("STARTING")
    session = unlock(data_dir, OFFICER, PASSPHRASE)
    records = Records(session)
    say("READY")
    for i in range(start, start + MAX_PERSONS_PER_ROUND):
        person = records.register_person(
            operation_id,
            name=f"Crash Person {i}",
            name_own_script=f"{NAMES_OWN[i % len(NAMES_OWN)]} {i}",
            aliases=[f"alias-{i}"],
            document_no=f"DOC{i:08d}",
        )
        # Only now is the registration durable: report it.
        say(f"CONFIRMED {person.id} {person.temp_id}")


def create(data_dir: Path) -> None:
    from fieldapp.vault.session import create_vault

    say("START")
    session = create_vault(data_dir, OFFICER, PASSPHRASE, device_name="crash-laptop")
    say(f"CREATED {session.vault_id}")
    session.close()


def main(argv: list[str]) -> int:
    if argv[:1] == ["write"] and len(argv) == 4:
        write(Path(argv[1]), argv[2], int(argv[3]))
    elif argv[:1] == ["create"] and len(argv) == 2:
        create(Path(argv[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
