"""The case format and the publication settings: the contract with editors, as pydantic models.

Each model forbids unknown keys and describes every field; the same models validate the YAML,
document the format and generate its JSON Schema. Rules that span several fields or several
cases (dates in order, status against history, unique numbers) live in `checks.py`.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from .characters import IDENTIFIER, MULTI_LINE, SINGLE_LINE, character_problem

CASE_ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{1,62})[a-z0-9]$")
CASE_ID_RULE = (
    "3 to 64 characters of lowercase a-z, 0-9 and hyphens, "
    "starting and ending with a letter or digit"
)

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
        "State, province or city",
        "One line of text",
        "What the person is suspected of, in a few sentences.",
        "Press release",
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


def _unique(values: list[str]) -> list[str]:
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


class Strict(BaseModel):
    """Base of every model: unknown keys are errors and loaded data never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class Name(Strict):
    latin: NameText = Field(
        description="Name in Latin letters, family name in capitals as in a passport: WANG Jianguo"
    )
    native: NameText | None = Field(
        None, description="The name in its original script, such as 王建国"
    )


class Photo(Strict):
    file: NameText = Field(description="File name inside this case folder; JPEG, PNG or WebP")
    caption: Text | None = Field(
        None, description="Shown under the photo, such as 'Photograph taken in 2009'"
    )


class IdentityDocument(Strict):
    kind: DocumentKind = Field(description="What kind of document")
    number: NumberText = Field(
        description="The number as printed, letters and leading zeros included; full-width "
        "characters are kept in their usual form (Ｅ８７ becomes E87)"
    )
    country: Country | None = Field(None, description="Issuing country")
    publish: Publish | None = Field(
        None,
        description="full, partial (last four characters only) or hidden; "
        "default from publication settings",
    )


class Amount(Strict):
    value: WholeNumber = Field(gt=0, description="Whole units of the currency")
    currency: Currency


class Crime(Strict):
    charge: Text = Field(
        description="The suspected offence, such as 'Embezzlement of public funds'"
    )
    amount: Amount | None = Field(None, description="Sum involved, if known")


class Fled(Strict):
    date: PartialDate = Field(description="When the person left")
    from_: Country = Field(alias="from", description="Country the person fled from")


class Location(Strict):
    country: Country = Field(description="Country where the person is believed to be")
    region: Text | None = Field(None, description="State, province or city")
    as_of: PartialDate | None = Field(None, description="When this was last believed true")


class Event(Strict):
    date: PartialDate
    event: EventKind = Field(description="What happened; surrendered counts as returned")
    note: Text | None = None
    source: Url | None = None
    country: Country | None = Field(
        None, description="Where it happened; for a return, the country returned from"
    )
    method: ReturnMethod | None = Field(
        None,
        description="For a returned or surrendered event, how the person came back: extradited, "
        "repatriated, deported, surrendered or other; a surrendered event means surrendered",
    )


class Source(Strict):
    title: Text
    url: Url
    date: PartialDate | None = None


