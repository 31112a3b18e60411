"""Evaluate rule sets against an identification: excluded, allowed or unknown, with reasons.

A rule reaches equipment by who made it: a named maker, or (as the rule
allows) that maker's subsidiaries, affiliates and OEM-made products; or by
the country that controls the maker; or, for an approved-vendor policy, by
not being on the list. Rule sets and single rules apply from their
effective date, so the same camera can be allowed in 2019 and excluded in 2024.

Installed equipment and offered replacements are judged by different packs:
a pack that only governs authorisation, import and marketing (the FCC's)
decides what may be *offered*, and reaches installed equipment only when the
profile switches it on (``installed_rule_sets``).

"Unknown" is a first-class answer: when the maker cannot be established
well enough, when an OEM relation that would exclude the device cannot be
decided for it (the warning says which evidence would settle it), when a
rule reaches the maker only possibly, or when credible evidence points to an
excluded maker that the winning evidence does not, the device goes to a site
check instead of being silently allowed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from specassist.domain.catalog import Catalog, Citation, Relation, Rule, RuleSet, RuleSeverity
from specassist.domain.evidence import CONFLICT_FLOOR
from specassist.domain.identify import Identification, Identifier, Pending
from specassist.domain.relations import period_text


class Verdict(StrEnum):
    EXCLUDED = "excluded"
    ALLOWED = "allowed"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Reason:
    rule_set_id: str
    rule_id: str
    severity: RuleSeverity
    description: str
    citation: Citation
    evidence: tuple[str, ...]
    maker_id: str
    definite: bool = True
    """False when the rule reaches the maker only possibly (its control is not recorded)."""

    @property
    def rule(self) -> str:
        return f"{self.rule_set_id}/{self.rule_id}"


@dataclass(slots=True)
class Decision:
    verdict: Verdict
    identification: Identification
    reasons: list[Reason] = field(default_factory=list)
    advisories: list[Reason] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    replacement_limits: list[Reason] = field(default_factory=list)
    """Rules that bar offering this maker's equipment as a replacement, not its installed use."""


_SUBSIDIARY_LIKE = {Relation.SUBSIDIARY, Relation.VALUE_BRAND, Relation.JOINT_VENTURE}
_MIN_CONFIDENCE = 0.35
"""Below this (a lone low-confidence OEM hint), a maker is a suspicion, not an identification."""


def chosen_rule_sets(catalog: Catalog, rule_set_ids: list[str] | None) -> list[RuleSet]:
    """The profile's rule sets (by default every one that is neither a template nor
    optional); unknown ids raise."""
    missing = set(rule_set_ids or []) - {r.rule_set_id for r in catalog.rule_sets}
    if missing:
        raise KeyError(f"unknown rule set(s): {', '.join(sorted(missing))}")
    if rule_set_ids is None:
        return [r for r in catalog.rule_sets if not r.template and not r.optional]
    return [r for r in catalog.rule_sets if r.rule_set_id in rule_set_ids]


