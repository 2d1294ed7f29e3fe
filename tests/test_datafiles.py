"""Open data from small projects: dates from git history, deterministic feeds, removals that
name no one, CSV cells that never run as formulas, and a Data page that matches the files."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.build import build
from generator.opendata.apimodel import ApiCase, ApiCases, api_schema
from generator.opendata.tables import CSV_COLUMNS
from tests.conftest import CASE, ROOT, Project
from tests.test_opendata import check_entity

TODAY = date(2026, 11, 26)
URL = "https://x.test/mw/"
ATOM = "{http://www.w3.org/2005/Atom}"


def commit(root: Path, when: str, message: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for command in (["add", "-A", "cases"], ["commit", "-q", "-m", message]):
        subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *command],
            cwd=root,
            env=env,
            check=True,
        )


def generate(root: Path) -> dict[str, bytes]:
    build(root, root / ".cache", TODAY, site_url=URL)
    docs = root / "docs"
    return {
        p.relative_to(docs).as_posix(): p.read_bytes()
        for p in sorted(docs.rglob("*"))
        if p.is_file() and p.name != ".generated.json"
    }


@pytest.fixture
def history(project: Project) -> Project:
    """A project whose git history adds, renames and withdraws cases on known days."""
    root = project.root
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    project.case("first-case")
    commit(root, "2020-01-01T10:00:00Z", "first case")
    project.case("old-name", CASE.replace("TEST Person", "RENAMED Person"))
    commit(root, "2021-03-01T10:00:00Z", "second case")
    (root / "cases" / "old-name").rename(root / "cases" / "new-name")
    project.case(
        "new-name", CASE.replace("TEST Person", "RENAMED Person") + "previous_ids: [old-name]\n"
    )
    commit(root, "2022-05-05T10:00:00Z", "rename")
    project.case("gone-case", CASE.replace("TEST Person", "SECRET Name").replace("测试人", "秘密"))
    commit(root, "2023-01-01T10:00:00Z", "third case")
    text = (root / "cases" / "gone-case" / "case.yaml").read_text()
    project.case("gone-case", text.replace("status: at_large", "status: withdrawn"))
    commit(root, "2024-02-02T10:00:00Z", "withdraw")
    return project


def test_dates_come_from_git_and_the_feed_from_the_commit(
    history: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    files = generate(history.root)
    renamed = json.loads(files["api/v1/cases/new-name.json"])
    assert renamed["first_published"] == "2021-03-01T10:00:00Z"  # from its former folder
    assert renamed["last_changed"] == "2022-05-05T10:00:00Z"
    first = json.loads(files["api/v1/cases/first-case.json"])
    assert (first["first_published"], first["last_changed"]) == ("2020-01-01T10:00:00Z",) * 2

    feed = ET.fromstring(files["feed.xml"])
    entries = {e.findtext(f"{ATOM}id"): e for e in feed.findall(f"{ATOM}entry")}
    assert (
        entries[f"{URL}cases/old-name/#new"].findtext(f"{ATOM}updated")
        == renamed["first_published"]
    )
    removal = entries[f"{URL}#removed-2024-02-02"]
    assert removal.findtext(f"{ATOM}title") == "An entry was removed from the list"
    assert feed.findtext(f"{ATOM}updated") == "2024-02-02T00:00:00Z"
    for path, content in files.items():
        text = content.decode("utf-8-sig")
        for secret in ("gone-case", "SECRET Name", "秘密"):
            assert secret not in path and secret not in text, (path, secret)

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # another day, the same commit
    assert generate(history.root) == files


def test_uncommitted_case_is_dated_by_source_date_epoch(
    history: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    history.case("draft-case", CASE.replace("TEST Person", "DRAFT Person"))
    files = generate(history.root)
    draft = json.loads(files["api/v1/cases/draft-case.json"])
    assert draft["first_published"] == draft["last_changed"] == "2027-01-15T08:00:00Z"


def test_without_source_date_epoch_no_clock_is_read(
    history: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under `mkdocs serve` a clock in the data would make every rebuild trigger the next."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    history.case("draft-case", CASE.replace("TEST Person", "DRAFT Person"))
    for path in (history.root / "cases").rglob("*"):
        os.utime(path, (1750000000, 1750000000))
    monkeypatch.setattr("time.time", lambda: 1900000000.0)
    files = generate(history.root)
    draft = json.loads(files["api/v1/cases/draft-case.json"])
    assert draft["last_changed"] == "2025-06-15T15:06:40Z"
    monkeypatch.setattr("time.time", lambda: 1950000000.0)
    assert generate(history.root) == files


def test_removal_is_dated_by_its_withdrawn_event(project: Project) -> None:
    project.case("kept-case")
    for i, day in enumerate(("2019-05-06", "2019-05-06", "2020-07")):
        events = f"history:\n  - date: {day}\n    event: withdrawn\n"
        project.case(f"gone-{i}", CASE.replace("status: at_large", "status: withdrawn") + events)
    feed = json.loads(generate(project.root)["feed.json"])
    removed = [item for item in feed["items"] if item["tags"] == ["removed"]]
    assert [(r["title"], r["date_published"]) for r in removed] == [
        ("An entry was removed from the list", "2020-07-01T00:00:00Z"),
        ("2 entries were removed from the list", "2019-05-06T00:00:00Z"),
    ]
    assert all(r["url"].endswith("data/#feeds") and "gone" not in json.dumps(r) for r in removed)


def test_csv_cells_never_start_a_formula(project: Project) -> None:
    alias = '=HYPERLINK("https://example.org/x","click")'
    project.case("formula-case", CASE + f"aliases: ['{alias}', '+1 555', '-x', '@y', 'plain']\n")
    files = generate(project.root)
    rows = list(csv.DictReader(io.StringIO(files["cases.csv"].decode("utf-8-sig"))))
    assert rows[0]["aliases"] == f"'{alias}; +1 555; -x; @y; plain"
    assert rows[0]["name_native"] == "测试人"
    case = json.loads(files["api/v1/cases/formula-case.json"])
    assert case["aliases"][0] == alias  # the JSON keeps the exact text


def test_hidden_and_partial_numbers_in_data_files(project: Project) -> None:
    documents = (
        "documents:\n"
        "  - {kind: passport, number: E11112222, country: CN, publish: full}\n"
        "  - {kind: national_id, number: 110101197001011234, publish: partial}\n"
        "  - {kind: other, number: HIDDEN99887766, publish: hidden}\n"
    )
    project.case("doc-case", CASE + documents)
    files = generate(project.root)
    for path, content in files.items():
        text = content.decode("utf-8-sig")
        assert "HIDDEN99887766" not in text and "110101197001011234" not in text, path
    case = json.loads(files["api/v1/cases/doc-case.json"])
    assert [(d["kind"], d["number"]) for d in case["documents"]] == [
        ("passport", "E11112222"),
        ("national_id", "••••1234"),
    ]
    entities = [json.loads(line) for line in files["ftm/entities.json"].decode().splitlines()]
    passports = [e for e in entities if e["schema"] == "Passport"]
    assert [p["properties"]["number"] for p in passports] == [["E11112222"]]
    assert not any(e["schema"] == "Identification" for e in entities)  # partial: left out
    for entity in entities:
        check_entity(entity)


def _blocks(language: str) -> list[str]:
    text = (ROOT / "docs" / "data.md").read_text("utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


def _keys(schema: Any) -> set[str]:
    if isinstance(schema, list):
        return set().union(*map(_keys, schema)) if schema else set()
    if not isinstance(schema, dict):
        return set()
    found = (
        set(schema.get("properties", {})) if isinstance(schema.get("properties"), dict) else set()
    )
    return found | set().union(*map(_keys, schema.values()))


def test_data_page_documents_every_field_with_valid_examples() -> None:
    page = (ROOT / "docs" / "data.md").read_text("utf-8")
    quoted = " ".join(re.findall(r"`([^`]+)`", page))
    schema = api_schema(ApiCase, "x")
    for key in sorted(_keys(schema) | _keys(api_schema(ApiCases, "x")) | set(CSV_COLUMNS)):
        assert re.search(rf"(^|[^a-z_]){key}($|[^a-z_])", quoted), f"{key} is not documented"

    (case,) = [b for b in _blocks("json") if '"api_url"' in b]
    jsonschema.Draft202012Validator(schema).validate(json.loads(case))
    ftm = [b for b in _blocks("json") if '"schema":"Person"' in b]
    for line in ftm[0].splitlines():
        check_entity(json.loads(line))
    (table,) = _blocks("text")
    assert tuple(table.splitlines()[0].split(",")) == CSV_COLUMNS
    (atom,) = _blocks("xml")
    entry = ET.fromstring(atom.replace("<entry>", f'<entry xmlns="{ATOM[1:-1]}">', 1))
    assert entry.findtext(f"{ATOM}id")
