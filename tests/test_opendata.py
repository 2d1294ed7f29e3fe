"""The open data of the sample site, built by a real MkDocs: every file checked against its
schema or model, and none holding anything of the withdrawn case or a hidden number."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from followthemoney import model as ftm_model

from generator.opendata.tables import CSV_COLUMNS
from generator.source.loader import load_project
from generator.source.schema import schema_files
from tests.pagefind import every_entry

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.org/most-wanted/"
ATOM = "{http://www.w3.org/2005/Atom}"
DATA_PATHS = ("api/", "ftm/", "schema/", "cases.csv", "feed.xml", "feed.json")


@pytest.fixture(scope="module")
def site(built: Path) -> Path:
    """The sample site that tests/conftest.py builds once for all readers."""
    return built


@pytest.fixture(scope="module")
def facts() -> dict[str, Any]:
    """What the sample's YAML says may and may not be published."""
    project = load_project(ROOT)
    assert project.settings is not None and not project.problems
    default = project.settings.default_publish
    withdrawn = [c for c in project.cases if c.case.status == "withdrawn"]
    published = [c for c in project.cases if c.case.status != "withdrawn"]
    policies = [(d.number, d.publish or default) for c in project.cases for d in c.case.documents]
    assert len(withdrawn) == 1
    gone = withdrawn[0]
    return {
        "published": sorted(c.id for c in published),
        "renamed": {old: c.id for c in published for old in c.case.previous_ids},
        "withdrawn": [
            gone.id,
            gone.case.name.latin,
            *filter(None, [gone.case.name.native]),
            *gone.case.aliases,
            *(d.number for d in gone.case.documents),
            *(s.url for s in gone.case.sources),
        ],
        "secret": [n for n, p in policies if p in ("hidden", "partial")],
        "hidden": [n for n, p in policies if p == "hidden"],
    }


def data_files(site: Path) -> dict[str, bytes]:
    """Every open-data file of the built site, redirect pages included."""
    files = {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }
    return {
        p: b
        for p, b in files.items()
        if p.startswith(DATA_PATHS) or (p.startswith("cases/") and b'http-equiv="refresh"' in b)
    }


def readings(path: str, raw: bytes) -> list[str]:
    """The text of a file as stored and as a reader decodes it (JSON escapes, XML entities)."""
    text = raw.decode("utf-8-sig")
    out = [text, html.unescape(text)]
    if path.endswith(".json"):
        lines = [text] if not path.startswith("ftm/") else text.splitlines()
        out += [json.dumps(json.loads(line), ensure_ascii=False) for line in lines]
    return out


def test_withdrawn_case_and_hidden_numbers_are_in_no_data_file(
    site: Path, facts: dict[str, Any]
) -> None:
    files = data_files(site)
    kinds = {p.split("/")[0] for p in files}
    assert {"api", "ftm", "schema", "cases.csv", "feed.xml", "feed.json", "cases"} <= kinds
    # cases.json, two API schemas, the CSV, two feeds, FtM and two case-file schemas
    assert len(files) == len(facts["published"]) + len(facts["renamed"]) + 9
    for path, raw in files.items():
        assert not any(value in path for value in facts["withdrawn"]), path
        for text in readings(path, raw):
            for value in facts["withdrawn"] + facts["secret"]:
                assert value not in text, (path, value)
    assert facts["hidden"], "the sample must have hidden numbers for this test to mean anything"


