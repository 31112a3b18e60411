"""The one place quantities become text: the app, the command line, the PDF and JSON.

Results carry figures (``domain/measures``); this module writes them in the
reader's unit system, so an imperial tender or panel never mixes in metres.
Unknown values are shown as "unknown", never as a blank or a zero, so a
reader can tell "the survey does not say" from "none".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from specassist.domain.measures import (
    DEG,
    MBIT_S,
    METRE,
    MILLIMETRE,
    PIXELS,
    PX_PER_M,
    TERABYTE,
    WATT,
    Amount,
    Detail,
    Figure,
    Note,
)
from specassist.domain.units import quantity

if TYPE_CHECKING:
    from specassist.domain.deviations import Deviation
    from specassist.domain.funnel import Check
    from specassist.domain.matching import NoMatch, Offer

UNKNOWN = "unknown"


class UnitSystem(StrEnum):
    METRIC = "metric"
    IMPERIAL = "imperial"


_CLASS_WORDS = {
    "camera": ("camera", "cameras"),
    "recorder": ("recorder", "recorders"),
    "intercom": ("intercom", "intercoms"),
    "encoder": ("encoder", "encoders"),
    "access_control": ("access-control device", "access-control devices"),
    "other": ("other device", "other devices"),
}


def device_count(classes: Iterable[str]) -> str:
    """How many devices a survey holds, by class: "20 cameras", or "7 devices (5 cameras,
    1 recorder, 1 intercom)" once recorders or door stations are among them, so a count never
    calls an NVR a camera."""
    counts: dict[str, int] = {}
    for found in classes:
        counts[found] = counts.get(found, 0) + 1
    total = sum(counts.values())
    if set(counts) <= {"camera"}:
        return f"{total} camera{'' if total == 1 else 's'}"
    parts = [
        f"{n} {_CLASS_WORDS.get(kind, (kind, kind))[0 if n == 1 else 1]}"
        for kind, n in sorted(counts.items(), key=lambda item: list(_CLASS_WORDS).index(item[0])
                              if item[0] in _CLASS_WORDS else len(_CLASS_WORDS))
    ]  # fmt: skip
    return f"{total} device{'' if total == 1 else 's'} ({', '.join(parts)})"


def _number(value: float, digits: int = 2) -> str:
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def length(metres: float | None, system: UnitSystem = UnitSystem.METRIC) -> str:
    if metres is None:
        return UNKNOWN
    if system is UnitSystem.IMPERIAL:
        return f"{_number(quantity(metres, 'm').to('ft').magnitude, 1)} ft"
    return f"{_number(metres, 2)} m"


def focal_range(low_mm: float | None, high_mm: float | None) -> str:
    if low_mm is None:
        return UNKNOWN
    if high_mm is None or abs(high_mm - low_mm) < 1e-9:
        return f"{_number(low_mm)} mm"
    return f"{_number(low_mm)}–{_number(high_mm)} mm"


def angle(degrees: float | None) -> str:
    return UNKNOWN if degrees is None else f"{_number(degrees, 1)}°"


def power(watts: float | None) -> str:
    return UNKNOWN if watts is None else f"{_number(watts)} W"


def bitrate(mbps: float | None) -> str:
    """A stream or a recorder's load: "6.47 Mbit/s" (one decimal from 100 up)."""
    if mbps is None:
        return UNKNOWN
    return f"{_number(mbps, 1 if mbps >= 100 else 2)} Mbit/s"


def storage(tb: float | None) -> str:
    """Disk in decimal terabytes, as drives are sold: "6.62 TB"; under 1 TB in GB."""
    if tb is None:
        return UNKNOWN
    if 0 < tb < 1:
        return f"{_number(tb * 1000, 0)} GB"
    return f"{_number(tb, 2)} TB"


def yes_no(value: bool | None, yes: str = "yes", no: str = "no") -> str:
    return UNKNOWN if value is None else (yes if value else no)


def density(px_per_m: float | None, system: UnitSystem = UnitSystem.METRIC) -> str:
    """Pixel density in px/m, or px/ft for imperial reports."""
    if px_per_m is None:
        return UNKNOWN
    if system is UnitSystem.IMPERIAL:
        return f"{_number(quantity(px_per_m, 'px/m').to('px/ft').magnitude, 1)} px/ft"
    return f"{_number(px_per_m, 1)} px/m"


def pixels(value: float | None) -> str:
    return UNKNOWN if value is None else f"{value:.0f} px"


_IMPERIAL_UNITS = {METRE: "ft", PX_PER_M: "px/ft"}
"""What metric units become in imperial output; angles, pixels, mm and watts stay as they are."""


def in_system(value: Amount, system: UnitSystem = UnitSystem.METRIC) -> tuple[float, str]:
    """The magnitude and unit an amount is shown in: feet and px/ft for imperial readers."""
    unit = _IMPERIAL_UNITS.get(value.unit) if system is UnitSystem.IMPERIAL else None
    if unit is None:
        return value.value, value.unit
    return float(quantity(value.value, value.unit).to(unit).magnitude), unit


def amount(value: Amount | None, system: UnitSystem = UnitSystem.METRIC) -> str:
    """Any canonical amount in the reader's unit system."""
    if value is None:
        return UNKNOWN
    writers: dict[str, Callable[[float], str]] = {
        METRE: lambda v: length(v, system),
        MILLIMETRE: lambda v: f"{_number(v)} mm",
        DEG: angle,
        PIXELS: pixels,
        PX_PER_M: lambda v: density(v, system),
        WATT: power,
        MBIT_S: bitrate,
        TERABYTE: storage,
    }
    return writers[value.unit](value.value)


