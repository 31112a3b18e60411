"""Plans in a project: import, scale, rotate and crop them; place cameras, walls and targets.

Each function owns its transaction and returns plain dataclasses. Edits that
the desktop app undoes are written so that putting the previous value back is
the same call as making the change (``put_device`` with the old device,
``restore`` with a snapshot), and ids survive: a plan or device deleted and
restored keeps its id.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from specassist.domain.device_identity import resolve_links
from specassist.domain.formatting import UnitSystem
from specassist.domain.plan_coverage import plan_checks, plan_coverages
from specassist.domain.plan_drawing import (
    REPLACEMENT_ONLY,
    Marker,
    PlanDrawing,
    ViewStyle,
    draw_plan,
)
from specassist.domain.plan_transforms import crop_map, moved, rotation_map
from specassist.domain.plans import (
    DEFAULT_HEIGHT_M,
    Crop,
    PlacedDevice,
    Plan,
    PlanCamera,
    PlanError,
    PlanScale,
    Point,
    Target,
    Wall,
    default_tilt_deg,
    relinked,
)
from specassist.domain.units import Kind, QuantityParseError, parse_quantity
from specassist.services import plan_images
from specassist.services.plan_images import DEFAULT_PDF_DPI, crop, read_plan_file, rotate
from specassist.storage import plan_store
from specassist.storage.plan_store import CameraFacts, PlanImage, PlanSummary
from specassist.storage.project_file import ProjectFile

if TYPE_CHECKING:
    from specassist.tender.plan_content import PlanSheet

__all__ = ["DEFAULT_PDF_DPI", "PlanImage", "PlanSummary"]


@dataclass(frozen=True, slots=True)
class PlanSnapshot:
    """A whole plan with its image: what undo puts back after a rotation, crop or deletion."""

    plan: Plan
    image: PlanImage


# ------------------------------------------------------------------ plans


def import_plan(
    project: ProjectFile,
    path: Path,
    site: str,
    name: str | None = None,
    page: int = 1,
    dpi: float = DEFAULT_PDF_DPI,
    scale: PlanScale | None = None,
) -> Plan:
    """Store a plan image (PNG, JPEG or a PDF page rendered at ``dpi``) for a site."""
    if not site.strip():
        raise PlanError("a plan belongs to a site: give the site's name")
    image = read_plan_file(path, page, dpi)
    source = path.name + (f", page {page} at {dpi:g} dpi" if path.suffix.lower() == ".pdf" else "")
    with project.transaction() as session:
        plan_id = plan_store.add_plan(
            session, project.project_id(), site.strip(), name or path.stem, source, image
        )
        if scale is not None:
            plan_store.set_scale(session, plan_id, scale)
    return plan(project, plan_id)


def plans(project: ProjectFile) -> list[PlanSummary]:
    with project.sessions() as session:
        return plan_store.summaries(session, project.project_id())


def plan(project: ProjectFile, plan_id: int) -> Plan:
    with project.sessions() as session:
        return plan_store.load_plan(session, plan_id)


def image(project: ProjectFile, plan_id: int) -> PlanImage:
    with project.sessions() as session:
        return plan_store.load_image(session, plan_id)


def snapshot(project: ProjectFile, plan_id: int) -> PlanSnapshot:
    with project.sessions() as session:
        return PlanSnapshot(
            plan_store.load_plan(session, plan_id), plan_store.load_image(session, plan_id)
        )


def restore(project: ProjectFile, saved: PlanSnapshot) -> None:
    """Put a plan back exactly as it was: image, scale and everything on it, ids kept."""
    with project.transaction() as session:
        current = {s.id for s in plan_store.summaries(session, project.project_id())}
        if saved.plan.id not in current:
            plan_store.add_plan(session, project.project_id(), saved.plan.site, saved.plan.name,
                                saved.plan.source, saved.image, saved.plan.id)  # fmt: skip
        else:
            _clear_contents(session, plan_store.load_plan(session, saved.plan.id), saved.plan)
            plan_store.set_image(session, saved.plan.id, saved.image)
            plan_store.rename_plan(session, saved.plan.id, saved.plan.name)
        plan_store.put_contents(session, saved.plan)


def _clear_contents(session: Session, current: Plan, wanted: Plan) -> None:
    """Remove what ``current`` has and ``wanted`` does not (added since the snapshot)."""
    for device in current.devices:
        if wanted.device(device.id) is None:
            plan_store.delete_device(session, device.id)
    walls, targets = {w.id for w in wanted.walls}, {t.id for t in wanted.targets}
    for wall in current.walls:
        if wall.id not in walls:
            plan_store.delete_wall(session, wall.id)
    for target in current.targets:
        if target.id not in targets:
            plan_store.delete_target(session, target.id)


def delete_plan(project: ProjectFile, plan_id: int) -> None:
    with project.transaction() as session:
        plan_store.delete_plan(session, plan_id)


def set_scale(project: ProjectFile, plan_id: int, scale: PlanScale | None) -> None:
    with project.transaction() as session:
        plan_store.set_scale(session, plan_id, scale)


def rename_plan(project: ProjectFile, plan_id: int, name: str) -> None:
    if not name.strip():
        raise PlanError("a plan needs a name")
    with project.transaction() as session:
        plan_store.rename_plan(session, plan_id, name.strip())


def rotate_plan(project: ProjectFile, plan_id: int, degrees: float) -> Plan:
    """Turn the plan ``degrees`` anticlockwise; everything on it turns with it."""
    before = snapshot(project, plan_id)
    turned = rotate(before.image, degrees)
    size = (before.image.width_px, before.image.height_px)
    new_size = (turned.width_px, turned.height_px)
    after = moved(before.plan, rotation_map(size, new_size, degrees), new_size, -degrees)
    restore(project, PlanSnapshot(after, turned))
    return after


def crop_plan(project: ProjectFile, plan_id: int, area: Crop) -> Plan:
    """Keep only ``area`` of the plan; what is placed keeps its place on the drawing."""
    before = snapshot(project, plan_id)
    cut, used = crop(before.image, area)
    after = moved(before.plan, crop_map(used), (cut.width_px, cut.height_px))
    restore(project, PlanSnapshot(after, cut))
    return after


_SCALE = re.compile(r"^\s*([^,]+),([^,]+),([^,]+),([^,]+),(.+)$")


def scale_from_text(text: str) -> PlanScale:
    """'0,0,1000,0,50m' → two points 1000 px apart standing for 50 m ('164ft' works too)."""
    match = _SCALE.match(text)
    if match is None:
        raise PlanError(f"scale {text!r}: expected X1,Y1,X2,Y2,DISTANCE such as 0,0,1000,0,50m")
    try:
        x1, y1, x2, y2 = (float(match.group(i)) for i in range(1, 5))
    except ValueError:
        raise PlanError(f"scale {text!r}: the four coordinates must be numbers") from None
    try:
        distance = parse_quantity(match.group(5), Kind.DISTANCE)
    except QuantityParseError as exc:
        raise PlanError(f"scale {text!r}: {exc}") from None
    if distance.unit_assumed:
        raise PlanError(f"scale {text!r}: give the distance with its unit, such as 50m or 164ft")
    return PlanScale((x1, y1), (x2, y2), distance.magnitude)


# ------------------------------------------------------------------ devices


def place(
    project: ProjectFile,
    plan_id: int,
    camera_id: int,
    position: Point,
    direction_deg: float = 0.0,
    tilt_deg: float | None = None,
    height_m: float | None = None,
) -> PlacedDevice:
    """Put a surveyed camera on a plan. With no tilt given, the surveyed target is centred."""
    with project.sessions() as session:
        facts = plan_store.camera_facts(session, [camera_id])
    if not facts:
        raise PlanError(f"no surveyed camera {camera_id}")
    return put_device(project, plan_id, new_device(facts[0], position, direction_deg, tilt_deg,
                                                    height_m))  # fmt: skip


def new_device(
    facts: CameraFacts,
    position: Point,
    direction_deg: float = 0.0,
    tilt_deg: float | None = None,
    height_m: float | None = None,
) -> PlacedDevice:
    """A device for a camera about to be placed (id 0 until stored)."""
    height = height_m or facts.height_m or DEFAULT_HEIGHT_M
    tilt = tilt_deg if tilt_deg is not None else default_tilt_deg(height, facts.target_distance_m)
    return PlacedDevice(0, facts.link, facts.id, position, direction_deg % 360, tilt, height_m)


def put_device(project: ProjectFile, plan_id: int, device: PlacedDevice) -> PlacedDevice:
    """Add (id 0) or update a placed device, or put a removed one back (its old id)."""
    if not -90 <= device.tilt_deg <= 90:
        raise PlanError(f"tilt {device.tilt_deg:g}°: must be between -90° and 90°")
    if device.height_m is not None and device.height_m <= 0:
        raise PlanError("the mounting height must be above the floor")
    with project.transaction() as session:
        device_id = plan_store.put_device(session, plan_id, device)
    return replace(device, id=device_id)


def remove_device(project: ProjectFile, device_id: int) -> None:
    with project.transaction() as session:
        plan_store.delete_device(session, device_id)


def camera_facts(project: ProjectFile, camera_ids: list[int]) -> list[CameraFacts]:
    with project.sessions() as session:
        return plan_store.camera_facts(session, camera_ids)


def placed_camera_ids(project: ProjectFile, site: str | None) -> set[int]:
    with project.sessions() as session:
        return plan_store.placed_camera_ids(session, project.project_id(), site)


def unplaced_count(project: ProjectFile, site: str) -> int:
    """Cameras of the site (or of no stated site) not yet on any of its plans."""
    with project.sessions() as session:
        on_site = plan_store.site_camera_ids(session, project.project_id(), site)
        placed = plan_store.placed_camera_ids(session, project.project_id(), site)
    return len(on_site - placed)


def place_by_tag(
    project: ProjectFile,
    tag: str,
    position: Point,
    direction_deg: float = 0.0,
    tilt_deg: float | None = None,
    height_m: float | None = None,
    plan_id: int | None = None,
) -> tuple[PlanSummary, PlacedDevice]:
    """Place (or move) the camera tagged ``tag`` on its site's plan (or the plan given)."""
    with project.sessions() as session:
        found = plan_store.cameras_tagged(session, project.project_id(), tag)
        summaries = plan_store.summaries(session, project.project_id())
    if not found:
        raise PlanError(f"no surveyed camera is tagged {tag!r}")
    if len(found) > 1:
        sites = ", ".join(sorted({f.link.site or "no site" for f in found}))
        raise PlanError(f"{len(found)} cameras are tagged {tag!r} (sites: {sites})")
    facts = found[0]
    target = _plan_for(summaries, facts, plan_id, tag)
    existing = next((d for d in plan(project, target.id).devices if d.camera_id == facts.id), None)
    device = new_device(facts, position, direction_deg, tilt_deg, height_m)
    if existing is not None:
        device = replace(device, id=existing.id)
    return target, put_device(project, target.id, device)