def test_api_files_match_the_published_schema(site: Path, facts: dict[str, Any]) -> None:
    api = site / "api" / "v1"
    schemas = {}
    for name in ("case", "cases"):
        schema = json.loads((api / f"{name}.schema.json").read_text("utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$id"] == f"{SITE_URL}api/v1/{name}.schema.json"
        schemas[name] = jsonschema.Draft202012Validator(schema)
    listing = json.loads((api / "cases.json").read_text("utf-8"))
    schemas["cases"].validate(listing)
    assert [c["id"] for c in listing["cases"]] == facts["published"]
    assert listing["count"] == len(facts["published"])
    assert listing["previous_ids"] == facts["renamed"]
    assert listing["demonstration"] is True
    files = sorted((api / "cases").glob("*.json"))
    assert [f.stem for f in files] == facts["published"]
    for item, file in zip(listing["cases"], files, strict=True):
        one = json.loads(file.read_text("utf-8"))
        schemas["case"].validate(one)
        assert one == item
    broken = dict(listing["cases"][0], status="withdrawn")
    assert list(schemas["case"].iter_errors(broken)), "the schema must refuse a withdrawn case"


def test_api_case_content_and_addresses(site: Path) -> None:
    case = json.loads((site / "api" / "v1" / "cases" / "tang-hengyuan.json").read_text("utf-8"))
    assert case["previous_ids"] == ["tang-hy"]
    assert case["name"] == {"latin": "TANG Hengyuan", "native": "唐恒远"}
    assert case["born"] == "1961-05-17" and case["location"]["as_of"] == "2017-04"
    assert case["crimes"][0]["amount"] == {"value": 120000000, "currency": "CNY"}
    assert {"kind": "national_id", "number": "••••0236", "country": "CN", "publish": "partial"} in (
        case["documents"]
    )
    assert [e["date"] for e in case["history"]] == ["2011-03-02", "2015-04-22", "2016"]
    urls = [case["url"], case["api_url"]] + [
        photo[size][fmt]["url"]
        for photo in case["photos"]
        for size in ("card", "large")
        for fmt in ("webp", "jpeg")
    ]
    assert len(urls) == 2 + 4 * 2
    for url in urls:
        assert url.startswith(SITE_URL), url
        target = site / url.removeprefix(SITE_URL)
        assert (target / "index.html" if url.endswith("/") else target).is_file(), url


def test_csv_opens_with_chinese_names_intact(site: Path, facts: dict[str, Any]) -> None:
    raw = (site / "cases.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_id = {row[0]: dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]}
    assert sorted(by_id) == facts["published"]
    tang = by_id["tang-hengyuan"]
    assert tang["name_native"] == "唐恒远"
    assert tang["previous_ids"] == "tang-hy"
    assert tang["crimes"] == "Embezzlement of public funds (120,000,000 CNY); Abuse of power"
    assert "national_id CN ••••0236" in tang["documents"]
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    assert out.getvalue().encode("utf-8-sig") == raw, "the file must round-trip unchanged"


def test_feeds_list_changes_newest_first(site: Path, facts: dict[str, Any]) -> None:
    root = ET.fromstring((site / "feed.xml").read_bytes())
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None, tag
    entries = root.findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    stamps = [e.findtext(f"{ATOM}updated") or "" for e in entries]
    assert len(set(ids)) == len(ids) > len(facts["published"])
    assert stamps == sorted(stamps, reverse=True)
    assert root.findtext(f"{ATOM}updated") == max(stamps)
    kinds = {e.find(f"{ATOM}category").get("term") for e in entries}  # type: ignore[union-attr]
    assert {"new", "arrested", "returned", "deceased", "red_notice", "removed"} <= kinds
    for entry in entries:
        link = entry.find(f"{ATOM}link")
        kind = entry.find(f"{ATOM}category").get("term")  # type: ignore[union-attr]
        assert link is not None
        href = link.get("href") or ""
        if kind == "removed":
            assert href == f"{SITE_URL}data/#feeds"  # where removals are explained
            assert entry.findtext(f"{ATOM}title") == "An entry was removed from the list"
        # Every link opens a page of the site, and its anchor, if any, is on that page.
        path, _, anchor = href.removeprefix(SITE_URL).partition("#")
        page = site / path / "index.html"
        assert page.is_file(), href
        assert not anchor or f'id="{anchor}"' in page.read_text("utf-8"), href
    # Entry ids of a renamed case are built on its oldest id, so they survive the rename.
    tang = [e for e in entries if "TANG Hengyuan" in (e.findtext(f"{ATOM}title") or "")]
    assert len(tang) == 4  # new case, and three history events
    assert all(f"{SITE_URL}cases/tang-hy/#" in (e.findtext(f"{ATOM}id") or "") for e in tang)

    feed = json.loads((site / "feed.json").read_text("utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert [item["id"] for item in feed["items"]] == ids
    assert [item["date_published"] for item in feed["items"]] == stamps


def check_entity(entity: dict[str, Any]) -> None:
    """Fail unless the FtM model accepts every property and value of the entity unchanged."""
    schema = ftm_model.get(entity["schema"])
    assert schema is not None and not schema.abstract, entity
    for name, values in entity["properties"].items():
        prop = schema.get(name)
        assert prop is not None and not prop.stub, (entity["id"], name)
        for value in values:
            assert prop.type.validate(value), (entity["id"], name, value)
    proxy = ftm_model.get_proxy(entity, cleaned=False)
    assert proxy.to_dict()["properties"] == entity["properties"], entity["id"]
    assert set(schema.required) <= set(entity["properties"]), entity["id"]


def test_ftm_entities_pass_the_followthemoney_model(site: Path, facts: dict[str, Any]) -> None:
    lines = (site / "ftm" / "entities.json").read_text("utf-8").splitlines()
    entities = [json.loads(line) for line in lines]
    for entity in entities:
        check_entity(entity)
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    for entity in entities:
        schema = ftm_model.get(entity["schema"])
        for name, values in entity["properties"].items():
            if schema.get(name).type.name == "entity":  # type: ignore[union-attr]
                assert set(values) <= ids, (entity["id"], name)
    people = [e for e in entities if e["schema"] == "Person"]
    assert len(people) == len(facts["published"])
    assert "mw-tang-hy" in ids and "mw-tang-hengyuan" not in ids
    schemas = {e["schema"] for e in entities}
    assert {"Person", "Passport", "Identification", "Sanction"} <= schemas
    notices = [e for e in entities if e["id"].endswith("-red-notice")]
    assert notices and all(e["properties"]["authorityId"] for e in notices)
    with pytest.raises(AssertionError):
        check_entity({"id": "x", "schema": "Person", "properties": {"name": ["A"], "sex": ["m"]}})
    with pytest.raises(AssertionError):
        check_entity({"id": "x", "schema": "Person", "properties": {"birthDate": ["soon"]}})


def test_case_schema_is_published_and_committed_as_generated(site: Path) -> None:
    for name, content in schema_files().items():
        assert (site / "schema" / name).read_bytes() == content, name
        committed = ROOT / "schema" / name
        assert committed.read_bytes() == content, (
            f"{committed} is out of date: run `python -m generator schema` and commit it"
        )


def test_renamed_case_redirects_and_stays_out_of_search_and_sitemap(site: Path) -> None:
    page = (site / "cases" / "tang-hy" / "index.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../tang-hengyuan/">' in page
    assert f'<link rel="canonical" href="{SITE_URL}cases/tang-hengyuan/">' in page
    assert (site / "cases" / "tang-hengyuan" / "index.html").is_file()
    assert "tang-hy" not in (site / "sitemap-pages.xml").read_text("utf-8")
    assert "/cases/tang-hy/" not in [entry["url"] for entry in every_entry(site)]


def test_data_page_links_every_format(site: Path) -> None:
    page = (site / "data" / "index.html").read_text("utf-8")
    for target in ("api/v1/cases.json", "cases.csv", "feed.xml", "ftm/entities.json"):
        assert f'href="../{target}"' in page, target
    home = (site / "index.html").read_text("utf-8")
    assert 'rel="alternate" type="application/atom+xml"' in home


def test_the_open_data_page_shows_a_real_sample_case(site: Path, facts: dict[str, Any]) -> None:
    """docs/data.md's example is a file of the sample site, laid out for reading: the same
    values, but for the photos' content hashes, the photos after the first and the git dates.
    Every case address the page gives names a sample case, or a former id of one."""
    text = (ROOT / "docs" / "data.md").read_text("utf-8")
    example = json.loads(text.split("```json\n", 1)[1].split("\n```", 1)[0])
    real = json.loads((site / "api/v1/cases" / f"{example['id']}.json").read_text("utf-8"))
    for case in (example, real):
        case["photos"] = json.loads(
            re.sub(r"/[0-9a-f]{16}-", "/…-", json.dumps(case["photos"][:1]))
        )
        del case["first_published"], case["last_changed"]
    assert example == real
    named = set(re.findall(r"cases/([a-z0-9-]+)(?:/|\.json)", text))
    assert named and named <= {*facts["published"], *facts["renamed"]}, named
