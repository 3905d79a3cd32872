"""Fork server for test_crash_matrix.py: does real work on a vault or HQ store until it is killed.

    python crash_child.py
        imports the app once, prints ``ZYGOTE``, then reads one JSON job per line on stdin. For each
        job it forks a worker, prints ``PID <pid>``, waits for it and prints ``EXIT <pid> <code>``.

Forking from a warm process makes a kill round cost milliseconds instead of an interpreter start,
so hundreds of kills fit in the default test run. Workers print ``READY`` once the vault (or HQ
store) is open, then ``CONFIRMED <what> ...`` with a single write(2) (atomic on a pipe) only after
the call that made the change durable has returned: exactly what the caller of the app is told.
Workers never print anything else on stdout; tracebacks go to stderr.

Jobs (``kind``): events, photos, pdfs, export, import; see each function. The parent sets
FIELDAPP_INSECURE_FAST_KDF=1 and TMPDIR. Not a test module, so pytest does not collect it.
"""

from __future__ import annotations

import io
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any

OFFICER = "Crash Officer"
PASSPHRASE = "kill nine survives"
NAMES_OWN = ("សុខា", "金丝雀", "นกขมิ้น", "Nguyễn Thị")
PHOTO_VARIANTS = 6


def say(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


_PICTURES: dict[int, bytes] = {}


def picture(index: int) -> bytes:
    """A distinct 1024x768 JPEG per index (the ingest decodes and re-encodes it, as for a camera's)."""
    if index in _PICTURES:
        return _PICTURES[index]
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1024, 768), ((index * 53) % 256, (index * 97) % 256, (index * 31) % 256))
    draw = ImageDraw.Draw(image)
    for k in range(12):
        x, y = (index * 37 + k * 81) % 900, (index * 19 + k * 53) % 650
        draw.rectangle((x, y, x + 90, y + 90), fill=((k * 40) % 256, 255 - (k * 20) % 256, (index * 7) % 256))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    _PICTURES[index] = out.getvalue()
    return _PICTURES[index]


def _unlock(data_dir: str) -> Any:
    from fieldapp.vault.session import unlock

    return unlock(Path(data_dir), OFFICER, PASSPHRASE)


def _register(records: Any, operation_id: str, i: int) -> Any:
    person = records.register_person(
        operation_id,
        name=f"Crash Person {i}",
        name_own_script=f"{NAMES_OWN[i % len(NAMES_OWN)]} {i}",
        aliases=[f"alias-{i}"],
        document_no=f"DOC{i:08d}",
    )
    say(f"CONFIRMED person {person.id} {person.temp_id} DOC{i:08d}")
    return person


def events(job: dict[str, Any]) -> None:
    """Register persons (and amend every third's notes) one durable transaction at a time."""
    from fieldapp.records.service import Records

    say("STARTING")
    records = Records(_unlock(job["data_dir"]))
    say("READY")
    i = job["start"]
    while True:
        person = _register(records, job["operation_id"], i)
        if i % 3 == 0:
            records.update_person(person.id, notes=f"note {i}")
            say(f"CONFIRMED notes {person.id} note-{i}")
        i += 1


def photos(job: dict[str, Any]) -> None:
    """Attach photos: hash, decode, encrypt to a file, then one ``photo.create`` event."""
    import hashlib

    from fieldapp.photos.service import Photos
    from fieldapp.records.service import Records

    records = Records(_unlock(job["data_dir"]))
    service = Photos(records)
    pictures = [picture(k) for k in range(PHOTO_VARIANTS)]
    say("READY")
    i = job["start"]
    person = None
    while True:
        if person is None or i % PHOTO_VARIANTS == 0:
            person = _register(records, job["operation_id"], i)
        data = pictures[i % PHOTO_VARIANTS]
        row = service.attach(person.id, data, kind="portrait", consent=True)
        say(f"CONFIRMED photo {row.id} {hashlib.sha256(data).hexdigest()}")
        i += 1


