"""The words the site uses for codes: statuses, return methods, country names and dates.

Country names come from Babel's CLDR data, in English and in Simplified Chinese (shown beside
the English name, so a reader or a search for 加拿大 finds Canada too).
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from ..source.model import Description

STATUS_LABELS = {
    "at_large": "At large",
    "arrested": "Arrested",
    "returned": "Returned",
    "deceased": "Deceased",
}
STATUS_ORDER = ("at_large", "arrested", "returned", "deceased")
METHOD_LABELS = {
    "extradited": "Extradited",
    "repatriated": "Repatriated",
    "deported": "Deported",
    "surrendered": "Surrendered",
    "other": "Other",
}
# The filter and chart value for a case whose suspected whereabouts are not known. Country codes
# are two capitals, so this can never be mistaken for one.
UNKNOWN = "unknown"


@cache
def language_name(code: str) -> str:
    """English name of an ISO 639 language code, from Babel's CLDR data: zh is Chinese."""
    return str(Locale("en").languages.get(code, code))


def measure(value: str, unit: str) -> str:
    """A measure as shown: 175 cm, or 170–180 cm for a range."""
    return f"{value.replace('-', '–')} {unit}"


def appearance(description: Description) -> str:
    """Height, weight, eyes, hair and build as one line: "Height 172 cm, brown eyes"; ""
    when none is recorded."""
    d = description
    parts = [
        f"height {measure(d.height, 'cm')}" if d.height else "",
        f"weight {measure(d.weight, 'kg')}" if d.weight else "",
        f"{d.eyes} eyes" if d.eyes else "",
        f"{d.hair} hair" if d.hair and d.hair != "bald" else ("bald" if d.hair else ""),
        f"{d.build} build" if d.build else "",
    ]
    line = ", ".join(p for p in parts if p)
    return line[:1].upper() + line[1:]


@cache
def country_name(code: str) -> str:
    """English name of a country code, from Babel's CLDR data."""
    return str(Locale("en").territories.get(code, code))


@cache
def country_name_zh(code: str) -> str:
    """Simplified Chinese name of a country code, from Babel's CLDR data."""
    return str(Locale.parse("zh_Hans").territories.get(code, code))


def country_slug(code: str) -> str:
    """The URL folder of a country's page: its code in lower case, as in countries/ca/."""
    return code.lower()


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def human_date(value: str) -> str:
    """2012-07-14 as 14 July 2012, 2012-07 as July 2012, 2012 as 2012."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
