"""A large-type card that shows one question to the person, in the person's own language."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

# The languages the indicator sets carry prompts in, with their own names (shown to the person).
RESPONDENT_LANGUAGES: dict[str, str] = {
    "zh-Hans": "中文",
    "vi": "Tiếng Việt",
    "id": "Bahasa Indonesia",
    "th": "ภาษาไทย",
    "km": "ភាសាខ្មែរ",
    "en": "English",
}
_ALIASES: dict[str, str] = {
    "zh": "zh-Hans",
    "zh-hans": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zho": "zh-Hans",
    "chi": "zh-Hans",
    "cmn": "zh-Hans",
    "chinese": "zh-Hans",
    "vi": "vi",
    "vie": "vi",
    "vietnamese": "vi",
    "id": "id",
    "ind": "id",
    "indonesian": "id",
    "th": "th",
    "tha": "th",
    "thai": "th",
    "km": "km",
    "khm": "km",
    "khmer": "km",
    "en": "en",
    "eng": "en",
    "english": "en",
}


def respondent_language(languages: Sequence[str] | None) -> str:
    """The card language for a person: their first language if a prompt exists in it, else English."""
    for language in languages or ():
        found = _ALIASES.get(language.strip().lower())
        if found is None:
            found = _ALIASES.get(language.strip().lower().split("-")[0])
        return found or "en"
    return "en"


class RespondentCard(QDialog):
    """The question in large type for the person to read; the officer's version stays small below."""

    def __init__(
        self,
        prompt: str,
        *,
        language: str,
        officer_text: str,
        fell_back: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("respondent_card")
        self.setWindowTitle(self.tr("Question for the person"))
        self.language = language
        self.language_label = QLabel(RESPONDENT_LANGUAGES.get(language, language))
        self.language_label.setObjectName("respondent_language")
        self.prompt = QLabel(prompt)
        self.prompt.setObjectName("respondent_prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.prompt.font()
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 2.6)
        self.prompt.setFont(font)
        self.prompt.setStyleSheet("padding: 24px; background: palette(base); color: palette(text);")
        note = self.tr("Officer's text: %1").replace("%1", officer_text)
        if fell_back:
            note = self.tr("No text in the person's language yet; shown in English.") + "\n" + note
        self.officer_text = QLabel(note)
        self.officer_text.setObjectName("respondent_officer_text")
        self.officer_text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.language_label, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.prompt, 1)
        layout.addWidget(self.officer_text)
        layout.addWidget(buttons)
        self.resize(760, 460)
