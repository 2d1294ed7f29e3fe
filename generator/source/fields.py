"""The building blocks of the case format: constants, patterns, limits and annotated types.

Each type says what an editor may write in one kind of field (a country code, a partial date, a
line of text of bounded length and safe characters) and how the mistake is explained; the models
in `model.py` put them together. Every limit here is in the JSON Schema and the editor guide.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
)

from .characters import IDENTIFIER, MULTI_LINE, SINGLE_LINE, character_problem
from .localized import AS_TEXT, BY_LANGUAGE, Texts, pick_shape, to_texts

CASE_ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{1,62})[a-z0-9]$")
CASE_ID_RULE = (
    "3 to 64 characters of lowercase a-z, 0-9 and hyphens, "
    "starting and ending with a letter or digit"
)
# Folders under cases/ in the built site that belong to the listing, not to a case: its later
# pages (cases/page/2/) and the processed photos (cases/photos/).
RESERVED_CASE_IDS = ("page", "photos")

# Codes that Babel knows as territories but that are not ISO 3166-1 alpha-2 countries.
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
WHOLE_NUMBER_PATTERN = r"^[0-9]+$"
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
PERIOD_PATTERN = r"^[1-9][0-9]{0,3} (days?|weeks?|months?|years?)$"
URL_PATTERN = r'^https?://[^\s<>"]+$'
LIST_ID_PATTERN = r"^[a-z0-9-]+$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
# How each pattern is explained to editors when a value does not match it.
PATTERN_HELP = {
    DATE_PATTERN: "a date as YYYY, YYYY-MM or YYYY-MM-DD",
    URL_PATTERN: "an http:// or https:// address",
    CASE_ID.pattern: f"a case id: {CASE_ID_RULE}",
    LIST_ID_PATTERN: "an id of lowercase letters, digits and hyphens",
    EMAIL_PATTERN: "an email address",
    DAY_PATTERN: "a day as YYYY-MM-DD",
    PERIOD_PATTERN: "a length of time such as 12 months, 2 years or 90 days",
}
_NOT_COUNTRIES = {
    "AC",
    "CP",
    "CQ",
    "DG",
    "EA",
    "EU",
    "EZ",
    "IC",
    "QO",
    "TA",
    "UN",
    "XA",
    "XB",
    "ZZ",
}


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes (plus XK, Kosovo), from Babel's CLDR data."""
    from babel import Locale

    codes = (str(code) for code in Locale("en").territories)
    return frozenset(c for c in codes if len(c) == 2 and c.isalpha() and c not in _NOT_COUNTRIES)


@cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 currency codes, from Babel's CLDR data."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


# The example values that `make new` writes into a new case file (templates/case.yaml.tmpl):
# each is refused wherever it stands, so a placeholder is never published by mistake.
PLACEHOLDERS = frozenset(
    {
        "Name in its own script",
        "Other Name",
        "Another Name",
        "City, Province",
        "Post held at the time of the suspected crimes",
        "Photograph taken in YYYY",
        "NUMBER",
        "YYYY/NNNNN",
        "Distinguishing marks",
        "For information leading to the arrest",
        "Warning shown first on the page",
        "State, province or city",
        "One line of text",
        "What the person is suspected of, in a few sentences.",
        "Title of the source",
        "https://example.org/source",
        "https://example.org/press",
    }
)


def _characters(kind: str) -> Any:
    """A validator that refuses the characters `characters.py` refuses in text of that kind,
    and the placeholders of a new case file."""

    def check(value: str) -> str:
        problem = character_problem(value, kind)
        if problem:
            raise ValueError(problem)
        if value in PLACEHOLDERS:
            raise ValueError(
                f"{value!r} is the example that `make new` wrote; write the real value, "
                "or delete the line"
            )
        return value

    return AfterValidator(check)


def _compatible(value: object) -> object:
    """A number typed with full-width characters (a Chinese input method) in its usual form."""
    return unicodedata.normalize("NFKC", value) if isinstance(value, str) else value


def _country(value: str) -> str:
    if value not in country_codes():
        hint = (
            f"; write it in capitals: {value.upper()}" if value.upper() in country_codes() else ""
        )
        raise ValueError(
            f"{value!r} is not an ISO 3166-1 alpha-2 country code such as CN or US{hint}"
        )
    return value


def _country_enum(schema: dict[str, Any]) -> None:
    """In the JSON Schema, list the accepted country codes (computed only when asked for)."""
    schema["enum"] = sorted(country_codes())


