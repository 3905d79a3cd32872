"""No plaintext at rest after a realistic session: demo vault, screening, photos, PDFs, export, lock.

The session runs in its own process (tests/reliability/session_child.py) with TMPDIR, SQLITE_TMPDIR,
HOME and the XDG folders pointed at per-test folders, so everything it writes outside the vault is
caught too. Afterwards the data dir, the temp dir, the home folders and the export target are
scanned for:

* the persons' names in every script and their aliases (drawn from fieldapp/demo/names.json by the
  demo builder, plus the session's own person), the receiving officer's name and every document
  number, in UTF-8, UTF-16-LE and UTF-16-BE (the scanner of tests/core/test_no_plaintext.py);
* JPEG, PNG and PDF files: their magic at the start of any file, JFIF/Exif JPEG headers, the PNG
  signature and ``%PDF-1.`` anywhere, and the bare 3-byte JPEG marker FF D8 FF anywhere in files
  that are not encrypted containers (inside ciphertext 3 random bytes match by chance; the longer
  signatures do not).

Zero hits expected. Positive controls: the scanner finds planted names and images, and the vault,
once unlocked, does hold the names, photos, PDFs, and the bundle imports at HQ with them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from fieldapp.demo.build import DEMO_OFFICERS, DEMO_PASSPHRASE
from fieldapp.hq.identity import enrolment_file, init_hq
from fieldapp.hq.importer import import_bundle
from fieldapp.hq.store import SqlCipherStore, create_store
from fieldapp.photos.service import Photos
from fieldapp.records.service import Records
from fieldapp.reports.issued import IssuedDocuments
from fieldapp.vault.session import unlock
from tests.core.test_no_plaintext import scan
from tests.core.test_photos import jpeg
from tests.reliability.results import recording

CHILD = Path(__file__).with_name("session_child.py")
HQ_PASSPHRASE = "headquarters passphrase"
# Files whose bytes are ciphertext: SQLCipher pages, AES-GCM photo files, age bundles and key slots.
CONTAINERS = re.compile(
    r"(vault\.db(-wal|-shm)?|.*\.fap|.*\.bundle(\.\d{3})?|keyslots\.json(\.prev)?|.*\.db)$"
)
ANYWHERE = {
    "JPEG (JFIF header)": re.compile(rb"\xff\xd8\xff\xe0..JFIF\x00", re.DOTALL),
    "JPEG (Exif header)": re.compile(rb"\xff\xd8\xff\xe1..Exif\x00\x00", re.DOTALL),
    "PNG signature": re.compile(re.escape(b"\x89PNG\r\n\x1a\n")),
    "PDF header": re.compile(rb"%PDF-1\.\d"),
}
AT_START = {"JPEG": b"\xff\xd8\xff", "PNG": b"\x89PNG", "PDF": b"%PDF", "SQLite": b"SQLite format 3\x00"}


def magic_hits(*roots: Path) -> list[str]:
    hits = []
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            data, name = path.read_bytes(), str(path.relative_to(root.parent))
            hits += [
                f"{name}: starts as {kind}" for kind, magic in AT_START.items() if data.startswith(magic)
            ]
            hits += [f"{name}: {kind}" for kind, pattern in ANYWHERE.items() if pattern.search(data)]
            if not CONTAINERS.fullmatch(path.name) and b"\xff\xd8\xff" in data:
                hits.append(f"{name}: JPEG marker in a file that is not an encrypted container")
    return hits


def test_scanner_finds_planted_images_and_names(tmp_path: Path) -> None:
    folder = tmp_path / "control"
    (folder / "deep").mkdir(parents=True)
    assert magic_hits(folder) == []
    (folder / "a.tmp").write_bytes(b"junk" + jpeg(64, 48))  # a JPEG not at the start
    (folder / "deep" / "b").write_bytes(b"\0" * 10 + b"%PDF-1.7\n...")
    Image.new("RGB", (4, 4)).save(folder / "c.dat", "PNG")
    (folder / "vault.db").write_bytes(
        os.urandom(64) + b"\xff\xd8\xff" + os.urandom(64)
    )  # chance in ciphertext
    hits = magic_hits(folder)
    assert any("a.tmp" in h and "JFIF" in h for h in hits) and any(
        "a.tmp" in h and "marker" in h for h in hits
    )
    assert any("deep/b" in h and "PDF" in h for h in hits) and any("c.dat: starts as PNG" in h for h in hits)
    assert not any("vault.db" in h for h in hits)
    (folder / "names.txt").write_bytes("x សុខា ចន្ទ្រា y".encode("utf-16-be"))
    assert [h for h in scan(folder, canaries=["សុខា ចន្ទ្រា"]) if "utf-16-be" in h]


def _make_card(folder: Path) -> None:
    """A camera card: JPEGs (one with location and serial in Exif) and a PNG screenshot."""
    folder.mkdir()
    for n in range(3):
        (folder / f"IMG_{n:04d}.JPG").write_bytes(jpeg(1200 + 16 * n, 900, gps=True, serial=True))
    Image.new("RGB", (640, 480), (200, 30, 30)).save(folder / "screenshot.png", "PNG")


def test_no_plaintext_after_a_realistic_session(tmp_path: Path) -> None:
    what = "demo vault, screening, photo card import, 2 issued forms, export to a stick, lock; then scan"
    with recording("no_plaintext_session", what) as result:
        hq = init_hq(tmp_path / "hq", "HQ Phnom Penh", HQ_PASSPHRASE)
        enrolment = tmp_path / "enrolment.json"
        enrolment.write_bytes(enrolment_file(hq, "demo-laptop-1")[1])
        card = tmp_path / "card"
        _make_card(card)
        data, temp, home, target = (tmp_path / n for n in ("data", "tmp", "home", "stick"))
        for folder in (temp, home, target):
            folder.mkdir()
        env = dict(
            os.environ,
            FIELDAPP_INSECURE_FAST_KDF="1",
            QT_QPA_PLATFORM="offscreen",
            TMPDIR=str(temp),
            SQLITE_TMPDIR=str(temp),
            HOME=str(home),
            XDG_CACHE_HOME=str(home / ".cache"),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local/share"),
            XDG_RUNTIME_DIR=str(temp),
            PYTHONPATH=str(Path(__file__).resolve().parents[2]),
        )
        args = [sys.executable, str(CHILD), str(data), str(card), str(target), str(enrolment)]
        done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
        found = json.loads(done.stdout.strip().splitlines()[-1])
        names, documents = found["names"], found["documents"]
        assert len(names) > 40 and len(documents) > 10

        roots = (data, temp, home, target)
        files = [p for root in roots for p in root.rglob("*") if p.is_file()]
        result.cases = len(files)
        text_hits = scan(*roots, canaries=[*names, *documents])
        image_hits = magic_hits(*roots)
        for hit in text_hits + image_hits:
            result.fail(f"plaintext at rest: {hit}")
        stick_files = sorted(p.name for p in target.iterdir())
        result.check(
            bool(stick_files)
            and all(p.read_bytes().startswith(b"age-encryption.org/v1\n") for p in target.iterdir()),
            f"the export target holds something other than age-encrypted bundles: {stick_files}",
        )
        scripts = sorted({_script(n) for n in names})
        result.details |= {
            "files_scanned": len(files),
            "bytes_scanned": sum(p.stat().st_size for p in files),
            "folders": {r.name: sum(1 for p in r.rglob("*") if p.is_file()) for r in roots},
            "names": len(names),
            "scripts": scripts,
            "document_numbers": len(documents),
            "encodings": ["utf-8", "utf-16-le", "utf-16-be"],
            "image_and_pdf_signatures": sorted([*ANYWHERE, *(f"{k} at start" for k in AT_START)]),
            "scale": "one session (not scaled)",
        }
        result.found = (
            f"0 hits for {len(names)} names ({', '.join(scripts)}) and {len(documents)} document numbers "
            f"in 3 encodings, and 0 JPEG/PNG/PDF signatures, over {len(files)} files "
            f"({result.details['bytes_scanned'] // 1024} KiB)"
        )

        # Positive controls: the data is really there once unlocked, and the bundle carries it to HQ.
        session = unlock(data, DEMO_OFFICERS[0][0], DEMO_PASSPHRASE)
        try:
            records = Records(session)
            own = next(n for n in names if _script(n) == "Khmer")
            assert records.persons(search=own), own
            assert len(Photos(records).for_person(found["person"])) == found["photos"]
            assert len(IssuedDocuments(session).for_record(_first_handover(session))) == 1
            held_files = sum(
                session.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("photo_keys", "issued_document_files")
            )
        finally:
            session.close()
        store: SqlCipherStore = create_store(hq)
        try:
            from fieldapp.hq.store import Device
            from fieldapp.sync.keys import fingerprint

            manifest_key = _device_key(data)
            with store.transaction():
                store.add_device(
                    Device(
                        manifest_key[0],
                        manifest_key[1],
                        fingerprint(manifest_key[1]),
                        "demo-laptop-1",
                        None,
                        "approved",
                        "t",
                        None,
                    )
                )
            imported = import_bundle(store, hq, sorted(target.iterdir()))
            assert imported.files == held_files  # every photo original and issued PDF travelled
            held = {r[0] for r in store.conn.execute("SELECT name_own FROM persons")}
            assert own in held
        finally:
            store.close()


def _script(text: str) -> str:
    for name, low, high in (
        ("Khmer", 0x1780, 0x17FF),
        ("Thai", 0x0E00, 0x0E7F),
        ("Han", 0x4E00, 0x9FFF),
        ("Bengali", 0x0980, 0x09FF),
        ("Devanagari", 0x0900, 0x097F),
        ("Myanmar", 0x1000, 0x109F),
        ("Lao", 0x0E80, 0x0EFF),
        ("Hangul", 0xAC00, 0xD7AF),
        ("Arabic", 0x0600, 0x06FF),
        ("Ethiopic", 0x1200, 0x137F),
        ("Sinhala", 0x0D80, 0x0DFF),
    ):
        if any(low <= ord(ch) <= high for ch in text):
            return name
    return "Latin" if text.isascii() else "Latin with diacritics"


def _first_handover(session: object) -> str:
    conn = session.conn  # type: ignore[attr-defined]
    return str(
        conn.execute("SELECT record_id FROM issued_documents ORDER BY created_at LIMIT 1").fetchone()[0]
    )


def _device_key(data: Path) -> tuple[str, str]:
    session = unlock(data, DEMO_OFFICERS[0][0], DEMO_PASSPHRASE)
    try:
        return session.device_id, session.device_public_key
    finally:
        session.close()


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_INSECURE_FAST_KDF", "1")
