"""Matching on a hand-made catalog: constraints, ranking, accessories and honest failures."""

from __future__ import annotations

import pytest
from catalog_factory import accessory, catalog, model, price

from specassist.domain import formatting as fmt
from specassist.domain.catalog import FormFactor, Resolution
from specassist.domain.constraints import NAMES, ip_level
from specassist.domain.deviations import CHOSEN
from specassist.domain.matching import Matcher
from specassist.domain.pricing import CostSettings, PriceBook
from specassist.domain.requirements import Options, derive
from specassist.domain.survey import DoriLevel, SurveyCamera

OLD_DOME = model("hikvision", "DS-OLD", "dome", 2688, 103.0)
OLD_BULLET = model("hikvision", "DS-OLDB", "bullet", 2688, 90.0, outdoor=True, ir_range_m=30.0)

DOMES = [
    model("acme", "D4", "dome", 2688, 104.0),
    model("acme", "D8", "dome", 3840, 104.0),
    model("acme", "T4", "turret", 2688, 104.0),
    model("acme", "D2", "dome", 1920, 104.0),
]
BULLETS = [
    model("acme", "B4-IR", "bullet", 2688, 95.0, outdoor=True, ip_rating="IP67", ir_range_m=40.0,
          mount_family="acme-m"),
    model("acme", "B4-INDOOR", "bullet", 2688, 95.0, ip_rating="IP42", ir_range_m=40.0),
    model("acme", "B4-SHORT-IR", "bullet", 2688, 95.0, ip_rating="IP67", ir_range_m=20.0),
]  # fmt: skip
BANNED = model("hikvision", "DS-NEW", "dome", 3840, 104.0)


def camera(**fields: object) -> SurveyCamera:
    return SurveyCamera(source_row=2, **fields)  # type: ignore[arg-type]


def matcher(*extra: object, allowed: set[str] | None = None) -> Matcher:
    cat = catalog([*DOMES, *BULLETS, BANNED])
    for item in extra:
        getattr(cat, "accessories" if hasattr(item, "part_number") else "prices").append(item)
    allowed = allowed or {"acme"}
    return Matcher(cat, lambda vendor: vendor in allowed, PriceBook(cat.prices, CostSettings()))


def test_keep_what_it_had_picks_the_like_for_like_dome() -> None:
    match = matcher().match(derive(camera(mount="ceiling"), OLD_DOME))
    assert match.choice is not None
    assert match.choice.model.model == "D4"  # same form, enough pixels, not over-specified
    assert all(o.model.vendor_id == "acme" for o in (match.choice, *match.alternates))
    names = [c.name for c in match.choice.checks]
    assert names[:3] == ["form", "field of view", "pixels on target"]
    assert all(c.ok for c in match.choice.checks)


def test_dori_requirement_selects_more_pixels() -> None:
    survey = camera(target_distance_m=4.0, required_dori=DoriLevel.IDENTIFY)
    match = matcher().match(derive(survey, OLD_DOME))
    assert match.choice is not None and match.choice.model.model == "D8"
    assert match.choice.dori_after is DoriLevel.IDENTIFY
    assert match.choice.detail is not None and match.choice.detail.density_px_per_m >= 250


def test_outdoor_filters_while_the_old_ir_rating_is_only_preferred() -> None:
    """The site's environment is hard; the old datasheet's 30 m of IR, with no target distance
    to say what the scene needs, only scores (it used to remove B4-SHORT-IR outright)."""
    req = derive(camera(outdoor=True), OLD_BULLET)
    assert req.min_ir_m is not None and not req.min_ir_m.hard
    match = matcher().match(req)
    assert match.choice is not None and match.choice.model.model == "B4-IR"
    assert match.removed_by["ingress (IP)"] == 1 and "IR range" not in match.removed_by
    short = matcher().offer("acme:B4-SHORT-IR", req)
    assert short is not None and not short.failed
    assert [c.name for c in short.unmet_preferences] == ["IR range"]
    assert short.score < match.choice.score