def _currency_enum(schema: dict[str, Any]) -> None:
    schema["enum"] = sorted(currency_codes())


def _currency(value: str) -> str:
    if value not in currency_codes():
        raise ValueError(f"{value!r} is not an ISO 4217 currency code such as CNY, USD or EUR")
    return value


def _partial_date(value: str) -> str:
    parts = [int(p) for p in value.split("-")]
    year, month, day = (
        parts[0],
        parts[1] if len(parts) > 1 else 1,
        parts[2] if len(parts) > 2 else 1,
    )
    if year < 1800:
        raise ValueError(f"{value!r} is before 1800; check the year")
    if not 1 <= month <= 12:
        raise ValueError(f"{value!r} has no month {month:02d}")
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"{value!r} is not a real date")
    return value


# Limits on what editors write, far above what a real case needs; each is in the JSON Schema
# and in the editor guide. Lengths count characters (code points, after NFC).
NAME_MAX = 200  # a name or an alias
NUMBER_MAX = 64  # a document number or a red notice reference
TEXT_MAX = 500  # any other single-line text: a charge, a caption, a note, a title
SUMMARY_MAX = 10_000  # the summary
URL_MAX = 2_000  # an address
CASE_FILE_MAX_BYTES = 256 * 1024  # a case.yaml or publication.yaml
# The most entries each list may hold.
MAX_ITEMS = {
    "aliases": 50,
    "nationality": 10,
    "photos": 20,
    "documents": 30,
    "crimes": 50,
    "lists": 20,
    "history": 200,
    "sources": 100,
    "previous_ids": 20,
    "named_lists": 100,
    "figures": 20,
    "languages": 10,
}


def _bounds(max_length: int) -> StringConstraints:
    return StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length)


Text = Annotated[str, _bounds(TEXT_MAX), _characters(SINGLE_LINE)]
NameText = Annotated[str, _bounds(NAME_MAX), _characters(IDENTIFIER)]
NumberText = Annotated[
    str, _bounds(NUMBER_MAX), _characters(IDENTIFIER), BeforeValidator(_compatible)
]
LongText = Annotated[str, _bounds(SUMMARY_MAX), _characters(MULTI_LINE)]
Country = Annotated[
    str,
    Field(
        description="ISO 3166-1 alpha-2 country code, in capitals (CN, US, NO)",
        examples=["CN"],
        json_schema_extra=_country_enum,
    ),
    AfterValidator(_country),
]
Currency = Annotated[
    str,
    Field(description="ISO 4217 currency code", examples=["CNY"], json_schema_extra=_currency_enum),
    AfterValidator(_currency),
]
PartialDate = Annotated[
    str,
    Field(
        pattern=DATE_PATTERN,
        description="A date, as precise as known: YYYY, YYYY-MM or YYYY-MM-DD",
        examples=["2012-07-14", "2012-07", "2012"],
    ),
    AfterValidator(_partial_date),
]
Day = Annotated[
    str,
    Field(pattern=DAY_PATTERN, description="A day, as YYYY-MM-DD", examples=["2026-11-30"]),
    AfterValidator(_partial_date),
]
Period = Annotated[
    str,
    Field(
        pattern=PERIOD_PATTERN,
        description="A length of time: N days, N weeks, N months or N years",
        examples=["12 months"],
    ),
]
Url = Annotated[
    str,
    Field(pattern=URL_PATTERN, max_length=URL_MAX, description="An http or https address"),
    _characters(SINGLE_LINE),
]
ListId = Annotated[str, StringConstraints(pattern=LIST_ID_PATTERN)]
CaseId = Annotated[str, Field(pattern=CASE_ID.pattern, description=CASE_ID_RULE)]
Publish = Literal["full", "partial", "hidden"]
Status = Literal["at_large", "arrested", "returned", "deceased", "withdrawn"]
EventKind = Literal[
    "listed",
    "red_notice",
    "located",
    "arrested",
    "returned",
    "surrendered",
    "deceased",
    "withdrawn",
    "corrected",
    "note",
]
DocumentKind = Literal["national_id", "passport", "other"]
Sex = Literal["male", "female", "unknown"]
ReturnMethod = Literal["extradited", "repatriated", "deported", "surrendered", "other"]


def unique_items(values: list[str]) -> list[str]:
    repeated = sorted({v for v in values if values.count(v) > 1})
    if repeated:
        raise ValueError(f"{', '.join(repeated)} listed more than once")
    return values


