"""Making editors' text safe to place in generated Markdown and HTML.

Every value from a case is text, never markup: `esc` turns the characters that Markdown, HTML or
MkDocs extensions (attribute lists, tables) would interpret into character references, so the
value renders literally in a paragraph, a table cell, a heading or a raw HTML block alike.
The summary, the one field that is Markdown, is rendered by `summary.py`.
"""

from __future__ import annotations

# Characters with a meaning in Markdown, HTML, attr_list or tables, and their safe forms.
_ESCAPES = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|~^=<>&\"'$:"}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)


def esc(value: object) -> str:
    """A plain-text value, safe inside Markdown text, table cells and HTML (also attributes)."""
    text = " ".join(str(value).split())
    return text.translate(_ESCAPE_TABLE)


def N_(message: str) -> str:
    """Mark an English message for the catalogs where it is defined; the pages translate it
    where it is shown (`pages.i18n`)."""
    return message
