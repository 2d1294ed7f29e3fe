"""Description, reward and caution: validated with file, line and field, shown on the page and
carried by every data format (API, CSV, FollowTheMoney, checked by the followthemoney model)."""

from __future__ import annotations

import csv
import html
import io
import json
from datetime import date

import pytest

from generator.build import build, inspect
from generator.source.errors import InputError
from tests.conftest import CASE, Project
from tests.test_opendata import check_entity

TODAY = date(2026, 11, 30)
DESCRIBED = CASE + (
    "description:\n"
    "  height: 170-180\n"
    "  weight: 72\n"
    "  eyes: hazel\n"
    "  hair: gray\n"
    "  build: slim\n"
    "  marks: Tattoo of a crane on the right forearm\n"
    "  languages: [zh, yue, en]\n"
    "reward:\n"
    "  amount: {value: 250000, currency: USD}\n"
    "  text: for information leading to the arrest\n"
    "caution: May be armed; do not approach\n"
)


@pytest.mark.parametrize(
    ("line", "field", "message"),
    [
        ("  height: 400", "description.height", "'400' is outside 50 to 250 cm"),
        ("  height: 180-170", "description.height", "the smaller number first"),
        ("  weight: 7.5", "description.weight", "expected text matching"),
        ("  eyes: violet", "description.eyes", "expected one of amber, black, blue"),
        ("  languages: [zz]", "description.languages[0]", "'zz' is not an ISO 639 language"),
        ("  languages: [zh, zh]", "description.languages", "zh listed more than once"),
    ],
)
def test_bad_values_are_refused_with_their_place(
    project: Project, line: str, field: str, message: str
) -> None:
    key = line.split(":")[0]
    text = "\n".join(line if row.startswith(key + ":") else row for row in DESCRIBED.split("\n"))
    project.case("described", text)
    with pytest.raises(InputError) as caught:
        inspect(project.root, TODAY)
    [problem] = caught.value.problems
    assert problem.file == "cases/described/case.yaml"
    assert problem.field == field
    assert problem.line == text.split("\n").index(line) + 1
    assert message in problem.message


def test_description_reward_and_caution_in_every_output(project: Project) -> None:
    project.case("described", DESCRIBED)
    build(project.root, project.root / ".cache", TODAY, site_url="https://example.org/")
    docs = project.root / "docs"
    page = html.unescape((docs / "cases/described/index.md").read_text("utf-8"))
    assert "<strong>Caution: </strong>May be armed; do not approach" in page
    assert page.index("Caution:") < page.index('class="mw-case"')  # before everything else
    assert "Height 170–180 cm, weight 72 kg, hazel eyes, gray hair, slim build" in page
    assert "Tattoo of a crane on the right forearm" in page
    assert "Chinese, Cantonese, English" in page
    assert "<strong>250,000 USD</strong>, for information leading to the arrest" in page

    record = json.loads((docs / "api/v1/cases/described.json").read_text("utf-8"))
    assert record["description"] == {
        "height": "170-180",
        "weight": "72",
        "eyes": "hazel",
        "hair": "gray",
        "build": "slim",
        "marks": "Tattoo of a crane on the right forearm",
        "languages": ["zh", "yue", "en"],
    }
    assert record["reward"] == {
        "amount": {"value": 250000, "currency": "USD"},
        "text": "for information leading to the arrest",
    }
    assert record["caution"] == "May be armed; do not approach"

    rows = list(csv.DictReader(io.StringIO((docs / "cases.csv").read_text("utf-8-sig"))))
    row = rows[0]
    assert (row["height_cm"], row["weight_kg"], row["eyes"], row["languages"]) == (
        "170-180",
        "72",
        "hazel",
        "zh; yue; en",
    )
    assert row["reward"] == "250,000 USD, for information leading to the arrest"
    assert row["caution"] == "May be armed; do not approach"

    entities = [json.loads(line) for line in (docs / "ftm/entities.json").read_text().splitlines()]
    person = next(e for e in entities if e["schema"] == "Person")
    check_entity(person)
    props = person["properties"]
    assert props["height"] == ["170", "180"] and props["weight"] == ["72"]
    assert props["eyeColor"] == ["hazel"] and props["hairColor"] == ["gray"]
    assert props["appearance"] == ["slim build, Tattoo of a crane on the right forearm"]


def test_a_case_without_a_description_has_empty_values(project: Project) -> None:
    project.case("plain")
    build(project.root, project.root / ".cache", TODAY, site_url="https://example.org/")
    record = json.loads((project.root / "docs/api/v1/cases/plain.json").read_text("utf-8"))
    assert (record["description"], record["reward"], record["caution"]) == (None, None, None)
    page = (project.root / "docs/cases/plain/index.md").read_text("utf-8")
    assert "Caution" not in page and "Reward" not in page and "Description" not in page
