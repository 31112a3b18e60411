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
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any


class RowFormatError(ValueError):
    """A stored row whose content does not fit the catalog's types."""


Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


def encode(item: Any) -> dict[str, Any]:
    """A catalog dataclass as plain JSON values (dates ISO, money as text, enums by value)."""
    return {name: code(getattr(item, name)) for name, code in _encoders(type(item))}


def digest(content: dict[str, Any] | None) -> str:
    """A fingerprint of a row's content, so a publish compares rows without reading them."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def decode(cls: type[Any], data: Any) -> Any:
    """The ``cls`` instance ``data`` describes; missing optional fields take their defaults."""
    if not isinstance(data, dict):
        raise RowFormatError(f"expected an object for {cls.__name__}, found {type(data).__name__}")
    values: dict[str, Any] = {}
    for name, code in _decoders(cls):
        if name not in data:
            continue  # written by an older SpecAssist: the dataclass default applies
        try:
            values[name] = code(data[name])
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            raise RowFormatError(f"{cls.__name__}.{name}: {exc}") from exc
    try:
        return cls(**values)
    except TypeError as exc:  # a required field is missing
        raise RowFormatError(f"{cls.__name__}: {exc}") from exc


# One encoder and one decoder per field, worked out once per class from its type hints:
# reading 20,000 models calls them about a million times.
_ENCODERS: dict[type[Any], list[tuple[str, Encoder]]] = {}
_DECODERS: dict[type[Any], list[tuple[str, Decoder]]] = {}


def _encoders(cls: type[Any]) -> list[tuple[str, Encoder]]:
    return _plan(cls, _ENCODERS, _encoder)


def _decoders(cls: type[Any]) -> list[tuple[str, Decoder]]:
    return _plan(cls, _DECODERS, _decoder)


def _plan(
    cls: type[Any],
    plans: dict[type[Any], list[tuple[str, Callable[[Any], Any]]]],
    make: Callable[[Any], Callable[[Any], Any]],
) -> list[tuple[str, Callable[[Any], Any]]]:
    plan = plans.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        plan = plans[cls] = [(f.name, make(hints[f.name])) for f in dataclasses.fields(cls)]
    return plan


def _same(value: Any) -> Any:
    return value


def _optional(code: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda v: None if v is None else code(v)


def _wrapper(hint: Any) -> tuple[str, Any]:
    """("optional", X) for ``X | None``, ("tuple", X) for ``tuple[X, ...]``, else ("", hint)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return "optional", next(a for a in typing.get_args(hint) if a is not type(None))
    if origin is tuple:
        return "tuple", typing.get_args(hint)[0]
    return "", hint


def _encoder(hint: Any) -> Encoder:
    wrapper, inner = _wrapper(hint)
    if wrapper == "optional":
        return _optional(_encoder(inner))
    if wrapper == "tuple":
        item = _encoder(inner)
        return lambda v: [item(x) for x in v]
    if dataclasses.is_dataclass(hint):
        return encode
    if isinstance(hint, type) and issubclass(hint, Enum):
        return lambda v: v.value
    if hint is Decimal:
        return str
    if hint is date:
        return lambda v: v.isoformat()
    return _same  # str, int, float, bool, and JSON-shaped lists and dicts


def _decoder(hint: Any) -> Decoder:
    wrapper, inner = _wrapper(hint)
    if wrapper == "optional":
        return _optional(_decoder(inner))
    if wrapper == "tuple":
        item = _decoder(inner)
        return lambda v: tuple(item(x) for x in _listed(v))
    if typing.get_origin(hint) is list:
        return list
    if dataclasses.is_dataclass(hint):
        cls = typing.cast(type[Any], hint)
        return lambda v: decode(cls, v)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return typing.cast(Decoder, hint)
    if hint is Decimal:
        return lambda v: Decimal(str(v))
    if hint is date:
        return lambda v: date.fromisoformat(str(v))
    simple: dict[Any, Decoder] = {bool: _bool, float: float, int: _int, str: _str}
    if hint in simple:
        return simple[hint]
    raise TypeError(f"no JSON form for {hint!r}")


def _listed(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, found {value!r}")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, found {value!r}")
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or int(value) != value:
        raise TypeError(f"expected a whole number, found {value!r}")
    return int(value)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {value!r}")
    return value
