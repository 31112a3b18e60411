"""The user's own SpecAssist folder: keys they trust, and catalog packs they installed.

Command line and app alike use it, so it is found without Qt: the platform's
configuration folder (``%APPDATA%\\SpecAssist`` on Windows, ``~/Library/Application
Support/SpecAssist`` on macOS, ``$XDG_CONFIG_HOME/specassist`` or
``~/.config/specassist`` elsewhere), or ``SPECASSIST_CONFIG_DIR`` when set (tests,
and a machine that keeps it elsewhere).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def config_dir() -> Path:
    if override := os.environ.get("SPECASSIST_CONFIG_DIR"):
        return Path(override)
    if sys.platform == "win32" and (appdata := os.environ.get("APPDATA")):
        return Path(appdata) / "SpecAssist"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "SpecAssist"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "specassist"


def trusted_keys_dir() -> Path:
    """One public key file per publisher whose catalog packs this user accepts."""
    return config_dir() / "trusted-keys"


def installed_catalog_dir() -> Path:
    """Where ``catalog install`` puts a pack's catalog; used instead of the shipped one."""
    return config_dir() / "catalog"
