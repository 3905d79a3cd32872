"""Photos on the person page: import, camera card, consent, re-classify, purge, viewer, thumbnails."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.errors import NotAllowed
from fieldapp.photos.metadata import minimal_exif
from fieldapp.photos.service import PhotoRow, Photos
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import PersonFilter, Records
from fieldapp.vault.session import Session, unlock
from tests.support import add_officer
from tests.ui.conftest import OFFICER, PASSPHRASE, SCREENER, SCREENER_PASSPHRASE, on_worker
from ui.models.persons import LOADING, Column, PersonsModel, portrait_fetcher
from ui.screens.person import PersonPage
from ui.screens.photos import OptionsRequest, PhotosPanel, PurgeDialog
from ui.tasks import TaskRunner
from ui.widgets.card_picker import CardPickerDialog
from ui.widgets.photo_camera import CameraDialog
from ui.widgets.photo_image import encode_jpeg
from ui.widgets.photo_options import PhotoOptions, PhotoOptionsDialog

T = TypeVar("T")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def jpeg(
    color: str = "#4a7", *, size: tuple[int, int] = (640, 480), label: str = "", taken: str | None = None
) -> bytes:
    """A real JPEG (Pillow), optionally with a capture time in its EXIF."""
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    draw.ellipse(
        (size[0] // 4, size[1] // 6, 3 * size[0] // 4, 5 * size[1] // 6),
        fill="#f0d0b0",
        outline="#333",
        width=6,
    )
    if label:
        draw.text((20, 20), label, fill="#000")
    out = io.BytesIO()
    exif = minimal_exif(orientation=1, captured_at=taken, camera="Canon EOS 2000D" if taken else None)
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


@dataclass(frozen=True)
class World:
    data_dir: Path
    sok_id: str
    wang_id: str


@pytest.fixture
def world(vault_dir: Path) -> World:
    session = unlock(vault_dir, OFFICER, PASSPHRASE)
    try:
        records = Records(session)
        sok = next(p for p in records.persons() if p.name == "Sok Sreypov")
        wang = next(p for p in records.persons() if p.name == "Wang Xiaoming")
        # Sok's screening recorded consent to portraits and refused injury photos.
        Screenings(records).begin(
            sok.id, sections={"consent": {"photo_portrait": True, "photo_injury": False}}
        )
        add_officer(session, SCREENER, "screener", SCREENER_PASSPHRASE)
    finally:
        session.close()
    return World(vault_dir, sok.id, wang.id)


class Answers:
    """Answers the panel's questions at once, and remembers what it was asked."""

    def __init__(self, panel: PhotosPanel) -> None:
        self.files: list[Path] = []
        self.options = PhotoOptions("portrait", True)
        self.reason = "Photographed the wrong person by mistake"
        self.requests: list[OptionsRequest] = []
        self.purge_asked: list[PhotoRow] = []
        panel.choose_files = self.choose_files
        panel.ask_options = self.ask_options
        panel.ask_purge_reason = self.ask_purge_reason

    def choose_files(self, answer: Callable[[list[Path]], None]) -> None:
        answer(self.files)

    def ask_options(self, request: OptionsRequest, answer: Callable[[PhotoOptions], None]) -> None:
        self.requests.append(request)
        answer(self.options)

    def ask_purge_reason(self, row: PhotoRow, answer: Callable[[str], None]) -> None:
        self.purge_asked.append(row)
        answer(self.reason)


def make_page(
    qtbot: QtBot, runner: TaskRunner, session: Session, person_id: str
) -> tuple[PersonPage, Answers]:
    records = Records(session)
    page = PersonPage(records=records, screenings=Screenings(records), runner=runner)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    answers = Answers(page.photos)
    with qtbot.waitSignal(page.photos.loaded, timeout=10_000):
        page.show_person(person_id)
    return page, answers


def attach(
    qtbot: QtBot, runner: TaskRunner, session: Session, person_id: str, data: bytes, kind: str = "portrait"
) -> PhotoRow:
    photos = Photos(Records(session))
    return on_worker(qtbot, runner, lambda: photos.attach(person_id, data, kind=kind, consent=True))  # type: ignore[arg-type]


