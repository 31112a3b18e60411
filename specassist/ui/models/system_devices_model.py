"""Excluded devices that are not cameras, and what takes their place."""

from __future__ import annotations

from typing import ClassVar

from specassist.domain.device_scope import DevicePath
from specassist.ui.models.plan_rows import Column, PlanRowsModel


class SystemDevicesModel(PlanRowsModel):
    COLUMNS: ClassVar[tuple[Column, ...]] = (
        Column("Tag", lambda d: d.tag),
        Column("Site", lambda d: d.site),
        Column("Class", lambda d: d.device_class.value.replace("_", " ")),
        Column("Existing", lambda d: d.existing),
        Column("Replaced by", lambda d: d.action),
        Column("Priced as", lambda d: "provisional sum" if d.provisional else "recorder line"),
        Column("Phase", lambda d: d.phase),
    )

    def tooltip(self, row: DevicePath) -> str | None:
        return "\n".join(f"{k}: {v}" for k, v in row.performance) or None
