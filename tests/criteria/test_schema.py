"""`parindex schema`: the JSON Schema of the criteria format, and the committed copy editors and CI use."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from parindex.criteria.rules import RULE_KINDS, kind_name

REPO = Path(__file__).resolve().parents[2]
COMMITTED = REPO / "criteria" / "criteria.schema.json"
REGENERATE = ("criteria/criteria.schema.json is out of date with the criteria models; regenerate it with\n"
              "    .venv/bin/parindex schema -o criteria/criteria.schema.json --force\n"
              "and commit it.")

Cli = Callable[..., Any]


def test_committed_schema_is_up_to_date(cli: Cli) -> None:
    assert COMMITTED.is_file(), REGENERATE
    result = cli("schema")
    assert result.code == 0
    assert result.out == COMMITTED.read_text(encoding="utf-8"), REGENERATE


def test_schema_describes_the_criteria_format(cli: Cli) -> None:
    schema = json.loads(cli("schema").out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "parindex criteria set"
    assert schema["additionalProperties"] is False
    assert {"id", "title", "years", "level", "status", "components", "areas"} <= set(schema["required"])
    assert "max" not in schema["required"] and "max" in schema["properties"]  # a parent's max may be derived
    assert "max" in schema["$defs"]["Item"]["required"]  # an item's never is
    kinds = set(schema["$defs"]["Item"]["properties"]["rule"]["discriminator"]["mapping"])
    assert kinds == {kind_name(kind) for kind in RULE_KINDS}  # every kind of the registry, none other


def test_schema_output_file_is_not_overwritten_without_force(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "criteria.schema.json"
    assert cli("schema", "-o", str(target)).code == 0
    assert target.read_text(encoding="utf-8") == cli("schema").out
    target.write_text("old", encoding="utf-8")
    refused = cli("schema", "-o", str(target))
    assert refused.code == 2
    assert "PC701" in refused.err and "--force" in refused.err
    assert target.read_text(encoding="utf-8") == "old"
    assert cli("schema", "-o", str(target), "--force").code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "parindex criteria set"
