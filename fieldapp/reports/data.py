"""What a printed handover form shows, gathered from the vault (or given directly, e.g. by HQ or a bench)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from PIL import Image
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage

from fieldapp.records.handovers import Handover, Handovers
from fieldapp.reports.qr import Payload, Signer, make_payload

PORTRAIT_PX = (360, 480)  # enough for 35 × 45 mm at ~260 dpi; larger photos are scaled down first


@dataclass(frozen=True)
class FormData:
    """One handover: the record id, version and status, its data (with the person and screening
    snapshot), the signed verification payload (None for drafts) and an optional portrait."""

    handover_id: str
    version: int
    status: str
    data: dict[str, Any]
    payload: Payload | None = None
    portrait: QImage | None = field(default=None, compare=False)

    @property
    def person(self) -> dict[str, Any]:
        person: dict[str, Any] = self.data.get("person") or {}
        return person

    @property
    def screening(self) -> dict[str, Any]:
        screening: dict[str, Any] = self.data.get("screening") or {}
        return screening

    @property
    def final(self) -> bool:
        return self.status == "final"


def portrait_image(jpeg: bytes | None) -> QImage | None:
    """Decode a portrait (JPEG/PNG bytes) and scale it down for print, once; None if absent or unreadable.

    A camera-sized JPEG is decoded by Pillow at 1/2, 1/4 or 1/8 scale straight from the DCT data
    (``draft``), about three times faster than decoding it whole and scaling; small images go through Qt.
    """
    if not jpeg:
        return None
    w, h = PORTRAIT_PX
    image = _pillow_scaled(jpeg)
    if image is None:
        image = QImage.fromData(QByteArray(jpeg))
    if image.isNull():
        return None
    if image.width() > w or image.height() > h:
        image = image.scaled(
            w, h, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image


def _pillow_scaled(jpeg: bytes) -> QImage | None:
    w, h = PORTRAIT_PX
    try:
        with Image.open(io.BytesIO(jpeg)) as img:
            if img.format != "JPEG" or (img.width < 2 * w and img.height < 2 * h):
                return None
            img.draft("RGB", (w, h))
            rgb = img.convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    rgb.thumbnail((w, h), Image.Resampling.BICUBIC)
    raw = rgb.tobytes()
    return QImage(raw, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


def form_data(
    handover: Handover,
    signer: Signer | None,
    portrait: bytes | None = None,
    handovers: Handovers | None = None,
) -> FormData:
    """Form data for a handover record. A final one is signed over its stored content; a draft shows
    the person and screening as they are now, with no verification code."""
    data = dict(handover.data)
    payload = None
    if handover.status == "final":
        if signer is not None:
            payload = make_payload(handover.id, handover.version, handover.data, signer)
    elif handovers is not None:
        data.update(handovers.snapshot(handover))
    return FormData(handover.id, handover.version, handover.status, data, payload, portrait_image(portrait))


def display_names(person: dict[str, Any]) -> tuple[str, str]:
    return str(person.get("name") or ""), str(person.get("name_own_script") or "")
