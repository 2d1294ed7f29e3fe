"""JSON Schemas of the editors' files, generated from the models the validator uses.

`case.schema.json` and `publication.schema.json` come from `model.Case` and `model.Settings`;
they are never edited by hand. They are written to schema/ in the repository, for editors'
tools such as yaml-language-server (`python -m generator schema` rewrites them, and a test
fails when they are out of date), and published on the site under schema/.

Our loader reads every YAML scalar as text, so `born: 1961` and `number: 01234567` are valid
case data; an editor's tool reads them as numbers. Every "string" in these schemas therefore
also admits a number (the validator still checks the text), so editors see no false errors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import Case, Settings

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "case.schema.json": (Case, "A case file, cases/<id>/case.yaml"),
    "publication.schema.json": (Settings, "The publication settings, cases/publication.yaml"),
}


def _text_or_number(node: Any) -> Any:
    """Copy of a schema in which every string type also admits a number."""
    if isinstance(node, list):
        return [_text_or_number(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _text_or_number(value) for key, value in node.items()}
    if out.get("type") == "string":
        out["type"] = ["string", "number"]
    return out


def editor_schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of editors' file."""
    schema = _text_or_number(model.model_json_schema(by_alias=True))
    schema["title"] = title
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_files() -> dict[str, bytes]:
    """Each schema file's bytes, by file name."""
    return {
        name: (json.dumps(editor_schema(*spec), ensure_ascii=False, indent=2) + "\n").encode()
        for name, spec in SCHEMAS.items()
    }


def write_schemas(root: Path) -> list[str]:
    """Bring root/schema/ up to date; return the files that changed."""
    folder = root / "schema"
    folder.mkdir(exist_ok=True)
    changed = []
    for name, content in schema_files().items():
        target = folder / name
        if not target.is_file() or target.read_bytes() != content:
            target.write_bytes(content)
            changed.append(f"schema/{name}")
    return changed
