"""Create projects, import surveys into them, and read back what they hold.

Each function owns its transaction and returns plain dataclasses, never live
ORM objects, so the UI can hold results across threads and after sessions end.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from specassist.catalog.loader import CatalogLoad
from specassist.domain import formatting as fmt
from specassist.domain.costing import CostSettings
from specassist.domain.formatting import UnitSystem
from specassist.domain.issues import InputIssue
from specassist.domain.money import ExchangeRates
from specassist.domain.survey import SurveyCamera
from specassist.domain.units import quantity
from specassist.services.catalog_service import check_catalog
from specassist.storage import survey_store, working_copy
from specassist.storage.catalog_store import add_prices, read_catalog, write_catalog
from specassist.storage.models import ProjectRow
from specassist.storage.project_file import SUFFIX, ProjectFile, project_name, project_path
from specassist.storage.survey_store import StoredCamera, add_import, load_cameras, load_issues
from specassist.survey.importer import SurveyImport, camera_from_form, import_survey
from specassist.survey.price_list import PriceListImport, import_price_list
from specassist.tender.content import TenderSettings
from specassist.tender.document import Layout


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    name: str
    path: Path | None
    catalog_name: str | None
    catalog_version: str | None
    cameras: int
    issues: int


def new_project(
    name: str, path: Path | None = None, catalog: CatalogLoad | None = None
) -> ProjectFile:
    """A new project holding a snapshot of the catalog (the shipped one by default)."""
    project = ProjectFile.create(name, path)
    _start(project, catalog)
    return project


def _start(project: ProjectFile, catalog: CatalogLoad | None) -> None:
    catalog = catalog or check_catalog()
    with project.transaction() as session:
        write_catalog(session, catalog.catalog)
        row = session.scalars(select(ProjectRow)).one()
        row.catalog_name = catalog.catalog.info.name
        row.catalog_version = catalog.catalog.info.version
        row.rule_set_ids = [r.rule_set_id for r in catalog.catalog.rule_sets if not r.template]


def open_project(path: Path) -> ProjectFile:
    return ProjectFile.open(path)


def clean_stale_working_copies() -> list[Path]:
    """Remove the working folders SpecAssist processes that died left in the temporary folder.

    Called at start-up by the app and by commands that open projects; folders of
    processes still running are never touched. Returns the folders removed.
    """
    return working_copy.clean_stale_working_copies()


def open_or_new(path: Path, catalog: CatalogLoad | None = None) -> ProjectFile:
    """The project in ``path`` (``.specassist`` added), or a new one there; locked either way.

    Removes the working folders of SpecAssist processes that died first, as the
    app does at start-up, so a headless user's temporary folder does not fill up.
    """
    clean_stale_working_copies()
    path = project_path(path)
    project = ProjectFile.open_or_create(path, project_name(path))
    if project.created:
        try:
            _start(project, catalog)
        except BaseException:
            project.close()
            raise
    return project


def import_into(
    project: ProjectFile,
    survey: Path,
    sheet: str | None = None,
    column_map: dict[str, str] | None = None,
) -> SurveyImport:
    """Import a survey file into the project (in the working copy; save to keep it)."""
    result = import_survey(survey, sheet, column_map)
    project_id = project.project_id()
    with project.transaction() as session:
        add_import(
            session,
            project_id,
            result.file,
            result.detail,
            result.mapping,
            result.cameras,
            result.issues,
            result.skipped_rows,
        )
    return result


def cameras(project: ProjectFile) -> list[StoredCamera]:
    with project.sessions() as session:
        return load_cameras(session, project.project_id())


def issues(project: ProjectFile) -> list[InputIssue]:
    with project.sessions() as session:
        return load_issues(session, project.project_id())


def summary(project: ProjectFile) -> ProjectSummary:
    with project.sessions() as session:
        row = session.scalars(select(ProjectRow)).one()
        project_id = row.id
        count = len(load_cameras(session, project_id))
        return ProjectSummary(
            row.name,
            project.path,
            row.catalog_name,
            row.catalog_version,
            count,
            len(load_issues(session, project_id)),
        )


def catalog_of(project: ProjectFile) -> CatalogLoad | None:
    """The catalog snapshot stored in the project, as analysed."""
    with project.sessions() as session:
        catalog = read_catalog(session)
    return None if catalog is None else CatalogLoad(catalog)


def rule_profile(project: ProjectFile) -> list[str]:
    """The rule sets this project is judged against."""
    with project.sessions() as session:
        return list(session.scalars(select(ProjectRow)).one().rule_set_ids)


def set_rule_profile(project: ProjectFile, rule_set_ids: list[str]) -> None:
    """Choose the project's rule sets; unknown ids are refused so a typo cannot allow a camera."""
    catalog = catalog_of(project)
    known = {r.rule_set_id for r in catalog.catalog.rule_sets} if catalog else set()
    unknown = [r for r in rule_set_ids if r not in known]
    if unknown:
        raise ValueError(f"no rule set {', '.join(repr(u) for u in unknown)} in the catalog")
    with project.transaction() as session:
        session.scalars(select(ProjectRow)).one().rule_set_ids = list(rule_set_ids)


