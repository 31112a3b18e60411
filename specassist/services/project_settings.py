"""The project's own settings — costs, the tender's cover, rules, the recording side and the
phases of the works — typed, with their defaults.

Settings are stored with the project as JSON; here they are read into the
typed ``CostSettings`` and ``TenderSettings`` every other layer uses, so a
key is spelled in one place only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import select

from specassist.domain.formatting import UnitSystem
from specassist.domain.money import CurrencyError, ExchangeRates
from specassist.domain.pricing import CostSettings
from specassist.domain.project_settings import (
    DEFAULT_OUTPUTS,
    Layout,
    TenderOutput,
    TenderSettings,
)
from specassist.domain.requirements import Options
from specassist.domain.system_settings import (
    SystemSettings,
)
from specassist.services import projects
from specassist.services.projects import Project
from specassist.services.system_values import system_settings_from, system_values
from specassist.storage.models import ProjectRow

T = TypeVar("T")


def settings(project: Project) -> dict[str, Any]:
    """The project's own settings (costs, tender cover, units) as stored JSON."""
    with project.sessions() as session:
        return dict(session.scalars(select(ProjectRow)).one().settings or {})


def update_settings(project: Project, **values: Any) -> None:
    with project.transaction() as session:
        row = session.scalars(select(ProjectRow)).one()
        row.settings = {**(row.settings or {}), **values}


def matching_options(project: Project) -> Options:
    """The project's matching choices: old-datasheet figures the client insists on (marked
    required) and whether replacements may need a bigger PoE class."""
    stored = settings(project).get("matching", {})
    return Options(bool(stored.get("allow_power_upgrade", False)),
                   frozenset(stored.get("required", ())))  # fmt: skip


def set_matching_options(project: Project, options: Options) -> None:
    update_settings(project, matching={"allow_power_upgrade": options.allow_power_upgrade,
                                       "required": sorted(options.required)})  # fmt: skip


def cost_settings(project: Project, as_of: date | None = None) -> CostSettings:
    """The project's cost settings; anything not set keeps the documented default."""
    stored = settings(project).get("cost", {})
    defaults = CostSettings()
    rates = {k: Decimal(v) for k, v in stored.get("rates", {}).items()}
    currency = stored.get("currency", defaults.currency)
    return CostSettings(
        currency=currency,
        exchange=ExchangeRates(currency, rates),
        labour_rate=Decimal(stored.get("labour_rate", defaults.labour_rate)),
        access_day_rate=Decimal(stored.get("access_day_rate", defaults.access_day_rate)),
        disposal_per_camera=Decimal(
            stored.get("disposal_per_camera", defaults.disposal_per_camera)
        ),
        contingency_pct=Decimal(stored.get("contingency_pct", defaults.contingency_pct)),
        margin_pct=Decimal(stored.get("margin_pct", defaults.margin_pct)),
        tax_pct=Decimal(stored.get("tax_pct", defaults.tax_pct)),
        tax_name=stored.get("tax_name", defaults.tax_name),
        preferred_supplier=stored.get("preferred_supplier"),
        price_date=as_of,
    )


_PROJECT_RATES = ("labour_rate", "access_day_rate", "disposal_per_camera")


def set_cost_settings(project: Project, values: dict[str, Any]) -> str | None:
    """Store cost fields as text (Decimal-safe): currency, labour_rate, tax_pct, rates …

    When the currency changes, the project's own rates (labour, access, disposal)
    that this edit leaves as they were are converted at the rate given for the
    old currency, and the returned note says so; a rate typed in this edit is
    taken to be in the new currency. Without the old currency's rate nothing is
    stored and a ``CurrencyError`` names the rate to enter.
    """
    stored = cost_settings(project)
    merged = {**settings(project).get("cost", {}), **values}
    old, new = stored.currency, merged.get("currency", stored.currency)
    note = None
    if new != old:
        rates = {k: Decimal(v) for k, v in merged.get("rates", {}).items()}
        try:
            moved = stored.in_currency(new, ExchangeRates(new, rates))
        except CurrencyError:
            raise CurrencyError(
                f"changing the currency from {old} to {new}: enter the exchange rate "
                f"{old}=… under 'Exchange rates' so the labour and fixed rates can be converted"
            ) from None
        converted = []
        for key in _PROJECT_RATES:
            if key not in values or Decimal(str(values[key])) == getattr(stored, key):
                merged[key] = str(getattr(moved, key))
                converted.append(key.replace("_", " "))
        if converted:
            note = (
                f"Converted from {old} at 1 {old} = {rates[old]} {new}: "
                + ", ".join(converted)
                + "."
            )
    update_settings(project, cost=merged)
    return note


