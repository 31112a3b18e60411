"""Discovered devices as a table: the best value of each field, and where every value came from.

An adapter over the service's ``DeviceSummary`` list. A cell's tooltip lists
each protocol message that reported the field, so a user can see why a model
was taken from ONVIF and not from a WS-Discovery scope before accepting it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from specassist.services.discovery_service import DeviceSummary

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    ("Address", "address"),
    ("Maker", "maker"),
    ("Model", "model"),
    ("Serial", "serial"),
    ("Firmware", "firmware"),
    ("MAC", "mac"),
    ("Name", "name"),
    ("Class", "device_class"),
    ("Found by", "protocols"),
)


class DiscoveredModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._devices: list[DeviceSummary] = []

    def set_devices(self, devices: list[DeviceSummary]) -> None:
        self.beginResetModel()
        self._devices = list(devices)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._devices)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def _text(self, device: DeviceSummary, key: str) -> str:
        if key == "address":
            return device.address
        if key == "protocols":
            return ", ".join(device.protocols)
        return device.values.get(key) or ""

    def _sources(self, device: DeviceSummary, key: str) -> str:
        if key == "protocols":
            return "\n".join(device.notes)
        found = device.found_by.get(key, [])
        return "\n".join(f"{s['protocol']} {s['source']}: {s['value']}" for s in found)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._devices):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        device = self._devices[index.row()]
        key = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(device, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._sources(device, key) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)  # device n is row n of the import's issues
        return COLUMNS[section][0] if 0 <= section < len(COLUMNS) else None
