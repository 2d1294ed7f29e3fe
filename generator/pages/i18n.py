"""The site's own words in each edition's language: gettext catalogs kept with Babel.

The words are English msgids in the templates (`{% trans %}`, `_()`) and in the code (labels
marked `N_()`); `make translations` extracts them into generator/locales/messages.pot and
updates generator/locales/<language>/LC_MESSAGES/messages.po, the files translators edit.
Every build compiles each edition's .po in memory (Babel's reader and writer), so no compiled
file is kept in the repository. A language without a catalog, or a msgid without a translation,
shows the English words: an edition can be published before its catalog is complete.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from gettext import NullTranslations
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"


def catalog_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> NullTranslations:
    """The compiled catalog of a language; English (the msgids) when there is none."""
    path = catalog_path(language)
    if not path.is_file():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def gettext(language: str, message: str) -> str:
    """One message in a language."""
    return translations(language).gettext(message)


def ngettext(language: str, singular: str, plural: str, n: int) -> str:
    """One message with a number in a language, in the form the number takes."""
    return translations(language).ngettext(singular, plural, n)


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a singular and a plural form, translated where it is shown (by
    `ngettext`, or in the browser from `plural_forms`)."""
    return singular, plural


@dataclass(frozen=True)
class Speech:
    """The words of one edition for the code that builds text (charts, facets): its language
    (for CLDR names and numbers) and its catalog. The default, `Speech()`, speaks English."""

    language: str = "en"

    def gettext(self, message: str) -> str:
        return translations(self.language).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return translations(self.language).ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return translations(self.language).pgettext(context, message)


ENGLISH = Speech()


@cache
def plural_samples(language: str) -> dict[str, int]:
    """The CLDR plural categories of a language, each with the first whole number in it (zh:
    {"other": 0}; en: {"one": 1, "other": 0}): a script shows a message's form for a category,
    chosen by the browser's `Intl.PluralRules`, from the catalog's form for that number."""
    rule = Locale.parse(language).plural_form
    samples: dict[str, int] = {}
    for n in range(1000):
        samples.setdefault(rule(n), n)
    return dict(sorted(samples.items()))
