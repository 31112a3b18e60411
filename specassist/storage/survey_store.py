"""Store imported surveys (cameras, raw rows, issues) in a project and read them back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from specassist.domain.catalog import FormFactor, Resolution
from specassist.domain.device_identity import DeviceLink, link_of
from specassist.domain.issues import InputIssue, Severity
from specassist.domain.survey import DoriLevel, SurveyCamera, SurveyedCamera, SurveyStatus
from specassist.storage.models import (
    ImportIssueRow,
    PhotoRow,
    SelectionRow,
    SiteRow,
    SurveyCameraRow,
    SurveyImportRow,
)
from specassist.storage.project_file import utcnow

# SurveyCamera attributes stored one-to-one in a column of the same name.
_PLAIN = (
    "source_row", "tag", "location", "make", "model", "serial", "mac", "ip_address",
    "firmware", "megapixels", "focal_min_mm", "focal_max_mm", "hfov_deg", "mount", "height_m",
    "target_distance_m", "scene_width_m", "outdoor", "vandal_risk", "power_w", "audio",
    "alarm_io", "notes", "device_type", "device_state", "survey_date", "install_date",
)  # fmt: skip

_SYSTEM = ("recorder", "switch", "switch_port")
"""Where a camera records and is powered, stored as the survey names them."""


class ImportWriter:
    """Stores one import batch by batch, so a large survey never sits in memory whole.

    The import's record is created first; ``add`` inserts cameras as the
    importer hands them over (sites are created on first mention), ``finish``
    records how the file was read, its issues and where every row went.
    """

    def __init__(self, session: Session, project_id: int, file: str) -> None:
        self.session = session
        self.project_id = project_id
        self.record = SurveyImportRow(
            project_id=project_id, file=file, detail="", imported_at=utcnow(), mapping={}
        )
        session.add(self.record)
        session.flush()
        self.sites = {
            s.name: s.id
            for s in session.scalars(select(SiteRow).where(SiteRow.project_id == project_id))
        }

    @property
    def import_id(self) -> int:
        return self.record.id

    def add(self, cameras: list[SurveyCamera]) -> None:
        new_sites = [
            SiteRow(project_id=self.project_id, name=name)
            for name in dict.fromkeys(c.site for c in cameras if c.site)
            if name not in self.sites
        ]
        self.session.add_all(new_sites)
        self.session.flush()
        self.sites.update({s.name: s.id for s in new_sites})
        # Core bulk inserts: thousands of rows in one executemany, not one ORM object each.
        if cameras:
            self.session.execute(
                insert(SurveyCameraRow),
                [_camera_values(c, self.project_id, self.record.id, self.sites) for c in cameras],
            )

    def finish(
        self,
        detail: str,
        mapping: dict[str, str],
        issues: list[InputIssue],
        skipped_rows: int = 0,
        accounting: dict[str, Any] | None = None,
    ) -> int:
        self.record.detail = detail
        self.record.mapping = mapping
        self.record.skipped_rows = skipped_rows
        self.record.accounting = accounting
        if issues:
            self.session.execute(
                insert(ImportIssueRow),
                [
                    {"import_id": self.record.id, "severity": i.severity.value,
                     "message": i.message, "file": i.file, "row": i.row, "column": i.column,
                     "value": i.value}
                    for i in issues
                ],
            )  # fmt: skip
        return self.record.id


def add_import(
    session: Session,
    project_id: int,
    file: str,
    detail: str,
    mapping: dict[str, str],
    cameras: list[SurveyCamera],
    issues: list[InputIssue],
    skipped_rows: int = 0,
    accounting: dict[str, Any] | None = None,
) -> int:
    """Store one import whose cameras are all in hand; returns its id."""
    writer = ImportWriter(session, project_id, file)
    writer.add(cameras)
    return writer.finish(detail, mapping, issues, skipped_rows, accounting)


def _camera_values(
    camera: SurveyCamera, project_id: int, import_id: int, sites: dict[str, int]
) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(camera, name) for name in (*_PLAIN, *_SYSTEM)}
    values.update(
        project_id=project_id,
        import_id=import_id,
        site_id=sites.get(camera.site) if camera.site else None,
        form_factor=camera.form_factor.value if camera.form_factor else None,
        res_width=camera.resolution.width if camera.resolution else None,
        res_height=camera.resolution.height if camera.resolution else None,
        required_dori=camera.required_dori.value if camera.required_dori else None,
        status=camera.status.value if camera.status else None,
        extra=dict(camera.extra),
        raw=dict(camera.raw),
    )
    return values


def load_cameras(session: Session, project_id: int) -> list[SurveyedCamera]:
    """All cameras of a project, in import order.

    Reads plain rows (SQLAlchemy Core), not ORM objects: a 50,000-camera project
    loads in about half the time, and nothing here needs identity tracking.
    """
    table = SurveyCameraRow.__table__
    rows = session.execute(
        select(table).where(table.c.project_id == project_id).order_by(table.c.id)
    )
    site_names = {
        s.id: s.name
        for s in session.scalars(select(SiteRow).where(SiteRow.project_id == project_id))
    }
    return [SurveyedCamera(row.id, _camera(row, site_names)) for row in rows]


def load_camera(session: Session, camera_id: int) -> SurveyCamera | None:
    """One camera by id, without reading the rest of the estate."""
    table = SurveyCameraRow.__table__
    row = session.execute(select(table).where(table.c.id == camera_id)).first()
    if row is None:
        return None
    site = session.get(SiteRow, row.site_id) if row.site_id is not None else None
    return _camera(row, {site.id: site.name} if site else {})


def device_links(session: Session, project_id: int) -> list[tuple[int, DeviceLink]]:
    """Every camera's identity (MAC, serial, tag, site) without loading the cameras."""
    rows = session.execute(
        select(SurveyCameraRow.id, SurveyCameraRow.tag, SurveyCameraRow.mac,
               SurveyCameraRow.serial, SiteRow.name)
        .outerjoin(SiteRow, SurveyCameraRow.site_id == SiteRow.id)
        .where(SurveyCameraRow.project_id == project_id)
    )  # fmt: skip
    return [(r[0], link_of(r[1], r[2], r[3], r[4])) for r in rows]


