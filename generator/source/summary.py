"""The summary: the one field an editor writes in Markdown, limited to a small, safe part of it.

A summary may hold paragraphs, *emphasis* and **strong** text, lists, and links to http, https
and mailto addresses. That allow-list is a CommonMark parser (markdown-it-py) with only those
rules switched on: everything else (headings written with `#` or underlined with `===` or `---`,
horizontal rules, block quotes, code, tables, admonitions, footnotes, raw HTML, attribute lists)
is not parsed at all and shows as the literal text the editor wrote. Images and links to other
schemes are refused by validation (`summary_problems`), with file, line and field.

The summary is turned into HTML here, once, and placed in the case page as one raw HTML block,
so that MkDocs' own Markdown extensions never see the editor's text: a summary cannot add a
heading, an admonition or an attribute to the page around it.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_SCHEMES = ("http://", "https://", "mailto:")
# Block rules: paragraph and list. Inline rules: text, line breaks, backslash escapes, entities,
# emphasis, links and autolinks; images are parsed only so that validation can refuse them.
_RULES = ["list", "newline", "escape", "entity", "emphasis", "link", "autolink", "image"]
_OPTIONS = {"html": False, "linkify": False, "typographer": False}
# Validation parses every link, whatever its scheme, so that it can name the ones it refuses.
_PARSER = MarkdownIt("zero", _OPTIONS).enable(_RULES)
_PARSER.validateLink = lambda url: True  # type: ignore[method-assign]
# Rendering keeps links to the allowed schemes only, should an unchecked summary ever reach it.
_RENDERER = MarkdownIt("zero", _OPTIONS).enable(_RULES)
_RENDERER.validateLink = lambda url: url.lower().startswith(ALLOWED_SCHEMES)  # type: ignore[method-assign]


def _inline_tokens(text: str) -> list[Token]:
    tokens = []
    for token in _PARSER.parse(text):
        tokens.append(token)
        tokens.extend(token.children or ())
    return tokens


def summary_problems(text: str) -> list[str]:
    """What validation refuses in a summary: links to other schemes, and images."""
    problems = []
    for token in _inline_tokens(text):
        if token.type == "image":
            problems.append("images are not allowed in the summary; list photos under photos:")
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            if not href.lower().startswith(ALLOWED_SCHEMES):
                problems.append(
                    f"link to {href!r} is not allowed: links must start with http://, https:// "
                    "or mailto:"
                )
    return problems


def summary_html(text: str) -> str:
    """The summary as an HTML block (`<div class="mw-summary">…</div>`), every character of the
    editor's text escaped except the allowed constructs."""
    return f'<div class="mw-summary">\n{_RENDERER.render(text)}</div>\n'
