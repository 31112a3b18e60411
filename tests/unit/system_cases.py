"""Small surveyed estates for the system plan's tests, analysed with the shipped catalog."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog import Catalog, Price, Resolution
from specassist.domain.pipeline import Analysis, Setup, analyse_cameras
from specassist.domain.pricing import CostSettings
from specassist.domain.survey import SurveyCamera
from specassist.domain.system_plan import SystemPlan, plan_analysis
from specassist.domain.system_settings import SystemSettings
from specassist.services.imports import read_survey

DAY = date(2026, 12, 1)
DATA = Path(__file__).parents[1] / "data" / "system"


@cache
def catalog() -> Catalog:
    return load_catalog_folder(Path(__file__).parents[2] / "catalog").catalog


def analyse(
    cameras: list[SurveyCamera],
    extra_prices: tuple[Price, ...] = (),
    rule_set_ids: tuple[str, ...] | None = None,
) -> Analysis:
    setup = Setup(
        catalog(), rule_set_ids, DAY, costs=CostSettings(price_date=DAY), extra_prices=extra_prices
    )
    return analyse_cameras(setup, cameras)


def sample(*names: str) -> list[SurveyCamera]:
    """The cameras of sample exports in tests/data/system, in order."""
    return [c for name in names for c in read_survey(DATA / name).cameras]


def plan(analysis: Analysis, settings: SystemSettings | None = None) -> SystemPlan:
    return plan_analysis(analysis, settings or SystemSettings())


def camera(tag: str, site: str = "Depot", **fields: object) -> SurveyCamera:
    """A surveyed device; ``fields`` as ``SurveyCamera`` takes them."""
    return SurveyCamera(source_row=0, tag=tag, site=site, **fields)  # type: ignore[arg-type]


def hikvision_nvr(tag: str, site: str = "Depot") -> SurveyCamera:
    return camera(tag, site, make="Hikvision", model="DS-7608NI-K2", device_type="NVR")


def axis_1080p(tag: str, site: str = "Depot", **fields: object) -> SurveyCamera:
    """A compliant camera that stays: its picture size comes from the survey."""
    return camera(
        tag,
        site,
        make="Axis",
        model="surveyed",
        device_type="IPC",
        resolution=Resolution(1920, 1080),
        **fields,
    )


def hikvision_camera(tag: str, site: str = "Depot", **fields: object) -> SurveyCamera:
    return camera(tag, site, make="Hikvision", model="DS-2CD2143G2-I", device_type="IPC", **fields)
