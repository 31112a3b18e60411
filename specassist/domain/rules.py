"""Evaluate rule sets against an identification: excluded, allowed or unknown, with reasons.

A rule reaches equipment by who made it: a named maker, or (as the rule
allows) that maker's subsidiaries, affiliates and OEM-made products; or by
the country that controls the maker; or, for an approved-vendor policy, by
not being on the list. Rule sets apply from their effective date, so the
same camera can be allowed in 2019 and excluded in 2024.

"Unknown" is a first-class answer: when the maker cannot be established
well enough, or credible evidence points to an excluded maker that the
winning evidence does not, the camera goes to a site check instead of
being silently allowed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from specassist.domain.catalog import Catalog, Citation, Relation, Rule, RuleSet, RuleSeverity
from specassist.domain.identify import CONFLICT_FLOOR, Identification, Identifier


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


_SUBSIDIARY_LIKE = {Relation.SUBSIDIARY, Relation.VALUE_BRAND, Relation.JOINT_VENTURE}
_MIN_CONFIDENCE = 0.35
"""Below this (a lone "some products" OEM hint), a maker is a suspicion, not an identification."""


def chosen_rule_sets(catalog: Catalog, rule_set_ids: list[str] | None) -> list[RuleSet]:
    """The profile's rule sets (every non-template one when ``None``); unknown ids raise."""
    missing = set(rule_set_ids or []) - {r.rule_set_id for r in catalog.rule_sets}
    if missing:
        raise KeyError(f"unknown rule set(s): {', '.join(sorted(missing))}")
    if rule_set_ids is None:
        return [r for r in catalog.rule_sets if not r.template]
    return [r for r in catalog.rule_sets if r.rule_set_id in rule_set_ids]