def test_a_requirement_nothing_meets_is_offered_with_the_deviation_declared() -> None:
    """No bullet is rated IK10: the nearest is offered, its shortfall stated, not refused."""
    strict = derive(camera(outdoor=True, vandal_risk=True), OLD_BULLET)
    match = matcher().match(strict)
    assert match.choice is not None and match.choice.model.model == "B4-IR"
    (deviation,) = match.choice.deviations
    assert deviation.requirement == "impact (IK)" and deviation.severity.value == "confirm"
    assert "IK10" in fmt.deviation_line(deviation)
    assert [c.name for c in match.choice.failed] == ["impact (IK)"]
    assert match.removed_by["impact (IK)"] == 2


def test_excluded_vendors_are_never_offered() -> None:
    survey = camera(target_distance_m=4.0, required_dori=DoriLevel.IDENTIFY)
    open_market = matcher(allowed={"acme", "hikvision"}).match(derive(survey, OLD_DOME))
    offered = {o.model.model for o in (open_market.choice, *open_market.alternates) if o}
    assert "DS-NEW" in offered
    screened = matcher().match(derive(survey, OLD_DOME))
    assert "DS-NEW" not in {o.model.model for o in (screened.choice, *screened.alternates) if o}


def test_adapter_covering_the_old_junction_box_is_preferred() -> None:
    plain = accessory("acme", "WM-1", "wall", "mount:acme-m")
    adapter = accessory("acme", "JB-1", "junction_box", "mount:acme-m", "hikvision:DS-1280ZJ-XS")
    req = derive(camera(outdoor=True, mount="Junction box DS-1280ZJ-XS"), OLD_BULLET)
    match = matcher(plain, adapter).match(req)
    assert match.choice is not None
    (use,) = match.choice.accessories
    assert use.accessory is adapter and "DS-1280ZJ-XS" in fmt.note(use.note)
    assert not use.make_good and not match.choice.make_good


def test_missing_mount_is_said_not_invented() -> None:
    req = derive(camera(outdoor=True, mount="pole"), OLD_BULLET)
    match = matcher().match(req)
    assert match.choice is not None
    (use,) = match.choice.accessories
    assert use.accessory is None and "confirm with the supplier" in fmt.note(use.note)
    assert not use.make_good  # a pole mount is strapped on: no old holes to make good


def test_cheaper_model_wins_between_equals_and_alternates_have_roles() -> None:
    req = derive(camera(mount="ceiling"), OLD_DOME)
    cheap_turret = matcher(price("acme:D4", "400.00"), price("acme:T4", "150.00"),
                           price("acme:D8", "900.00"))  # fmt: skip
    match = cheap_turret.match(req)
    assert match.choice is not None
    roles = {o.role: o.model.model for o in match.alternates}
    assert set(roles) == {"value", "premium"}
    assert roles["premium"] == "D8"
    assert match.choice.unit_price is not None


def test_unknown_power_passes_with_a_confirm_note() -> None:
    old = model("hikvision", "DS-P", "dome", 2688, 103.0, poe_class=2)
    match = matcher().match(derive(camera(), old))
    assert match.choice is not None
    power = next(c for c in match.choice.checks if c.name == "power")
    assert power.ok is None and "confirm" in fmt.offered(power)


def test_identical_requirements_are_matched_once() -> None:
    m = matcher()
    first = m.match(derive(camera(mount="ceiling"), OLD_DOME))
    again = m.match(derive(camera(mount="Ceiling", tag="other"), OLD_DOME))
    assert first is again


def test_ip_levels() -> None:
    assert ip_level("IP66;IP67;IP6K9K") == (6, 9)
    assert ip_level("IP67") == (6, 7) and ip_level("IP42") == (4, 2) and ip_level(None) is None


def test_score_matches_the_documented_worked_example() -> None:
    """The scoring module's worked example (it used to be 117.5, on no stated scale)."""
    big = model("acme", "D8", "dome", 3840, 103.0)
    old = model("hikvision", "DS-OLD", "dome", 2688, 103.0)
    m = Matcher(catalog([big]), lambda vendor: True)
    survey = camera(target_distance_m=4.0, required_dori=DoriLevel.IDENTIFY, mount="ceiling")
    choice = m.match(derive(survey, old)).choice
    assert choice is not None and choice.score == pytest.approx(95.1, abs=0.05)
    parts = {p.name: p.points for p in choice.score_parts}
    assert parts == {"detail margin": 30.0, "coverage margin": 20.0,
                     "over-specification cost": 10.1, "form and mount fit": 20.0,
                     "verified data": 10.0, "preferences": 5.0, "deviations": 0.0}  # fmt: skip
    assert sum(p.best for p in choice.score_parts) == 100.0


def test_every_declared_constraint_removes_the_model_that_fails_it_alone() -> None:
    """One model per constraint, each failing that constraint only: the funnel names it.

    The requirement asks for nearly everything at once (an outdoor, vandal-resistant PTZ
    that keeps the old pixels, with audio, alarm I/O and a power budget; the field of view
    and the detail at a target have tests of their own);
    ``GOOD`` meets all of it, and every other model differs from it in one figure (the zoom
    variant also has the pixels to make up for its wider narrowest view, so only zoom fails).
    """
    base: dict[str, object] = {
        "hfov_min": 3.0, "ip_rating": "IP66", "ik_rating": "IK10", "audio": True,
        "alarm_inputs": 1, "alarm_outputs": 1, "max_power_w": 20.0, "ir_range_m": 150.0,
        "outdoor": True,
    }  # fmt: skip
    old = model("x", "OLD-PTZ", "ptz", 1920, 58.0, hfov_min=2.9, ir_range_m=100.0)
    survey = camera(outdoor=True, vandal_risk=True, audio=True, alarm_io=True, power_w=20.0)
    variants = {
        "form": model("acme", "FORM", "dome", 1920, 60.0, **base),
        "zoom": model("acme", "ZOOM", "ptz", 7680, 60.0, **{**base, "hfov_min": 9.0}),
        "pixels on target": model("acme", "PIXELS", "ptz", 1280, 60.0, **base),
        "ingress (IP)": model("acme", "IP", "ptz", 1920, 60.0, **{**base, "ip_rating": "IP54"}),
        "impact (IK)": model("acme", "IK", "ptz", 1920, 60.0, **{**base, "ik_rating": "IK08"}),
        "IR range": model("acme", "IR", "ptz", 1920, 60.0, **{**base, "ir_range_m": 50.0}),
        "power": model("acme", "POWER", "ptz", 1920, 60.0, **{**base, "max_power_w": 60.0}),
        "audio": model("acme", "AUDIO", "ptz", 1920, 60.0, **{**base, "audio": False}),
        "alarm I/O": model("acme", "ALARM", "ptz", 1920, 60.0,
                           **{**base, "alarm_inputs": 0, "alarm_outputs": 0}),
    }  # fmt: skip
    good = model("acme", "GOOD", "ptz", 1920, 60.0, **base)
    m = Matcher(catalog([good, *variants.values()]), lambda vendor: vendor == "acme")
    # The old zoom and IR rating are datasheet figures: the project marks them required.
    req = derive(survey, old, Options(required=frozenset({"zoom", "IR range"})))
    match = m.match(req)
    assert match.choice is not None and match.choice.model.model == "GOOD"
    assert all(c.ok is not False for c in match.choice.checks)
    for name, variant in variants.items():
        offer = m.offer(variant.key, req)
        assert offer is not None
        assert [c.name for c in offer.failed] == [name], (name, offer.failed)
        assert match.removed_by[name] == 1
    assert set(variants) | {"field of view", "DORI at target"} == set(NAMES)


def test_a_view_too_wide_and_too_little_detail_are_named() -> None:
    narrow = model("acme", "NARROW", "dome", 3840, 60.0)
    low = model("acme", "LOW", "dome", 640, 104.0)
    m = Matcher(catalog([narrow, low]), lambda vendor: True)
    req = derive(camera(target_distance_m=8.0, required_dori=DoriLevel.RECOGNISE), OLD_DOME)
    match = m.match(req)
    assert match.removed_by == {"field of view": 1, "pixels on target": 1}
    offer = m.offer(low.key, req)
    assert offer is not None
    assert [c.name for c in offer.failed] == ["pixels on target", "DORI at target"]
    assert [d.severity.value for d in offer.deviations] == ["critical", "critical"]
    dori = next(c for c in offer.checks if c.name == "DORI at target")
    assert fmt.needed(dori).startswith("≥ recognise (125 px/m) at 8 m")


