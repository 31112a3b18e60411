"""Load and validate the catalog a project is analysed with: a folder, or a team catalog.

The folder is the one the user installed from a signed pack (``catalog
install``) when there is one, else the catalog shipped with SpecAssist. A team
catalog (``url``) gives its approved rows; rows awaiting approval are not used,
and the load says how many, so no one mistakes a partial catalog for the whole.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from specassist.catalog.loader import CatalogLoad, load_catalog_folder
from specassist.domain.catalog import CatalogInfo
from specassist.domain.issues import InputIssue, Severity
from specassist.resources import catalog_dir
from specassist.services.user_config import installed_catalog_dir

if TYPE_CHECKING:
    from specassist.services.team_catalog import TeamCatalog

__all__ = ["CatalogLoad", "check_catalog", "default_catalog_folder", "load_catalog", "team_load"]


def default_catalog_folder() -> Path:
    """The installed pack's folder when a pack was installed, else the shipped catalog."""
    installed = installed_catalog_dir()
    return installed if (installed / "catalog.toml").is_file() else catalog_dir()


def check_catalog(folder: Path | None = None) -> CatalogLoad:
    """Validate a catalog folder (the default one when none is named)."""
    return load_catalog_folder(folder or default_catalog_folder())


def load_catalog(url: str | None = None, folder: Path | None = None) -> CatalogLoad:
    """The catalog to analyse with: the team catalog at ``url``, else a folder.

    Raises ``TeamCatalogError`` when the team catalog cannot be read.
    """
    if not url:
        return check_catalog(folder)
    # The database layer loads only for a team catalog: a folder needs none of it.
    from specassist.services import team_catalog

    return team_load(url, team_catalog.read(url))


def team_load(url: str, team: TeamCatalog) -> CatalogLoad:
    """A team catalog as a load: rows left out and rows awaiting approval are its issues.

    Its version names the team catalog's version, which a project's snapshot
    records: "team 7 (2026.12.2)" is version 7, last published from a folder
    labelled 2026.12.2.
    """
    from specassist.services import team_catalog

    where = team_catalog.shown(url)
    info = team.catalog.info
    label = f"team {team.version}" + (f" ({info.version})" if info.version else "")
    catalog = copy.copy(team.catalog)
    catalog.info = CatalogInfo(info.name, label, info.date)
    issues = [InputIssue(Severity.ERROR, f"row left out: {reason}", where)
              for reason in team.unreadable]  # fmt: skip
    if team.pending:
        issues.append(
            InputIssue(
                Severity.WARNING,
                f"{len(team.pending)} row(s) await approval and are not used",
                where,
            )
        )
    return CatalogLoad(catalog, issues)
