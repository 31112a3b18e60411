"""Sort and filter the survey table by site, status and free text, without copying rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from specassist.ui.models.filtering import refilter
from specassist.ui.models.survey_table_model import SORT_ROLE, SurveyTableModel


class SurveyFilter(QSortFilterProxyModel):
    def __init__(self, source: SurveyTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.site: str | None = None
        self.status: str | None = None
        self.text = ""

    def set_filters(
        self, site: str | None = None, status: str | None = None, text: str = ""
    ) -> None:
        def change() -> None:
            self.site, self.status = site or None, status or None
            self.text = text.strip().lower()

        refilter(self, change)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        return self._source.accepts(source_row, self.site, self.status, self.text)
