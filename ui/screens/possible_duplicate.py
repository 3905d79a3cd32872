"""The possible-duplicate warning: someone in this operation looks like the person being registered (or
holds the same photo). Opening the existing person is the default (Enter); registering anyway is a
deliberate second choice; Escape goes back with nothing saved and nothing typed lost."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.records.service import PersonRow
from ui.models.persons import sex_label
from ui.naming import named
from ui.widgets.country_field import country_label
from ui.widgets.fit_screen import fit_to_screen

LIST_WIDTH = 640  # about the list's width in the dialog's first size
WRAP = int(Qt.TextFlag.TextWordWrap)


class PossibleDuplicateDialog(QDialog):
    """Finishes with OPEN (``chosen_person_id()`` is the one to open), ANYWAY, or Rejected."""

    OPEN = 2
    ANYWAY = 3

    def __init__(
        self,
        matches: list[tuple[PersonRow, tuple[str, ...]]],
        *,
        photo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("possible_duplicate_dialog")
        self.setWindowTitle(self.tr("Possibly registered already"))
        intro = QLabel(
            self.tr("This photo is also attached to someone else in this operation:")
            if photo
            else self.tr(
                "This person may already be registered in this operation. Check the wristband or ask "
                "their name again:"
            )
        )
        intro.setWordWrap(True)
        self.matches = named(QListWidget(), "duplicate_matches")
        self.matches.setAccessibleName(self.tr("Persons who look the same"))
        # Each person on two lines that wrap: the reasons stay in view, never behind a sideways scroll.
        self.matches.setWordWrap(True)
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.setAlternatingRowColors(True)
        self.matches.setTextElideMode(Qt.TextElideMode.ElideNone)
        metrics = self.matches.fontMetrics()
        for person, reasons in matches:
            item = QListWidgetItem(self._describe(person, reasons))
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            # Tall enough for every line: Khmer and other scripts' lines are taller than the list's own
            # font says, and a row too short elides its last line.
            lines = metrics.boundingRect(QRect(0, 0, LIST_WIDTH, 10_000), WRAP, item.text()).height()
            item.setSizeHint(QSize(0, lines + metrics.height()))
            self.matches.addItem(item)
        self.matches.setCurrentRow(0)
        self.matches.itemActivated.connect(lambda _item: self.done(self.OPEN))
        self.open_button = named(QPushButton(self.tr("&Open the existing person")), "duplicate_open")
        self.anyway_button = named(
            QPushButton(self.tr("&Keep both") if photo else self.tr("&Register anyway")), "duplicate_anyway"
        )
        self.back_button = named(QPushButton(self.tr("Go &back")), "duplicate_back")
        self.back_button.setToolTip(
            self.tr("Back to the form: nothing is saved, nothing typed is lost (Esc)")
        )
        buttons = QDialogButtonBox()
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.anyway_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.back_button.clicked.connect(self.reject)
        self.back_button.setAutoDefault(False)
        self.open_button.clicked.connect(lambda: self.done(self.OPEN))
        self.anyway_button.clicked.connect(lambda: self.done(self.ANYWAY))
        self.anyway_button.setAutoDefault(False)
        self.open_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.matches)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 340)
        self.open_button.setFocus()

    def _describe(self, person: PersonRow, reasons: tuple[str, ...]) -> str:
        why = {
            "name": self.tr("same name"),
            "document": self.tr("same passport or ID number"),
            "photo": self.tr("same photo"),
        }
        who = [person.temp_id, " / ".join(n for n in (person.name, person.name_own) if n)]
        facts = [
            country_label(person.nationality),
            sex_label(person.sex) if person.sex != "unknown" else "",
            self.tr("age %1").replace("%1", str(person.age)) if person.age is not None else "",
        ]
        because = ", ".join(why.get(r, r) for r in reasons)
        return (
            "  ·  ".join(f for f in who if f) + "\n" + "  ·  ".join(f for f in facts if f) + f"  —  {because}"
        )

    def chosen_person_id(self) -> str:
        item = self.matches.currentItem() or self.matches.item(0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""
