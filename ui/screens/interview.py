"""The screening interview: a step-by-step form over the full screening record, saved as it is typed.

Consent comes first and unlocks the rest. Every change is checked on the spot with the core's own field
checks, then saved (debounced, at most one save in flight, later changes queued) through
``Screenings.save`` on the database worker; the live outcome and its explanation follow each save.
A team lead finalises with their passphrase; a final screening is read-only until amended with a reason.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldAppError, ValidationError
from fieldapp.records import screening_record as schema
from fieldapp.records.projections import possibly_minor
from fieldapp.records.screenings import ADULT_SET, CHILD_SET, Screening, Screenings
from fieldapp.records.service import MIN_REASON, PersonRow
from fieldapp.screening import (
    DEFAULT_LINKED_SET,
    IndicatorSet,
    Outcome,
    ScreeningResult,
    explain,
    load_set,
)
from fieldapp.vault.session import Session
from ui.errors import show_error, user_message
from ui.tasks import TaskRunner
from ui.widgets import (
    MISSING,
    CheckList,
    Column,
    EntryTable,
    IndicatorItem,
    OutcomePanel,
    RespondentCard,
    YesNoChoice,
    respondent_language,
)

logger = logging.getLogger(__name__)

AUTOSAVE_MS = 500
STEP_KEYS = (
    "consent",
    "interpreter",
    "recruitment",
    "exploitation",
    "indicators",
    "needs",
    "intelligence",
    "assessment",
)
SC_GROUP = "SC"
_IMMEDIATE_NEEDS = ("food", "water", "shelter", "medical", "consular", "legal", "clothes", "phone_family")
_WISHES = ("return_home", "contact_family", "stay_in_cambodia", "shelter", "undecided")
_WORK_TYPES = ("online_scam", "gambling", "money_laundering", "sexual_exploitation", "domestic", "other")
_PLATFORMS = ("Facebook", "Telegram", "WhatsApp", "WeChat", "TikTok", "Line", "LinkedIn", "Zalo", "Other")


@dataclass(frozen=True)
class Loaded:
    """What the screen needs before it can show anything, read in one go on the database worker."""

    person: PersonRow
    person_fields: dict[str, Any]
    screening: Screening | None
    main_set: IndicatorSet
    linked_set: IndicatorSet


@dataclass(frozen=True)
class Explained:
    result: ScreeningResult
    lines: list[str]


@dataclass
class _Field:
    section: str
    name: str
    widget: QWidget
    get: Callable[[], Any]
    put: Callable[[Any], None]


class _IdBox:
    """The screening id, written on the worker by ``begin`` so a save queued behind it finds it."""

    def __init__(self, screening_id: str | None) -> None:
        self.id = screening_id


def _combine(older: dict[str, dict[str, Any]], newer: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Two batches of changes as one; the newer value of a field wins."""
    out: dict[str, dict[str, Any]] = {section: dict(fields) for section, fields in older.items()}
    for section, fields in newer.items():
        if section == "indicators":
            answers = dict(out.get(section, {}).get("answers", {}))
            answers.update(fields.get("answers", {}))
            out[section] = {"answers": answers}
        else:
            out.setdefault(section, {}).update(fields)
    return out


