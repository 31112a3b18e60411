"""Find the bundled catalog and resources wherever SpecAssist runs from.

Three layouts exist: a source checkout (``catalog/`` beside the package), an
installed wheel (copied into ``specassist/_bundled``) and a PyInstaller
bundle (``sys._MEIPASS``). Never the current directory: the app is often
started from a desktop shortcut. ``SPECASSIST_HOME`` overrides all three.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _roots() -> list[Path]:
    roots = []
    if override := os.environ.get("SPECASSIST_HOME"):
        roots.append(Path(override))
    if frozen := getattr(sys, "_MEIPASS", None):
        roots.append(Path(frozen))
    roots.append(_PACKAGE / "_bundled")
    roots.append(_PACKAGE.parent)
    return roots


def _find(name: str) -> Path:
    for root in _roots():
        candidate = root / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"bundled '{name}' not found in: " + ", ".join(map(str, _roots())))


def catalog_dir() -> Path:
    return _find("catalog")


def resources_dir() -> Path:
    return _find("resources")


def demo_survey() -> Path:
    return resources_dir() / "demo" / "demo-survey.csv"


def fonts_dir() -> Path:
    """DejaVu Sans, bundled so the tender prints °, ×, → and ≥ the same on every machine."""
    return resources_dir() / "fonts"
