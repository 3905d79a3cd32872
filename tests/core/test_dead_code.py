"""No dead code in fieldapp/ and ui/ (vulture, with the tests counted as users)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Findings that are not dead code, each with the reason.
NOT_DEAD = {
    ("fieldapp/hq/partner_export.py", "compress_type"): "a ZipInfo attribute zipfile reads",
    ("fieldapp/hq/partner_export.py", "external_attr"): "a ZipInfo attribute zipfile reads",
    ("fieldapp/hq/review.py", "decision_id"): "a field of a row dataclass, shown as JSON",
    ("fieldapp/hq/server.py", "http_error"): "registered with FastAPI by its decorator",
    ("fieldapp/hq/sql_store.py", "decided_at"): "a column of a row dataclass, shown as JSON",
    ("fieldapp/reference/cambodia.py", "fictional"): "read from cambodia.json: marks demo-only agencies",
    ("fieldapp/reports/qr.py", "hash_bits"): "a field of the verification payload",
    ("fieldapp/sync/bundle.py", "readable"): "io.RawIOBase protocol, called by io",
    ("fieldapp/sync/receipt.py", "issued_at"): "a field of a signed receipt",
    ("ui/locking.py", "eventFilter"): "a Qt virtual, called by Qt",
    ("ui/locking.py", "watched"): "the Qt virtual's parameter",
    ("ui/locking.py", "nativeEventFilter"): "a Qt virtual, called by Qt",
    ("ui/locking.py", "on_prepare_for_sleep"): "a D-Bus slot, called by name",
    ("ui/locking.py", "on_screensaver"): "a D-Bus slot, called by name",
    ("ui/screens/printing.py", "_preview"): "holds the dialog while it is open",
    ("ui/screens/printing.py", "_printing"): "holds the printer while a worker paints on it",
}
SCREENING = "fieldapp/screening/"  # the set model's enumerations and fields are read from the JSON sets


def test_vulture_finds_no_dead_code() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vulture", "fieldapp", "ui", "tests", "--min-confidence", "60"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    dead = []
    for line in done.stdout.splitlines():
        path, _, rest = line.partition(":")
        name = rest.split("'")[1] if "'" in rest else rest
        if (
            path.startswith(("fieldapp/", "ui/"))
            and not path.startswith(SCREENING)
            and (path, name) not in NOT_DEAD
        ):
            dead.append(line)
    assert not dead, "\n".join(dead)