class Case(Strict):
    """One person, as written in cases/<id>/case.yaml."""

    name: Name
    aliases: list[NameText] = Field(
        default_factory=list,
        max_length=MAX_ITEMS["aliases"],
        description="Other names the person is known by",
    )
    sex: Sex
    born: PartialDate | None = Field(None, description="Date of birth, as precise as known")
    birthplace: Text | None = None
    nationality: Annotated[list[Country], AfterValidator(_unique)] = Field(
        min_length=1,
        max_length=MAX_ITEMS["nationality"],
        description="Nationalities, as country codes",
    )
    position: Text | None = Field(None, description="Post held at the time of the suspected crimes")
    photos: list[Photo] = Field(
        default_factory=list,
        max_length=MAX_ITEMS["photos"],
        description="Photos; the first is the main one",
    )
    documents: list[IdentityDocument] = Field(
        default_factory=list, max_length=MAX_ITEMS["documents"], description="Identity documents"
    )
    crimes: list[Crime] = Field(
        min_length=1, max_length=MAX_ITEMS["crimes"], description="Suspected crimes; at least one"
    )
    fled: Fled
    location: Location | None = Field(
        None, description="Suspected current whereabouts; omit when unknown"
    )
    red_notice: NumberText | None = Field(
        None, description="Interpol red notice reference, such as 2015/12345"
    )
    lists: Annotated[list[ListId], AfterValidator(_unique)] = Field(
        default_factory=list,
        max_length=MAX_ITEMS["lists"],
        description="Ids of named lists declared in the publication settings",
    )
    status: Status
    history: list[Event] = Field(
        default_factory=list, max_length=MAX_ITEMS["history"], description="Events, oldest first"
    )
    summary: LongText | None = Field(
        None,
        description="Paragraphs of text with a small part of Markdown: *emphasis*, **strong**, "
        "lists, and http(s) and mailto links; anything else shows as written",
    )
    sources: list[Source] = Field(default_factory=list, max_length=MAX_ITEMS["sources"])
    reviewed: Day | None = Field(
        None,
        description="The day an editor last confirmed this case; publication.yaml's "
        "review_every says how often",
    )
    previous_ids: Annotated[list[CaseId], AfterValidator(_unique)] = Field(
        default_factory=list,
        max_length=MAX_ITEMS["previous_ids"],
        description="Ids this case had before its folder was renamed, oldest first: their pages "
        "redirect here and they stay reserved for this case",
    )


class Agency(Strict):
    name: Text
    url: Url | None = None


class Tips(Strict):
    phone: Text | None = None
    email: (
        Annotated[
            str,
            StringConstraints(pattern=EMAIL_PATTERN, max_length=254),
            _characters(SINGLE_LINE),
        ]
        | None
    ) = None
    form: Url | None = Field(None, description="Address of the agency's web form for clues")
    note: Text | None = Field(None, description="A sentence shown with the channels")


class Corrections(Strict):
    """How a listed person, or someone acting for them, asks for a correction or removal."""

    email: (
        Annotated[
            str, StringConstraints(pattern=EMAIL_PATTERN, max_length=254), _characters(SINGLE_LINE)
        ]
        | None
    ) = None
    form: Url | None = Field(None, description="Address of the agency's form for such requests")
    address: Text | None = Field(None, description="Postal address, on one line")
    process: LongText = Field(
        description="A few sentences: who decides, how long it takes, how the person is told "
        "(paragraphs, emphasis, lists and links, as in a summary)"
    )

    @model_validator(mode="after")
    def _a_channel(self) -> Corrections:
        if not (self.email or self.form or self.address):
            raise ValueError("give at least one channel: email, form or address")
        return self


class NamedList(Strict):
    id: ListId
    title: Text
    description: Text | None = None


class Figure(Strict):
    label: Text
    value: WholeNumber = Field(ge=0)


class OfficialTotals(Strict):
    figures: list[Figure] = Field(min_length=1, max_length=MAX_ITEMS["figures"])
    as_of: PartialDate
    source: Source


class Settings(Strict):
    """The publication settings, in cases/publication.yaml."""

    title: Text = Field(description="Site title")
    agency: Agency
    tips: Tips
    default_publish: Publish = Field(
        description="Publish policy for document numbers that set none"
    )
    lists: list[NamedList] = Field(default_factory=list, max_length=MAX_ITEMS["named_lists"])
    official_totals: OfficialTotals | None = None
    demonstration: StrictBool = Field(
        description="True while the cases are fictional: every page says so"
    )
    corrections: Corrections | None = Field(
        None,
        description="The channel for requests to correct or remove a case; shown on the "
        "Corrections page that every case page links to",
    )
    review_every: Period | None = Field(
        None,
        description="How often every case must be reviewed, such as 12 months; a case is due "
        "30 days before and overdue after",
    )
    overdue: Literal["warn", "withhold"] = Field(
        "warn",
        description="What an overdue case does: warn (published, flagged to editors) or "
        "withhold (not published until reviewed)",
    )
    unsourced_status: Literal["warn", "error"] = Field(
        "warn",
        description="A status-changing history event without a source: a warning or an error",
    )
