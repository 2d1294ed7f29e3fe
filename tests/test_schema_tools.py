"""The published JSON Schemas work in the tools editors use: check-jsonschema and the YAML
extensions of editors, which read patterns as ECMA-262 regular expressions (with `regress`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import regress

from tests.conftest import ROOT

SCHEMAS = sorted((ROOT / "schema").glob("*.schema.json"))


def check_jsonschema(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def patterns(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [p for value in node.values() for p in patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in patterns(value)]
    return []


def test_schemas_are_valid_2020_12_schemas() -> None:
    assert [s.name for s in SCHEMAS] == ["case.schema.json", "publication.schema.json"]
    for schema in SCHEMAS:
        assert json.loads(schema.read_text())["$schema"].endswith("/2020-12/schema")
    result = check_jsonschema("--check-metaschema", *map(str, SCHEMAS))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda p: p.name)
def test_every_pattern_is_an_ecma_262_regular_expression(schema: Path) -> None:
    found = patterns(json.loads(schema.read_text()))
    assert found
    for pattern in found:
        regress.Regex(pattern, "u")  # raises on what ECMA-262 (unicode mode) refuses


def test_every_sample_case_passes_check_jsonschema() -> None:
    cases = sorted(str(p) for p in (ROOT / "cases").glob("*/case.yaml"))
    assert len(cases) >= 20
    result = check_jsonschema("--schemafile", str(ROOT / "schema/case.schema.json"), *cases)
    assert result.returncode == 0, result.stdout + result.stderr
    settings = ROOT / "cases/publication.yaml"
    result = check_jsonschema(
        "--schemafile", str(ROOT / "schema/publication.schema.json"), str(settings)
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_refuses_a_python_only_pattern(tmp_path: Path) -> None:
    """The check above can fail: the pattern the schema had before (an escaped quote inside a
    class, valid for Python, invalid in ECMA-262's unicode mode) is refused."""
    schema = tmp_path / "old.schema.json"
    schema.write_text(json.dumps({"type": "string", "pattern": '^https?://[^\\s<>\\"]+$'}))
    value = tmp_path / "value.json"
    value.write_text('"https://example.org/"')
    assert check_jsonschema("--schemafile", str(schema), str(value)).returncode != 0
    with pytest.raises(regress.RegressError):
        regress.Regex('^https?://[^\\s<>\\"]+$', "u")


def test_a_wrong_value_is_refused_by_the_schema_too(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    text = (ROOT / "cases/he-yanling/case.yaml").read_text("utf-8")
    case.write_text(text.replace("status: ", "status: wanted_", 1), "utf-8")
    result = check_jsonschema("--schemafile", str(ROOT / "schema/case.schema.json"), str(case))
    assert result.returncode != 0 and "status" in result.stdout
