"""The shape of the published JSON API (api/v1/), as pydantic models.

These models are the contract with the people who consume the data: `datafiles.py` fills them
from the public view only, their JSON Schema is published beside the data
(`api/v1/case.schema.json`, `api/v1/cases.schema.json`), and the tests validate every file
against it. Every key is always present; a value that is not known is null or an empty list.
A change that removes or renames a key needs a new version folder (api/v2/).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.source.fields import (
    Build,
    DocumentKind,
    EventKind,
    EyeColour,
    HairColour,
    Sex,
)

API_VERSION = 1
PublicStatus = Literal["at_large", "arrested", "returned", "deceased"]
DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
DATETIME = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
COUNTRY = r"^[A-Z]{2}$"


class Out(BaseModel):
    """Base of the API models: no key beyond those declared."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# Prose the editors may write in several languages: plain text when only the default language
# is written, else a mapping from language code to text, the default language first.
PROSE = (
    "Text, or, where the editors wrote it in several languages, a mapping from language code "
    "to text with the site's default language first"
)
Prose = str | dict[str, str]


def text_of(value: Prose | None) -> str | None:
    """The default language's text of a prose value (its first language)."""
    if value is None or isinstance(value, str):
        return value
    return next(iter(value.values()))


def texts_of(value: Prose | None) -> list[str]:
    """Every language's text of a prose value, the default first."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value.values())


PartialDate = Annotated[
    str, Field(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD, as precise as known")
]


class ApiName(Out):
    latin: str = Field(description="Name in Latin letters, family name in capitals")
    native: str | None = Field(description="Name in its original script, such as 王建国")


class ApiAmount(Out):
    value: int = Field(gt=0, description="Whole units of the currency")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 currency code")


class ApiCrime(Out):
    charge: Prose = Field(description="The suspected offence. " + PROSE)
    amount: ApiAmount | None = Field(description="Sum involved, if known")


class ApiFled(Out):
    date: PartialDate
    from_: str = Field(serialization_alias="from", pattern=COUNTRY, description="Country fled from")


class ApiLocation(Out):
    country: str = Field(pattern=COUNTRY, description="Country where the person is believed to be")
    region: Prose | None = Field(description="State, province or city. " + PROSE)
    as_of: str | None = Field(pattern=DATE, description="When this was last believed true")


class ApiDescription(Out):
    height: str | None = Field(description="Centimetres: 175, or a range 170-180")
    weight: str | None = Field(description="Kilograms: 70, or a range 65-75")
    eyes: EyeColour | None
    hair: HairColour | None
    build: Build | None
    marks: Prose | None = Field(description="Distinguishing marks. " + PROSE)
    languages: list[str] = Field(description="Languages spoken, as ISO 639 codes")


class ApiReward(Out):
    amount: ApiAmount
    text: Prose = Field(description="What the reward is offered for. " + PROSE)


class ApiPosters(Out):
    a4: str = Field(description="Address of the PDF poster on A4 paper")
    letter: str = Field(description="Address of the PDF poster on US Letter paper")


class ApiList(Out):
    id: str = Field(description="Id of a named list of the publication settings")
    title: Prose = Field(description=PROSE)


class ApiEvent(Out):
    date: PartialDate
    event: EventKind
    note: Prose | None = Field(description=PROSE)
    source: str | None = Field(description="http(s) address of a source for the event")
    country: str | None = Field(
        pattern=COUNTRY, description="Where it happened; for a return, the country returned from"
    )


class ApiSource(Out):
    title: Prose = Field(description=PROSE)
    url: str
    date: str | None = Field(pattern=DATE)


class ApiDocument(Out):
    kind: DocumentKind
    number: str = Field(
        description="The whole number (publish full) or •••• and its last four characters "
        "(publish partial); documents whose number is hidden are not listed at all"
    )
    country: str | None = Field(pattern=COUNTRY, description="Issuing country")
    publish: Literal["full", "partial"]


class ApiPhotoFile(Out):
    url: str
    width: int = Field(gt=0)
    height: int = Field(gt=0)
    type: Literal["image/webp", "image/jpeg"]


class ApiPhotoSize(Out):
    webp: ApiPhotoFile
    jpeg: ApiPhotoFile


class ApiPhoto(Out):
    caption: Prose | None = Field(description=PROSE)
    alt: str = Field(description="Text alternative used on the site")
    card: ApiPhotoSize = Field(description="360x450, cropped to fill")
    large: ApiPhotoSize = Field(description="At most 960x1200, never upscaled")


class ApiCase(Out):
    """One published case: api/v1/cases/<id>.json, and one item of cases.json."""

    id: str = Field(description="The case id; it never changes meaning")
    previous_ids: list[str] = Field(description="Ids the case had before, oldest first")
    url: str = Field(description="Address of the case page")
    api_url: str = Field(description="Address of this case's JSON file")
    name: ApiName
    aliases: list[str]
    sex: Sex
    born: str | None = Field(pattern=DATE, description="Date of birth, as precise as known")
    birthplace: Prose | None = Field(description=PROSE)
    nationality: list[str] = Field(description="Country codes (ISO 3166-1 alpha-2)")
    position: Prose | None = Field(
        description="Post held at the time of the suspected crimes. " + PROSE
    )
    crimes: list[ApiCrime]
    fled: ApiFled
    location: ApiLocation | None = Field(description="Suspected whereabouts; null when unknown")
    red_notice: str | None = Field(description="Interpol red notice reference")
    lists: list[ApiList]
    status: PublicStatus
    history: list[ApiEvent] = Field(description="Events, oldest first")
    summary: Prose | None = Field(description="Markdown text, as the editors wrote it. " + PROSE)
    sources: list[ApiSource]
    documents: list[ApiDocument] = Field(description="Identity documents that are published")
    photos: list[ApiPhoto] = Field(description="The first is the main photo")
    first_published: str = Field(pattern=DATETIME, description="First commit of the case, UTC")
    last_changed: str = Field(pattern=DATETIME, description="Latest change of the case, UTC")
    description: ApiDescription | None = Field(
        description="What helps recognise the person; null when nothing is recorded"
    )
    reward: ApiReward | None = Field(description="A reward offered for information")
    caution: Prose | None = Field(
        description="A warning from the agency, such as 'may be armed'. " + PROSE
    )
    posters: ApiPosters | None = Field(
        description="The printable PDF posters; null when the publication makes none"
    )
    share_image: str | None = Field(
        description="Address of the 1200 x 630 JPEG shown when the case page is shared"
    )
    reviewed: str | None = Field(
        description="The day an editor last confirmed the case (YYYY-MM-DD); null if never"
    )


class ApiCases(Out):
    """api/v1/cases.json: every published case in one file, no paging."""

    api_version: Literal[1]
    title: Prose = Field(description="Title of the publication. " + PROSE)
    publisher: Prose = Field(description="Agency that publishes the list. " + PROSE)
    demonstration: bool = Field(description="True while the cases are fictional")
    updated: str = Field(pattern=DATETIME, description="Date of the newest change, UTC")
    count: int = Field(ge=0)
    previous_ids: dict[str, str] = Field(description="Each previous id and the id it is now")
    cases: list[ApiCase] = Field(description="Sorted by id")


def api_schema(model: type[Out], url: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one API document, as published beside the data."""
    schema = model.model_json_schema(mode="serialization", by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": url, **schema}
