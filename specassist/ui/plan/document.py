"""The open plan, the cameras it shows and their coverage, kept up to date piece by piece.

Every scene showing the plan reads from here. When the plan changes, only the
devices that moved or turned are recomputed, plus those a changed wall can
reach; a whole plan (hundreds of cameras) is computed in slices of a few
milliseconds between events, so the window never freezes while it fills in.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from specassist.domain.plan_coverage import (
    Coverage,
    TargetCheck,
    View,
    coverage_of,
    plan_area,
    plan_checks,
    plan_walls,
)
from specassist.domain.plans import PlacedDevice, Plan, PlanCamera, Wall
from specassist.domain.sight import Walls

SLICE_SECONDS = 0.012
"""Work per timer tick while filling in a whole plan: under one 60 Hz frame (16.7 ms)."""


class PlanDocument(QObject):
    sig_reset = Signal()
    """A different plan, or the same one with a new image or scale: rebuild everything."""
    sig_devices = Signal(list)
    """Device ids added, moved, turned or removed."""
    sig_coverage = Signal(list)
    """Device ids whose coverage changed (or was removed)."""
    sig_walls = Signal()
    sig_checks = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None
        self.image: bytes = b""
        self.cameras: dict[int, PlanCamera] = {}
        self.coverages: dict[tuple[int, View], Coverage] = {}
        self.checks: dict[View, dict[int, TargetCheck]] = {}
        self._walls = Walls(())
        self._pending: dict[int, None] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def camera_of(self, device: PlacedDevice) -> PlanCamera | None:
        return self.cameras.get(device.camera_id) if device.camera_id is not None else None

    # ------------------------------------------------------------ changes

    def clear(self) -> None:
        self.plan, self.image = None, b""
        self.coverages.clear()
        self.checks.clear()
        self._pending.clear()
        self._timer.stop()
        self.sig_reset.emit()

    def set_plan(self, plan: Plan, image: bytes | None = None) -> None:
        """Show ``plan``; ``image`` when the picture changed. Recomputes only what changed."""
        old = self.plan
        whole = (
            old is None or image is not None or old.id != plan.id or old.scale != plan.scale
            or (old.width_px, old.height_px) != (plan.width_px, plan.height_px)
        )  # fmt: skip
        if image is not None:
            self.image = image
        self.plan = plan
        self._walls = plan_walls(plan)
        if whole:
            self.coverages.clear()
            self._queue(d.id for d in plan.devices)
            self._check()
            self.sig_reset.emit()
            return
        assert old is not None
        moved = _changed_devices(old, plan)
        if moved:
            self.sig_devices.emit(sorted(moved))
        if old.walls != plan.walls:
            moved |= self._near_walls(_changed_walls(old.walls, plan.walls))
            self.sig_walls.emit()
        self._recompute_now(moved)
        if moved or old.targets != plan.targets or old.walls != plan.walls:
            self._check()

    def set_cameras(self, cameras: dict[int, PlanCamera]) -> None:
        """New analysis results: recompute the devices whose camera's optics changed."""
        before, self.cameras = self.cameras, cameras
        if self.plan is None:
            return
        changed = {
            d.id for d in self.plan.devices
            if d.camera_id is None or before.get(d.camera_id) != cameras.get(d.camera_id)
        }  # fmt: skip
        self.sig_devices.emit(sorted(changed))
        self._queue(changed)
        self._check()

    def preview(self, device: PlacedDevice) -> None:
        """Show a device where it is being dragged, before the edit is stored."""
        if self.plan is None:
            return
        devices = tuple(device if d.id == device.id else d for d in self.plan.devices)
        self.plan = replace(self.plan, devices=devices)
        self.sig_devices.emit([device.id])
        self._recompute_now({device.id})

    # ------------------------------------------------------------ computing

    def _queue(self, device_ids: Iterable[int]) -> None:
        for device_id in device_ids:
            self._pending[device_id] = None
        if self._pending and not self._timer.isActive():
            self._timer.start()

    def _work(self) -> None:
        """Compute queued devices for one slice of time, then let events through."""
        start = time.perf_counter()
        done = []
        while self._pending and time.perf_counter() - start < SLICE_SECONDS:
            device_id = next(iter(self._pending))
            del self._pending[device_id]
            self._compute(device_id)
            done.append(device_id)
        if not self._pending:
            self._timer.stop()
        if done:
            self.sig_coverage.emit(done)

    def _recompute_now(self, device_ids: set[int]) -> None:
        for device_id in device_ids:
            self._pending.pop(device_id, None)
            self._compute(device_id)
        if device_ids:
            self.sig_coverage.emit(sorted(device_ids))

    def _compute(self, device_id: int) -> None:
        plan = self.plan
        device = plan.device(device_id) if plan is not None else None
        for view in View:
            self.coverages.pop((device_id, view), None)
            if device is None or plan is None or plan.scale is None:
                continue
            found = coverage_of(device, self.cameras, view, plan.scale.metres_per_px, self._walls,
                                plan_area(plan))  # fmt: skip
            if found is not None:
                self.coverages[(device_id, view)] = found

    def _check(self) -> None:
        plan = self.plan
        self.checks = {} if plan is None else {v: plan_checks(plan, self.cameras, v) for v in View}
        self.sig_checks.emit()

    def _near_walls(self, walls: list[Wall]) -> set[int]:
        """Devices whose view could reach any of ``walls`` (old or new coverage bounds)."""
        if self.plan is None:
            return set()
        boxes = [_box(w.points) for w in walls]
        found = set()
        for device in self.plan.devices:
            for view in View:
                coverage = self.coverages.get((device.id, view))
                bounds = coverage.bounds if coverage is not None else None
                if bounds is not None and any(_overlap(bounds, box) for box in boxes):
                    found.add(device.id)
        return found


def _changed_devices(old: Plan, new: Plan) -> set[int]:
    before = {d.id: d for d in old.devices}
    after = {d.id: d for d in new.devices}
    return {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}


def _changed_walls(old: tuple[Wall, ...], new: tuple[Wall, ...]) -> list[Wall]:
    return list(set(old) ^ set(new))


def _box(points: Iterable[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = zip(*points, strict=True)
    return (min(xs), min(ys), max(xs), max(ys))


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]
