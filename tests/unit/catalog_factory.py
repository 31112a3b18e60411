"""Small hand-made catalogs, so matching tests do not depend on the shipped data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from specassist.domain.catalog import (
    Accessory,
    AccessoryKind,
    CameraModel,
    Catalog,
    CatalogInfo,
    FormFactor,
    LensType,
    Price,
    PriceType,
    Provenance,
    Resolution,
)

SOURCE = Provenance("test datasheet", "2026-11-27", True)


def model(vendor: str, name: str, form: str, width: int, hfov: float, **extra: Any) -> CameraModel:
    """A model with a fixed lens of ``hfov`` degrees unless ``hfov_min`` is given."""
    fields: dict[str, Any] = {
        "resolution": Resolution(width, width * 9 // 16),
        "hfov_max_deg": hfov,
        "hfov_min_deg": extra.pop("hfov_min", hfov),
        "lens_type": LensType.FIXED,
        "outdoor": False,
    }
    fields.update(extra)
    return CameraModel(vendor, name, FormFactor(form), SOURCE, **fields)


def accessory(
    vendor: str, part: str, kind: str, fits: str, adapts: str = "", **extra: Any
) -> Accessory:
    return Accessory(
        vendor,
        part,
        f"{kind} mount",
        AccessoryKind(kind),
        SOURCE,
        fits=(fits,) if fits else (),
        adapts_from=(adapts,) if adapts else (),
        **extra,
    )


def price(item: str, amount: str, currency: str = "GBP") -> Price:
    return Price(item, "list", currency, Decimal(amount), PriceType.INDICATIVE, SOURCE,
                 date(2026, 1, 1))  # fmt: skip


def catalog(
    models: list[CameraModel],
    accessories: list[Accessory] | None = None,
    prices: list[Price] | None = None,
) -> Catalog:
    return Catalog(
        CatalogInfo("test", "1", None),
        models=models,
        accessories=accessories or [],
        prices=prices or [],
    )
