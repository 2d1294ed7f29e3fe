"""The site's editions: one per language of `languages:` in cases/publication.yaml.

The default edition (the first language) keeps the site's addresses (/, /cases/<id>/); every
other edition lives under its language code (/zh/, /zh/cases/<id>/), built by MkDocs from
docs/<code>/ with its own configuration (`mkdocs.<code>.yml`, written by the build). Files
that do not depend on the language (photos, open data, feeds' enclosures) exist once, at the
site's root, and every edition links to them there.

Language tags follow BCP 47 as browsers, screen readers and search engines read them: the
language code, plus its script where CLDR (through Babel) knows the language in more than one
script (`zh-Hans` for Chinese in simplified characters; `en` stays `en`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from babel import Locale, localedata
from babel.core import get_global

from ..source.model import Settings


@dataclass(frozen=True)
class Edition:
    """One language edition: `language` as written in the settings (`zh`), its `prefix` under
    docs/ and in addresses ("" for the default edition, "zh/" for the others)."""

    language: str
    default: bool

    @property
    def prefix(self) -> str:
        return "" if self.default else f"{self.language}/"

    @property
    def up(self) -> str:
        """The way from the edition's root to the site's root: "" or "../"."""
        return "" if self.default else "../"

    @property
    def tag(self) -> str:
        """The BCP 47 language tag for `lang` attributes and hreflang (`zh-Hans`)."""
        return language_tag(self.language)

    @property
    def name(self) -> str:
        """The language's name in itself (中文, English, français), for the language menu."""
        return Locale.parse(self.language).get_display_name(self.language) or self.language


def editions(settings: Settings) -> tuple[Edition, ...]:
    """The editions of a site, the default first."""
    return tuple(Edition(lang, i == 0) for i, lang in enumerate(settings.languages))


@cache
def language_tag(language: str) -> str:
    """`zh` -> `zh-Hans`, `sr` -> `sr-Cyrl`, `en` -> `en`: the language's usual script is named
    when CLDR has a locale for the language in that script, which it has for the languages
    written in more than one."""
    script = likely_script(language)
    if script and f"{language}_{script}" in localedata.locale_identifiers():
        return f"{language}-{script}"
    return language


@cache
def likely_script(language: str) -> str | None:
    """The script a language is usually written in (CLDR's likely subtags): Hans for zh."""
    likely = get_global("likely_subtags").get(language, "")
    return next((p for p in likely.split("_")[1:] if len(p) == 4), None)


# The Unicode character names that begin the letters of some scripts, to tell whether a name is
# written in the script of an edition's language.
SCRIPT_LETTERS = {
    "Hans": ("CJK",),
    "Hant": ("CJK",),
    "Jpan": ("CJK", "HIRAGANA", "KATAKANA"),
    "Kore": ("HANGUL", "CJK"),
    "Cyrl": ("CYRILLIC",),
    "Arab": ("ARABIC",),
    "Grek": ("GREEK",),
    "Hebr": ("HEBREW",),
    "Thai": ("THAI",),
}


def in_script_of(language: str, text: str) -> bool:
    """Whether `text` is written in the usual script of `language` (by its first letter): the
    editions of such languages lead with a person's native name."""
    starts = SCRIPT_LETTERS.get(likely_script(language) or "")
    letter = next((ch for ch in text if ch.isalpha()), "")
    if not starts or not letter:
        return False
    return unicodedata.name(letter, "").startswith(starts)


# The language to tag a name with, by the script it is written in, where one language is the
# likely reader's: a Chinese name on an English page is read as Chinese.
SCRIPT_LANGUAGE = {"CJK": "zh-Hans", "CYRILLIC": "ru", "GREEK": "el", "HANGUL": "ko", "THAI": "th"}


def script_language(text: str) -> str:
    """The `lang` for a name written in a non-Latin script ("" for Latin letters)."""
    letter = next((ch for ch in text if ch.isalpha()), "")
    name = unicodedata.name(letter, "") if letter else ""
    return next((lang for start, lang in SCRIPT_LANGUAGE.items() if name.startswith(start)), "")