class RuleEngine:
    """Decides verdicts under a profile (the chosen rule sets) as of a date."""

    def __init__(
        self,
        catalog: Catalog,
        rule_set_ids: list[str] | None = None,
        as_of: date | None = None,
        *,
        installed_rule_sets: Collection[str] = (),
    ) -> None:
        self.identifier = Identifier(catalog)
        self.as_of = as_of or date.today()
        chosen = chosen_rule_sets(catalog, rule_set_ids)
        self.rule_sets = chosen
        self.in_force = [r for r in chosen if _in_force(r, self.as_of)]
        self.for_installed = [
            r
            for r in self.in_force
            if r.applies_to_installed or r.rule_set_id in installed_rule_sets
        ]
        self._reach_cache: dict[tuple[str, str, str], tuple[str, bool] | None] = {}

    # ------------------------------------------------------------ reach of a rule

    def _how_rule_reaches(
        self, rule_set: RuleSet, rule: Rule, maker_id: str
    ) -> tuple[str, bool] | None:
        """(why, definite) when ``rule`` reaches equipment made by ``maker_id``, else None."""
        key = (rule_set.rule_set_id, rule.rule_id, maker_id)
        if key not in self._reach_cache:
            self._reach_cache[key] = self._reach(rule, maker_id)
        return self._reach_cache[key]

    def _reach(self, rule: Rule, maker_id: str) -> tuple[str, bool] | None:
        vendors = self.identifier.vendors
        vendor = vendors.get(maker_id)
        name = vendor.name if vendor else maker_id
        if maker_id in rule.makers:
            return f"made by {name}, named in the rule", True
        for parent in self._parents(maker_id):
            if parent in rule.makers and (rule.include_subsidiaries or rule.include_affiliates):
                return f"{name} is owned by {vendors[parent].name}, named in the rule", True
        if rule.control_countries and vendor is not None:
            if vendor.control_country in rule.control_countries:
                return f"{name} is controlled from {vendor.control_country}", True
            if vendor.control_country is None and vendor.country in rule.control_countries:
                return (
                    f"{name} has its headquarters in {vendor.country}; who controls it is not "
                    "recorded",
                    False,
                )
        if rule.approved_vendors and maker_id not in rule.approved_vendors:
            return f"{name} is not on the approved-vendor list", True
        return None

    def _parents(self, vendor_id: str) -> list[str]:
        chain, seen = [], {vendor_id}
        vendor = self.identifier.vendors.get(vendor_id)
        while (
            vendor is not None and vendor.parent_vendor_id and vendor.parent_vendor_id not in seen
        ):
            chain.append(vendor.parent_vendor_id)
            seen.add(vendor.parent_vendor_id)
            vendor = self.identifier.vendors.get(vendor.parent_vendor_id)
        return chain

    # ------------------------------------------------------------ reasons

    def reasons_for_maker(
        self,
        maker_id: str,
        evidence: tuple[str, ...],
        rule_sets: list[RuleSet] | None = None,
    ) -> list[Reason]:
        reasons = []
        for rule_set, rule in self._rules(self.for_installed if rule_sets is None else rule_sets):
            reach = self._how_rule_reaches(rule_set, rule, maker_id)
            if reach is not None:
                how, definite = reach
                reasons.append(_reason(rule_set, rule, (how, *evidence), maker_id, definite))
        return reasons

    def _rules(self, rule_sets: list[RuleSet]) -> list[tuple[RuleSet, Rule]]:
        """The rules in force on the engine's date: a list update may start later."""
        return [
            (rule_set, rule)
            for rule_set in rule_sets
            for rule in rule_set.rules
            if rule.effective_from is None or self.as_of >= rule.effective_from
        ]

    def _all(
        self, maker: str, identification: Identification, rule_sets: list[RuleSet] | None = None
    ) -> list[Reason]:
        evidence = tuple(e.detail for e in identification.evidence if e.maker_id == maker)
        reasons = self.reasons_for_maker(maker, evidence, rule_sets)
        return [r for r in reasons if self._oem_route_ok(r, identification)]

    def _binding(
        self, maker: str, identification: Identification, rule_sets: list[RuleSet] | None = None
    ) -> list[Reason]:
        return [
            r
            for r in self._all(maker, identification, rule_sets)
            if r.severity is not RuleSeverity.ADVISORY
        ]

    def _rule(self, reason: Reason) -> Rule:
        return next(
            r
            for rs in self.in_force
            if rs.rule_set_id == reason.rule_set_id
            for r in rs.rules
            if r.rule_id == reason.rule_id
        )

    def _oem_route_ok(self, reason: Reason, identification: Identification) -> bool:
        """Evidence that reaches the maker only through OEM relations counts only where the
        rule reaches OEM-made (or subsidiary-made) products."""
        routes = [e for e in identification.evidence if e.maker_id == reason.maker_id]
        if not routes or any(e.relation is None for e in routes):
            return True
        rule = self._rule(reason)
        return any(_route_allowed(rule, e.relation) for e in routes if e.relation is not None)

    def _component_reasons(self, identification: Identification) -> list[Reason]:
        return [
            _reason(
                rule_set,
                rule,
                (f"contains a {self.identifier.name(component)} component",),
                component,
            )
            for rule_set, rule in self._rules(self.in_force)
            for component in sorted(set(rule.components) & set(identification.components))
        ]

    # ------------------------------------------------------------ decisions

    def decide(self, identification: Identification) -> Decision:
        """The verdict on an installed device under the profile's packs for installed equipment."""
        decision = Decision(Verdict.ALLOWED, identification, warnings=list(identification.warnings))
        for rule_set in self.rule_sets:
            if rule_set not in self.in_force:
                decision.warnings.append(
                    f"{rule_set.title}: not in force on {self.as_of.isoformat()}"
                )
        decision.advisories = self._component_reasons(identification)
        maker = identification.maker_id
        if maker is None or identification.confidence < _MIN_CONFIDENCE:
            return self._weak(decision)
        offer_only = [r for r in self.in_force if r not in self.for_installed]
        decision.replacement_limits = self._binding(maker, identification, offer_only)
        everything = self._all(maker, identification)
        decision.advisories += [r for r in everything if r.severity is RuleSeverity.ADVISORY]
        binding = [r for r in everything if r.severity is not RuleSeverity.ADVISORY]
        if any(r.definite for r in binding):
            decision.verdict = Verdict.EXCLUDED
            decision.reasons = [r for r in binding if r.definite]
            return decision
        if binding:
            decision.verdict = Verdict.UNKNOWN
            decision.reasons = binding
            decision.warnings.append(
                f"{binding[0].evidence[0]}: the rules may reach it; check who controls "
                f"{self.identifier.name(maker)}"
            )
            return decision
        if self._pending_unknown(decision):
            return decision
        for other in identification.contenders(CONFLICT_FLOOR):
            if self._binding(other, identification):
                decision.verdict = Verdict.UNKNOWN
                decision.reasons = _possibly(
                    self._binding(other, identification),
                    f"evidence also points to {other}",
                )
                decision.warnings.append(
                    f"evidence also points to {other}, which the rules exclude; check on site"
                )
                return decision
        return decision

    def _weak(self, decision: Decision) -> Decision:
        """No maker, or only a weak one: unknown, naming the excluded suspects if any."""
        identification = decision.identification
        decision.verdict = Verdict.UNKNOWN
        if self._pending_unknown(decision):
            return decision
        suspects = sorted(identification.scores, key=lambda m: -identification.scores[m])
        excluded_suspects = [m for m in suspects if self._binding(m, identification)]
        if excluded_suspects:
            decision.reasons = _possibly(
                self._binding(excluded_suspects[0], identification),
                f"the evidence for {excluded_suspects[0]} is weak ({identification.level.value})",
            )
            decision.warnings.append(
                f"possibly made by {excluded_suspects[0]}, but the evidence is weak "
                f"({identification.level.value}); check the device on site"
            )
        else:
            decision.warnings.append("maker not identified; check the device on site")
        return decision

    def _pending_unknown(self, decision: Decision) -> bool:
        """Make the decision unknown if an undecided OEM relation leads to an excluded maker.

        Every such relation is listed, each with the evidence that would settle it.
        """
        found = False
        for pending in decision.identification.pending:
            binding = self._pending_binding(pending, decision.identification)
            if binding:
                found = True
                text = self._pending_text(pending)
                decision.reasons += _possibly(binding, text)
                decision.warnings.append(text)
        if found:
            decision.verdict = Verdict.UNKNOWN
        return found

    def _pending_binding(self, pending: Pending, identification: Identification) -> list[Reason]:
        route = pending.status.relation.relation
        if route is Relation.FORMER_SUBSIDIARY:
            route = Relation.SUBSIDIARY
        return [
            r
            for r in self.reasons_for_maker(pending.maker_id, ())
            if r.severity is not RuleSeverity.ADVISORY and _route_allowed(self._rule(r), route)
        ]

    def _pending_text(self, pending: Pending) -> str:
        relation = pending.status.relation
        period = period_text(relation)
        return (
            f"{self.identifier.name(pending.brand_id)} sells products made by "
            f"{self.identifier.name(pending.maker_id)} ({relation.relation.value}, "
            f"{relation.confidence.value} confidence{', ' + period if period else ''}); "
            f"{pending.status.why}. To settle it: {pending.status.settle}"
        )

    def model_allowed(self, vendor_id: str) -> bool:
        """Whether a catalog model from ``vendor_id`` may be offered as a replacement.

        Every pack in force applies, including those that only govern what
        may be authorised, imported or marketed.
        """
        identification = self.identifier.identify(vendor_id, None)
        if identification.maker_id is None:
            identification.maker_id = vendor_id
            identification.confidence = 1.0
        decision = self.decide(identification)
        return decision.verdict is Verdict.ALLOWED and not decision.replacement_limits


