"""What editors paste arrives safe: one Unicode form, no control, direction or invisible
characters, bounded lengths, a summary that cannot break out of its section, and a search that
folds what people type. The field cases (tests/fixtures/field-cases, copied from the reports in
shared/field-cases) are here with at least one more instance of each kind."""

from __future__ import annotations

import json
import shutil
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from generator.build import check
from generator.source.checks import normalise_number
from generator.source.errors import InputError, Problem
from generator.source.fields import NAME_MAX, SUMMARY_MAX, TEXT_MAX
from tests import pagefind
from tests.conftest import CASE, Project
from tests.test_site import mkdocs_build

FIELD_CASES = Path(__file__).parent / "fixtures" / "field-cases"
TODAY = date(2026, 11, 30)


def problems(project: Project) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        check(project.root, TODAY)
    return caught.value.problems


def located(found: list[Problem]) -> dict[tuple[int, str], str]:
    """Each problem by (line, field); every one must name both."""
    assert all(p.line > 0 and p.field for p in found), found
    return {(p.line, p.field): p.message for p in found}


# Control characters ------------------------------------------------------------------------


def test_field_case_control_characters_are_refused(project: Project) -> None:
    shutil.copytree(FIELD_CASES / "t-ctrl", project.root / "cases" / "t-ctrl")
    found = located(problems(project))
    assert set(found) == {(2, "name.latin"), (6, "crimes[0].charge")}
    assert "U+0010" in found[(2, "name.latin")] and "control character" in found[(2, "name.latin")]
    assert "U+001B" in found[(6, "crimes[0].charge")]
    assert all(p.file == "cases/t-ctrl/case.yaml" for p in problems(project))


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("birthplace", r'"Harbin\u0000"', "U+0000"),  # NUL
        ("birthplace", r'"Harbin\u009b31m"', "U+009B"),  # C1 control sequence introducer
        ("birthplace", r'"Harbin\u007f"', "U+007F"),  # DEL
        ("birthplace", r'"Har\tbin"', "U+0009"),  # a tab is for multi-line text only
        ("position", r'"Mayor\nof Harbin"', "single line"),
        ("position", r'"Mayor\u2028of Harbin"', "single line"),  # Unicode line separator
        ("summary", r'"Fled in 2010.\u0007"', "U+0007"),  # bell, even in the summary
    ],
)
def test_more_control_characters_are_refused(
    project: Project, field: str, value: str, expected: str
) -> None:
    project.case("ctrl", CASE + f"{field}: {value}\n")
    [problem] = problems(project)
    assert (problem.line, problem.field) == (13, field)
    assert expected in problem.message


def test_summary_keeps_its_line_breaks_and_tabs(project: Project) -> None:
    project.case("multi", CASE + 'summary: "First line.\\n\\n\\tSecond paragraph."\n')
    loaded, _ = check(project.root, TODAY)
    assert loaded.cases[0].case.summary == "First line.\n\n\tSecond paragraph."


# Direction controls and invisible characters -----------------------------------------------