def tender_settings(project: Project, issue_date: date | None = None) -> TenderSettings:
    stored = settings(project).get("tender", {})
    defaults = TenderSettings()
    return TenderSettings(
        title=stored.get("title", defaults.title),
        project=stored.get("project", projects.name(project)),
        client=stored.get("client", ""),
        issuer=stored.get("issuer", ""),
        revision=stored.get("revision", defaults.revision),
        issue_date=issue_date or date.today(),
        layout=Layout(stored.get("layout", defaults.layout.value)),
        section_number=stored.get("section_number", defaults.section_number),
        units=UnitSystem(stored.get("units", defaults.units.value)),
        jurisdiction=stored.get("jurisdiction", defaults.jurisdiction),
        package=bool(stored.get("package", defaults.package)),
        weights=tuple((str(k), int(v)) for k, v in stored.get("weights", {}).items()),
        outputs=_outputs(stored.get("outputs")),
    )


def _outputs(stored: list[str] | None) -> frozenset[TenderOutput]:
    """The extra files chosen; a name this version does not know is left out."""
    if stored is None:
        return DEFAULT_OUTPUTS
    known = {o.value for o in TenderOutput}
    return frozenset(TenderOutput(name) for name in stored if name in known)


def set_tender_settings(project: Project, values: dict[str, Any]) -> None:
    """Store cover and layout fields; ``values`` is a dict, as its keys include "project"."""
    current = settings(project).get("tender", {})
    update_settings(project, tender={**current, **values})


def set_export_choices(project: Project, chosen: TenderSettings) -> None:
    """Store what the export writes: ``chosen``'s jurisdiction, whole package or not, weights
    and extra outputs, beside the cover fields (the other fields are not read).

    An unknown jurisdiction or weights that do not add up to 100 raise ``ValueError`` and
    store nothing. Weights equal to the clause set's own are stored as none, so the
    project follows the set's weights.
    """
    from specassist.services import tender_choices

    found = tender_choices.jurisdiction(chosen.jurisdiction)
    weights = dict(chosen.weights)
    if weights:
        tender_choices.check_weights(weights)
    if {k: v for k, v in weights.items() if v} == {
        k: v for k, v in found.default_weights().items() if v
    }:
        weights = {}
    set_tender_settings(project, {
        "jurisdiction": found.key, "package": chosen.package, "weights": weights,
        "outputs": sorted(output.value for output in chosen.outputs),
    })  # fmt: skip


def installed_rule_sets(project: Project) -> tuple[str, ...]:
    """Offer-only rule sets (the FCC's) the project applies to installed equipment too."""
    return tuple(settings(project).get("rules", {}).get("installed", []))


def set_installed_rule_sets(project: Project, rule_set_ids: Sequence[str]) -> None:
    """Apply these offer-only rule sets to installed equipment, as the client's policy may ask.

    Only rule sets that govern what may be offered are accepted: the others reach
    installed equipment already, and an unknown id is refused so a typo is not
    taken for a policy.
    """
    offer_only = {r.rule_set_id for r in projects.catalog_of(project).rule_sets
                  if not r.applies_to_installed}  # fmt: skip
    wrong = [r for r in rule_set_ids if r not in offer_only]
    if wrong:
        raise ValueError(
            f"{', '.join(repr(w) for w in wrong)}: not a rule set that governs offers only; "
            f"those are {', '.join(sorted(offer_only)) or 'none in this catalog'}"
        )
    current = settings(project).get("rules", {})
    update_settings(project, rules={**current, "installed": list(rule_set_ids)})


def section(project: Project, key: str) -> dict[str, Any]:
    """One stored section ("cost", "tender", "rules", "system") as it is, for an undo."""
    return dict(settings(project).get(key, {}))


def restore_section(project: Project, key: str, value: dict[str, Any]) -> None:
    with project.transaction() as session:
        row = session.scalars(select(ProjectRow)).one()
        row.settings = {**(row.settings or {}), key: dict(value)}


# ---------------------------------------------------------------- recording, network, phases


def system_settings(project: Project) -> SystemSettings:
    """The project's recording, VMS, provisional-sum and phasing settings; defaults where the
    project set nothing (``domain/system_settings`` states them)."""
    return system_settings_from(settings(project).get("system", {}))


def set_system_settings(project: Project, values: dict[str, Any]) -> SystemSettings:
    """Merge ``values`` into the stored system settings, after checking they read; nothing is
    stored when one does not (the ``ValueError`` names it)."""
    merged = {**settings(project).get("system", {}), **values}
    checked = system_settings_from(merged)
    update_settings(project, system=system_values(checked))
    return checked
