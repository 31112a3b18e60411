"""Plans stored in the project file: images, scale, devices, walls, targets, undo, re-imports."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from specassist.domain.plans import Crop, PlanError, PlanScale, Target, Wall, WallKind
from specassist.domain.survey import DoriLevel
from specassist.services import analysis, capture, imports, plan_service, projects
from specassist.storage.project_file import ProjectFile

DEMO = Path(__file__).parents[2] / "resources" / "demo" / "demo-survey.csv"
SITE = "Riverside Police Station"


@pytest.fixture
def project() -> Iterator[ProjectFile]:
    opened = projects.new_project("plans")
    imports.import_into(opened, DEMO)
    yield opened
    opened.close()


def plan_png(path: Path, size: tuple[int, int] = (1000, 600)) -> Path:
    picture = Image.new("RGB", size, "white")
    ImageDraw.Draw(picture).rectangle((20, 20, size[0] - 20, size[1] - 20), outline="black")
    picture.save(path)
    return path


def tag_id(project: ProjectFile, tag: str) -> int:
    return next(s.id for s in capture.cameras(project) if s.camera.tag == tag)


def test_plan_with_devices_walls_and_targets_survives_save_and_reopen(
    project: ProjectFile, tmp_path: Path
) -> None:
    source = plan_png(tmp_path / "ground.png")
    scale = plan_service.scale_from_text("0,0,1000,0,50m")
    plan = plan_service.import_plan(project, source, SITE, "Ground floor", scale=scale)
    summary, placed = plan_service.place_by_tag(project, "C001", (200.0, 150.0), 90.0, 25.0, 2.9)
    assert summary.id == plan.id and placed.link.mac == "BC:AD:28:11:22:33"
    wall = plan_service.put_wall(project, plan.id, Wall(0, ((300.0, 0.0), (300.0, 400.0))))
    pillar = Wall(0, ((500.0, 200.0), (520.0, 200.0), (520.0, 220.0)), WallKind.OBSTACLE)
    plan_service.put_wall(project, plan.id, pillar)
    door = Target(0, "Custody door", ((250.0, 140.0), (250.0, 170.0)), DoriLevel.IDENTIFY)
    plan_service.put_target(project, plan.id, door)
    saved = project.save(tmp_path / "p.specassist")
    with projects.open_project(saved) as reopened:
        (listed,) = plan_service.plans(reopened)
        assert (listed.site, listed.name, listed.devices) == (SITE, "Ground floor", 1)
        assert listed.scale is not None and listed.scale.metres_per_px == pytest.approx(0.05)
        back = plan_service.plan(reopened, plan.id)
        (device,) = back.devices
        assert (device.position, device.direction_deg, device.tilt_deg, device.height_m) == (
            (200.0, 150.0), 90.0, 25.0, 2.9,
        )  # fmt: skip
        assert device.camera_id == tag_id(reopened, "C001")
        assert [w.points for w in back.walls] == [wall.points, pillar.points]
        assert back.walls[1].closed
        assert back.walls[1].segments()[-1] == ((520.0, 220.0), (500.0, 200.0))
        assert back.targets[0].required is DoriLevel.IDENTIFY
        stored = plan_service.image(reopened, plan.id)
        assert stored.data == source.read_bytes() and stored.format == "PNG"


def test_placing_again_moves_the_device_instead_of_adding_one(project: ProjectFile,
                                                             tmp_path: Path) -> None:  # fmt: skip
    plan_service.import_plan(project, plan_png(tmp_path / "p.png"), SITE)
    plan_service.place_by_tag(project, "C002", (10.0, 10.0))
    _, moved = plan_service.place_by_tag(project, "C002", (40.0, 30.0), direction_deg=450.0)
    (summary,) = plan_service.plans(project)
    assert summary.devices == 1 and moved.position == (40.0, 30.0)
    assert moved.direction_deg == 90.0
    # No tilt given: the surveyed target (8 m away, 2.7 m up) is put at the image centre.
    assert moved.tilt_deg == pytest.approx(18.65, abs=0.01)


def test_a_camera_of_another_site_or_two_plans_need_a_choice(project: ProjectFile,
                                                            tmp_path: Path) -> None:  # fmt: skip
    image = plan_png(tmp_path / "p.png")
    plan_service.import_plan(project, image, SITE, "Ground")
    with pytest.raises(PlanError, match="site 'Town Hall' has no plan"):
        plan_service.place_by_tag(project, "C009", (1.0, 1.0))
    plan_service.import_plan(project, image, SITE, "First")
    with pytest.raises(PlanError, match="has 2 plans"):
        plan_service.place_by_tag(project, "C001", (1.0, 1.0))
    with pytest.raises(PlanError, match="no surveyed camera is tagged 'X99'"):
        plan_service.place_by_tag(project, "X99", (1.0, 1.0))


def test_pdf_page_is_rendered_at_the_chosen_resolution(project: ProjectFile,
                                                       tmp_path: Path) -> None:  # fmt: skip
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "drawings.pdf"
    sheet = canvas.Canvas(str(pdf), pagesize=A4)
    sheet.drawString(72, 72, "Ground floor")
    sheet.showPage()
    sheet.rect(100, 100, 300, 200)
    sheet.showPage()
    sheet.save()
    plan = plan_service.import_plan(project, pdf, SITE, page=2, dpi=144)
    # A4 is 595.3 × 841.9 pt; at 144 dpi (2 px per pt) that is 1191 × 1684 px.
    assert (plan.width_px, plan.height_px) == (1191, 1684)
    assert plan.source == "drawings.pdf, page 2 at 144 dpi"
    with pytest.raises(PlanError, match="has 2 page"):
        plan_service.import_plan(project, pdf, SITE, page=3)
    with pytest.raises(PlanError, match="between 10 and 1200 dpi"):
        plan_service.import_plan(project, pdf, SITE, dpi=5000)


def test_unreadable_plan_files_are_refused_by_name(project: ProjectFile, tmp_path: Path) -> None:
    fake = tmp_path / "plan.png"
    fake.write_text("not an image")
    with pytest.raises(PlanError, match=r"plan\.png: not a readable PNG or JPEG"):
        plan_service.import_plan(project, fake, SITE)
    drawing = tmp_path / "plan.dwg"
    drawing.write_bytes(b"AC1032")
    with pytest.raises(PlanError, match=r"plan\.dwg: a plan must be a PNG, JPEG or PDF"):
        plan_service.import_plan(project, drawing, SITE)
    with pytest.raises(PlanError, match=r"missing\.png: file not found"):
        plan_service.import_plan(project, tmp_path / "missing.png", SITE)
    with pytest.raises(PlanError, match=r"scale '0,0,10,0,50': give the distance with its unit"):
        plan_service.scale_from_text("0,0,10,0,50")
    feet = plan_service.scale_from_text("0,0,1000,0,164ft")
    assert feet.distance_m == pytest.approx(49.9872)  # 164 × 0.3048


def test_rotation_and_crop_carry_everything_and_undo_puts_it_back(
    project: ProjectFile, tmp_path: Path
) -> None:
    plan = plan_service.import_plan(project, plan_png(tmp_path / "p.png", (200, 100)), SITE,
                                    scale=PlanScale((0.0, 0.0), (200.0, 0.0), 20.0))  # fmt: skip
    plan_service.place_by_tag(project, "C003", (150.0, 50.0), direction_deg=90.0)
    before = plan_service.snapshot(project, plan.id)
    turned = plan_service.rotate_plan(project, plan.id, 90.0)
    assert (turned.width_px, turned.height_px) == (100, 200)
    assert turned.devices[0].position == pytest.approx((50.0, 50.0))
    assert turned.devices[0].direction_deg == pytest.approx(0.0)
    with Image.open(io.BytesIO(plan_service.image(project, plan.id).data)) as img:
        assert img.size == (100, 200)
    cropped = plan_service.crop_plan(project, plan.id, Crop(10.4, 20.0, 80.0, 100.0))
    assert (cropped.width_px, cropped.height_px) == (80, 100)
    assert cropped.devices[0].position == pytest.approx((40.0, 30.0))
    plan_service.restore(project, before)
    assert plan_service.snapshot(project, plan.id) == before
    with pytest.raises(PlanError, match="at least 2 × 2"):
        plan_service.crop_plan(project, plan.id, Crop(500.0, 500.0, 10.0, 10.0))


def test_deleted_plan_comes_back_with_its_ids(project: ProjectFile, tmp_path: Path) -> None:
    plan = plan_service.import_plan(project, plan_png(tmp_path / "p.png"), SITE)
    _, placed = plan_service.place_by_tag(project, "C001", (5.0, 5.0))
    before = plan_service.snapshot(project, plan.id)
    plan_service.delete_plan(project, plan.id)
    assert plan_service.plans(project) == []
    plan_service.restore(project, before)
    assert plan_service.plan(project, plan.id).devices[0].id == placed.id


def test_placed_devices_follow_their_cameras_through_a_re_import(
    project: ProjectFile, tmp_path: Path
) -> None:
    plan = plan_service.import_plan(project, plan_png(tmp_path / "p.png"), SITE)
    plan_service.place_by_tag(project, "C001", (5.0, 5.0))  # has a MAC
    plan_service.place_by_tag(project, "C005", (50.0, 5.0))  # tag only
    old_ids = {s.id for s in capture.cameras(project)}
    imports.import_into(project, DEMO)  # the survey again: new rows
    for camera_id in old_ids:
        capture.delete_camera(project, camera_id)
    assert all(d.camera_id is None for d in plan_service.plan(project, plan.id).devices)
    assert plan_service.relink(project) == 2
    devices = plan_service.plan(project, plan.id).devices
    assert [d.camera_id for d in devices] == [tag_id(project, "C001"), tag_id(project, "C005")]
    assert plan_service.relink(project) == 0


def test_plan_pages_draw_each_plan_with_the_replacements_coverage(
    project: ProjectFile, tmp_path: Path
) -> None:
    from specassist.domain.plan_drawing import Marker, Shape
    from specassist.services.plan_optics import plan_cameras

    scale = plan_service.scale_from_text("0,0,1000,0,50m")
    plan_service.import_plan(project, plan_png(tmp_path / "p.png"), SITE, scale=scale)
    plan_service.place_by_tag(project, "C003", (500.0, 500.0))  # Hikvision bullet: replaced
    plan_service.place_by_tag(project, "C007", (100.0, 100.0), 180.0)  # Axis: kept
    cameras = plan_cameras(analysis.analyse(project))
    (page,) = plan_service.plan_pages(project, cameras)
    markers = [p for p in page.drawing.primitives if isinstance(p, Marker)]
    assert [m.label for m in markers] == ["C003", "C007"]
    bands = [p for p in page.drawing.primitives if isinstance(p, Shape) and p.style.fill]
    assert bands and page.drawing.scale_bar is not None
    assert page.image.data == (tmp_path / "p.png").read_bytes()
    c003 = next(c for c in cameras.values() if c.label == "C003")
    assert c003.outcome.value == "replaced" and c003.old is not None and c003.new is not None
