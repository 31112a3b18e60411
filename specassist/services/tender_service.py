"""The whole headless pipeline: survey → flags → requirements → matches → costs → tender.

Used by ``specassist tender`` and by the desktop app's export, so both produce
the same document from the same inputs. ``progress`` reports each stage for a
progress dialog; it never blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from specassist.domain.catalog import Catalog, Price
from specassist.domain.costing import ACCESS_HEIGHT_M, Costing, CostItem, CostSettings, cost
from specassist.domain.matching import Offer
from specassist.domain.requirements import FAMILY_OF, Options
from specassist.domain.rules import Verdict, chosen_rule_sets
from specassist.domain.survey import SurveyCamera, SurveyStatus
from specassist.resources import fonts_dir
from specassist.services.match_service import MatchedCamera, match_cameras
from specassist.tender.content import ScheduleEntry, TenderSettings, build_document
from specassist.tender.document import TenderDocument

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class Overrides:
    """Replacements chosen by the user instead of the first choice, by position in the survey."""

    offers: dict[int, tuple[Offer, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Tender:
    document: TenderDocument
    costing: Costing
    entries: list[ScheduleEntry]
    vendor_names: dict[str, str] = field(default_factory=dict)
    """Display names by vendor id, for the estimate's item column."""


def _quiet(_stage: str, _fraction: float) -> None:
    pass


def prepare(
    catalog: Catalog,
    cameras: list[SurveyCamera],
    rule_set_ids: list[str] | None = None,
    as_of: date | None = None,
    options: Options | None = None,
    cost_settings: CostSettings | None = None,
    tender_settings: TenderSettings | None = None,
    prices: list[Price] | None = None,
    overrides: Overrides | None = None,
    matched: list[MatchedCamera] | None = None,
    progress: Progress = _quiet,
) -> Tender:
    """Everything the tender says, without writing a file."""
    as_of = as_of or date.today()
    cost_settings = cost_settings or CostSettings(price_date=as_of)
    tender_settings = tender_settings or TenderSettings()
    progress("Identifying and matching cameras", 0.1)
    if matched is None:
        matched = match_cameras(
            catalog, cameras, rule_set_ids, as_of, options, cost_settings.currency
        )
    overrides = overrides or Overrides()
    entries = schedule_entries(matched, overrides)
    progress("Costing", 0.5)
    costing = cost_entries(entries, catalog, cost_settings, prices)
    progress("Writing the specification", 0.6)
    names = {vendor.vendor_id: vendor.name for vendor in catalog.vendors}
    document = build_document(
        tender_settings,
        entries,
        costing,
        chosen_rule_sets(catalog, rule_set_ids),
        catalog.info,
        as_of,
        names,
    )
    return Tender(document, costing, entries, names)


def schedule_entries(matched: list[MatchedCamera], overrides: Overrides) -> list[ScheduleEntry]:
    """Each camera as the tender sees it, with the user's replacement where there is one."""
    entries = []
    for index, item in enumerate(matched):
        chosen = overrides.offers.get(index)
        entries.append(
            ScheduleEntry(
                item.flagged.camera, item.flagged.decision, item.requirement, item.match,
                chosen[0] if chosen else None, chosen[1] if chosen else None,
            )
        )  # fmt: skip
    return entries


def cost_entries(
    entries: list[ScheduleEntry],
    catalog: Catalog,
    settings: CostSettings,
    prices: list[Price] | None = None,
) -> Costing:
    """Cost the replacements of the excluded cameras (overrides included)."""
    return cost(_cost_items(entries), [*catalog.prices, *(prices or [])], settings)


def _cost_items(entries: list[ScheduleEntry]) -> list[CostItem]:
    items = []
    for entry in entries:
        offer = entry.offer
        if entry.decision.verdict is not Verdict.EXCLUDED or offer is None:
            continue
        camera = entry.camera
        high = (camera.height_m or 0) > ACCESS_HEIGHT_M
        items.append(
            CostItem(
                camera.site or "Unassigned site",
                camera.display_tag,
                offer.model,
                tuple(u.accessory for u in offer.accessories if u.accessory is not None),
                FAMILY_OF[offer.model.form_factor],
                high or camera.status is SurveyStatus.NEEDS_LADDER,
            )
        )
    return items


def write(
    tender: Tender,
    pdf_path: Path,
    boq_path: Path | None = None,
    progress: Progress = _quiet,
    docx_path: Path | None = None,
    schedule_path: Path | None = None,
) -> int:
    """Write the PDF, and if asked the DOCX, the bidders' pricing schedule (.xlsx) and the
    client's estimate (BoQ as .xlsx or .csv); returns the PDF's page count."""
    # reportlab, python-docx and openpyxl load here, on first export, not at start-up.
    from specassist.tender import boq, pdf

    progress("Drawing the PDF", 0.6)
    pages = pdf.render(tender.document, pdf_path, fonts_dir())
    if docx_path is not None:
        from specassist.tender import docx

        progress("Writing the DOCX", 0.8)
        docx.render(tender.document, docx_path)
    if schedule_path is not None:
        from specassist.tender import pricing_schedule

        progress("Writing the pricing schedule", 0.9)
        pricing_schedule.write(tender.document, schedule_path)
    if boq_path is not None:
        progress("Writing the bill of quantities", 0.95)
        names = tender.vendor_names
        if boq_path.suffix.lower() == ".csv":
            boq.write_csv(tender.costing, boq_path, names)
        else:
            boq.write_xlsx(tender.costing, boq_path, names, tender.document.issue_date)
    progress("Done", 1.0)
    return pages
