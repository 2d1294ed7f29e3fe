"""The whole generation in two phases: check everything, then write.

Phase one reads and checks every input and stops with all problems at once (`InputError`)
before anything is written. Phase two processes photos through the cache, renders every page
in memory, and only then brings docs/ up to date: a file is written only when its bytes
change, and generated files that are no longer produced are removed.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .checks import check_cases
from .errors import InputError
from .loader import Project, load_project
from .model import Settings
from .opendata import DataContext, data_context, data_files
from .pages import FOLDERS, discovery_pages
from .photos import process_photos
from .publish import Published, photo_sources, publish
from .render import render_pages

# What the generator owns under docs/: these are rebuilt on every run and git-ignored.
OWNED_DIRS = ("cases", "photos", "api", "ftm", "schema", *FOLDERS)
MANIFEST = ".generated.json"


@dataclass(frozen=True)
class Result:
    """What a build did, for the command line and the benchmark."""

    cases: int
    published: int
    files: int
    written: tuple[str, ...]
    removed: tuple[str, ...]


def check(root: Path, today: date | None = None) -> tuple[Project, Settings]:
    """Phase one: read and check every input; raise InputError with every problem found."""
    project = load_project(root)
    problems = list(project.problems)
    problems += check_cases(project.cases, project.settings, today or date.today())
    if problems or project.settings is None:
        raise InputError(problems)
    return project, project.settings


def build(
    root: Path,
    cache_dir: Path | None = None,
    today: date | None = None,
    workers: int | None = None,
    site_url: str | None = None,
) -> Result:
    """Validate, then generate docs/ from cases/. Nothing is written unless every check passes.
    Data files use site_url for their addresses (default: the one in mkdocs.yml)."""
    project, settings = check(root, today)
    cache = cache_dir or root / ".cache" / "photos"
    processed = process_photos(photo_sources(project.cases), cache, workers=workers)
    published = publish(project.cases, settings, processed)
    data = data_context(root, project.cases, site_url)
    outputs = outputs_for(published, settings, data)
    written, removed = sync(root / "docs", outputs)
    return Result(len(project.cases), len(published), len(outputs), written, removed)


def outputs_for(
    published: tuple[Published, ...], settings: Settings, data: DataContext | None = None
) -> dict[str, bytes | Path]:
    """Every generated file under docs/: page text as bytes, photos as paths in the cache,
    and (given a DataContext) the case pages' git dates and the open-data files."""
    pages = {
        **render_pages(published, settings, data.dates if data else None),
        **discovery_pages(published, settings),
    }
    outputs: dict[str, bytes | Path] = {path: text.encode("utf-8") for path, text in pages.items()}
    if data is not None:
        outputs.update(data_files(published, settings, data))
    for p in published:
        for photo in p.photos:
            for variant in (
                photo.processed.card_webp,
                photo.processed.card_jpeg,
                photo.processed.large_webp,
                photo.processed.large_jpeg,
            ):
                outputs[f"photos/{variant.name}"] = variant.path
    return outputs


def sync(docs: Path, outputs: dict[str, bytes | Path]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Make docs/ hold exactly these generated files, touching only what differs."""
    written = [path for path in sorted(outputs) if _put(docs / path, outputs[path])]
    previous = _read_manifest(docs)
    owned = {
        f.relative_to(docs).as_posix()
        for d in OWNED_DIRS
        if (docs / d).is_dir()
        for f in (docs / d).rglob("*")
        if f.is_file()
    }
    removed = sorted((previous | owned) - set(outputs))
    for path in removed:
        (docs / path).unlink(missing_ok=True)
    for d in OWNED_DIRS:
        for folder in sorted((docs / d).rglob("*"), reverse=True) if (docs / d).is_dir() else []:
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
    manifest = (json.dumps(sorted(outputs), indent=0) + "\n").encode()
    _put(docs / MANIFEST, manifest)
    return tuple(written), tuple(removed)


def _put(target: Path, content: bytes | Path) -> bool:
    """Write target atomically if its content differs; say whether it was written."""
    if isinstance(content, Path):
        # Photo names carry their content hash: same name and size means same file.
        if target.is_file() and target.stat().st_size == content.stat().st_size:
            return False
        content = content.read_bytes()
    elif target.is_file() and target.read_bytes() == content:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)
    return True


def _read_manifest(docs: Path) -> set[str]:
    try:
        return set(json.loads((docs / MANIFEST).read_text("utf-8")))
    except (OSError, ValueError):
        return set()
