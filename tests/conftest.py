"""Shared fixtures. Qt runs offscreen so tests need no display."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent


@pytest.fixture
def surveys() -> Path:
    return DATA / "surveys"


@pytest.fixture
def shipped_catalog() -> Path:
    return REPO / "catalog"


@pytest.fixture(autouse=True)
def private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's SpecAssist folder (trusted keys, installed catalog) is the test's own."""
    folder = tmp_path / "user-config"
    monkeypatch.setenv("SPECASSIST_CONFIG_DIR", str(folder))
    return folder
