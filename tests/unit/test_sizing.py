"""Bitrate, storage and recorder sizing against the cited model, checked by hand."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.bitrate import (
    DEFAULT_FPS,
    DEFAULT_RETENTION_DAYS,
    BitrateModel,
    Codec,
    RecordingMode,
    RecordingPlan,
    SceneActivity,
    StreamDemand,
    stream_demand,
)
from specassist.domain.catalog import Provenance
from specassist.domain.sizing import (
    licences,
    raid_usable_fraction,
    raw_needed_tb,
    recorder_demand,
    select_recorder,
)
from specassist.domain.system import RaidLevel, RecorderKind, RecorderModel, VmsPlatform

SOURCE = Provenance("test datasheet", "2026-12-02", True)


@pytest.fixture(scope="module")
def model() -> BitrateModel:
    catalog = load_catalog_folder(Path(__file__).parents[2] / "catalog").catalog
    return BitrateModel.from_constants(catalog.sizing_constants)


def recorder(name: str, channels: int | None, mbps: float | None, raw_tb: float | None,
             bays: int = 2, raid: tuple[RaidLevel, ...] = (),
             verified: bool = True) -> RecorderModel:  # fmt: skip
    prov = Provenance("test datasheet", "2026-12-02", verified)
    return RecorderModel("hanwha", name, RecorderKind.NVR, prov, channels=channels,
                         max_incoming_mbps=mbps, drive_bays=bays, max_raw_tb=raw_tb,
                         raid_levels=raid)  # fmt: skip


def streams(n: int, mbps: float, tb: float) -> list[StreamDemand]:
    return [StreamDemand(f"C{i:03d}", mbps, tb) for i in range(n)]


# ---------------------------------------------------------------- the bitrate model


def test_worked_example_sixteen_1080p_cameras(model: BitrateModel) -> None:
    """16 cameras, 1920×1080, H.265, 15 fps, medium activity, continuous, 30 days.

    By hand, with the constants in catalog/sizing_constants.csv:
      frame-rate term  30 × (15 / 30) ** 0.70 = 30 × 0.61557 = 18.467 frames/s equivalent
      H.264 bitrate    0.060 bit/px × 1920 × 1080 × 18.467 = 124,416 × 18.467 = 2,297,623 bit/s
      H.265            × 0.5 = 1,148,811 bit/s = 1.149 Mbit/s per camera (× 1.0 for medium)
      per day          1.148811e6 × 86,400 s / 8 = 12.407 GB
      30 days          372.2 GB per camera; × 16 cameras = 5.955 TB of video
      raw disk         5.955 / (1 − 0.10 headroom) = 6.617 TB with independent drives;
                       RAID 5 on 4 drives keeps 3/4: 6.617 / 0.75 = 8.822 TB
    Cross-check against the source: Axis's table gives 1.667 Mbit/s for 720p at 30 fps H.264;
    scaling its pixels (× 2.25) and frame rate (× 0.616) and halving for H.265 gives
    1.667 × 2.25 × 0.616 × 0.5 = 1.155 Mbit/s, the same figure within the table's rounding.
    """
    plan = RecordingPlan(fps=15, codec=Codec.H265, retention_days=30)
    cams = [stream_demand(f"C{i}", 1920, 1080, plan, model) for i in range(16)]
    assert cams[0].bitrate_mbps == pytest.approx(1.148811, rel=1e-4)
    assert cams[0].storage_q.to("GB").magnitude == pytest.approx(372.2, rel=1e-3)
    demand = recorder_demand(cams, model.filesystem_headroom)
    assert demand.stored_tb == pytest.approx(5.955, rel=1e-3)
    assert demand.raw_q.to("TB").magnitude == pytest.approx(6.617, rel=1e-3)
    raid5 = recorder_demand(cams, model.filesystem_headroom, RaidLevel.RAID5)
    assert raid5.raw_tb == pytest.approx(8.822, rel=1e-3)
    assert demand.incoming_q.to("Mbit/s").magnitude == pytest.approx(16 * 1.148811, rel=1e-4)


@pytest.mark.parametrize(
    ("width", "height", "fps", "gb_per_day"),
    [(640, 480, 15, 0.7), (640, 480, 30, 1.2), (1280, 720, 10, 1.7), (1280, 720, 30, 3.6)],
)
def test_model_reproduces_its_source_table(
    model: BitrateModel, width: int, height: int, fps: int, gb_per_day: float
) -> None:
    """Axis's edge-storage table (H.264, medium activity, 20 % motion recording): every row
    within 12 % — the table prints one or two significant figures."""
    plan = RecordingPlan(fps=fps, mode=RecordingMode.MOTION, duty=0.2, retention_days=1)
    demand = stream_demand("C", width, height, plan, model)
    assert demand.storage_q.to("GB").magnitude == pytest.approx(gb_per_day, rel=0.12)


def test_codec_activity_and_frame_rate_scale_the_bitrate(model: BitrateModel) -> None:
    base = model.bitrate_mbps(1920, 1080, RecordingPlan(fps=30))
    assert base == pytest.approx(0.060 * 1920 * 1080 * 30 / 1e6)
    assert model.bitrate_mbps(1920, 1080, RecordingPlan(fps=30, codec=Codec.H265)) == base / 2
    busy = RecordingPlan(fps=30, activity=SceneActivity.HIGH)
    quiet = RecordingPlan(fps=30, activity=SceneActivity.LOW)
    assert model.bitrate_mbps(1920, 1080, busy) == pytest.approx(
        4 * model.bitrate_mbps(1920, 1080, quiet)
    )
    # Sub-linear in frame rate: a third of the frames keeps 3 ** -0.7 = 46 % of the bits.
    third = model.bitrate_mbps(1920, 1080, RecordingPlan(fps=10))
    assert third / base == pytest.approx(3**-0.7)


def test_motion_recording_scales_storage_not_bandwidth(model: BitrateModel) -> None:
    continuous = stream_demand("C", 2688, 1520, RecordingPlan(), model)
    motion = stream_demand(
        "C", 2688, 1520, RecordingPlan(mode=RecordingMode.MOTION, duty=0.25), model
    )
    assert motion.bitrate_mbps == continuous.bitrate_mbps
    assert motion.storage_tb == pytest.approx(continuous.storage_tb / 4)
    unknown_share = stream_demand(
        "C", 2688, 1520, RecordingPlan(mode=RecordingMode.SCHEDULE), model
    )
    assert unknown_share.storage_tb == continuous.storage_tb
    assert unknown_share.note is not None and "sized as continuous" in unknown_share.note


def test_defaults_and_bad_plans() -> None:
    plan = RecordingPlan()
    assert (plan.fps, plan.retention_days) == (DEFAULT_FPS, DEFAULT_RETENTION_DAYS) == (25.0, 31)
    assert plan.mode is RecordingMode.CONTINUOUS and plan.recorded_share == 1.0
    for bad in ({"fps": 0}, {"retention_days": 0}, {"duty": 1.5}, {"duty": 0.0}):
        with pytest.raises(ValueError):
            RecordingPlan(**bad)  # type: ignore[arg-type]


def test_missing_constant_is_named() -> None:
    with pytest.raises(KeyError, match="fps_exponent"):
        BitrateModel.from_constants([])


# ---------------------------------------------------------------- RAID and headroom


@pytest.mark.parametrize(
    ("level", "drives", "fraction"),
    [(RaidLevel.NONE, 4, 1.0), (RaidLevel.RAID0, 4, 1.0), (RaidLevel.RAID1, 2, 0.5),
     (RaidLevel.RAID10, 8, 0.5), (RaidLevel.RAID5, 4, 0.75), (RaidLevel.RAID5, 16, 15 / 16),
     (RaidLevel.RAID6, 8, 0.75), (RaidLevel.RAID6, 2, 0.0)],
)  # fmt: skip
def test_raid_usable_fraction(level: RaidLevel, drives: int, fraction: float) -> None:
    assert raid_usable_fraction(level, drives) == pytest.approx(fraction)


def test_raw_needed_adds_headroom_then_raid() -> None:
    # 9 TB of video, 10 % kept free → 10 TB usable; RAID 6 on 6 drives keeps 4/6 → 15 TB raw.
    assert raw_needed_tb(9.0, 0.10, RaidLevel.RAID6, 6) == pytest.approx(15.0)
    assert math.isinf(raw_needed_tb(1.0, 0.1, RaidLevel.RAID6, 2))


# ---------------------------------------------------------------- recorder selection

SMALL = recorder("XRN-420S", 4, 50, 6, bays=1)
MEDIUM = recorder("XRN-820S", 8, 100, 12)
LARGE = recorder("XRN-3210B4", 32, 150, 160, bays=16, raid=(RaidLevel.RAID5, RaidLevel.RAID6))


def test_smallest_recorder_that_fits_one_unit() -> None:
    choice = select_recorder(streams(6, 2.0, 0.4), [LARGE, SMALL, MEDIUM], 0.10)
    assert (choice.model, choice.units) == (MEDIUM, 1)
    assert "6 channels" in choice.reason and "12.0 Mbit/s" in choice.reason
    assert ("hanwha:XRN-420S", "needs 2 units") in choice.rejected
    assert ("hanwha:XRN-3210B4", "larger") in choice.rejected


def test_too_many_channels_needs_two_recorders() -> None:
    choice = select_recorder(streams(12, 2.0, 0.4), [MEDIUM], 0.10)
    assert (choice.model, choice.units) == (MEDIUM, 2)
    assert choice.reason.startswith("2 × hanwha:XRN-820S")


def test_storage_and_bandwidth_also_split_units() -> None:
    # 8 cameras fit the channel count of one XRN-820S, but 8 × 2 TB exceeds 12 TB × 0.9 usable.
    by_storage = select_recorder(streams(8, 2.0, 2.0), [MEDIUM], 0.10)
    assert by_storage.units == 2
    # 8 × 15 Mbit/s = 120 Mbit/s > 100 Mbit/s.
    by_bandwidth = select_recorder(streams(8, 15.0, 0.1), [MEDIUM], 0.10)
    assert by_bandwidth.units == 2


def test_nothing_fits_says_why() -> None:
    # One 8K camera sending 120 Mbit/s: more than either unit accepts.
    choice = select_recorder([StreamDemand("PTZ1", 120.0, 1.0)], [SMALL, MEDIUM], 0.10)
    assert choice.model is None and choice.units == 0
    assert "no compliant recorder" in choice.reason
    assert "120.0 Mbit/s, a unit takes 100 Mbit/s" in choice.reason
    empty = select_recorder(streams(2, 1.0, 0.1), [], 0.10)
    assert empty.model is None and "no compliant recorder in the catalog; needed: 2 channels" in (
        empty.reason
    )


def test_unknown_figures_are_skipped_or_caveated() -> None:
    no_channels = recorder("PRN-X", None, 400, 80)
    no_bandwidth = recorder("PRN-1600B2", 16, None, 80, bays=8, verified=False)
    choice = select_recorder(streams(10, 2.0, 0.5), [no_channels, no_bandwidth], 0.10)
    assert choice.model == no_bandwidth
    assert any("incoming bandwidth not published" in c for c in choice.caveats)
    assert any("not verified" in c for c in choice.caveats)
    assert ("hanwha:PRN-X", "channel count not known") in choice.rejected
    # A fully published model of the same size ranks first.
    known = recorder("PRN-1600", 16, 200, 80, bays=8)
    ranked = select_recorder(streams(10, 2.0, 0.5), [no_bandwidth, known], 0.10)
    assert ranked.model == known
    assert ("hanwha:PRN-1600B2", "incoming bandwidth not published") in ranked.rejected


def test_raid_requirement_excludes_recorders_without_it() -> None:
    choice = select_recorder(streams(6, 2.0, 0.4), [MEDIUM, LARGE], 0.10, RaidLevel.RAID6)
    assert choice.model == LARGE
    assert ("hanwha:XRN-820S", "no RAID 6") in choice.rejected
    assert "RAID 6" in choice.reason


def test_shipped_catalog_sizes_a_site(model: BitrateModel, shipped_catalog: Path) -> None:
    catalog = load_catalog_folder(shipped_catalog).catalog
    compliant = [r for r in catalog.recorders if r.vendor_id not in {"hikvision", "dahua"}]
    cams = [stream_demand(f"C{i}", 2688, 1520, RecordingPlan(), model) for i in range(20)]
    choice = select_recorder(cams, compliant, model.filesystem_headroom)
    assert choice.model is not None and choice.model.vendor_id != "hikvision"
    assert choice.demand.channels == 20 and choice.units >= 1
    assert any("not verified" in c for c in choice.caveats)


# ---------------------------------------------------------------- VMS licences


def test_licences_per_camera_with_included_ones() -> None:
    xprotect = VmsPlatform("milestone-xprotect", "milestone", "Milestone XProtect", SOURCE, True,
                           "XProtect device licence")  # fmt: skip
    line = licences(xprotect, 30)
    assert line is not None and (line.quantity, line.item) == (30, "XProtect device licence")
    appliance = licences(xprotect, 30, included=24)
    assert appliance is not None and appliance.quantity == 6 and "24 included" in appliance.reason
    assert licences(xprotect, 10, included=24).quantity == 0  # type: ignore[union-attr]
    unknown = VmsPlatform("genetec-sc", "genetec", "Genetec Security Center", SOURCE)
    assert licences(unknown, 30) is None
