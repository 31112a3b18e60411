"""Undoable plan edits, pushed on the window's undo stack like every other edit.

Each command stores the state before and after, writes through
``plan_service`` and asks the plan tab to show the result. Ids are kept
through undo and redo (a removed device comes back with its id), so commands
further down the stack still refer to the right thing. Work that can fail
(reading an image, rotating it) is done before the command is pushed; the
command then only moves between two known states.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtGui import QUndoCommand

from specassist.domain.plans import PlacedDevice, PlanScale, Target, Wall
from specassist.services import plan_service
from specassist.services.plan_service import PlanSnapshot
from specassist.services.projects import Project


class PlanBench(Protocol):
    """What plan commands need from the tab: the project and a way to show a change."""

    @property
    def project(self) -> Project | None: ...

    def plan_changed(self, plan_id: int | None, image: bool = False) -> None: ...


Placed = TypeVar("Placed", PlacedDevice, Wall, Target)


class PutCommand(QUndoCommand, Generic[Placed]):
    """Add (no before), change, or remove (no after) one device, wall or target."""

    def __init__(
        self,
        bench: PlanBench,
        plan_id: int,
        before: Placed | None,
        after: Placed | None,
        put: Callable[[Project, int, Placed], Placed],
        remove: Callable[[Project, int], None],
        text: str,
    ) -> None:
        super().__init__(text)
        self.bench, self.plan_id = bench, plan_id
        self.before: Placed | None = before
        self.after: Placed | None = after
        self._put: Callable[[Project, int, Placed], Placed] = put
        self._remove = remove

    def _project(self) -> Project:
        project = self.bench.project
        assert project is not None
        return project

    def _apply(self, wanted: Placed | None, other: Placed | None) -> Placed | None:
        if wanted is not None:
            wanted = self._put(self._project(), self.plan_id, wanted)
        elif other is not None:
            self._remove(self._project(), other.id)
        self.bench.plan_changed(self.plan_id)
        return wanted

    def redo(self) -> None:
        self.after = self._apply(self.after, self.before)  # an added thing keeps its new id

    def undo(self) -> None:
        self._apply(self.before, self.after)


def device_command(bench: PlanBench, plan_id: int, before: PlacedDevice | None,
                   after: PlacedDevice | None, text: str) -> PutCommand[PlacedDevice]:  # fmt: skip
    return PutCommand(bench, plan_id, before, after, plan_service.put_device,
                      plan_service.remove_device, text)  # fmt: skip


def wall_command(bench: PlanBench, plan_id: int, before: Wall | None, after: Wall | None,
                 text: str) -> PutCommand[Wall]:  # fmt: skip
    return PutCommand(bench, plan_id, before, after, plan_service.put_wall,
                      plan_service.remove_wall, text)  # fmt: skip


def target_command(bench: PlanBench, plan_id: int, before: Target | None, after: Target | None,
                   text: str) -> PutCommand[Target]:  # fmt: skip
    return PutCommand(bench, plan_id, before, after, plan_service.put_target,
                      plan_service.remove_target, text)  # fmt: skip


class ScaleCommand(QUndoCommand):
    def __init__(self, bench: PlanBench, plan_id: int, before: PlanScale | None,
                 after: PlanScale | None) -> None:  # fmt: skip
        super().__init__("Set plan scale")
        self.bench, self.plan_id, self.before, self.after = bench, plan_id, before, after

    def _apply(self, scale: PlanScale | None) -> None:
        assert self.bench.project is not None
        plan_service.set_scale(self.bench.project, self.plan_id, scale)
        self.bench.plan_changed(self.plan_id)

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class SnapshotCommand(QUndoCommand):
    """A whole-plan change already made: import (no before), deletion (no after), rotation, crop.

    The first redo only shows the change; later ones put the ``after`` snapshot back.
    """

    def __init__(self, bench: PlanBench, text: str, before: PlanSnapshot | None,
                 after: PlanSnapshot | None) -> None:  # fmt: skip
        super().__init__(text)
        self.bench, self.before, self.after = bench, before, after
        self._done = True

    def _show(self, state: PlanSnapshot | None, other: PlanSnapshot | None) -> None:
        project = self.bench.project
        assert project is not None
        if not self._done:
            if state is not None:
                plan_service.restore(project, state)
            elif other is not None:
                plan_service.delete_plan(project, other.plan.id)
        self._done = False
        self.bench.plan_changed(state.plan.id if state is not None else None, image=True)

    def redo(self) -> None:
        self._show(self.after, self.before)

    def undo(self) -> None:
        self._show(self.before, self.after)
