"""The FollowTheMoney export (ftm/entities.json): one JSON entity per line, as Aleph and
OpenSanctions read them.

Written as plain dictionaries that follow the FtM schema, so the site needs no FtM library;
the tests check every entity with the `followthemoney` model. Per case:

- a Person (topic crime, and wanted while at large or arrested abroad) with names, aliases,
  birth, nationality, position, notes;
- a Passport or Identification for each document published in full: a masked number is no
  identifier, and matching on it would only give false hits, so partial ones are left out;
- a Sanction for the listing itself (authority, program, charges as reasons, status);
- a Sanction for the Interpol red notice, carrying its reference, when the case has one.

Entity ids are built from the case's oldest id (`mw-<id>`), so they survive a renamed folder.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..source.model import Settings
from .apimodel import ApiCase, text_of, texts_of
from .feeds import stable_key

PREFIX = "mw"
DEMONSTRATION = "Demonstration data: this person is fictional."
STATUS_TEXT = {
    "at_large": "Wanted, at large",
    "arrested": "Arrested",
    "returned": "Returned",
    "deceased": "Deceased",
}
# A returned or deceased person is no longer sought: screening should not flag them as wanted.
WANTED = ("at_large", "arrested")
DOCUMENT_TYPES = {
    "national_id": "National ID",
    "passport": "Passport",
    "other": "Identity document",
}


def _entity(entity_id: str, schema: str, **properties: list[str]) -> dict[str, Any]:
    """An entity with only the properties that have values."""
    props = {name: values for name, values in properties.items() if values}
    return {"id": entity_id, "schema": schema, "properties": props}


def _some(*values: str | None) -> list[str]:
    return [v for v in values if v]


def _charges(c: ApiCase) -> list[str]:
    """Each charge in each language it is written in, one value each, as FtM expects."""
    return [
        charge + (f" ({crime.amount.value:,} {crime.amount.currency})" if crime.amount else "")
        for crime in c.crimes
        for charge in texts_of(crime.charge)
    ]


def _ends(measure: str | None) -> list[str]:
    """175 as ["175"], 170-180 as ["170", "180"]: FtM's numbers hold one value each."""
    return sorted(set(measure.split("-")), key=int) if measure else []


def _appearance(c: ApiCase) -> dict[str, list[str]]:
    """The description as FtM Person properties: a range gives both of its ends."""
    d = c.description
    if d is None:
        return {}
    return {
        "height": _ends(d.height),
        "weight": _ends(d.weight),
        "eyeColor": _some(d.eyes),
        "hairColor": _some(d.hair),
        "appearance": _some(
            ", ".join(_some(d.build and f"{d.build} build", text_of(d.marks))) or None
        ),
    }


def case_entities(c: ApiCase, settings: Settings) -> list[dict[str, Any]]:
    """The entities of one published case: person first, then documents and listings."""
    person_id = f"{PREFIX}-{stable_key(c)}"
    full = [d for d in c.documents if d.publish == "full"]
    demonstration = (
        "Demonstration data: this person is fictional." if settings.demonstration else None
    )
    person = _entity(
        person_id,
        "Person",
        name=_some(c.name.latin, c.name.native),
        alias=list(c.aliases),
        gender=_some(c.sex if c.sex != "unknown" else None),
        birthDate=_some(c.born),
        birthPlace=texts_of(c.birthplace),
        nationality=[code.lower() for code in c.nationality],
        position=texts_of(c.position),
        notes=[text.strip() for text in texts_of(c.summary)],
        description=_some(demonstration),
        topics=["crime", "wanted"] if c.status in WANTED else ["crime"],
        program=[settings.title],
        status=[STATUS_TEXT[c.status]],
        passportNumber=[d.number for d in full if d.kind == "passport"],
        idNumber=[d.number for d in full if d.kind != "passport"],
        sourceUrl=[c.url],
        **_appearance(c),
    )
    out = [person]
    for d in full:
        digest = hashlib.sha256(f"{d.kind}|{d.country}|{d.number}".encode()).hexdigest()[:16]
        out.append(
            _entity(
                f"{person_id}-doc-{digest}",
                "Passport" if d.kind == "passport" else "Identification",
                holder=[person_id],
                number=[d.number],
                country=_some(d.country.lower() if d.country else None),
                type=[DOCUMENT_TYPES[d.kind]],
            )
        )
    listed = [e.date for e in c.history if e.event == "listed"]
    out.append(
        _entity(
            f"{person_id}-listing",
            "Sanction",
            entity=[person_id],
            authority=[settings.agency.name],
            program=[settings.title],
            reason=_charges(c),
            listingDate=[listed[0] if listed else c.first_published[:10]],
            status=[STATUS_TEXT[c.status]],
            description=_some(demonstration),
            sourceUrl=[c.url],
        )
    )
    if c.red_notice:
        notices = [e for e in c.history if e.event == "red_notice"]
        out.append(
            _entity(
                f"{person_id}-red-notice",
                "Sanction",
                entity=[person_id],
                authority=["INTERPOL"],
                program=["Red Notice"],
                authorityId=[c.red_notice],
                reason=_charges(c),
                startDate=_some(notices[0].date if notices else None),
                sourceUrl=_some(notices[0].source if notices else None) or [c.url],
            )
        )
    return out


def case_lines(c: ApiCase, settings: Settings) -> list[str]:
    """The entities of one case, each as one line of JSON."""
    return [
        json.dumps(entity, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        for entity in case_entities(c, settings)
    ]