def reload(qtbot: QtBot, panel: PhotosPanel) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.reload()


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- tests -----------------------------------------------------------------------------------


def test_import_two_files_one_corrupt(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World, tmp_path: Path
) -> None:
    page, answers = make_page(qtbot, runner, lead, world.sok_id)
    panel = page.photos
    assert panel.empty.isVisible() and panel.strip.count() == 0
    good, bad = tmp_path / "good.jpg", tmp_path / "broken.jpg"
    good.write_bytes(jpeg())
    bad.write_bytes(b"\xff\xd8\xff\xe0 this is not really a photo" * 10)
    answers.files = [good, bad]
    click(qtbot, panel.import_button)
    qtbot.waitUntil(lambda: panel.strip.count() == 1 and "Imported" in panel.summary.text(), timeout=10_000)
    text = panel.summary.text()
    assert "Imported 1 of 2 photos." in text
    assert "broken.jpg" in text and "good.jpg" not in text
    assert panel.summary.isVisible() and not panel.empty.isVisible()
    # consent defaulted from Sok's screening: portraits yes, injury no, the rest not asked
    assert answers.requests[0].screening_consent == {
        "portrait": True,
        "injury": False,
        "document": None,
        "scene": None,
    }
    assert answers.requests[0].count == 2
    rows = on_worker(qtbot, runner, lambda: Photos(Records(lead)).for_person(world.sok_id))
    assert [(r.kind, r.consent) for r in rows] == [("portrait", True)]
    assert panel.import_button.isEnabled()


def _card(root: Path, count: int, start: int = 1) -> None:
    folder = root / "DCIM" / "100CANON"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        (folder / f"IMG_{n:04d}.JPG").write_bytes(jpeg(f"#{(n * 40) % 256:02x}6090", label=f"IMG {n}"))
    (folder / f"IMG_{start:04d}.THM").write_bytes(b"thumbnail sidecar, not a photo")


def _picker(qtbot: QtBot) -> CardPickerDialog:
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, CardPickerDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=20_000,
    )
    return next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, CardPickerDialog) and w.isVisible()
    )


def test_camera_card_photos_are_picked_for_this_person_and_the_rest_stay(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World, tmp_path: Path
) -> None:
    page, answers = make_page(qtbot, runner, lead, world.sok_id)
    panel = page.photos
    card = tmp_path / "CANON_SD"
    _card(card, 4)
    panel.find_cards = lambda: [card]
    panel.progress_delay_ms = 0  # show the dialog at once (the app waits half a second)
    answers.options = PhotoOptions("scene", False)
    gate = threading.Event()
    try:
        runner.run_db(lambda: gate.wait(10))  # hold the worker so the progress is seen before the work ends
        click(qtbot, panel.card_button)
        task = panel.import_task
        assert task is not None and not panel.card_button.isEnabled()
        running = task
        qtbot.waitUntil(lambda: running.dialog is not None and running.dialog.isVisible())
    finally:
        gate.set()
    picker = _picker(qtbot)
    items = [picker.list.item(row) for row in range(picker.list.count())]
    assert [i.text().splitlines()[0] for i in items] == [f"IMG_{n:04d}.JPG" for n in range(1, 5)]
    assert all(not i.icon().isNull() for i in items)  # thumbnails
    assert not picker.import_button.isEnabled()  # nothing ticked yet
    for row in (0, 2):  # this person's photos, by keyboard
        picker.list.setCurrentRow(row)
        qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert [p.name for p in picker.ticked()] == ["IMG_0001.JPG", "IMG_0003.JPG"]
    assert picker.count.text() == "2 ticked"
    picker.import_button.click()
    qtbot.waitUntil(lambda: "Imported 2 of 2 photos." in panel.summary.text(), timeout=20_000)
    qtbot.waitUntil(lambda: panel.strip.count() == 2)
    assert answers.requests[-1].count == 2

    # The same card again: what came in is marked, "tick all new" takes the rest.
    click(qtbot, panel.card_button)
    picker = _picker(qtbot)
    marked = [picker.list.item(row).text() for row in range(picker.list.count())]
    assert ["already in the vault" in text for text in marked] == [True, False, True, False]
    picker.findChild(QPushButton, "card_tick_new").click()
    assert [p.name for p in picker.ticked()] == ["IMG_0002.JPG", "IMG_0004.JPG"]
    picker.import_button.click()
    qtbot.waitUntil(lambda: panel.strip.count() == 4, timeout=20_000)

    # Cancelled while the card is read: nothing is imported, and the summary says so.
    _card(card, 3, start=6)
    gate = threading.Event()
    try:
        runner.run_db(lambda: gate.wait(10))
        click(qtbot, panel.card_button)
        task = panel.import_task
        assert task is not None
        qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible())
        assert task.dialog is not None
        cancel = task.dialog.findChild(QPushButton, "progress_cancel")
        assert isinstance(cancel, QPushButton)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: "Cancelled" in panel.summary.text(), timeout=20_000)
    rows = on_worker(qtbot, runner, lambda: Photos(Records(lead)).for_person(world.sok_id))
    assert len(rows) == 4 and {r.kind for r in rows} == {"scene"}


