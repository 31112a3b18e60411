"""Read rule sets from ``catalog/rules/*.toml``.

TOML gives structure (a rule set holds rules, each with lists and a citation)
that a CSV cannot. ``tomllib`` reports syntax errors with a line; for errors
in the content the line of the offending key is found in the text, so every
problem still points at file:line.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from specassist.domain.catalog import (
    Citation,
    Provision,
    ProvisionKind,
    Rule,
    RuleSet,
    RuleSeverity,
)
from specassist.domain.issues import InputIssue, Severity

_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


class _Context:
    def __init__(self, name: str, text: str, issues: list[InputIssue]) -> None:
        self.name = name
        self.lines = text.splitlines()
        self.issues = issues

    def line_of(self, key: str, after: int = 0) -> int | None:
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number, line in enumerate(self.lines[after:], start=after + 1):
            if pattern.match(line):
                return number
        return None

    def error(self, key: str, message: str, after: int = 0, value: object = None) -> None:
        self.issues.append(
            InputIssue(
                Severity.ERROR,
                message,
                self.name,
                self.line_of(key, after),
                key,
                None if value is None else str(value),
            )
        )


def _text(
    ctx: _Context, table: dict[str, Any], key: str, after: int, required: bool = True
) -> str | None:
    value = table.get(key)
    if value is None:
        if required:
            ctx.issues.append(
                InputIssue(Severity.ERROR, "a value is required", ctx.name, after or None, key)
            )
        return None
    if not isinstance(value, str):
        ctx.error(key, "expected text in quotes", after, value)
        return None
    return value


def _strings(ctx: _Context, table: dict[str, Any], key: str, after: int) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        ctx.error(key, 'expected a list of text such as ["hikvision", "dahua"]', after, value)
        return ()
    return tuple(value)


def _flag(ctx: _Context, table: dict[str, Any], key: str, after: int, default: bool) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        ctx.error(key, "expected true or false", after, value)
        return default
    return value


def _day(ctx: _Context, table: dict[str, Any], key: str, after: int) -> date | None:
    value = table.get(key)
    if value is None or (isinstance(value, date) and not hasattr(value, "hour")):
        return value
    ctx.error(key, "expected a date written as 2019-08-13 (no quotes)", after, value)
    return None


def _citation(ctx: _Context, table: Any, after: int) -> Citation | None:
    if table is None:
        return None
    if not isinstance(table, dict):
        ctx.error("citation", "expected a table with title, url and date", after)
        return None
    title = _text(ctx, table, "title", after)
    return Citation(
        title or "",
        _text(ctx, table, "url", after, required=False),
        _day(ctx, table, "date", after),
        _flag(ctx, table, "verified", after, False),
    )


def _rule(ctx: _Context, table: dict[str, Any], after: int, seen: set[str]) -> Rule | None:
    rule_id = _text(ctx, table, "id", after) or ""
    if rule_id in seen:
        ctx.error("id", f"duplicate rule id '{rule_id}'", after, rule_id)
    seen.add(rule_id)
    severity_text = _text(ctx, table, "severity", after) or ""
    try:
        severity = RuleSeverity(severity_text)
    except ValueError:
        ctx.error(
            "severity",
            "expected one of: " + ", ".join(s.value for s in RuleSeverity),
            after,
            severity_text,
        )
        return None
    return Rule(
        rule_id=rule_id,
        description=_text(ctx, table, "description", after) or "",
        severity=severity,
        makers=_strings(ctx, table, "makers", after),
        include_subsidiaries=_flag(ctx, table, "include_subsidiaries", after, True),
        include_affiliates=_flag(ctx, table, "include_affiliates", after, True),
        include_oem=_flag(ctx, table, "include_oem", after, True),
        control_countries=_strings(ctx, table, "control_countries", after),
        components=_strings(ctx, table, "components", after),
        approved_vendors=_strings(ctx, table, "approved_vendors", after),
        citation=_citation(ctx, table.get("citation"), after),
        effective_from=_day(ctx, table, "effective_from", after),
    )


def _provision(ctx: _Context, table: dict[str, Any], after: int) -> Provision | None:
    kind_text = _text(ctx, table, "kind", after) or ""
    try:
        kind = ProvisionKind(kind_text)
    except ValueError:
        expected = ", ".join(k.value for k in ProvisionKind)
        ctx.error("kind", f"expected one of: {expected}", after, kind_text)
        return None
    return Provision(
        _text(ctx, table, "id", after) or "",
        kind,
        _text(ctx, table, "text", after) or "",
        _citation(ctx, table.get("citation"), after),
        _day(ctx, table, "effective_from", after),
    )


def _tables(ctx: _Context, data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    """The ``[[key]]`` tables with the line after each header, for error positions."""
    tables = data.get(key, [])
    starts = [n for n, line in enumerate(ctx.lines) if line.strip() == f"[[{key}]]"]
    if not isinstance(tables, list):
        return []
    return [(starts[i] + 1 if i < len(starts) else 0, t) for i, t in enumerate(tables)]


def load_rule_set(path: Path, issues: list[InputIssue], name: str | None = None) -> RuleSet | None:
    """Parse one rule-set file; problems go to ``issues`` and give None."""
    name = name or f"rules/{path.name}"
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _AT_LINE.search(str(exc))
        line = int(match.group(1)) if match else None
        message = _AT_LINE.sub("", str(exc)).strip()
        issues.append(InputIssue(Severity.ERROR, f"TOML syntax: {message}", name, line))
        return None
    ctx = _Context(name, text, issues)
    head = data.get("rule_set")
    if not isinstance(head, dict):
        issues.append(InputIssue(Severity.ERROR, "a [rule_set] table is required", name, 1))
        return None
    before = len(issues)
    rule_tables = data.get("rules", [])
    rules: list[Rule] = []
    seen: set[str] = set()
    for after, table in _tables(ctx, data, "rules"):
        if (rule := _rule(ctx, table, after, seen)) is not None:
            rules.append(rule)
    provisions = [
        provision
        for after, table in _tables(ctx, data, "provisions")
        if (provision := _provision(ctx, table, after)) is not None
    ]
    if not rule_tables:
        issues.append(
            InputIssue(Severity.ERROR, "at least one [[rules]] table is required", name, None)
        )
    citation = _citation(ctx, head.get("citation"), 0)
    if citation is None:
        issues.append(InputIssue(Severity.ERROR, "[rule_set.citation] is required", name, None))
    rule_set = RuleSet(
        rule_set_id=_text(ctx, head, "id", 0) or path.stem,
        title=_text(ctx, head, "title", 0) or "",
        jurisdiction=_text(ctx, head, "jurisdiction", 0) or "",
        authority=_text(ctx, head, "authority", 0) or "",
        citation=citation or Citation(""),
        effective_from=_day(ctx, head, "effective_from", 0),
        rules=tuple(rules),
        effective_until=_day(ctx, head, "effective_until", 0),
        notes=_text(ctx, head, "notes", 0, required=False),
        template=_flag(ctx, head, "template", 0, False),
        version=_text(ctx, head, "version", 0, required=False),
        reviewed=_day(ctx, head, "reviewed", 0),
        optional=_flag(ctx, head, "optional", 0, False),
        applies_to_installed=_flag(ctx, head, "applies_to_installed", 0, True),
        provisions=tuple(provisions),
    )
    if not rule_set.template and (rule_set.version is None or rule_set.reviewed is None):
        issues.append(
            InputIssue(
                Severity.WARNING,
                "no version or review date: outputs will show the rule set as unreviewed",
                name,
                ctx.line_of("id"),
                "version" if rule_set.version is None else "reviewed",
            )
        )
    has_errors = any(i.severity is Severity.ERROR for i in issues[before:])
    return None if has_errors else rule_set