def detail(value: Detail | None, system: UnitSystem = UnitSystem.METRIC) -> str:
    """'recognise (137.9 px/m) at 10 m' — the level always beside the density it comes from."""
    if value is None:
        return UNKNOWN
    level = value.level.value if value.level else "below monitor"
    text = f"{level} ({density(value.density_px_per_m, system)})"
    if value.distance_m is not None:
        text += f" at {length(value.distance_m, system)}"
    return text


def figure(value: Figure, system: UnitSystem = UnitSystem.METRIC) -> str:
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, Amount):
        return amount(value, system)
    if isinstance(value, Detail):
        return detail(value, system)
    return value


def note(value: Note | None, system: UnitSystem = UnitSystem.METRIC) -> str:
    if value is None:
        return ""
    return value.template.format(*(figure(arg, system) for arg in value.args))


def needed(check: Check | Deviation, system: UnitSystem = UnitSystem.METRIC) -> str:
    """What a check (or a deviation's requirement) asked for, with its relation before an
    amount ("≥ 90°"); a needed text ("IP66 or better") stands alone."""
    text = figure(check.needed, system)
    if check.relation and isinstance(check.needed, Amount | Detail):
        return f"{check.relation} {text}"
    return text


def offered(check: Check, system: UnitSystem = UnitSystem.METRIC) -> str:
    if check.offered is None and check.ok is None:
        return "not stated: confirm"
    return figure(check.offered, system)


def check_line(check: Check, system: UnitSystem = UnitSystem.METRIC) -> str:
    """'IR range: needs ≥ 48 m; offers 40 m — NOT met'; a preference says so."""
    if check.hard:
        outcome = {True: "met", False: "NOT met", None: "not stated — confirm"}[check.ok]
        name = check.name
    else:
        outcome = {True: "met", False: "not met", None: "not stated"}[check.ok]
        name = f"{check.name} (preference)"
    return f"{name}: needs {needed(check, system)}; offers {offered(check, system)} — {outcome}"


def share(reach: float | None) -> str:
    """The share of a need offered: '83 %'."""
    return UNKNOWN if reach is None else f"{reach * 100:.0f} %"


def deviation_line(item: Deviation, system: UnitSystem = UnitSystem.METRIC) -> str:
    """'IR range: needs ≥ 48 m, offers 40 m (83 % of the need) — minor deviation; no allowed
    model in the catalog meets it; the nearest is offered'."""
    need = needed(item, system)
    offers = "not stated" if item.offered is None else figure(item.offered, system)
    part = f" ({share(item.reach)} of the need)" if item.reach is not None else ""
    severity = "to confirm" if item.severity.value == "confirm" else f"{item.severity.value}"
    return (
        f"{item.requirement}: needs {need}, offers {offers}{part} — {severity} deviation; "
        f"{note(item.reason, system)}"
    )


def score_line(offer: Offer) -> str:
    """'score 72.5 of 100: detail margin 20/30, coverage margin 17.6/20, …, deviations −15'."""
    parts = ", ".join(
        f"{p.name} {_number(p.points, 1)}" + (f"/{_number(p.best, 0)}" if p.best else "")
        for p in offer.score_parts
    )
    return f"score {_number(offer.score, 1)} of 100" + (f": {parts}" if parts else "")


def explanation(offer: Offer, system: UnitSystem = UnitSystem.METRIC) -> list[str]:
    """The arrangement, one line per constraint — needed, offered, outcome — the declared
    deviations, mounts and accessories, data quality, and the score with its parts."""
    lines = [note(offer.arrangement, system)] if offer.arrangement else []
    for check in offer.checks:
        line = check_line(check, system)
        if check.name in offer.resolved:
            line += " by the camera alone; met with the supplementary illuminator"
        lines.append(line)
    lines += [f"DEVIATION, {deviation_line(d, system)}" for d in offer.deviations]
    for use in offer.accessories:
        what = use.accessory.part_number if use.accessory else "no catalog part"
        said = note(use.note, system)
        lines.append(f"mount ({use.purpose}): {what}{' — ' + said if said else ''}")
    if offer.make_good:
        lines.append("make good: the old fixing is made good (a labour line in the costing)")
    if not offer.model.provenance.verified:
        lines.append("catalog figures not verified against the datasheet: confirm before ordering")
    lines.append(score_line(offer))
    return lines


def no_match(value: NoMatch | None, system: UnitSystem = UnitSystem.METRIC) -> str:
    """Why no model is offered, in one sentence: the site check, an empty catalog, or the
    constraint that removed the last candidates and how far the nearest falls short."""
    if value is None:
        return ""
    if value.reason is not None:
        return note(value.reason, system)
    if value.last is None:
        return "no allowed model in the catalog"
    text = f"{value.last} removed the last {value.removed} candidate(s)"
    miss = value.nearest_miss
    if miss is not None:
        worst = [d for d in miss.deviations if d.severity.value == "critical"] or list(
            miss.deviations
        )
        fails = "; ".join(
            f"{d.requirement} (needs {figure(d.needed, system)}, has {figure(d.offered, system)}"
            + (f", {share(d.reach)}" if d.reach is not None else "")
            + f", {d.severity.value})"
            for d in worst
        )
        text += f"; the nearest, {miss.model.vendor_id} {miss.model.model}, falls short: {fails}"
    return text
