"""Printable PDF posters: one per published case and paper size, from HTML and CSS by WeasyPrint.

The poster is text, not a picture of text: WeasyPrint embeds subsets of the fonts (Noto Sans CJK
SC for Chinese and pinyin tone marks), so `pdftotext` finds every name and a printer prints it
sharp. It holds the agency, a heading (WANTED, or the closed status), the main photo, both
names, the facts of the case page that help recognise the person, the crimes with their sums,
the channels for clues with the case reference, the poster's date and a QR code (segno) to the
case page. Only the `Published` view is read, so a hidden number cannot reach a poster.

The fonts are Noto Sans CJK SC cut down to the characters posters nearly always use (see
`fonts`), with the full face behind them for any other.

A poster is made once for its inputs: the case, its address and date, the settings, the
photo's content key, the fonts and the library versions name its file in the poster cache, so
an unchanged case is never drawn again. PDF dates come from SOURCE_DATE_EPOCH, so the same
input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jinja2
import segno
from markupsafe import Markup

from ..files import write_atomic
from ..pages.environment import ENGLISH, Words, money
from ..pages.i18n import translations
from ..public.editions import Edition, in_script_of, script_language
from ..public.names import appearance, country_name, human_date
from ..public.publish import Published
from ..source.model import Settings
from ..source.text import N_
from .fonts import PosterFonts

TEMPLATES = Path(__file__).parent / "templates"
# Page sizes, by the name used in file names: A4 for most of the world, US Letter for the US.
SIZES = {"a4": "A4", "letter": "letter"}
HEADINGS = {
    "at_large": N_("WANTED"),
    "arrested": N_("ARRESTED"),
    "returned": N_("RETURNED"),
    "deceased": N_("DECEASED"),
}
SEXES = {"male": N_("Male"), "female": N_("Female"), "unknown": N_("Unknown")}
COLOURS = {"at_large": "#b71c1c"}  # closed cases print their heading in black


@dataclass(frozen=True)
class PosterJob:
    """One poster to draw: the case, its page address, the poster's date and the paper size.
    `key`, a digest of all of them (and of the template and library versions), names its file
    in the cache, so an unchanged poster is known without drawing, or even writing, it."""

    p: Published
    settings: Settings
    url: str
    day: str
    size: str  # a key of SIZES
    key: str
    fonts: PosterFonts
    edition: Edition = ENGLISH

    @property
    def file_name(self) -> str:
        return f"{self.key}.pdf"


@cache
def _versions() -> str:
    """The libraries and the template that shape a poster: a change to any draws all again."""
    names = ",".join(f"{name}={version(name)}" for name in ("weasyprint", "segno", "pydyf"))
    templates = hashlib.sha256()
    for name in ("poster.html.j2", "poster.css"):
        templates.update((TEMPLATES / name).read_bytes())
    return f"{names},templates={templates.hexdigest()}"


@cache
def _template(edition: Edition) -> jinja2.Template:
    """The poster's template in an edition's language: its words from the edition's catalog,
    prose in its language (the default language's, marked, where it has none)."""
    language = edition.language
    words = Words(language)
    gettext = words.gettext
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=words.shown,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        date=lambda value: human_date(value, language),
        country=lambda code: country_name(code, language),
        money=lambda amount: money(amount, language),
        appearance=lambda d: appearance(d, gettext),
        sex=lambda sex: gettext(SEXES[sex]),
        join=words.join,
    )
    return env.get_template("poster.html.j2")


@lru_cache(maxsize=8)  # a case's posters in each paper size share their code
def qr_svg(url: str) -> str:
    """The address as a QR code, an inline SVG scaled by the poster's CSS."""
    return str(segno.make(url, error="m").svg_inline(scale=4, border=2))