def load_cameras_by_id(session: Session, ids: list[int]) -> dict[int, SurveyCamera]:
    """The named cameras only (those an update touches), in batches SQLite can take."""
    table = SurveyCameraRow.__table__
    found: dict[int, SurveyCamera] = {}
    sites = {s.id: s.name for s in session.scalars(select(SiteRow))}
    for start in range(0, len(ids), 900):
        rows = session.execute(select(table).where(table.c.id.in_(ids[start : start + 900])))
        found.update((row.id, _camera(row, sites)) for row in rows)
    return found


def camera_ids_of_import(session: Session, import_id: int) -> list[int]:
    return list(
        session.scalars(
            select(SurveyCameraRow.id)
            .where(SurveyCameraRow.import_id == import_id)
            .order_by(SurveyCameraRow.id)
        )
    )


def remove_import(session: Session, import_id: int) -> None:
    """Undo an import: its cameras (with their photos and selections) and its issues go."""
    session.execute(delete(SurveyCameraRow).where(SurveyCameraRow.import_id == import_id))
    session.execute(delete(SurveyImportRow).where(SurveyImportRow.id == import_id))


def _camera(row: Any, site_names: dict[int, str]) -> SurveyCamera:
    camera = SurveyCamera(source_row=row.source_row)
    for name in (*_PLAIN, *_SYSTEM):
        setattr(camera, name, getattr(row, name))
    camera.site = site_names.get(row.site_id) if row.site_id is not None else None
    camera.form_factor = FormFactor(row.form_factor) if row.form_factor else None
    if row.res_width and row.res_height:
        camera.resolution = Resolution(row.res_width, row.res_height)
    camera.required_dori = DoriLevel(row.required_dori) if row.required_dori else None
    camera.status = SurveyStatus(row.status) if row.status else None
    camera.extra = {str(k): str(v) for k, v in row.extra.items()}
    camera.raw = {str(k): str(v) for k, v in row.raw.items()}
    return camera


