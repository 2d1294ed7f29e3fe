"""Prose left untranslated: every free-text value of a case or of the settings that has no text
in one of the site's languages, which that edition then shows in the default language.

`make validate`, every build and `make review` list them as warnings, or as errors with
`untranslated: error` in cases/publication.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .errors import Problem, field_path
from .localized import Texts

Loc = tuple[str | int, ...]


def missing_texts(model: BaseModel, languages: tuple[str, ...]) -> Iterator[tuple[Loc, str]]:
    """Each prose value of a model (walked field by field, lists included) without text in
    one of `languages`: its location and the language."""

    def walk(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
        if isinstance(value, Texts):
            for language in value.missing(languages):
                yield loc, language
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                field = type(value).model_fields[name]
                yield from walk(getattr(value, name), (*loc, field.alias or name))
        elif isinstance(value, list | tuple):
            for i, item in enumerate(value):
                yield from walk(item, (*loc, i))

    yield from walk(model, ())


def untranslated(
    file: str, model: BaseModel, languages: tuple[str, ...], line_of: Any
) -> list[Problem]:
    """The problems of one file: one per value and missing language. `line_of(loc)` gives a
    value's line."""
    default = languages[0]
    return [
        Problem(
            file,
            line_of(loc),
            field_path(loc),
            f"no {language} text: the {language} edition shows the {default} text; "
            f"write it as {{{default}: ..., {language}: ...}}",
        )
        for loc, language in missing_texts(model, languages[1:])
    ]
