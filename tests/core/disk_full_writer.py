"""Child process for test_disk_full: registers persons until the file-size limit says the disk is full."""

from __future__ import annotations

import os
import resource
import signal
import sys

from fieldapp.errors import StorageFull
from fieldapp.records.service import Records
from fieldapp.vault.session import unlock

data_dir, passphrase, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
session = unlock(data_dir, "Sok Dara", passphrase)
records = Records(session)
operation = records.operations()[0].id
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead of killing us
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
for n in range(100_000):
    try:
        person = records.register_person(operation, name=f"PERSON {n:05d} " + "X" * 150, notes="N" * 1500)
    except StorageFull as exc:
        print(f"FULL {exc.message}", flush=True)
        os._exit(0)
    print(f"CONFIRMED {person.id}", flush=True)
print("NEVER FULL", flush=True)
