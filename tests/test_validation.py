"""Every class of editor mistake is reported with its file, line, field and an explanation."""

from __future__ import annotations

from datetime import date

import pytest

from generator.build import check
from generator.source.errors import InputError, Problem
from tests.conftest import CASE, Project

TODAY = date(2026, 11, 26)


def problems(project: Project) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        check(project.root, TODAY)
    return caught.value.problems


def only(project: Project) -> Problem:
    found = problems(project)
    assert len(found) == 1, found
    return found[0]


def test_valid_case_passes(project: Project) -> None:
    project.case("test-person")
    loaded, _ = check(project.root, TODAY)
    assert [c.id for c in loaded.cases] == ["test-person"]


def test_yaml_values_keep_their_text(project: Project) -> None:
    """NO stays Norway, leading zeros and a final X stay, 2012-07 stays a partial date."""
    project.case(
        "typing",
        CASE.replace("nationality: [CN]", "nationality: [NO]").replace(
            "born: 1970-05", "born: 1970"
        )
        + "documents:\n"
        "  - kind: passport\n    number: 01234567\n"
        "  - kind: national_id\n    number: 33030219620301451X\n"
        "location:\n  country: NO\n  as_of: 2012-07\n",
    )
    loaded, _ = check(project.root, TODAY)
    case = loaded.cases[0].case
    assert case.nationality == ["NO"]
    assert case.born == "1970"
    assert [d.number for d in case.documents] == ["01234567", "33030219620301451X"]
    assert case.location is not None and case.location.as_of == "2012-07"


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ("extra: &a 1\nother: *a\n", "anchors (&name) are not allowed"),
        ("extra: !!python/object:os.system ls\n", "tags such as"),
    ],
)
def test_anchors_aliases_and_tags_are_refused(project: Project, snippet: str, message: str) -> None:
    project.case("tricky", CASE + snippet)
    found = only(project)
    assert (found.file, found.line) == ("cases/tricky/case.yaml", 13)
    assert message in found.message


def test_alias_is_refused(project: Project) -> None:
    project.case("alias", CASE.replace("sex: female", "sex: &s female") + "aliases: [*s]\n")
    found = only(project)
    assert found.line == 4 and "anchors" in found.message


def test_duplicate_key(project: Project) -> None:
    project.case("dup", CASE + "sex: male\n")
    found = only(project)
    assert (found.line, found.field) == (13, "sex")
    assert found.message == "duplicate key (first given on line 4)"


def test_unknown_key_suggests_the_closest(project: Project) -> None:
    project.case("typo", CASE.replace("  from: CN", "  form: CN"))
    found = problems(project)
    unknown = next(p for p in found if p.field == "fled.form")
    assert unknown.line == 11
    assert unknown.message == "unknown field 'form'; did you mean 'from'?"
    missing = next(p for p in found if p.field == "fled.from")
    assert missing.message == "required field is missing"


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        (
            "sex: female",
            "sex: femal",
            4,
            "sex",
            "expected one of male, female or unknown; got 'femal'",
        ),
        (
            "nationality: [CN]",
            "nationality: [XY]",
            6,
            "nationality[0]",
            "'XY' is not an ISO 3166-1",
        ),
        ("nationality: [CN]", "nationality: [cn]", 6, "nationality[0]", "write it in capitals: CN"),
        ("nationality: [CN]", "nationality: CN", 6, "nationality", "expected a list"),
        ("born: 1970-05", "born: 1970-02-30", 5, "born", "'1970-02-30' is not a real date"),
        (
            "born: 1970-05",
            "born: 05/1970",
            5,
            "born",
            "expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            "  - charge: Bribery",
            "  - charge: Bribery\n    amount: {value: 5, currency: XYZ}",
            9,
            "crimes[0].amount.currency",
            "'XYZ' is not an ISO 4217 currency code",
        ),
        (
            "  - charge: Bribery",
            "  - charge: Bribery\n    amount: {value: 5m, currency: USD}",
            9,
            "crimes[0].amount.value",
            "expected a whole number",
        ),
        ("born: 1970-05", "born: 2011", 5, "born", "born 2011 is after the flight on 2010-01-02"),
        ("born: 1970-05", "born: 2030-01", 5, "born", "2030-01 is in the future"),
        ("crimes:\n  - charge: Bribery\n", "crimes: []\n", 7, "crimes", "needs at least one entry"),
    ],
)
def test_field_errors(
    project: Project, old: str, new: str, line: int, field: str, message: str
) -> None:
    assert old in CASE
    project.case("bad-field", CASE.replace(old, new))
    found = [p for p in problems(project) if p.field == field]
    assert found, problems(project)
    assert (found[0].file, found[0].line) == ("cases/bad-field/case.yaml", line)
    assert message in found[0].message


