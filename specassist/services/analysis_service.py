"""Analyse an open project: every stored camera with its verdict, requirement and match.

The desktop app runs this off the GUI thread and re-runs it when the survey,
the rule profile or an override changes. Overrides are applied here, so the
table, the detail panel and the tender all show the same replacement.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from specassist.catalog.loader import CatalogLoad
from specassist.domain.catalog import Catalog
from specassist.domain.costing import Costing
from specassist.domain.matching import Matcher, Offer
from specassist.domain.requirements import Options
from specassist.domain.rules import RuleEngine, Verdict
from specassist.services import project_service, tender_service
from specassist.services.flag_service import flag_cameras
from specassist.services.match_service import MatchedCamera, match_flagged
from specassist.storage.project_file import ProjectFile
from specassist.storage.survey_store import StoredCamera

Progress = Callable[[str, float], None]


class Cancelled(Exception):
    """The user cancelled the work; nothing was changed."""


@dataclass(frozen=True)
class CameraResult:
    id: int
    matched: MatchedCamera
    override: Offer | None = None
    override_note: str | None = None

    @property
    def offer(self) -> Offer | None:
        if self.override is not None:
            return self.override
        match = self.matched.match
        return match.choice if match else None


@dataclass
class Analysis:
    catalog: Catalog
    rule_set_ids: list[str]
    as_of: date
    matcher: Matcher
    results: list[CameraResult] = field(default_factory=list)
    _counts: dict[Verdict, int] | None = field(default=None, repr=False)
    _by_id: dict[int, CameraResult] = field(default_factory=dict, repr=False)

    def by_id(self, camera_id: int) -> CameraResult | None:
        """Indexed once: the window looks a camera up on every selection change."""
        if len(self._by_id) != len(self.results):
            self._by_id = {r.id: r for r in self.results}
        return self._by_id.get(camera_id)

    def counts(self) -> dict[Verdict, int]:
        """Cameras per verdict; computed once (results do not change after analysis)."""
        if self._counts is None or sum(self._counts.values()) != len(self.results):
            counts = dict.fromkeys(Verdict, 0)
            for result in self.results:
                counts[result.matched.verdict] += 1
            self._counts = counts
        return dict(self._counts)


def _never() -> bool:
    return False


def analyse(
    project: ProjectFile,
    as_of: date | None = None,
    options: Options | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = _never,
    stored: list[StoredCamera] | None = None,
) -> Analysis:
    """Flag and match every camera of the project under its rule profile.

    ``stored`` passes cameras already read, so a caller that shows them reads them once.
    """
    report = progress or (lambda _s, _f: None)
    as_of = as_of or date.today()
    load: CatalogLoad | None = project_service.catalog_of(project)
    if load is None:
        raise ValueError("the project holds no catalog")
    catalog = load.catalog
    rule_ids = project_service.rule_profile(project)
    report("Reading the survey", 0.05)
    if stored is None:
        stored = project_service.cameras(project)
    overrides = project_service.overrides(project)
    engine = RuleEngine(catalog, rule_ids, as_of)
    matcher = Matcher(catalog, engine.model_allowed)
    analysis = Analysis(catalog, rule_ids, as_of, matcher)
    flagged_all = flag_cameras(catalog, [item.camera for item in stored], engine=engine)
    total = max(len(stored), 1)
    for n, (item, flagged) in enumerate(zip(stored, flagged_all, strict=True)):
        if n % 500 == 0:
            if cancelled():
                raise Cancelled()
            report(f"Analysing camera {n + 1} of {len(stored)}", 0.1 + 0.85 * n / total)
        matched = match_flagged(flagged, matcher, options)
        requirement = matched.requirement
        chosen = overrides.get(item.id) if requirement else None
        offer = matcher.offer(chosen.model_key, requirement) if chosen and requirement else None
        analysis.results.append(
            CameraResult(item.id, matched, offer, chosen.note if chosen else None)
        )
    analysis.counts()  # counted here, off the GUI thread
    report("Analysis complete", 1.0)
    return analysis


def export_tender(
    project: ProjectFile,
    analysis: Analysis,
    pdf_path: Path,
    boq_path: Path | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the tender PDF (and BoQ) from an analysis, overrides included; returns pages."""
    report = progress or (lambda _s, _f: None)
    tender = tender_service.prepare(
        analysis.catalog,
        [r.matched.flagged.camera for r in analysis.results],
        analysis.rule_set_ids,
        analysis.as_of,
        cost_settings=project_service.cost_settings(project, analysis.as_of),
        tender_settings=project_service.tender_settings(project, analysis.as_of),
        overrides=_overrides(analysis),
        matched=[r.matched for r in analysis.results],
        progress=report,
    )
    return tender_service.write(tender, pdf_path, boq_path, report)


def cost(project: ProjectFile, analysis: Analysis) -> Costing:
    """The running costing for the Costs tab: same items and prices as the tender."""
    entries = tender_service.schedule_entries(
        [r.matched for r in analysis.results], _overrides(analysis)
    )
    return tender_service.cost_entries(
        entries, analysis.catalog, project_service.cost_settings(project, analysis.as_of)
    )


def _overrides(analysis: Analysis) -> tender_service.Overrides:
    return tender_service.Overrides(
        {
            n: (r.override, r.override_note or "chosen by the user")
            for n, r in enumerate(analysis.results)
            if r.override is not None
        }
    )