def test_a_scene_no_single_lens_covers_is_split_between_narrower_cameras() -> None:
    """Neither model can replace the 103° dome alone (60° covers 46 % of the width); three
    60° cameras each covering a third of the scene meet every hard requirement."""
    narrow = model("acme", "NARROW", "dome", 3840, 60.0)
    low = model("acme", "LOW", "dome", 640, 104.0)
    m = Matcher(catalog([narrow, low]), lambda vendor: True)
    req = derive(camera(target_distance_m=8.0, required_dori=DoriLevel.RECOGNISE), OLD_DOME)
    choice = m.match(req).choice
    assert choice is not None and choice.model.model == "NARROW" and choice.quantity == 3
    assert not choice.failed and not choice.deviations
    assert choice.arrangement is not None
    assert fmt.note(choice.arrangement) == "3 cameras side by side, each covering 45.5° of " \
        "the 103° scene"  # fmt: skip
    nearest = next(o for o in m.match(req).alternates if o.role.startswith("nearest"))
    assert [d.requirement for d in nearest.deviations] == ["field of view"]


FENCE = model("dahua", "IPC-HFW5442E-ZE", "bullet", 2688, 112.0, hfov_min=29.0, ir_range_m=60.0,
              outdoor=True)  # fmt: skip


def test_the_fence_camera_gets_a_replacement_with_ir_to_its_target() -> None:
    """The perimeter fence camera: 40 m to the fence, 60 m of IR on the old datasheet. A
    bullet with 50 m of IR reaches 48 m (40 m + 20 %): it is offered, nothing is refused."""
    ir50 = model("acme", "B-IR50", "bullet", 2688, 114.0, hfov_min=30.0, ir_range_m=50.0,
                 ip_rating="IP67", outdoor=True)  # fmt: skip
    m = Matcher(catalog([ir50]), lambda vendor: vendor == "acme")
    match = m.match(derive(camera(target_distance_m=40.0, outdoor=True), FENCE))
    assert match.choice is not None and match.choice.model.model == "B-IR50"
    assert not match.choice.failed and not match.choice.deviations


def test_an_illuminator_makes_good_the_ir_a_camera_lacks_and_is_costed() -> None:
    ir30 = model("acme", "B-IR30", "bullet", 2688, 114.0, hfov_min=30.0, ir_range_m=30.0,
                 ip_rating="IP67", outdoor=True)  # fmt: skip
    narrow = accessory("acme", "LAMP-30", "ir_illuminator", "", ir_range_m=80.0, beam_deg=30.0)
    wide = accessory("acme", "LAMP-60", "ir_illuminator", "", ir_range_m=60.0, beam_deg=60.0)
    cat = catalog(
        [ir30], [narrow, wide], [price("acme:B-IR30", "400"), price("acme:LAMP-60", "150")]
    )
    m = Matcher(cat, lambda vendor: vendor == "acme", PriceBook(cat.prices, CostSettings()))
    survey = camera(target_distance_m=40.0, outdoor=True, required_dori=DoriLevel.OBSERVE)
    match = m.match(derive(survey, FENCE))
    choice = match.choice
    assert choice is not None and choice.role == "with IR illuminator"
    assert [u.accessory for u in choice.accessories] == [wide]  # 30° lights too little of the view
    assert not choice.failed and choice.resolved == ("IR range",) and not choice.deviations
    assert choice.total_price is not None and choice.total_price.amount == 550
    lines = fmt.explanation(choice)
    assert any("met with the supplementary illuminator" in line for line in lines)


def test_an_override_that_misses_hard_requirements_is_marked_and_scores_below() -> None:
    req = derive(camera(target_distance_m=4.0, required_dori=DoriLevel.IDENTIFY, outdoor=True,
                        mount="ceiling"), OLD_DOME)  # fmt: skip
    m = matcher()
    match = m.match(req)
    override = m.offer("acme:D4", req)
    assert override is not None and override.role == "override"
    assert {c.name for c in override.failed} >= {"ingress (IP)"}
    assert override.deviations and all(d.reason == CHOSEN for d in override.deviations)
    best = match.choice
    assert best is not None and override.score < best.score
    for offer in (best, *match.alternates, override):
        assert 0.0 <= offer.score <= 100.0
        assert offer.score == pytest.approx(max(0.0, sum(p.points for p in offer.score_parts)),
                                            abs=0.11)  # fmt: skip


