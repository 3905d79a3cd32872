"""The respondent screen: the person reads (or hears) one question at a time in their own language and
answers it themselves. Nothing of the officer's assessment is on it.

It opens full screen, on a second screen when the laptop has one (the officer keeps the interview on
theirs); on a single screen it covers the interview. It starts with the consent and rights script when
asked to, then the questions in interview order. Every answer goes back to the interview at once
(``answered``), which records it with source "respondent" and the language actually shown.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSize, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.line_breaks import breakable
from fieldapp.reports.fonts import FAMILIES, load_fonts
from fieldapp.screening.respondent import (
    CONSENT_QUESTION,
    CONSENT_SCRIPT,
    RESPONDENT_LANGUAGES,
    Shown,
    language_name,
    right_to_left,
    shown,
)
from fieldapp.vault.audio_prompts import prompt
from fieldapp.vault.session import Session
from ui.tasks import TaskRunner
from ui.widgets.answer_keys import answer_key
from ui.widgets.indicator_item import ANSWERS

# Urdu is read in Nastaliq; the other scripts find their face in the bundled fallback list.
_PREFERRED_FAMILY = {"ur": "Noto Nastaliq Urdu"}


class AudioSource(Protocol):
    """Recorded prompts: which exist, and each one's sound, fetched off the GUI thread."""

    def has(self, key: str, language: str) -> bool: ...

    def fetch(self, key: str, language: str, done: Callable[[str, bytes], None]) -> None: ...


@dataclass(frozen=True)
class Page:
    key: str  # an item id, a consent.* key
    kind: str  # "script" (read, then Next), "consent" (yes or no) or "question"