def _strict_bool(value: object) -> object:
    if isinstance(value, str) and value not in ("true", "false"):
        raise ValueError(f"expected true or false; got {value!r}")
    return value


def _digits(value: object) -> object:
    if isinstance(value, str) and not re.fullmatch(WHOLE_NUMBER_PATTERN, value):
        raise ValueError(f"expected a whole number written with digits only; got {value!r}")
    return value


# Whole numbers as digits only: "94_000_000" or "1e6" are refused rather than guessed at.
WholeNumber = Annotated[int, BeforeValidator(_digits)]
StrictBool = Annotated[bool, BeforeValidator(_strict_bool)]


def date_bounds(value: str) -> tuple[date, date]:
    """The earliest and latest day a partial date can mean."""
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(year, month, parts[2])
    return day, day


Email = Annotated[
    str, StringConstraints(pattern=EMAIL_PATTERN, max_length=254), _characters(SINGLE_LINE)
]

# What a person looks like: measures as a value or a range, and colours from controlled lists,
# as the lists of the FBI and INTERPOL publish them.
MEASURE_PATTERN = r"^[0-9]{1,3}(-[0-9]{1,3})?$"
HEIGHT_CM = (50, 250)
WEIGHT_KG = (20, 300)
EyeColour = Literal["amber", "black", "blue", "brown", "gray", "green", "hazel", "other"]
HairColour = Literal["bald", "black", "blond", "brown", "gray", "red", "white", "other"]
Build = Literal["slim", "medium", "heavy", "muscular"]


def measure_bounds(value: str) -> tuple[int, int]:
    """175 as (175, 175), 170-180 as (170, 180)."""
    low, _, high = value.partition("-")
    return int(low), int(high or low)


def _measure(limits: tuple[int, int], unit: str) -> Any:
    def check(value: str) -> str:
        low, high = measure_bounds(value)
        if not (limits[0] <= low <= high <= limits[1]):
            raise ValueError(
                f"{value!r} is outside {limits[0]} to {limits[1]} {unit}: give one value, or a "
                "range such as 170-180 with the smaller number first"
            )
        return value

    return AfterValidator(check)


Height = Annotated[
    str,
    Field(
        pattern=MEASURE_PATTERN,
        description="Height in centimetres: 175, or a range such as 170-180",
        examples=["175", "170-180"],
    ),
    _measure(HEIGHT_CM, "cm"),
]
Weight = Annotated[
    str,
    Field(
        pattern=MEASURE_PATTERN,
        description="Weight in kilograms: 70, or a range such as 65-75",
        examples=["70", "65-75"],
    ),
    _measure(WEIGHT_KG, "kg"),
]


@cache
def language_codes() -> frozenset[str]:
    """ISO 639 language codes that CLDR names (zh, en, yue, ...), from Babel."""
    from babel import Locale

    codes = (str(code) for code in Locale("en").languages)
    return frozenset(code for code in codes if "_" not in code)


def _language(value: str) -> str:
    if value not in language_codes():
        raise ValueError(f"{value!r} is not an ISO 639 language code such as zh, en or yue")
    return value


def _language_enum(schema: dict[str, Any]) -> None:
    schema["enum"] = sorted(language_codes())


Language = Annotated[
    str,
    Field(
        description="ISO 639 language code, in lower case (zh, en, yue)",
        json_schema_extra=_language_enum,
    ),
    AfterValidator(_language),
]


# Prose in one or more languages (see `localized.py`): plain text in the default language, or a
# mapping from language code to text, each text bounded and checked like the plain form. The
# loaded value is a `Texts` either way, which is what the type checker is told.
LOCALIZED_HELP = (
    "Text in the site's default language, or a mapping from language code to text "
    "({en: ..., zh: ...}) that includes the default language"
)
# A language code as a key of such a mapping; whether the site publishes it is checked later.
LanguageKey = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]
if TYPE_CHECKING:
    LocalText = Texts
    LocalLongText = Texts
else:

    def _localized(base: Any) -> Any:
        return Annotated[
            Annotated[base, Tag(AS_TEXT)] | Annotated[dict[LanguageKey, base], Tag(BY_LANGUAGE)],
            Discriminator(pick_shape),
            AfterValidator(to_texts),
            Field(description=LOCALIZED_HELP),
        ]

    LocalText = _localized(Text)
    LocalLongText = _localized(LongText)
