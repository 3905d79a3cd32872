"""One person: identity at a glance, their screenings, and the way into the interview."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.records.screenings import Screening, Screenings
from fieldapp.records.service import Records
from ui.errors import show_error
from ui.models.persons import outcome_label, sex_label, status_label
from ui.naming import named
from ui.screens.photos import PhotosPanel
from ui.tasks import TaskRunner


class PersonPage(QWidget):
    """Emits ``screen_requested(person_id, screening_id)`` (empty id: a new screening) and ``back``."""

    screen_requested = Signal(str, str)
    back = Signal()

    def __init__(
        self, *, records: Records, screenings: Screenings, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person_page")
        self._records, self._screenings, self._runner = records, screenings, runner
        self.person_id = ""
        self.title = named(QLabel(), "person_title")
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QFormLayout()
        self.screening_list = named(QListWidget(), "person_screenings")
        self.screening_list.setAccessibleName(self.tr("Screenings"))
        self.screening_list.itemActivated.connect(
            lambda item: self.screen_requested.emit(self.person_id, item.data(Qt.ItemDataRole.UserRole))
        )
        self.new_screening = named(
            QPushButton(
                self.tr("&Screen this person"),
            ),
            "person_new_screening",
        )
        self.new_screening.clicked.connect(lambda: self.screen_requested.emit(self.person_id, ""))
        back = named(
            QPushButton(
                self.tr("&Back to the list"),
            ),
            "person_back",
        )
        back.clicked.connect(self.back)
        self.photos = PhotosPanel(records=records, screenings=screenings, runner=runner)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_screening)
        buttons.addStretch(1)
        buttons.addWidget(back)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.details)
        layout.addWidget(self.photos)
        layout.addWidget(QLabel(self.tr("Screenings")))
        layout.addWidget(self.screening_list)
        layout.addLayout(buttons)

    def show_person(self, person_id: str) -> None:
        self.person_id = person_id
        records, screenings = self._records, self._screenings
        self._runner.run_db(
            lambda: (
                records.person(person_id),
                records.person_fields(person_id),
                screenings.for_person(person_id),
            ),
            self._on_loaded,
            self._on_error,
        )
        self.photos.show_person(person_id)

    def _on_error(self, error: Exception) -> None:
        show_error(self, error)

    def _on_loaded(self, loaded: tuple[Any, dict[str, Any], list[Screening]]) -> None:
        person, fields, screenings = loaded
        self.title.setText(f"{person.temp_id}   {person.name}   {person.name_own}".strip())
        while self.details.rowCount():
            self.details.removeRow(0)
        age = (
            ""
            if person.age is None
            else str(person.age) + (self.tr(" (estimated)") if fields.get("age_uncertain") else "")
        )
        for label, value in (
            (self.tr("Nationality"), person.nationality),
            (self.tr("Sex"), sex_label(person.sex)),
            (self.tr("Age"), age),
            (self.tr("Languages"), ", ".join(fields.get("languages") or [])),
            (self.tr("Passport / ID no."), person.document_no),
            (self.tr("Urgent needs"), fields.get("urgent_needs", "")),
            (
                self.tr("Record"),
                self.tr("{status}, version {version}").format(
                    status=status_label(person.status), version=person.version
                ),
            ),
        ):
            value_label = QLabel(value or "—")
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addRow(label, value_label)
        self.screening_list.clear()
        for screening in screenings:
            text = self.tr("{outcome} — {status}, version {version}").format(
                outcome=outcome_label(screening.outcome),
                status=status_label(screening.status),
                version=screening.version,
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, screening.id)
            self.screening_list.addItem(item)
        self.new_screening.setText(self.tr("&Screen again") if screenings else self.tr("&Screen this person"))
