"""The files one tender export writes: their names, and putting them in place all together.

Every output is first written into a hidden folder beside its target, and only
when the last one is written are they renamed into place (each rename atomic,
then the folder synced). A cancel, a failed renderer or a full disk therefore
leaves the folder as it was: no half-written file, and no new PDF beside an
old DOCX that no longer matches it.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from specassist.domain.project_settings import TenderOutput
from specassist.storage.atomic_save import sync_folder

STAGING_PREFIX = ".specassist-export-"
"""The hidden folder outputs are written into before they are moved into place."""


@dataclass(frozen=True)
class TenderFiles:
    """Where each output of one export goes; ``None``: not written."""

    pdf: Path
    docx: Path | None = None
    schedule: Path | None = None
    """The bidders' pricing schedule (.xlsx); written for a whole package only."""
    estimate: Path | None = None
    """The client's estimate, a bill of quantities (.xlsx or .csv)."""

    def paths(self) -> tuple[Path, ...]:
        """Every file this export writes, the PDF first."""
        chosen = (self.pdf, self.docx, self.schedule, self.estimate)
        return tuple(path for path in chosen if path is not None)


@dataclass(frozen=True)
class Written:
    """What an export wrote: every file, the PDF first, and the PDF's page count."""

    files: tuple[Path, ...]
    pages: int


def named(folder: Path, base: str, outputs: Collection[TenderOutput], package: bool) -> TenderFiles:
    """The files an export with these choices writes: ``<base>.pdf``, ``<base>.docx``,
    ``<base>-pricing-schedule.xlsx`` (a whole package only) and ``<base>-boq.xlsx``."""

    def chosen(output: TenderOutput, ending: str) -> Path | None:
        return folder / f"{base}{ending}" if output in outputs else None

    return TenderFiles(
        folder / f"{base}.pdf",
        chosen(TenderOutput.DOCX, ".docx"),
        chosen(TenderOutput.SCHEDULE, "-pricing-schedule.xlsx") if package else None,
        chosen(TenderOutput.ESTIMATE, "-boq.xlsx"),
    )


class Staging:
    """A hidden folder beside each target folder; ``path(target)`` is where to write a target,
    ``commit()`` moves them all into place, leaving the block removes whatever is left."""

    def __init__(self, targets: Sequence[Path]) -> None:
        if len(set(targets)) != len(targets):
            names = ", ".join(str(t) for t in targets)
            raise ValueError(f"two outputs would be written to the same file: {names}")
        for target in targets:
            if target.is_dir():
                raise IsADirectoryError(21, "a folder has this name", str(target))
        self._targets = list(targets)
        self._folders: dict[Path, Path] = {}

    def __enter__(self) -> Staging:
        try:
            for folder in dict.fromkeys(t.parent for t in self._targets):
                self._folders[folder] = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
        except OSError as exc:
            self._discard()
            raise OSError(exc.errno, exc.strerror or str(exc), str(folder)) from exc
        return self

    def path(self, target: Path) -> Path:
        return self._folders[target.parent] / target.name

    def commit(self) -> None:
        for target in self._targets:
            self.path(target).replace(target)  # os.replace: atomic, same filesystem
        for folder in self._folders:
            sync_folder(folder)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._discard()

    def _discard(self) -> None:
        for staging in self._folders.values():
            shutil.rmtree(staging, ignore_errors=True)
        self._folders.clear()
