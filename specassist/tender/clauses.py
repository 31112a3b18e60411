"""Clause sets: the tender package's words per jurisdiction, kept as data the user can edit.

A clause set is a TOML file in ``resources/clauses`` (``uk-public``,
``us-federal``, ``private``) or any file the user passes. It says how the
package looks (page size, date style, layout, the word for a bidder), which
sections each part holds, and the text of each, with the instruments it
cites. ``extends`` starts from another set and replaces what differs: tables
merge key by key, a ``[[section]]``, ``[[constraint]]`` or ``[[source]]``
with the same key or id replaces the inherited one.

Errors name the file and the key, so an edited copy that breaks says where.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from specassist.domain.project_settings import Layout
from specassist.tender.document import DateStyle, PackagePart, PageSize, Part

JURISDICTIONS = ("uk-public", "us-federal", "private")

CRITERIA = ("price", "quality", "social_value", "past_performance")
"""Criteria a clause set may weight (its ``[evaluation]`` table), in the order they are printed."""


class ClauseError(ValueError):
    """A clause file that cannot be used, with the file and key that are wrong."""


@dataclass(frozen=True)
class Source:
    source_id: str
    title: str
    url: str
    date: date | None
    checked: bool


@dataclass(frozen=True)
class ClauseSection:
    key: str
    part: PackagePart
    spec_part: Part
    title: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SiteConstraint:
    key: str
    title: str
    keywords: tuple[str, ...]
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    page: PageSize
    dates: DateStyle
    layout: Layout
    spelling: str
    currency: str
    tax_name: str
    tax_pct: Decimal
    bidder: str
    bidders: str
    csi_section: str
    work_section: str
    work_section_title: str
    validity_days: int
    climate: Climate = field(default_factory=lambda: Climate())


@dataclass(frozen=True)
class Climate:
    """Operating temperatures the specification asks for where the survey says indoor or
    outdoor, with what they rest on; a site whose climate is harsher says so in its notes."""

    outdoor_c: tuple[float, float] = (-30.0, 50.0)
    indoor_c: tuple[float, float] = (0.0, 40.0)
    basis: str = ""
    checked: bool = False


@dataclass(frozen=True)
class ClauseSet:
    set_id: str
    title: str
    version: str
    date: date | None
    verified: bool
    notes: str
    profile: Profile
    parts: dict[PackagePart, tuple[str, str]]
    """Letter and heading of each part."""
    order: dict[PackagePart, tuple[str, ...]]
    sources: dict[str, Source]
    sections: dict[str, ClauseSection]
    constraints: tuple[SiteConstraint, ...]
    tables: dict[str, dict[str, Any]]
    """``timetable``, ``evaluation``, ``form``, ``attestation``, ``acceptance``, ``titles``."""
    path: Path

    def table(self, name: str) -> dict[str, Any]:
        return self.tables.get(name, {})

    def heading(self, key: str, default: str) -> str:
        """A built section's heading, as the set words it (``[titles]``) or the default."""
        return str(self.tables.get("titles", {}).get(key, default))

    def criteria(self) -> tuple[tuple[str, int], ...]:
        """(criterion, %) for each criterion the set's ``[evaluation]`` table names, zero
        weights included: the choices a user may re-weight."""
        table = self.table("evaluation")
        return tuple((name, int(table[name])) for name in CRITERIA if name in table)

    @property
    def label(self) -> str:
        return f"{self.title}, clause set {self.set_id} version {self.version}"


def criterion_name(key: str) -> str:
    """``social_value`` → "Social value", as the tender prints it."""
    return key.replace("_", " ").capitalize()


def checked_weights(chosen: dict[str, int]) -> list[tuple[str, int]]:
    """The weighted criteria in print order, zero weights left out.

    Raises ValueError for a criterion no clause set knows or weights that do not add up
    to 100, so a typo never reaches bidders.
    """
    unknown = sorted(set(chosen) - set(CRITERIA))
    if unknown:
        raise ValueError(f"unknown evaluation criteria {unknown}; use {', '.join(CRITERIA)}")
    out = [(name, chosen[name]) for name in CRITERIA if chosen.get(name)]
    total = sum(weight for _, weight in out)
    if total != 100:
        raise ValueError(f"evaluation weights add up to {total}%, not 100%: {dict(out)}")
    return out


def clauses_dir() -> Path:
    from specassist.resources import resources_dir

    return resources_dir() / "clauses"


