"""What the matcher works out once per pool, or over a whole pool at once, agrees with the
same answer worked out candidate by candidate: grades, failures, measures, mounts, picks."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from catalog_factory import accessory, catalog, model

from specassist.domain import deviations as dev
from specassist.domain import funnel, matching
from specassist.domain.catalog import CameraModel
from specassist.domain.constraints import Figures, measure
from specassist.domain.matching import Matcher
from specassist.domain.requirements import PANORAMIC, FormFamily, Options, Requirement, derive
from specassist.domain.survey import DoriLevel, SurveyCamera

FORMS = ["dome", "turret", "bullet", "box", "ptz", "fisheye"]


def _models(count: int, seed: int = 3) -> list[CameraModel]:
    """Varied models, many figures unknown, a few lenses the wrong way round."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        form = rng.choice(FORMS)
        wide = 180.0 if form == "fisheye" else rng.uniform(20, 120)
        tele = wide / rng.uniform(1, 30 if form == "ptz" else 4)
        if form != "fisheye" and rng.random() < 0.03:
            tele = wide * 1.2
        out.append(model(
            rng.choice(["acme", "bolt"]), f"M{n:04d}", form, rng.choice([1280, 1920, 2688, 3840]),
            wide, hfov_min=tele, ir_range_m=rng.choice([None, 20.0, 40.0, 100.0]),
            ip_rating=rng.choice([None, "IP66", "IP67", "IP42"]),
            ik_rating=rng.choice([None, "IK10", "IK08"]),
            max_power_w=rng.choice([None, 6.0, 12.0, 25.0]), audio=rng.choice([None, True, False]),
            alarm_inputs=rng.choice([None, 0, 1]), outdoor=rng.random() < 0.5,
            mount_family=rng.choice([None, "acme-m", "bolt-m"]),
        ))  # fmt: skip
    return out


MODELS = _models(400)
ACCESSORIES = [
    accessory("acme", "WM-1", "wall", "mount:acme-m"),
    accessory("acme", "PM-1", "pole", "mount:acme-m"),
    accessory("acme", "JB-1", "junction_box", "M0007", "DS-1280ZJ-XS"),
    accessory("bolt", "CM-1", "corner", "mount:bolt-m"),
    accessory("bolt", "AP-1", "adapter_plate", "mount:bolt-m", "fixing:electrical-box"),
]
OLD = [
    model("x", "OLD-DOME", "dome", 2688, 103.0),
    model("x", "OLD-BULLET", "bullet", 2688, 90.0, outdoor=True, ir_range_m=30.0),
    model("x", "OLD-PTZ", "ptz", 1920, 58.0, hfov_min=2.9, ir_range_m=100.0),
    model("x", "OLD-FISH", "fisheye", 2688, 180.0),
]


def _requirements() -> list[Requirement]:
    rng = random.Random(7)
    out = []
    for n in range(60):
        survey = SurveyCamera(
            2, target_distance_m=rng.choice([None, 4.0, 12.5, 30.0]),
            required_dori=rng.choice([None, *DoriLevel]), outdoor=rng.choice([None, True]),
            vandal_risk=rng.choice([None, True]), power_w=rng.choice([None, 10.0]),
            audio=rng.choice([None, True]),
            mount=rng.choice([None, "Wall", "Pole", "Corner", "J-box DS-1280ZJ-XS",
                              "single gang box", "Ceiling"]),
        )  # fmt: skip
        required = frozenset({"IR range", "zoom"}) if n % 3 == 0 else frozenset()
        out.append(derive(survey, OLD[n % len(OLD)], Options(required=required)))
    return out


REQUIREMENTS = _requirements()


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(catalog(MODELS, ACCESSORIES), lambda vendor: vendor != "x")


def test_first_failure_and_count_are_read_from_the_hard_masks(matcher: Matcher) -> None:
    for req in REQUIREMENTS:
        pool = matcher._all
        result = funnel.run(pool.figures, req)
        pairs = enumerate(zip(result.masks, result.hard, strict=True))
        hard = [(p, mask) for p, (mask, is_hard) in pairs if mask is not None and is_hard]
        for i in range(len(pool.candidates)):
            failed = [p for p, mask in hard if mask[i]]
            assert result.failure_count[i] == len(failed)
            assert result.first_failure[i] == (failed[0] if failed else funnel.NO_FAILURE)


