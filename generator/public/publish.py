"""The public view of the data: the one place where the privacy rules are applied.

Everything that renders pages or data files reads `Published` cases, never raw ones: withdrawn
cases are not in the view at all, hidden document numbers are dropped, partial ones are reduced
to their last four characters before any template can see them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..photos.photo import ProcessedPhoto
from ..source.fields import date_bounds
from ..source.loader import LoadedCase
from ..source.model import Case, Event, Settings
from ..source.text import N_

MASK = "••••"
RETURN_EVENTS = ("returned", "surrendered")
# History events whose country says where the person was at the time.
PLACING_EVENTS = ("located", "arrested", "returned", "surrendered", "deceased")
# What each kind of document is called: English msgids, translated where shown (`pages.i18n`).
DOCUMENT_LABELS = {
    "national_id": N_("National ID"),
    "passport": N_("Passport"),
    "other": N_("Document"),
}


@dataclass(frozen=True)
class ShownDocument:
    """A document as the public may see it."""

    kind: str
    label: str
    number: str  # the full number, or the mask and the last four characters
    country: str | None
    policy: str  # full | partial


@dataclass(frozen=True)
class ShownPhoto:
    """A published photo. `alt` is its English description for the open data; the pages
    write their own, in the edition's language, from `number` (1 for the first) and `caption`."""

    processed: ProcessedPhoto
    caption: str | None
    alt: str
    number: int = 1


@dataclass(frozen=True)
class Whereabouts:
    """Where a person was last known to be: the case's location, or a history event's country."""

    country: str
    region: str | None
    as_of: str | None  # as written: YYYY, YYYY-MM or YYYY-MM-DD
    event: str | None  # the history event it comes from; None for the case's location


@dataclass(frozen=True)
class Published:
    """One published case: the case with no documents in it, and what may be shown of them."""

    id: str
    case: Case
    documents: tuple[ShownDocument, ...]
    photos: tuple[ShownPhoto, ...]

    @property
    def names(self) -> str:
        native = f" ({self.case.name.native})" if self.case.name.native else ""
        return self.case.name.latin + native

    @property
    def outcome(self) -> Event | None:
        """The history event that ended the search (arrest, return, death), if any."""
        kinds = RETURN_EVENTS if self.case.status == "returned" else (self.case.status,)
        events = [e for e in self.case.history if e.event in kinds]
        return events[-1] if events else None

    @property
    def returned_from(self) -> str | None:
        event = self.outcome
        if self.case.status != "returned" or event is None:
            return None
        return event.country or (self.case.location.country if self.case.location else None)

    @property
    def last_known(self) -> Whereabouts | None:
        """The case's location; for a closed case without one, the country of its latest history
        event that places the person (located, arrested, returned, surrendered, deceased)."""
        location = self.case.location
        if location:
            return Whereabouts(location.country, location.region, location.as_of, None)
        if self.case.status == "at_large":
            return None
        placed = [e for e in self.case.history if e.event in PLACING_EVENTS and e.country]
        if not placed:
            return None
        event = placed[-1]  # history is in date order (checks.py)
        return Whereabouts(event.country or "", None, event.date, event.event)

    @property
    def fled_year(self) -> int:
        return date_bounds(self.case.fled.date)[0].year


def shown_document_number(number: str, policy: str) -> str | None:
    """What the public sees of a number: all of it, its last four characters, or nothing."""
    if policy == "hidden":
        return None
    if policy == "partial":
        return f"{MASK}{number[-4:]}" if len(number) > 4 else MASK
    return number


def publish(
    cases: tuple[LoadedCase, ...], settings: Settings, photos: dict[Path, ProcessedPhoto]
) -> tuple[Published, ...]:
    """The public view of every case that is not withdrawn, sorted by id."""
    out = []
    for loaded in sorted(cases, key=lambda c: c.id):
        case = loaded.case
        if case.status == "withdrawn":
            continue
        documents = []
        for document in case.documents:
            policy = document.publish or settings.default_publish
            number = shown_document_number(document.number, policy)
            if number is not None:
                label = DOCUMENT_LABELS[document.kind]
                documents.append(
                    ShownDocument(document.kind, label, number, document.country, policy)
                )
        shown_photos = []
        for i, photo in enumerate(case.photos):
            alt = f"Photo {i + 1} of {case.name.latin}" + (
                f": {photo.caption}" if photo.caption else ""
            )
            path = loaded.photo_path(photo.file)
            if path is None:
                raise ValueError(f"{loaded.file}: photo {photo.file!r} was not checked")
            shown_photos.append(ShownPhoto(photos[path], photo.caption, alt, i + 1))
        public_case = case.model_copy(update={"documents": []})
        out.append(Published(loaded.id, public_case, tuple(documents), tuple(shown_photos)))
    return tuple(out)


@dataclass(frozen=True)
class Removal:
    """That a withdrawn case left the list, and when: the only trace of it in any output."""

    date: str  # as precise as known: YYYY, YYYY-MM or YYYY-MM-DD


def removals(
    cases: tuple[LoadedCase, ...], last_changed: dict[str, str], default: str
) -> tuple[Removal, ...]:
    """One removal per withdrawn case, dated by its latest withdrawn event, else by the last
    change of its folder (`last_changed`, by id), else `default`; sorted by date."""
    out = []
    for loaded in cases:
        if loaded.case.status != "withdrawn":
            continue
        events = [e.date for e in loaded.case.history if e.event == "withdrawn"]
        out.append(Removal(events[-1] if events else last_changed.get(loaded.id, default)))
    return tuple(sorted(out, key=lambda r: r.date))


def photo_sources(cases: tuple[LoadedCase, ...]) -> list[Path]:
    """The photo files of every published case; withdrawn cases' photos are never read."""
    return sorted(
        path
        for loaded in cases
        if loaded.case.status != "withdrawn"
        for photo in loaded.case.photos
        if (path := loaded.photo_path(photo.file)) is not None
    )
