"""The catalog browser's table: one row per camera model, with where its figures came from.

Vendors show by their catalog names ("Hanwha Vision"); filters still work on ids.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from specassist.domain import formatting as fmt
from specassist.domain.catalog import CameraModel
from specassist.ui.models.filtering import refilter

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMNS: list[tuple[str, Callable[[CameraModel], Any]]] = [
    ("Vendor", lambda m: m.vendor_id),
    ("Model", lambda m: m.model),
    ("Form", lambda m: m.form_factor.value),
    ("Resolution", lambda m: str(m.resolution) if m.resolution else "unknown"),
    ("Lens", lambda m: fmt.focal_range(m.focal_min_mm, m.focal_max_mm)),
    ("HFOV", lambda m: fmt.angle(m.hfov_max_deg) if m.hfov_min_deg in (None, m.hfov_max_deg)
     else f"{fmt.angle(m.hfov_min_deg)}–{fmt.angle(m.hfov_max_deg)}"),
    ("IR", lambda m: fmt.length(m.ir_range_m)),
    ("IP", lambda m: m.ip_rating or "unknown"),
    ("IK", lambda m: m.ik_rating or "unknown"),
    ("Verified", lambda m: "yes" if m.provenance.verified else "no"),
    ("Source", lambda m: m.provenance.source),
]  # fmt: skip


class CatalogTableModel(QAbstractTableModel):
    def __init__(
        self,
        models: list[CameraModel] | None = None,
        parent: Any = None,
        names: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._models = list(models or [])
        self._names: Mapping[str, str] = dict(names or {})

    def set_models(self, models: list[CameraModel], names: Mapping[str, str] | None = None) -> None:
        self.beginResetModel()
        self._models = list(models)
        self._names = dict(names or {})
        self.endResetModel()

    def model_at(self, row: int) -> CameraModel:
        return self._models[row]

    def vendor_name(self, vendor_id: str) -> str:
        return self._names.get(vendor_id, vendor_id)

    def vendors(self) -> list[tuple[str, str]]:
        """(name, id) of every vendor with a model, by name."""
        ids = {m.vendor_id for m in self._models}
        return sorted((self.vendor_name(i), i) for i in ids)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._models)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._models):
            return None
        model = self._models[index.row()]
        name, getter = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.vendor_name(model.vendor_id) if name == "Vendor" else getter(model)
        if role == SORT_ROLE:
            if name == "Resolution":
                return model.resolution.width * model.resolution.height if model.resolution else 0
            if name == "Vendor":
                return self.vendor_name(model.vendor_id).lower()
            return str(getter(model)).lower()
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = model.provenance.notes or ""
            return f"{model.provenance.source}\n{notes}".strip()
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][0] if 0 <= section < len(COLUMNS) else None
        return None


class CatalogFilter(QSortFilterProxyModel):
    """Search text plus vendor, form and minimum-resolution filters."""

    def __init__(self, source: CatalogTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.vendor = self.form = ""
        self.min_megapixels = 0.0
        self.words: list[str] = []

    def set_filters(self, text: str = "", vendor: str = "", form: str = "",
                    min_megapixels: float = 0.0) -> None:  # fmt: skip
        def change() -> None:
            self.words, self.vendor, self.form = text.lower().split(), vendor, form
            self.min_megapixels = min_megapixels

        refilter(self, change)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self._source.model_at(source_row)
        if self.vendor and model.vendor_id != self.vendor:
            return False
        if self.form and model.form_factor.value != self.form:
            return False
        if self.min_megapixels and (
            model.resolution is None or model.resolution.megapixels < self.min_megapixels
        ):
            return False
        vendor = self._source.vendor_name(model.vendor_id)
        haystack = f"{model.vendor_id} {vendor} {model.model} {model.series or ''}".lower()
        return all(word in haystack for word in self.words)