def pdfs(job: dict[str, Any]) -> None:
    """Issue handover forms: render, then store the PDF and its signed event in one transaction."""
    from fieldapp.records.handovers import Handovers
    from fieldapp.records.service import Records
    from fieldapp.reports.data import form_data
    from fieldapp.reports.fonts import ensure_gui_app
    from fieldapp.reports.handover import render_handover
    from fieldapp.reports.issued import IssuedDocuments

    records = Records(_unlock(job["data_dir"]))
    ensure_gui_app()
    handovers, issued = Handovers(records), IssuedDocuments(records.session)
    # One form rendered and thrown away first: fonts load once per process, and the kills should
    # land in issuing, not in font loading.
    first = handovers.get(job["handovers"][0])
    render_handover([form_data(first, records.session, None, handovers)])
    say("READY")
    i = job["start"]
    while True:
        result = issued.issue_handover(handovers, job["handovers"][i % len(job["handovers"])])
        say(f"CONFIRMED document {result.document.id} {result.document.sha256}")
        i += 1


def export(job: dict[str, Any]) -> None:
    """Register a person (every fourth with a photo), then export the next bundle to a new folder."""
    from fieldapp.photos.service import Photos
    from fieldapp.records.service import Records
    from fieldapp.sync.export import export_bundle

    records = Records(_unlock(job["data_dir"]))
    service = Photos(records)
    say("READY")
    i = job["start"]
    while True:
        person = _register(records, job["operation_id"], i)
        if i % 4 == 0:
            service.attach(person.id, picture(i % PHOTO_VARIANTS), kind="portrait", consent=True)
            say(f"CONFIRMED photo-for {person.id}")
        stick = Path(job["sticks"])  # one stick for every export, as in the field
        limit = 48 * 1024 if i % 2 else 4_000_000_000  # every other bundle in several volumes
        result = export_bundle(records.session, stick, max_volume_bytes=limit)
        if result is not None:
            names = ",".join(str(p) for p in result.paths)
            say(f"CONFIRMED export {result.bundle_hash} {result.seq_to} {names}")
        i += 1


def import_(job: dict[str, Any]) -> None:
    """Import the given bundles into the HQ store, one transaction per bundle, as `hq import` does."""
    from fieldapp.hq.identity import unlock_hq
    from fieldapp.hq.importer import import_bundle
    from fieldapp.hq.store import open_store

    identity = unlock_hq(Path(job["hq_dir"]), job["hq_passphrase"])
    store = open_store(identity)
    say("READY")
    for volumes in job["bundles"]:
        result = import_bundle(store, identity, [Path(p) for p in volumes])
        say(f"CONFIRMED import {result.bundle_hash} {result.new_events}")
    store.close()
    say("DONE")


JOBS = {"events": events, "photos": photos, "pdfs": pdfs, "export": export, "import": import_}


def serve() -> int:
    # Everything a job needs, imported before the first fork (PySide6 loads, no Qt app is made).
    import PIL.ImageDraw  # noqa: F401

    import fieldapp.hq.importer  # noqa: F401
    import fieldapp.photos.service  # noqa: F401
    import fieldapp.records.handovers  # noqa: F401
    import fieldapp.reports.handover  # noqa: F401
    import fieldapp.reports.issued  # noqa: F401
    import fieldapp.sync.export  # noqa: F401

    for k in range(PHOTO_VARIANTS):  # made once here, shared by every forked worker
        picture(k)
    say("ZYGOTE")
    for line in sys.stdin:
        job = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                JOBS[job["kind"]](job)
            except BaseException:
                traceback.print_exc()
                code = 1
            sys.stderr.flush()
            os._exit(code)
        say(f"PID {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"EXIT {pid} {os.waitstatus_to_exitcode(status)}")
    return 0


if __name__ == "__main__":
    sys.exit(serve())
