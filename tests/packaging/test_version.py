"""One version, from pyproject.toml, everywhere it shows: the command, PDFs, bundles and HQ's import result."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from fieldapp.sync import bundle
from fieldapp.sync.errors import BundleInvalid
from fieldapp.sync.keys import MANIFEST_CONTEXT
from fieldapp.vault.session import Session, create_vault
from fieldapp.version import __version__, app_version
from tests.core.test_sync import Hq, add_persons, stick_of
from tests.support import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def test_the_version_is_pyprojects() -> None:
    # The installed metadata is written from pyproject by pip; a stale install shows here first.
    assert app_version() == __version__ == pyproject_version()


def test_the_command_prints_it() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "fieldapp", "--version"], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == f"fieldapp {pyproject_version()}"


@pytest.mark.usefixtures("qapp")  # a QApplication, not the QGuiApplication rendering makes alone
def test_pdfs_name_the_version_in_metadata_and_footer(tmp_path: Path) -> None:
    from fieldapp.reports.footer import Footer, draw_footer
    from fieldapp.reports.pdf import Canvas

    canvas = Canvas("Version test")
    canvas.new_page()
    draw_footer(canvas, Footer.for_payload(None, "HO-TEST-1"), "page 1")
    pdf = canvas.finish()
    path = tmp_path / "version.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert f"Creator:         fieldapp {__version__}" in info
    assert f"<xmp:CreatorTool>fieldapp {__version__}</xmp:CreatorTool>".encode() in pdf
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    # NFKC: the text layer spells "fi" as the ligature the font drew
    assert f"page 1 · fieldapp {__version__}" in unicodedata.normalize("NFKC", text)  # every page's footer


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = create_vault(tmp_path / "vault", "Sok Dara", PASSPHRASE, device_name="test-laptop")
    yield s
    s.close()


def test_bundles_carry_it_to_hq(session: Session, tmp_path: Path) -> None:
    from fieldapp.sync.export import export_bundle

    hq = Hq(tmp_path / "hq")
    try:
        hq.enrol(session)
        hq.approve(session)
        add_persons(session, 2)
        exported = export_bundle(session, stick_of(tmp_path))
        assert exported is not None
        assert hq.imports(exported).app_version == __version__
    finally:
        hq.store.close()


def _signed_manifest(**extra: object) -> bytes:
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    body = {
        "format": bundle.MANIFEST_FORMAT,
        "version": bundle.MANIFEST_VERSION,
        "bundle_id": "b1",
        "hq_id": "hq",
        "device_id": "d1",
        "device_name": "laptop",
        "device_public_key": public,
        "enrolment_id": None,
        "seq_from": 1,
        "seq_to": 1,
        "prev_bundle_hash": None,
        "events": ["ab" * 32],
        "files": [],
        "officers": {},
        "created_at": "2026-11-29T00:00:00Z",
        **extra,
    }
    return bundle.sign_manifest(body, lambda digest: key.sign(MANIFEST_CONTEXT + digest))


def test_manifests_from_before_the_field_still_verify() -> None:
    assert "app_version" not in bundle.verify_manifest(_signed_manifest())
    assert bundle.verify_manifest(_signed_manifest(app_version="0.1.0"))["app_version"] == "0.1.0"
    with pytest.raises(BundleInvalid, match="malformed"):
        bundle.verify_manifest(_signed_manifest(app_version=1))


def test_the_about_box_shows_it(qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: TID251 - the About box

    from ui.screens.dialogs import show_about

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    show_about(parent)
    assert seen and f"<h3>fieldapp {pyproject_version()}</h3>" in seen[0]
