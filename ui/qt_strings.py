"""Qt's own words (standard buttons, the file dialog, text fields' context menus) for translation.

Qt ships no Khmer translation of its own strings, so "OK", "Cancel" and the file dialog stayed English
in the Khmer app. Qt looks them up by its own context and text through every installed translator: listing
them here puts them in the app's Khmer .ts file (lupdate reads these calls), where they are translated like
the app's own texts. ``qt_strings()`` lets a test check that each has a Khmer text.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP


def qt_strings() -> list[tuple[str, str]]:
    """(context, text) of each of Qt's strings the app shows, untranslated."""
    listed: list[tuple[str, object]] = [
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "OK")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Save")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Save All")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Open")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "&No")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Abort")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Retry")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Close")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Discard")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Help")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Apply")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Reset")),
        ("QPlatformTheme", QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults")),
        ("QMessageBox", QT_TRANSLATE_NOOP("QMessageBox", "Show Details...")),
        ("QMessageBox", QT_TRANSLATE_NOOP("QMessageBox", "Hide Details...")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Look in:")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "File &name:")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of type:")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Back")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Forward")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "List View")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Detail View")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Open")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Save")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Choose")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Open")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Save As")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Find Directory")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "New Folder")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&New Folder")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Rename")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Delete")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Directory:")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Directories")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Recent Places")),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Computer")),
        (
            "QFileDialog",
            QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
        ),
        ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Are you sure you want to delete '%1'?")),
        ("QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Name")),
        ("QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Size")),
        ("QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Type")),
        ("QFileSystemModel", QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified")),
        ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Undo")),
        ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Redo")),
        ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Cu&t")),
        ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Copy")),
        ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "&Paste")),
        ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Delete")),
        ("QLineEdit", QT_TRANSLATE_NOOP("QLineEdit", "Select All")),
        ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo")),
        ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo")),
        ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t")),
        ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy")),
        ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste")),
        ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete")),
        ("QWidgetTextControl", QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All")),
        ("QAbstractSpinBox", QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Select All")),
        ("QAbstractSpinBox", QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up")),
        ("QAbstractSpinBox", QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down")),
    ]
    return [(context, str(text)) for context, text in listed]
