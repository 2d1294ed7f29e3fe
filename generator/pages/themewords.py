"""The words of the theme and of the site's scripts, in each edition's language.

MkDocs renders the theme (generator/theme/: the demonstration banner, the search box, the 404
page) with its own Jinja environment, not the generator's, and the scripts (docs/assets/
filters.js and search.js) build text in the browser. Their words are defined here once, as
msgids of the same catalogs as the pages' (`make translations` extracts them), and the MkDocs
hook puts each edition's translations into its configuration: `config.extra.words` for the
theme's templates, and `config.extra.script_words` (read by the scripts from a JSON block that
main.html writes into every page, `<script type="application/json" id="mw-words">`). The
scripts keep the English words as their fallback.

Messages with a number come in every form the edition's language has, by CLDR plural category
(`one`, `other`, …), so that a script picks the form with the browser's `Intl.PluralRules`.
"""

from __future__ import annotations

from typing import Any

from babel.core import get_global

from ..public.editions import Edition, likely_script
from ..source.text import N_
from .i18n import NP_, gettext, ngettext, plural_samples

# The theme's words (generator/theme/*.html), by the key templates read: config.extra.words.<key>.
THEME = {
    "demonstration_title": N_("Demonstration data."),
    "demonstration_text": N_("Every person, photograph and number on this site is fictional."),
    "preview_text": N_(
        "This page shows the last good version; it updates on the next save without errors."
    ),
    "feed_atom": N_("Changes (Atom)"),
    "feed_json": N_("Changes (JSON Feed)"),
    "search_open": N_("Search"),
    "search_label": N_("Search wanted persons by name, number, country or crime"),
    "search_placeholder": N_("Search"),
    "search_results": N_("Search results"),
    "not_found_title": N_("404 - Not found"),
    "not_found_text": N_(
        "There is no page at this address. It may have moved, or the case may no longer be "
        "published."
    ),
    "not_found_home": N_("Go to the home page"),
    # the footer's note (partials/copyright.html); %(link)s is Material for MkDocs, linked
    "made_with": N_("Made with %(link)s"),
}
# mkdocs.yml's site_description, which pages without their own description carry: the hook
# translates whatever it says, and this marks the sample's for the catalogs.
SITE_DESCRIPTION = N_("Wanted persons, with photographs, documents and how to send a clue.")
# The preview's notice while `make serve` finds invalid cases (the hook fills in the number).
PREVIEW_ERRORS = NP_(
    "Preview not updated: the cases have %(n)s error.",
    "Preview not updated: the cases have %(n)s errors.",
)

# The scripts' words, by the key the scripts read; a pair is a message with a number.
SCRIPTS: dict[str, str | tuple[str, str]] = {
    # docs/assets/filters.js
    "showing_all": NP_("Showing the %(total)s case.", "Showing all %(total)s cases."),
    "showing": NP_("Showing %(n)s of %(total)s case.", "Showing %(n)s of %(total)s cases."),
    "show_more": N_("Show more (%(n)s left)"),
    "count_label": N_("%(label)s (%(count)s)"),
    "no_match": N_("No published case matches these filters. %(link)s."),
    "show_every": N_("Show every case"),
    "filters_failed": N_(
        "The filters could not load the index of cases; every case is listed on these pages."
    ),
    # docs/assets/filters.js and search.js
    "believed_in": N_("Believed in %(country)s"),
    "whereabouts_unknown": N_("Whereabouts unknown"),
    "no_photo": N_("No photograph of %(name)s is published"),
    # docs/assets/search.js
    "searching": N_("Searching…"),
    "no_results": N_("No published case matches this search."),
    "found": NP_("%(n)s case found.", "%(n)s cases found."),
    "found_first": NP_(
        "%(n)s case found, the first %(shown)s shown.",
        "%(n)s cases found, the first %(shown)s shown.",
    ),
    "search_failed": N_("Search is not available: %(error)s"),
}

# The territory Open Graph names for a language where CLDR's likeliest is not the house style.
OG_TERRITORY = {"en": "GB"}


def theme_words(language: str) -> dict[str, str]:
    """The theme's words in a language."""
    return {key: gettext(language, message) for key, message in THEME.items()}


def preview_errors(language: str, n: int) -> str:
    """The preview's notice for `n` invalid cases."""
    return ngettext(language, *PREVIEW_ERRORS, n) % {"n": n}


def script_words(edition: Edition) -> dict[str, Any]:
    """What the scripts read: the edition's language tag (for `Intl.PluralRules`) and its words,
    a message with a number as its form for each plural category of the language."""
    language = edition.language
    words: dict[str, Any] = {}
    for key, message in SCRIPTS.items():
        if isinstance(message, tuple):
            words[key] = {
                category: ngettext(language, *message, n)
                for category, n in plural_samples(language).items()
            }
        else:
            words[key] = gettext(language, message)
    return {"lang": edition.tag, "words": words}


def og_locale(language: str) -> str:
    """The Open Graph locale of a language: en_GB, zh_CN."""
    territory = OG_TERRITORY.get(language)
    if territory is None:
        likely = get_global("likely_subtags").get(language, "")
        parts = [p for p in likely.split("_")[1:] if p != likely_script(language)]
        territory = next((p for p in parts if p.isalpha() and p.isupper()), "")
    return f"{language}_{territory}" if territory else language
