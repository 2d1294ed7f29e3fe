"""Extra words for each case page's search entry, so the public finds a person by any spelling.

Pagefind matches each query word as the beginning of an indexed word. That leaves gaps for
names: pinyin typed without spaces ("wangjianguo"), a Chinese given name alone (建国 when the
segmenter keeps 王建国 as one word), tone marks (Wáng against Wang, read as a name reads them: 曾
is Zēng as a family name), the pinyin of a Chinese name that has no romanisation, country names
in Chinese, the end of a document number, or a Chinese word inside a compound (公款 in
挪用公款罪). This module lists those forms. The case page gives them to Pagefind as metadata
(`names` and `terms`), which the search script weights far above page text (so that a name ranks
its person first) but never shows, neither on the page nor in the excerpt under a result. Only
published values are used: the input is the `Published` view, in which hidden numbers no longer
exist.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import warnings
from functools import cache
from typing import Any

from babel import Locale
from pypinyin import Style, lazy_pinyin, pinyin

from ..source.localized import Texts
from .publish import Published

# Two-character Chinese surnames, so that the given name is split off correctly.
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容",
        "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "西门", "南宫", "独孤",
    }
)  # fmt: skip
# Family names that pypinyin, reading them as words, reads otherwise than as family names: 曾 is
# Zēng as a family name and céng in 曾经, 任 is Rén, 肖 Xiāo, 单 Shàn. Their readings as names.
FAMILY_READINGS = {
    "曾": "zēng", "任": "rén", "肖": "xiāo", "单": "shàn", "解": "xiè", "仇": "qiú", "朴": "piáo",
    "查": "zhā", "区": "ōu", "盖": "gě", "乐": "yuè", "华": "huà", "纪": "jǐ", "覃": "qín",
    "缪": "miào", "翟": "zhái", "召": "shào", "种": "chóng", "燕": "yān", "薄": "bó", "员": "yùn",
    "阚": "kàn", "隗": "wěi", "句": "gōu", "相": "xiàng", "折": "shé", "繁": "pó", "卜": "bǔ",
    "佴": "nài", "占": "zhān", "秘": "bì", "祭": "zhài",
}  # fmt: skip
_WORDS = re.compile(r"[\s\-]+")  # how the search separator splits a name into words
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def plain(text: str) -> str:
    """Text without tone marks or accents: Wáng Jiànguó -> Wang Jianguo, Hélène -> Helene."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_han(text: str) -> bool:
    return bool(_HAN.search(text))


def latin_forms(name: str) -> list[str]:
    """A romanised name as written, without accents, joined, and each part alone."""
    words = [w for w in re.split(r"[\s\-'‘’ʼ.,]+", name) if w]
    forms = [name, plain(name)]
    for variant in (words, [plain(w) for w in words]):
        forms.append("".join(variant))
        forms.extend(variant)
    return forms


def han_forms(name: str) -> list[str]:
    """A Chinese name whole, its given name alone, its pinyin with and without tones, and the
    name's every ending and every character alone.

    The endings and characters are for the Chinese edition: on a page in Chinese, Pagefind cuts
    the query into words with the browser's own segmenter (Intl.Segmenter, ICU's dictionary),
    which cuts names into single characters (少华 into 少 and 华, 欧阳晓明 into 欧阳, 晓 and 明),
    and then asks every piece to begin a word of the page. Each piece of a name begins one of its
    endings, and a single character is one word to the segmenter that built the index too."""
    han = "".join(ch for ch in name if is_han(ch))
    if not han:
        return [name]
    surname_length = 2 if han[:2] in COMPOUND_SURNAMES and len(han) > 2 else 1
    forms = [name, han[:surname_length], han[surname_length:]]
    forms += [han[k:] for k in range(1, len(han))] + list(han)
    for syllables in (_untoned(han, surname_length), name_syllables(han, surname_length)):
        surname, given = syllables[:surname_length], syllables[surname_length:]
        forms += ["".join(syllables), "".join(surname), "".join(given)]
    return forms


