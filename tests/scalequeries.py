"""The queries of the search suite at scale, derived from the synthetic corpus (bench/corpus.py).

A query is only a test if the corpus decides its answer. So each query names every published
case that is a right answer: for a full name that several people share, any of them (the
person's other facts would tell them apart, not the name); for pinyin, everyone whose name reads
so, whatever the characters (李明 and 黎明 are both "li ming"), while pinyin with tone marks
names only those with the same tones (Lǐ Míng is 李明, Lí Míng is 黎明). A given name alone, an
alias, or the last four characters of a number is asked only when it belongs to one published
case. Picks are made by a seeded generator, so the same corpus always gives the same queries.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin

from bench.corpus import case_data, case_name
from bench.names import GIVEN, Person, toneless

PER_KIND = 10
HALF = PER_KIND // 2
KINDS = (
    "Chinese name",
    "pinyin, spaced",
    "pinyin, joined",
    "pinyin with tones",
    "given name alone",
    "alias",
    "full number",
    "last four",
)
TONED = {name: toned for name, toned, _, _ in GIVEN}  # a given name's pinyin with tones


@dataclass(frozen=True)
class Query:
    """What is typed into the box, its kind, and every case that is a right first result."""

    kind: str
    text: str
    expected: frozenset[str]


@dataclass(frozen=True)
class Reading:
    """One Chinese name of a person (their name or a former one): characters and tones."""

    family: str
    given: str
    family_toned: str
    given_toned: str

    @property
    def han(self) -> str:
        return self.family + self.given

    @property
    def toned(self) -> str:
        """Wáng Jiànguó"""
        return f"{self.family_toned} {self.given_toned}"

    @property
    def latin(self) -> str:
        """WANG Jianguo, as case files write it."""
        return f"{toneless(self.family_toned).upper()} {toneless(self.given_toned)}"


@dataclass(frozen=True)
class Entry:
    """A published case as the queries see it: its person and the numbers the site shows."""

    id: str
    person: Person
    full: tuple[str, ...]  # document numbers published in full
    partial: tuple[str, ...]  # numbers of which only the last four characters are published
    notice: str  # the red notice, always published

    @property
    def readings(self) -> list[Reading]:
        """The person's Chinese name and former Chinese names (with the same family name)."""
        person = self.person
        if not person.family:
            return []
        family_toned = person.toned.split()[0]
        givens = [person.given] + [
            a[len(person.family) :] for a in person.aliases if not a.isascii()
        ]
        return [Reading(person.family, g, family_toned, TONED[g]) for g in givens]


def entries(cases: int, published: Iterable[str]) -> list[Entry]:
    """The synthetic corpus's published cases, in corpus order."""
    shown = set(published)
    found = []
    for i in range(cases):
        case_id, data, _ = case_data(i)
        if case_id in shown:
            documents = data["documents"]
            full = tuple(d["number"] for d in documents if d["publish"] == "full")
            partial = tuple(d["number"] for d in documents if d["publish"] == "partial")
            found.append(Entry(case_id, case_name(i)[2], full, partial, data["red_notice"]))
    return found