# ------------------------------------------------------------------ on-site capture


def add_camera(project: ProjectFile, camera: SurveyCamera) -> int:
    with project.transaction() as session:
        return survey_store.add_camera(session, project.project_id(), camera)


def update_camera(project: ProjectFile, camera_id: int, camera: SurveyCamera) -> None:
    with project.transaction() as session:
        survey_store.update_camera(session, camera_id, camera)


def delete_camera(project: ProjectFile, camera_id: int) -> None:
    with project.transaction() as session:
        survey_store.delete_camera(session, camera_id)


def camera(project: ProjectFile, camera_id: int) -> SurveyCamera | None:
    return next((s.camera for s in cameras(project) if s.id == camera_id), None)


def add_photo(project: ProjectFile, camera_id: int, path: Path) -> int:
    """Store a photo inside the project file, so it travels with the survey."""
    data = path.read_bytes()
    with project.transaction() as session:
        return survey_store.add_photo(session, camera_id, path.name, data)


def photos(project: ProjectFile, camera_id: int) -> list[tuple[int, str, bytes]]:
    with project.sessions() as session:
        return survey_store.photos(session, camera_id)


def photo_names(project: ProjectFile, camera_id: int) -> list[str]:
    with project.sessions() as session:
        return survey_store.photo_names(session, camera_id)


# ------------------------------------------------------------------ overrides


def set_override(project: ProjectFile, camera_id: int, model_key: str, note: str | None) -> None:
    with project.transaction() as session:
        survey_store.set_override(session, camera_id, model_key, note)


def clear_override(project: ProjectFile, camera_id: int) -> None:
    with project.transaction() as session:
        survey_store.clear_override(session, camera_id)


def overrides(project: ProjectFile) -> dict[int, survey_store.StoredOverride]:
    with project.sessions() as session:
        return survey_store.load_overrides(session, project.project_id())


# ------------------------------------------------------------------ settings and prices


def settings(project: ProjectFile) -> dict[str, Any]:
    """The project's own settings (costs, tender cover, units) as stored JSON."""
    with project.sessions() as session:
        return dict(session.scalars(select(ProjectRow)).one().settings or {})


def update_settings(project: ProjectFile, **values: Any) -> None:
    with project.transaction() as session:
        row = session.scalars(select(ProjectRow)).one()
        row.settings = {**(row.settings or {}), **values}


def import_prices(project: ProjectFile, path: Path, supplier: str | None = None) -> PriceListImport:
    """Add a supplier's price list to the project's catalog; bad rows are reported, not lost."""
    result = import_price_list(path, supplier)
    if result.prices:
        with project.transaction() as session:
            add_prices(session, result.prices)
    return result


def cost_settings(project: ProjectFile, as_of: date | None = None) -> CostSettings:
    """The project's cost settings; anything not set keeps the documented default."""
    stored = settings(project).get("cost", {})
    defaults = CostSettings()
    rates = {k: Decimal(v) for k, v in stored.get("rates", {}).items()}
    currency = stored.get("currency", defaults.currency)
    return CostSettings(
        currency=currency,
        exchange=ExchangeRates(currency, rates),
        labour_rate=Decimal(stored.get("labour_rate", defaults.labour_rate)),
        access_day_rate=Decimal(stored.get("access_day_rate", defaults.access_day_rate)),
        disposal_per_camera=Decimal(
            stored.get("disposal_per_camera", defaults.disposal_per_camera)
        ),
        contingency_pct=Decimal(stored.get("contingency_pct", defaults.contingency_pct)),
        margin_pct=Decimal(stored.get("margin_pct", defaults.margin_pct)),
        tax_pct=Decimal(stored.get("tax_pct", defaults.tax_pct)),
        tax_name=stored.get("tax_name", defaults.tax_name),
        preferred_supplier=stored.get("preferred_supplier"),
        price_date=as_of,
    )


