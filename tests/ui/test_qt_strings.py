"""Qt's own words in Khmer: standard buttons, the file dialog, a field's context menu; and no font
warnings at start."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLoggingCategory
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from fieldapp.reports.fonts import load_fonts
from ui.i18n import set_language
from ui.qt_strings import qt_strings


@pytest.fixture
def khmer(qapp: QApplication) -> Iterator[None]:
    assert set_language(qapp, "km")
    yield
    set_language(qapp, "en")


def test_every_listed_qt_string_has_a_khmer_text(khmer: None) -> None:
    untranslated = [
        (ctx, text) for ctx, text in qt_strings() if QCoreApplication.translate(ctx, text) == text
    ]
    assert not untranslated


def test_standard_buttons_are_khmer(qtbot: QtBot, khmer: None) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b.text() for b in box.buttons()}
    assert texts == {"យល់ព្រម", "បោះបង់"}


def test_the_file_dialog_is_khmer(qtbot: QtBot, khmer: None) -> None:
    dialog = QFileDialog(None, "", "", "")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the Qt dialog the app shows on Linux
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "ឈ្មោះឯកសារ (&N)៖" in labels or "ឈ្មោះឯកសារ (N)៖" in {t.replace("&", "") for t in labels}
    assert not {"File &name:", "Look in:"} & labels


def test_no_font_warnings_at_start() -> None:
    load_fonts()  # what the app's start does before it draws any text
    assert not QLoggingCategory("qt.text.font.db").isInfoEnabled()
