"""Every generated hostile file ends in a complete import or a clear error, losing nothing.

For each case: no exception but the reader's own clear error escapes; the
error names the file; an import accounts for every row and stores exactly the
cameras the file holds; formula-like text stays text; no control character
reaches a stored camera; no measured value a later stage cannot use is kept.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from specassist.domain.issues import Severity
from specassist.survey.importer import SurveyImport, import_survey
from specassist.survey.readers import SurveyReadError
from tests.hostile.corpus import Case, all_cases

CASES = all_cases()
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_MEASURED = ("height_m", "target_distance_m", "scene_width_m", "focal_min_mm", "focal_max_mm",
             "hfov_deg", "power_w", "megapixels")  # fmt: skip


def test_the_corpus_is_large_and_names_are_unique() -> None:
    assert len(CASES) >= 200
    assert len({c.name for c in CASES}) == len(CASES)


def run_case(case: Case, folder: Path) -> tuple[SurveyImport | None, SurveyReadError | None, Path]:
    path = case.build(folder)
    try:
        return import_survey(path, encoding=case.encoding), None, path
    except SurveyReadError as exc:
        return None, exc, path
    finally:
        if path.exists() and not path.is_symlink() and path.is_file():
            path.chmod(0o644)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file(case: Case, tmp_path: Path) -> None:
    result, error, path = run_case(case, tmp_path)
    if error is not None:
        assert case.cameras is None, f"refused a readable file: {error}"
        assert path.name in str(error) or str(path) in str(error)
        return
    assert result is not None
    accounting = result.accounting
    assert accounting.balanced, accounting.as_dict()
    assert accounting.stored == len(result.cameras)
    assert all(i.file == path.name for i in result.issues)
    errors = [i for i in result.issues if i.severity is Severity.ERROR]
    if case.cameras is None:
        assert not result.cameras and errors, "expected a clear error"
        return
    assert len(result.cameras) == case.cameras, [str(i) for i in result.issues][:10]
    for text in case.texts:
        assert any(text in camera.raw.values() for camera in result.cameras), text
    if case.site is not None:
        assert [c.site for c in result.cameras] == [case.site] * len(result.cameras)
    for camera in result.cameras:
        for value in (*camera.raw.keys(), *camera.raw.values(), camera.tag, camera.site):
            assert value is None or not _CONTROL.search(value), repr(value)
        for name in _MEASURED:
            value = getattr(camera, name)
            assert value is None or (math.isfinite(value) and value > 0), (name, value)