def _reason(
    rule_set: RuleSet, rule: Rule, evidence: tuple[str, ...], maker_id: str, definite: bool = True
) -> Reason:
    return Reason(
        rule_set.rule_set_id,
        rule.rule_id,
        rule.severity,
        rule.description,
        rule.citation or rule_set.citation,
        evidence,
        maker_id,
        definite,
    )


def _possibly(reasons: list[Reason], why: str) -> list[Reason]:
    """The reasons a suspicion would give, worded as a possibility (the verdict is unknown)."""
    return [
        Reason(
            r.rule_set_id,
            r.rule_id,
            r.severity,
            r.description,
            r.citation,
            (f"possibly {r.evidence[0]}: {why}", *r.evidence[1:]),
            r.maker_id,
            definite=False,
        )
        for r in reasons
    ]


def _route_allowed(rule: Rule, relation: Relation) -> bool:
    if relation in _SUBSIDIARY_LIKE or relation is Relation.FORMER_SUBSIDIARY:
        return rule.include_subsidiaries
    if relation is Relation.AFFILIATE:
        return rule.include_affiliates
    return rule.include_oem


def _in_force(rule_set: RuleSet, as_of: date) -> bool:
    if rule_set.effective_from is not None and as_of < rule_set.effective_from:
        return False
    return rule_set.effective_until is None or as_of < rule_set.effective_until
