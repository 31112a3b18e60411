"""Problems found in user input (survey files, catalog files, price lists).

One type for every reader, so the CLI, the GUI's import report and the tests
all see the same fields: which file, which row, which column, what was there
and what was expected.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class UserError(Exception):
    """A problem the user can fix (a file that cannot be read, a project from a newer version…),
    worded for them: front ends show the message as it is, without a traceback."""


class Severity(StrEnum):
    """How much an issue matters to the user.

    ERROR: a value was rejected (the rest of the row still loads).
    WARNING: a value was accepted with an assumption the user should check.
    INFO: nothing was lost, but something was skipped or noted.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class InputIssue:
    """One problem at one place in one input file."""

    severity: Severity
    message: str
    file: str
    row: int | None = None
    column: str | None = None
    value: str | None = None

    def location(self) -> str:
        """``file:row:column`` as far as it is known, the form editors and CI logs understand."""
        parts = [self.file]
        if self.row is not None:
            parts.append(str(self.row))
        if self.column is not None:
            parts.append(self.column)
        return ":".join(parts)

    def __str__(self) -> str:
        value = f" (found {self.value!r})" if self.value not in (None, "") else ""
        return f"{self.location()}: {self.severity}: {self.message}{value}"


def count_by_severity(issues: list[InputIssue]) -> dict[Severity, int]:
    """Counts per severity, every severity present (zero when absent)."""
    counts = dict.fromkeys(Severity, 0)
    for issue in issues:
        counts[issue.severity] += 1
    return counts
