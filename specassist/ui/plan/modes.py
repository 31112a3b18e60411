"""What the Plans tab shows (its coverage modes) and its toolbar."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar

from specassist.domain.plan_coverage import View
from specassist.domain.plan_drawing import OVERLAY, REPLACEMENT_ONLY, Paint, ViewStyle
from specassist.ui.plan.view import Tool

if TYPE_CHECKING:
    from specassist.ui.plan.plan_tab import PlanTab

EXISTING_ONLY = (ViewStyle(View.OLD, Paint.FILLED),)

MODES: dict[str, tuple[tuple[ViewStyle, ...], tuple[ViewStyle, ...]]] = {
    "Replacement": (REPLACEMENT_ONLY, ()),
    "Existing": (EXISTING_ONLY, ()),
    "Overlay": (OVERLAY, ()),
    "Side by side": (EXISTING_ONLY, REPLACEMENT_ONLY),
}
"""Coverage mode → (left view's layers, right view's layers; empty when there is one view)."""

TOOLS = (
    (Tool.SELECT, "Select", "S", "Select, move and turn cameras (drag the yellow handle)"),
    (Tool.WALL, "Wall", "W", "Click the corners of a wall; double-click or Enter to finish"),
    (Tool.OBSTACLE, "Obstacle", "O", "Click round an obstacle; double-click or Enter to finish"),
    (Tool.TARGET, "Target", "T", "Click a point or drag a line that must be seen in detail"),
    (Tool.SCALE, "Scale", "", "Click two points, then give the distance between them"),
    (Tool.CROP, "Crop", "", "Drag the part of the plan to keep"),
)


def build_toolbar(tab: PlanTab) -> QToolBar:
    bar = QToolBar("Plan")
    bar.addWidget(QLabel(" Plan "))
    bar.addWidget(tab.plan_combo)
    bar.addAction("Import…", tab.choose_plan_file).setToolTip("Add a PNG, JPEG or PDF plan")
    bar.addAction("Delete plan", tab.delete_plan)
    bar.addSeparator()
    bar.addAction("⟲ 90°", lambda: tab.rotate(90.0)).setToolTip("Rotate anticlockwise")
    bar.addAction("⟳ 90°", lambda: tab.rotate(-90.0)).setToolTip("Rotate clockwise")
    bar.addAction("Rotate…", tab.ask_rotation)
    bar.addSeparator()
    for tool, text, key, tip in TOOLS:
        action = bar.addAction(text, partial(tab.set_tool, tool))
        action.setToolTip(tip)
        if key:  # only while the Plans tab has the focus: letters are typed elsewhere
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tab.addAction(action)
    bar.addWidget(QLabel(" needs "))
    bar.addWidget(tab.level_combo)
    bar.addSeparator()
    bar.addWidget(QLabel(" Show "))
    bar.addWidget(tab.mode_combo)
    bar.addAction("Fit", tab.fit)
    return bar
