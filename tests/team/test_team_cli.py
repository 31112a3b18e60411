"""The team catalog and packs from the command line, as a catalog keeper and a surveyor use them."""

from __future__ import annotations

from pathlib import Path

import pytest
from team_helpers import edit_model

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog_keys import keyed
from tests.cli_runner import run_cli

DEMO = Path(__file__).parent.parent.parent / "resources" / "demo" / "demo-survey.csv"


def test_publish_approve_and_use_a_team_catalog(
    tmp_path: Path, catalog_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'team.db'}"
    rows = len(keyed(load_catalog_folder(catalog_copy).catalog))
    status, text = run_cli("catalog", "publish", "--to", url, str(catalog_copy))
    assert status == 0 and f"as version 1: {rows} added" in text
    assert f"{rows} row(s) await" in text
    assert run_cli("flag", str(DEMO), "--catalog-url", url)[0] == 1
    assert "no row of the team catalog is approved yet" in capsys.readouterr().err
    status, text = run_cli("catalog", "approve", "--url", url)
    assert status == 0 and text.startswith(f"{rows} row(s) await approval:")
    assert "  model/axis:P3265-LVE@1  new by " in text
    status, text = run_cli("catalog", "approve", "--url", url, "--all")
    assert status == 0 and f"approved {rows} row(s) as version 2" in text
    status, text = run_cli("flag", str(DEMO), "--catalog-url", url)
    assert status == 0 and "20 cameras — 15 excluded" in text
    edit_model(catalog_copy, "P3265-LVE", "ir_range", "45 m")
    assert run_cli("catalog", "publish", "--to", url, str(catalog_copy))[0] == 1
    assert "--base 2" in capsys.readouterr().err
    status, text = run_cli("catalog", "publish", "--to", url, str(catalog_copy), "--base", "2")
    assert status == 0 and "as version 3: 0 added, 1 changed" in text
    status, _ = run_cli("match", str(DEMO), "--catalog-url", url)
    assert status == 0 and "1 row(s) await approval and are not used" in capsys.readouterr().err
    project = tmp_path / "site"
    status, text = run_cli("import", str(DEMO), "--project", str(project), "--catalog-url", url)
    assert status == 0
    status, text = run_cli("catalog", "diff", str(project) + ".specassist", "--url", url)
    assert "1 awaiting approval" in text and "edit by" in text


def test_grant_prints_its_sql_and_refuses_sqlite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, text = run_cli("catalog", "grant", "--url", "postgresql://owner@127.0.0.1:1/x",
                        "--print", "--reader", "acme_readers")  # fmt: skip
    assert status == 0 and "GRANT SELECT ON team_catalog_items" in text
    assert 'TO "acme_readers";' in text and "GRANT UPDATE (status, approved," in text
    assert run_cli("catalog", "grant", "--url", f"sqlite:///{tmp_path / 'x.db'}")[0] == 1
    assert "roles are a PostgreSQL feature" in capsys.readouterr().err
    assert (
        run_cli("catalog", "grant", "--url", "postgresql://o@h/x", "--reader", "Bad Name")[0] == 1
    )


def test_keygen_trust_pack_and_install(tmp_path: Path, catalog_copy: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    key = tmp_path / "desk.key"
    status, text = run_cli("catalog", "keygen", "-o", str(key), "--comment", "catalog desk")
    assert status == 0 and "(catalog desk)" in text
    pack = tmp_path / "update.pack"
    edit_model(catalog_copy, "P3265-LVE", "discontinued", "yes")
    status, text = run_cli("catalog", "pack", str(catalog_copy), "-o", str(pack), "--key", str(key))
    assert status == 0 and "signed with key" in text
    assert run_cli("catalog", "install", str(pack))[0] == 1
    assert "which you do not trust" in capsys.readouterr().err
    status, text = run_cli("catalog", "trust", str(key) + ".pub")
    assert status == 0 and "1 trusted key(s):" in text
    status, text = run_cli("catalog", "install", str(pack), "--dry-run")
    assert status == 0 and "1 discontinued" in text and "dry run: nothing was changed" in text
    status, text = run_cli("catalog", "install", str(pack))
    assert status == 0 and "installed into" in text
    status, text = run_cli("catalog", "stats")
    assert status == 0  # the installed catalog is the one in use now
    status, text = run_cli("catalog", "pack", str(catalog_copy), "-o", str(tmp_path / "u.pack"))
    assert "warning: the pack is not signed" in text
    assert run_cli("catalog", "install", str(tmp_path / "u.pack"))[0] == 1
    assert "the pack is not signed" in capsys.readouterr().err
