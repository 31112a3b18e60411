"""Render resources/icons/specassist.svg to the platform icon files the bundles use.

Run from the repository root: python installer/make_icons.py
Writes installer/icons/specassist.png, .ico (Windows) and .icns (macOS).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "installer" / "icons"


def main() -> None:
    app = QGuiApplication(sys.argv)  # noqa: F841 (Qt needs it alive while painting)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "specassist.svg"))
    image = QImage(512, 512, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    OUT.mkdir(parents=True, exist_ok=True)
    png = OUT / "specassist.png"
    image.save(str(png))
    with Image.open(png) as icon:
        icon.save(OUT / "specassist.ico", sizes=[(16, 16), (32, 32), (48, 48), (256, 256)])
        icon.save(OUT / "specassist.icns")
    print("\n".join(str(p) for p in sorted(OUT.iterdir())))


if __name__ == "__main__":
    main()
