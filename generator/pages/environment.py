"""The Jinja2 environment of one edition: templates, escaping, filters and the site's words in
the edition's language.

Every `{{ value }}` in a template passes through `text.esc` unless it is already `Markup`, so an
editor's text can never become markup. Prose an editor wrote in several languages (`Texts`)
prints in the edition's language; where the editor gave none, in the default language, marked
with its `lang` and a small "not translated" notice. Inside attributes and front matter, where
markup cannot go, templates use `| plain` (the text alone). The site's words are gettext
messages (`{% trans %}`, `_()`), translated from the edition's catalog (`i18n.py`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from babel.numbers import format_decimal
from babel.units import format_unit
from markupsafe import Markup

from ..public.editions import Edition, in_script_of, language_tag, script_language
from ..public.facets import card_data, crime_key, filter_values, listing_order, return_method
from ..public.names import (
    AS_OF_LABELS,
    EVENT_LABELS,
    METHOD_LABELS,
    SEX_LABELS,
    STATUS_LABELS,
    appearance,
    country_name,
    country_name_zh,
    country_slug,
    human_date,
    language_name,
)
from ..source.localized import Texts
from ..source.model import Amount
from ..source.summary import summary_html
from ..source.text import esc
from .i18n import translations

TEMPLATES = Path(__file__).parent / "templates"
ENGLISH = Edition("en", True)


def _day(moment: datetime) -> str:
    """The UTC day of a moment, as 2024-05-01."""
    return moment.date().isoformat()


def period(value: str, language: str = "en") -> str:
    """A length of time from the settings (`10 years`) as the language writes it: 10 years,
    10年 (CLDR's units)."""
    count, unit = value.split()
    return str(
        format_unit(int(count), f"duration-{unit.rstrip('s')}", length="long", locale=language)
    )


def money(amount: Amount, language: str = "en") -> str:
    """A sum as the edition writes numbers: 120,000,000 CNY."""
    return f"{format_decimal(amount.value, locale=language)} {amount.currency}"


class Words:
    """How one edition shows prose: its own language's text, or the default language's marked
    as such."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.gettext = translations(language).gettext

    def plain(self, value: Any) -> Any:
        """The text alone, for attributes and front matter."""
        return value.text(self.language)[0] if isinstance(value, Texts) else value

    def shown(self, value: Any) -> Any:
        """What `{{ value }}` prints: escaped text, in its own `lang` when it falls back."""
        if value is None:
            raise ValueError("a template printed a missing value; guard it with {% if %}")
        if isinstance(value, Markup):
            return value
        if isinstance(value, Texts):
            text, written = value.text(self.language)
            if written != self.language:
                notice = esc(self.gettext("not translated"))
                return Markup(
                    f'<span lang="{language_tag(written)}">{esc(text)}</span>'
                    f' <small class="mw-untranslated">({notice})</small>'
                )
            value = text
        return Markup(esc(value))

    def summary(self, value: Texts) -> Markup:
        """The summary (or another long text with its small Markdown), as HTML."""
        text, written = value.text(self.language)
        html = summary_html(text)
        if written == self.language:
            return Markup(html)
        notice = esc(self.gettext("Not translated; shown in the original language."))
        return Markup(
            f'<div lang="{language_tag(written)}">{html}</div>'
            f'<p class="mw-untranslated">{notice}</p>\n'
        )

    def template_functions(self) -> dict[str, Callable[..., Markup]]:
        """gettext, ngettext and pgettext for templates (newstyle: they fill in their own
        placeholders), each value escaped as `{{ value }}` would be; the translated message is
        the site's own words, so markup (a link, a hidden span) may be part of it."""
        found = translations(self.language)

        def filled(message: str, variables: dict[str, Any]) -> Markup:
            return Markup(message) % {k: self.shown(v) for k, v in variables.items()}

        @jinja2.pass_context
        def gettext(_: Any, message: str, **variables: Any) -> Markup:
            return filled(found.gettext(message), variables)

        @jinja2.pass_context
        def ngettext(_: Any, singular: str, plural: str, n: int, **variables: Any) -> Markup:
            variables.setdefault("num", n)
            return filled(found.ngettext(singular, plural, n), variables)

        @jinja2.pass_context
        def pgettext(_: Any, context: str, message: str, **variables: Any) -> Markup:
            variables.setdefault("context", context)
            return filled(found.pgettext(context, message), variables)

        return {"gettext": gettext, "ngettext": ngettext, "pgettext": pgettext}

    def join(self, values: Any, separator: str = "") -> Markup:
        """Jinja's join would HTML-escape only; this one escapes each item as every value is,
        and takes prose in the edition's language without markup (joins go into attributes)."""
        return Markup(
            str(separator).join(v if isinstance(v, Markup) else esc(self.plain(v)) for v in values)
        )


@cache
def environment(edition: Edition = ENGLISH, other: str = "zh") -> jinja2.Environment:
    """The environment of an edition; `other` is the language whose country names are shown
    beside the edition's own (Chinese in the other editions, the default in the Chinese)."""
    language = edition.language
    words = Words(language)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # macros then return Markup; values still go through `words.shown`
        finalize=words.shown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    # Jinja's own newstyle functions would escape the values of `%(name)s` for HTML only;
    # these pass them through `words.shown` like every `{{ value }}`.
    env.globals.update(words.template_functions())
    gettext: Callable[[str], str] = words.gettext

    def other_country(code: str) -> Markup:
        name = country_name(code, other)
        return Markup(f'<span lang="{language_tag(other)}">{esc(name)}</span>')

    env.globals.update(
        edition=edition,
        up=edition.up,
        lang=edition.tag,
        other_language=language_name(other, language),
        native_first=lambda native: in_script_of(language, native),
        # the name a sentence calls a person by: the native one where the edition leads with it
        lead_name=lambda name: (
            name.native if name.native and in_script_of(language, name.native) else name.latin
        ),
        script_lang=script_language,
    )
    env.filters.update(
        country=lambda code: country_name(code, language),
        country_other=other_country,
        country_zh=country_name_zh,
        language=lambda code: language_name(code, language),
        appearance=lambda d: appearance(d, gettext),
        country_slug=country_slug,
        crime_key=crime_key,
        card_data=card_data,
        filter_values=filter_values,
        listing_order=listing_order,
        method=lambda event: (
            gettext(METHOD_LABELS[return_method(event) or "other"]) if return_method(event) else ""
        ),
        date=lambda value: human_date(value, language),
        money=lambda amount: money(amount, language),
        status=lambda status: gettext(STATUS_LABELS[status]),
        event=lambda kind: gettext(EVENT_LABELS[kind]),
        sex=lambda sex: gettext(SEX_LABELS[sex]),
        # a msgid held in a value (a facet's label, a document kind), marked N_ where defined
        translated=gettext,
        period=lambda value: period(value, language),
        as_of=lambda where: (
            gettext(AS_OF_LABELS[where.event]) % {"date": human_date(where.as_of, language)}
        ),
        summary=words.summary,
        plain=words.plain,
        join=words.join,
        day=_day,
        human_day=lambda moment: human_date(_day(moment), language),
        json=lambda value: Markup(json.dumps(list(value), ensure_ascii=False)),
    )
    return env