def test_field_case_direction_override_and_zero_width_are_refused(project: Project) -> None:
    shutil.copytree(FIELD_CASES / "t-rlo", project.root / "cases" / "t-rlo")
    found = located(problems(project))
    assert set(found) == {(2, "name.latin"), (5, "aliases[0]"), (5, "aliases[1]")}
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in found[(2, "name.latin")]
    assert "U+200B ZERO WIDTH SPACE" in found[(5, "aliases[0]")]
    assert "U+200D ZERO WIDTH JOINER" in found[(5, "aliases[1]")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('  - charge: "Fraud \\u2066abroad\\u2069"', "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ('  - charge: "Fraud \\u202Aabroad"', "U+202A LEFT-TO-RIGHT EMBEDDING"),
        ('  - charge: "Fraud\\uFEFF abroad"', "U+FEFF"),  # byte order mark inside a value
    ],
)
def test_direction_controls_are_refused_in_any_text(
    project: Project, line: str, expected: str
) -> None:
    project.case("bidi", CASE.replace("  - charge: Bribery", line))
    [problem] = problems(project)
    assert (problem.line, problem.field) == (8, "crimes[0].charge")
    assert expected in problem.message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (r'"TEST\u2060Person"', "U+2060 WORD JOINER"),
        (r'"TEST\u00adPerson"', "U+00AD SOFT HYPHEN"),
        (r'"TEST Person\u200f"', "U+200F RIGHT-TO-LEFT MARK"),
        (r'"TEST Per\U000E0041son"', "U+E0041 TAG LATIN CAPITAL LETTER A"),
    ],
)
def test_invisible_characters_are_refused_in_names(
    project: Project, value: str, expected: str
) -> None:
    project.case("invisible", CASE.replace("  latin: TEST Person", f"  latin: {value}"))
    [problem] = problems(project)
    assert (problem.line, problem.field) == (2, "name.latin")
    assert expected in problem.message and "invisible" in problem.message


def test_invisible_characters_are_refused_in_numbers(project: Project) -> None:
    project.case(
        "number",
        CASE + 'documents:\n  - kind: passport\n    number: "E1234\\u200b5678"\n',
    )
    [problem] = problems(project)
    assert (problem.line, problem.field) == (15, "documents[0].number")


def test_joiners_are_allowed_between_letters_of_scripts_that_need_them(project: Project) -> None:
    """A Persian name with a zero-width non-joiner, a Devanagari one with a joiner: correct
    spellings, so accepted; the same characters in Latin letters are refused."""
    project.case(
        "joiners",
        CASE.replace("  native: 测试人", '  native: "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647"')
        + 'aliases: ["\u0915\u094d\u200d\u0937", "Te\u200cst"]\n',
    )
    [problem] = problems(project)
    assert problem.field == "aliases[1]" and "U+200C" in problem.message


# Unicode forms -----------------------------------------------------------------------------


def test_field_case_nfd_name_is_kept_in_nfc(project: Project) -> None:
    shutil.copytree(FIELD_CASES / "t-nfd", project.root / "cases" / "t-nfd")
    assert not unicodedata.is_normalized("NFC", (FIELD_CASES / "t-nfd/case.yaml").read_text())
    loaded, _ = check(project.root, TODAY)
    case = loaded.cases[0].case
    assert case.name.latin == "BÉRANGER Noël" == unicodedata.normalize("NFC", case.name.latin)
    assert case.aliases == ["Noël Béranger"]


def test_field_case_nfd_photo_file_name_is_found(project: Project) -> None:
    shutil.copytree(FIELD_CASES / "t-nfdfile", project.root / "cases" / "t-nfdfile")
    on_disk = [p.name for p in (project.root / "cases" / "t-nfdfile").iterdir()]
    assert "photo-e\u0301.jpg" in on_disk  # written in NFD, as macOS does
    loaded, _ = check(project.root, TODAY)
    assert loaded.cases[0].case.photos[0].file == "photo-\u00e9.jpg"


def test_nfc_photo_on_disk_found_from_an_nfd_name(project: Project) -> None:
    """The other way round: the YAML written on a Mac in NFD, the file in NFC."""
    project.photo("nfd-yaml", "café.jpg")
    project.case("nfd-yaml", CASE + "photos:\n  - file: cafe\u0301.jpg\n")
    loaded, _ = check(project.root, TODAY)
    assert loaded.cases[0].case.photos[0].file == "café.jpg"


def test_full_width_numbers_are_one_number(project: Project) -> None:
    """A number typed with a Chinese input method is the same number: the duplicate check finds
    it, naming both files, and it is kept in its usual form."""
    project.case("first", CASE + "documents:\n  - kind: passport\n    number: E87654321\n")
    project.case(
        "second", CASE + "documents:\n  - kind: passport\n    number: Ｅ８７６５４３２１\n"
    )
    [problem] = problems(project)
    assert (problem.file, problem.line, problem.field) == (
        "cases/second/case.yaml",
        15,
        "documents[0].number",
    )
    assert "cases/first/case.yaml" in problem.message
    assert "'E87654321'" in problem.message  # stored normalised, as the guide says


