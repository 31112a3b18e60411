"""Cost the replacements: equipment, mounts, labour, access, disposal, contingency, tax.

Rounding happens at four documented points only, so the lines always add up:

0. a unit price converted from another currency to the minor unit, before it is used, so
   every line is exactly its printed rate times its quantity (2 × 299.93 = 599.86);
1. each line total (quantity × unit price, in the project currency) to the minor unit;
2. contingency on the subtotal;
3. margin on subtotal + contingency;
4. tax on the net (subtotal + contingency + margin) — never per line.

Prices come from dated price lists: the preferred supplier's valid price when it
has one, else the cheapest valid price once converted at the project's fixed
rates. An item without a price is listed as missing and counts as nothing in the
totals; the tender says so rather than pricing it at zero.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from specassist.domain.catalog import Accessory, AccessoryKind, CameraModel, Price
from specassist.domain.money import Money
from specassist.domain.outcome import CameraOutcome, Status
from specassist.domain.pricing import CostSettings, PriceBook, PriceNotice
from specassist.domain.requirements import FAMILY_OF, FormFamily
from specassist.domain.rules import Verdict
from specassist.domain.survey import SurveyStatus

ACCESS_HEIGHT_M = 3.5
"""Above this a camera needs access equipment (a podium or a MEWP), not a step ladder."""


class LineKind(StrEnum):
    EQUIPMENT = "equipment"
    MOUNT = "mount"
    LABOUR = "labour"
    MAKE_GOOD = "make good"
    """Labour to make good an old fixing the new mount does not cover (``make_good_hours``)."""
    ACCESS = "access"
    DISPOSAL = "disposal"
    RECORDER = "recorder"
    LICENCE = "licence"
    SWITCH = "switch"
    MIDSPAN = "midspan"
    DEVICE = "device"
    PROVISIONAL = "provisional"


@dataclass(frozen=True, slots=True)
class CostItem:
    """One camera to replace: what goes up, and what it takes to put it there."""

    site: str
    tag: str
    model: CameraModel
    accessories: tuple[Accessory, ...]
    family: FormFamily
    needs_access: bool = False
    phase: str = ""
    count: int = 1
    """Cameras installed in its place (two when the scene is split between two cameras)."""
    make_good: bool = False


@dataclass(frozen=True, slots=True)
class CostLine:
    site: str
    kind: LineKind
    item: str
    description: str
    quantity: Decimal
    unit: str
    unit_price: Money | None
    total: Money | None
    source: str | None = None

    @property
    def priced(self) -> bool:
        return self.total is not None


@dataclass(frozen=True, slots=True)
class SiteCosts:
    site: str
    lines: tuple[CostLine, ...]
    subtotal: Money
    phase: str = ""
    """The phase of the works these lines belong to ("" when the works are not phased)."""

    @property
    def label(self) -> str:
        return f"{self.site} ({self.phase})" if self.phase else self.site


@dataclass(frozen=True)
class Costing:
    settings: CostSettings
    sites: tuple[SiteCosts, ...]
    subtotal: Money
    contingency: Money
    margin: Money
    net: Money
    tax: Money
    total: Money
    missing: tuple[CostLine, ...]
    notices: tuple[PriceNotice, ...] = ()
    """Prices found but not used (expired, not yet valid, no exchange rate)."""
    missing_rates: tuple[str, ...] = ()
    """Currencies whose prices were left out because the project has no rate for them."""

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(str(notice) for notice in self.notices)

    @property
    def lines(self) -> list[CostLine]:
        return [line for site in self.sites for line in site.lines]

    @property
    def price_sources(self) -> list[str]:
        return sorted({line.source for line in self.lines if line.source})

    @property
    def phase_subtotals(self) -> list[tuple[str, Money]]:
        """Each phase's subtotal, in phase order; they add up to ``subtotal`` exactly."""
        totals: dict[str, Money] = {}
        for site in self.sites:
            totals[site.phase] = totals.get(site.phase, self.settings.money(Decimal(0)))
            totals[site.phase] = totals[site.phase] + site.subtotal
        return list(totals.items())


def price_source(price: Price) -> str:
    """Where a line's rate came from: supplier, price type and date."""
    when = price.valid_from.isoformat() if price.valid_from else price.provenance.source_date
    return f"{price.supplier} {price.price_type.value} price, {when or 'undated'}"


