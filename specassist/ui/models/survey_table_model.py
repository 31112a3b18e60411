"""The survey table: an adapter over a plain list of StoredCamera, read-only for now."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from specassist.domain import formatting as fmt
from specassist.domain.formatting import UnitSystem
from specassist.domain.survey import SurveyCamera
from specassist.storage.survey_store import StoredCamera

Index = QModelIndex | QPersistentModelIndex


def _text(value: str | None) -> str:
    return value if value else ""


def _columns(system: UnitSystem) -> list[tuple[str, Callable[[SurveyCamera], str]]]:
    return [
        ("Tag", lambda c: c.display_tag),
        ("Site", lambda c: _text(c.site)),
        ("Location", lambda c: _text(c.location)),
        ("Make", lambda c: _text(c.make)),
        ("Model", lambda c: _text(c.model)),
        ("Form", lambda c: c.form_factor.value if c.form_factor else ""),
        ("Resolution", lambda c: str(c.resolution) if c.resolution else
         (f"{c.megapixels:g} MP" if c.megapixels else "")),
        ("Lens", lambda c: fmt.focal_range(c.focal_min_mm, c.focal_max_mm)
         if c.focal_min_mm is not None else ""),
        ("Mount", lambda c: _text(c.mount)),
        ("Height", lambda c: fmt.length(c.height_m, system) if c.height_m is not None else ""),
        ("Distance", lambda c: fmt.length(c.target_distance_m, system)
         if c.target_distance_m is not None else ""),
        ("Detail", lambda c: c.required_dori.value if c.required_dori else ""),
        ("Outdoor", lambda c: fmt.yes_no(c.outdoor) if c.outdoor is not None else ""),
    ]  # fmt: skip


class SurveyTableModel(QAbstractTableModel):
    """Shows surveyed cameras; blank cells mean the survey does not say."""

    def __init__(self, system: UnitSystem = UnitSystem.METRIC, parent: Any = None) -> None:
        super().__init__(parent)
        self._cameras: list[StoredCamera] = []
        self._columns = _columns(system)

    def set_cameras(self, cameras: list[StoredCamera]) -> None:
        self.beginResetModel()
        self._cameras = list(cameras)
        self.endResetModel()

    def set_unit_system(self, system: UnitSystem) -> None:
        self._columns = _columns(system)
        if self._cameras:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._cameras) - 1, len(self._columns) - 1)
            )

    def camera_at(self, row: int) -> StoredCamera:
        return self._cameras[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cameras)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cameras):
            return None
        camera = self._cameras[index.row()].camera
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()][1](camera)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{k}: {v}" for k, v in camera.raw.items())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section][0]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