class RuleEngine:
    """Decides verdicts under a profile (the chosen rule sets) as of a date."""

    def __init__(
        self, catalog: Catalog, rule_set_ids: list[str] | None = None, as_of: date | None = None
    ) -> None:
        self.identifier = Identifier(catalog)
        self.as_of = as_of or date.today()
        chosen = chosen_rule_sets(catalog, rule_set_ids)
        self.rule_sets = chosen
        self.in_force = [r for r in chosen if _in_force(r, self.as_of)]
        self._reach_cache: dict[tuple[str, str, str], str | None] = {}

    # ------------------------------------------------------------ reach of a rule

    def _how_rule_reaches(self, rule_set: RuleSet, rule: Rule, maker_id: str) -> str | None:
        """Why ``rule`` reaches equipment made by ``maker_id``, or None if it does not."""
        key = (rule_set.rule_set_id, rule.rule_id, maker_id)
        if key not in self._reach_cache:
            self._reach_cache[key] = self._reach(rule, maker_id)
        return self._reach_cache[key]

    def _reach(self, rule: Rule, maker_id: str) -> str | None:
        vendors = self.identifier.vendors
        vendor = vendors.get(maker_id)
        name = vendor.name if vendor else maker_id
        if maker_id in rule.makers:
            return f"made by {name}, named in the rule"
        chain = self._parents(maker_id)
        for parent in chain:
            if parent in rule.makers and (rule.include_subsidiaries or rule.include_affiliates):
                return f"{name} is owned by {vendors[parent].name}, named in the rule"
        if rule.control_countries and vendor is not None:
            country = vendor.control_country or vendor.country
            if country in rule.control_countries:
                return f"{name} is controlled from {country}"
        if rule.approved_vendors and maker_id not in rule.approved_vendors:
            return f"{name} is not on the approved-vendor list"
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

    def _oem_allowed(self, rule: Rule, relation: Relation) -> bool:
        if relation in _SUBSIDIARY_LIKE:
            return rule.include_subsidiaries
        if relation is Relation.AFFILIATE:
            return rule.include_affiliates
        return rule.include_oem  # oem, former_subsidiary: products the maker made

    # ------------------------------------------------------------ decisions

    def reasons_for_maker(self, maker_id: str, evidence: tuple[str, ...]) -> list[Reason]:
        reasons = []
        for rule_set in self.in_force:
            for rule in rule_set.rules:
                how = self._how_rule_reaches(rule_set, rule, maker_id)
                if how is not None:
                    reasons.append(
                        Reason(
                            rule_set.rule_set_id,
                            rule.rule_id,
                            rule.severity,
                            rule.description,
                            rule.citation or rule_set.citation,
                            (how, *evidence),
                            maker_id,
                        )
                    )
        return reasons

    def decide(self, identification: Identification) -> Decision:
        decision = Decision(Verdict.ALLOWED, identification, warnings=list(identification.warnings))
        for rule_set in self.rule_sets:
            if rule_set not in self.in_force:
                decision.warnings.append(
                    f"{rule_set.title}: not in force on {self.as_of.isoformat()}"
                )
        maker = identification.maker_id
        if maker is None or identification.confidence < _MIN_CONFIDENCE:
            suspects = sorted(identification.scores, key=lambda m: -identification.scores[m])
            excluded_suspects = [m for m in suspects if self._binding(m, identification)]
            decision.verdict = Verdict.UNKNOWN
            if excluded_suspects:
                decision.reasons = self._binding(excluded_suspects[0], identification)
                decision.warnings.append(
                    f"possibly made by {excluded_suspects[0]}, but the evidence is weak "
                    f"({identification.level.value}); check the camera on site"
                )
            else:
                decision.warnings.append("maker not identified; check the camera on site")
            return decision
        binding = self._binding(maker, identification)
        decision.advisories = [
            r for r in self._all(maker, identification) if r.severity is RuleSeverity.ADVISORY
        ]
        if binding:
            decision.verdict = Verdict.EXCLUDED
            decision.reasons = binding
            return decision
        vendor = self.identifier.vendors.get(maker)
        if vendor is not None and vendor.kind.value == "brand":
            # Only the label is known, and the brand sells others' products: if any of its
            # makers is excluded, this camera may be one of theirs.
            for relation in self.identifier.relations_of(maker):
                source = self.identifier.maker_of(relation.maker_id)
                if self._binding(source, identification):
                    decision.verdict = Verdict.UNKNOWN
                    decision.reasons = self._binding(source, identification)
                    decision.warnings.append(
                        f"{vendor.name} sells products made by {source} "
                        f"({relation.relation.value}, {relation.confidence.value} confidence); "
                        "check the camera's label, firmware or MAC on site"
                    )
                    return decision
        for other in identification.contenders(CONFLICT_FLOOR):
            if self._binding(other, identification):
                decision.verdict = Verdict.UNKNOWN
                decision.reasons = self._binding(other, identification)
                decision.warnings.append(
                    f"evidence also points to {other}, which the rules exclude; check on site"
                )
                return decision
        return decision

    def _all(self, maker: str, identification: Identification) -> list[Reason]:
        evidence = tuple(e.detail for e in identification.evidence if e.maker_id == maker)
        reasons = self.reasons_for_maker(maker, evidence)
        return [r for r in reasons if self._oem_route_ok(r, identification)]

    def _binding(self, maker: str, identification: Identification) -> list[Reason]:
        return [
            r for r in self._all(maker, identification) if r.severity is not RuleSeverity.ADVISORY
        ]

    def _oem_route_ok(self, reason: Reason, identification: Identification) -> bool:
        """A rule that excludes OEM-made products only counts OEM evidence when it allows it."""
        routes = {e.kind.value for e in identification.evidence if e.maker_id == reason.maker_id}
        if routes != {"oem_relation"}:
            return True
        rule = next(
            r
            for rs in self.in_force
            if rs.rule_set_id == reason.rule_set_id
            for r in rs.rules
            if r.rule_id == reason.rule_id
        )
        brand = identification.brand_id
        relations = [
            r
            for r in self.identifier.relations_of(brand)
            if self.identifier.maker_of(r.maker_id) == reason.maker_id
        ]
        return any(self._oem_allowed(rule, r.relation) for r in relations) or not relations

    def model_allowed(self, vendor_id: str) -> bool:
        """Whether a catalog model from ``vendor_id`` may be offered as a replacement."""
        identification = self.identifier.identify(vendor_id, None)
        if identification.maker_id is None:
            identification.maker_id = vendor_id
            identification.confidence = 1.0
        return self.decide(identification).verdict is Verdict.ALLOWED


def _in_force(rule_set: RuleSet, as_of: date) -> bool:
    if rule_set.effective_from is not None and as_of < rule_set.effective_from:
        return False
    return rule_set.effective_until is None or as_of < rule_set.effective_until
