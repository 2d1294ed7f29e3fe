"""The thin MkDocs hook: the only file of ours that MkDocs loads.

Before every build (`mkdocs build`, and each rebuild of `mkdocs serve`) it runs the generator,
which writes plain Markdown and files into docs/; after every build it has Pagefind index the
built site (`generator.searchindex`); while serving it also watches cases/. It reads
the demonstration flag and the title from the publication settings for the theme's banner.
What happens to editors' mistakes (fail the build, or keep the preview going with a notice) is
decided in `generator.editors.preview`. Everything else lives in the generator, which runs without
MkDocs as `python -m generator`.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from generator import searchindex, uptodate
from generator.editionsite import handwritten_pages
from generator.files import TIMINGS_ENV
from generator.pages.i18n import gettext
from generator.pages.themewords import og_locale, preview_errors, script_words, theme_words
from generator.public.editions import Edition, editions
from generator.source.loader import SETTINGS_FILE, load_model
from generator.source.model import Settings

log = logging.getLogger("mkdocs.hooks.cases")
CHANGED_DURING = (
    "Note: a case, a photo or the generator changed while the pages were being generated. This "
    "build shows them as they were when it started; the next build generates them again."
)
_command = {"name": "build"}  # set once by on_startup: "serve" for `mkdocs serve`


def _root(config: Any) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


def on_config(config: Any) -> Any:
    """The edition this build makes (`extra.edition`, set by mkdocs.<language>.yml; the default
    edition otherwise): its title, address and language, and its counterparts for the language
    menu, hreflang links and the sitemap."""
    root = _root(config)
    extra = config["extra"]
    # The edition's words even when the settings cannot be read (the preview then shows why).
    named = extra.get("edition")
    _words(config, Edition(named or "en", not named), ())
    settings, _ = load_model(root / "cases" / SETTINGS_FILE, root, Settings, [])
    if settings is None:  # a broken file is reported by on_pre_build, with every other problem
        return config
    all_editions = editions(settings)
    edition = next((e for e in all_editions if e.language == extra.get("edition")), None)
    edition = edition or all_editions[0]
    config["site_name"] = settings.title.text(edition.language)[0]
    home = config.get("site_url") or ""
    if home and not edition.default:
        config["site_url"] = home + edition.prefix
    extra["demonstration"] = settings.demonstration
    extra["share_images"] = settings.posters
    extra["home_url"] = home  # the site's root, where files shared by every edition live
    extra["html_lang"] = edition.tag
    extra["edition_up"] = edition.up
    extra["edition_prefix"] = edition.prefix
    _words(config, edition, tuple(e for e in all_editions if e != edition))
    if len(all_editions) > 1:
        docs = root / "docs"
        extra["editions"] = [
            {
                "name": e.name,
                "lang": e.tag,
                "prefix": e.prefix,
                "current": e == edition,
                "pages": sorted(handwritten_pages(docs, e)),
            }
            for e in all_editions
        ]
    return config


def _words(config: Any, edition: Edition, others: tuple[Edition, ...]) -> None:
    """The theme's and the scripts' words in the edition's language (pages/themewords.py), the
    site's description in it, and its Open Graph locale beside the other editions'."""
    extra = config["extra"]
    extra["edition_language"] = edition.language
    if config.get("site_description"):
        config["site_description"] = gettext(edition.language, config["site_description"])
    extra["words"] = theme_words(edition.language)
    extra["script_words"] = script_words(edition)
    extra["og_locale"] = og_locale(edition.language)
    extra["og_locale_alternates"] = [og_locale(e.language) for e in others]


def on_pre_build(config: Any) -> None:
    gc.unfreeze()  # what the last build froze (`mkdocs serve`) may be collected again
    home = config["extra"].get("home_url", config.get("site_url")) or ""
    root = _root(config)
    errors: tuple[str, ...] = ()
    if uptodate.is_current(root, home):
        # Nothing read has changed since the last good generation (another edition's build
        # right after the default's, or a build again): the pages are written already.
        log.info("Cases and generator as the last good build left them: pages not generated again.")
        report = uptodate.last_warnings(root)
        if report and not config["extra"].get("edition"):  # once, in the default edition
            print(report, file=sys.stderr)
    else:
        errors = _generate(root, _command["name"] == "serve", home)
    config["extra"]["preview_errors"] = list(errors)  # shown on every page (editors/preview.py)
    language = config["extra"].get("edition_language", "en")
    config["extra"]["preview_errors_title"] = preview_errors(language, len(errors))
    # Everything alive now (the pinyin and country-name tables, templates, caches) lives on
    # through MkDocs' build: freeze it so that its garbage collections stop walking it again and
    # again. Measured at 1,000 cases: MkDocs' own time fell by about a second, one tenth.
    gc.freeze()


def _generate(root: Path, serving: bool, home: str) -> tuple[str, ...]:
    """Run the generator; the errors a preview shows (none in a real build, which fails). It is
    imported here, so that a build that has nothing to generate never loads it (0.6 s)."""
    from generator.build import record
    from generator.editors import preview
    from generator.source.errors import InputError

    before, started = uptodate.stamps(root), time.perf_counter()
    try:
        outcome = preview.generate(root, serving, log, home)
    except InputError as exc:
        raise PluginError("the cases have errors:\n" + exc.report()) from None
    if outcome.result is not None:
        # Printed, as the warnings below: MkDocs' --quiet would hide a log line.
        print(outcome.result.summary(time.perf_counter() - started), file=sys.stderr)
        report = outcome.result.findings.report()
        if not uptodate.remember(root, home, report, before):
            print(CHANGED_DURING, file=sys.stderr)
        record(outcome.result)
        if report:  # printed, not logged: a warning logged would fail a --strict build
            print(report, file=sys.stderr)
    return outcome.errors


def on_post_build(config: Any) -> None:
    try:
        indexed = searchindex.index_site(Path(config["site_dir"]))
    except searchindex.IndexFailed as exc:
        raise PluginError(f"Pagefind could not index the site:\n{exc}") from None
    record_step("search_index", indexed.figures())


def record_step(name: str, figures: Mapping[str, float]) -> None:
    """Add a step after the generator's (Pagefind's: seconds, CPU seconds, peak memory in bytes)
    under name to the timings file that `record` wrote, if $MOSTWANTED_TIMINGS names one."""
    target = os.environ.get(TIMINGS_ENV)
    if target:
        path = Path(target)
        doc = json.loads(path.read_text("utf-8")) if path.is_file() else {}
        doc[name] = dict(figures)
        path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    server.watch(str(_root(config) / "cases"))
    return server