def _group(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Keys (compared in lower case) mapped to the ids of every case they belong to."""
    groups: dict[str, set[str]] = defaultdict(set)
    for key, case_id in pairs:
        groups[key.lower()].add(case_id)
    return {key: frozenset(ids) for key, ids in groups.items()}


def _pick(label: str, keys: Iterable[str], count: int = PER_KIND) -> list[str]:
    """count of the keys, chosen by a generator seeded with the label."""
    options = sorted(set(keys))
    return random.Random(label).sample(options, min(count, len(options)))


def _misread(reading: Reading) -> bool:
    """Whether pypinyin reads these characters otherwise than this name does."""
    read = "".join(lazy_pinyin(reading.han, style=Style.TONE))
    return read != reading.toned.lower().replace(" ", "")


def _names(found: list[Entry]) -> list[Query]:
    """Chinese names whole and in pinyin: spaced (as written or typed plain), joined, with tones.
    A joined query is also right for everyone whose given name it is (xiaoming is XIAO Ming and
    any of the Xiaomings)."""
    readings = [(r, e.id) for e in found for r in e.readings]
    by_han = _group((r.han, i) for r, i in readings)
    by_latin = _group((r.latin, i) for r, i in readings)
    by_toned = _group((r.toned, i) for r, i in readings)
    joined = _group(
        [(r.latin.replace(" ", ""), i) for r, i in readings]
        + [(toneless(r.given_toned), i) for r, i in readings]
    )
    joined_toned = _group(
        [(r.toned.replace(" ", ""), i) for r, i in readings]
        + [(r.given_toned, i) for r, i in readings]
    )
    queries = []
    # Half of the Chinese names held by one person, half shared by several.
    names = [r.han for r, _ in readings]
    picked = _pick("han-one", (n for n in names if len(by_han[n]) == 1), HALF)
    picked += _pick("han-shared", (n for n in names if len(by_han[n]) > 1), PER_KIND - HALF)
    queries += [Query(KINDS[0], name, by_han[name]) for name in picked]
    # Pinyin held by one person, and pinyin that different characters share.
    natives = _group((r.latin, r.han) for r, _ in readings)
    latin = [r.latin for r, _ in readings]
    picked = _pick("latin-one", (n for n in latin if len(by_latin[n.lower()]) == 1), HALF)
    collide = (n for n in latin if len(natives[n.lower()]) > 1)
    picked += _pick("latin-collide", collide, PER_KIND - HALF)
    for k, name in enumerate(picked):
        queries.append(Query(KINDS[1], name if k % 2 else name.lower(), by_latin[name.lower()]))
    for name in _pick("latin-joined", latin):
        typed = name.lower().replace(" ", "")
        queries.append(Query(KINDS[2], typed, joined[typed]))
    # Tones: where they tell apart names whose plain pinyin is the same, where pypinyin reads a
    # character otherwise than a name does (曾 is Zēng as a family name, céng as a word), any.
    toned = [r.toned for r, _ in readings]
    apart = (r.toned for r, _ in readings if by_latin[r.latin.lower()] != by_toned[r.toned.lower()])
    misread = (r.toned for r, _ in readings if _misread(r))
    picked = _pick("toned-apart", apart, PER_KIND // 3)
    picked += _pick("toned-misread", misread, PER_KIND // 5)
    picked += _pick("toned-any", set(toned) - set(picked), PER_KIND - len(picked))
    for k, name in enumerate(picked):
        if k % 2:
            typed = name.replace(" ", "")
            queries.append(Query(KINDS[3], typed, joined_toned[typed.lower()]))
        else:
            queries.append(Query(KINDS[3], name, by_toned[name.lower()]))
    return queries


def _others(found: list[Entry]) -> list[Query]:
    """Given names alone, aliases, numbers in full and their last four characters."""
    readings = [(r, e.id) for e in found for r in e.readings]
    queries = []
    # A given name that is one published person's and no one's family name or joined name, in
    # characters and in pinyin.
    parts = _group([(r.family, i) for r, i in readings] + [(r.given, i) for r, i in readings])
    given = (r.given for r, _ in readings if len(parts[r.given]) == 1)
    queries += [Query(KINDS[4], g, parts[g]) for g in _pick("given-han", given, HALF)]
    spoken = _group(
        [(toneless(r.family_toned), i) for r, i in readings]
        + [(toneless(r.given_toned), i) for r, i in readings]
        + [(r.latin.replace(" ", ""), i) for r, i in readings]
    )
    pinyin = (toneless(r.given_toned) for r, _ in readings)
    unique = (g for g in pinyin if len(spoken[g.lower()]) == 1)
    queries += [
        Query(KINDS[4], g, spoken[g.lower()])
        for g in _pick("given-pinyin", unique, PER_KIND - HALF)
    ]
    # Aliases that one published person has and that name no one else.
    english = _group((a, e.id) for e in found for a in e.person.aliases if a.isascii())
    written = [a for e in found for a in e.person.aliases if a.isascii()]
    alone = (a for a in written if len(english[a.lower()]) == 1)
    picked = _pick("alias-english", alone, PER_KIND - PER_KIND // 3)
    queries += [Query(KINDS[5], a, english[a.lower()]) for a in picked]
    by_han = _group((r.han, i) for r, i in readings)
    former = (r.han for e in found for r in e.readings[1:] if len(by_han[r.han]) == 1)
    queries += [Query(KINDS[5], a, by_han[a]) for a in _pick("alias-han", former, PER_KIND // 3)]
    # Numbers published in full (passports and identity numbers), as written or in lower case.
    owner = {n: e.id for e in found for n in (*e.full, *e.partial, e.notice)}
    passports = (n for e in found for n in e.full if n[0].isalpha())
    identities = (n for e in found for n in e.full if n[0].isdigit())
    picked = _pick("full-passport", passports, HALF)
    picked += _pick("full-identity", identities, PER_KIND - HALF)
    for k, number in enumerate(picked):
        typed = number.lower() if k % 2 else number
        queries.append(Query(KINDS[6], typed, frozenset({owner[number]})))
    # The last four characters of a published number that no other published number ends with.
    endings = _group((re.sub(r"[^0-9A-Za-z]", "", n)[-4:], i) for n, i in owner.items())
    numbers = (n[-4:] for e in found for n in (*e.full, *e.partial))
    alone = (n for n in numbers if len(endings[n.lower()]) == 1)
    queries += [Query(KINDS[7], n, endings[n.lower()]) for n in _pick("last-four", alone)]
    return queries


def scale_queries(found: list[Entry]) -> list[Query]:
    """PER_KIND queries of each kind in KINDS, over the published cases `found`."""
    return _names(found) + _others(found)
