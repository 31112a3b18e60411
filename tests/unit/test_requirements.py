"""Requirements: what the survey says wins, the old camera fills in, and each field says why."""

from __future__ import annotations

import pytest
from catalog_factory import model

from specassist.domain import formatting as fmt
from specassist.domain import optics
from specassist.domain.catalog import FormFactor, Resolution
from specassist.domain.requirements import (
    FormFamily,
    MountKind,
    Options,
    Origin,
    derive,
    mount_kind,
    mount_parts,
)
from specassist.domain.survey import DoriLevel, SurveyCamera

OLD = model("hikvision", "DS-OLD", "dome", 2688, 103.0, ir_range_m=30.0, poe_class=3)


def camera(**fields: object) -> SurveyCamera:
    return SurveyCamera(source_row=2, **fields)  # type: ignore[arg-type]


def test_keep_what_it_had_by_default() -> None:
    req = derive(camera(), OLD)
    assert req.form_family.value is FormFamily.FIXED_DOME
    assert req.form_family.origin is Origin.OLD_DATASHEET
    assert req.scene_hfov_deg is not None and req.scene_hfov_deg.value == 103.0
    assert req.px_across_scene is not None and req.px_across_scene.value == 2420  # 90 % of 2688
    assert req.min_ir_m is not None and req.min_ir_m.value == 30.0
    assert req.max_power_w is not None and req.max_power_w.value == 12.95
    assert req.distance_m is None and req.dori is None


def test_survey_dori_and_scene_width_set_the_pixels() -> None:
    req = derive(
        camera(target_distance_m=10.0, scene_width_m=8.0, required_dori=DoriLevel.IDENTIFY), OLD
    )
    assert req.scene_hfov_deg is not None
    assert req.scene_hfov_deg.value == pytest.approx(optics.hfov_for_scene_deg(8.0, 10.0))
    assert req.px_across_scene is not None and req.px_across_scene.value == 2000  # 250 × 8 m
    assert req.min_density_px_per_m == pytest.approx(250.0)
    assert req.dori is not None and req.dori.origin is Origin.SURVEY


def test_old_detail_level_is_reported_when_the_distance_is_known() -> None:
    req = derive(camera(target_distance_m=5.0), OLD)
    expected = optics.dori_level(optics.density_from_hfov(2688, 103.0, 5.0))
    assert req.dori is not None and req.dori.value is expected and req.dori.origin is Origin.DERIVED


def test_survey_figures_override_the_datasheet() -> None:
    req = derive(
        camera(
            form_factor=FormFactor.BULLET,
            resolution=Resolution(1920, 1080),
            hfov_deg=60.0,
            outdoor=True,
            vandal_risk=True,
            audio=True,
            power_w=6.0,
            mount="Pole, 200 mm bracket",
        ),
        OLD,
    )
    assert req.form_family.value is FormFamily.BULLET and req.form_family.origin is Origin.SURVEY
    assert req.scene_hfov_deg is not None and req.scene_hfov_deg.value == 60.0
    assert req.px_across_scene is not None and req.px_across_scene.value == 1728
    assert req.min_ip is not None and req.min_ip.value == "IP66"
    assert req.min_ik is not None and req.min_ik.value == "IK10"
    assert req.audio is not None and req.max_power_w is not None
    # The old camera is PoE class 3, so its port delivers 12.95 W whatever it drew.
    assert req.max_power_w.value == 12.95
    unclassed = model("hikvision", "DS-X", "bullet", 1920, 90.0)
    drawn = derive(camera(power_w=6.0), unclassed).max_power_w
    assert drawn is not None and drawn.value == 6.49  # a 6 W camera sits on a class 2 port
    assert req.mount is not None and req.mount.value is MountKind.POLE


def test_power_upgrade_can_be_allowed() -> None:
    assert derive(camera(), OLD, Options(allow_power_upgrade=True)).max_power_w is None


def test_ptz_is_judged_at_its_tele_end() -> None:
    ptz = model("hikvision", "DS-PTZ", "ptz", 2560, 57.0, hfov_min=2.4)
    req = derive(camera(), ptz)
    assert req.form_family.value is FormFamily.PTZ
    assert req.scene_hfov_deg is not None and req.scene_hfov_deg.value == 2.4
    assert req.old_tele_hfov_deg is not None and req.old_tele_hfov_deg.value == 2.4


