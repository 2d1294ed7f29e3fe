"""`make new`: the id from the name, the commented case.yaml, and ids that are never reused."""

from __future__ import annotations

import os
import re
import subprocess
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from generator.build import check
from generator.editors.scaffold import ScaffoldError, create, derive_id, render_case
from generator.source.errors import InputError
from generator.source.fields import PLACEHOLDERS
from generator.source.model import Case
from generator.source.yamlsrc import parse
from tests.conftest import CASE, ROOT, Project

REQUIRED = {
    ("sex",): "female",
    ("nationality",): "[CN, CA]",
    ("crimes", 0, "charge"): "Embezzlement of public funds",
    ("fled", "date"): "2012-07-14",
    ("fled", "from"): "CN",
}
# Lines of the template that are commented-out fields, or the text lines of a commented block.
COMMENTED = re.compile(r"(?m)^(\s*)# (?!#)(\s*(?:- )?[a-z_]+:(?:\s|$).*|\s+[^#\s].*)$")
NEVER_IN_NEW_CASES = {"previous_ids"}  # a new case has no previous ids


def fill(text: str, values: dict[tuple[str | int, ...], str]) -> str:
    """Set values on the lines where the template's keys stand, keeping their comments."""
    lines = text.splitlines()
    doc = parse(text)
    for path, value in values.items():
        number = doc.key_lines[path] - 1
        key = re.escape(str(path[-1]))
        lines[number] = re.sub(rf"^(\s*(?:- )?{key}:)[^#]*", rf"\g<1> {value}  ", lines[number])
    return "\n".join(lines) + "\n"


def problems_of(root: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        check(root)
    return [f"{p.field}: {p.message}" for p in caught.value.problems]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("WANG Jianguo", "wang-jianguo"),
        ("  MARCHETTI   Hélène ", "marchetti-helene"),
        ("HAUGLAND Sverre Ødegård", "haugland-sverre-odegard"),
        ("O'NEIL Seán-Patrick", "o-neil-sean-patrick"),
        ("NGUYỄN Văn Đức", "nguyen-van-duc"),
    ],
)
def test_ids_come_from_the_latin_name(name: str, expected: str) -> None:
    assert derive_id(name) == expected


@pytest.mark.parametrize("name", ["王建国", "Иванов Иван", "Li 明"])
def test_a_name_in_another_script_asks_for_an_id(name: str) -> None:
    with pytest.raises(ScaffoldError, match=r"not written in Latin letters.*--id"):
        derive_id(name)


def test_an_id_too_short_is_refused() -> None:
    with pytest.raises(ScaffoldError, match="is not valid"):
        derive_id("Xi")


def test_new_case_validates_once_its_required_fields_are_filled(project: Project) -> None:
    made = create(project.root, "WANG Jianguo")
    assert made.path == project.root / "cases" / "wang-jianguo" / "case.yaml"
    text = made.path.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/case.schema.json\n")

    # As written, it names every required field still to fill, with its line.
    assert sorted(problems_of(project.root)) == [
        "crimes[0].charge: must not be empty",
        "fled.date: must not be empty",
        "fled.from: must not be empty",
        "nationality: needs at least one entry",
        "sex: expected one of male, female or unknown; got nothing",
    ]
    made.path.write_text(fill(text, REQUIRED), "utf-8")
    loaded, _ = check(project.root)
    (case,) = [c.case for c in loaded.cases]
    assert case.name.latin == "WANG Jianguo" and case.name.native is None
    assert case.nationality == ["CN", "CA"] and case.fled.from_ == "CN"
    assert case.status == "at_large" and case.crimes[0].amount is None


