"""Two programs writing to one vault at once (the app and the command line, say): a change that waits
longer than the busy timeout for the other program's change is refused in plain words, writes nothing,
and goes through once the other program is done. The other program is a real second process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from fieldapp.errors import Busy
from fieldapp.records.service import Records
from fieldapp.vault.db import STORE_BUSY
from fieldapp.vault.session import Session
from tests.support import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys
from fieldapp.vault.session import unlock
session = unlock(sys.argv[1], "Sok Dara", sys.argv[2])
session.conn.execute("BEGIN IMMEDIATE")
print("writing", flush=True)
sys.stdin.read()  # until the test closes our stdin
session.conn.execute("ROLLBACK")
session.close()
"""


@contextmanager
def another_program_writing(vault_dir: Path) -> Iterator[None]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(vault_dir), PASSPHRASE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "writing"
        yield
    finally:
        holder.stdin.close()
        assert holder.wait(timeout=60) == 0


def test_a_change_while_another_program_writes_is_refused_in_plain_words(
    session: Session, vault_dir: Path
) -> None:
    records = Records(session)
    operation = records.create_operation(name="Raid").id
    session.conn.execute("PRAGMA busy_timeout = 300")  # the app waits 5 s; the test need not
    with another_program_writing(vault_dir):
        with pytest.raises(Busy) as refused:
            records.register_person(operation, name="SOK DARA")
    assert refused.value.code == STORE_BUSY.code and "was not saved" in refused.value.message
    assert not session.conn.in_transaction
    assert session.conn.execute("SELECT count(*) FROM persons").fetchone()[0] == 0
    records.register_person(operation, name="SOK DARA")  # the other program is done: saved now
    assert session.conn.execute("SELECT count(*) FROM persons").fetchone()[0] == 1