def test_no_camera_card(qtbot: QtBot, runner: TaskRunner, lead: Session, world: World) -> None:
    page, _ = make_page(qtbot, runner, lead, world.sok_id)
    page.photos.find_cards = list
    click(qtbot, page.photos.card_button)
    assert "No camera card found" in page.photos.summary.text()


def test_reclassify(qtbot: QtBot, runner: TaskRunner, lead: Session, world: World) -> None:
    row = attach(qtbot, runner, lead, world.sok_id, jpeg())
    page, answers = make_page(qtbot, runner, lead, world.sok_id)
    panel = page.photos
    assert not panel.reclassify_button.isEnabled()  # nothing selected yet
    assert panel.strip.select_photo(row.id)
    answers.options = PhotoOptions("injury", False)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        click(qtbot, panel.reclassify_button)
    assert answers.requests[-1].initial == PhotoOptions("portrait", True, False)
    changed = on_worker(qtbot, runner, lambda: Photos(Records(lead)).photo(row.id))
    assert (changed.kind, changed.consent) == ("injury", False)
    assert panel.strip.item(0).text() == "Injury\nNo consent"
    assert panel.summary.text() == "Photo re-classified."


def test_purge_as_team_lead(qtbot: QtBot, runner: TaskRunner, lead: Session, world: World) -> None:
    row = attach(qtbot, runner, lead, world.sok_id, jpeg())
    page, answers = make_page(qtbot, runner, lead, world.sok_id)
    panel = page.photos
    assert panel.strip.count() == 1 and panel.strip.select_photo(row.id)
    click(qtbot, panel.purge_button)
    qtbot.waitUntil(lambda: panel.strip.count() == 0, timeout=10_000)
    assert [r.id for r in answers.purge_asked] == [row.id]  # a reason was asked
    assert panel.empty.isVisible() and "cannot be recovered" in panel.summary.text()
    purged = on_worker(qtbot, runner, lambda: Photos(Records(lead)).photo(row.id))
    assert purged.status == "purged"
    assert on_worker(qtbot, runner, lambda: Photos(Records(lead)).for_person(world.sok_id)) == []


def test_the_purge_dialog_wants_a_reason_and_says_it_is_final(
    qtbot: QtBot, lead: Session, world: World, runner: TaskRunner
) -> None:
    row = attach(qtbot, runner, lead, world.sok_id, jpeg())
    dialog = PurgeDialog(row)
    qtbot.addWidget(dialog)
    assert any("cannot be recovered" in label.text() for label in dialog.findChildren(QLabel))
    assert not dialog.purge_button.isEnabled()
    dialog.reason.setPlainText("Photographed the wrong person")
    assert dialog.purge_button.isEnabled()


