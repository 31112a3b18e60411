"""Load and validate the catalog a project is analysed with."""

from __future__ import annotations

from pathlib import Path

from specassist.catalog.loader import CatalogLoad, load_catalog_folder
from specassist.resources import catalog_dir


def check_catalog(folder: Path | None = None) -> CatalogLoad:
    """Validate a catalog folder (the shipped one by default)."""
    return load_catalog_folder(folder or catalog_dir())
