"""Prose written in one or more languages: the value of every free-text field of a case and of
the publication settings.

An editor writes either plain text, in the site's default language (the first of `languages:`
in cases/publication.yaml), or a mapping from language code to text:

    position: Former general manager of a grain company
    position: {en: Former general manager of a grain company, zh: 粮食公司原总经理}

Either way the loaded value is a `Texts`: a `str` whose value is the default language's text, so
that everything that needs one language (the CSV, FollowTheMoney, search spellings) reads it
as before, and which carries every language it was written in for the editions
(`Texts.text(language)`) and the open data (`Texts.for_data()`).

The default language must be present in a mapping, since every edition falls back to it; a
language the site does not publish is refused. The site's languages reach the validator as
pydantic's validation context (`{"languages": ("en", "zh")}`, see `source.loader`); without
one, the default language is English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationInfo

DEFAULT_LANGUAGES = ("en",)
# The tags of the two shapes, in pydantic's error locations; `loader` leaves them out of the
# field paths it shows.
AS_TEXT = "~text"
BY_LANGUAGE = "~by-language"


class Texts(str):
    """One piece of prose in one or more languages. As a `str`: the default language's text.
    `by_language` maps each language it is written in to its text, the default first."""

    by_language: Mapping[str, str]
    default: str

    def __new__(cls, by_language: Mapping[str, str], default: str) -> Texts:
        made = super().__new__(cls, by_language[default])
        made.by_language = dict(by_language)
        made.default = default
        return made

    def __getnewargs__(self) -> tuple[Any, ...]:
        return (dict(self.by_language), self.default)

    def text(self, language: str) -> tuple[str, str]:
        """The text for an edition, and the language it is in: the edition's own when written,
        else the default language's (which the page marks as not translated)."""
        if language in self.by_language:
            return self.by_language[language], language
        return self.by_language[self.default], self.default

    def missing(self, languages: tuple[str, ...]) -> tuple[str, ...]:
        """The languages among `languages` this text is not written in."""
        return tuple(lang for lang in languages if lang not in self.by_language)

    def for_data(self) -> str | dict[str, str]:
        """The open data's form: plain text when only the default language is written, else
        the mapping from language code to text."""
        if len(self.by_language) == 1:
            return str(self)
        return dict(self.by_language)


def site_languages(info: ValidationInfo | None) -> tuple[str, ...]:
    """The site's languages, default first, from the validation context."""
    context = info.context if info is not None else None
    if isinstance(context, Mapping) and context.get("languages"):
        return tuple(context["languages"])
    return DEFAULT_LANGUAGES


def pick_shape(value: Any) -> str:
    """Which shape an editor's value has: a mapping by language, or (anything else) text."""
    return BY_LANGUAGE if isinstance(value, Mapping) else AS_TEXT


def to_texts(value: str | Mapping[str, str], info: ValidationInfo) -> Texts:
    """Turn a validated value of either shape into `Texts`; raise ValueError when a mapping
    names a language the site does not publish or lacks the default language."""
    languages = site_languages(info)
    default = languages[0]
    if isinstance(value, str):
        return Texts({default: value}, default)
    unknown = sorted(set(value) - set(languages))
    if unknown:
        raise ValueError(
            f"{', '.join(unknown)}: not among this site's languages ({', '.join(languages)}); "
            "add it to `languages:` in cases/publication.yaml, or remove it"
        )
    if default not in value:
        raise ValueError(
            f"the text in {default}, the default language, is missing: every edition falls "
            "back to it"
        )
    return Texts({lang: value[lang] for lang in languages if lang in value}, default)