def test_a_screener_cannot_purge(qtbot: QtBot, runner: TaskRunner, screener: Session, world: World) -> None:
    row = attach(qtbot, runner, screener, world.sok_id, jpeg())
    page, answers = make_page(qtbot, runner, screener, world.sok_id)
    panel = page.photos
    assert panel.strip.select_photo(row.id)
    assert panel.reclassify_button.isEnabled() and panel.view_button.isEnabled()
    assert not panel.purge_button.isEnabled()
    assert panel.purge_button.toolTip() == "Only a team lead can purge photos."
    panel.purge_selected()  # even when called from code
    assert answers.purge_asked == [] and panel.summary.text() == "Only a team lead can purge photos."
    with pytest.raises(NotAllowed):
        on_worker(qtbot, runner, lambda: Photos(Records(screener)).purge(row.id, "no reason to keep it"))
    assert panel.strip.count() == 1


def test_the_viewer_opens_on_double_click(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    row = attach(qtbot, runner, lead, world.sok_id, jpeg(size=(1200, 900), taken="2026-11-28T09:15:00"))
    page, _ = make_page(qtbot, runner, lead, world.sok_id)
    panel = page.photos
    item = panel.strip.item(0)
    rect = panel.strip.visualItemRect(item)
    qtbot.mouseClick(panel.strip.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.strip.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: panel.viewer is not None and panel.viewer.isVisible(), timeout=10_000)
    viewer = panel.viewer
    assert viewer is not None and viewer.photo_id == row.id
    assert viewer.facts["Type"] == "Portrait"
    assert viewer.facts["Consent"] == "Consent given"
    assert viewer.facts["Taken"] == "2026-11-28 09:15:00"
    assert viewer.facts["SHA-256"] == row.sha256[:16] + "…"
    assert viewer.image.pixmap() is not None and not viewer.image.pixmap().isNull()
    viewer.grab().save(str(ARTIFACTS / "photos-viewer.png"))
    viewer.close()
    qtbot.waitUntil(lambda: panel.viewer is None)


def test_take_photo_without_a_camera(qtbot: QtBot, runner: TaskRunner, lead: Session, world: World) -> None:
    page, answers = make_page(qtbot, runner, lead, world.sok_id)
    panel = page.photos
    assert not panel.take_button.isEnabled()
    assert panel.take_button.toolTip() == "No camera found"
    # The camera dialog itself copes with no camera (offscreen, nothing plugged in).
    dialog = CameraDialog()
    qtbot.addWidget(dialog)
    assert "No camera found" in dialog.status.text() and not dialog.shoot.isEnabled()
    # What a capture hands on (a QImage encoded to JPEG in memory) is attached like any photo.
    frame = QImage(800, 600, QImage.Format.Format_RGB32)
    frame.fill(QColor("#88aacc"))
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.attach_captured(encode_jpeg(frame))
    assert panel.strip.count() == 1 and panel.summary.text() == "Photo attached."
    assert answers.requests[-1].default_kind == "portrait"


def test_a_camera_shows_the_button(qtbot: QtBot, runner: TaskRunner, lead: Session, world: World) -> None:
    page, _ = make_page(qtbot, runner, lead, world.sok_id)
    page.photos.camera_inputs = lambda: ["a camera"]
    page.show_person(world.sok_id)
    assert page.photos.take_button.isEnabled()


def test_consent_defaults_from_the_screening(qtbot: QtBot) -> None:
    consent = {"portrait": True, "injury": False, "document": None, "scene": None}
    dialog = PhotoOptionsDialog(screening_consent=consent, can_mark_evidence=False)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.consent_yes.isChecked() and ok.isEnabled()
    assert not dialog.evidence.isVisibleTo(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("injury"))
    assert dialog.consent_no.isChecked() and "NOT agree" in dialog.consent_hint.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("document"))
    assert not dialog.consent_yes.isChecked() and not dialog.consent_no.isChecked()
    assert not ok.isEnabled() and "ask the person" in dialog.consent_hint.text()
    dialog.consent_yes.click()
    assert ok.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("injury"))  # the officer's answer is kept
    assert dialog.options() == PhotoOptions("injury", True, False)

    lead_dialog = PhotoOptionsDialog(screening_consent=consent, can_mark_evidence=True, default_kind="scene")
    qtbot.addWidget(lead_dialog)
    assert lead_dialog.evidence.isVisibleTo(lead_dialog)
    lead_dialog.consent_no.click()
    lead_dialog.evidence.setChecked(True)
    assert lead_dialog.options() == PhotoOptions("scene", False, True)


