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
from functools import cache
from gettext import NullTranslations
from pathlib import Path

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