def test_varifocal_setting_is_inferred_from_purpose() -> None:
    vari = model("dahua", "IPC-VF", "bullet", 2688, 110.0, hfov_min=30.0)
    req = derive(camera(target_distance_m=20.0, required_dori=DoriLevel.RECOGNISE), vari)
    assert req.scene_hfov_deg is not None
    assert 30.0 <= req.scene_hfov_deg.value < 110.0
    assert "inferred" in fmt.note(req.scene_hfov_deg.note)


def test_unknown_old_camera_says_what_it_could_not_derive() -> None:
    req = derive(camera(), None)
    assert req.form_family.value is FormFamily.OTHER
    assert req.px_across_scene is None and req.scene_hfov_deg is None
    assert len(req.notes) == 3


def test_identical_cameras_give_equal_hashable_requirements() -> None:
    a = derive(camera(target_distance_m=4.0, mount="ceiling"), OLD)
    b = derive(camera(target_distance_m=4.0, mount="Ceiling"), OLD)
    assert a == b and hash(a) == hash(b)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Wall", MountKind.WALL), ("wall bracket", MountKind.WALL), ("Ceiling", MountKind.CEILING),
     ("Pole (lamp post)", MountKind.POLE), ("Corner", MountKind.CORNER),
     ("pendant drop tube", MountKind.PENDANT), ("J-box DS-1280ZJ-XS", MountKind.JUNCTION_BOX),
     ("Flush soffit", MountKind.CEILING), ("", None), ("tree", None)],
)  # fmt: skip
def test_mount_kinds(text: str, kind: MountKind | None) -> None:
    assert mount_kind(text) is kind


def test_mount_parts_are_found_in_free_text() -> None:
    assert mount_parts("junction box DS-1280ZJ-XS on wall") == ("DS-1280ZJ-XS",)


def test_model_number_pattern_gives_the_form_when_nothing_else_does() -> None:
    req = derive(camera(), None, form_hint=FormFactor.BULLET)
    assert req.form_family.value is FormFamily.BULLET
    assert req.form_family.origin is Origin.MODEL_NUMBER


def test_ir_is_needed_to_the_target_with_a_margin_not_at_the_old_rating() -> None:
    """The perimeter fence camera: 60 m of IR on the old datasheet, a target at 40 m."""
    fence = model("dahua", "IPC-HFW5442E-ZE", "bullet", 2688, 112.0, hfov_min=29.0,
                  ir_range_m=60.0, outdoor=True)  # fmt: skip
    req = derive(camera(target_distance_m=40.0, outdoor=True), fence)
    assert req.min_ir_m is not None and req.min_ir_m.hard
    assert req.min_ir_m.value == pytest.approx(48.0) and req.min_ir_m.origin is Origin.DERIVED
    assert "40 m" in fmt.note(req.min_ir_m.note) and "60 m" in fmt.note(req.min_ir_m.note)
    without = derive(camera(outdoor=True), fence).min_ir_m
    assert without is not None and without.value == 60.0 and not without.hard
    insisted = derive(
        camera(target_distance_m=40.0), fence, Options(required=frozenset({"IR range"}))
    )
    assert insisted.min_ir_m is not None and insisted.min_ir_m.value == 60.0
    assert insisted.min_ir_m.hard


def test_old_datasheet_figures_are_preferences_unless_marked_required() -> None:
    ptz = model("hikvision", "DS-PTZ", "ptz", 2560, 57.0, hfov_min=2.4, poe_class=4)
    req = derive(camera(target_distance_m=52.0), ptz)
    assert req.old_tele_hfov_deg is not None and not req.old_tele_hfov_deg.hard
    assert req.max_power_w is not None and not req.max_power_w.hard
    assert req.dori is not None and not req.dori.hard  # the level the old camera happened to give
    marked = derive(camera(target_distance_m=52.0), ptz,
                    Options(required=frozenset({"zoom", "power"})))  # fmt: skip
    assert marked.old_tele_hfov_deg is not None and marked.old_tele_hfov_deg.hard
    assert marked.max_power_w is not None and marked.max_power_w.hard
    # The survey naming the port's power makes it a requirement of the scene.
    surveyed = derive(camera(power_w=8.0), ptz).max_power_w
    assert surveyed is not None and surveyed.hard
    with pytest.raises(ValueError, match="cannot mark"):
        Options(required=frozenset({"colour"}))


