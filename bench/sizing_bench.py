"""Sizing for a large estate: seconds to size recorders, licences and PoE per switch.

Usage: python bench/sizing_bench.py [CAMERAS] [RECORDERS]   (default: 10000 200)

The estate is synthetic, like the other benches: cameras of five resolutions
(1080p to 4K), each recorded by one of RECORDERS surveyed recorders and powered
by one of the 24-port switches at its site, with a third of the cameras on
H.265 and a fifth on motion recording. Recorder candidates are the shipped
catalog's compliant recorders; switch replacements come from the shipped
catalog too. The figure to compare is the survey → tender run of
``tender_bench.py`` for the same estate size (about 5–8 s for 10,000 cameras
on the reference machine): sizing should add under 10 % to it.
"""

from __future__ import annotations

import random
import sys
import time
from collections import defaultdict
from pathlib import Path

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.bitrate import (
    BitrateModel,
    Codec,
    RecordingMode,
    RecordingPlan,
    StreamDemand,
    stream_demand,
)
from specassist.domain.poe import PoeSupply, PoweredDevice, switch_budget
from specassist.domain.sizing import licences, select_recorder
from specassist.domain.system import PoeStandard

REPO = Path(__file__).resolve().parent.parent
RESOLUTIONS = [(1920, 1080), (2560, 1440), (2688, 1520), (3072, 2048), (3840, 2160)]
PLANS = [
    RecordingPlan(),
    RecordingPlan(codec=Codec.H265),
    RecordingPlan(fps=15, mode=RecordingMode.MOTION, duty=0.3),
]
PORTS_PER_SWITCH = 24


def estate(cameras: int, recorders: int, seed: int = 5) -> list[tuple[str, int, int, int, int]]:
    """(camera id, recorder index, resolution index, plan index, PoE class) per camera."""
    rng = random.Random(seed)
    return [
        (f"C{n:06d}", n % recorders, rng.randrange(len(RESOLUTIONS)),
         rng.choices(range(len(PLANS)), weights=(47, 33, 20))[0], rng.choice((2, 3, 3, 4)))
        for n in range(cameras)
    ]  # fmt: skip


def run(cameras: int, recorders: int) -> None:
    catalog = load_catalog_folder(REPO / "catalog").catalog
    model = BitrateModel.from_constants(catalog.sizing_constants)
    compliant = [r for r in catalog.recorders if r.vendor_id not in {"hikvision", "dahua"}]
    milestone = next(p for p in catalog.vms_platforms if p.vms_id == "milestone-xprotect")
    rows = estate(cameras, recorders)

    start = time.perf_counter()
    groups: dict[int, list[StreamDemand]] = defaultdict(list)
    cache: dict[tuple[int, int], StreamDemand] = {}
    for camera_id, group, res, plan, _ in rows:
        template = cache.get((res, plan))
        if template is None:
            width, height = RESOLUTIONS[res]
            template = cache[(res, plan)] = stream_demand("", width, height, PLANS[plan], model)
        groups[group].append(
            StreamDemand(camera_id, template.bitrate_mbps, template.storage_tb, template.note)
        )
    streamed = time.perf_counter()
    choices = [select_recorder(s, compliant, model.filesystem_headroom) for s in groups.values()]
    chosen = time.perf_counter()
    lines = [licences(milestone, len(s)) for s in groups.values()]
    switches: dict[int, list[PoweredDevice]] = defaultdict(list)
    for n, (camera_id, _, _, _, poe_class) in enumerate(rows):
        switches[n // PORTS_PER_SWITCH].append(PoweredDevice(camera_id, poe_class))
    budgets = [
        switch_budget(PoeSupply(f"SW{k}", PORTS_PER_SWITCH, PoeStandard.AT, 370.0), d,
                      catalog.switches)
        for k, d in switches.items()
    ]  # fmt: skip
    done = time.perf_counter()

    sized = sum(1 for c in choices if c.model is not None)
    units = sum(c.units for c in choices)
    midspans = sum(len(b.midspans) for b in budgets)
    print(f"{cameras} cameras on {len(groups)} recorders and {len(budgets)} switches")
    print(f"  streams     {streamed - start:7.3f} s")
    print(f"  recorders   {chosen - streamed:7.3f} s  ({sized} groups sized, {units} units)")
    print(f"  licences+PoE{done - chosen:7.3f} s  ({sum(x.quantity for x in lines if x)} "
          f"licences, {midspans} midspans)")  # fmt: skip
    total = done - start
    print(f"  total       {total:7.3f} s  = {100 * total / 8:.1f} % of an 8 s and "
          f"{100 * total / 5:.1f} % of a 5 s survey → tender run")  # fmt: skip


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    run(args[0] if args else 10_000, args[1] if len(args) > 1 else 200)
