"""The case format and the publication settings: the contract with editors, as pydantic models.

Each model forbids unknown keys and describes every field; the same models validate the YAML,
document the format and generate its JSON Schema. Rules that span several fields or several
cases (dates in order, status against history, unique numbers) live in `checks.py`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    model_validator,
)

from .fields import (
    MAX_ITEMS,
    Build,
    CaseId,
    Country,
    Currency,
    Day,
    DocumentKind,
    Email,
    EventKind,
    EyeColour,
    HairColour,
    Height,
    Language,
    ListId,
    LocalLongText,
    LocalText,
    NameText,
    NumberText,
    PartialDate,
    Period,
    Publish,
    ReturnMethod,
    Sex,
    Status,
    StrictBool,
    Text,
    Url,
    Weight,
    WholeNumber,
    unique_items,
)


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
    caption: LocalText | None = Field(
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
    charge: LocalText = Field(
        description="The suspected offence, such as 'Embezzlement of public funds'"
    )
    amount: Amount | None = Field(None, description="Sum involved, if known")


class Fled(Strict):
    date: PartialDate = Field(description="When the person left")
    from_: Country = Field(alias="from", description="Country the person fled from")


class Location(Strict):
    country: Country = Field(description="Country where the person is believed to be")
    region: LocalText | None = Field(None, description="State, province or city")
    as_of: PartialDate | None = Field(None, description="When this was last believed true")


class Event(Strict):
    date: PartialDate
    event: EventKind = Field(description="What happened; surrendered counts as returned")
    note: LocalText | None = None
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
    title: LocalText
    url: Url
    date: PartialDate | None = None


class Description(Strict):
    """What helps the public recognise the person; every field optional."""

    height: Height | None = None
    weight: Weight | None = None
    eyes: EyeColour | None = Field(None, description="Eye colour")
    hair: HairColour | None = Field(None, description="Hair colour")
    build: Build | None = None
    marks: LocalText | None = Field(
        None, description="Distinguishing marks: scars, tattoos, a limp, as a line of text"
    )
    languages: Annotated[list[Language], AfterValidator(unique_items)] = Field(
        default_factory=list,
        max_length=MAX_ITEMS["languages"],
        description="Languages spoken, as ISO 639 codes",
    )


class Reward(Strict):
    amount: Amount = Field(description="The sum offered")
    text: LocalText = Field(
        description="What it is offered for, such as 'for information leading to the arrest'"
    )


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
    birthplace: LocalText | None = None
    nationality: Annotated[list[Country], AfterValidator(unique_items)] = Field(
        min_length=1,
        max_length=MAX_ITEMS["nationality"],
        description="Nationalities, as country codes",
    )
    position: LocalText | None = Field(
        None, description="Post held at the time of the suspected crimes"
    )
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
    lists: Annotated[list[ListId], AfterValidator(unique_items)] = Field(
        default_factory=list,
        max_length=MAX_ITEMS["lists"],
        description="Ids of named lists declared in the publication settings",
    )
    status: Status
    history: list[Event] = Field(
        default_factory=list, max_length=MAX_ITEMS["history"], description="Events, oldest first"
    )
    summary: LocalLongText | None = Field(
        None,
        description="Paragraphs of text with a small part of Markdown: *emphasis*, **strong**, "
        "lists, and http(s) and mailto links; anything else shows as written",
    )
    sources: list[Source] = Field(default_factory=list, max_length=MAX_ITEMS["sources"])
    description: Description | None = Field(
        None, description="Height, weight, eyes, hair, build, marks and languages"
    )
    reward: Reward | None = Field(None, description="A reward offered for information")
    caution: LocalText | None = Field(
        None, description="A warning shown prominently on the page, such as 'may be armed'"
    )
    reviewed: Day | None = Field(
        None,
        description="The day an editor last confirmed this case; publication.yaml's "
        "review_every says how often",
    )
    previous_ids: Annotated[list[CaseId], AfterValidator(unique_items)] = Field(
        default_factory=list,
        max_length=MAX_ITEMS["previous_ids"],
        description="Ids this case had before its folder was renamed, oldest first: their pages "
        "redirect here and they stay reserved for this case",
    )


class Agency(Strict):
    name: LocalText
    url: Url | None = None


class Tips(Strict):
    phone: Text | None = None
    email: Email | None = None
    form: Url | None = Field(None, description="Address of the agency's web form for clues")
    note: LocalText | None = Field(None, description="A sentence shown with the channels")


class Corrections(Strict):
    """How a listed person, or someone acting for them, asks for a correction or removal."""

    email: Email | None = None
    form: Url | None = Field(None, description="Address of the agency's form for such requests")
    address: LocalText | None = Field(None, description="Postal address, on one line")
    process: LocalLongText = Field(
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
    title: LocalText
    description: LocalText | None = None


class Figure(Strict):
    label: LocalText
    value: WholeNumber = Field(ge=0)


class OfficialTotals(Strict):
    figures: list[Figure] = Field(min_length=1, max_length=MAX_ITEMS["figures"])
    as_of: PartialDate
    source: Source


class Settings(Strict):
    """The publication settings, in cases/publication.yaml."""

    title: LocalText = Field(description="Site title")
    languages: Annotated[list[Language], AfterValidator(unique_items)] = Field(
        ["en"],
        min_length=1,
        max_length=MAX_ITEMS["languages"],
        description="The site's editions, by ISO 639 language code, the default first: it keeps "
        "the site's addresses, every other edition lives under /<code>/",
    )
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
    cards_per_page: WholeNumber = Field(
        100,
        ge=10,
        le=100,
        description="Cards on each page of the listing, country, list and whereabouts pages "
        "(10 to 100); later pages are at page/2/ and so on",
    )
    posters: StrictBool = Field(
        True,
        description="Make a printable PDF poster and a share image for every published case",
    )
    corrections: Corrections | None = Field(
        None,
        description="The channel for requests to correct or remove a case; shown on the "
        "Corrections page that every case page links to",
    )
    retain_closed_for: Period | None = Field(
        None,
        description="How long after its closing event (arrest, return, death) a closed case "
        "stays published; left out, closed cases stay. The statistics still count it",
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
    untranslated: Literal["warn", "error"] = Field(
        "warn",
        description="What a free-text value without text in one of the languages is: a warning "
        "(the edition shows the default language's text, marked) or an error",
    )
    unsourced_status: Literal["warn", "error"] = Field(
        "warn",
        description="A status-changing history event without a source: a warning or an error",
    )
