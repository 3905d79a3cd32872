"""The people kept together with a person (family, couple, travelled together), on the person page.

"Link…" asks for the other person's temporary id (or scans their band), the relation and who said so;
the link is a signed event. Linking a possible minor to an adult shows the safeguarding prompt at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ValidationError
from fieldapp.records.links import RELATIONS, SAID_BY, Link, link, links_of, safeguarding, unlink
from fieldapp.records.service import Records
from ui.errors import show_error, translated, user_message
from ui.naming import named
from ui.tasks import TaskRunner


class LinkDialog(QDialog):
    """The other person, the relation (and which of the two is the parent) and who said so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("link_dialog")
        self.setWindowTitle(self.tr("Kept together with…"))
        self.other = named(QLineEdit(), "link_other")
        self.other.setPlaceholderText(self.tr("Temporary id, or scan their wristband"))
        self.relation = named(QComboBox(), "link_relation")
        for key, (first, _second) in RELATIONS.items():
            if key == "parent_child":
                self.relation.addItem(self.tr("This person is the parent of…"), ("parent_child", 0))
                self.relation.addItem(self.tr("This person is the child of…"), ("parent_child", 1))
            else:
                self.relation.addItem(translated(first), (key, 0))
        self.said_by = named(QComboBox(), "link_said_by")
        for key, words in SAID_BY.items():
            self.said_by.addItem(translated(words), key)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Other person"), self.other)
        form.addRow(self.tr("&Relation"), self.relation)
        form.addRow(self.tr("&Who said so"), self.said_by)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


class LinksPanel(QWidget):
    """Lists the person's links; ``changed`` after a link or an unlink."""

    changed = Signal()

    def __init__(self, *, records: Records, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records, self._runner = records, runner
        self.person_id = ""
        self.links: list[Link] = []
        self.list = named(QListWidget(), "person_links")
        self.list.setAccessibleName(self.tr("Kept together with"))
        self.list.setMaximumHeight(64)
        self.warning = named(QLabel(), "person_links_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a40000;")
        self.link_button = named(QPushButton(self.tr("Lin&k…")), "person_link")
        self.link_button.clicked.connect(self.ask_link)
        self.unlink_button = named(QPushButton(self.tr("Unlink")), "person_unlink")
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.unlink_button.setEnabled(False)
        self.list.currentRowChanged.connect(lambda row: self.unlink_button.setEnabled(row >= 0))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Kept together with")))
        row.addStretch(1)
        row.addWidget(self.link_button)
        row.addWidget(self.unlink_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)
        layout.addWidget(self.warning)

    def show_person(self, person_id: str) -> None:
        self.person_id = person_id
        records = self._records

        def load() -> tuple[list[Link], list[ValidationError]]:
            found = links_of(records.conn, person_id)
            prompts = [p for f in found for p in safeguarding(records, person_id, f.other_id)]
            return found, prompts

        self._runner.run_db(load, self._show, lambda error: show_error(self, error))

    def _show(self, loaded: tuple[list[Link], list[ValidationError]]) -> None:
        self.links, prompts = loaded
        self.list.clear()
        for found in self.links:
            item = QListWidgetItem(f"{translated(found.relation_words)} {found.other_temp_id}")
            item.setData(Qt.ItemDataRole.UserRole, found.other_id)
            self.list.addItem(item)
        self.list.setVisible(bool(self.links))
        self.warning.setText("\n".join(user_message(p) for p in prompts))
        self.warning.setVisible(bool(prompts))

    def ask_link(self) -> None:
        dialog = LinkDialog(self)
        dialog.accepted.connect(lambda: self._link(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _link(self, dialog: LinkDialog) -> None:
        records, person_id = self._records, self.person_id
        typed = dialog.other.text()
        relation, role = dialog.relation.currentData()
        said_by = str(dialog.said_by.currentData())

        def work() -> list[ValidationError]:
            other = records.find_person(typed).id
            first, second = (person_id, other) if role == 0 else (other, person_id)
            return link(records, first, second, relation, said_by)

        self._runner.run_db(work, self._linked, lambda error: show_error(self, error))

    def _linked(self, prompts: list[ValidationError]) -> None:
        self.show_person(self.person_id)
        self.changed.emit()
        if prompts:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Safeguarding"),
                "\n\n".join(user_message(p) for p in prompts),
                parent=self,
            )
            box.setObjectName("link_safeguarding")
            box.finished.connect(box.deleteLater)
            box.open()

    def unlink_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        records, person_id, other = self._records, self.person_id, str(item.data(Qt.ItemDataRole.UserRole))
        self._runner.run_db(
            lambda: unlink(records, person_id, other),
            lambda _: self._linked([]),
            lambda e: show_error(self, e),
        )
