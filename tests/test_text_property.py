"""Any text an editor may write either is refused with file, line and field, or leaves every
output well-formed and shows unchanged (in NFC) on the case page.

Hypothesis writes random Unicode into the text fields of one case, at the generator's level (no
MkDocs build per example): the case page is converted with the same Python-Markdown extensions
that MkDocs uses with mkdocs.yml, the data files are parsed by the standard library.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import markdown
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.build import build
from generator.source.errors import InputError
from tests.conftest import ROOT, SETTINGS

TODAY = date(2026, 11, 30)
# Characters that exercise the rules more often than random code points would: Markdown and
# HTML syntax, controls, direction and invisible characters, decomposed and full-width forms.
SYNTAX = "<>&\"'`*_#[](){}|!=~^$:\\-+.=\u00a0\u3000e\u0301\uff25\uff18王建国公款"
REFUSED = "\n\t\r\x00\x07\x1b\x7f\x85\x9b\u00ad\u200b\u200d\u200e\u202e\u2028\u2066\ufeff"
# Text a case may hold: letters, marks, digits, punctuation, symbols and spaces of any script.
ALLOWED = st.text(
    st.one_of(st.sampled_from(SYNTAX), st.characters(categories=("L", "M", "N", "P", "S", "Zs"))),
    min_size=1,
    max_size=30,
)
# Any text at all (but lone surrogates, which UTF-8 cannot hold).
ANY = st.text(
    st.one_of(st.sampled_from(SYNTAX + REFUSED), st.characters(exclude_categories=["Cs"])),
    min_size=1,
    max_size=30,
)
FIELDS = ("latin", "native", "alias", "charge", "position", "birthplace", "region", "note")


def _yaml_string(value: str) -> str:
    """A YAML double-quoted scalar holding exactly `value` (escapes for all but printables)."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable() and ch not in "\u2028\u2029\x85\ufeff":
            out.append(ch)
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def case_yaml(values: dict[str, str], summary: str) -> str:
    q = {k: _yaml_string(v) for k, v in values.items()}
    return (
        f"name:\n  latin: {q['latin']}\n  native: {q['native']}\n"
        f"aliases: [{q['alias']}]\n"
        "sex: male\nnationality: [CN]\n"
        f"position: {q['position']}\nbirthplace: {q['birthplace']}\n"
        f"crimes:\n  - charge: {q['charge']}\n"
        "fled:\n  date: 2010-01-01\n  from: CN\n"
        f"location:\n  country: CA\n  region: {q['region']}\n"
        "status: at_large\n"
        f"history:\n  - date: 2011\n    event: note\n    note: {q['note']}\n"
        f"summary: {_yaml_string(summary)}\n"
    )


def _markdown_extensions() -> list[Any]:
    """The extensions MkDocs runs with our mkdocs.yml: its own defaults, then the configured."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)
    return ["toc", "tables", "fenced_code", *config["markdown_extensions"]]


EXTENSIONS = _markdown_extensions()


def folded(value: str) -> str:
    """How a value must show: NFC, with its runs of white space as one space."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def check_outputs(docs: Path, values: dict[str, str]) -> None:
    ET.parse(docs / "feed.xml")
    json.loads((docs / "feed.json").read_text("utf-8"))
    record = json.loads((docs / "api/v1/cases/prop.json").read_text("utf-8"))
    assert record["name"]["latin"] == unicodedata.normalize("NFC", values["latin"]).strip()
    text = (docs / "cases.csv").read_text("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 2 and len(rows[0]) == len(rows[1])
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    assert list(csv.reader(io.StringIO(again.getvalue(), newline=""))) == rows

    source = (docs / "cases/prop/index.md").read_text("utf-8")
    _, front, body = source.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert html.unescape(meta["title"]).startswith(folded(values["latin"]))
    page = markdown.markdown(body, extensions=EXTENSIONS)
    assert page.count("<h1") == 1, page
    shown = " ".join(html.unescape(re.sub(r"<[^<>]*>", " ", page)).split())
    for field, value in values.items():
        assert folded(value) in shown, (field, value)


@settings(
    max_examples=300,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),  # CI runs the same examples every time
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    values=st.one_of(
        st.fixed_dictionaries({f: ALLOWED for f in FIELDS}),
        st.fixed_dictionaries({f: ANY for f in FIELDS}),
    ),
    summary=st.one_of(ALLOWED, ANY),
)
def test_any_text_is_refused_with_its_place_or_published_well_formed(
    values: dict[str, str], summary: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "cases/prop").mkdir(parents=True)
        (root / "docs").mkdir()
        (root / "cases/publication.yaml").write_text(SETTINGS, "utf-8")
        (root / "cases/prop/case.yaml").write_text(case_yaml(values, summary), "utf-8")
        try:
            build(root, cache_dir=root / ".cache", today=TODAY, site_url="https://example.org/")
        except InputError as refused:
            for problem in refused.problems:
                assert problem.file == "cases/prop/case.yaml", problem
                assert problem.line > 0 and problem.field, problem
            event("refused")
            return
        event("published")
        check_outputs(root / "docs", values)
