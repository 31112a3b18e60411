"""The survey table: surveyed cameras with their verdict and replacement.

An adapter over two plain structures — the project's stored cameras and the
latest analysis — so it stays fast with 50,000 rows: nothing is computed per
paint beyond formatting one cell. Sorting uses ``SORT_ROLE`` (numbers sort as
numbers), filtering uses a lower-case text per row built once per refresh.
Vendors show by their catalog names; a replacement that misses a requirement
is marked in its cell. Rows drag onto a plan as camera ids.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from specassist.domain import formatting as fmt
from specassist.domain.formatting import UnitSystem
from specassist.domain.matching import Offer
from specassist.domain.outcome import CameraOutcome, Status
from specassist.domain.survey import SurveyCamera, SurveyedCamera
from specassist.ui.plan.view import CAMERA_MIME, camera_mime
from specassist.ui.styles import WARNING_RED

Index = QModelIndex | QPersistentModelIndex
_FAILS_ROLES = {
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole,
}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

NOT_ANALYSED = "not analysed"
STATUS_COLOURS = {
    Status.NO_REPLACEMENT.value: "#c62828",
    Status.SITE_CHECK.value: "#ad1457",
    Status.TO_REPLACE.value: "#1565c0",
    Status.OVERRIDDEN.value: "#6a1b9a",
    Status.ALLOWED.value: "#2e7d32",
    Status.UNKNOWN.value: "#ef6c00",
    Status.NOT_A_CAMERA.value: "#795548",
    NOT_ANALYSED: "#9e9e9e",
}


@cache
def warning_icon() -> QIcon:
    """A small red triangle with "!" for a replacement that misses a requirement."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(WARNING_RED))
    painter.setPen(QColor(WARNING_RED))
    painter.drawPolygon([QPointF(7, 1), QPointF(13, 13), QPointF(1, 13)])
    painter.setPen(QColor("#ffffff"))
    painter.drawText(pixmap.rect().adjusted(0, 3, 0, 0), Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return QIcon(pixmap)


@cache
def status_icon(status: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(STATUS_COLOURS.get(status, "#9e9e9e")))
    painter.setPen(QColor("#ffffff"))
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


def row_status(outcome: CameraOutcome | None) -> str:
    """The outcome's status as the table shows and filters it ("not analysed" before)."""
    return NOT_ANALYSED if outcome is None else outcome.status.value


def _text(value: str | None) -> str:
    return value or ""


def fails_text(offer: Offer, system: UnitSystem) -> str:
    """The requirements a replacement does not meet, one line each ("" when it meets all)."""
    return "\n".join(fmt.check_line(check, system) for check in offer.failed)


Column = tuple[str, Callable[[SurveyCamera, CameraOutcome | None], Any]]
REPLACEMENT = "Replacement"


def _columns(system: UnitSystem, names: Mapping[str, str]) -> list[Column]:
    def replacement(_: SurveyCamera, r: CameraOutcome | None) -> str:
        offer = r.offer if r else None
        if offer is None:
            return ""
        failed = len(offer.failed)
        fails = f" — does not meet {failed}" if failed else ""
        return (
            f"{names.get(offer.model.vendor_id, offer.model.vendor_id)} {offer.model.model}{fails}"
        )

    def maker(_: SurveyCamera, r: CameraOutcome | None) -> str:
        if r is None:
            return ""
        maker_id = r.identification.maker_id
        return names.get(maker_id, maker_id) if maker_id else "?"

    def detail_after(_: SurveyCamera, r: CameraOutcome | None) -> str:
        after = r.detail_after if r else None
        return after.level.value if after and after.level else ""

    return [
        ("Status", lambda c, r: row_status(r)),
        (REPLACEMENT, replacement),
        ("Tag", lambda c, r: c.display_tag),
        ("Site", lambda c, r: _text(c.site)),
        ("Location", lambda c, r: _text(c.location)),
        ("Make", lambda c, r: _text(c.make)),
        ("Model", lambda c, r: _text(c.model)),
        ("Maker", maker),
        ("Detail after", detail_after),
        ("Form", lambda c, r: c.form_factor.value if c.form_factor else ""),
        ("Resolution", lambda c, r: str(c.resolution) if c.resolution else
         (f"{c.megapixels:g} MP" if c.megapixels else "")),
        ("Lens", lambda c, r: fmt.focal_range(c.focal_min_mm, c.focal_max_mm)
         if c.focal_min_mm is not None else ""),
        ("Mount", lambda c, r: _text(c.mount)),
        ("Height", lambda c, r: fmt.length(c.height_m, system) if c.height_m is not None else ""),
        ("Distance", lambda c, r: fmt.length(c.target_distance_m, system)
         if c.target_distance_m is not None else ""),
        ("Detail needed", lambda c, r: c.required_dori.value if c.required_dori else ""),
        ("Outdoor", lambda c, r: fmt.yes_no(c.outdoor) if c.outdoor is not None else ""),
        ("Survey status", lambda c, r: c.status.value.replace("_", " ") if c.status else ""),
        ("Notes", lambda c, r: _text(c.notes)),
        ("Device type", lambda c, r: _text(c.device_type)),
        ("Device state", lambda c, r: _text(c.device_state)),
        ("Class", lambda c, r: r.identification.device_class.value.replace("_", " ")
         if r else ""),
    ]  # fmt: skip


_NUMERIC = {"Height": "height_m", "Distance": "target_distance_m"}


def build_haystack(cameras: list[SurveyedCamera], results: dict[int, CameraOutcome]) -> list[str]:
    """The lower-case text each row is filtered on; pure, so a worker thread can build it."""
    haystack = []
    for stored in cameras:
        camera = stored.camera
        result = results.get(stored.id)
        offer = result.offer if result else None
        parts = (camera.display_tag, camera.site, camera.location, camera.make, camera.model,
                 camera.notes, camera.mount, offer.model.model if offer else None,
                 row_status(result))  # fmt: skip
        haystack.append(" ".join(p for p in parts if p).lower())
    return haystack


class SurveyTableModel(QAbstractTableModel):
    """Shows surveyed cameras; blank cells mean the survey does not say."""

    def __init__(self, system: UnitSystem = UnitSystem.METRIC, parent: Any = None) -> None:
        super().__init__(parent)
        self._cameras: list[SurveyedCamera] = []
        self._results: dict[int, CameraOutcome] = {}
        self._haystack: list[str] = []
        self._rows: dict[int, int] = {}
        self._system = system
        self._names: Mapping[str, str] = {}
        self._columns = _columns(system, self._names)
        self._replacement_column = [name for name, _ in self._columns].index(REPLACEMENT)

    # ------------------------------------------------------------ content

    def set_all(
        self, cameras: list[SurveyedCamera], results: list[CameraOutcome], haystack: list[str]
    ) -> None:
        """Cameras, results and the filter text together (the window builds them off the
        GUI thread)."""
        self.beginResetModel()
        self._cameras = list(cameras)
        self._rows = {c.id: n for n, c in enumerate(self._cameras)}
        self._results = {r.id: r for r in results}
        self._haystack = haystack
        self.endResetModel()

    def update(
        self,
        cameras: list[SurveyedCamera],
        results: list[CameraOutcome],
        haystack: list[str],
        changed: list[int],
    ) -> bool:
        """Take a new analysis of the same cameras, repainting only the rows in ``changed``.

        Returns False (and does nothing) when the cameras are not the same ones in the same
        order: the caller then resets the model with ``set_all``. A full reset of 50,000
        rows makes the filter proxy test every row again on the GUI thread; an edit to one
        camera should cost one row.
        """
        if len(cameras) != len(self._cameras) or any(
            new.id != old.id for new, old in zip(cameras, self._cameras, strict=True)
        ):
            return False
        self._cameras = list(cameras)
        self._results = {r.id: r for r in results}
        self._haystack = haystack
        last = len(self._columns) - 1
        for camera_id in changed:
            row = self._rows.get(camera_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        return True

    def set_cameras(self, cameras: list[SurveyedCamera]) -> None:
        ids = {c.id for c in cameras}
        kept = [r for r in self._results.values() if r.id in ids]
        self.set_all(cameras, kept, build_haystack(cameras, {r.id: r for r in kept}))

    def set_results(self, results: list[CameraOutcome]) -> None:
        by_id = {r.id: r for r in results}
        self._results = by_id
        self._haystack = build_haystack(self._cameras, by_id)
        self._all_changed()

    def set_unit_system(self, system: UnitSystem) -> None:
        self._system = system
        self._columns = _columns(system, self._names)
        self._all_changed()

    def set_vendor_names(self, names: Mapping[str, str]) -> None:
        """Show vendors by their catalog names ("Hanwha Vision", not "hanwha")."""
        self._names = dict(names)
        self._columns = _columns(self._system, self._names)
        self._all_changed()

    def _all_changed(self) -> None:
        if self._cameras:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._cameras) - 1, len(self._columns) - 1)
            )

    # ------------------------------------------------------------ queries for views

    def camera_at(self, row: int) -> SurveyedCamera:
        return self._cameras[row]

    def row_of(self, camera_id: int) -> int | None:
        return self._rows.get(camera_id)

    def tags(self, except_id: int | None = None) -> set[str]:
        """Every tag in use (case-folded), for refusing a duplicate in the camera form."""
        return {
            stored.camera.tag.casefold()
            for stored in self._cameras
            if stored.camera.tag and stored.id != except_id
        }

    def accepts(self, row: int, site: str | None, status: str | None, text: str) -> bool:
        stored = self._cameras[row]
        if site and stored.camera.site != site:
            return False
        if status and row_status(self._results.get(stored.id)) != status:
            return False
        return not text or text in self._haystack[row]

    # ------------------------------------------------------------ Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cameras)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cameras):
            return None
        stored = self._cameras[index.row()]
        name, getter = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return getter(stored.camera, self._results.get(stored.id))
        if role == SORT_ROLE:
            if name in _NUMERIC:
                value = getattr(stored.camera, _NUMERIC[name])
                return float("-inf") if value is None else value
            if name == "Tag":
                return stored.camera.source_row
            return str(getter(stored.camera, self._results.get(stored.id))).lower()
        if role == ID_ROLE:
            return stored.id
        result = self._results.get(stored.id)
        if index.column() == self._replacement_column and role in _FAILS_ROLES:
            offer = result.offer if result else None
            if offer is not None and offer.failed:
                return self._fails(offer, role)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return status_icon(row_status(result))
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0 and result is not None and result.decision.warnings:
                return "\n".join(result.decision.warnings)
            return "\n".join(f"{k}: {v}" for k, v in stored.camera.raw.items()) or None
        return None

    def _fails(self, offer: Offer, role: int) -> Any:
        """How a replacement that misses requirements is marked: icon, red text, the lines."""
        if role == Qt.ItemDataRole.DecorationRole:
            return warning_icon()
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(WARNING_RED)
        return "Does not meet every requirement:\n" + fails_text(offer, self._system)

    # ------------------------------------------------------------ dragging onto a plan

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [CAMERA_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged rows' camera ids, in the form the plan view accepts."""
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return camera_mime([self._cameras[row].id for row in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

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