class RespondentWindow(QWidget):
    answered = Signal(str, str, str)  # item id, answer (present/absent/unknown/declined), language shown
    consent_answered = Signal(bool, str)  # agrees to talk, language the script was shown in

    def __init__(
        self,
        questions: Sequence[str],
        *,
        language: str,
        answers: dict[str, str] | None = None,
        with_consent: bool = False,
        start_at: str | None = None,
        audio: AudioSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("respondent_window")
        load_fonts()  # every script of every respondent language, whatever the system has
        self.setWindowTitle(self.tr("For the person"))
        self.language = language if language in RESPONDENT_LANGUAGES else "en"
        self.answers = dict(answers or {})
        self.pages: list[Page] = []
        if with_consent:
            self.pages += [Page(key, "script") for key in CONSENT_SCRIPT] + [
                Page(CONSENT_QUESTION, "consent")
            ]
        self.pages += [Page(key, "question") for key in questions]
        keys = [p.key for p in self.pages]
        self.index = keys.index(start_at) if start_at in keys else 0
        self.shown_language = self.language  # of the current text
        self._audio = audio
        self._player: object | None = None  # a QMediaPlayer, made when there is something to play
        self._audio_dir: tempfile.TemporaryDirectory[str] | None = None
        self.playing: tuple[str, str] | None = None  # (key, language) of the prompt last played
        self.fetched: tuple[str, str, bytes] | None = None  # the last prompt read from the vault

        self.language_box = QComboBox()
        self.language_box.setObjectName("respondent_language_box")
        for code in RESPONDENT_LANGUAGES:
            self.language_box.addItem(language_name(code), code)
        self.language_box.setCurrentIndex(self.language_box.findData(self.language))
        self.language_box.activated.connect(
            lambda _i: self.set_language(str(self.language_box.currentData()))
        )
        self.position = QLabel()
        self.position.setObjectName("respondent_position")
        self.position.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        )
        self.note = QLabel()  # "draft translation" / "not available in ...; showing English"
        self.note.setObjectName("respondent_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #9a6700;")
        self.text = QLabel()
        self.text.setObjectName("respondent_text")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        big = self.text.font()
        big.setPointSizeF(max(big.pointSizeF(), 9.0) * 2.6)
        self.text.setFont(big)
        self.play_button = QPushButton()
        self.play_button.setObjectName("respondent_play")
        self.play_button.clicked.connect(self.play)

        self.answer_buttons: list[QPushButton] = []
        answer_row = QHBoxLayout()
        for index, answer in enumerate(ANSWERS):
            button = QPushButton()
            button.setObjectName(f"respondent_{answer}")
            button.setCheckable(True)
            button.setMinimumSize(QSize(160, 72))
            font = button.font()
            font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.6)
            button.setFont(font)
            button.clicked.connect(lambda _c=False, i=index: self.choose(i))
            self.answer_buttons.append(button)
            answer_row.addWidget(button)
        self.back_button = QPushButton()
        self.back_button.setObjectName("respondent_back")
        self.back_button.clicked.connect(self.previous)
        self.next_button = QPushButton()
        self.next_button.setObjectName("respondent_next")
        self.next_button.clicked.connect(self.next)
        for control in (
            self.back_button,
            self.next_button,
            self.play_button,
            self.language_box,
            self.position,
        ):
            font = control.font()
            font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.4)
            control.setFont(font)
            control.setMinimumHeight(48)
        for button in (self.back_button, self.next_button, self.play_button):
            button.setMinimumWidth(140)
        self.done_button = QPushButton(self.tr("Officer: close"))
        self.done_button.setObjectName("respondent_close")
        self.done_button.clicked.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(self.language_box)
        top.addWidget(self.position, 1)  # the whole width: some scripts measure narrower than they draw
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.play_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.text, 1)
        layout.addLayout(answer_row)
        layout.addSpacing(16)
        layout.addLayout(nav)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignRight)
        QShortcut(QKeySequence(Qt.Key.Key_Right), self, self.next)
        QShortcut(QKeySequence(Qt.Key.Key_Left), self, self.previous)
        self.show_page()

    # --- showing ----------------------------------------------------------------------------------

    @property
    def page(self) -> Page:
        return self.pages[self.index]

    def _ui(self, key: str) -> Shown:
        return shown(key, self.language)

    def set_language(self, language: str) -> None:
        self.language = language
        self.language_box.setCurrentIndex(self.language_box.findData(language))
        self.show_page()

    def show_page(self) -> None:
        page = self.page
        text = shown(page.key, self.language)
        self.shown_language = text.language
        direction = (
            Qt.LayoutDirection.RightToLeft if right_to_left(text.language) else Qt.LayoutDirection.LeftToRight
        )
        families = [f for f in (_PREFERRED_FAMILY.get(text.language), *FAMILIES) if f]
        for label in (self.text, self.note):
            label.setLayoutDirection(direction)
            font = label.font()
            font.setFamilies(families)
            label.setFont(font)
        self.text.setText(breakable(text.text))
        notes = []
        if text.fell_back:
            # Said in English: the person's language has no text for this yet.
            notes.append(f"Not available in {language_name(self.language)}; showing English.")
        if text.draft:
            notes.append(self._ui("ui.draft").text)
        self.note.setText("  ".join(notes))
        self.note.setVisible(bool(notes))
        questions = [p for p in self.pages if p.kind == "question"]
        if page.kind == "question":
            n = questions.index(page) + 1
            self.position.setText(
                self._ui("ui.question_of").text.replace("{n}", str(n)).replace("{total}", str(len(questions)))
            )
        else:
            self.position.setText(self._ui("ui.before_we_start").text)
        words = ("ui.yes", "ui.no", "ui.dont_know", "ui.skip")
        current = self.answers.get(page.key)
        for index, button in enumerate(self.answer_buttons):
            button.setText(self._ui(words[index]).text)
            button.setChecked(current == ANSWERS[index])
            button.setVisible(page.kind == "question" or (page.kind == "consent" and index < 2))
        self.back_button.setText(self._ui("ui.previous").text)
        self.next_button.setText(self._ui("ui.next").text)
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.pages) - 1)
        recorded = self._audio is not None and self._audio.has(page.key, self.shown_language)
        self.play_button.setText(self._ui("ui.play_again").text)
        self.play_button.setVisible(recorded)
        if recorded:
            self.play()

    # --- answering --------------------------------------------------------------------------------

    @Slot(int)
    def choose(self, index: int) -> None:
        page = self.page
        if page.kind == "consent":
            if index < 2:
                self.consent_answered.emit(index == 0, self.shown_language)
                self.answers[page.key] = ANSWERS[index]
                if index == 1:  # no consent: the interview stops here
                    self.show_page()
                    return
        elif page.kind == "question":
            self.answers[page.key] = ANSWERS[index]
            self.answered.emit(page.key, ANSWERS[index], self.shown_language)
        else:
            return
        if self.index < len(self.pages) - 1:
            self.next()
        else:
            self.text.setText(self._ui("ui.thank_you").text)
            for button in self.answer_buttons:
                button.setVisible(False)

    @Slot()
    def next(self) -> None:
        if self.index < len(self.pages) - 1:
            self.index += 1
            self.show_page()

    @Slot()
    def previous(self) -> None:
        if self.index > 0:
            self.index -= 1
            self.show_page()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = answer_key(event)
        if index is not None and self.answer_buttons[index].isVisible():
            self.choose(index)
            return
        super().keyPressEvent(event)

    # --- audio ------------------------------------------------------------------------------------

    @Slot()
    def play(self) -> None:
        """Play the current text's recorded prompt (fetched from the vault on the worker)."""
        key, language = self.page.key, self.shown_language
        if self._audio is not None and self._audio.has(key, language):
            self._audio.fetch(
                key, language, lambda media_type, data: self._play(key, language, media_type, data)
            )

    def _play(self, key: str, language: str, media_type: str, data: bytes) -> None:
        if (self.page.key, self.shown_language) != (key, language):
            return  # the person has moved on
        self.fetched = (key, language, data)
        from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer  # only when there is audio

        if not QMediaDevices.audioOutputs():
            self.note.setText(self.tr("No speaker found: the recorded question cannot be played."))
            self.note.setVisible(True)
            return
        if self._player is None:
            player = QMediaPlayer(self)
            player.setAudioOutput(QAudioOutput(player))
            self._player = player
        assert isinstance(self._player, QMediaPlayer)
        self._player.stop()
        # From a file of its own: FFmpeg reads it on its own thread, never through Python (a QBuffer read
        # there waits for the interpreter lock the GUI thread holds). A prompt is HQ's recording of a
        # question, no one's personal data; the folder goes when the window closes.
        suffix = {"audio/wav": "wav", "audio/mpeg": "mp3", "audio/ogg": "ogg", "audio/mp4": "m4a"}.get(
            media_type, "wav"
        )
        if self._audio_dir is None:
            self._audio_dir = tempfile.TemporaryDirectory(prefix="fieldapp-prompts-")
        path = Path(self._audio_dir.name) / f"{len(os.listdir(self._audio_dir.name))}.{suffix}"
        path.write_bytes(data)
        self._player.setSource(QUrl.fromLocalFile(str(path)))
        self._player.play()
        self.playing = (key, language)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._player is not None:
            self._player.stop()  # type: ignore[attr-defined]
        if self._audio_dir is not None:
            self._audio_dir.cleanup()
            self._audio_dir = None
        super().closeEvent(event)

    # --- where it opens ---------------------------------------------------------------------------

    def open_for_person(self, officer_window: QWidget | None) -> None:
        """Full screen on a screen other than the officer's when there is one, else over the interview."""
        screens = QGuiApplication.screens()
        own = officer_window.screen() if officer_window is not None else None
        others = [s for s in screens if s is not own]
        target = others[0] if others else (own or QGuiApplication.primaryScreen())
        self.setScreen(target)
        self.setGeometry(target.geometry())
        self.showFullScreen()
        self.activateWindow()


class VaultAudio:
    """The recorded prompts HQ sent, from the vault: which exist is known up front, each sound is read on
    the database worker when it is played."""

    def __init__(self, runner: TaskRunner, session: Session, found: set[tuple[str, str]]) -> None:
        self._runner, self._session, self._found = runner, session, found

    def has(self, key: str, language: str) -> bool:
        return (key, language) in self._found

    def fetch(self, key: str, language: str, done: Callable[[str, bytes], None]) -> None:
        session = self._session

        def play(found: tuple[str, bytes] | None) -> None:
            if found is not None:
                done(*found)

        self._runner.run_db(lambda: prompt(session, key, language), play, lambda _error: None)
