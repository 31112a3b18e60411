"""The shipped catalog loads clean; a broken copy reports every problem at file:line:column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.issues import InputIssue, Severity


def _errors(issues: list[InputIssue]) -> list[str]:
    return [str(i) for i in issues if i.severity is Severity.ERROR]


def test_shipped_catalog_has_no_errors(shipped_catalog: Path) -> None:
    load = load_catalog_folder(shipped_catalog)
    assert _errors(load.issues) == []
    counts = load.counts()
    assert counts["camera models"] >= 12 and counts["rule sets"] >= 3
    assert all(m.provenance.source for m in load.catalog.models)


@pytest.fixture
def broken(tmp_path: Path, shipped_catalog: Path) -> Path:
    folder = tmp_path / "catalog"
    shutil.copytree(shipped_catalog, folder)
    return folder


def _append(path: Path, line: str) -> int:
    """Append a row; returns its line number."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return len(path.read_text(encoding="utf-8").splitlines())


def test_bad_model_row_reports_each_cell(broken: Path) -> None:
    line = _append(
        broken / "models.csv",
        "axis,X1,,,blob,1920by1080,,,fixed,2.8 kg,2 mm,,,30 m,,IP6,,-30 °C,-40 °C,9,,,maybe,1,,"
        ",no,Axis datasheet,2026-01-01,perhaps,",
    )
    errors = _errors(load_catalog_folder(broken).issues)
    expected_columns = ["form_factor", "resolution", "focal_min", "ip_rating", "temp_max",
                        "poe_class", "audio", "alarm_io", "verified"]  # fmt: skip
    for column in expected_columns:
        assert any(e.startswith(f"models.csv:{line}:{column}:") for e in errors), (column, errors)


def test_references_and_duplicates(broken: Path) -> None:
    dup = _append(broken / "vendors.csv", "axis,Axis again,,,manufacturer,SE,SE,,x,,no,")
    ghost = _append(broken / "oem_relations.csv", "nobody,dahua,oem,some,,,low,x,,no,")
    price = _append(broken / "prices.csv", "axis:NOPE,list,GBP,10.00,list,,,x,,no,")
    euro = _append(broken / "prices.csv", "axis:P3265-LVE,list,€,1.0.0,cheap,,,x,,no,")
    errors = _errors(load_catalog_folder(broken).issues)
    assert f"vendors.csv:{dup}:vendor_id: error: duplicate of line 11 (found 'axis')" in errors
    assert any(e.startswith(f"oem_relations.csv:{ghost}:brand_id:") for e in errors)
    assert any(e.startswith(f"prices.csv:{price}:item:") for e in errors)
    for column in ("currency", "amount", "price_type"):
        assert any(e.startswith(f"prices.csv:{euro}:{column}:") for e in errors), column


def test_pattern_examples_are_enforced(broken: Path) -> None:
    row = "dahua,IPC-X\\d,,,,,,IPC-HFW1;IPC-X1,IPC-X2,x,,no,"
    line = _append(broken / "model_patterns.csv", row)
    errors = _errors(load_catalog_folder(broken).issues)
    assert any(
        e.startswith(f"model_patterns.csv:{line}:must_match:") and "IPC-HFW1" in e for e in errors
    )
    assert any(e.startswith(f"model_patterns.csv:{line}:must_not_match:") for e in errors)


def test_missing_column_and_missing_file(broken: Path) -> None:
    (broken / "oui.csv").unlink()
    vendors = broken / "vendors.csv"
    lines = vendors.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("kind", "type")
    vendors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = _errors(load_catalog_folder(broken).issues)
    assert "oui.csv: error: file missing" in errors
    assert any(e.startswith("vendors.csv:1:kind:") for e in errors)


def test_rule_file_errors_point_at_lines(broken: Path) -> None:
    rules = broken / "rules"
    (rules / "syntax.toml").write_text("[rule_set]\nid = \n", encoding="utf-8")
    (rules / "content.toml").write_text(
        '[rule_set]\nid = "x"\ntitle = "X"\njurisdiction = "US"\nauthority = "A"\n'
        'effective_from = "yesterday"\n[rule_set.citation]\ntitle = "T"\n\n'
        '[[rules]]\nid = "r1"\ndescription = "d"\nseverity = "forbidden"\n',
        encoding="utf-8",
    )
    errors = _errors(load_catalog_folder(broken).issues)
    assert any(e.startswith("rules/syntax.toml:2: error: TOML syntax") for e in errors), errors
    assert any(e.startswith("rules/content.toml:6:effective_from:") for e in errors), errors
    assert any(e.startswith("rules/content.toml:13:severity:") for e in errors), errors


def test_a_pattern_that_claims_a_catalog_model_fails_the_check(broken: Path) -> None:
    line = _append(broken / "model_patterns.csv", r"dahua,SD\d,camera,,ptz,generic,,,,x,,no,")
    errors = _errors(load_catalog_folder(broken).issues)
    assert any(
        e.startswith(f"model_patterns.csv:{line}:pattern:") and "SD9364-EHL" in e for e in errors
    ), errors


def test_a_lookalike_a_pattern_claims_fails_the_check(broken: Path) -> None:
    _append(broken / "lookalikes.csv", "axis,DS-2CD9999,test,,no,")
    errors = _errors(load_catalog_folder(broken).issues)
    assert any("matches axis model DS-2CD9999 from lookalikes.csv" in e for e in errors), errors


def test_two_makers_matching_one_example_fails_the_check(broken: Path) -> None:
    line = _append(broken / "model_patterns.csv", r"axis,DS-2,camera,,,,,,,x,,no,")
    errors = _errors(load_catalog_folder(broken).issues)
    assert any(
        e.startswith(f"model_patterns.csv:{line}:pattern:") and "the examples of" in e
        for e in errors
    ), errors


def test_a_bad_class_kind_or_strength_is_reported_at_its_cell(broken: Path) -> None:
    line = _append(broken / "model_patterns.csv", r"axis,ZZ-\d,toaster,infrared,,loud,,,,x,,no,")
    errors = _errors(load_catalog_folder(broken).issues)
    for column in ("device_class", "camera_kind", "strength"):
        assert any(e.startswith(f"model_patterns.csv:{line}:{column}:") for e in errors), column
