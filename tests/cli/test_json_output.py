"""JSON output: exactly the value, laid out one record per line."""

from __future__ import annotations

import io
import json

from specassist.cli.common import write_json


def test_records_one_per_line_and_the_value_round_trips() -> None:
    value = {
        "cameras": [{"tag": "C1", "figures": {"hfov": 103.0}}, {"tag": "Café 2", "n": None}],
        "system": {"recorders": [{"id": 1}], "settings": {}},
        "empty": [],
    }
    out = io.StringIO()
    write_json(value, out)
    text = out.getvalue()
    assert json.loads(text) == value
    lines = text.splitlines()
    assert '    {"tag": "C1", "figures": {"hfov": 103.0}},' in lines
    assert '    {"tag": "Café 2", "n": null}' in lines  # not escaped to \\u00e9
    assert text.endswith("}\n")
    listed = io.StringIO()
    write_json([{"a": 1}, {"b": [2, 3]}], listed)
    assert listed.getvalue() == '[\n  {"a": 1},\n  {"b": [2, 3]}\n]\n'