def test_new_fixings_are_made_good_and_a_listed_box_adapter_reuses_the_fixing() -> None:
    plate = accessory("acme", "JB-PLATE", "junction_box", "mount:acme-m", "fixing:electrical-box")
    req = derive(camera(outdoor=True, mount="Junction box DS-1280ZJ-XS"), OLD_BULLET)
    on_hik_box = matcher(plate).match(req).choice
    assert on_hik_box is not None and on_hik_box.make_good
    (use,) = on_hik_box.accessories
    assert use.accessory is plate and "DS-1280ZJ-XS" in fmt.note(use.note)
    on_gang_box = matcher(plate).match(derive(camera(outdoor=True, mount="single gang box"),
                                              OLD_BULLET)).choice  # fmt: skip
    assert on_gang_box is not None and not on_gang_box.make_good


def test_a_purpose_beyond_every_model_is_declared_when_the_camera_is_no_worse() -> None:
    """Identify at 25 m across a 98° view needs 14,500 px: nothing has them, but a 3840-px
    bullet gives more than the old 2560 px did. It is offered, its shortfall critical."""
    old = model("hikvision", "DS-B4", "bullet", 2560, 98.0, outdoor=True)
    big = model("acme", "B8", "bullet", 3840, 100.0, ip_rating="IP67", outdoor=True)
    m = Matcher(catalog([big]), lambda vendor: vendor == "acme")
    req = derive(camera(target_distance_m=25.0, required_dori=DoriLevel.IDENTIFY, outdoor=True),
                 old)  # fmt: skip
    choice = m.match(req).choice
    assert choice is not None and choice.model.model == "B8"
    critical = [d for d in choice.deviations if d.severity.value == "critical"]
    assert {d.requirement for d in critical} == {"pixels on target", "DORI at target"}
    assert "keeps the old camera's detail" in fmt.note(critical[0].reason)


def test_no_replacement_only_when_nothing_comes_near() -> None:
    narrow = model("acme", "NARROW", "bullet", 1920, 30.0, ip_rating="IP67", outdoor=True)
    m = Matcher(catalog([narrow]), lambda vendor: vendor == "acme")
    match = m.match(derive(camera(outdoor=True, target_distance_m=5.0), OLD_BULLET))
    assert match.choice is None and match.no_match is not None
    reason = fmt.no_match(match.no_match)
    assert "field of view" in reason and "critical" in reason
    nothing = Matcher(catalog([narrow]), lambda vendor: False).match(
        derive(camera(outdoor=True), OLD_BULLET)
    )
    assert nothing.choice is None and fmt.no_match(nothing.no_match) == "no allowed model in " \
        "the catalog"  # fmt: skip


def test_a_site_check_camera_is_not_sized() -> None:
    req = derive(camera(focal_min_mm=2.8, form_factor=FormFactor.DOME), None)
    match = matcher().match(req)
    assert match.choice is None and match.no_match is not None
    assert "measure the view on site" in fmt.no_match(match.no_match)


def test_an_offer_that_may_miss_an_estimated_view_says_so() -> None:
    """'2.8 mm, 4 MP': about 101° on the typical 1/3" sensor, up to about 116° on 1/1.8". A
    104° dome meets the estimate and declares, to confirm, the part of the range it misses."""
    req = derive(camera(focal_min_mm=2.8, resolution=Resolution(2688, 1520),
                        form_factor=FormFactor.DOME), None)  # fmt: skip
    choice = matcher().match(req).choice
    assert choice is not None and not choice.failed
    (confirm,) = [d for d in choice.deviations if d.requirement == "field of view"]
    assert confirm.severity.value == "confirm" and confirm.reach is not None
    assert confirm.reach < 1.0 and "confirm the view on site" in fmt.deviation_line(confirm)