class _Rows:
    """Label and field rows that wrap long (Khmer) labels properly, unlike QFormLayout's label column.

    ``wrap_all`` puts each label above its field, full width; otherwise label and field sit side by side
    (2 : 3) and the label wraps within its column.
    """

    def __init__(self, box: QGroupBox, *, wrap_all: bool) -> None:
        self.grid = QGridLayout(box)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(1, 3)
        self.grid.setVerticalSpacing(6)
        self.wrap_all = wrap_all
        self.row = 0

    def addRow(self, label: QWidget, field: QWidget | None = None) -> None:  # noqa: N802 (QFormLayout's name)
        if field is None:
            self.grid.addWidget(label, self.row, 0, 1, 2)
        elif self.wrap_all:
            pair = QWidget()
            stacked = QVBoxLayout(pair)
            stacked.setContentsMargins(0, 0, 0, 8)  # margins never shrink, even on a short screen
            stacked.setSpacing(3)
            stacked.addWidget(label)
            stacked.addWidget(field)
            self.grid.addWidget(pair, self.row, 0, 1, 2)
        else:
            self.grid.addWidget(label, self.row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(field, self.row, 1)
        self.row += 1


class PassphraseDialog(QDialog):
    """Asks the signed-in officer's passphrase before finalising."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self.setWindowTitle(self.tr("Finalise the screening"))
        text = QLabel(
            self.tr(
                "A final screening can no longer be edited, only amended with a reason. "
                "Type your passphrase to sign it."
            )
        )
        text.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("finalise_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        label = QLabel(self.tr("&Passphrase"))
        label.setBuddy(self.passphrase)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Finalise"))
        ok.setObjectName("finalise_ok")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.buttons)

    def take_passphrase(self) -> str:
        """The passphrase, emptied from the field as it is taken."""
        value = self.passphrase.text()
        self.passphrase.clear()
        return value


class ReasonDialog(QDialog):
    """Asks why a final screening is being amended; OK stays disabled until there is a reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(self.tr("Amend the screening"))
        text = QLabel(
            self.tr(
                "Say why this final screening is changed (for example: the person said more in a second "
                "interview). The reason is kept with the new version."
            )
        )
        text.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("amend_reason")
        self.reason.setTabChangesFocus(True)
        label = QLabel(self.tr("&Reason (required)"))
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Start amending"))
        self.ok.setObjectName("amend_ok")
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(
            lambda: self.ok.setEnabled(len(self.reason.toPlainText().strip()) >= MIN_REASON)
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if len(self.reason.toPlainText().strip()) < MIN_REASON:
            return
        super().accept()


class InterviewScreen(QWidget):
    """A screening of one person, new (``screening_id=None``: begun on the first change) or reopened."""

    closed = Signal()
    loaded = Signal()
    saved = Signal(object)  # Screening, after each successful save, finalise or amendment
    explained = Signal()

    def __init__(
        self,
        *,
        screenings: Screenings,
        session: Session,
        runner: TaskRunner,
        person_id: str,
        screening_id: str | None = None,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interview_screen")
        self._screenings = screenings
        self._session = session
        self._runner = runner
        self._person_id = person_id
        self._ids = _IdBox(screening_id)
        self._language = language
        self._text_lang = language if language in ("en", "km") else "en"
        self._team_lead = session.officer.has_role("team_lead")
        self._officer_name = session.officer.name
        self.is_loaded = False
        self._loading = True
        self.screening: Screening | None = None
        self._mode = "draft"  # "draft", "final" or "amend"
        self._amend_reason = ""
        self._fields: dict[tuple[str, str], _Field] = {}
        self._invalid: dict[tuple[str, str], str] = {}
        self._pending: dict[str, dict[str, Any]] = {}
        self._in_flight: deque[dict[str, dict[str, Any]]] = deque()
        self._resave = False
        self._save_error = ""
        self.indicator_items: dict[str, IndicatorItem] = {}
        self.step_keys: list[str] = [k for k in STEP_KEYS if k != "intelligence" or self._team_lead]
        self._first_field: dict[str, QWidget] = {}
        self._page_forms: dict[str, QWidget] = {}
        self._respondent_lang = "en"
        self._minor = False
        self._loaded_data: Loaded | None = None
        self.respondent_card: RespondentCard | None = None
        self.passphrase_dialog: PassphraseDialog | None = None
        self.reason_dialog: ReasonDialog | None = None

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setObjectName("autosave_timer")
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self._save_now)

        self._build_frame()
        self._start_loading()

    # --- frame: header, step list, pages, navigation, outcome -------------------------------------

    def _build_frame(self) -> None:
        self.title = QLabel(self.tr("Screening"))
        self.title.setObjectName("interview_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.record_status = QLabel(self.tr("Loading…"))
        self.record_status.setObjectName("record_status")
        self.record_status.setWordWrap(True)
        self.save_status = QLabel()
        self.save_status.setObjectName("save_status")
        self.save_status.setWordWrap(True)
        self.amend_button = QPushButton(self.tr("Amend…"))
        self.amend_button.setObjectName("amend_button")
        self.amend_button.setVisible(False)
        self.amend_button.clicked.connect(self._ask_amend_reason)
        self.save_amendment_button = QPushButton(self.tr("Save amendment"))
        self.save_amendment_button.setObjectName("save_amendment_button")
        self.save_amendment_button.setVisible(False)
        self.save_amendment_button.clicked.connect(self.save_amendment)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setObjectName("close_button")
        self.close_button.setToolTip(self.tr("Save and close this screening"))
        self.close_button.clicked.connect(self.close_screen)

        status_row = QVBoxLayout()
        status_row.addWidget(self.title)
        status_row.addWidget(self.record_status)
        status_row.addWidget(self.save_status)
        header = QHBoxLayout()
        header.addLayout(status_row, 1)
        header.addWidget(self.amend_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.save_amendment_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

        self.steps = QListWidget()
        self.steps.setObjectName("steps")
        self.steps.setAccessibleName(self.tr("Interview steps"))
        self.steps.setWordWrap(True)
        self.steps.setMinimumWidth(150)
        self.steps.setMaximumWidth(240)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.loading_label = QLabel(self.tr("Opening the screening…"))
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.loading_label)

        self.back_button = QPushButton(self.tr("← &Back"))
        self.back_button.setObjectName("back_button")
        self.back_button.setToolTip(self.tr("Previous step (Ctrl+PgUp or Alt+Left)"))
        self.next_button = QPushButton(self.tr("&Next →"))
        self.next_button.setObjectName("next_button")
        self.next_button.setToolTip(self.tr("Next step (Ctrl+PgDown or Alt+Right)"))
        self.back_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        self.back_button.setEnabled(False)
        self.next_button.setEnabled(False)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.pages, 1)
        centre_layout.addLayout(nav)

        self.outcome_panel = OutcomePanel()
        self.outcome_panel.setMinimumWidth(220)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("interview_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.steps)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.outcome_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([190, 560, 280])

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)

        for keys, slot in (
            (("Ctrl+PgDown", "Alt+Right"), self.next_step),
            (("Ctrl+PgUp", "Alt+Left"), self.previous_step),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        self.steps.currentRowChanged.connect(self._on_step_changed)

    # --- loading ---------------------------------------------------------------------------------

    def _start_loading(self) -> None:
        screenings, person_id, screening_id = self._screenings, self._person_id, self._ids.id

        def load() -> Loaded:
            records = screenings.records
            person = records.person(person_id)
            fields = records.person_fields(person_id)
            screening = screenings.get(screening_id) if screening_id else None
            if screening is not None:
                pins = screening.pins
                main = load_set(pins["set_id"], pins["set_version"])
                linked = load_set(pins["linked_set_id"], pins["linked_set_version"])
            else:  # the sets `begin` will pin
                main = load_set(CHILD_SET if possibly_minor(fields) else ADULT_SET)
                linked = load_set(DEFAULT_LINKED_SET)
            return Loaded(person, fields, screening, main, linked)

        self._runner.run_db(load, self._on_loaded, self._on_load_error)

    @Slot(object)
    def _on_load_error(self, error: Exception) -> None:
        self.loading_label.setText(
            self.tr("The screening could not be opened: %1").replace(
                "%1", user_message(error) if isinstance(error, FieldAppError) else type(error).__name__
            )
        )
        self.record_status.setText("")
        show_error(self, error)

    @Slot(object)
    def _on_loaded(self, data: Loaded) -> None:
        started = time.perf_counter()
        self._loaded_data = data
        person = data.person
        names = " · ".join(n for n in (person.name, person.name_own, person.temp_id) if n)
        self.title.setText(self.tr("Screening: %1").replace("%1", names))
        self._respondent_lang = respondent_language(data.person_fields.get("languages"))
        self._minor = possibly_minor(data.person_fields) or person.minor
        self._build_pages(data)
        self._loading = True
        if data.screening is not None:
            self._show_screening(data.screening)
            self._request_explanation()
        self._loading = False
        self.is_loaded = True
        self._apply_mode()
        self.steps.setCurrentRow(0)
        self._update_save_status()
        logger.debug("interview screen built in %.0f ms", (time.perf_counter() - started) * 1000)
        self.loaded.emit()

    def _show_screening(self, screening: Screening) -> None:
        """Every saved value into its widget (emits no changes)."""
        self.screening = screening
        self._mode = "final" if screening.status == "final" else "draft"
        for (section, name), field in self._fields.items():
            stored = screening.sections.get(section) or {}
            if name in stored:
                field.put(stored[name])
        if (screening.sections.get("interview") or {}).get("declined"):
            self._show_declined_recorded()
        answers = (screening.sections.get("indicators") or {}).get("answers") or {}
        for item_id, value in answers.items():
            item = self.indicator_items.get(item_id)
            if item is not None:
                item.set_value(value)

    # --- pages -----------------------------------------------------------------------------------

    def _build_pages(self, data: Loaded) -> None:
        builders: dict[str, Callable[[Loaded], tuple[str, QWidget]]] = {
            "consent": self._page_consent,
            "interpreter": self._page_interpreter,
            "recruitment": self._page_recruitment,
            "exploitation": self._page_exploitation,
            "indicators": self._page_indicators,
            "needs": self._page_needs,
            "intelligence": self._page_intelligence,
            "assessment": self._page_assessment,
        }
        self.pages.removeWidget(self.loading_label)
        self.loading_label.deleteLater()
        for number, key in enumerate(self.step_keys, start=1):
            title, page = builders[key](data)
            page.setObjectName(f"page_{key}")
            self.pages.addWidget(page)
            item = QListWidgetItem(f"{number}. {title}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.steps.addItem(item)
        self.back_button.setEnabled(True)
        self.next_button.setEnabled(True)

    def _page(self, key: str, title: str, intro: str = "") -> tuple[QScrollArea, QVBoxLayout]:
        """A scrolling page; its form part (disabled when read-only) is ``self._page_forms[key]``."""
        form = QWidget()
        form.setObjectName(f"form_{key}")
        layout = QVBoxLayout(form)
        heading = QLabel(title)
        heading.setWordWrap(True)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            layout.addWidget(text)
        self._page_forms[key] = form
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )  # wrap, never scroll sideways
        scroll.setWidget(form)
        return scroll, layout

    def _group(self, layout: QVBoxLayout, title: str, *, wrap_all: bool = False) -> _Rows:
        box = QGroupBox(title)
        layout.addWidget(box)
        return _Rows(box, wrap_all=wrap_all)

    def _add(
        self,
        form: _Rows,
        section: str,
        name: str,
        label: str,
        widget: QWidget,
        get: Callable[[], Any],
        put: Callable[[Any], None],
        signal: Any,
    ) -> None:
        widget.setObjectName(f"{section}.{name}")
        text = QLabel(label)
        text.setWordWrap(True)
        text.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", ""))
        form.addRow(text, widget)
        field = _Field(section, name, widget, get, put)
        self._fields[(section, name)] = field
        signal.connect(lambda *_args: self._field_changed(field))

    def _line(self, form: _Rows, section: str, name: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self._add(
            form,
            section,
            name,
            label,
            edit,
            edit.text,
            lambda v: edit.setText(str(v or "")),
            edit.textChanged,
        )
        return edit

    def _country(self, form: _Rows, section: str, name: str, label: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(self.tr("three letters, e.g. VNM"))
        edit.setMaxLength(3)

        def get() -> Any:
            return edit.text().strip().upper() or MISSING

        self._add(
            form, section, name, label, edit, get, lambda v: edit.setText(str(v or "")), edit.textChanged
        )
        return edit

    def _words(self, form: _Rows, section: str, name: str, label: str, placeholder: str = "") -> QLineEdit:
        """A list of words typed with commas between them."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder or self.tr("separate with commas"))

        def get() -> list[str]:
            return [part.strip() for part in edit.text().split(",") if part.strip()]

        def put(value: Any) -> None:
            edit.setText(", ".join(value or []))

        self._add(form, section, name, label, edit, get, put, edit.textChanged)
        return edit

    def _text(self, form: _Rows, section: str, name: str, label: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(60)
        edit.setMaximumHeight(90)
        self._add(
            form,
            section,
            name,
            label,
            edit,
            edit.toPlainText,
            lambda v: edit.setPlainText(str(v or "")),
            edit.textChanged,
        )
        return edit

    def _yesno(self, form: _Rows, section: str, name: str, label: str) -> YesNoChoice:
        choice = YesNoChoice()
        self._add(form, section, name, label, choice, choice.value, choice.set_value, choice.changed)
        return choice

    def _flag(self, form: _Rows, section: str, name: str, label: str) -> QCheckBox:
        box = QCheckBox()
        self._add(
            form, section, name, label, box, box.isChecked, lambda v: box.setChecked(bool(v)), box.toggled
        )
        return box

    def _combo(
        self,
        form: _Rows,
        section: str,
        name: str,
        label: str,
        values: Sequence[str],
        labels: dict[str, str],
        *,
        editable: bool = False,
    ) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        combo.addItem("—" if not editable else "", "")
        for value in values:
            combo.addItem(labels.get(value, value), value)

        def get() -> Any:
            if editable:
                return combo.currentText().strip()
            return combo.currentData() or MISSING

        def put(value: Any) -> None:
            found = combo.findData(value)
            if found >= 0:
                combo.setCurrentIndex(found)
            elif editable:
                combo.setEditText(str(value or ""))

        signal = combo.currentTextChanged if editable else combo.currentIndexChanged
        self._add(form, section, name, label, combo, get, put, signal)
        return combo

    def _number(self, form: _Rows, section: str, name: str, label: str, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(-1, high)
        spin.setSpecialValueText(self.tr("not known"))
        spin.setValue(-1)

        def get() -> int | None:
            return None if spin.value() < 0 else spin.value()

        def put(value: Any) -> None:
            spin.setValue(-1 if value is None else int(value))

        self._add(form, section, name, label, spin, get, put, spin.valueChanged)
        return spin

    def _checklist(
        self, form: _Rows, section: str, name: str, label: str, options: Sequence[tuple[str, str]]
    ) -> CheckList:
        checks = CheckList(options)
        self._add(
            form,
            section,
            name,
            label,
            checks,
            checks.value,
            lambda v: checks.set_value(v or []),
            checks.changed,
        )
        return checks

    def _table(
        self,
        form: _Rows,
        section: str,
        name: str,
        label: str,
        columns: Sequence[Column],
        add_text: str,
    ) -> EntryTable:
        table = EntryTable(
            columns, add_text=add_text, remove_text=self.tr("Remove selected row"), accessible_name=label
        )
        self._add(
            form, section, name, label, table, table.value, lambda v: table.set_value(v or []), table.changed
        )
        return table

    # each page ------------------------------------------------------------------------------------

    def _page_consent(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Consent")
        page, layout = self._page(
            "consent",
            title,
            self.tr(
                "Ask before anything else. Explain in a language the person understands; they may refuse, "
                "skip any question or stop at any time. The other steps open once the first question is answered."
            ),
        )
        questions = {
            "consents_to_interview": self.tr("Does the person agree to be interviewed? (A child: assent.)"),
            "told_purpose": self.tr("Told the purpose of the interview?"),
            "told_uses_of_data": self.tr("Told how the information is and may be used?"),
            "told_research_use": self.tr(
                "Told that information without their name may be used for research?"
            ),
            "told_can_request_data": self.tr("Told they can ask for their personal data at any time?"),
            "told_storage_period": self.tr("Told how long the data is kept?"),
            "told_how_to_withdraw": self.tr("Told how to withdraw consent?"),
        }
        form = self._group(layout, self.tr("Informed consent"), wrap_all=True)
        for item in schema.CONSENT_ITEMS:
            self._yesno(form, "consent", item, questions.get(item, item))
        self.consent_choice = self._fields[("consent", "consents_to_interview")].widget
        self._first_field["consent"] = self.consent_choice

        self.declined_box = QFrame()
        self.declined_box.setObjectName("declined_box")
        self.declined_box.setFrameShape(QFrame.Shape.StyledPanel)
        declined_text = QLabel(
            self.tr(
                "The person does not agree to be interviewed. Do not ask further questions. "
                "Record the refusal, then protect and refer as for anyone found in the compound."
            )
        )
        declined_text.setWordWrap(True)
        self.record_declined_button = QPushButton(self.tr("Record that the person &declined"))
        self.record_declined_button.setObjectName("record_declined")
        self.record_declined_button.clicked.connect(self.record_declined)
        declined_layout = QVBoxLayout(self.declined_box)
        declined_layout.addWidget(declined_text)
        declined_layout.addWidget(self.record_declined_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.declined_box.setVisible(False)
        layout.addWidget(self.declined_box)

        share = self._group(layout, self.tr("Consent to share the information with"), wrap_all=False)
        share_labels = {
            "share_embassy": self.tr("Their embassy or consulate"),
            "share_mosvy": self.tr("MoSVY / DoSVY (social affairs)"),
            "share_ngo_iom": self.tr("An NGO or IOM"),
            "share_police": self.tr("The police"),
        }
        for item in schema.SHARE_WITH:
            self._yesno(share, "consent", item, share_labels.get(item, item))
        photos = self._group(layout, self.tr("Consent to photographs"))
        photo_labels = {
            "photo_portrait": self.tr("Portrait for identification"),
            "photo_injury": self.tr("Injuries"),
            "photo_document": self.tr("Documents"),
            "photo_scene": self.tr("The place (scene)"),
        }
        for item in schema.PHOTO_CONSENT:
            self._yesno(photos, "consent", item, photo_labels.get(item, item))
        signed = self._group(layout, self.tr("Signature"))
        self._combo(
            signed,
            "consent",
            "signed_by",
            self.tr("&Consent given by"),
            ("signature", "thumbprint", "verbal", "none"),
            {
                "signature": self.tr("Signature"),
                "thumbprint": self.tr("Thumbprint"),
                "verbal": self.tr("Spoken (verbal)"),
                "none": self.tr("Not signed"),
            },
        )
        self._line(signed, "consent", "witness", self.tr("&Witness (name and role)"))
        guardian = self._line(
            signed, "consent", "guardian_assent", self.tr("&Guardian or social worker assent (for a minor)")
        )
        guardian.setPlaceholderText(self.tr("name, role and agency"))
        if self._minor:
            minor_note = QLabel(
                self.tr(
                    "This person may be under 18: a guardian or a social worker must also agree, and child "
                    "protection staff should take part in the interview."
                )
            )
            minor_note.setObjectName("minor_note")
            minor_note.setWordWrap(True)
            minor_note.setStyleSheet("font-weight: bold;")
            signed.addRow(minor_note)
        layout.addStretch(1)
        return title, page

    def _page_interpreter(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Interpreter and language")
        page, layout = self._page("interpreter", title)
        form = self._group(layout, self.tr("Language"))
        self._first_field["interpreter"] = self._words(
            form, "language", "preferred", self.tr("&Languages the person prefers"), self.tr("e.g. vi, en")
        )
        self._line(form, "language", "interview_language", self.tr("Interview &language"), self.tr("e.g. vi"))
        self._flag(form, "language", "interpreter_needed", self.tr("An interpreter is &needed"))
        interp = self._group(layout, self.tr("Interpreter"))
        self._flag(interp, "language", "interpreter_present", self.tr("An interpreter is &present"))
        self._line(interp, "language", "interpreter_name", self.tr("Interpreter's na&me"))
        self._line(interp, "language", "interpreter_agency", self.tr("Interpreter's a&gency"))
        self._line(
            interp, "language", "interpreter_language_pair", self.tr("Language &pair"), self.tr("e.g. vi–km")
        )
        self._yesno(
            interp,
            "language",
            "interpreter_independent",
            self.tr("The interpreter is not connected to the compound or the employer (ask, do not assume)"),
        )
        self.interpreter_warning = QLabel(
            self.tr(
                "This interpreter may be connected to the compound or the employer. Find an independent "
                "interpreter before going on."
            )
        )
        self.interpreter_warning.setObjectName("interpreter_warning")
        self.interpreter_warning.setWordWrap(True)
        self.interpreter_warning.setStyleSheet("font-weight: bold; color: #b3261e;")
        self.interpreter_warning.setVisible(False)
        interp.addRow(self.interpreter_warning)
        setting = self._group(layout, self.tr("Interview setting"))
        self._line(setting, "meta", "place", self.tr("P&lace"))
        self._line(setting, "meta", "compound", self.tr("Compo&und"))
        self._yesno(setting, "meta", "private_setting", self.tr("Private setting"))
        self._line(setting, "meta", "others_present", self.tr("&Others present"))
        self._line(setting, "meta", "already_interviewed_by", self.tr("Already interviewed by"))
        layout.addStretch(1)
        return title, page

    def _page_recruitment(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Recruitment")
        page, layout = self._page("recruitment", title)
        form = self._group(layout, self.tr("How the person was recruited"))
        methods = {
            "AtAPlaceOfBusiness": self.tr("At a place of business"),
            "AtAnEducationalInstitution": self.tr("At a school or college"),
            "AtWork": self.tr("At work"),
            "ThroughOnlineSocialNetworks": self.tr("Through social media"),
            "ThroughAnOnlineAdvertisement": self.tr("Through an online advertisement"),
            "ThroughATelevisionAdvert": self.tr("Through a television advert"),
            "ThroughANewspaperAdvert": self.tr("Through a newspaper advert"),
            "ThroughFamilyOrFamilyEvents": self.tr("Through family"),
            "ThroughFriendsOrSocialEvents": self.tr("Through friends or social events"),
            "Other": self.tr("Other"),
        }
        self._first_field["recruitment"] = self._line(
            form, "recruitment", "date", self.tr("&Date"), self.tr("YYYY-MM-DD")
        )
        self._country(form, "recruitment", "country", self.tr("C&ountry"))
        self._line(form, "recruitment", "city", self.tr("C&ity"))
        self._combo(form, "recruitment", "method", self.tr("&Method"), schema.RECRUITMENT_METHODS, methods)
        self._combo(
            form, "recruitment", "platform", self.tr("&Platform or app"), _PLATFORMS, {}, editable=True
        )
        relations = {
            "IntimatePartner": self.tr("Partner"),
            "Friend": self.tr("Friend"),
            "Family": self.tr("Family"),
            "Other": self.tr("Other or stranger"),
        }
        self._combo(
            form,
            "recruitment",
            "recruiter_relationship",
            self.tr("&Recruiter was"),
            schema.RECRUITER_RELATIONS,
            relations,
        )
        promised = self._group(layout, self.tr("What was promised"))
        self._line(promised, "recruitment", "promised_job", self.tr("&Job"))
        self._line(promised, "recruitment", "promised_employer", self.tr("&Employer"))
        self._line(promised, "recruitment", "promised_location", self.tr("&Where"))
        self._line(promised, "recruitment", "promised_salary", self.tr("&Salary"))
        self._line(promised, "recruitment", "fees_or_debt", self.tr("&Fees paid or debt created"))
        travel = self._group(layout, self.tr("Travel"))
        self._line(travel, "recruitment", "travel_paid_by", self.tr("Travel &paid by"))
        self._text(travel, "recruitment", "route", self.tr("Ro&ute"))
        self._words(
            travel,
            "recruitment",
            "transit_countries",
            self.tr("&Transit countries"),
            self.tr("e.g. THA, LAO"),
        )
        self._line(travel, "recruitment", "entry_point", self.tr("E&ntry point into Cambodia"))
        self._line(travel, "recruitment", "visa_type", self.tr("&Visa type or irregular entry"))
        layout.addStretch(1)
        return title, page

    def _page_exploitation(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Exploitation history")
        page, layout = self._page("exploitation", title)
        form = self._group(
            layout,
            self.tr("Compounds, one row each (dates as YYYY-MM-DD; arrows move between cells)"),
            wrap_all=True,
        )
        columns = (
            Column("name", self.tr("Name"), stretch=True),
            Column("location", self.tr("Where"), stretch=True),
            Column("arrived", self.tr("Arrived"), placeholder=self.tr("Date as YYYY-MM-DD")),
            Column("left", self.tr("Left"), placeholder=self.tr("Date as YYYY-MM-DD")),
            Column("how_transferred", self.tr("How moved or sold")),
            Column("price_or_debt", self.tr("Price or debt")),
        )
        self.compounds_table = self._table(
            form, "exploitation", "compounds", self.tr("Co&mpounds"), columns, self.tr("&Add compound")
        )
        self._first_field["exploitation"] = self.compounds_table
        work = self._group(layout, self.tr("Work"))
        work_types = {
            "online_scam": self.tr("Online scams"),
            "gambling": self.tr("Online gambling"),
            "money_laundering": self.tr("Money laundering"),
            "sexual_exploitation": self.tr("Sexual exploitation"),
            "domestic": self.tr("Domestic work"),
            "other": self.tr("Other"),
        }
        self._checklist(work, "exploitation", "work_type", self.tr("Type of &work"), list(work_types.items()))
        self._line(work, "exploitation", "quota", self.tr("&Quota or targets"))
        self._number(work, "exploitation", "hours_per_day", self.tr("&Hours a day"), 24)
        self._number(work, "exploitation", "rest_days_per_month", self.tr("&Rest days a month"), 31)
        self._line(work, "exploitation", "pay_received", self.tr("&Pay received"))
        self._line(work, "exploitation", "fines", self.tr("&Fines"))
        self._number(work, "exploitation", "months", self.tr("M&onths exploited in all"), 600)
        how_left = {
            "rescued": self.tr("Rescued"),
            "escaped": self.tr("Escaped"),
            "released": self.tr("Released"),
            "ransomed": self.tr("Ransomed"),
            "other": self.tr("Other"),
        }
        self._combo(
            work,
            "exploitation",
            "how_left",
            self.tr("How the person &left"),
            ("rescued", "escaped", "released", "ransomed", "other"),
            how_left,
        )
        layout.addStretch(1)
        return title, page

    def _page_indicators(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Indicators")
        page, layout = self._page(
            "indicators",
            title,
            self.tr(
                "Answer each item: 1 present, 2 absent, 3 unknown, 4 declined to answer. Press ? for help; "
                '"Show to person" shows the question in large type in the person\'s language.'
            ),
        )
        lang = self._text_lang
        strengths = {"strong": self.tr("strong"), "medium": self.tr("medium"), "weak": self.tr("weak")}
        for dimension in data.main_set.dimensions:
            items = [i for i in data.main_set.indicators if i.dimension == dimension.id]
            if not items:
                continue
            box = QGroupBox(f"{dimension.id} · {dimension.label.get(lang)}")
            box.setObjectName(f"dimension_{dimension.id}")
            box_layout = QVBoxLayout(box)
            for indicator in items:
                widget = IndicatorItem(
                    indicator.id,
                    indicator.label.get(lang),
                    indicator.help.get(lang),
                    tags=strengths.get(indicator.strength.value, indicator.strength.value),
                    show_to_respondent=indicator.show_to_respondent,
                )
                self._add_item(widget, box_layout)
            layout.addWidget(box)
        if data.linked_set.linked_items:
            box = QGroupBox(data.linked_set.title.get(lang))
            box.setObjectName(f"dimension_{SC_GROUP}")
            box_layout = QVBoxLayout(box)
            for linked in data.linked_set.linked_items:
                tags = self.tr("red flag") if linked.red_flag else ""
                if linked.maps_to:
                    counts = self.tr("counts as %1").replace("%1", ", ".join(linked.maps_to))
                    tags = f"{tags} · {counts}" if tags else counts
                widget = IndicatorItem(
                    linked.id,
                    linked.label.get(lang),
                    linked.help.get(lang),
                    tags=tags,
                    show_to_respondent=linked.show_to_respondent,
                )
                self._add_item(widget, box_layout)
            layout.addWidget(box)
        first = next(iter(self.indicator_items.values()), None)
        if first is not None:
            self._first_field["indicators"] = first
        layout.addStretch(1)
        return title, page

    def _add_item(self, widget: IndicatorItem, layout: QVBoxLayout) -> None:
        self.indicator_items[widget.item_id] = widget
        widget.changed.connect(self._indicator_changed)
        widget.show_requested.connect(self.show_to_respondent)
        layout.addWidget(widget)

    def _page_needs(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Needs and risks")
        page, layout = self._page("needs", title)
        health = self._group(layout, self.tr("Health"))
        self._first_field["needs"] = self._text(
            health, "needs", "urgent_medical", self.tr("&Urgent medical needs")
        )
        self._text(health, "needs", "injuries", self.tr("&Injuries"))
        self._line(health, "needs", "medication", self.tr("&Medication"))
        self._yesno(health, "needs", "pregnant", self.tr("Pregnant"))
        self._line(health, "needs", "disability", self.tr("&Disability"))
        self._yesno(health, "needs", "psychosocial_distress", self.tr("Signs of distress"))
        safety = self._group(layout, self.tr("Safety"))
        self._text(safety, "needs", "safety_risk", self.tr("&Safety risks (threats to the person or family)"))
        risk = {
            "low": self.tr("Low"),
            "medium": self.tr("Medium"),
            "high": self.tr("High"),
            "unknown": self.tr("Not known"),
        }
        self._combo(
            safety,
            "needs",
            "retrafficking_risk",
            self.tr("&Risk of being trafficked again"),
            ("low", "medium", "high", "unknown"),
            risk,
        )
        wishes = {
            "return_home": self.tr("Go home"),
            "contact_family": self.tr("Contact family"),
            "stay_in_cambodia": self.tr("Stay in Cambodia"),
            "shelter": self.tr("Go to a shelter"),
            "undecided": self.tr("Not decided"),
        }
        needs = {
            "food": self.tr("Food"),
            "water": self.tr("Water"),
            "shelter": self.tr("Shelter"),
            "medical": self.tr("Medical care"),
            "consular": self.tr("Embassy help"),
            "legal": self.tr("Legal help"),
            "clothes": self.tr("Clothes"),
            "phone_family": self.tr("A call to family"),
        }
        wants = self._group(layout, self.tr("Wishes and immediate needs"), wrap_all=True)
        self._checklist(
            wants, "needs", "wishes", self.tr("The person &wishes to"), [(k, wishes[k]) for k in _WISHES]
        )
        self._checklist(
            wants,
            "needs",
            "immediate_needs",
            self.tr("Needs &now"),
            [(k, needs[k]) for k in _IMMEDIATE_NEEDS],
        )
        layout.addStretch(1)
        return title, page

    def _page_intelligence(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Intelligence (team leads only)")
        page, layout = self._page(
            "intelligence",
            title,
            self.tr(
                "Restricted: only team leads see or record this section. It never goes on a handover form."
            ),
        )
        form = self._group(layout, self.tr("Still inside"))
        self._first_field["intelligence"] = self._number(
            form, "intelligence", "others_inside", self.tr("&Others still inside"), 100_000
        )
        self._words(
            form,
            "intelligence",
            "others_nationalities",
            self.tr("Their &nationalities"),
            self.tr("e.g. VNM, CHN"),
        )
        self._number(form, "intelligence", "children_inside", self.tr("&Children inside"), 100_000)
        people = self._group(layout, self.tr("Perpetrators and evidence"), wrap_all=True)
        roles = {
            "RecruiterOrIntermediary": self.tr("Recruiter"),
            "BrokerTravelAgent": self.tr("Broker or travel agent"),
            "Transporter": self.tr("Transporter"),
            "Exploiter": self.tr("Exploiter (boss)"),
            "Abuser": self.tr("Abuser"),
            "Kidnapper": self.tr("Kidnapper"),
            "Smuggler": self.tr("Smuggler"),
            "Other": self.tr("Other"),
        }
        columns = (
            Column("role", self.tr("Role"), tuple((r, roles.get(r, r)) for r in schema.PERPETRATOR_ROLES)),
            Column("name_or_description", self.tr("Name or description"), stretch=True),
            Column("nationality", self.tr("Nationality (3 letters)")),
        )
        self._table(
            people,
            "intelligence",
            "perpetrators",
            self.tr("&Perpetrators"),
            columns,
            self.tr("Add &perpetrator"),
        )
        self._text(people, "intelligence", "evidence", self.tr("&Evidence (seized phones, links)"))
        layout.addStretch(1)
        return title, page

    def _page_assessment(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Assessment and finalise")
        page, layout = self._page("assessment", title)
        form = self._group(layout, self.tr("The interview"))
        self._first_field["assessment"] = self._flag(
            form, "interview", "completed", self.tr("The interview is &complete")
        )
        self._text(form, "interview", "notes", self.tr("Interview &notes"))
        own = self._group(layout, self.tr("Your own assessment"))
        outcomes = {o.value: self.outcome_panel.words(o.value) for o in Outcome}
        self._combo(
            own,
            "assessment",
            "officer_outcome",
            self.tr("&Your assessment"),
            tuple(o.value for o in Outcome),
            outcomes,
        )
        self._text(own, "assessment", "reasons", self.tr("&Reasons"))
        self._line(own, "assessment", "role_in_compound", self.tr("Role in the c&ompound"))
        formal = {
            "PossibleVictimOfTrafficking": self.tr("Possible victim"),
            "ActualVictimOfTrafficking": self.tr("Identified victim"),
            "NotAVictimOfTrafficking": self.tr("Not a victim"),
        }
        self._combo(
            own,
            "assessment",
            "formal_status",
            self.tr("&Formal status (if decided)"),
            schema.FORMAL_STATUSES,
            formal,
        )
        deciders = {
            "Police": self.tr("Police"),
            "NGO": self.tr("NGO"),
            "CourtOrProsecution": self.tr("Court or prosecutor"),
            "NonPoliceGovernmentalOrganization": self.tr("Other government body"),
            "Other": self.tr("Other"),
        }
        self._combo(own, "assessment", "decided_by", self.tr("&Decided by"), schema.DECIDERS, deciders)

        # Outside the form part: stays usable when the form is read-only.
        finalise_box = QGroupBox(self.tr("Finalise"))
        finalise_layout = QVBoxLayout(finalise_box)
        finalise_text = QLabel(
            self.tr(
                "When the interview is over, a team lead finalises the screening with their passphrase. "
                "After that it can only be amended, with a reason."
            )
        )
        finalise_text.setWordWrap(True)
        self.finalise_button = QPushButton(self.tr("&Finalise…"))
        self.finalise_button.setObjectName("finalise_button")
        self.finalise_button.clicked.connect(self._ask_passphrase)
        self.finalise_status = QLabel()
        self.finalise_status.setObjectName("finalise_status")
        self.finalise_status.setWordWrap(True)
        finalise_layout.addWidget(finalise_text)
        finalise_layout.addWidget(self.finalise_button, 0, Qt.AlignmentFlag.AlignLeft)
        finalise_layout.addWidget(self.finalise_status)

        container = QWidget()
        container_layout = QVBoxLayout(container)
        container_layout.setContentsMargins(0, 0, 0, 0)
        container_layout.addWidget(page, 1)
        container_layout.addWidget(finalise_box)
        layout.addStretch(1)
        return title, container

    # --- steps -----------------------------------------------------------------------------------

    @property
    def current_step(self) -> str:
        row = self.steps.currentRow()
        return self.step_keys[row] if 0 <= row < len(self.step_keys) else ""

    def is_step_enabled(self, key: str) -> bool:
        if key not in self.step_keys:
            return False
        item = self.steps.item(self.step_keys.index(key))
        return bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)

    def go_to_step(self, key: str) -> bool:
        """Show a step; False when it is locked (consent not answered) or absent."""
        if not self.is_step_enabled(key):
            return False
        self.steps.setCurrentRow(self.step_keys.index(key))
        return True

    @Slot()
    def next_step(self) -> None:
        self._move(1)

    @Slot()
    def previous_step(self) -> None:
        self._move(-1)

    def _move(self, delta: int) -> None:
        row = self.steps.currentRow() + delta
        while 0 <= row < len(self.step_keys):
            if self.is_step_enabled(self.step_keys[row]):
                self.steps.setCurrentRow(row)
                return
            row += delta

    @Slot(int)
    def _on_step_changed(self, row: int) -> None:
        if row < 0:
            return
        self.pages.setCurrentIndex(row)
        self.flush()
        key = self.step_keys[row]
        self.back_button.setEnabled(any(self.is_step_enabled(k) for k in self.step_keys[:row]))
        self.next_button.setEnabled(any(self.is_step_enabled(k) for k in self.step_keys[row + 1 :]))
        first = self._first_field.get(key)
        if first is not None and first.isEnabled():
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_gating(self) -> None:
        consent = self.consent_choice.value() if isinstance(self.consent_choice, YesNoChoice) else None
        final = self._mode != "draft"
        declined = consent is False
        for row, key in enumerate(self.step_keys):
            enabled = row == 0 or final or consent is True or (declined and key == "assessment")
            item = self.steps.item(row)
            flags = item.flags()
            item.setFlags(
                flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled
            )
            item.setToolTip("" if enabled else self.tr("Answer the consent question first"))
        self.declined_box.setVisible(declined and not final)
        row = self.steps.currentRow()
        if row >= 0:
            self.next_button.setEnabled(any(self.is_step_enabled(k) for k in self.step_keys[row + 1 :]))
        language = self._fields.get(("language", "interpreter_independent"))
        present = self._fields.get(("language", "interpreter_present"))
        if language is not None and present is not None:
            self.interpreter_warning.setVisible(bool(present.get()) and language.get() is False)

    # --- changes and autosave --------------------------------------------------------------------

    def field(self, section: str, name: str) -> QWidget:
        """The widget of one field (tests and the main window use it)."""
        return self._fields[(section, name)].widget

    def _field_changed(self, field: _Field) -> None:
        if self._loading:
            return
        if field.section in ("consent", "language"):
            self._update_gating()
        if self._mode == "final":
            return
        key = (field.section, field.name)
        value = field.get()
        pending = self._pending.setdefault(field.section, {})
        if value is MISSING:
            pending.pop(field.name, None)
            self._set_invalid(field, "")
        else:
            try:
                schema.SECTIONS[field.section][field.name](field.widget.accessibleName(), value)
            except ValidationError as error:
                pending.pop(field.name, None)
                self._set_invalid(field, user_message(error))
            else:
                self._set_invalid(field, "")
                pending[field.name] = value
        if not pending:
            del self._pending[field.section]
        self._changed(key)

    def _set_invalid(self, field: _Field, message: str) -> None:
        key = (field.section, field.name)
        if message:
            self._invalid[key] = message
            field.widget.setToolTip(message)
            field.widget.setStyleSheet("border: 2px solid #b3261e;")
        elif key in self._invalid:
            del self._invalid[key]
            field.widget.setToolTip("")
            field.widget.setStyleSheet("")

    @Slot(str)
    def _indicator_changed(self, item_id: str) -> None:
        if self._loading or self._mode == "final":
            return
        value = self.indicator_items[item_id].value()
        if value is None:
            return
        self._pending.setdefault("indicators", {}).setdefault("answers", {})[item_id] = value
        self._changed(("indicators", item_id))

    def _changed(self, _key: tuple[str, str]) -> None:
        if self._mode == "amend":
            self.save_amendment_button.setEnabled(bool(self._pending) and not self._invalid)
        elif self._pending:
            self.autosave_timer.start()
        self._update_save_status()

    @property
    def has_unsaved_changes(self) -> bool:
        return bool(self._pending) or bool(self._in_flight) or bool(self._invalid)

    @property
    def screening_id(self) -> str | None:
        return self.screening.id if self.screening is not None else self._ids.id

    def flush(self) -> None:
        """Save what is pending now (before a lock, a step change or closing); never waits."""
        self.autosave_timer.stop()
        if self._mode == "amend":
            if self._pending and not self._invalid:
                self.save_amendment()
            return
        self._save_now(force=True)

    @Slot()
    def _save_now(self, force: bool = False) -> None:
        if not self._pending or self._mode != "draft":
            return
        if self._in_flight and not force:
            self._resave = True  # the queued changes go once the save in flight is back
            return
        batch, self._pending = self._pending, {}
        ids, screenings, person_id = self._ids, self._screenings, self._person_id
        if ids.id is None and not self._in_flight:
            now = datetime.now(UTC).replace(microsecond=0).isoformat()
            meta = batch.setdefault("meta", {})
            meta.setdefault("screened_at", now)
            meta.setdefault("officers", [self._officer_name])

        def save() -> Screening:
            if ids.id is None:
                screening = screenings.begin(person_id, sections=batch)
                ids.id = screening.id
                return screening
            return screenings.save(ids.id, batch)

        self._in_flight.append(batch)
        self._update_save_status()
        self._runner.run_db(save, self._on_saved, self._on_save_error)

    @Slot(object)
    def _on_saved(self, screening: Screening) -> None:
        self._in_flight.popleft()
        self._save_error = ""
        self._after_record(screening)
        if self._resave and not self._in_flight:
            self._resave = False
            self._save_now()

    @Slot(object)
    def _on_save_error(self, error: Exception) -> None:
        batch = self._in_flight.popleft()
        self._pending = _combine(batch, self._pending)  # kept: retried with the next change or flush
        self._resave = False
        if isinstance(error, FieldAppError):
            self._save_error = user_message(error)
            logger.info("autosave refused: %s", error.code)
        else:
            self._save_error = self.tr("Saving failed unexpectedly.")
            show_error(self, error)
        self._update_save_status()

    def _after_record(self, screening: Screening) -> None:
        self.screening = screening
        self._ids.id = screening.id
        self._update_save_status()
        self._apply_mode()
        self.saved.emit(screening)
        self._request_explanation()

    def _update_save_status(self) -> None:
        if self._save_error:
            text = self.tr("Not saved: %1").replace("%1", self._save_error)
        elif self._invalid:
            text = self.tr("Not saved: %1").replace("%1", next(iter(self._invalid.values())))
        elif self._mode == "amend":
            text = self.tr('Changes are saved when you press "Save amendment".')
        elif self._in_flight:
            text = self.tr("Saving…")
        elif self._pending:
            text = self.tr("Changes not saved yet")
        elif self.screening is not None:
            text = self.tr("All changes saved")
        else:
            text = self.tr("Nothing recorded yet")
        self.save_status.setText(text)

    # --- outcome ---------------------------------------------------------------------------------

    def _request_explanation(self) -> None:
        screening_id = self._ids.id
        if screening_id is None:
            return
        screenings, lang = self._screenings, self._text_lang

        def work() -> Explained:
            result = screenings.explanation(screening_id)
            return Explained(result, explain(result, lang))

        self._runner.run_db(work, self._on_explained, self._on_explain_error)

    @Slot(object)
    def _on_explained(self, explained: Explained) -> None:
        lines = list(explained.lines)
        stored = self.screening.result.get("warnings", []) if self.screening is not None else []
        if "interpreter_not_independent" in stored:
            lines.insert(
                1, self.tr("The interpreter may not be independent of the compound or the employer.")
            )
        if "no_consent_to_interview" in stored:
            lines.insert(1, self.tr("The person did not agree to be interviewed."))
        self.outcome_panel.set_result(explained.result.outcome.value, lines)
        self.explained.emit()

    @Slot(object)
    def _on_explain_error(self, error: Exception) -> None:
        logger.warning("could not explain the screening: %r", error)

    # --- respondent card -------------------------------------------------------------------------

    @Slot(str)
    def show_to_respondent(self, item_id: str) -> None:
        """Open the large-type card with this item's prompt in the person's language."""
        data = self._loaded_data
        if data is None:
            return
        item = data.main_set.get(item_id) or data.linked_set.get(item_id)
        if item is None:
            return
        lang = self._respondent_lang
        fell_back = lang not in item.prompt.langs()
        card = RespondentCard(
            item.prompt.get(lang),
            language=lang if not fell_back else "en",
            officer_text=item.prompt.get(self._text_lang),
            fell_back=fell_back,
            parent=self,
        )
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.respondent_card = card
        card.open()

    # --- declined, finalise, amend ---------------------------------------------------------------

    @Slot()
    def record_declined(self) -> None:
        self._loading = True
        completed = self._fields[("interview", "completed")]
        completed.put(False)
        self._loading = False
        self._pending = _combine(self._pending, {"interview": {"declined": True, "completed": False}})
        self.flush()
        self._show_declined_recorded()

    def _show_declined_recorded(self) -> None:
        self.record_declined_button.setEnabled(False)
        self.record_declined_button.setText(self.tr("The refusal is recorded. You can close this screening."))

    def _apply_mode(self) -> None:
        editable = self._mode in ("draft", "amend")
        for form in self._page_forms.values():
            form.setEnabled(editable)
        screening = self.screening
        if self._mode == "draft":
            self.record_status.setText(self.tr("Draft: saved as you type"))
        else:
            version = str(screening.version if screening is not None else "")
            text = self.tr("Final, version %1").replace("%1", version)
            if self._mode == "amend":
                text += " · " + self.tr("amending: %1").replace("%1", self._amend_reason)
            self.record_status.setText(text)
        is_final = self._mode == "final"
        self.amend_button.setVisible(is_final)
        self.amend_button.setEnabled(self._team_lead)
        self.amend_button.setToolTip(
            "" if self._team_lead else self.tr("Only a team lead can amend a screening.")
        )
        self.save_amendment_button.setVisible(self._mode == "amend")
        self.save_amendment_button.setEnabled(bool(self._pending) and not self._invalid)
        if hasattr(self, "finalise_button"):
            can = self._team_lead and self._mode == "draft"
            self.finalise_button.setEnabled(can)
            if not self._team_lead:
                self.finalise_button.setToolTip(self.tr("Only a team lead can finalise a screening."))
                self.finalise_status.setText(self.tr("Only a team lead can finalise a screening."))
            elif self._mode != "draft":
                self.finalise_button.setToolTip(self.tr("This screening is final."))
            else:
                self.finalise_button.setToolTip(self.tr("Sign the screening with your passphrase"))
        if hasattr(self, "consent_choice"):
            self._update_gating()
        self._update_save_status()

    @Slot()
    def _ask_passphrase(self) -> None:
        if self._invalid:
            self.finalise_status.setText(self.tr("Correct the marked fields first."))
            return
        if self._ids.id is None and not self._pending:
            self.finalise_status.setText(self.tr("Nothing has been recorded yet."))
            return
        dialog = PassphraseDialog(self)
        dialog.accepted.connect(self._finalise_with_dialog)
        self.passphrase_dialog = dialog
        dialog.open()

    @Slot()
    def _finalise_with_dialog(self) -> None:
        dialog = self.passphrase_dialog
        if dialog is not None:
            self.finalise(dialog.take_passphrase())

    def finalise(self, passphrase: str) -> None:
        """Save what is pending, check the passphrase and finalise, all on the worker in that order."""
        self.flush()
        ids, session, screenings = self._ids, self._session, self._screenings

        def work() -> Screening:
            session.verify_passphrase(passphrase)
            if ids.id is None:
                raise ValidationError("Nothing has been recorded yet.")
            screenings.finalise(ids.id)
            return screenings.get(ids.id)

        self.finalise_button.setEnabled(False)
        for form in self._page_forms.values():
            form.setEnabled(False)  # nothing typed meanwhile would be accepted by a final screening
        self.finalise_status.setText(self.tr("Checking the passphrase…"))
        self._runner.run_db(work, self._on_finalised, self._on_finalise_error)

    @Slot(object)
    def _on_finalised(self, screening: Screening) -> None:
        self._mode = "final"
        self.finalise_status.setText(self.tr("Finalised."))
        self._after_record(screening)

    @Slot(object)
    def _on_finalise_error(self, error: Exception) -> None:
        message = user_message(error) if isinstance(error, FieldAppError) else self.tr("Finalising failed.")
        self._apply_mode()
        self.finalise_status.setText(self.tr("Not finalised: %1").replace("%1", message))
        if not isinstance(error, FieldAppError):
            show_error(self, error)  # a bug: the crash hook; expected failures are shown inline above

    @Slot()
    def _ask_amend_reason(self) -> None:
        dialog = ReasonDialog(self)
        dialog.accepted.connect(self._start_amending)
        self.reason_dialog = dialog
        dialog.open()

    @Slot()
    def _start_amending(self) -> None:
        dialog = self.reason_dialog
        if dialog is None:
            return
        reason = dialog.reason.toPlainText().strip()
        if len(reason) < MIN_REASON:
            return
        self._amend_reason = reason
        self._mode = "amend"
        self._apply_mode()

    @Slot()
    def save_amendment(self) -> None:
        """One amendment: the changed sections, with the reason given, as a new version."""
        if self._mode != "amend" or not self._pending or self._invalid or self._in_flight:
            return
        batch, self._pending = self._pending, {}
        screening_id, reason, screenings = self._ids.id, self._amend_reason, self._screenings
        assert screening_id is not None

        def work() -> Screening:
            return screenings.amend(screening_id, batch, reason)

        self._in_flight.append(batch)
        self.save_amendment_button.setEnabled(False)
        self._update_save_status()
        self._runner.run_db(work, self._on_amended, self._on_save_error)

    @Slot(object)
    def _on_amended(self, screening: Screening) -> None:
        self._in_flight.popleft()
        self._save_error = ""
        self._mode = "final"
        self._amend_reason = ""
        self._after_record(screening)

    @Slot()
    def close_screen(self) -> None:
        """Save what is pending and tell the owner to close this screen."""
        self.flush()
        self.closed.emit()
