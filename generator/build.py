"""The whole generation in two phases: check everything, then write.

Phase one reads and checks every input and stops with all problems at once (`InputError`)
before anything is written to docs/; photos are checked by processing them into the photo cache,
which lies outside docs/ and site/ (`photoset.survey`). Phase two renders every page in memory,
and only then brings docs/ up to date: a file is written only when its bytes change, and
generated files that are no longer produced are removed. What each case adds on its own (its
page, its data, its cards) comes from the memo of the last build when the case is unchanged
(`pieces.Memo`, in .cache/pieces.pickle), so a build renders only what changed.

Each phase is timed; with MOSTWANTED_TIMINGS set to a file name, `record` writes the timings
there as JSON (the hook adds Pagefind's after MkDocs), which is how the benchmark splits a real
`mkdocs build` into ours, MkDocs' and Pagefind's.
"""

from __future__ import annotations

import gc
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path

from markupsafe import Markup

from .editionsite import ASSETS, asset_copies, write_configs
from .files import MANIFEST, TIMINGS_ENV, write_atomic
from .opendata.datafiles import DataContext, data_context, data_files
from .pages.discovery import FOLDERS, discovery_pages
from .pages.render import Cards, edition_environment, render_pages
from .photos.photo import PhotoStats
from .photos.photoset import PhotoSet, survey
from .pieces import Memo, build_digest, feed_words
from .posters.outputs import Made, poster_outputs
from .public.editions import Edition, editions
from .public.publish import Published, publish
from .source.checks import check_cases, photo_files
from .source.errors import InputError
from .source.loader import SETTINGS_FILE, LoadedCase, Project, load_project
from .source.model import Settings
from .source.reviews import Findings, build_day, review_findings
from .source.translations import untranslated

# What the generator owns under docs/: these are rebuilt on every run and git-ignored.
OWNED_DIRS = ("cases", "photos", "api", "ftm", "schema", "posters", "share", *FOLDERS)
CACHE_ENV = "MOSTWANTED_PHOTO_CACHE"  # photo cache folder (default: .cache/photos)
MEMO = ".cache/pieces.pickle"  # each case's outputs, kept between builds (see pieces.py)
DEFAULT_SITE_URL = "https://example.org/most-wanted/"  # mkdocs.yml's, while SITE_URL is unset
# Where a file's name carries a hash of its content (photos/08bfb7e49ba21458-card-360x450.jpg),
# so that the same name and size is the same file. Everywhere else a name says nothing about
# the content: a poster drawn for another day, or an edited stylesheet, can keep its size.
CONTENT_NAMED = ("photos/",)


@dataclass(frozen=True)
class Timings:
    """Seconds spent in each phase: wall-clock time, or CPU time of this process."""

    validation: float = 0.0  # reading and checking the cases, photos aside
    photos: float = 0.0  # checking and processing photos through the cache
    generation: float = 0.0  # rendering the pages and bringing docs/ up to date, posters aside
    posters: float = 0.0  # PDF posters and share images, drawn or taken from their cache


class _Stopwatch:
    """Wall-clock and CPU seconds, lap after lap."""

    def __init__(self) -> None:
        self.last = (time.perf_counter(), time.process_time())

    def lap(self) -> tuple[float, float]:
        now = (time.perf_counter(), time.process_time())
        wall, cpu = now[0] - self.last[0], now[1] - self.last[1]
        self.last = now
        return wall, cpu


@dataclass(frozen=True)
class Checked:
    """What phase one found: every input valid, and the processed photos."""

    project: Project
    settings: Settings
    photos: PhotoSet
    seconds: Timings
    cpu_seconds: Timings  # of this process: photo workers not included
    findings: Findings = field(default_factory=Findings)  # review warnings, withheld cases

    @property
    def visible(self) -> tuple[LoadedCase, ...]:
        """The cases the site may show: all but those withheld or retired (withdrawn ones are
        dropped later, by `publish`, which leaves a removal notice for them)."""
        hidden = self.findings.withheld | self.findings.retired
        return tuple(c for c in self.project.cases if c.id not in hidden)

    @property
    def retired(self) -> tuple[LoadedCase, ...]:
        """Closed cases past `retain_closed_for`: never shown, still counted."""
        return tuple(c for c in self.project.cases if c.id in self.findings.retired)


@dataclass(frozen=True)
class Result:
    """What a build did, for the command line and the benchmark."""

    cases: int
    published: int
    files: int
    written: tuple[str, ...]
    removed: tuple[str, ...]
    seconds: Timings = Timings()
    cpu_seconds: Timings = Timings()  # of this process: photo workers not included
    photo_stats: PhotoStats = field(default_factory=PhotoStats)
    pieces_made: int = 0  # cases whose own outputs were made anew, not taken from the memo
    findings: Findings = field(default_factory=Findings)  # review warnings, withheld cases
    posters_made: int = 0  # PDF posters drawn in this build, not taken from the cache
    shares_made: int = 0  # share images drawn in this build

    def summary(self, seconds: float) -> str:
        """One line for the editor: what was published, written and made, in `seconds`."""
        t, photos = self.seconds, self.photo_stats
        return (
            f"{self.published} of {self.cases} cases published; {self.files} files, "
            f"{len(self.written)} written, {len(self.removed)} removed in {seconds:.1f} s "
            f"(validation {t.validation:.1f} s, photos {t.photos:.1f} s, "
            f"generation {t.generation:.1f} s; {photos.processed} photos processed, "
            f"{photos.cached} from the cache; {self.posters_made} posters and "
            f"{self.shares_made} share images made)."
        )


