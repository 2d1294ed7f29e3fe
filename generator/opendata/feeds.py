"""The change feeds: feed.xml (Atom) and feed.json (JSON Feed 1.1), newest first.

Entries are new cases (dated by the case's first commit), every history event of a published
case (dated as written in its history: a partial date counts from its first day), and removals.
A removal says only that entries left the list on a day: no name, no id, no reason. The feed
holds the newest FEED_LIMIT entries; the whole history of every case is in the JSON API.
Everything comes from the data of one commit, so the same commit always gives the same bytes.

Each edition other than the default has its own Atom feed, <language>/feed.xml, whose titles,
dates, countries and prose are in its language (`Words`); entry ids are the same in every
language, so that a reader following two feeds knows one change by one id.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..public.names import country_name, human_date
from ..public.publish import Removal
from ..source.fields import date_bounds
from ..source.model import Settings
from ..source.text import N_
from .apimodel import ApiCase, Prose, text_of

FEED_LIMIT = 200
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EVENT_TITLES = {
    "listed": N_("Listed"),
    "red_notice": N_("Interpol red notice"),
    "located": N_("Located"),
    "arrested": N_("Arrested"),
    "returned": N_("Returned"),
    "surrendered": N_("Surrendered"),
    "deceased": N_("Deceased"),
    "withdrawn": N_("Withdrawn"),
    "corrected": N_("Correction"),
    "note": N_("Update"),
}


@dataclass(frozen=True)
class Words:
    """The language of one feed: its code, its BCP 47 tag and its translated messages."""

    language: str = "en"
    tag: str = "en"
    gettext: Callable[[str], str] = field(default=str, compare=False)

    def prose(self, value: Prose | None) -> str:
        """Prose in this language, or in the default language where it has none."""
        if isinstance(value, dict):
            return value.get(self.language) or text_of(value) or ""
        return value or ""


ENGLISH = Words()


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


def case_entries(
    c: ApiCase, site_url: str, words: Words = ENGLISH, prefix: str = ""
) -> list[Entry]:
    """The new-case entry and one entry per history event of one case, in `words`' language;
    `site_url` is the site's root (entry ids), `prefix` the edition's folder under it."""
    _ = words.gettext
    url = f"{site_url}{prefix}cases/{c.id}/" if prefix else c.url
    lang = words.language
    names = c.name.latin + (f" ({c.name.native})" if c.name.native else "")
    base = f"{site_url}cases/{stable_key(c)}/#"
    charges = _("; ").join(words.prose(crime.charge) for crime in c.crimes)
    new = _("New case: %(names)s") % {"names": names}
    entries = [Entry(base + "new", c.first_published, "new", new, charges, url)]
    seen: Counter[str] = Counter()
    for event in c.history:
        slug = f"{event.date}-{event.event}"
        seen[slug] += 1
        suffix = f"-{seen[slug]}" if seen[slug] > 1 else ""
        label = _(EVENT_TITLES[event.event])
        # on 2 May 2016, in May 2016, in 2016
        when = _("on %(date)s") if event.date.count("-") == 2 else _("in %(date)s")
        text = f"{label} {when % {'date': human_date(event.date, lang)}}"
        if event.country:
            place = _("from %(country)s") if event.event in ("returned", "surrendered") else ""
            place = place or _("in %(country)s")
            text += _(", ") + place % {"country": country_name(event.country, lang)}
        text += _(". ") + words.prose(event.note) if event.note else _(".")
        title = _("%(label)s: %(names)s") % {"label": label, "names": names}
        entries.append(Entry(base + slug + suffix, _day(event.date), event.event, title, text, url))
    return entries


# Where a removal entry links: the Open data page (docs/data.md) explains removals under Feeds.
# Its id, <site>#removed-<day>, stays as it was, since feed readers know entries by their ids.
REMOVAL_LINK = "data/#feeds"


def removal_entries(
    removals: tuple[Removal, ...], site_url: str, words: Words = ENGLISH, home: str = ""
) -> list[Entry]:
    """One entry per day on which entries were withdrawn: how many, and nothing else. `home`
    is the edition's root, whose Open data page the entry links."""
    _ = words.gettext
    per_day = Counter(r.date for r in removals)
    out = []
    for day, count in sorted(per_day.items()):
        if count == 1:
            title = _("An entry was removed from the list")
        else:
            title = _("%(count)s entries were removed from the list") % {"count": count}
        text = _("%(title)s (%(date)s).") % {
            "title": title,
            "date": human_date(day, words.language),
        }
        entry_id = f"{site_url}#removed-{day}"
        link = (home or site_url) + REMOVAL_LINK
        out.append(Entry(entry_id, _day(day), "removed", title, text, link))
    return out


def entries(
    of_cases: Iterable[Entry],
    removals: tuple[Removal, ...],
    site_url: str,
    words: Words = ENGLISH,
    home: str = "",
) -> list[Entry]:
    """The newest FEED_LIMIT changes among the cases' entries (`case_entries`) and the
    removals, newest first; ties in id order."""
    found = [*of_cases, *removal_entries(removals, site_url, words, home)]
    found.sort(key=lambda e: e.id)
    found.sort(key=lambda e: e.when, reverse=True)
    return found[:FEED_LIMIT]


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def atom(
    items: list[Entry],
    settings: Settings,
    site_url: str,
    updated: str,
    words: Words = ENGLISH,
) -> bytes:
    """An Atom 1.0 document (RFC 4287) in `words`' language; `site_url` is the edition's
    root."""
    _ = words.gettext
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: words.tag})
    _sub(feed, "id", f"{site_url}feed.xml")
    _sub(feed, "title", _("%(title)s: changes") % {"title": words.prose(settings.title.for_data())})
    _sub(feed, "subtitle", _subtitle(settings, words))
    _sub(feed, "updated", updated)
    _sub(_sub(feed, "author"), "name", words.prose(settings.agency.name.for_data()))
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


def _subtitle(settings: Settings, words: Words = ENGLISH) -> str:
    _ = words.gettext
    text = _("New cases, status changes and history events, newest first.")
    if settings.demonstration:
        text += _(" Demonstration data: every person and number is fictional.")
    return text


def feed_files(
    of_cases: Iterable[Entry],
    settings: Settings,
    removals: tuple[Removal, ...],
    site_url: str,
    updated: str,
    others: Iterable[tuple[str, Words, Iterable[Entry]]] = (),
) -> dict[str, bytes]:
    """feed.xml and feed.json, and each other edition's <prefix>feed.xml (`others`: the
    edition's prefix, words and entries), by path under docs/."""
    items = entries(of_cases, removals, site_url)
    newest = max(updated, items[0].when) if items else updated
    files = {
        "feed.xml": atom(items, settings, site_url, newest),
        "feed.json": json_feed(items, settings, site_url),
    }
    for prefix, words, edition_entries in others:
        home = site_url + prefix
        found = entries(edition_entries, removals, site_url, words, home)
        files[f"{prefix}feed.xml"] = atom(found, settings, home, newest, words)
    return files
