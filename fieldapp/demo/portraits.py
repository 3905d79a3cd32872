"""Made-up portrait photos for the demo vault: a drawn silhouette, never a real face."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw


def portrait_jpeg(rng: random.Random, label: str) -> bytes:
    """A 600×800 JPEG: a plain background, a head-and-shoulders silhouette and the temporary id."""
    background = tuple(rng.randint(150, 225) for _ in range(3))
    skin = tuple(rng.randint(90, 200) for _ in range(3))
    image = Image.new("RGB", (600, 800), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((190, 150, 410, 400), fill=skin)
    draw.rounded_rectangle((110, 430, 490, 800), radius=120, fill=tuple(c // 2 for c in skin))
    draw.rectangle((0, 740, 600, 800), fill=(255, 255, 255))
    draw.text((20, 755), label, fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()