def name_syllables(han: str, surname_length: int) -> list[str]:
    """A Chinese name's pinyin with tone marks, syllable by syllable, read as a name: the family
    name as FAMILY_READINGS says, and no syllable of the given name without a tone (pypinyin
    reads 子 in 子豪 toneless, as in 儿子; a name's 子 is zǐ)."""
    syllables = lazy_pinyin(han, style=Style.TONE)
    if len(syllables) != len(han):
        return syllables
    if surname_length == 1 and han[0] in FAMILY_READINGS:
        syllables[0] = FAMILY_READINGS[han[0]]
    for k in range(surname_length, len(han)):
        if syllables[k] == plain(syllables[k]):  # no tone mark
            readings = pinyin(han[k], style=Style.TONE, heteronym=True)[0]
            same = [r for r in readings if r != plain(r) and plain(r) == syllables[k]]
            syllables[k] = same[0] if same else syllables[k]
    return syllables


def _untoned(han: str, surname_length: int) -> list[str]:
    """A Chinese name's pinyin without tone marks (ü as v, as typed), the family name read as a
    family name."""
    syllables = lazy_pinyin(han, style=Style.NORMAL)
    if surname_length == 1 and han[0] in FAMILY_READINGS and len(syllables) == len(han):
        syllables[0] = plain(FAMILY_READINGS[han[0]])
    return syllables


@cache
def country_names(code: str) -> tuple[str, ...]:
    """A country's name in English and in Chinese, from Babel."""
    names = [Locale(tag).territories.get(code, "") for tag in ("en", "zh_Hans")]
    return tuple(str(name) for name in names if name)


def number_forms(number: str) -> list[str]:
    """A published number without spaces or punctuation, and its last four and six characters."""
    compact = re.sub(r"[^0-9A-Za-z]", "", number)
    return [number, compact, compact[-4:], compact[-6:]] if compact else [number]


def name_terms(p: Published) -> tuple[str, ...]:
    """Every form of the person's names and aliases, without repeats, in order."""
    case = p.case
    forms: list[str] = latin_forms(case.name.latin)
    if case.name.native:
        forms += han_forms(case.name.native) if is_han(case.name.native) else [case.name.native]
    for alias in case.aliases:
        forms += han_forms(alias) if is_han(alias) else latin_forms(alias)
    return _unique([word for form in forms for word in _WORDS.split(form)])


@cache
def quiet_jieba() -> Any:
    """jieba, imported on first use and quiet: its import warns about pkg_resources, and its
    first segmentation logs "Building prefix dict…" lines into every build's output."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        import jieba
    jieba.setLogLevel(logging.WARNING)
    return jieba


def han_words(text: str) -> list[str]:
    """The Chinese words inside a text, down to the words inside compounds: jieba's search-engine
    segmentation gives 挪用, 公款 and 挪用公款 for 挪用公款罪, so that a query for 公款 finds it."""
    words: list[str] = []
    for run in _HAN_RUN.findall(text):
        words += (word for word in quiet_jieba().cut_for_search(run) if len(word) > 1)
    return words


def search_terms(p: Published) -> tuple[str, ...]:
    """Every other form under which this case should be found: crimes (in every language the
    editors wrote them, so each edition finds them in its own), numbers, countries."""
    case = p.case
    forms: list[str] = [text for crime in case.crimes for text in every_language(crime.charge)]
    prose = [*forms, case.summary, case.position, case.birthplace]
    if case.location:
        prose.append(case.location.region)
    for text in (t for value in prose for t in every_language(value)):
        if is_han(text):
            forms += han_words(text)
    for document in p.documents:
        if document.policy == "full":
            forms += number_forms(document.number)
        else:
            forms.append(document.number[-4:])
    if case.red_notice:
        forms += number_forms(case.red_notice)
    countries = {*case.nationality, case.fled.from_}
    if case.location:
        countries.add(case.location.country)
    for code in sorted(countries):
        forms += country_names(code)
    return _unique(forms)


def every_language(value: str | None) -> list[str]:
    """The texts of a prose value in every language it is written in (`Texts`), or itself."""
    if value is None:
        return []
    return list(value.by_language.values()) if isinstance(value, Texts) else [value]


def _unique(forms: list[str]) -> tuple[str, ...]:
    """The forms without blanks or repeats (ignoring case), in order."""
    kept: list[str] = []
    seen: set[str] = set()
    for form in (f.strip() for f in forms):
        if form and form.lower() not in seen:
            seen.add(form.lower())
            kept.append(form)
    return tuple(kept)
