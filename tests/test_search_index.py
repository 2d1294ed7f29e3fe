"""The Pagefind index of the sample site, decoded by Pagefind's own code in Node: what is in it,
and what never is (withdrawn cases, hidden numbers, boilerplate)."""

from __future__ import annotations

import json
from pathlib import Path

from generator.source.loader import load_project
from tests.conftest import ROOT
from tests.pagefind import case_id, every_entry, ranked, results


def test_index_holds_case_pages_only(built: Path, sample: dict[str, list[str]]) -> None:
    entries = every_entry(built)
    assert sorted(case_id(e["url"]) for e in entries) == sorted(sample["published"])


def test_index_holds_names_and_published_numbers(built: Path, sample: dict[str, list[str]]) -> None:
    text = json.dumps(every_entry(built), ensure_ascii=False)
    for loaded in load_project(ROOT).cases:
        if loaded.case.status != "withdrawn":
            assert loaded.case.name.latin in text
            assert not loaded.case.name.native or loaded.case.name.native in text
    for number in sample["full"]:
        assert number in text


def test_withdrawn_cases_and_hidden_numbers_are_not_in_the_index(
    built: Path, sample: dict[str, list[str]]
) -> None:
    entries = every_entry(built)
    text = json.dumps(entries, ensure_ascii=False)
    for value in sample["withdrawn_ids"] + sample["withdrawn_strings"]:
        assert value not in text, value
    for number in sample["hidden"]:
        for part in (number, number[-6:]):
            assert part not in text, part
    for number in sample["partial"]:
        assert number not in text and number[-6:] not in text, number


def test_searching_a_hidden_number_never_finds_its_owner(
    built: Path, sample: dict[str, list[str]]
) -> None:
    """Pagefind also matches an indexed word that begins the query (140 from "140,000,000 CNY"
    for 140105…), so a hidden number may bring up an unrelated case: never the person it
    belongs to, and never with the number in sight."""
    owners = {
        loaded.id: {d.number for d in loaded.case.documents} for loaded in load_project(ROOT).cases
    }
    found = results(built, *sample["hidden"], *sample["withdrawn_strings"])
    for query, pages in found.items():
        for page in pages:
            assert query not in owners.get(case_id(page["url"]), set()), query
            assert query not in json.dumps(page, ensure_ascii=False), query


def test_boilerplate_is_not_indexed(built: Path) -> None:
    """Field labels, the history, the sources and the "send a clue" box are left out."""
    (entry,) = [e for e in every_entry(built) if case_id(e["url"]) == "he-yanling"]
    content = entry["content"]
    assert content.startswith("HE Yanling 何艳玲")
    for boilerplate in ("Suspected location", "Quote reference", "Send a clue", "Listed", "Sex"):
        assert boilerplate not in content, boilerplate
    assert entry["meta"]["status"] == "At large" and entry["meta"]["country"] == "Thailand"
    assert entry["meta"]["image"].startswith("photos/")


def test_search_spellings_are_metadata_never_text(built: Path) -> None:
    """Joined pinyin, a number's last digits and the countries in the other language find the
    case, weighted through metadata, and are never part of its text, so never in an excerpt."""
    found = results(built, "heyanling", "263350", "泰国", "Hé Yànlíng")
    for query, pages in found.items():
        assert case_id(pages[0]["url"]) == "he-yanling", query
        shown = (pages[0]["excerpt"] + " " + pages[0]["content"]).replace("E18263350", "")
        for hidden in ("heyanling", "263350", "HEYanling", "yànlíng", "中国"):
            assert hidden not in shown, (query, hidden)


def test_renamed_case_is_not_in_the_index(built: Path) -> None:
    assert "tang-hy" not in [case_id(e["url"]) for e in every_entry(built)]
    assert ranked(built, "tanghengyuan")["tanghengyuan"][:1] == ["tang-hengyuan"]