def _plan_for(summaries: list[PlanSummary], facts: CameraFacts, plan_id: int | None,
              tag: str) -> PlanSummary:  # fmt: skip
    if plan_id is not None:
        chosen = next((s for s in summaries if s.id == plan_id), None)
        if chosen is None:
            raise PlanError(f"no plan {plan_id} in the project")
        return chosen
    site = facts.link.site
    candidates = [s for s in summaries if site is None or s.site == site]
    if len(candidates) == 1:
        return candidates[0]
    where = f"site {site!r}" if site else "the project"
    if not candidates:
        raise PlanError(f"{tag}: {where} has no plan; import one first")
    names = ", ".join(f"{s.id} ({s.name})" for s in candidates)
    raise PlanError(f"{tag}: {where} has {len(candidates)} plans ({names}); choose one")


def relink(project: ProjectFile) -> int:
    """Find every placed device's camera again (after a re-import); returns how many changed."""
    with project.sessions() as session:
        devices = plan_store.all_devices(session, project.project_id())
        if not devices:
            return 0
        cameras = plan_store.camera_links(session, project.project_id(), devices)
    before = {d.id: d.camera_id for d in devices}
    changed = {d: c for d, c in resolve_links(devices, cameras).items() if c != before[d]}
    if changed:
        with project.transaction() as session:
            plan_store.set_links(session, changed)
    return len(changed)


