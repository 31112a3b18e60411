"""The Survey tab: filters, the survey table and the selected camera's detail, side by side.

The table keeps the room it needs on a small screen: the detail panel is the
part that gives way, and neither side can be collapsed out of sight by the
splitter. Rows can be dragged onto a plan (the Plans tab opens when the drag
hovers over its tab).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from specassist.domain.outcome import CameraOutcome
from specassist.domain.survey import SurveyedCamera
from specassist.ui.models.survey_filter import SurveyFilter
from specassist.ui.models.survey_table_model import STATUS_COLOURS, SurveyTableModel
from specassist.ui.styles import WARNING_STYLE
from specassist.ui.widgets.detail_panel import DetailPanel

TABLE_MIN_WIDTH = 420
"""Status, Replacement and Tag stay readable at 1024 px wide with the panel beside them."""
PANEL_MIN_WIDTH = 300


class SurveyTab(QSplitter):
    sig_selection_changed = Signal()
    sig_filters_changed = Signal()
    sig_activated = Signal()
    """A row was double-clicked (or Enter pressed on it): edit that camera."""

    def __init__(self, model: SurveyTableModel, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.model = model
        self.proxy = SurveyFilter(model, self)
        self.fitting = False
        """True while columns are being sized to their content, one per event."""
        self.site_filter = QComboBox()
        self.site_filter.setAccessibleName("Site filter")
        self.site_filter.setToolTip("Show one site only")
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Status filter")
        self.status_filter.addItems(["", *STATUS_COLOURS])
        self.status_filter.setToolTip("Show cameras in one state only")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by tag, location, make, model, notes… (Ctrl+F)")
        self.search.setAccessibleName("Filter the survey")
        self.search.setClearButtonEnabled(True)
        for combo in (self.site_filter, self.status_filter):
            combo.currentTextChanged.connect(self._filters_changed)
        self.search.textChanged.connect(self._filters_changed)
        self.rules_warning = QLabel(
            "No rule set is chosen: nothing can be excluded, so every camera shows as allowed. "
            "Tick the rules that apply in the Rules tab."
        )
        self.rules_warning.setWordWrap(True)
        self.rules_warning.setStyleSheet(WARNING_STYLE)
        self.rules_warning.setAccessibleName("Warning: no rule set chosen")
        self.rules_warning.hide()
        self.table = self._build_table()
        self.detail = DetailPanel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Site"))
        bar.addWidget(self.site_filter, 1)
        bar.addWidget(QLabel("Status"))
        bar.addWidget(self.status_filter, 1)
        bar.addWidget(self.search, 3)
        left = QWidget()
        left.setMinimumWidth(TABLE_MIN_WIDTH)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.rules_warning)
        column.addLayout(bar)
        column.addWidget(self.table)
        self.detail.setMinimumWidth(PANEL_MIN_WIDTH)
        self.addWidget(left)
        self.addWidget(self.detail)
        self.setCollapsible(0, False)
        self.setCollapsible(1, False)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setSizes([860, 500])

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.setAccessibleName("Surveyed cameras")
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.verticalHeader().setDefaultSectionSize(22)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.doubleClicked.connect(lambda _index: self.sig_activated.emit())
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    # ------------------------------------------------------------ content

    def show_loaded(
        self,
        cameras: list[SurveyedCamera],
        outcomes: list[CameraOutcome],
        haystack: list[str],
        site_names: list[str],
        changed: list[int] | None,
    ) -> None:
        """Take a new analysis: only changed rows repaint when the cameras are the same."""
        if changed is None or not self.model.update(cameras, outcomes, haystack, changed):
            self.model.set_all(cameras, outcomes, haystack)
        sites = ["", *site_names]
        shown = [self.site_filter.itemText(i) for i in range(self.site_filter.count())]
        if shown != sites:
            current = self.site_filter.currentText()
            self.site_filter.blockSignals(True)
            self.site_filter.clear()
            self.site_filter.addItems(sites)
            self.site_filter.setCurrentIndex(max(0, self.site_filter.findText(current)))
            self.site_filter.blockSignals(False)

    def fit_columns(self, widest: int = 230) -> None:
        """Size columns to the first rows' content, none wider than ``widest``: one column per
        turn of the event loop, since measuring them all at once holds a large project's
        window for 60 ms or more. ``fitting`` is true until the last one is sized."""
        self.table.horizontalHeader().setResizeContentsPrecision(40)
        waiting = list(range(self.model.columnCount()))
        self.fitting = bool(waiting)

        def next_column() -> None:
            if not waiting:
                self.fitting = False
                return
            column = waiting.pop(0)
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
            QTimer.singleShot(0, self, next_column)  # never after the tab is gone

        next_column()

    # ------------------------------------------------------------ selection

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.proxy.mapToSource(rows[0])
        return self.model.camera_at(source.row()).id

    def select(self, camera_id: int | None) -> None:
        """Select and show the camera (no selection change when it is not listed)."""
        row = self.model.row_of(camera_id) if camera_id is not None else None
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.table.selectRow(index.row())
                self.table.scrollTo(index)
        self.sig_selection_changed.emit()

    def select_tag(self, tag: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.camera_at(row).camera.display_tag == tag:
                self.select(self.model.camera_at(row).id)
                return True
        return False

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self.sig_selection_changed.emit()

    def _filters_changed(self) -> None:
        self.proxy.set_filters(self.site_filter.currentText(), self.status_filter.currentText(),
                               self.search.text())  # fmt: skip
        self.sig_filters_changed.emit()
