"""The thin MkDocs hook: the only file of ours that MkDocs loads.

Before every build (`mkdocs build`, and each rebuild of `mkdocs serve`) it runs the generator,
which writes plain Markdown and files into docs/; while serving it also watches cases/. It reads
the demonstration flag and the title from the publication settings for the theme's banner.
Everything else lives in the generator, which runs without MkDocs as `python -m generator`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from generator.build import build, record
from generator.errors import InputError
from generator.loader import SETTINGS_FILE, load_model
from generator.model import Settings


def _root(config: Any) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def on_config(config: Any) -> Any:
    root = _root(config)
    settings, _ = load_model(root / "cases" / SETTINGS_FILE, root, Settings, [])
    if settings is not None:  # a broken file is reported by on_pre_build, with every other problem
        config["site_name"] = settings.title
        config["extra"]["demonstration"] = settings.demonstration
    return config


def on_pre_build(config: Any) -> None:
    try:
        result = build(_root(config))
    except InputError as exc:
        raise PluginError("the cases have errors:\n" + exc.report()) from None
    record(result)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    server.watch(str(_root(config) / "cases"))
    return server
