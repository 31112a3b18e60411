"""The cameras of the selected recorder: what each sends and stores, and what the retained
platform asks of its replacement."""

from __future__ import annotations

from typing import ClassVar

from specassist.domain import formatting as fmt
from specassist.domain.recording_groups import StreamLine
from specassist.ui.models.plan_rows import Column, PlanRowsModel


class SystemStreamsModel(PlanRowsModel):
    COLUMNS: ClassVar[tuple[Column, ...]] = (
        Column("Tag", lambda s: s.tag),
        Column("Status", lambda s: s.status.value),
        Column("Picture from", lambda s: s.basis),
        Column("Bit rate", lambda s: fmt.bitrate(s.demand.bitrate_mbps), numeric=True),
        Column("Storage", lambda s: fmt.storage(s.demand.storage_tb), numeric=True),
        Column("Recorded by what stays", lambda s: s.vms.text if s.vms else ""),
    )

    def tooltip(self, row: StreamLine) -> str | None:
        return row.demand.note