@pytest.mark.parametrize(
    ("a", "b"),
    [("e8765-4321", "E 8765 4321"), ("ｇ１２３４５", "G12345"), ("Ｅ８７－６５", "e87 65")],
)
def test_numbers_compare_by_compatibility_form(a: str, b: str) -> None:
    assert normalise_number(a) == normalise_number(b)


# Bounds ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "length", "limit"),
    [("birthplace", TEXT_MAX + 1, TEXT_MAX), ("position", 5000, TEXT_MAX)],
)
def test_over_long_text_is_refused(project: Project, field: str, length: int, limit: int) -> None:
    project.case("long", CASE + f"{field}: {'x' * length}\n")
    [problem] = problems(project)
    assert (problem.line, problem.field) == (13, field)
    assert problem.message == f"is {length} characters long; at most {limit} are allowed"


def test_over_long_name_alias_and_summary_are_refused(project: Project) -> None:
    project.case(
        "long",
        CASE.replace("  latin: TEST Person", f"  latin: {'N' * (NAME_MAX + 1)}")
        + f"aliases: [ok, {'a' * (NAME_MAX + 5)}]\n"
        + f"summary: {'s' * (SUMMARY_MAX + 1)}\n",
    )
    found = located(problems(project))
    assert set(found) == {(2, "name.latin"), (13, "aliases[1]"), (14, "summary")}
    assert f"at most {NAME_MAX}" in found[(13, "aliases[1]")]


def test_too_many_items_are_refused(project: Project) -> None:
    crimes = "".join(f"  - charge: Fraud {i}\n" for i in range(51))
    aliases = ", ".join(f"Alias {i}" for i in range(51))
    project.case("many", CASE.replace("  - charge: Bribery\n", crimes) + f"aliases: [{aliases}]\n")
    found = located(problems(project))
    assert found[(7, "crimes")] == "has 51 entries; at most 50 are allowed"
    assert found[(63, "aliases")] == "has 51 entries; at most 50 are allowed"


def test_over_large_case_file_is_refused(project: Project) -> None:
    project.case("huge", CASE + "# " + "padding " * 40_000 + "\n")
    [problem] = problems(project)
    assert problem.file == "cases/huge/case.yaml"
    assert "a file may be at most 256 KiB" in problem.message


def test_schema_carries_the_limits() -> None:
    schema = json.loads((Path(__file__).parents[1] / "schema/case.schema.json").read_text())
    defs = schema["$defs"]
    summary = schema["properties"]["summary"]["anyOf"][0]["oneOf"]  # text, or text by language
    by_language = summary[1]["patternProperties"]["^[a-z]{2,3}$"]
    assert summary[0]["maxLength"] == by_language["maxLength"] == SUMMARY_MAX
    assert schema["properties"]["crimes"]["maxItems"] == 50
    assert defs["Name"]["properties"]["latin"]["maxLength"] == NAME_MAX
    assert defs["IdentityDocument"]["properties"]["number"]["maxLength"] == 64


# The built site: search folding, the summary's subset, no hidden text in previews ------------

APOSTROPHE = (
    CASE.replace("  latin: TEST Person", "  latin: O’BRIEN Seán").replace("  native: 测试人\n", "")
    + 'aliases: ["D\'Arcy Kinsella", "Maʼilikeʼe"]\n'
)


