"""Duplicates: persons two teams (or two raids) may have recorded twice, by match probability with each
piece of evidence in words; side by side with portraits; Link (merge b into a, reversible), Not the same
person, and Unlink — each with a reason. Settings holds the thresholds."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldapp.hq import linkage_store, views
from fieldapp.hq.dedupe import Candidate
from fieldapp.hq.linkage_store import Thresholds
from fieldapp.hq.linkage_words import Evidence
from ui.errors import translated
from ui.hq.common import ReasonDialog, fill, selected_key, table
from ui.hq.page import HqPage
from ui.hq.session import HqSession
from ui.hq.settings import SettingsDialog
from ui.models.persons import sex_label
from ui.naming import named
from ui.progress import Progress, ShouldCancel, run_with_progress
from ui.tasks import TaskRunner
from ui.widgets.country_field import country_label, language_labels
from ui.widgets.photo_image import decode

PORTRAIT_EDGE = 160


@dataclass(frozen=True)
class _Found:
    candidates: list[Any]
    names: dict[str, str]
    links: list[Any]


@dataclass(frozen=True)
class _Pair:
    key: tuple[str, str]
    details: tuple[dict[str, Any], dict[str, Any]]
    portraits: tuple[bytes | None, bytes | None]


def _names(session: HqSession, ids: set[str]) -> dict[str, str]:
    rows = session.store.persons_by_ids(sorted(ids))
    return {p.id: f"{p.temp_id} {p.name or p.name_own}".strip() for p in rows}


def _search(session: HqSession, progress: Progress, should_cancel: ShouldCancel) -> _Found:
    review = session.review()
    found = review.candidates(progress=progress, should_cancel=should_cancel)
    links = list(review.links())
    ids = {c.person_a for c in found} | {c.person_b for c in found}
    ids |= {link.person_a for link in links} | {link.person_b for link in links}
    return _Found(list(found), _names(session, ids), links)


def _thresholds(session: HqSession) -> Thresholds:
    return linkage_store.thresholds(session.store)


def _save_thresholds(session: HqSession, wanted: Thresholds) -> Thresholds:
    linkage_store.set_thresholds(session.store, wanted, session.analyst)
    return linkage_store.thresholds(session.store)


def evidence_words(evidence: Evidence) -> str:
    """One piece of evidence in the app's language: "same name, name common in this nationality: weak for"."""
    what = translated(evidence.what)
    if evidence.frequency is not None:
        what = f"{what}, {translated(evidence.frequency)}"
    return f"{what}: {translated(evidence.how_strong)}"


def evidence_line(candidate: Candidate, separator: str) -> str:
    """All of a pair's evidence in the app's language, the weightiest first (its stored reasons when it has none)."""
    return separator.join(evidence_words(e) for e in candidate.evidence) or separator.join(candidate.reasons)


def _links(session: HqSession) -> tuple[list[Any], dict[str, str]]:
    links = list(session.review().links())
    return links, _names(session, {link.person_a for link in links} | {link.person_b for link in links})


def _pair(session: HqSession, a: str, b: str) -> _Pair:
    review = session.review()
    return _Pair(
        (a, b),
        (review.person_detail(a), review.person_detail(b)),
        (views.portrait(session.store, a), views.portrait(session.store, b)),
    )


def _decide(
    session: HqSession, action: str, first: str, second: str, reason: str, shown: Candidate | None
) -> str:
    review = session.review()
    if action == "link":
        return str(review.link(first, second, reason, shown))
    if action == "dismiss":
        review.dismiss(first, second, reason)
    else:
        review.unlink(first, reason)
    return ""


