"""The synthetic corpus (bench/corpus.py, bench/names.py) is as hard to search as a real list:
names repeat and collide, numbers share prefixes and endings, and yet every case is valid."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from pathlib import Path

from bench.corpus import case_data, case_name, make_corpus, national_id, passport
from bench.names import FAMILY, GIVEN, toneless
from generator.source.loader import load_project

PEOPLE = [case_name(i)[2] for i in range(1000)]
CHINESE = [p for p in PEOPLE if p.family]


def test_common_family_names_dominate_and_full_names_repeat() -> None:
    families = Counter(p.family for p in CHINESE)
    assert [f for f, _ in families.most_common(3)] == ["王", "李", "张"]
    assert sum(families[f] for f in "王李张") > 0.2 * len(CHINESE)
    names = Counter(p.native for p in CHINESE)
    assert sum(1 for n in names.values() if n > 1) >= 50
    assert len(CHINESE) > 0.8 * len(PEOPLE)


def test_pinyin_collides_across_characters() -> None:
    readings: dict[str, set[str]] = defaultdict(set)
    for p in CHINESE:
        readings[p.latin].add(p.family)
    assert sum(1 for families in readings.values() if len(families) > 1) >= 10
    assert {f for f, toned, *_ in FAMILY if toneless(toned) == "Li"} == {"李", "黎"}


def test_names_and_tones_agree() -> None:
    """The Latin name is the toned pinyin without its marks; every alias is of its own kind."""
    for p in CHINESE:
        assert p.latin.lower() == toneless(p.toned).lower()
        assert p.native == p.family + p.given
    assert len({g for g, *_ in GIVEN}) == len(GIVEN)
    aliased = [p for p in PEOPLE if p.aliases]
    assert 0.1 * len(PEOPLE) < len(aliased) < 0.3 * len(PEOPLE)


def test_numbers_are_unique_valid_and_alike() -> None:
    """Unique by construction up to 15,991 cases; identity numbers carry a valid check character
    (the weighted sum of all 18, with X as 10, is 1 modulo 11); many share their last four."""
    identities = [national_id(i, "1970-01-01") for i in range(15991)]
    assert len(set(identities)) == len(identities)
    for number in identities[:2000]:
        digits = [10 if c == "X" else int(c) for c in number]
        assert sum(d * (2 ** (17 - k) % 11) for k, d in enumerate(digits)) % 11 == 1, number
    passports = {passport(i, 2015, random.Random(i))[-5:] for i in range(99991)}
    assert len(passports) == 99991
    numbers = [d["number"] for i in range(1000) for d in case_data(i)[1]["documents"]]
    assert len(set(numbers)) == len(numbers)
    endings = Counter(n[-4:] for n in numbers)
    assert sum(1 for n in endings.values() if n > 1) >= 50


def test_a_corpus_without_photos_is_valid(tmp_path: Path) -> None:
    assert make_corpus(tmp_path / "project", 40, photos=False) == 0
    assert not list((tmp_path / "project" / "cases").rglob("*.jpg"))
    project = load_project(tmp_path / "project")
    assert project.problems == () and len(project.cases) == 40
