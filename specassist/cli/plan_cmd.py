"""``specassist plan``: import plans into a project, place cameras on them, list them.

Positions are pixels of the plan image (x right, y down from the top-left);
directions are bearings, 0° to the top of the plan, clockwise.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from specassist.cli.common import Subparsers, fail, path, write_json


def _angle(text: str) -> float:
    from specassist.domain.units import Kind, QuantityParseError, parse_quantity

    try:
        return parse_quantity(text, Kind.ANGLE, "deg").magnitude
    except QuantityParseError as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: {exc}") from None


def _length(text: str) -> float:
    from specassist.domain.units import Kind, QuantityParseError, parse_quantity

    try:
        return parse_quantity(text, Kind.DISTANCE, "m").magnitude
    except QuantityParseError as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: {exc}") from None


def register(commands: Subparsers) -> None:
    sub = commands.add_parser("plan", help="floor plans: import, place cameras, list")
    actions = sub.add_subparsers(dest="plan_command", metavar="ACTION", required=True)

    imp = actions.add_parser("import", help="add a plan image (PNG, JPEG or a PDF page)")
    imp.add_argument("project", type=path, help="the project file (*.specassist)")
    imp.add_argument("image", type=path, help="PNG, JPEG or PDF")
    imp.add_argument("--site", required=True, help="the site the plan shows")
    imp.add_argument("--name", help="the plan's name, e.g. a floor (default: the file name)")
    imp.add_argument(
        "--scale", metavar="X1,Y1,X2,Y2,DISTANCE",
        help="two points on the plan (pixels) and the distance between them, e.g. "
        "0,0,1000,0,50m or 0,0,1000,0,164ft",
    )  # fmt: skip
    imp.add_argument("--page", type=int, default=1, help="PDF page to use (default 1)")
    imp.add_argument("--dpi", type=float, help="PDF rendering resolution (default 150)")

    place = actions.add_parser("place", help="put a surveyed camera on its site's plan")
    place.add_argument("project", type=path, help="the project file (*.specassist)")
    place.add_argument("tag", help="the camera's tag in the survey")
    place.add_argument("x", type=float, help="pixels from the plan's left edge")
    place.add_argument("y", type=float, help="pixels from the plan's top edge")
    place.add_argument("--direction", type=_angle, default=0.0,
                       help="bearing in degrees, 0 = up the plan, clockwise")  # fmt: skip
    place.add_argument("--tilt", type=_angle, help="degrees below the horizon "
                       "(default: aimed at the surveyed target distance)")  # fmt: skip
    place.add_argument("--height", type=_length,
                       help="mounting height, e.g. 3.5m or 12ft (default: the survey)")  # fmt: skip
    place.add_argument("--plan", type=int, help="plan id, when the site has several")

    listing = actions.add_parser("list", help="list the plans and what is placed on them")
    listing.add_argument("project", type=path, help="the project file (*.specassist)")
    listing.add_argument("--json", action="store_true", help="print as JSON")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.domain.issues import UserError
    from specassist.domain.plans import PlanError
    from specassist.services import projects

    command = f"plan {args.plan_command}"
    if not args.project.exists():
        return fail(command, f"{args.project}: no such project; create it with specassist import")
    try:
        with projects.open_project(args.project) as project:
            status = _ACTIONS[args.plan_command](project, args, out)
            project.save()
    except (PlanError, UserError) as exc:
        return fail(command, str(exc))
    return status


def _import(project: Any, args: argparse.Namespace, out: TextIO) -> int:
    from specassist.services import plan_service

    scale = plan_service.scale_from_text(args.scale) if args.scale else None
    dpi = args.dpi or plan_service.DEFAULT_PDF_DPI
    plan = plan_service.import_plan(project, args.image, args.site, args.name, args.page, dpi,
                                    scale)  # fmt: skip
    print(f"plan {plan.id}: {plan.site} / {plan.name}, {plan.width_px} × {plan.height_px} px"
          f"{_scale_text(plan.scale)} from {plan.source}", file=out)  # fmt: skip
    return 0


def _place(project: Any, args: argparse.Namespace, out: TextIO) -> int:
    from specassist.services import plan_service

    plan_service.relink(project)
    plan, device = plan_service.place_by_tag(
        project, args.tag, (args.x, args.y), args.direction, args.tilt, args.height, args.plan
    )
    print(f"{device.label} on plan {plan.id} ({plan.site} / {plan.name}) at "
          f"({device.position[0]:g}, {device.position[1]:g}), bearing {device.direction_deg:g}°, "
          f"tilt {device.tilt_deg:.1f}°", file=out)  # fmt: skip
    return 0


def _scale_text(scale: Any) -> str:
    from specassist.domain import formatting as fmt

    if scale is None:
        return ", no scale"
    return f", {scale.pixels:g} px = {fmt.length(scale.distance_m)}"


def _list(project: Any, args: argparse.Namespace, out: TextIO) -> int:
    from specassist.services import plan_service

    plan_service.relink(project)
    listing = []
    for summary in plan_service.plans(project):
        plan = plan_service.plan(project, summary.id)
        unplaced = plan_service.unplaced_count(project, plan.site)
        listing.append((plan, unplaced))
    if args.json:
        write_json([_plan_json(p, u) for p, u in listing], out)
        return 0
    if not listing:
        print("no plans; add one with specassist plan import", file=out)
    for plan, unplaced in listing:
        print(f"plan {plan.id}: {plan.site} / {plan.name}, {plan.width_px} × {plan.height_px} px"
              f"{_scale_text(plan.scale)}; {len(plan.devices)} placed, {unplaced} of the site "
              f"not placed, {len(plan.walls)} walls, {len(plan.targets)} targets",
              file=out)  # fmt: skip
        for device in plan.devices:
            where = "" if device.camera_id is not None else "  (no longer in the survey)"
            print(f"  {device.label:<12} ({device.position[0]:g}, {device.position[1]:g}) "
                  f"bearing {device.direction_deg:g}° tilt {device.tilt_deg:.1f}°{where}",
                  file=out)  # fmt: skip
    return 0


def _plan_json(plan: Any, unplaced: int) -> dict[str, object]:
    scale = plan.scale
    return {
        "id": plan.id, "site": plan.site, "name": plan.name, "source": plan.source,
        "size_px": [plan.width_px, plan.height_px],
        "scale": None if scale is None else {
            "from": list(scale.start), "to": list(scale.end),
            "distance": {"value": scale.distance_m, "unit": "m"},
        },
        "devices": [
            {"tag": d.label, "camera_id": d.camera_id, "x": d.position[0], "y": d.position[1],
             "direction_deg": d.direction_deg, "tilt_deg": d.tilt_deg,
             "height": None if d.height_m is None else {"value": d.height_m, "unit": "m"}}
            for d in plan.devices
        ],
        "unplaced_on_site": unplaced,
        "walls": [[list(p) for p in w.points] for w in plan.walls],
        "targets": [{"name": t.name, "required": t.required.value,
                     "points": [list(p) for p in t.points]} for t in plan.targets],
    }  # fmt: skip


_ACTIONS = {"import": _import, "place": _place, "list": _list}
