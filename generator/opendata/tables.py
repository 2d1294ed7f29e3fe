"""cases.csv: one row per published case, for spreadsheets.

UTF-8 with a byte order mark (without it, spreadsheet programs read Chinese names as mojibake),
a fixed column order, and lists joined with "; " in one cell. A cell that would start with
= + - @ gets a leading apostrophe, so that no spreadsheet runs editors' text as a formula; the
JSON API has every value exactly as written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from .apimodel import ApiAmount, ApiCase, text_of

CSV_COLUMNS = (
    "id",
    "previous_ids",
    "url",
    "status",
    "name_latin",
    "name_native",
    "aliases",
    "sex",
    "born",
    "birthplace",
    "nationality",
    "position",
    "crimes",
    "fled_date",
    "fled_from",
    "location_country",
    "location_region",
    "location_as_of",
    "red_notice",
    "lists",
    "documents",
    "photo",
    "summary",
    "first_published",
    "last_changed",
    "reviewed",
    "height_cm",
    "weight_kg",
    "eyes",
    "hair",
    "build",
    "marks",
    "languages",
    "reward",
    "caution",
)
# A cell starting with one of these would run as a formula in a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def amount(value: ApiAmount) -> str:
    """120000000 CNY as "120,000,000 CNY", as on the pages."""
    return f"{value.value:,} {value.currency}"


def csv_row(c: ApiCase) -> list[str]:
    """One case as CSV cells, in CSV_COLUMNS order; lists are joined with "; "."""
    loc = c.location
    crimes = [
        (text_of(x.charge) or "") + (f" ({amount(x.amount)})" if x.amount else "") for x in c.crimes
    ]
    documents = [" ".join(filter(None, (d.kind, d.country, d.number))) for d in c.documents]
    cells = [
        c.id,
        "; ".join(c.previous_ids),
        c.url,
        c.status,
        c.name.latin,
        c.name.native,
        "; ".join(c.aliases),
        c.sex,
        c.born,
        text_of(c.birthplace),
        "; ".join(c.nationality),
        text_of(c.position),
        "; ".join(crimes),
        c.fled.date,
        c.fled.from_,
        loc.country if loc else None,
        text_of(loc.region) if loc else None,
        loc.as_of if loc else None,
        c.red_notice,
        "; ".join(x.id for x in c.lists),
        "; ".join(documents),
        c.photos[0].large.jpeg.url if c.photos else None,
        (text_of(c.summary) or "").strip() or None,
        c.first_published,
        c.last_changed,
        c.reviewed,
        *_description(c),
        f"{amount(c.reward.amount)}, {text_of(c.reward.text)}" if c.reward else None,
        text_of(c.caution),
    ]
    return ["'" + v if v.startswith(_FORMULA_START) else v for v in (x or "" for x in cells)]


def _description(c: ApiCase) -> list[str | None]:
    """The description's cells, in CSV_COLUMNS order; all empty without a description."""
    d = c.description
    if d is None:
        return [None] * 7
    return [d.height, d.weight, d.eyes, d.hair, d.build, text_of(d.marks), "; ".join(d.languages)]


def cases_csv(rows: Iterable[Sequence[str]]) -> bytes:
    """The file from each case's `csv_row`: UTF-8 with a byte order mark, so that
    spreadsheets read Chinese names right."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")