def load(name_or_path: str | Path) -> ClauseSet:
    """A shipped set by name (``uk-public``) or a user's file by path."""
    path = Path(name_or_path)
    if str(name_or_path) in JURISDICTIONS:
        path = clauses_dir() / f"{name_or_path}.toml"
    return _build(_merged(path, depth=0), path)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ClauseError(f"{path}: cannot read the clause file: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ClauseError(f"{path}: {exc}") from exc


_KEYED = {"section": "key", "constraint": "key", "source": "id"}


def _merged(path: Path, depth: int) -> dict[str, Any]:
    data = _read(path)
    parent = data.get("meta", {}).get("extends")
    if not parent:
        return data
    if depth > 4:
        raise ClauseError(f"{path}: meta.extends goes more than 4 files deep")
    base = _merged(path.with_name(f"{parent}.toml"), depth + 1)
    for name, value in data.items():
        if name in _KEYED:
            key = _KEYED[name]
            mine = {item.get(key): item for item in value}
            inherited = [mine.pop(item.get(key), item) for item in base.get(name, [])]
            base[name] = inherited + list(mine.values())
        elif isinstance(value, dict):
            base[name] = {**base.get(name, {}), **value}
        else:
            base[name] = value
    return base


def _need(table: dict[str, Any], key: str, where: str, path: Path) -> Any:
    if key not in table:
        raise ClauseError(f"{path}: {where}.{key} is missing")
    return table[key]


def _date(text: Any, where: str, path: Path) -> date | None:
    if text in (None, ""):
        return None
    try:
        return text if isinstance(text, date) else date.fromisoformat(str(text))
    except ValueError as exc:
        raise ClauseError(f"{path}: {where}: '{text}' is not a date (YYYY-MM-DD)") from exc


def _profile(table: dict[str, Any], path: Path) -> Profile:
    def get(key: str) -> Any:
        return _need(table, key, "profile", path)

    try:
        return Profile(
            PageSize(get("page")), DateStyle(get("dates")), Layout(get("layout")),
            str(get("spelling")), str(get("currency")), str(get("tax_name")),
            Decimal(str(get("tax_pct"))), str(get("bidder")), str(get("bidders")),
            str(get("csi_section")), str(table.get("work_section", "")),
            str(table.get("work_section_title", "")), int(get("validity_days")),
            _climate(table.get("climate", {}), path),
        )  # fmt: skip
    except (ValueError, InvalidOperation) as exc:
        raise ClauseError(f"{path}: profile: {exc}") from exc


def _climate(table: dict[str, Any], path: Path) -> Climate:
    """``[profile.climate]``: outdoor and indoor ranges (°C) and their basis."""
    default = Climate()
    try:
        outdoor = tuple(float(v) for v in table.get("outdoor_c", default.outdoor_c))
        indoor = tuple(float(v) for v in table.get("indoor_c", default.indoor_c))
    except (TypeError, ValueError) as exc:
        raise ClauseError(f"{path}: profile.climate: {exc}") from exc
    if len(outdoor) != 2 or len(indoor) != 2 or outdoor[0] >= outdoor[1] or indoor[0] >= indoor[1]:
        raise ClauseError(f"{path}: profile.climate: each range is [lowest, highest] in °C")
    return Climate((outdoor[0], outdoor[1]), (indoor[0], indoor[1]), str(table.get("basis", "")),
                   bool(table.get("checked", False)))  # fmt: skip


def _build(data: dict[str, Any], path: Path) -> ClauseSet:
    meta = _need(data, "meta", "", path)
    sources = {
        str(s["id"]): Source(str(s["id"]), str(s["title"]), str(s.get("url", "")),
                             _date(s.get("date"), f"source {s['id']}", path),
                             bool(s.get("checked", False)))
        for s in data.get("source", [])
    }  # fmt: skip
    sections: dict[str, ClauseSection] = {}
    for raw in data.get("section", []):
        key = str(_need(raw, "key", "section", path))
        try:
            part = PackagePart(raw.get("part", "specification"))
            spec_part = Part(str(raw.get("spec_part", "general")).capitalize())
        except ValueError as exc:
            raise ClauseError(f"{path}: section {key}: {exc}") from exc
        missing = [s for s in raw.get("sources", []) if s not in sources]
        if missing:
            raise ClauseError(f"{path}: section {key} cites unknown source(s) {missing}")
        sections[key] = ClauseSection(
            key, part, spec_part, str(_need(raw, "title", f"section {key}", path)),
            tuple(raw.get("paragraphs", ())), tuple(raw.get("bullets", ())),
            tuple(raw.get("sources", ())),
        )  # fmt: skip
    parts: dict[PackagePart, tuple[str, str]] = {}
    for name, value in _need(data, "parts", "", path).items():
        try:
            parts[PackagePart(name)] = (str(value[0]), str(value[1]))
        except (ValueError, IndexError) as exc:
            raise ClauseError(f"{path}: parts.{name}: {exc}") from exc
    order = {PackagePart(name): tuple(keys) for name, keys in data.get("package", {}).items()}
    constraints = tuple(
        SiteConstraint(str(c["key"]), str(c["title"]),
                       tuple(k.lower() for k in c.get("keywords", ())),
                       tuple(c.get("paragraphs", ())))
        for c in data.get("constraint", [])
    )  # fmt: skip
    tables = {
        name: data.get(name, {})
        for name in ("timetable", "evaluation", "form", "attestation", "acceptance", "titles")
    }
    return ClauseSet(
        str(_need(meta, "id", "meta", path)), str(_need(meta, "title", "meta", path)),
        str(_need(meta, "version", "meta", path)), _date(meta.get("date"), "meta.date", path),
        bool(meta.get("verified", False)), str(meta.get("notes", "")),
        _profile(_need(data, "profile", "", path), path), parts, order, sources, sections,
        constraints, tables, path,
    )  # fmt: skip
