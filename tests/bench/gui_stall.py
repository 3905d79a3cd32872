"""Bench: the longest GUI-thread stall while 200 handover forms print, a camera card imports and a bundle
exports, all at once, each started the way its screen starts it (the task runner and its progress dialog).

python tests/bench/gui_stall.py [--forms N] [--photos N]

A timer on the GUI thread asks to fire every 5 ms; the longest gap between two firings is the longest
time the window could not answer (repaint, a key, the Cancel button). The target is 100 ms (what a user
perceives as instant): ``bench: gui_stall ratio=X target=1.0`` with X = 100 ms ÷ longest stall.
Setting up the vault, the forms and the card happens before the clock starts.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FIELDAPP_INSECURE_FAST_KDF", "1")
os.environ.setdefault("FIELDAPP_NO_CRASH_DIALOG", "1")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from fieldapp.photos.service import Photos  # noqa: E402
from fieldapp.records.handovers import Handovers  # noqa: E402
from fieldapp.records.service import Records  # noqa: E402
from fieldapp.sync.export import export_bundle  # noqa: E402
from fieldapp.vault.session import Session, create_vault  # noqa: E402
from tests.core.test_handovers import COMPLETE  # noqa: E402
from tests.support import PASSPHRASE  # noqa: E402
from ui.progress import run_with_progress  # noqa: E402
from ui.screens.pdf_jobs import forms_work  # noqa: E402
from ui.screens.photo_work import attach_files, read_card  # noqa: E402
from ui.screens.printing import print_pdf  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402
from ui.widgets.photo_options import PhotoOptions  # noqa: E402

TARGET_MS = 100.0


def _jpeg(i: int) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (4000, 3000), (90 + i % 120, 130, 110))
    image.paste(
        (255, 255, 255), (100 * i, 0, 100 * i + 100, 100)
    )  # no two photos alike (one would be skipped)
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def _vault(folder: Path, forms: int) -> tuple[Session, str, str]:
    from tests.core.test_sync import Hq

    session = create_vault(folder / "vault", "Sok Dara", PASSPHRASE)
    records = Records(session)
    handovers = Handovers(records)
    operation = records.create_operation(name="Golden Bay raid").id
    with session.log.transaction():
        for i in range(forms):
            person = records.register_person(
                operation, name=f"PERSON {i}", nationality="VNM", age=20 + i % 30
            )
            handovers.hand_over(handovers.draft(person.id, **COMPLETE).id)
    hq = Hq(folder / "hq", database=None)
    hq.enrol(session)
    hq.store.close()
    return session, operation, person.id


class StallMeter:
    """The longest gap between two firings of a 5 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.longest = max(self.longest, float(self.clock.restart()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=200)
    parser.add_argument("--photos", type=int, default=24)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(
            f"setting up: {args.forms} handed-over persons, a card of {args.photos} 12 MP photos …",
            flush=True,
        )
        session, operation, person_id = _vault(folder, args.forms)
        card = folder / "card" / "DCIM"
        card.mkdir(parents=True)
        for i in range(args.photos):
            (card / f"IMG_{i:04d}.JPG").write_bytes(_jpeg(i))
        records = Records(session)
        handovers, photos = Handovers(records), Photos(records)
        window = QWidget()
        runner = TaskRunner()
        done: dict[str, Any] = {}
        failures: list[Exception] = []
        # The forms PDF is gathered first (database worker), then printed (the other worker).
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFileName(str(folder / "printed.pdf"))

        def printed_job(job: Any) -> None:
            done["gathered"] = time.perf_counter()

            def paint(progress: Any, should_cancel: Any) -> int:
                return print_pdf(
                    printer, job.pdf, raster=True, progress=progress, should_cancel=should_cancel
                )

            run_with_progress(
                window,
                runner,
                "Printing",
                paint,
                lambda pages: done.setdefault("print", pages),
                failures.append,
                database=False,
            )

        meter = StallMeter()
        meter.start()
        started = time.perf_counter()
        run_with_progress(
            window,
            runner,
            "Forms",
            forms_work(records, handovers, photos, operation),
            printed_job,
            failures.append,
        )
        # The card is read first (thumbnails, what is already in the vault), then its photos attached:
        # what the photos panel does when the officer picks every photo on the card.
        options = PhotoOptions(kind="scene", consent=False, evidence=True)

        def card_read(found: list[Any]) -> None:
            picked = [photo.path for photo in found if not photo.problem]
            run_with_progress(
                window,
                runner,
                "Card",
                lambda p, c: attach_files(photos, person_id, picked, options, p, c),
                lambda summary: done.setdefault("card", summary),
                failures.append,
            )

        run_with_progress(
            window,
            runner,
            "Card",
            lambda p, c: read_card(photos, card.parent, p, c),
            card_read,
            failures.append,
        )
        stick = folder / "stick"
        stick.mkdir()
        run_with_progress(
            window,
            runner,
            "Export",
            lambda p, c: export_bundle(session, stick, progress=p, should_cancel=c),
            lambda result: done.setdefault("export", result),
            failures.append,
        )
        while not failures and not {"print", "card", "export"} <= done.keys():
            app.processEvents()
            time.sleep(0.001)
        elapsed = time.perf_counter() - started
        meter.timer.stop()
        runner.run_db(session.close)
        runner.shutdown(wait=True)
        if failures:
            raise failures[0]
    longest = max(meter.longest, 1.0)
    print(
        f"printed {done['print']} pages, imported {len(done['card'].imported)} photos, exported a bundle "
        f"in {elapsed:.1f} s; longest GUI-thread stall {longest:.0f} ms"
    )
    print(f"bench: gui_stall ratio={TARGET_MS / longest:.2f} target=1.0")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
