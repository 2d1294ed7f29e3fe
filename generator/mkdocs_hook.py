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
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from generator import searchindex
from generator.build import TIMINGS_ENV, record
from generator.editors import preview
from generator.source.errors import InputError
from generator.source.loader import SETTINGS_FILE, load_model
from generator.source.model import Settings

log = logging.getLogger("mkdocs.hooks.cases")
_command = {"name": "build"}  # set once by on_startup: "serve" for `mkdocs serve`


def _root(config: Any) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


def on_config(config: Any) -> Any:
    root = _root(config)
    settings, _ = load_model(root / "cases" / SETTINGS_FILE, root, Settings, [])
    if settings is not None:  # a broken file is reported by on_pre_build, with every other problem
        config["site_name"] = settings.title
        config["extra"]["demonstration"] = settings.demonstration
        config["extra"]["share_images"] = settings.posters
    return config


def on_pre_build(config: Any) -> None:
    gc.unfreeze()  # what the last build froze (`mkdocs serve`) may be collected again
    try:
        serving = _command["name"] == "serve"
        outcome = preview.generate(_root(config), serving, log, config.get("site_url") or "")
    except InputError as exc:
        raise PluginError("the cases have errors:\n" + exc.report()) from None
    config["extra"][preview.EXTRA_KEY] = list(outcome.errors)
    if outcome.result is not None:
        record(outcome.result)
        report = outcome.result.findings.report()
        if report:  # printed, not logged: a warning logged would fail a --strict build
            print(report, file=sys.stderr)
    # Everything alive now (the pinyin and country-name tables, templates, caches) lives on
    # through MkDocs' build: freeze it so that its garbage collections stop walking it again and
    # again. Measured at 1,000 cases: MkDocs' own time fell by about a second, one tenth.
    gc.freeze()


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
