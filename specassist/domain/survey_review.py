"""What a reader of the tender must know about the survey itself: rows that did not read
cleanly and tags that name two cameras.

A camera whose cell could not be read is specified from what could be read; a
tag used twice is two cameras or one entered twice. Either way someone checks
on site before ordering, so the tender lists them rather than printing such
cameras as if their survey were complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from specassist.domain.issues import InputIssue, Severity
from specassist.domain.survey import SurveyCamera


@dataclass(frozen=True, slots=True)
class ReviewLine:
    tag: str
    row: int | None
    message: str


def survey_review(
    cameras: Sequence[SurveyCamera], issues: Sequence[InputIssue]
) -> list[ReviewLine]:
    """Errors and warnings of the survey's reading, in row order, with the tag of each row.

    Repeated tags are among them: the importer reports a tag used twice in a file, and
    an import that adds to a project reports rows naming a camera it already has.
    """
    tags = {camera.source_row: camera.display_tag for camera in cameras}
    lines = [
        ReviewLine(tags.get(issue.row or 0, ""), issue.row, _words(issue))
        for issue in issues
        if issue.severity in (Severity.ERROR, Severity.WARNING)
    ]
    return sorted(lines, key=lambda line: (line.row is None, line.row or 0))


def _tag(tags: dict[int, str], row: int | None) -> str:
    return tags.get(row, "") if row is not None else ""


def _words(issue: InputIssue) -> str:
    where = f"{issue.column}: " if issue.column else ""
    found = f" (found '{issue.value}')" if issue.value not in (None, "") else ""
    return f"{where}{issue.message}{found}"