def test_thumbnails_in_the_persons_list(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    attach(qtbot, runner, lead, world.sok_id, jpeg("#c33"), kind="scene")
    attach(qtbot, runner, lead, world.sok_id, jpeg("#3c3"))  # the newest portrait
    attach(qtbot, runner, lead, world.wang_id, jpeg("#33c"), kind="document")  # no portrait
    records = Records(lead)
    model = PersonsModel(
        runner=runner,
        query_ids=lambda where, sort, descending: records.person_ids(where, sort=sort, descending=descending),
        fetch_rows=records.persons_by_ids,
        fetch_portraits=portrait_fetcher(Photos(records)),
    )
    with qtbot.waitSignal(model.ids_loaded):
        model.query(PersonFilter())
    rows = {model.person_id_at(r): r for r in range(model.rowCount())}
    sok = model.index(rows[world.sok_id], Column.TEMP_ID)
    wang = model.index(rows[world.wang_id], Column.TEMP_ID)
    assert sok.data() != LOADING  # the first page arrives with the ids
    with qtbot.waitSignal(model.portraits_loaded, timeout=10_000):
        blank = sok.data(Qt.ItemDataRole.DecorationRole)  # never waits: asks in the background
    assert isinstance(blank, QPixmap) and blank.toImage().pixelColor(12, 12).alpha() == 0
    pixmap = sok.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(pixmap, QPixmap) and (pixmap.width(), pixmap.height()) == (24, 24)
    green = pixmap.toImage().pixelColor(1, 1)
    assert green.green() > 150 and green.red() < 120  # the newest portrait, not the scene
    none = wang.data(Qt.ItemDataRole.DecorationRole)  # no portrait: a blank the same size
    assert (
        isinstance(none, QPixmap)
        and none.size() == pixmap.size()
        and none.toImage().pixelColor(12, 12).alpha() == 0
    )
    assert model.index(rows[world.sok_id], Column.NAME).data(Qt.ItemDataRole.DecorationRole) is None
    table = QTableView()
    qtbot.addWidget(table)
    table.verticalHeader().setDefaultSectionSize(26)  # as the persons page does
    table.setModel(model)
    table.resize(700, 140)
    table.resizeColumnToContents(Column.TEMP_ID)
    table.show()
    qtbot.waitExposed(table)
    ARTIFACTS.mkdir(exist_ok=True)
    table.grab().save(str(ARTIFACTS / "persons-thumbnails.png"))
    table.setModel(None)
    model.detach()


def _field(page: PersonPage, row: int) -> QWidget:
    item = page.details.itemAt(row, QFormLayout.ItemRole.FieldRole)
    widget = item.widget() if item is not None else None
    assert widget is not None
    return widget


def test_screenshot_of_the_person_page(qtbot: QtBot, runner: TaskRunner, lead: Session, world: World) -> None:
    for color, kind, label in (("#5a8", "portrait", "1"), ("#a55", "injury", "2"), ("#58a", "document", "3")):
        attach(
            qtbot,
            runner,
            lead,
            world.sok_id,
            jpeg(color, label=label, taken="2026-11-28T09:15:00"),
            kind=kind,
        )
    page, _ = make_page(qtbot, runner, lead, world.sok_id)
    page.photos.strip.select_photo(page.photos.strip.photo_ids()[1])
    page.photos._say("Imported 2 of 3 photos.\nSkipped broken.jpg: broken.jpg is damaged or not a photo.")
    # Widgets added to a shown page appear on the next turn of the event loop: wait for them.
    qtbot.waitUntil(
        lambda: (
            page.details.rowCount() > 0 and _field(page, 0).isVisible() and page.photos.summary.isVisible()
        )
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.grab().save(str(ARTIFACTS / "person-photos.png"))
    dialog = PhotoOptionsDialog(
        screening_consent=page.photos.screening_consent, can_mark_evidence=True, count=3, parent=page
    )
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(ARTIFACTS / "photos-options.png"))
    dialog.close()
    purge = PurgeDialog(next(iter(page.photos.rows.values())), page)
    purge.show()
    qtbot.waitExposed(purge)
    purge.grab().save(str(ARTIFACTS / "photos-purge.png"))
    purge.close()