def poster_jobs(
    p: Published,
    settings: Settings,
    settings_digest: str,
    url: str,
    day: str,
    fonts: PosterFonts,
    edition: Edition = ENGLISH,
) -> list[PosterJob]:
    """The posters of one case in one edition, one per paper size. `url` is the case page's
    address in that edition (for the QR code), `day` the poster's date (YYYY-MM-DD),
    `settings_digest` names the settings, `fonts` the faces it is set in."""
    h = hashlib.sha256()
    for part in (
        edition.language,
        p.case.model_dump_json(),
        repr(p.documents),
        ",".join(photo.processed.key for photo in p.photos[:1]),
        settings_digest,
        url,
        day,
        fonts.digest,
        _versions(),
    ):
        h.update(part.encode() + b"\0")
    inputs = h.hexdigest()
    return [
        PosterJob(
            p,
            settings,
            url,
            day,
            size,
            hashlib.sha256(f"{inputs}{size}".encode()).hexdigest()[:24],
            fonts,
            edition,
        )
        for size in SIZES
    ]


def poster_html(job: PosterJob) -> str:
    """The HTML the poster is drawn from."""
    p, edition = job.p, job.edition
    photo = p.photos[0].processed.large_jpeg.path if p.photos else None
    latin, native = p.case.name.latin, p.case.name.native
    lead_native = bool(native) and in_script_of(edition.language, native or "")
    first, second = (native, latin) if lead_native else (latin, native)
    gettext = translations(edition.language).gettext
    return _template(edition).render(
        p=p,
        c=p.case,
        settings=job.settings,
        lang=edition.tag,
        heading=gettext(HEADINGS[p.case.status]),
        # Values inside <style> are ours, not editors': marked safe, so "#" stays "#".
        colour=Markup(COLOURS.get(p.case.status, "#111")),
        where=p.last_known,
        photo=photo.resolve().as_uri() if photo else None,
        first=first,
        second=second,
        first_lang=script_language(first or ""),
        second_lang=script_language(second or ""),
        qr=Markup(qr_svg(job.url)),
        url=job.url,
        day=job.day,
        page_size=SIZES[job.size],
        regular=Markup(job.fonts.regular.resolve().as_uri()),
        bold=Markup(job.fonts.bold.resolve().as_uri()),
    )


@cache
def _font_config() -> Any:
    """One font configuration per process, shared by its posters: about 15% less time each.
    It copies the poster fonts into a temporary folder of its own (see `begin_drawing`)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def begin_drawing(scratch: str) -> None:
    """Prepare this process to draw posters, with a font configuration of its own whose copies
    of the fonts go under `scratch`, a folder the caller removes once drawing is over.

    Both halves matter. A configuration inherited from the parent by forked workers shares its
    folder, and two workers then wrote the same font file at once: one read it while another
    truncated it, a bus error. And a configuration left to clean up after itself at exit does
    not, leaving 6.6 MB in the system's temporary folder for every process that drew a poster.
    """
    tempfile.tempdir = scratch  # where mkdtemp, which WeasyPrint calls, makes its folder
    _forget_fonts()


def _forget_fonts() -> None:
    """Drop this process's font configuration and the stylesheet parsed with it."""
    _font_config.cache_clear()
    _stylesheet.cache_clear()


@contextmanager
def drawing(scratch: str) -> Iterator[None]:
    """`begin_drawing` in this process for the time of a `with` block; then this process
    forgets its font configuration, and tempfile gets back the folder it had."""
    previous = tempfile.tempdir
    begin_drawing(scratch)
    try:
        yield
    finally:
        _forget_fonts()
        tempfile.tempdir = previous


@cache
def _stylesheet() -> Any:
    """The poster's layout (poster.css), parsed once per process: a tenth of a poster's time."""
    from weasyprint import CSS

    return CSS(filename=str(TEMPLATES / "poster.css"), font_config=_font_config())


def draw(job: PosterJob, cache_dir: Path) -> None:
    """Draw the poster's PDF into the cache, as `cache_dir / job.file_name`."""
    from weasyprint import HTML  # imported when a poster is drawn: it loads Pango

    html = HTML(string=poster_html(job), base_url=str(TEMPLATES))
    pdf = html.write_pdf(stylesheets=[_stylesheet()], font_config=_font_config())
    write_atomic(cache_dir / job.file_name, pdf)