@pytest.fixture(scope="module")
def field_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site configuration with the field cases that must build, and more instances."""
    from tests.conftest import IGNORE, ROOT

    root = tmp_path_factory.mktemp("field") / "project"
    shutil.copytree(ROOT, root, ignore=IGNORE)
    project = Project(root)
    for name in ("t-nfd", "t-cjk", "t-breakout", "t-nfdfile"):
        shutil.copytree(FIELD_CASES / name, root / "cases" / name)
    project.case("t-apostrophe", APOSTROPHE)
    project.case(
        "t-summary",
        CASE
        + "summary: |\n"
        + "  # Withdrawn\n\n"
        + "  Notice\n  ------\n\n"
        + "  | a | b |\n  |---|---|\n  | c | d |\n\n"
        + "  <div>raw</div> {: .admonition }\n\n"
        + "  [^1]: a footnote\n\n"
        + "  - a *listed* fact, with [a source](https://example.org/s)\n",
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def search(site: Path, *queries: str) -> dict[str, list[str]]:
    """The case ids each query finds, in Pagefind's own search code under Node."""
    return pagefind.ranked(site, *queries)


def test_search_folds_unicode_forms_and_apostrophes(field_site: Path) -> None:
    queries = {
        "Noël": "t-nfd",  # NFC, as typed, finds the name written in NFD
        "béranger": "t-nfd",
        "Noel": "t-nfd",
        "O'Brien": "t-apostrophe",  # ASCII apostrophe finds the typographic one
        "O’Brien": "t-apostrophe",
        "D’Arcy": "t-apostrophe",  # and the other way round
        "Maʼilikeʼe": "t-apostrophe",  # modifier letter apostrophe
        "Ma'ilike'e": "t-apostrophe",
    }
    found = search(field_site, *queries)
    for query, expected in queries.items():
        assert found[query][:1] == [expected], (query, found[query])


def test_search_finds_a_chinese_word_inside_a_compound(field_site: Path) -> None:
    found = search(field_site, "公款", "挪用", "欧阳建华", "海外")
    for query in ("公款", "挪用", "欧阳建华", "海外"):
        assert found[query][:1] == ["t-cjk"], (query, found[query])


def test_search_entries_hold_no_hidden_spellings(field_site: Path) -> None:
    """What a result shows under its title is an excerpt of the entry's text: the spellings made
    only to be found (joined pinyin, Chinese sub-words, countries in the other language) are
    metadata, never in it."""
    entries = [e for e in pagefind.every_entry(field_site) if "/cases/t-" in e["url"]]
    texts = " ".join(e["content"] for e in entries)
    for hidden in ("OBRIEN", "ōuyáng", "ouyangjianhua", "中国 China", "公款 挪用"):
        assert hidden not in texts, hidden
    for pages in pagefind.results(field_site, "ouyangjianhua", "OBrien", "公款").values():
        assert pages and "ouyangjianhua" not in pages[0]["excerpt"].lower()
        assert "OBRIEN" not in pages[0]["excerpt"]


def test_summary_cannot_break_out_of_its_section(field_site: Path) -> None:
    for case_id in ("t-breakout", "t-summary"):
        page = (field_site / "cases" / case_id / "index.html").read_text("utf-8")
        article = page[page.index("<article") : page.index("</article>")]
        summary = article[article.index('<div class="mw-summary">') :]
        summary = summary[: summary.index("</div>\n") + 6]
        assert article.count("<h1") == 1, case_id
        for element in ("<h1", "<h2", "<h3", "<hr", "<table", 'class="admonition', "<sup", "<div>"):
            assert element not in summary, (case_id, element)
    breakout = (field_site / "cases/t-breakout/index.html").read_text("utf-8")
    assert "Official notice: this person is no longer wanted" in breakout  # as plain text
    assert "Charges dropped\n===============" in breakout
    summary = (field_site / "cases/t-summary/index.html").read_text("utf-8")
    assert "# Withdrawn" in summary and "&lt;div&gt;raw&lt;/div&gt;" in summary
    assert '<li>a <em>listed</em> fact, with <a href="https://example.org/s">a source</a>' in (
        summary
    )


def test_nfd_named_photo_is_published(field_site: Path) -> None:
    page = (field_site / "cases/t-nfdfile/index.html").read_text("utf-8")
    assert "No photograph published" not in page and "/photos/" in page
