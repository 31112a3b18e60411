"""On-site capture: cameras added, edited or deleted in the app, and their photos.

Reads are narrow — one camera by id, photo names without the images — so the
window can ask them on the GUI thread whatever the size of the estate.
"""

from __future__ import annotations

from pathlib import Path

from specassist.domain import formatting as fmt
from specassist.domain.formatting import UnitSystem
from specassist.domain.survey import SurveyCamera, SurveyedCamera
from specassist.domain.units import quantity
from specassist.services.projects import Project
from specassist.storage import survey_store
from specassist.survey.importer import SurveyImport, camera_from_form


def cameras(project: Project) -> list[SurveyedCamera]:
    """Every camera of the project (for the worker thread: this reads the whole estate)."""
    with project.sessions() as session:
        return survey_store.load_cameras(session, project.project_id())


def camera(project: Project, camera_id: int) -> SurveyCamera | None:
    with project.sessions() as session:
        return survey_store.load_camera(session, camera_id)


def add_camera(project: Project, camera: SurveyCamera) -> int:
    with project.transaction() as session:
        return survey_store.add_camera(session, project.project_id(), camera)


def update_camera(project: Project, camera_id: int, camera: SurveyCamera) -> None:
    with project.transaction() as session:
        survey_store.update_camera(session, camera_id, camera)


def delete_camera(project: Project, camera_id: int) -> None:
    with project.transaction() as session:
        survey_store.delete_camera(session, camera_id)


def add_photo(project: Project, camera_id: int, path: Path) -> int:
    """Store a photo inside the project file, so it travels with the survey."""
    data = path.read_bytes()
    with project.transaction() as session:
        return survey_store.add_photo(session, camera_id, path.name, data)


def photos(project: Project, camera_id: int) -> list[tuple[int, str, bytes]]:
    with project.sessions() as session:
        return survey_store.photos(session, camera_id)


def photo_names(project: Project, camera_id: int) -> list[str]:
    with project.sessions() as session:
        return survey_store.photo_names(session, camera_id)


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
        "recorder": camera.recorder or "", "switch": camera.switch or "",
        "switch_port": camera.switch_port or "",
    }  # fmt: skip