def photo_cache(root: Path) -> Path:
    """The photo cache folder: $MOSTWANTED_PHOTO_CACHE, else .cache/photos under the project."""
    configured = os.environ.get(CACHE_ENV)
    return Path(configured).resolve() if configured else root / ".cache" / "photos"


def inspect(
    root: Path,
    today: date | None = None,
    cache_dir: Path | None = None,
    workers: int | None = None,
    stats: PhotoStats | None = None,
) -> Checked:
    """Phase one: read and check every input; raise InputError with every problem found."""
    watch = _Stopwatch()
    project = load_project(root)
    loading = watch.lap()
    published, withdrawn = photo_files(project.cases + project.partial)
    cache = cache_dir or photo_cache(root)
    photos = survey(published, withdrawn, cache, workers=workers, stats=stats)
    surveying = watch.lap()
    problems = list(project.problems)
    every = project.cases + project.partial
    problems += check_cases(every, project.settings, today or date.today(), photos.verdict)
    findings = Findings()
    if project.settings is not None:
        findings = review_findings(project.cases, project.settings, today or build_day())
        if project.settings_doc is not None:  # the settings' own prose, in every language
            doc, settings = project.settings_doc, project.settings
            file = f"cases/{SETTINGS_FILE}"
            found = untranslated(file, settings, tuple(settings.languages), doc.line_of)
            grave = settings.untranslated == "error"
            findings = replace(
                findings,
                warnings=findings.warnings + (() if grave else tuple(found)),
                errors=findings.errors + (tuple(found) if grave else ()),
            )
        problems += findings.errors
    if problems or project.settings is None:
        raise InputError(problems, findings.warnings)
    checking = watch.lap()
    wall, cpu = (Timings(loading[i] + checking[i], surveying[i]) for i in (0, 1))
    return Checked(project, project.settings, photos, wall, cpu, findings)


def check(root: Path, today: date | None = None) -> tuple[Project, Settings]:
    """Phase one, for validation alone: the project and its settings when everything is valid."""
    checked = inspect(root, today)
    return checked.project, checked.settings


def build(
    root: Path,
    cache_dir: Path | None = None,
    today: date | None = None,
    workers: int | None = None,
    site_url: str | None = None,
) -> Result:
    """Validate, then generate docs/ from cases/. Nothing is written unless every check passes.
    Data files use site_url for their addresses (default: the one in mkdocs.yml)."""
    with _without_gc():
        return _build(root, cache_dir, today, workers, site_url)


@contextmanager
def _without_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: loading builds many objects that all stay alive
    until the build ends, and collecting while they pile up costs about a tenth of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(
    root: Path,
    cache_dir: Path | None,
    today: date | None,
    workers: int | None,
    site_url: str | None,
) -> Result:
    stats = PhotoStats()
    checked = inspect(root, today, cache_dir, workers, stats)
    watch = _Stopwatch()
    project = checked.project
    processed = dict(checked.photos.processed)
    published = publish(checked.visible, checked.settings, processed)
    retired = publish(checked.retired, checked.settings, processed)  # counted, never shown
    data = data_context(root, checked.visible, site_url)
    memo = Memo(root / MEMO, build_digest(checked.settings, data))
    outputs = outputs_for(published, checked.settings, data, memo, retired)
    pages_wall, pages_cpu = watch.lap()
    made = posters_for(published, checked.settings, data, root / ".cache", workers)
    posters_wall, posters_cpu = watch.lap()
    outputs |= made.files
    others = editions(checked.settings)[1:]
    outputs |= asset_copies(root / "docs", others)
    written, removed = sync(root / "docs", outputs, edition_dirs(others))
    write_configs(root, others)
    memo.save()
    checked.photos.forget_unused()
    wall, cpu = watch.lap()
    return Result(
        len(project.cases),
        len(published),
        len(outputs),
        written,
        removed,
        replace(checked.seconds, generation=pages_wall + wall, posters=posters_wall),
        replace(checked.cpu_seconds, generation=pages_cpu + cpu, posters=posters_cpu),
        stats,
        memo.made,
        checked.findings,
        made.posters_made,
        made.shares_made,
    )


def record(result: Result) -> None:
    """Write the timings and photo counts of a build to $MOSTWANTED_TIMINGS, if it is set."""
    target = os.environ.get(TIMINGS_ENV)
    if target:
        doc = {
            "seconds": asdict(result.seconds),
            "cpu_seconds": asdict(result.cpu_seconds),
            "photos": asdict(result.photo_stats),
            "files": result.files,
            "written": len(result.written),
            "pieces_made": result.pieces_made,
            "posters_made": result.posters_made,
            "shares_made": result.shares_made,
        }
        Path(target).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")