def set_cost_settings(project: ProjectFile, **values: str) -> None:
    """Store cost fields as text (Decimal-safe): currency, labour_rate, tax_pct, rates …"""
    current = settings(project).get("cost", {})
    update_settings(project, cost={**current, **values})


def tender_settings(project: ProjectFile, issue_date: date | None = None) -> TenderSettings:
    stored = settings(project).get("tender", {})
    defaults = TenderSettings()
    return TenderSettings(
        title=stored.get("title", defaults.title),
        project=stored.get("project", summary(project).name),
        client=stored.get("client", ""),
        issuer=stored.get("issuer", ""),
        revision=stored.get("revision", defaults.revision),
        issue_date=issue_date or date.today(),
        layout=Layout(stored.get("layout", defaults.layout.value)),
        section_number=stored.get("section_number", defaults.section_number),
        units=UnitSystem(stored.get("units", defaults.units.value)),
    )


def set_tender_settings(project: ProjectFile, **values: str) -> None:
    current = settings(project).get("tender", {})
    update_settings(project, tender={**current, **values})


def read_camera_form(values: dict[str, str], source_row: int = 0) -> SurveyImport:
    """A camera typed in the app, read with the importer's own validation and units."""
    return camera_from_form(values, source_row)


def form_values(camera: SurveyCamera, system: UnitSystem) -> dict[str, str]:
    """A stored camera as the text the form shows, units written out so nothing is guessed."""

    def length(metres: float | None) -> str:
        if metres is None:
            return ""
        if system is UnitSystem.IMPERIAL:
            feet = quantity(metres, "m").to("ft").magnitude
            return f"{feet:.4f}".rstrip("0").rstrip(".") + " ft"
        return f"{metres:.4f}".rstrip("0").rstrip(".") + " m"

    def yes_no(value: bool | None, yes: str, no: str) -> str:
        return "" if value is None else (yes if value else no)

    return {
        "tag": camera.tag or "", "site": camera.site or "", "location": camera.location or "",
        "make": camera.make or "", "model": camera.model or "",
        "form_factor": camera.form_factor.value if camera.form_factor else "",
        "resolution": f"{camera.resolution.width}x{camera.resolution.height}"
        if camera.resolution else (f"{camera.megapixels:g} MP" if camera.megapixels else ""),
        "lens": fmt.focal_range(camera.focal_min_mm, camera.focal_max_mm)
        if camera.focal_min_mm is not None else "",
        "mount": camera.mount or "", "height": length(camera.height_m),
        "target_distance": length(camera.target_distance_m),
        "scene_width": length(camera.scene_width_m),
        "required_dori": camera.required_dori.value if camera.required_dori else "",
        "environment": yes_no(camera.outdoor, "Outdoor", "Indoor"),
        "vandal": yes_no(camera.vandal_risk, "yes", "no"),
        "mac": camera.mac or "",
        "status": camera.status.value.replace("_", " ") if camera.status else "",
        "notes": camera.notes or "",
    }  # fmt: skip


# ------------------------------------------------------------------ autosave and recovery


def autosave(project: ProjectFile, folder: Path, session_id: str) -> Path:
    """Copy the open project to the autosave folder, with a note of where it belongs."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{session_id}{SUFFIX}"
    project.write_copy(target)
    marker = folder / f"{session_id}.json"
    marker.write_text(
        json.dumps({"original": str(project.path) if project.path else None,
                    "name": summary(project).name}),
        encoding="utf-8",
    )  # fmt: skip
    return target


@dataclass(frozen=True)
class Recoverable:
    autosave: Path
    original: Path | None
    name: str


def recoverable(folder: Path, except_session: str | None = None) -> list[Recoverable]:
    """Autosaves left by sessions that did not end cleanly."""
    found = []
    for marker in sorted(folder.glob("*.json")) if folder.exists() else []:
        if except_session and marker.stem == except_session:
            continue
        data = marker.with_suffix(SUFFIX)
        if not data.exists():
            continue
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        original = Path(info["original"]) if info.get("original") else None
        found.append(Recoverable(data, original, str(info.get("name") or data.stem)))
    return found


def recover(item: Recoverable) -> ProjectFile:
    """Open an autosave as unsaved work belonging to its original file."""
    project = ProjectFile.open(item.autosave, lock=False)  # the first save locks the original
    project.path = item.original
    project.dirty = True
    discard_autosave(item.autosave.parent, item.autosave.stem)
    return project


def discard_autosave(folder: Path, session_id: str) -> None:
    for suffix in (SUFFIX, ".json"):
        (folder / f"{session_id}{suffix}").unlink(missing_ok=True)
