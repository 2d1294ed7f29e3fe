"""A small HTML tree for tests: elements with attributes, children and text, found by selectors.

Built on the standard library's HTMLParser (which decodes character references in attributes
and text, as a browser does), so tests read the values a browser would see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Element]:
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(
        self, tag: str | None = None, cls: str | None = None, **attrs: str | bool
    ) -> list[Element]:
        """Descendants with this tag, class and attributes (True: present with any value)."""

        def ok(e: Element) -> bool:
            if tag and e.tag != tag:
                return False
            if cls and cls not in e.classes:
                return False
            for name, want in attrs.items():
                key = name.replace("_", "-")
                if want is True and key not in e.attrs:
                    return False
                if want is not True and e.attrs.get(key) != want:
                    return False
            return True

        return [e for e in self.iter() if ok(e)]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str | bool) -> Element:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag or '*'}> with class {cls} and {attrs}"
        return found[0]

    def by_id(self, id_: str) -> Element:
        return self.find(id=id_)

    def where(self, test: Callable[[Element], bool]) -> list[Element]:
        return [e for e in self.iter() if test(e)]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.open = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.open)
        self.open.children.append(element)
        if tag not in VOID:
            self.open = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.children.append(Element(tag, {k: v or "" for k, v in attrs}, parent=self.open))

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.open
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.open = node.parent

    def handle_data(self, data: str) -> None:
        self.open.children.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def page(site: Path, url_path: str) -> Element:
    """The parsed page at a directory URL such as 'countries/ca/' (or '' for home)."""
    return parse((site / url_path / "index.html").read_text("utf-8"))