def outputs_for(
    published: tuple[Published, ...],
    settings: Settings,
    data: DataContext,
    memo: Memo,
    retired: tuple[Published, ...] = (),
) -> dict[str, bytes | Path]:
    """Every generated file under docs/: page text as bytes, photos as paths in the cache.
    Each case's own share comes from `memo`, made anew only where the case changed; `retired`
    closed cases only count in the figures and charts."""
    pieces, known_cards = memo.pieces(published, settings, data)
    outputs: dict[str, bytes | Path] = {}
    done_cards: dict[tuple[str, str], Markup] = {}
    for edition in editions(settings):
        # The same cards on the listing and on every discovery page of the edition.
        cards = Cards(known_cards, edition_environment(edition, settings), edition)
        pages = {
            **render_pages(published, settings, cards, retired, edition),
            **discovery_pages(published, settings, cards, retired, edition),
        }
        while pages:  # encode page by page, letting each text go: at 10,000 cases, 100 MB
            path, text = pages.popitem()
            outputs[path] = text.encode("utf-8")
        done_cards |= cards.done
    outputs |= {
        f"{prefix}cases/{piece.id}/index.md": page
        for piece in pieces
        for prefix, page in piece.pages
    }
    others = [(e.prefix, feed_words(e)) for e in editions(settings)[1:]]
    outputs |= data_files(pieces, settings, data, others)
    for p in published:
        for photo in p.photos:
            for variant in photo.processed.files():
                outputs[f"photos/{variant.name}"] = variant.path
    memo.remember(done_cards)
    return outputs


def posters_for(
    published: tuple[Published, ...],
    settings: Settings,
    data: DataContext,
    cache_root: Path,
    workers: int | None = None,
) -> Made:
    """Every poster and share image, each carrying its case's address and its last change."""
    site_url = data.site_url or DEFAULT_SITE_URL
    urls = {p.id: f"{site_url}cases/{p.id}/" for p in published}
    days = {
        p.id: (data.dates[p.id].last if p.id in data.dates else data.fallback).date().isoformat()
        for p in published
    }
    return poster_outputs(published, settings, urls, days, cache_root, workers, editions(settings))


def edition_dirs(others: tuple[Edition, ...]) -> tuple[str, ...]:
    """The folders the generator owns in each non-default edition's docs/<language>/."""
    return tuple(f"{e.prefix}{top}" for e in others for top in ("cases", ASSETS, *FOLDERS))


def sync(
    docs: Path, outputs: dict[str, bytes | Path], extra_dirs: tuple[str, ...] = ()
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Make docs/ hold exactly these generated files, touching only what differs; the folders
    it owns are OWNED_DIRS and `extra_dirs`."""
    written = [
        path
        for path in sorted(outputs)
        if _put(docs / path, outputs[path], path.startswith(CONTENT_NAMED))
    ]
    owned: set[str] = set()
    entries: dict[str, int] = {}  # each folder under the owned ones: how many entries it holds
    owned_dirs = (*OWNED_DIRS, *extra_dirs)
    for top in owned_dirs:
        for folder, subfolders, files in os.walk(docs / top):
            relative = Path(folder).relative_to(docs).as_posix()
            entries[relative] = len(subfolders) + len(files)
            owned.update(f"{relative}/{name}" for name in files)
    removed = sorted((_read_manifest(docs) | owned) - outputs.keys())
    for path in removed:
        (docs / path).unlink(missing_ok=True)
        if path in owned:
            entries[path.rpartition("/")[0]] -= 1
    for folder in sorted(entries, reverse=True):  # a folder after every folder inside it
        if entries[folder] == 0 and folder not in owned_dirs:
            (docs / folder).rmdir()
            entries[folder.rpartition("/")[0]] -= 1
    manifest = (json.dumps(sorted(outputs), indent=0) + "\n").encode()
    _put(docs / MANIFEST, manifest)
    return tuple(written), tuple(removed)


def _put(target: Path, content: bytes | Path, content_named: bool = False) -> bool:
    """Write target atomically if its content differs; say whether it was written.
    `content_named`: target's name carries a hash of its content (see CONTENT_NAMED)."""
    if _same(target, content, content_named):
        return False
    write_atomic(target, content.read_bytes() if isinstance(content, Path) else content)
    return True


def _same(target: Path, content: bytes | Path, content_named: bool) -> bool:
    """Whether target already holds content: compared byte for byte when the sizes agree,
    except for a content-named file, where the same size is enough (one system call)."""
    try:
        if isinstance(content, Path):
            if target.stat().st_size != content.stat().st_size:
                return False
            return content_named or target.read_bytes() == content.read_bytes()
        return target.read_bytes() == content
    except OSError:
        return False


def _read_manifest(docs: Path) -> set[str]:
    try:
        return set(json.loads((docs / MANIFEST).read_text("utf-8")))
    except (OSError, ValueError):
        return set()
