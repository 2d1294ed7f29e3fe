"""The words the site uses for codes: statuses, return methods, country names and dates.

Labels are English msgids, marked with `N_` for extraction and translated for each edition by
the pages (`pages.i18n`). Country and language names and dates come from Babel's CLDR data in
the edition's language; a country's name in Simplified Chinese is also shown beside the English
one, so a reader or a search for 加拿大 finds Canada too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import get_args

from babel import Locale
from babel.dates import format_date, format_skeleton

from ..source.fields import Build, EyeColour, HairColour
from ..source.model import Description
from ..source.text import N_

STATUS_LABELS = {
    "at_large": N_("At large"),
    "arrested": N_("Arrested"),
    "returned": N_("Returned"),
    "deceased": N_("Deceased"),
}
STATUS_ORDER = ("at_large", "arrested", "returned", "deceased")
METHOD_LABELS = {
    "extradited": N_("Extradited"),
    "repatriated": N_("Repatriated"),
    "deported": N_("Deported"),
    "surrendered": N_("Surrendered"),
    "other": N_("Other"),
}
# The filter and chart value for a case whose suspected whereabouts are not known. Country codes
# are two capitals, so this can never be mistaken for one.
UNKNOWN = "unknown"
UNKNOWN_LABEL = N_("Unknown")
# What each kind of history event is called in a case's history.
EVENT_LABELS = {
    "listed": N_("Listed"),
    "red_notice": N_("Red notice"),
    "located": N_("Located"),
    "arrested": N_("Arrested"),
    "returned": N_("Returned"),
    "surrendered": N_("Surrendered"),
    "deceased": N_("Deceased"),
    "withdrawn": N_("Withdrawn"),
    "corrected": N_("Corrected"),
    "note": N_("Note"),
}
# When a closed case's last known place comes from its history: "(arrested 2 March 2019)";
# from the case's own location, "(as of July 2012)".
AS_OF_LABELS = {
    None: N_("as of %(date)s"),
    "located": N_("located %(date)s"),
    "arrested": N_("arrested %(date)s"),
    "returned": N_("returned %(date)s"),
    "surrendered": N_("surrendered %(date)s"),
    "deceased": N_("deceased %(date)s"),
}
SEX_LABELS = {"male": N_("Male"), "female": N_("Female"), "unknown": N_("Unknown")}


@cache
def language_name(code: str, language: str = "en") -> str:
    """The name of an ISO 639 language code in a language, from CLDR: zh is Chinese, 中文."""
    return str(Locale.parse(language).languages.get(code, code))


def measure(value: str, unit: str) -> str:
    """A measure as shown: 175 cm, or 170–180 cm for a range."""
    return f"{value.replace('-', '–')} {unit}"


# The phrase `appearance` shows for each value of the model; every one is marked for the
# catalogs in APPEARANCE_MESSAGES (the extractor cannot read these f-strings).
EYES = {v: f"{v} eyes" for v in get_args(EyeColour)}
HAIR = {v: f"{v} hair" for v in get_args(HairColour)} | {"bald": "bald"}
BUILD = {v: f"{v} build" for v in get_args(Build)}
APPEARANCE_MESSAGES = (
    N_("height %(measure)s"),
    N_("weight %(measure)s"),
    N_("amber eyes"), N_("black eyes"), N_("blue eyes"), N_("brown eyes"), N_("gray eyes"),
    N_("green eyes"), N_("hazel eyes"), N_("other eyes"),
    N_("black hair"), N_("blond hair"), N_("brown hair"), N_("gray hair"), N_("red hair"),
    N_("white hair"), N_("other hair"), N_("bald"),
    N_("slim build"), N_("medium build"), N_("heavy build"), N_("muscular build"),
    N_(", "),
)  # fmt: skip


def appearance(description: Description, gettext: Callable[[str], str] = str) -> str:
    """Height, weight, eyes, hair and build as one line: "Height 172 cm, brown eyes"; ""
    when none is recorded. `gettext` translates each phrase (English when not given)."""
    d = description
    parts = [
        gettext("height %(measure)s") % {"measure": measure(d.height, "cm")} if d.height else "",
        gettext("weight %(measure)s") % {"measure": measure(d.weight, "kg")} if d.weight else "",
        gettext(EYES[d.eyes]) if d.eyes else "",
        gettext(HAIR[d.hair]) if d.hair else "",
        gettext(BUILD[d.build]) if d.build else "",
    ]
    line = gettext(", ").join(p for p in parts if p)
    return line[:1].upper() + line[1:]


@cache
def country_name(code: str, language: str = "en") -> str:
    """The name of a country code in a language (English by default), from CLDR."""
    return str(Locale.parse(language).territories.get(code, code))


@cache
def country_name_zh(code: str) -> str:
    """Simplified Chinese name of a country code, from Babel's CLDR data."""
    return str(Locale.parse("zh_Hans").territories.get(code, code))


def country_slug(code: str) -> str:
    """The URL folder of a country's page: its code in lower case, as in countries/ca/."""
    return code.lower()


# English keeps the house style (14 July 2012, July 2012); other languages take CLDR's own
# order for a year, a month of a year and a day (2012年7月14日, 2012年7月, 2012年).
ENGLISH_PATTERNS = ("y", "MMMM y", "d MMMM y")
SKELETONS = ("y", "yMMMM", "yMMMMd")


def human_date(value: str, language: str = "en") -> str:
    """A partial date as a reader writes it: 2012-07-14 as 14 July 2012 (2012年7月14日),
    2012-07 as July 2012 (2012年7月), 2012 as 2012 (2012年)."""
    parts = [int(part) for part in value.split("-")]
    day = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    precision = len(parts) - 1
    if language == "en":
        return str(format_date(day, ENGLISH_PATTERNS[precision], locale="en"))
    return str(format_skeleton(SKELETONS[precision], day, locale=language))
