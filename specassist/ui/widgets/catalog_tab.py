"""The catalog browser: search and filter the project's camera models, see their sources."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from specassist.domain.catalog import CameraModel, FormFactor
from specassist.ui.models.catalog_table_model import COLUMNS, CatalogFilter, CatalogTableModel


class CatalogTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CatalogTableModel(parent=self)
        self._waiting: tuple[list[CameraModel], Mapping[str, str] | None] | None = None
        """A catalog not yet listed because the tab was out of view."""
        self.proxy = CatalogFilter(self.model, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search models…")
        self.search.setAccessibleName("Search the catalog")
        self.vendor = QComboBox()
        self.vendor.setAccessibleName("Vendor filter")
        self.form = QComboBox()
        self.form.setAccessibleName("Form filter")
        self.form.addItems(["", *(f.value for f in FormFactor)])
        self.resolution = QDoubleSpinBox()
        self.resolution.setSuffix(" MP min")
        self.resolution.setRange(0, 50)
        self.resolution.setAccessibleName("Minimum resolution")
        self.count = QLabel()
        for widget in (self.search,):
            widget.textChanged.connect(self._apply)
        self.vendor.currentTextChanged.connect(self._apply)
        self.form.currentTextChanged.connect(self._apply)
        self.resolution.valueChanged.connect(self._apply)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(QLabel("Vendor"))
        bar.addWidget(self.vendor)
        bar.addWidget(QLabel("Form"))
        bar.addWidget(self.form)
        bar.addWidget(self.resolution)
        bar.addWidget(self.count)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName("Catalog models")
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def set_models(self, models: list[CameraModel], names: Mapping[str, str] | None = None) -> None:
        """The catalog to list: filled now if the tab is in view, else when it is next shown,
        so opening a project does not spend the window's thread on a table nobody sees."""
        self._waiting = (list(models), names)
        if self.isVisible():
            self._fill()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fill()

    def _fill(self) -> None:
        if self._waiting is None:
            return
        (models, names), self._waiting = self._waiting, None
        self.model.set_models(models, names)
        self.vendor.blockSignals(True)
        self.vendor.clear()
        self.vendor.addItem("", "")
        for name, vendor_id in self.model.vendors():
            self.vendor.addItem(name, vendor_id)
        self.vendor.blockSignals(False)
        # Sized from the first rows only: measuring every row of a 20,000-model catalog
        # would hold the window for a second.
        self.table.horizontalHeader().setResizeContentsPrecision(50)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(len(COLUMNS) - 1, 400)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._apply()

    def _apply(self) -> None:
        self.proxy.set_filters(self.search.text(), str(self.vendor.currentData() or ""),
                               self.form.currentText(), self.resolution.value())  # fmt: skip
        self.count.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} models")