def test_a_lens_alone_is_sized_on_the_typical_sensor_of_its_resolution_class() -> None:
    """'2.8 mm' on a 1920-px camera: the typical 1/2.8" sensor, with distortion, about 104°."""
    req = derive(camera(focal_min_mm=2.8, resolution=Resolution(1920, 1080)), None)
    assert req.site_check is None
    assert req.scene_hfov_deg is not None and req.scene_hfov_deg.origin is Origin.ESTIMATED
    assert req.scene_hfov_deg.value == pytest.approx(104.5, abs=0.2)
    assert '1/2.8"' in fmt.note(req.scene_hfov_deg.note)
    assert req.scene_spread_deg is not None
    low, high = req.scene_spread_deg
    assert low < req.scene_hfov_deg.value < high


def test_a_lens_with_nothing_to_size_it_on_goes_to_the_site_check_list() -> None:
    req = derive(camera(focal_min_mm=2.8, form_factor=FormFactor.DOME), None)
    assert req.scene_hfov_deg is None and req.site_check is not None
    assert "2.8 mm" in fmt.note(req.site_check) and "site" in fmt.note(req.site_check)


def test_environment_comes_from_the_site_and_a_ptz_pans_over_its_scene() -> None:
    outdoor_rated = model("hikvision", "DS-B", "bullet", 2688, 95.0, outdoor=True)
    assert derive(camera(outdoor=False), outdoor_rated).min_ip is None
    unknown = derive(camera(), outdoor_rated).min_ip
    assert unknown is not None and unknown.hard and unknown.origin is Origin.OLD_DATASHEET
    assert "not surveyed" in fmt.note(unknown.note)
    ptz = model("hikvision", "DS-PTZ", "ptz", 2560, 57.0, hfov_min=2.4)
    req = derive(camera(target_distance_m=120.0, required_dori=DoriLevel.RECOGNISE), ptz)
    assert req.scene_hfov_deg is not None and not req.scene_hfov_deg.hard
    assert req.px_across_scene is None  # the purpose is the detail when zoomed in


@pytest.mark.parametrize(
    ("notes", "vandal", "expected"),
    [
        ("Vandal area by the bus stop", None, "IK10"),
        ("camera tampered with twice last year", None, "IK10"),
        ("Vandal area by the bus stop", False, None),  # the survey's own column wins
        ("high on the gable end", None, None),
        (None, True, "IK10"),
    ],
)
def test_impact_rating_from_the_vandal_column_or_the_notes(
    notes: str | None, vandal: bool | None, expected: str | None
) -> None:
    req = derive(camera(notes=notes, vandal_risk=vandal), OLD)
    assert (req.min_ik.value if req.min_ik else None) == expected
    if expected and notes:
        assert req.min_ik is not None and "survey notes say" in fmt.note(req.min_ik.note)


def test_a_custody_location_asks_for_ik10_like_the_site_constraint() -> None:
    req = derive(camera(location="Custody corridor"), OLD)
    assert req.min_ik is not None and req.min_ik.value == "IK10"
    assert "survey location says 'Custody'" in fmt.note(req.min_ik.note)
    assert derive(camera(location="Reception"), OLD).min_ik is None


@pytest.mark.parametrize(
    ("notes", "outdoor", "expected"),
    [
        ("Pool hall, chlorine in the air", False, "IP66"),
        ("vehicle wash-down bay", None, "IP66"),
        ("dry office", False, None),
        (None, True, "IP66"),
    ],
)
def test_wet_or_corrosive_indoor_air_asks_for_ip66(
    notes: str | None, outdoor: bool | None, expected: str | None
) -> None:
    indoor_old = model("hikvision", "DS-IN", "dome", 2688, 103.0, outdoor=False)
    req = derive(camera(notes=notes, outdoor=outdoor), indoor_old)
    assert (req.min_ip.value if req.min_ip else None) == expected