def items_of(
    outcomes: Iterable[CameraOutcome], phase_of: Callable[[int], str] | None = None
) -> list[CostItem]:
    """What each excluded camera's replacement takes (overrides included), in survey order,
    each in its phase of the works when ``phase_of`` says."""
    items = []
    for outcome in outcomes:
        offer = outcome.offer
        if outcome.verdict is not Verdict.EXCLUDED or offer is None:
            continue
        camera = outcome.camera
        high = (camera.height_m or 0) > ACCESS_HEIGHT_M
        items.append(
            CostItem(
                outcome.site,
                camera.display_tag,
                offer.model,
                tuple(u.accessory for u in offer.accessories if u.accessory is not None),
                FAMILY_OF[offer.model.form_factor],
                high or camera.status is SurveyStatus.NEEDS_LADDER,
                phase_of(outcome.id) if phase_of else "",
                offer.quantity,
                offer.make_good,
            )
        )
    return items


SHOWN_TAGS = 12
"""Tags named in a provisional line's description; the schedule lists every one."""


def unmatched_lines(
    outcomes: Iterable[CameraOutcome], phase_of: Callable[[int], str] | None = None
) -> dict[tuple[str, str], list[CostLine]]:
    """A provisional, unpriced line per site for the excluded cameras with no replacement yet
    (site checks, no match): they stay in the estimate, and its total says it is partial."""
    tags: dict[tuple[str, str], list[str]] = {}
    for outcome in outcomes:
        if outcome.verdict is not Verdict.EXCLUDED or outcome.offer is not None:
            continue
        if outcome.status is Status.NOT_A_CAMERA:
            continue  # recorders and door stations are costed by the system plan
        key = (phase_of(outcome.id) if phase_of else "", outcome.site)
        tags.setdefault(key, []).append(outcome.camera.display_tag)
    out: dict[tuple[str, str], list[CostLine]] = {}
    for (phase, site), found in tags.items():
        named = ", ".join(found[:SHOWN_TAGS]) + (
            f" and {len(found) - SHOWN_TAGS} more" if len(found) > SHOWN_TAGS else ""
        )
        description = (f"Provisional: replacement for excluded camera(s) whose requirement is "
                       f"to be confirmed at survey ({named})")  # fmt: skip
        quantity = Decimal(len(found))
        line = CostLine(site, LineKind.PROVISIONAL, "provisional:camera", description, quantity,
                        "nr", None, None)  # fmt: skip
        out[(phase, site)] = [line]
    return out


def cost_outcomes(outcomes: Iterable[CameraOutcome], book: PriceBook) -> Costing:
    """The bill of quantities for an analysis: the app's Costs tab and the tender both call this."""
    outcomes = list(outcomes)
    return cost(items_of(outcomes), book, unmatched_lines(outcomes))


def cost(
    items: list[CostItem],
    book: PriceBook,
    extra: Mapping[tuple[str, str], Sequence[CostLine]] | None = None,
    phase_order: Sequence[str] = (),
) -> Costing:
    """The costed bill of quantities, grouped by phase (in ``phase_order``, others after in
    first-seen order) and by site in first-seen order.

    ``extra`` holds lines costed elsewhere (recorders, licences, switches …) by (phase, site);
    they count in their site's subtotal like any other line.
    """
    settings = book.settings
    extra = extra or {}
    groups: dict[tuple[str, str], list[CostItem]] = {}
    for item in items:
        groups.setdefault((item.phase, item.site), []).append(item)
    for key in extra:
        groups.setdefault(key, [])
    phases = list(dict.fromkeys([*phase_order, *(phase for phase, _ in groups)]))
    ordered = [key for phase in phases for key in groups if key[0] == phase]
    sites = tuple(
        _site_costs(site, groups[(phase, site)], book, settings, phase, extra.get((phase, site)))
        for phase, site in ordered
    )
    zero = settings.money(Decimal(0))
    subtotal = sum((s.subtotal for s in sites), zero)
    contingency = subtotal.times(settings.contingency_pct / 100).rounded()
    margin = (subtotal + contingency).times(settings.margin_pct / 100).rounded()
    net = subtotal + contingency + margin
    tax = net.times(settings.tax_pct / 100).rounded()
    missing = tuple(line for s in sites for line in s.lines if not line.priced)
    return Costing(
        settings, sites, subtotal, contingency, margin, net, tax, net + tax, missing,
        tuple(book.notices), tuple(sorted(book.missing_rates)),
    )  # fmt: skip


