"""The System tab's recorders: each group of cameras, what it needs and what records it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from specassist.domain import formatting as fmt
from specassist.domain.recording_groups import RecorderGroup
from specassist.ui.models.plan_rows import Column, PlanRowsModel


def _chosen(group: RecorderGroup, names: Mapping[str, str]) -> str:
    model, choice = group.model, group.choice
    if model is not None and choice is not None:
        count = f"{choice.units} × " if choice.units > 1 else ""
        return f"{count}{names.get(model.vendor_id, model.vendor_id)} {model.model}"
    return "retained" if choice is None else "none in the catalog fits"


def _licences(group: RecorderGroup) -> str:
    licence = group.licences
    if licence is None:
        return ""
    return f"{licence.quantity} × {licence.item}"


class SystemRecordersModel(PlanRowsModel):
    COLUMNS: ClassVar[tuple[Column, ...]] = (
        Column("Site", lambda g: g.site),
        Column("Recorder", lambda g: g.name),
        Column("Action", lambda g: g.action.value),
        Column("Cameras", lambda g: str(g.demand.channels), numeric=True),
        Column("Incoming", lambda g: fmt.bitrate(g.demand.incoming_mbps), numeric=True),
        Column("Video stored", lambda g: fmt.storage(g.demand.stored_tb), numeric=True),
        Column("Raw disk", lambda g: fmt.storage(g.demand.raw_tb), numeric=True),
        Column("Recorded by", _chosen, names=True),
        Column("Licences", _licences),
        Column("Phase", lambda g: g.phase),
    )

    def tooltip(self, row: RecorderGroup) -> str:
        lines = [row.why]
        if row.choice is not None:
            lines += [row.choice.reason, *row.choice.caveats]
        return "\n".join(lines)
