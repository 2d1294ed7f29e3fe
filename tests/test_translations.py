"""The site's words in every edition: the catalogs are complete and current, and the Chinese
edition's generated pages show none of the English msgids (outside the editors' own text)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from generator.build import build
from generator.pages.i18n import LOCALES, catalog_path, plural_samples
from generator.pages.themewords import script_words
from generator.public.editions import Edition
from generator.source.loader import load_project
from tests.conftest import ROOT

PLACEHOLDER = re.compile(r"%\(\w+\)s")


def other_languages() -> list[str]:
    project = load_project(ROOT)
    assert project.settings is not None
    return list(project.settings.languages[1:])


def catalog(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale=language)


def keys(found: Catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in found if m.id}


@pytest.mark.parametrize("language", other_languages())
def test_every_message_is_translated(language: str) -> None:
    template = catalog(LOCALES / "messages.pot")
    translated = catalog(catalog_path(language), language)
    assert keys(translated) == keys(template)
    for message in translated:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert not message.fuzzy, message.id
        assert len(strings) == translated.num_plurals if len(ids) > 1 else 1, message.id
        for text in strings:
            assert text, message.id
            # The same placeholders as the English (its plural form's, for a plural).
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(ids[-1])), text


def test_the_template_holds_every_message_of_the_code_and_templates(tmp_path: Path) -> None:
    """`make translations` has been run since the last change to the site's words."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            *(sys.executable, "-m", "babel.messages.frontend", "--quiet", "extract"),
            *("--mapping-file", "babel.cfg", "--keywords", "NP_:1,2", "--output-file", str(pot)),
            "generator",
        ],
        cwd=ROOT,
        check=True,
    )
    assert keys(catalog(pot)) == keys(catalog(LOCALES / "messages.pot"))


def fragments(found: Catalog) -> set[str]:
    """The English words of every msgid, between its placeholders, tags and link targets, where
    they are two words or more (single words may be a name or a code)."""
    out = set()
    for message in found:
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            text = re.sub(r"<[^>]+>|\]\([^)]*\)|%\(\w+\)s|[\[\]]", "\0", text)
            for part in text.split("\0"):
                part = " ".join(part.split()).strip(" .,:;()")
                if len(re.findall(r"[A-Za-z]+", part)) >= 2:
                    out.add(part)
    return out


# Text in the default language shown where an editor gave no translation: its own `lang`.
FALLBACK = re.compile(r'<(div|span) lang="en"[^>]*>.*?</\1>', re.DOTALL)


def test_chinese_pages_show_no_english_site_words(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "cases", root / "cases")
    (root / "docs").mkdir()
    build(root, root / ".cache", date(2027, 1, 1), site_url="https://example.org/")
    english = fragments(catalog(LOCALES / "messages.pot"))
    pages = sorted((root / "docs" / "zh").rglob("index.md"))
    assert len(pages) > 30
    for page in pages:
        text = FALLBACK.sub("", page.read_text("utf-8"))
        found = sorted(f for f in english if re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text))
        assert not found, (page.relative_to(root), found)
    # ...while the English edition still says them.
    home = (root / "docs" / "index.md").read_text("utf-8")
    assert "whereabouts unknown" in home and "Send a clue" in home


def test_scripts_get_every_plural_form_of_the_language() -> None:
    assert plural_samples("en") == {"one": 1, "other": 0}
    assert plural_samples("zh") == {"other": 0}
    zh = script_words(Edition("zh", False))
    assert zh["lang"] == "zh-Hans"
    assert zh["words"]["found"] == {"other": "找到%(n)s起案件。"}
    en = script_words(Edition("en", True))["words"]["found"]
    assert en == {"one": "%(n)s case found.", "other": "%(n)s cases found."}
