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