def load_issues(session: Session, project_id: int) -> list[InputIssue]:
    rows = session.scalars(
        select(ImportIssueRow)
        .join(SurveyImportRow, ImportIssueRow.import_id == SurveyImportRow.id)
        .where(SurveyImportRow.project_id == project_id)
        .order_by(ImportIssueRow.id)
    )
    return [
        InputIssue(Severity(r.severity), r.message, r.file, r.row, r.column, r.value) for r in rows
    ]


def site_id(session: Session, project_id: int, name: str | None) -> int | None:
    if not name:
        return None
    found = session.scalars(
        select(SiteRow).where(SiteRow.project_id == project_id, SiteRow.name == name)
    ).first()
    if found is None:
        found = SiteRow(project_id=project_id, name=name)
        session.add(found)
        session.flush()
    return found.id


def add_camera(session: Session, project_id: int, camera: SurveyCamera) -> int:
    """A camera captured in the app (no import): returns its id."""
    values = _camera_values(camera, project_id, 0, {})
    values["import_id"] = None
    values["site_id"] = site_id(session, project_id, camera.site)
    row = SurveyCameraRow(**values)
    session.add(row)
    session.flush()
    return row.id


def update_camera(session: Session, camera_id: int, camera: SurveyCamera) -> None:
    row = session.get(SurveyCameraRow, camera_id)
    if row is None:
        raise KeyError(f"no camera {camera_id}")
    values = _camera_values(camera, row.project_id, row.import_id or 0, {})
    values["import_id"] = row.import_id
    values["site_id"] = site_id(session, row.project_id, camera.site)
    for name, value in values.items():
        setattr(row, name, value)


def delete_camera(session: Session, camera_id: int) -> None:
    row = session.get(SurveyCameraRow, camera_id)
    if row is not None:
        session.delete(row)


def add_photo(session: Session, camera_id: int, name: str, data: bytes) -> int:
    row = PhotoRow(survey_camera_id=camera_id, name=name, data=data, added_at=utcnow())
    session.add(row)
    session.flush()
    return row.id


def photos(session: Session, camera_id: int) -> list[tuple[int, str, bytes]]:
    rows = session.scalars(
        select(PhotoRow).where(PhotoRow.survey_camera_id == camera_id).order_by(PhotoRow.id)
    )
    return [(r.id, r.name, r.data) for r in rows]


def photo_names(session: Session, camera_id: int) -> list[str]:
    """Names only: the detail panel lists them without loading the images."""
    return list(
        session.scalars(
            select(PhotoRow.name)
            .where(PhotoRow.survey_camera_id == camera_id)
            .order_by(PhotoRow.id)
        )
    )


@dataclass(frozen=True, slots=True)
class StoredOverride:
    camera_id: int
    model_key: str
    note: str | None


def set_override(session: Session, camera_id: int, model_key: str, note: str | None) -> None:
    row = session.scalars(
        select(SelectionRow).where(SelectionRow.survey_camera_id == camera_id)
    ).first()
    if row is None:
        row = SelectionRow(survey_camera_id=camera_id, chosen_at=utcnow())
        session.add(row)
    row.model_key, row.override, row.note, row.chosen_at = model_key, True, note, utcnow()


def clear_override(session: Session, camera_id: int) -> None:
    row = session.scalars(
        select(SelectionRow).where(SelectionRow.survey_camera_id == camera_id)
    ).first()
    if row is not None:
        session.delete(row)


def load_overrides(session: Session, project_id: int) -> dict[int, StoredOverride]:
    rows = session.scalars(
        select(SelectionRow)
        .join(SurveyCameraRow, SelectionRow.survey_camera_id == SurveyCameraRow.id)
        .where(SurveyCameraRow.project_id == project_id, SelectionRow.override.is_(True))
    )
    return {
        r.survey_camera_id: StoredOverride(r.survey_camera_id, r.model_key or "", r.note)
        for r in rows
    }
