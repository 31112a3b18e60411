"""Device type, state and dates, and the row accounting, survive a save and a reopen."""

from __future__ import annotations

from pathlib import Path

from specassist.services import projects
from specassist.storage.models import SurveyImportRow
from specassist.storage.survey_store import ImportWriter, load_cameras
from specassist.survey.importer import import_survey


def test_streamed_import_keeps_device_fields_and_accounting(tmp_path: Path, surveys: Path) -> None:
    target = tmp_path / "p.specassist"
    with projects.new_project("p", target) as project:
        with project.transaction() as session:
            writer = ImportWriter(session, project.project_id(), "configtool_device_list.csv")
            result = import_survey(surveys / "configtool_device_list.csv", on_cameras=writer.add)
            writer.finish(result.detail, result.mapping, result.issues, result.skipped_rows,
                          result.accounting.as_dict())  # fmt: skip
        project.save()
    with projects.open_project(target) as reopened, reopened.sessions() as session:
        cameras = [s.camera for s in load_cameras(session, reopened.project_id())]
        record = session.query(SurveyImportRow).one()
        assert [c.device_type for c in cameras] == ["IPC", "SD", "NVR", "VTO", "IPC"]
        assert cameras[3].device_state == "Uninitialized"
        assert record.accounting is not None and record.accounting["stored"] == 5
        assert record.accounting["balanced"] is True