def test_pool_grades_agree_with_each_candidates_declared_deviations(matcher: Matcher) -> None:
    """The nearest is chosen over a whole pool at once; its grades are the ones its own
    deviations would get, candidate by candidate."""
    graded = 0
    for req in REQUIREMENTS:
        pool = matcher._all
        result = funnel.run(pool.figures, req)
        grades = dev.pool_grades(pool.figures, result)
        for i in range(len(pool.candidates)):
            checks = result.checks(pool.figures, i)
            found = dev.of_checks(checks, dev.NEAREST)
            worst = max((d.severity.rank for d in found), default=0)
            missing = sum(1.0 if d.reach is None else 1.0 - min(max(d.reach, 0.0), 1.0)
                          for d in found)  # fmt: skip
            cost = dev.cost(found) + dev.SHORTFALL_WEIGHT * missing
            assert grades.worst[i] == worst, (req, i, found)
            assert grades.cost[i] == pytest.approx(cost), (req, i, found)
            graded += bool(found)
    assert graded > 1000


def _measured_as_per_candidate(fig: Figures, req: Requirement) -> tuple[list[float], ...]:
    """Setting, pixels and density by the scalar formulas, one candidate at a time."""
    scene = req.scene_hfov_deg.value if req.scene_hfov_deg else None
    distance = req.distance_m.value if req.distance_m else None
    panoramic = req.form_family.value in PANORAMIC
    ptz = req.form_family.value is FormFamily.PTZ
    settings, pixels, densities = [], [], []
    for wide, tele, width in zip(fig.wide.tolist(), fig.tele.tolist(), fig.width_px.tolist(),
                                 strict=True):  # fmt: skip
        setting = wide if scene is None else min(max(scene, tele), wide)
        if math.isnan(setting):
            px = math.nan
        elif scene is None or scene >= setting:
            px = width
        elif panoramic:
            px = width * scene / setting
        else:
            px = width * math.tan(math.radians(min(scene, 179.0)) / 2) / math.tan(
                math.radians(min(setting, 179.0)) / 2)  # fmt: skip
        density = math.nan
        if distance is not None and distance > 0:
            angle, across = (tele, width) if ptz else (setting if scene is None else scene, px)
            span = (math.radians(angle) * distance if panoramic
                    else 2 * distance * math.tan(math.radians(angle) / 2))  # fmt: skip
            density = across / span if span else math.nan
        settings.append(setting)
        pixels.append(px)
        densities.append(density)
    return settings, pixels, densities


def test_measures_from_the_pools_tangents_are_the_per_candidate_figures(matcher: Matcher) -> None:
    for req in REQUIREMENTS:
        for pool in (matcher._all, *matcher._pools.values()):
            m = measure(pool.figures, req)
            settings, pixels, densities = _measured_as_per_candidate(pool.figures, req)
            assert np.allclose(m.setting, settings, rtol=1e-12, equal_nan=True)
            assert np.allclose(m.px, pixels, rtol=1e-12, equal_nan=True)
            assert np.allclose(m.density, densities, rtol=1e-12, equal_nan=True)


def test_mount_points_by_group_are_each_models_own(matcher: Matcher) -> None:
    kinds = set()
    for req in REQUIREMENTS:
        for pool in (matcher._all, *matcher._pools.values()):
            own = [matcher.mounts.of(c.model, req)[1] for c in pool.candidates]
            assert matcher._mount_points(pool, req).tolist() == own
        kinds.add((req.mount.value if req.mount else None, req.mount_parts))
    assert len(kinds) >= 6
    assert len(matcher._all.fit_models) < len(MODELS) / 4


@pytest.mark.parametrize("size", [matching._FEW + 1, 3000])
def test_picks_among_many_are_those_a_sort_gives(size: int) -> None:
    """Scores, prices and pixels with many ties: the three minima pick what sorting every
    passer by (score, name), then by price or by pixels, picks."""
    rng = np.random.default_rng(size)
    for _ in range(40):
        total = size * 2
        names = rng.permutation(total)
        prices = np.where(rng.random(total) < 0.5, np.nan, rng.choice([90.0, 120.0], total))
        pool = type("Pool", (), {"name_rank": names, "price": prices})()
        passers = np.sort(rng.choice(total, size, replace=False))
        scores = rng.choice([61.5, 70.0, 70.1], size)
        px = rng.choice([np.nan, 2000.0, 2500.0], size)
        if rng.random() < 0.2:
            prices[:] = np.nan
        ranked = sorted(range(size), key=lambda j: (-scores[j], names[passers[j]]))
        first, rest = ranked[0], ranked[1:]
        priced = [j for j in rest if not math.isnan(prices[passers[j]])]
        value = min(priced, key=lambda j: prices[passers[j]]) if priced else rest[0]
        others = [j for j in rest if j != value]
        premium = min(others, key=lambda j: (-np.nan_to_num(px[j]), others.index(j)))
        picks = matching._picks(pool, passers, scores, px)  # type: ignore[arg-type]
        assert [j for j, _ in picks] == [first, value, premium]
        assert [role for _, role in picks] == [
            "first choice",
            "value" if priced else "alternate",
            "premium",
        ]