def _site_costs(
    site: str,
    items: list[CostItem],
    book: PriceBook,
    settings: CostSettings,
    phase: str = "",
    extra: Sequence[CostLine] | None = None,
) -> SiteCosts:
    lines: list[CostLine] = []
    counts: dict[tuple[LineKind, str, str], tuple[int, str]] = {}
    for item in items:
        for kind, vendor, part, description in [
            (LineKind.EQUIPMENT, item.model.vendor_id, item.model.model,
             f"{item.model.vendor_id} {item.model.model} {item.model.form_factor.value} camera"),
            *[(LineKind.EQUIPMENT if a.kind is AccessoryKind.IR_ILLUMINATOR else LineKind.MOUNT,
               a.vendor_id, a.part_number, a.description) for a in item.accessories],
        ]:  # fmt: skip
            key = (kind, vendor, part)
            count, _ = counts.get(key, (0, description))
            counts[key] = (count + item.count, description)
    for (kind, vendor, part), (count, description) in counts.items():
        found = book.find(vendor, part)
        quantity = Decimal(count)
        if found is None:
            lines.append(CostLine(site, kind, f"{vendor}:{part}", description, quantity, "nr",
                                  None, None))  # fmt: skip
            continue
        unit_price, price = found
        lines.append(
            CostLine(site, kind, f"{vendor}:{part}", description, quantity, "nr", unit_price,
                     unit_price.times(quantity).rounded(), price_source(price))
        )  # fmt: skip
    lines += extra or ()
    if items:
        lines += _camera_works(site, items, settings)
    subtotal = sum(
        (line.total for line in lines if line.total is not None), settings.money(Decimal(0))
    )
    return SiteCosts(site, tuple(lines), subtotal, phase)


def _camera_works(site: str, items: list[CostItem], settings: CostSettings) -> list[CostLine]:
    """Labour, access and disposal for the cameras replaced at one site."""
    lines: list[CostLine] = []
    rate = settings.money(settings.labour_rate)
    installed = sum(i.count for i in items)
    remove = settings.remove_hours * len(items)
    install = sum(
        (settings.install_hours.get(i.family, Decimal(2)) * i.count for i in items), Decimal(0)
    )
    configure = settings.configure_hours * installed
    for description, hours in (
        ("Remove existing cameras and make good", remove),
        ("Install replacement cameras and mounts", install),
        ("Configure, commission and record as-built", configure),
    ):
        lines.append(_labour(site, description, hours, rate))
    made_good = sum(1 for i in items if i.make_good)
    if made_good:
        lines.append(
            CostLine(site, LineKind.MAKE_GOOD, "make good",
                     f"Make good {made_good} old fixing(s) the new mounts do not cover "
                     f"({settings.make_good_hours} h each)", settings.make_good_hours * made_good,
                     "h", rate, rate.times(settings.make_good_hours * made_good).rounded(),
                     "project rate")
        )  # fmt: skip
    high = [i for i in items if i.needs_access]
    if high:
        high_hours = sum(
            (
                settings.remove_hours + settings.install_hours.get(i.family, Decimal(2))
                for i in high
            ),
            Decimal(0),
        )
        days = Decimal(math.ceil(high_hours / settings.hours_per_day))
        day_rate = settings.money(settings.access_day_rate)
        lines.append(
            CostLine(site, LineKind.ACCESS, "access", f"Access equipment for {len(high)} "
                     "camera(s) at height", days, "day", day_rate,
                     day_rate.times(days).rounded(), "project rate")
        )  # fmt: skip
    disposal = settings.money(settings.disposal_per_camera)
    quantity = Decimal(len(items))
    lines.append(
        CostLine(site, LineKind.DISPOSAL, "weee", "Disposal of removed cameras (WEEE)", quantity,
                 "nr", disposal, disposal.times(quantity).rounded(), "project rate")
    )  # fmt: skip
    return lines


def _labour(site: str, description: str, hours: Decimal, rate: Money) -> CostLine:
    return CostLine(
        site, LineKind.LABOUR, "labour", description, hours, "h", rate,
        rate.times(hours).rounded(), "project rate",
    )  # fmt: skip
