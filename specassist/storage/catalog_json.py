"""Catalog rows as JSON objects and back, for the team database.

The team catalog keeps each row's content as one JSON object beside its key,
version and approval state, so a new column in ``models.csv`` needs no change
to the shared database: the object simply gains a field, and a row written by
an older SpecAssist reads back with the field's default. The conversion is
driven by the domain dataclasses' own type hints, so it cannot drift from them.

A row that cannot be read back (edited by hand into something else) raises
``RowFormatError`` naming the field, never a half-filled object.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any


class RowFormatError(ValueError):
    """A stored row whose content does not fit the catalog's types."""


def encode(item: Any) -> dict[str, Any]:
    """A catalog dataclass as plain JSON values (dates ISO, money as text, enums by value)."""
    return {f.name: _encode_value(getattr(item, f.name)) for f in dataclasses.fields(item)}


def _encode_value(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return encode(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_encode_value(v) for v in value]
    return value


def digest(content: dict[str, Any] | None) -> str:
    """A fingerprint of a row's content, so a publish compares rows without reading them."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def decode(cls: type[Any], data: Any) -> Any:
    """The ``cls`` instance ``data`` describes; missing optional fields take their defaults."""
    if not isinstance(data, dict):
        raise RowFormatError(f"expected an object for {cls.__name__}, found {type(data).__name__}")
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):
        if field.name not in data:
            continue  # written by an older SpecAssist: the dataclass default applies
        try:
            values[field.name] = _decode_value(_hints(cls)[field.name], data[field.name])
        except (TypeError, ValueError, KeyError) as exc:
            raise RowFormatError(f"{cls.__name__}.{field.name}: {exc}") from exc
    try:
        return cls(**values)
    except TypeError as exc:  # a required field is missing
        raise RowFormatError(f"{cls.__name__}: {exc}") from exc


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def _decode_value(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        return _decode_value(options[0], value)
    if origin is tuple:
        inner = typing.get_args(hint)[0]
        if not isinstance(value, list):
            raise TypeError(f"expected a list, found {value!r}")
        return tuple(_decode_value(inner, v) for v in value)
    if origin is list:  # only JSON-shaped lists (provisions are dataclasses: see tuple)
        return list(value)
    if dataclasses.is_dataclass(hint):
        return decode(typing.cast(type[Any], hint), value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if hint is Decimal:
        return Decimal(str(value))
    if hint is date:
        return date.fromisoformat(str(value))
    if hint is bool:
        if not isinstance(value, bool):
            raise TypeError(f"expected true or false, found {value!r}")
        return value
    if hint is float:
        return float(value)
    if hint is int:
        if isinstance(value, bool) or int(value) != value:
            raise TypeError(f"expected a whole number, found {value!r}")
        return int(value)
    if hint is str:
        if not isinstance(value, str):
            raise TypeError(f"expected text, found {value!r}")
        return value
    raise TypeError(f"no JSON form for {hint!r}")
