"""Commands that only read files load no database layer: a tender from a survey file needs
neither SQLAlchemy nor the project store (timings are in bench/perf_report.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from specassist.resources import demo_survey


def test_a_tender_from_a_survey_file_loads_no_database_layer(tmp_path: Path) -> None:
    pdf = tmp_path / "t.pdf"
    code = (
        "import json, sys\n"
        "from specassist.__main__ import main\n"
        f"status = main(['tender', {str(demo_survey())!r}, '-o', {str(pdf)!r}])\n"
        "print(json.dumps([status, sorted(sys.modules)]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=300).stdout  # fmt: skip
    status, loaded = json.loads(out.splitlines()[-1])
    assert status == 0 and pdf.stat().st_size > 0
    for heavy in ("sqlalchemy", "alembic", "specassist.storage.project_file"):
        assert heavy not in loaded, heavy
