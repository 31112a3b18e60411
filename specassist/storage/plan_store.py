"""Store plans, their images and what is placed on them in the project, and read them back.

Rows keep their ids through undo: a deleted plan, device, wall or target is
put back with the id it had, so edits further down the undo history still
refer to the right thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from specassist.domain.device_identity import DeviceLink, link_of
from specassist.domain.plans import (
    PlacedDevice,
    Plan,
    PlanScale,
    Point,
    Target,
    Wall,
    WallKind,
)
from specassist.domain.survey import DoriLevel
from specassist.storage.models import (
    PlanDeviceRow,
    PlanRow,
    PlanTargetRow,
    PlanWallRow,
    SiteRow,
    SurveyCameraRow,
)
from specassist.storage.project_file import utcnow
from specassist.storage.survey_store import site_id as site_id_for


@dataclass(frozen=True, slots=True)
class PlanImage:
    data: bytes
    format: str
    width_px: int
    height_px: int


@dataclass(frozen=True, slots=True)
class PlanSummary:
    id: int
    site: str
    name: str
    width_px: int
    height_px: int
    scale: PlanScale | None
    devices: int
    source: str


def add_plan(
    session: Session, project_id: int, site: str, name: str, source: str, image: PlanImage,
    plan_id: int | None = None,
) -> int:  # fmt: skip
    """Store a new plan (the site is created on first mention); returns its id."""
    site_id = site_id_for(session, project_id, site)
    assert site_id is not None, "a plan belongs to a named site"
    position = session.scalar(
        select(func.count()).select_from(PlanRow).where(PlanRow.site_id == site_id)
    )
    row = PlanRow(
        project_id=project_id, site_id=site_id, name=name, position=position or 0, source=source,
        image=image.data, image_format=image.format, width_px=image.width_px,
        height_px=image.height_px, added_at=utcnow(),
    )  # fmt: skip
    if plan_id is not None:
        row.id = plan_id
    session.add(row)
    session.flush()
    return row.id


def delete_plan(session: Session, plan_id: int) -> None:
    row = session.get(PlanRow, plan_id)
    if row is not None:
        session.delete(row)


def summaries(session: Session, project_id: int) -> list[PlanSummary]:
    per_plan = select(PlanDeviceRow.plan_id, func.count()).group_by(PlanDeviceRow.plan_id)
    counts: dict[int, int] = {row[0]: row[1] for row in session.execute(per_plan)}
    rows = session.execute(
        select(PlanRow.id, SiteRow.name, PlanRow.name, PlanRow.width_px, PlanRow.height_px,
               PlanRow.source, *_scale_columns())
        .join(SiteRow, PlanRow.site_id == SiteRow.id)
        .where(PlanRow.project_id == project_id)
        .order_by(SiteRow.name, PlanRow.position, PlanRow.id)
    )  # fmt: skip
    return [
        PlanSummary(r[0], r[1], r[2], r[3], r[4], _scale(*r[6:]), counts.get(r[0], 0), r[5])
        for r in rows
    ]


def _scale_columns() -> tuple[Any, ...]:
    return (PlanRow.scale_x1, PlanRow.scale_y1, PlanRow.scale_x2, PlanRow.scale_y2,
            PlanRow.scale_distance_m)  # fmt: skip


def _scale(x1: float | None, y1: float | None, x2: float | None, y2: float | None,
           distance: float | None) -> PlanScale | None:  # fmt: skip
    if x1 is None or y1 is None or x2 is None or y2 is None or distance is None:
        return None
    return PlanScale((x1, y1), (x2, y2), distance)


def load_plan(session: Session, plan_id: int) -> Plan:
    """The plan with its devices, walls and targets (not the image: see ``load_image``)."""
    found = session.execute(
        select(PlanRow.id, SiteRow.name, PlanRow.name, PlanRow.width_px, PlanRow.height_px,
               PlanRow.source, *_scale_columns())
        .join(SiteRow, PlanRow.site_id == SiteRow.id)
        .where(PlanRow.id == plan_id)
    ).first()  # fmt: skip
    if found is None:
        raise KeyError(f"no plan {plan_id}")
    devices = session.scalars(
        select(PlanDeviceRow).where(PlanDeviceRow.plan_id == plan_id).order_by(PlanDeviceRow.id)
    )
    walls = session.scalars(
        select(PlanWallRow).where(PlanWallRow.plan_id == plan_id).order_by(PlanWallRow.id)
    )
    targets = session.scalars(
        select(PlanTargetRow).where(PlanTargetRow.plan_id == plan_id).order_by(PlanTargetRow.id)
    )
    return Plan(
        id=found[0], site=found[1], name=found[2], width_px=found[3], height_px=found[4],
        scale=_scale(*found[6:]), source=found[5],
        devices=tuple(_device(r) for r in devices),
        walls=tuple(Wall(r.id, _points(r.points), WallKind(r.kind)) for r in walls),
        targets=tuple(
            Target(r.id, r.name, _points(r.points), DoriLevel(r.required_dori)) for r in targets
        ),
    )  # fmt: skip


def _points(raw: list[Any]) -> tuple[Point, ...]:
    return tuple((float(x), float(y)) for x, y in raw)


def _device(row: PlanDeviceRow) -> PlacedDevice:
    return PlacedDevice(
        row.id, DeviceLink(row.tag, row.mac, row.serial, row.site), row.survey_camera_id,
        (row.x_px, row.y_px), row.direction_deg, row.tilt_deg, row.height_m,
    )  # fmt: skip


def load_image(session: Session, plan_id: int) -> PlanImage:
    row = session.execute(
        select(PlanRow.image, PlanRow.image_format, PlanRow.width_px, PlanRow.height_px).where(
            PlanRow.id == plan_id
        )
    ).first()
    if row is None:
        raise KeyError(f"no plan {plan_id}")
    return PlanImage(row[0], row[1], row[2], row[3])


def set_image(session: Session, plan_id: int, image: PlanImage) -> None:
    row = _plan_row(session, plan_id)
    row.image, row.image_format = image.data, image.format
    row.width_px, row.height_px = image.width_px, image.height_px


def set_scale(session: Session, plan_id: int, scale: PlanScale | None) -> None:
    row = _plan_row(session, plan_id)
    if scale is None:
        row.scale_x1 = row.scale_y1 = row.scale_x2 = row.scale_y2 = None
        row.scale_distance_m = None
        return
    (row.scale_x1, row.scale_y1), (row.scale_x2, row.scale_y2) = scale.start, scale.end
    row.scale_distance_m = scale.distance_m


def rename_plan(session: Session, plan_id: int, name: str) -> None:
    _plan_row(session, plan_id).name = name


def _plan_row(session: Session, plan_id: int) -> PlanRow:
    row = session.get(PlanRow, plan_id)
    if row is None:
        raise KeyError(f"no plan {plan_id}")
    return row


# ------------------------------------------------------------------ placed things


def put_device(session: Session, plan_id: int, device: PlacedDevice) -> int:
    """Insert or update a placed device; ``device.id`` 0 means a new one. Returns the id."""
    row = session.get(PlanDeviceRow, device.id) if device.id else None
    if row is None:
        row = PlanDeviceRow(plan_id=plan_id)
        if device.id:
            row.id = device.id
        session.add(row)
    link = device.link
    row.survey_camera_id = device.camera_id
    row.tag, row.mac, row.serial, row.site = link.tag, link.mac, link.serial, link.site
    row.x_px, row.y_px = device.position
    row.direction_deg, row.tilt_deg, row.height_m = (
        device.direction_deg, device.tilt_deg, device.height_m,
    )  # fmt: skip
    session.flush()
    return row.id


def delete_device(session: Session, device_id: int) -> None:
    session.execute(delete(PlanDeviceRow).where(PlanDeviceRow.id == device_id))


def put_wall(session: Session, plan_id: int, wall: Wall) -> int:
    row = session.get(PlanWallRow, wall.id) if wall.id else None
    if row is None:
        row = PlanWallRow(plan_id=plan_id, id=wall.id or None)
        session.add(row)
    row.kind, row.points = wall.kind.value, [list(p) for p in wall.points]
    session.flush()
    return row.id


def delete_wall(session: Session, wall_id: int) -> None:
    session.execute(delete(PlanWallRow).where(PlanWallRow.id == wall_id))


def put_target(session: Session, plan_id: int, target: Target) -> int:
    row = session.get(PlanTargetRow, target.id) if target.id else None
    if row is None:
        row = PlanTargetRow(plan_id=plan_id, id=target.id or None)
        session.add(row)
    row.name, row.required_dori = target.name, target.required.value
    row.points = [list(p) for p in target.points]
    session.flush()
    return row.id


def delete_target(session: Session, target_id: int) -> None:
    session.execute(delete(PlanTargetRow).where(PlanTargetRow.id == target_id))


def put_contents(session: Session, plan: Plan) -> None:
    """Write every device, wall and target of ``plan`` and its scale, ids kept.

    Used after a rotation or crop (everything moved) and to put a plan back on undo.
    """
    for device in plan.devices:
        put_device(session, plan.id, device)
    for wall in plan.walls:
        put_wall(session, plan.id, wall)
    for target in plan.targets:
        put_target(session, plan.id, target)
    set_scale(session, plan.id, plan.scale)


def set_links(session: Session, links: dict[int, int | None]) -> None:
    """Point placed devices at the cameras they were matched to after a re-import."""
    for device_id, camera_id in links.items():
        row = session.get(PlanDeviceRow, device_id)
        if row is not None and row.survey_camera_id != camera_id:
            row.survey_camera_id = camera_id


# ------------------------------------------------------------------ the cameras placed


@dataclass(frozen=True, slots=True)
class CameraFacts:
    """What placing a camera needs from the survey: its link and its mounting figures."""

    id: int
    link: DeviceLink
    height_m: float | None
    target_distance_m: float | None


def camera_facts(session: Session, camera_ids: list[int]) -> list[CameraFacts]:
    rows = session.execute(
        select(SurveyCameraRow.id, SurveyCameraRow.tag, SurveyCameraRow.mac,
               SurveyCameraRow.serial, SiteRow.name, SurveyCameraRow.height_m,
               SurveyCameraRow.target_distance_m)
        .outerjoin(SiteRow, SurveyCameraRow.site_id == SiteRow.id)
        .where(SurveyCameraRow.id.in_(camera_ids))
        .order_by(SurveyCameraRow.id)
    )  # fmt: skip
    return [CameraFacts(r[0], link_of(r[1], r[2], r[3], r[4]), r[5], r[6]) for r in rows]


def cameras_tagged(session: Session, project_id: int, tag: str) -> list[CameraFacts]:
    ids = session.scalars(
        select(SurveyCameraRow.id).where(
            SurveyCameraRow.project_id == project_id,
            func.upper(SurveyCameraRow.tag) == tag.strip().upper(),
        )
    )
    return camera_facts(session, list(ids))


def placed_camera_ids(session: Session, project_id: int, site: str | None) -> set[int]:
    """Cameras already on a plan of ``site`` (of any site when None)."""
    query = (
        select(PlanDeviceRow.survey_camera_id)
        .join(PlanRow, PlanDeviceRow.plan_id == PlanRow.id)
        .join(SiteRow, PlanRow.site_id == SiteRow.id)
        .where(PlanRow.project_id == project_id, PlanDeviceRow.survey_camera_id.is_not(None))
    )
    if site is not None:
        query = query.where(SiteRow.name == site)
    return {camera_id for camera_id in session.scalars(query) if camera_id is not None}


def all_devices(session: Session, project_id: int) -> list[PlacedDevice]:
    rows = session.scalars(
        select(PlanDeviceRow)
        .join(PlanRow, PlanDeviceRow.plan_id == PlanRow.id)
        .where(PlanRow.project_id == project_id)
    )
    return [_device(r) for r in rows]


def camera_links(
    session: Session, project_id: int, devices: list[PlacedDevice]
) -> list[tuple[int, DeviceLink]]:
    """The links of the surveyed cameras that could be ``devices``: same id, MAC, serial or tag.

    Only those are read, so finding a few hundred placed devices again in a
    50,000-camera survey reads a few hundred rows, not the survey.
    """
    table = SurveyCameraRow
    keys = [
        table.id.in_([d.camera_id for d in devices if d.camera_id is not None]),
        table.mac.in_([d.link.mac for d in devices if d.link.mac]),
        func.upper(table.serial).in_([d.link.serial.upper() for d in devices if d.link.serial]),
        func.upper(table.tag).in_([d.link.tag.upper() for d in devices if d.link.tag]),
    ]
    rows = session.execute(
        select(table.id, table.tag, table.mac, table.serial, SiteRow.name)
        .outerjoin(SiteRow, table.site_id == SiteRow.id)
        .where(table.project_id == project_id, or_(*keys))
    )
    return [(r[0], link_of(r[1], r[2], r[3], r[4])) for r in rows]


def site_camera_ids(session: Session, project_id: int, site: str) -> set[int]:
    """Surveyed cameras of ``site``, and those the survey gives no site (they may be anywhere)."""
    rows = session.scalars(
        select(SurveyCameraRow.id)
        .outerjoin(SiteRow, SurveyCameraRow.site_id == SiteRow.id)
        .where(
            SurveyCameraRow.project_id == project_id,
            (SiteRow.name == site) | SurveyCameraRow.site_id.is_(None),
        )
    )
    return set(rows)