class _PersonPanel(QGroupBox):
    def __init__(self, title: str, name: str) -> None:
        super().__init__(title)
        self.setObjectName(name)
        self.portrait = named(QLabel(), f"{name}_portrait")
        self.portrait.setFixedSize(PORTRAIT_EDGE, PORTRAIT_EDGE)
        self.portrait.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.facts = named(QLabel(), f"{name}_facts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.addWidget(self.portrait, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.facts, 1)

    def show_person(self, detail: dict[str, Any], jpeg: bytes | None) -> None:
        fields = detail.get("fields") or {}
        operation = detail.get("operation") or {}
        device = detail.get("device") or {}
        labels = {
            "name": self.tr("Name"),
            "name_own_script": self.tr("Name in own script"),
            "aliases": self.tr("Other names"),
            "nationality": self.tr("Nationality"),
            "sex": self.tr("Sex"),
            "age": self.tr("Age"),
            "dob": self.tr("Date of birth"),
            "document_no": self.tr("Document number"),
            "languages": self.tr("Languages"),
        }
        lines = [self.tr("Temporary id: {temp_id}").format(temp_id=detail.get("temp_id", ""))]
        shown: dict[str, Callable[[Any], str]] = {
            "nationality": country_label,
            "sex": sex_label,
            "languages": language_labels,
        }
        for key, label in labels.items():
            value = fields.get(key)
            if key in shown and value:
                value = shown[key](value)
            elif isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            if value not in (None, ""):
                lines.append(f"{label}: {value}")
        where = " ".join(str(operation.get(k) or "") for k in ("code", "name", "date")).strip()
        lines.append(self.tr("Operation: {operation}").format(operation=where or "—"))
        lines.append(
            self.tr("Laptop: {laptop} · officer: {officer}").format(
                laptop=device.get("name") or "—", officer=detail.get("officer") or "—"
            )
        )
        if detail.get("merged_into"):
            lines.append(self.tr("Already linked to another record."))
        self.facts.setText("\n".join(lines))
        image = decode(jpeg) if jpeg else QImage()
        if image.isNull():
            self.portrait.setPixmap(QPixmap())
            self.portrait.setText(self.tr("No portrait"))
        else:
            self.portrait.setPixmap(
                QPixmap.fromImage(image).scaled(
                    PORTRAIT_EDGE,
                    PORTRAIT_EDGE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def clear(self) -> None:
        self.facts.clear()
        self.portrait.clear()


class DuplicatesPage(HqPage):
    def __init__(self, *, session: HqSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(session=session, runner=runner, name="hq_duplicates", parent=parent)
        self.candidates: list[Candidate] = []
        self.links: list[Any] = []
        self.names: dict[str, str] = {}
        self.dialog: ReasonDialog | None = None  # the open reason dialog, if any
        self.searching = False
        self.find_button = named(QPushButton(self.tr("&Find duplicates")), "find_duplicates")
        self.find_button.clicked.connect(self.find_duplicates)
        self.settings_button = named(QPushButton(self.tr("&Settings…")), "dedupe_settings")
        self.settings_button.clicked.connect(self.open_settings)
        self.settings_dialog: SettingsDialog | None = None
        self.table = table(
            "candidates_table",
            [self.tr("Match probability"), self.tr("Person A"), self.tr("Person B"), self.tr("Evidence")],
        )
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.panel_a = _PersonPanel(self.tr("Person A"), "person_a")
        self.panel_b = _PersonPanel(self.tr("Person B"), "person_b")
        self.evidence = named(QLabel(), "pair_evidence")  # the selected pair's evidence, none cut off
        self.evidence.setWordWrap(True)
        self.evidence.setTextFormat(Qt.TextFormat.PlainText)
        self.link_button = named(QPushButton(self.tr("&Link: the same person…")), "link_button")
        self.dismiss_button = named(QPushButton(self.tr("&Not the same person…")), "dismiss_button")
        self.link_button.clicked.connect(functools.partial(self.ask, "link"))
        self.dismiss_button.clicked.connect(functools.partial(self.ask, "dismiss"))
        self.links_table = table(
            "links_table",
            [self.tr("Kept record"), self.tr("Merged into it"), self.tr("Linked at"), self.tr("Status")],
        )
        self.links_table.itemSelectionChanged.connect(self._update_buttons)
        self.unlink_button = named(QPushButton(self.tr("&Unlink…")), "unlink_button")
        self.unlink_button.clicked.connect(functools.partial(self.ask, "unlink"))

        top = QHBoxLayout()
        top.addWidget(self.find_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.settings_button)
        pair = QWidget()
        grid = QGridLayout(pair)
        grid.addWidget(self.panel_a, 0, 0)
        grid.addWidget(self.panel_b, 0, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.link_button)
        actions.addWidget(self.dismiss_button)
        grid.addWidget(self.evidence, 1, 0, 1, 2)
        grid.addLayout(actions, 2, 0, 1, 2)
        linked = QWidget()
        linked_layout = QVBoxLayout(linked)
        linked_layout.setContentsMargins(0, 0, 0, 0)
        linked_row = QHBoxLayout()
        linked_row.addWidget(QLabel(self.tr("Linked persons")), 1)
        linked_row.addWidget(self.unlink_button)
        linked_layout.addLayout(linked_row)
        linked_layout.addWidget(self.links_table)
        scrolled = QScrollArea()  # on a low screen the two persons scroll rather than lose lines
        scrolled.setWidget(pair)
        scrolled.setWidgetResizable(True)
        scrolled.setFrameShape(QFrame.Shape.NoFrame)
        splitter = QSplitter(Qt.Orientation.Vertical)
        for widget in (self.table, scrolled, linked):
            splitter.addWidget(widget)
        splitter.setSizes([190, 400, 110])  # the side-by-side view gets the most room
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    # --- loading ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """F5 and first show: the linked pairs (the candidate search is long: it waits for Find)."""
        self.loaded = True
        self.runner.run_db(functools.partial(_links, self.session), self._on_links, self.failed)

    @Slot()
    def find_duplicates(self) -> None:
        if self.searching:
            return
        self.searching = True
        self.find_button.setEnabled(False)
        self.say(self.tr("Looking for persons recorded twice…"))
        run_with_progress(
            self,
            self.runner,
            self.tr("Finding duplicates"),
            functools.partial(_search, self.session),
            self._on_found,
            self._on_find_failed,
        )

    def _on_found(self, found: _Found) -> None:
        self.searching = False
        self.find_button.setEnabled(True)
        self.candidates, self.names = found.candidates, {**self.names, **found.names}
        self._fill_candidates()
        self._fill_links(found.links)
        if self.candidates and self.isVisible():
            self.table.setFocus()  # the Find button was disabled while searching: the focus had left it
        self.say(
            self.tr(
                "%n possible duplicate(s), highest score first. Nothing is merged until you link.",
                "",
                len(self.candidates),
            )
        )

    def _on_find_failed(self, error: Exception) -> None:
        self.searching = False
        self.find_button.setEnabled(True)
        self.failed(error)

    def _name(self, person_id: str) -> str:
        return self.names.get(person_id, person_id[-8:])

    def _probability(self, candidate: Candidate) -> str:
        text = f"{candidate.score:.3f}"
        return self.tr("{probability} (likely)").format(probability=text) if candidate.likely else text

    def _fill_candidates(self) -> None:
        fill(
            self.table,
            [
                (
                    self._probability(c),
                    self._name(c.person_a),
                    self._name(c.person_b),
                    evidence_line(c, "; "),
                )
                for c in self.candidates
            ],
            [(c.person_a, c.person_b) for c in self.candidates],
        )
        self._on_selected()

    # --- settings ---------------------------------------------------------------------------------

    @Slot()
    def open_settings(self) -> None:
        self.runner.run_db(functools.partial(_thresholds, self.session), self._show_settings, self.failed)

    def _show_settings(self, current: Thresholds) -> None:
        dialog = SettingsDialog(current, self)
        dialog.saved.connect(self._save_settings)
        self.settings_dialog = dialog
        dialog.open()

    def _save_settings(self, wanted: Thresholds) -> None:
        self.settings_dialog = None
        self.runner.run_db(
            functools.partial(_save_thresholds, self.session, wanted), self._on_settings_saved, self.failed
        )

    def _on_settings_saved(self, saved: Thresholds) -> None:
        self.say(
            self.tr("Pairs are proposed from a match probability of {propose}; likely from {likely}.").format(
                propose=f"{saved.propose_from:.3f}", likely=f"{saved.likely_from:.3f}"
            )
        )

    def _on_links(self, loaded: tuple[list[Any], dict[str, str]]) -> None:
        links, names = loaded
        self.names.update(names)
        self._fill_links(links)

    def _status_text(self, status: str) -> str:
        return {"active": self.tr("linked"), "unlinked": self.tr("unlinked")}.get(status, status)

    def _fill_links(self, links: list[Any]) -> None:
        self.links = links
        fill(
            self.links_table,
            [
                (
                    self._name(k.person_a),
                    self._name(k.person_b),
                    str(k.linked_at)[:19].replace("T", " "),
                    self._status_text(k.status),
                )
                for k in links
            ],
            [k.link_id for k in links],
        )
        self._update_buttons()

    # --- side by side -----------------------------------------------------------------------------

    def _current_pair(self) -> tuple[str, str] | None:
        key = selected_key(self.table)
        return key if isinstance(key, tuple) else None

    @Slot()
    def _on_selected(self) -> None:
        self._update_buttons()
        pair = self._current_pair()
        candidate = self._shown(*pair) if pair else None
        self.evidence.setText(
            self.tr("Match probability {probability}: {reasons}").format(
                probability=self._probability(candidate),
                reasons=evidence_line(candidate, " · "),
            )
            if candidate
            else ""
        )
        if pair is None:
            self.panel_a.clear()
            self.panel_b.clear()
            return
        self.runner.run_db(functools.partial(_pair, self.session, *pair), self._on_pair, self.failed)

    def _on_pair(self, pair: _Pair) -> None:
        if pair.key != self._current_pair():
            return  # another row was selected meanwhile
        self.panel_a.show_person(pair.details[0], pair.portraits[0])
        self.panel_b.show_person(pair.details[1], pair.portraits[1])

    @Slot()
    def _update_buttons(self) -> None:
        has_pair = self._current_pair() is not None
        self.link_button.setEnabled(has_pair)
        self.dismiss_button.setEnabled(has_pair)
        link_id = selected_key(self.links_table)
        active = any(k.link_id == link_id and k.status == "active" for k in self.links)
        self.unlink_button.setEnabled(active)

    # --- decisions --------------------------------------------------------------------------------

    def ask(self, action: str) -> None:
        """Open the reason dialog for a link, a dismissal or an unlink of the selected row."""
        pair = self._current_pair()
        if action == "unlink":
            link_id = selected_key(self.links_table)
            if not isinstance(link_id, str):
                return
            target: tuple[str, str] = (link_id, "")
            title, question = (
                self.tr("Unlink"),
                self.tr("Why are these two records not the same person after all?"),
            )
        elif pair is None:
            return
        elif action == "link":
            target = pair
            title = self.tr("Link: the same person")
            question = self.tr(
                "{a} and {b} will count as one person (Unlink undoes it). Why are they the same person?"
            ).format(a=self._name(pair[0]), b=self._name(pair[1]))
        else:
            target = pair
            title = self.tr("Not the same person")
            question = self.tr(
                "Why are {a} and {b} different people? This pair will not be proposed again."
            ).format(a=self._name(pair[0]), b=self._name(pair[1]))
        dialog = ReasonDialog(title, question, self)
        dialog.decided.connect(functools.partial(self.decide, action, *target))
        self.dialog = dialog
        dialog.open()

    def decide(self, action: str, first: str, second: str, reason: str) -> None:
        self.dialog = None
        self.runner.run_db(
            functools.partial(
                _decide, self.session, action, first, second, reason, self._shown(first, second)
            ),
            functools.partial(self._on_decided, action, first, second),
            self.failed,
        )

    def _shown(self, first: str, second: str) -> Candidate | None:
        """The candidate pair as the analyst saw it (score and reasons), if it is one."""
        return next((c for c in self.candidates if {c.person_a, c.person_b} == {first, second}), None)

    def _on_decided(self, action: str, first: str, second: str, _link_id: str) -> None:
        if action in ("link", "dismiss"):
            self.candidates = [c for c in self.candidates if (c.person_a, c.person_b) != (first, second)]
            self._fill_candidates()
        messages = {
            "link": self.tr("Linked: {a} and {b} now count as one person.").format(
                a=self._name(first), b=self._name(second)
            ),
            "dismiss": self.tr("Noted: {a} and {b} are different people.").format(
                a=self._name(first), b=self._name(second)
            ),
            "unlink": self.tr("Unlinked: both records count on their own again."),
        }
        self.say(messages[action])
        self.runner.run_db(functools.partial(_links, self.session), self._on_links, self.failed)
