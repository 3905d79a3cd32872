"""A window's first size: what it asks for, but never larger than the screen it opens on (a 1366 × 768
laptop leaves about 730 pixels under the window frame and the panel)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

FRAME = (40, 60)  # room left for the window manager's frame and title bar, width and height


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    parent = window.parentWidget()
    screen = parent.screen() if parent is not None else window.screen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - FRAME[0])
        height = min(height, available.height() - FRAME[1])
    window.resize(width, height)