def test_history_out_of_order(project: Project) -> None:
    project.case(
        "order",
        CASE + "history:\n  - date: 2015\n    event: note\n  - date: 2014-03\n    event: located\n",
    )
    found = only(project)
    assert (found.line, found.field) == (16, "history[1].date")
    assert "comes before the previous event (2015)" in found.message


@pytest.mark.parametrize(
    ("status", "events", "message"),
    [
        ("at_large", ["arrested"], "expected status arrested"),
        ("arrested", ["arrested", "surrendered"], "expected status returned"),
        ("returned", [], "needs a history event returned or surrendered"),
        ("deceased", ["note"], "needs a history event deceased"),
    ],
)
def test_status_must_agree_with_history(
    project: Project, status: str, events: list[str], message: str
) -> None:
    history = "".join(f"  - date: 201{i + 1}\n    event: {e}\n" for i, e in enumerate(events))
    text = CASE.replace("status: at_large", f"status: {status}")
    project.case("status", text + ("history:\n" + history if events else ""))
    found = only(project)
    assert (found.line, found.field) == (12, "status")
    assert message in found.message


def test_photo_missing_and_outside_folder(project: Project) -> None:
    photos = "photos:\n  - file: nothere.jpg\n  - file: ../other/x.jpg\n"
    project.case("photo-checks", CASE + photos)
    found = problems(project)
    assert [(p.line, p.field) for p in found] == [(14, "photos[0].file"), (15, "photos[1].file")]
    assert "does not exist" in found[0].message
    assert "outside the case folder" in found[1].message


def test_photo_that_is_not_an_image(project: Project) -> None:
    project.write("cases/fake/front.jpg", "not an image at all")
    project.case("fake", CASE + "photos:\n  - file: front.jpg\n")
    found = only(project)
    assert found.field == "photos[0].file" and "is not a JPEG, PNG or WebP image" in found.message


def test_non_utf8_and_empty_files(project: Project) -> None:
    (project.root / "cases" / "latin1").mkdir()
    (project.root / "cases" / "latin1" / "case.yaml").write_bytes(
        CASE.encode() + b"birthplace: K\xf6ln\n"
    )
    project.write("cases/empty/case.yaml", "\n  \n")
    found = problems(project)
    assert [(p.file, p.line) for p in found] == [
        ("cases/empty/case.yaml", 0),
        ("cases/latin1/case.yaml", 13),
    ]
    assert found[0].message == "file is empty"
    assert "is not UTF-8 text (byte 0xf6)" in found[1].message


def test_bad_folder_name_and_missing_case_file(project: Project) -> None:
    project.case("Bad_Name")
    (project.root / "cases" / "no-file").mkdir()
    found = problems(project)
    assert [p.file for p in found] == ["cases/Bad_Name", "cases/no-file"]
    assert "is not a valid case id" in found[0].message
    assert "has no case.yaml" in found[1].message


def test_same_document_number_in_two_cases(project: Project) -> None:
    docs = "documents:\n  - kind: passport\n    number: {}\n"
    project.case("first", CASE + docs.format("E1234 5678"))
    project.case("second", CASE + docs.format("e12345678"))
    found = only(project)
    assert (found.file, found.line, found.field) == (
        "cases/second/case.yaml",
        15,
        "documents[0].number",
    )
    assert "already used in cases/first/case.yaml (documents[0])" in found.message


def test_undeclared_list_and_unsafe_summary(project: Project) -> None:
    text = CASE + "lists: [secret]\nsummary: |\n  See [this](javascript:alert(1)) now.\n"
    project.case("links", text)
    found = problems(project)
    assert [p.field for p in found] == ["lists[0]", "summary"]
    assert "not declared in publication.yaml" in found[0].message
    assert "'javascript:alert(1)' is not allowed" in found[1].message


def test_every_error_in_every_case_in_one_run(project: Project) -> None:
    project.case("one", CASE.replace("sex: female", "sex: x"))
    project.case("two", CASE.replace("born: 1970-05", "born: 1970-13"))
    project.write("cases/publication.yaml", "title: T\n")
    found = problems(project)
    files = {p.file for p in found}
    assert files == {"cases/one/case.yaml", "cases/two/case.yaml", "cases/publication.yaml"}
    assert len(found) >= 6