def plan_relinked(project: ProjectFile, plan_id: int) -> Plan:
    """The plan with its devices' links resolved against the survey as it is now."""
    current = plan(project, plan_id)
    with project.sessions() as session:
        cameras = plan_store.camera_links(session, project.project_id(), list(current.devices))
    return relinked(current, resolve_links(current.devices, cameras))


# ------------------------------------------------------------------ walls and targets


def put_wall(project: ProjectFile, plan_id: int, wall: Wall) -> Wall:
    if len(wall.points) < 2:
        raise PlanError("a wall needs at least two points")
    with project.transaction() as session:
        return replace(wall, id=plan_store.put_wall(session, plan_id, wall))


def remove_wall(project: ProjectFile, wall_id: int) -> None:
    with project.transaction() as session:
        plan_store.delete_wall(session, wall_id)


def put_target(project: ProjectFile, plan_id: int, target: Target) -> Target:
    if not target.points:
        raise PlanError("a target needs a point or a line")
    with project.transaction() as session:
        return replace(target, id=plan_store.put_target(session, plan_id, target))


def remove_target(project: ProjectFile, target_id: int) -> None:
    with project.transaction() as session:
        plan_store.delete_target(session, target_id)


# ------------------------------------------------------------------ drawings for documents


@dataclass(frozen=True, slots=True)
class PlanPage:
    """One plan as a document shows it: the picture and the vector drawing over it."""

    summary: PlanSummary
    image: PlanImage
    drawing: PlanDrawing


def plan_pages(
    project: ProjectFile,
    cameras: Mapping[int, PlanCamera],
    views: Sequence[ViewStyle] = REPLACEMENT_ONLY,
    units: UnitSystem = UnitSystem.METRIC,
) -> list[PlanPage]:
    """Every plan of the project drawn with the cameras' coverage, for a tender or a report.

    ``cameras`` come from ``plan_optics.plan_cameras(analysis)``. Plans without a scale
    are drawn with their devices but no coverage (nothing can be measured on them).
    """
    relink(project)
    pages = []
    for summary in plans(project):
        shown = plan(project, summary.id)
        coverages = plan_coverages(shown, cameras, tuple(dict.fromkeys(v.view for v in views)))
        checks = plan_checks(shown, cameras, views[0].view) if views else {}
        drawing = draw_plan(shown, cameras, coverages, views, checks, units)
        pages.append(PlanPage(summary, image(project, summary.id), drawing))
    return pages


def plan_sheets(
    project: ProjectFile, cameras: Mapping[int, PlanCamera], units: UnitSystem
) -> list[PlanSheet]:
    """Every plan as the tender's appendix prints it: replacement coverage, and the picture
    reduced to print resolution (a 150 dpi A1 scan need not travel whole in every PDF).

    The tender's modules load here, on export: the Plans tab imports this module before
    the window's first paint."""
    from specassist.tender.document import Figure
    from specassist.tender.plan_content import PlanSheet

    return [
        PlanSheet(
            page.summary.site,
            page.summary.name,
            Figure(page.drawing, plan_images.for_print(page.image).data),
            devices=sum(1 for p in page.drawing.primitives if isinstance(p, Marker)),
            scaled=page.summary.scale is not None,
        )
        for page in plan_pages(project, cameras, REPLACEMENT_ONLY, units)
    ]
