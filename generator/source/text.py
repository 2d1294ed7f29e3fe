"""Making editors' text safe to place in generated Markdown and HTML.

Every value from a case is text, never markup: `esc` turns the characters that Markdown, HTML or
MkDocs extensions (attribute lists, tables) would interpret into character references, so the
value renders literally in a paragraph, a table cell, a heading or a raw HTML block alike.
The summary is the one field that is Markdown: `summary_markdown` disarms raw HTML and attribute
lists in it, and `summary_problems` refuses links other than http(s) and mailto.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown

# Characters with a meaning in Markdown, HTML, attr_list or tables, and their safe forms.
_ESCAPES = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|~^=<>&\"'$:"}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)
ALLOWED_SCHEMES = ("http://", "https://", "mailto:")
_MARKDOWN = markdown.Markdown()  # one converter, reset before each use: building one is slow


def esc(value: object) -> str:
    """A plain-text value, safe inside Markdown text, table cells and HTML (also attributes)."""
    text = " ".join(str(value).split())
    return text.translate(_ESCAPE_TABLE)


def summary_markdown(text: str) -> str:
    """The summary as Markdown with raw HTML, attribute lists and headings made literal."""
    text = (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace("{", "&#123;")
        .replace("}", "&#125;")
    )
    return re.sub(r"(?m)^(\s*)#", r"\1\\#", text).strip() + "\n"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.images = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images += 1
        for name, value in attrs:
            if name in ("href", "src") and tag != "img":
                self.hrefs.append(value or "")


def summary_problems(text: str) -> list[str]:
    """What is wrong with a summary: links with other schemes, images."""
    if "[" not in text:  # every Markdown link and image starts with "["; "<" is made literal
        return []
    parser = _Links()
    parser.feed(_MARKDOWN.reset().convert(summary_markdown(text)))
    problems = [
        f"link to {href!r} is not allowed: links must start with http://, https:// or mailto:"
        for href in parser.hrefs
        if not href.lower().startswith(ALLOWED_SCHEMES)
    ]
    if parser.images:
        problems.append("images are not allowed in the summary; list photos under photos:")
    return problems