def test_every_commented_field_is_valid_once_its_placeholder_is_replaced(
    project: Project,
) -> None:
    made = create(project.root, "WANG Jianguo")
    project.photo("wang-jianguo", "front.jpg")
    text = COMMENTED.sub(r"\1\2", fill(made.path.read_text("utf-8"), REQUIRED))
    body = text.split("\n\n", 1)[1]
    assert not re.search(r"(?m)^\s*# (?!\s*#)", body), "a commented field was left over"

    # Untouched placeholders never pass as data: every one is an error on its own line.
    made.path.write_text(text, "utf-8")
    wrong = {line.split(":")[0] for line in problems_of(project.root)}
    assert wrong == {
        "name.native",
        "aliases[0]",
        "aliases[1]",
        "born",
        "birthplace",
        "position",
        "photos[0].caption",
        "documents[0].number",
        "documents[0].country",
        "location.country",
        "location.region",
        "location.as_of",
        "red_notice",
        "lists[0]",
        "history[0].date",
        "history[0].note",
        "history[0].source",
        "history[0].country",
        "summary",
        "reviewed",
        "description.height",
        "description.weight",
        "description.eyes",
        "description.hair",
        "description.build",
        "description.marks",
        "description.languages[0]",
        "reward.amount.value",
        "reward.amount.currency",
        "reward.text",
        "caution",
        "sources[0].title",
        "sources[0].url",
        "sources[0].date",
    }
    assert all(value in text for value in PLACEHOLDERS), "a placeholder left the template"

    for placeholder, value in {
        "YYYY-MM-DD": "2001-02-03",
        "YYYY-MM": "2001-02",
        "YYYY/NNNNN": "2015/12345",
        "taken in YYYY": "taken in 2001",
        ": XX": ": CN",
        "list-id": "priority",
        "NUMBER": "E12345678",
        "Name in its own script": "王建国",
        "Other Name": "Jimmy Wang",
        "Another Name": "Wang Jian",
        "City, Province": "Harbin",
        "Post held at the time of the suspected crimes": "Mayor",
        "State, province or city": "Ontario",
        "One line of text": "Listed",
        "What the person is suspected of, in a few sentences.": "Suspected of bribery.",
        "Title of the source": "Press release on the case",
        "CM": "175",
        "KG": "70-75",
        "eyes: COLOUR": "eyes: brown",
        "hair: COLOUR": "hair: black",
        "BUILD": "medium",
        "[LANGUAGE]": "[zh, en]",
        "AMOUNT": "100000",
        "currency: CUR": "currency: CNY",
        "https://example.org/source": "https://example.org/source/1",
        "https://example.org/press": "https://example.org/press/1",
        "Distinguishing marks": "Scar on the left hand",
        "For information leading to the arrest": "for information leading to the arrest",
        "Warning shown first on the page": "May be armed",
    }.items():
        text = text.replace(placeholder, value)
    made.path.write_text(text, "utf-8")
    loaded, _ = check(project.root)
    case = loaded.cases[0].case
    assert case.name.native == "王建国"
    assert case.aliases and case.photos and case.documents and case.history and case.sources
    assert case.location and case.location.country == "CN" and case.summary


def _fields(model: type[BaseModel], prefix: str = "") -> set[str]:
    out = set()
    for name, info in model.model_fields.items():
        key = info.alias or name
        out.add(key)
        for inner in _models(info.annotation):
            out |= _fields(inner, f"{prefix}{key}.")
    return out


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def _literals(annotation: Any) -> set[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return {str(a) for a in typing.get_args(annotation)}
    return {v for arg in typing.get_args(annotation) for v in _literals(arg)}


def test_the_template_lists_every_field_and_every_allowed_value() -> None:
    text = render_case("wang-jianguo", "WANG Jianguo")
    missing = {f for f in _fields(Case) if not re.search(rf"\b{f}:", text)}
    assert missing <= NEVER_IN_NEW_CASES
    values: set[str] = set()
    stack: list[type[BaseModel]] = [Case]
    while stack:
        model = stack.pop()
        for info in model.model_fields.values():
            values |= _literals(info.annotation)
            stack += _models(info.annotation)
    assert values >= {"male", "passport", "hidden", "withdrawn", "surrendered"}
    assert {v for v in values if not re.search(rf"\b{v}\b", text)} == set()


def test_ids_in_use_or_used_before_are_refused(project: Project) -> None:
    root = project.root
    project.case("wang-jianguo")
    with pytest.raises(ScaffoldError, match="already used by the existing folder"):
        create(root, "WANG Jianguo")
    project.case("li-ming", CASE + "previous_ids: [li-ming-old]\n")
    with pytest.raises(ScaffoldError, match="previous id of cases/li-ming/"):
        create(root, "Li Ming", "li-ming-old")

    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    project.case("zhao-lei")
    for command in (
        ["git", "init", "-q", "-b", "main"],
        ["git", "add", "-A"],
        ["git", "commit", "-qm", "add"],
        ["git", "rm", "-rq", "cases/zhao-lei"],
        ["git", "commit", "-qm", "remove"],
    ):
        subprocess.run(command, cwd=root, env=env, check=True)
    assert not (root / "cases" / "zhao-lei").exists()
    with pytest.raises(ScaffoldError, match="in git history"):
        create(root, "ZHAO Lei")
    assert create(root, "ZHAO Lei", "zhao-lei-1971").id == "zhao-lei-1971"


def test_make_new_writes_a_case_that_passes_yamllint(site_project: Project) -> None:
    root = site_project.root
    (root / ".venv").symlink_to(ROOT / ".venv")
    make = ["make", "--no-print-directory", "-o", ".venv/bin/.site-deps", "new"]
    made = subprocess.run(
        [*make, "NAME=MARCHETTI Hélène-Marie O'Neil"], cwd=root, capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    path = root / "cases" / "marchetti-helene-marie-o-neil" / "case.yaml"
    assert "latin: MARCHETTI Hélène-Marie O'Neil\n" in path.read_text("utf-8")
    native = subprocess.run([*make, "NAME=王建国", "ID=wang-jianguo"], cwd=root, text=True)
    assert native.returncode == 0
    assert "native: 王建国\n" in (root / "cases/wang-jianguo/case.yaml").read_text("utf-8")
    again = subprocess.run([*make, "NAME=WANG Jianguo"], cwd=root, capture_output=True, text=True)
    assert again.returncode != 0 and "already used" in again.stderr

    lint = subprocess.run(
        [str(ROOT / ".venv/bin/yamllint"), "--strict", "-c", str(ROOT / ".yamllint.yaml"), "cases"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout
