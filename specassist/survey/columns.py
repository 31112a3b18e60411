"""Decide what a column holds from its values when its header says something else.

Tool exports name columns their own way: Hikvision SADP calls the model
"Device Type", Dahua ConfigTool's "Type" holds IPC/SD/NVR/VTO, a VMS calls a
distance "Field of View Target", and "Status" means Active or Online rather
than survey progress. Rather than one rule per tool, each column's first rows
are classified by shape (MAC, IP, model number, device-type word, status word,
length with a unit), and a column whose values plainly contradict its header,
or that has no header match at all, is given the field its values show. Every
such decision becomes an info issue naming the column and the evidence, and a
mapping the user chose by hand is never changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from specassist.domain.device_words import (
    is_device_state_word,
    is_device_type_word,
    is_model_number,
)
from specassist.domain.units import Kind, QuantityParseError, parse_quantity
from specassist.domain.values import (
    ValueParseError,
    is_form_word,
    is_survey_status,
    parse_ip,
    parse_mac,
)
from specassist.survey.headers import ColumnMapping, Field

SAMPLE_ROWS = 200
"""Data rows looked at per column: enough to see every kind in a real export, cheap on 1.5 M."""

DOMINANT = 0.6
"""Share of a column's values that must show one shape before it decides the column.

With 5 devices, 3 must agree; a survey with a few typed-in notes among model
numbers still counts as a model column.
"""


def _succeeds(parse: Callable[[str], object]) -> Callable[[str], bool]:
    def test(text: str) -> bool:
        try:
            parse(text)
        except (ValueParseError, QuantityParseError, ValueError):
            return False
        return True

    return test


def _with_unit(kind: Kind) -> Callable[[str], bool]:
    def test(text: str) -> bool:
        try:
            return not parse_quantity(text, kind).unit_assumed
        except (QuantityParseError, ValueError, OverflowError):
            return False

    return test


_SHAPES: dict[str, Callable[[str], bool]] = {
    "mac": _succeeds(parse_mac),
    "ip": _succeeds(parse_ip),
    "model": is_model_number,
    "device_type": is_device_type_word,
    "device_state": is_device_state_word,
    "survey_status": is_survey_status,
    "form": is_form_word,
    "length": _with_unit(Kind.DISTANCE),
}


@dataclass(slots=True)
class ColumnProfile:
    """How many of a column's sampled values show each shape, with one example each."""

    values: int = 0
    shapes: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def share(self, shape: str) -> float:
        return self.shapes[shape] / self.values if self.values else 0.0

    def dominant(self, *shapes: str) -> str | None:
        best = max(shapes, key=self.share)
        return best if self.share(best) >= DOMINANT else None


def profile_column(rows: list[tuple[int, list[str]]], index: int) -> ColumnProfile:
    profile = ColumnProfile()
    for _, cells in rows[:SAMPLE_ROWS]:
        text = cells[index].strip() if index < len(cells) else ""
        if not text or len(text) > 200:
            continue
        profile.values += 1
        for shape, test in _SHAPES.items():
            if test(text):
                profile.shapes[shape] += 1
                profile.examples.setdefault(shape, text)
    return profile


_SHAPE_FIELD = {
    "mac": Field.MAC,
    "ip": Field.IP_ADDRESS,
    "model": Field.MODEL,
    "device_type": Field.DEVICE_TYPE,
    "device_state": Field.DEVICE_STATE,
}
_SHAPE_WORDS = {
    "mac": "MAC addresses",
    "ip": "IP addresses",
    "model": "model numbers",
    "device_type": "device types",
    "device_state": "device states",
    "length": "distances with a unit",
    "survey_status": "survey statuses",
}
# Headers whose addresses are not the device's own.
_NOT_THE_DEVICE = ("mask", "gateway", "dns", "server", "recorder", "nvr", "router", "ntp")


def _length_field(header: str) -> Field:
    words = header.lower()
    if "height" in words:
        return Field.HEIGHT
    if "width" in words:
        return Field.SCENE_WIDTH
    return Field.TARGET_DISTANCE


def _by_values(fld: Field | None, header: str, profile: ColumnProfile) -> tuple[Field, str] | None:
    """(field, shape) the values call for, when they contradict the header (or it names none)."""
    if fld is None:
        shape = profile.dominant("mac", "ip", "model", "device_type", "device_state")
        if shape in ("ip", "mac") and any(w in header.lower() for w in _NOT_THE_DEVICE):
            return None
        return None if shape is None else (_SHAPE_FIELD[shape], shape)
    if fld in (Field.FORM_FACTOR, Field.DEVICE_TYPE, Field.STATUS, Field.MAKE, Field.LOCATION):
        fits = {Field.FORM_FACTOR: "form", Field.DEVICE_TYPE: "device_type"}.get(fld)
        if fits is not None and profile.share(fits) >= 0.5:
            return None
        if fld is Field.STATUS:
            if profile.share("survey_status") >= 0.5:
                return None
            return Field.DEVICE_STATE, "device_state"
        shape = profile.dominant("model", "device_type")
        if fld in (Field.MAKE, Field.LOCATION) and shape != "model":
            return None
        return None if shape is None else (_SHAPE_FIELD[shape], shape)
    if fld is Field.HFOV and profile.dominant("length"):
        return _length_field(header), "length"
    if fld is Field.MAC and profile.dominant("ip") and not profile.share("mac"):
        return Field.IP_ADDRESS, "ip"
    if fld is Field.IP_ADDRESS and profile.dominant("mac") and not profile.share("ip"):
        return Field.MAC, "mac"
    return None


def assign_by_values(
    mapping: ColumnMapping, rows: list[tuple[int, list[str]]], chosen: set[int]
) -> list[str]:
    """Move columns to the field their values show; returns one explanation per change.

    ``chosen`` are the column indexes the user mapped by hand: left alone.
    """
    notes: list[str] = []
    current = {index: fld for fld, index in mapping.fields.items()}
    columns = sorted(set(current) | set(mapping.extra))
    for index in columns:
        if index in chosen:
            continue
        header = mapping.headers[index].strip() if index < len(mapping.headers) else ""
        profile = profile_column(rows, index)
        if not profile.values:
            continue
        verdict = _by_values(current.get(index), header, profile)
        if verdict is None:
            continue
        target, shape = verdict
        evidence = (
            f"{profile.shapes[shape] if shape != 'device_state' else profile.values} of "
            f"{profile.values} values are {_SHAPE_WORDS.get(shape, shape)}"
        )
        example = profile.examples.get(shape)
        if example:
            evidence += f" (e.g. {example!r})"
        if target in mapping.fields and mapping.fields[target] != index:
            if index in current:
                notes.append(
                    f"column {header!r}: {evidence}, but {target.value} is already read from "
                    f"{mapping.headers[mapping.fields[target]].strip()!r}; kept as an extra column"
                )
                _to_extra(mapping, index, current)
            continue
        was = current.get(index)
        _move(mapping, index, target, current)
        before = f"instead of {was.value}" if was else "(it would have been an extra column)"
        notes.append(f"column {header!r} read as {target.value} {before}: {evidence}")
    return notes


def _to_extra(mapping: ColumnMapping, index: int, current: dict[int, Field]) -> None:
    fld = current.pop(index)
    del mapping.fields[fld]
    mapping.extra[index] = mapping.headers[index].strip()
    mapping.extra = dict(sorted(mapping.extra.items()))


def _move(mapping: ColumnMapping, index: int, target: Field, current: dict[int, Field]) -> None:
    old = current.pop(index, None)
    if old is not None:
        del mapping.fields[old]
    mapping.extra.pop(index, None)
    mapping.fields[target] = index
    current[index] = target
