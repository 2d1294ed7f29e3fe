"""The change feeds: feed.xml (Atom) and feed.json (JSON Feed 1.1), newest first.

Entries are new cases (dated by the case's first commit), every history event of a published
case (dated as written in its history: a partial date counts from its first day), and removals.
A removal says only that entries left the list on a day: no name, no id, no reason. The feed
holds the newest FEED_LIMIT entries; the whole history of every case is in the JSON API.
Everything comes from the data of one commit, so the same commit always gives the same bytes.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..public.names import country_name, human_date
from ..public.publish import Removal
from ..source.fields import date_bounds
from ..source.model import Settings
from .apimodel import ApiCase, text_of

FEED_LIMIT = 200
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EVENT_TITLES = {
    "listed": "Listed",
    "red_notice": "Interpol red notice",
    "located": "Located",
    "arrested": "Arrested",
    "returned": "Returned",
    "surrendered": "Surrendered",
    "deceased": "Deceased",
    "withdrawn": "Withdrawn",
    "corrected": "Correction",
    "note": "Update",
}


@dataclass(frozen=True)
class Entry:
    """One change, in the form both feeds share."""

    id: str
    when: str  # UTC, 2026-11-27T02:33:26Z
    kind: str  # new | an event kind | removed
    title: str
    text: str
    url: str  # the case page; for a removal, the Open data page's section on feeds


def _day(value: str) -> str:
    return f"{date_bounds(value)[0].isoformat()}T00:00:00Z"


def stable_key(c: ApiCase) -> str:
    """The case's oldest id: entry ids built on it survive a renamed folder."""
    return c.previous_ids[0] if c.previous_ids else c.id


def case_entries(c: ApiCase, site_url: str) -> list[Entry]:
    """The new-case entry and one entry per history event of one case."""
    names = c.name.latin + (f" ({c.name.native})" if c.name.native else "")
    base = f"{site_url}cases/{stable_key(c)}/#"
    charges = "; ".join(text_of(crime.charge) or "" for crime in c.crimes)
    entries = [Entry(base + "new", c.first_published, "new", f"New case: {names}", charges, c.url)]
    seen: Counter[str] = Counter()
    for event in c.history:
        slug = f"{event.date}-{event.event}"
        seen[slug] += 1
        suffix = f"-{seen[slug]}" if seen[slug] > 1 else ""
        label = EVENT_TITLES[event.event]
        on = "on" if event.date.count("-") == 2 else "in"  # on 2 May 2016, in May 2016, in 2016
        text = f"{label} {on} {human_date(event.date)}"
        if event.country:
            place = "from" if event.event in ("returned", "surrendered") else "in"
            text += f", {place} {country_name(event.country)}"
        text += f". {text_of(event.note)}" if event.note else "."
        entries.append(
            Entry(
                base + slug + suffix,
                _day(event.date),
                event.event,
                f"{label}: {names}",
                text,
                c.url,
            )
        )
    return entries


# Where a removal entry links: the Open data page (docs/data.md) explains removals under Feeds.
# Its id, <site>#removed-<day>, stays as it was, since feed readers know entries by their ids.
REMOVAL_LINK = "data/#feeds"


def removal_entries(removals: tuple[Removal, ...], site_url: str) -> list[Entry]:
    """One entry per day on which entries were withdrawn: how many, and nothing else."""
    per_day = Counter(r.date for r in removals)
    out = []
    for day, count in sorted(per_day.items()):
        what = "An entry was" if count == 1 else f"{count} entries were"
        title = f"{what} removed from the list"
        text = f"{title} ({human_date(day)})."
        entry_id = f"{site_url}#removed-{day}"
        out.append(Entry(entry_id, _day(day), "removed", title, text, site_url + REMOVAL_LINK))
    return out


def entries(of_cases: Iterable[Entry], removals: tuple[Removal, ...], site_url: str) -> list[Entry]:
    """The newest FEED_LIMIT changes among the cases' entries (`case_entries`) and the
    removals, newest first; ties in id order."""
    found = [*of_cases, *removal_entries(removals, site_url)]
    found.sort(key=lambda e: e.id)
    found.sort(key=lambda e: e.when, reverse=True)
    return found[:FEED_LIMIT]


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def atom(items: list[Entry], settings: Settings, site_url: str, updated: str) -> bytes:
    """An Atom 1.0 document (RFC 4287)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: "en"})
    _sub(feed, "id", f"{site_url}feed.xml")
    _sub(feed, "title", f"{settings.title}: changes")
    _sub(feed, "subtitle", _subtitle(settings))
    _sub(feed, "updated", updated)
    _sub(_sub(feed, "author"), "name", settings.agency.name)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=f"{site_url}feed.xml")
    _sub(feed, "link", rel="alternate", type="text/html", href=site_url or "./")
    for item in items:
        entry = _sub(feed, "entry")
        _sub(entry, "id", item.id)
        _sub(entry, "title", item.title)
        _sub(entry, "updated", item.when)
        _sub(entry, "category", term=item.kind)
        _sub(entry, "link", rel="alternate", type="text/html", href=item.url)
        _sub(entry, "content", item.text, type="text")
    ET.indent(feed)
    xml: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"


def json_feed(items: list[Entry], settings: Settings, site_url: str) -> bytes:
    """A JSON Feed 1.1 document."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{settings.title}: changes",
        "home_page_url": site_url or "./",
        "feed_url": f"{site_url}feed.json",
        "description": _subtitle(settings),
        "language": "en",
        "authors": [{"name": settings.agency.name}],
        "items": [
            {
                "id": item.id,
                "url": item.url,
                "title": item.title,
                "content_text": item.text,
                "date_published": item.when,
                "tags": [item.kind],
            }
            for item in items
        ],
    }
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _subtitle(settings: Settings) -> str:
    text = "New cases, status changes and history events, newest first."
    if settings.demonstration:
        text += " Demonstration data: every person and number is fictional."
    return text


def feed_files(
    of_cases: Iterable[Entry],
    settings: Settings,
    removals: tuple[Removal, ...],
    site_url: str,
    updated: str,
) -> dict[str, bytes]:
    """feed.xml and feed.json, by path under docs/."""
    items = entries(of_cases, removals, site_url)
    newest = max(updated, items[0].when) if items else updated
    return {
        "feed.xml": atom(items, settings, site_url, newest),
        "feed.json": json_feed(items, settings, site_url),
    }
