"""Every poster and share image of a build, made where missing, on every core.

`poster_outputs` lists the jobs of every published case, makes in worker processes the ones whose
file is not in the cache yet, and returns the files by their path under docs/, with how many
were made. Posters and share images are off when `posters: false` stands in the settings.

The cache keeps what recent builds used and forgets the rest (`files.forget_unused`): at 1,000
cases one generation of posters and images is about 700 MB, and each change of day, address or
template would otherwise add another.
"""

from __future__ import annotations

import gc
import hashlib
import os
import tempfile
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any, Protocol

from ..files import forget_unused
from ..pages.environment import ENGLISH
from ..pages.i18n import translations
from ..public.editions import Edition, in_script_of
from ..public.publish import Published
from ..source.model import Settings
from .fonts import poster_fonts
from .poster import HEADINGS, begin_drawing, draw, drawing, poster_jobs
from .share import ShareJob, make


@dataclass(frozen=True)
class Made:
    """Files by their path under docs/, and how many of them were made in this build."""

    files: dict[str, Path]
    posters_made: int = 0
    shares_made: int = 0


def share_job(p: Published, settings: Settings, edition: Edition = ENGLISH) -> ShareJob:
    """The share image of a case in an edition: photo, names (the edition's script first),
    status, site title."""
    gettext = translations(edition.language).gettext
    photo = p.photos[0].processed.large_jpeg.path if p.photos else None
    status = gettext(HEADINGS[p.case.status])
    latin, native = p.case.name.latin, p.case.name.native or ""
    first, second = (
        (native, latin)
        if native and in_script_of(edition.language, native)
        else (
            latin,
            native,
        )
    )
    title = settings.title.text(edition.language)[0]
    return ShareJob(f"{edition.language}-{p.id}", (first, second, status, title), photo)


def site_share_job(settings: Settings, edition: Edition = ENGLISH) -> ShareJob:
    language = edition.language
    title, agency = settings.title.text(language)[0], settings.agency.name.text(language)[0]
    return ShareJob(f"{language}-site", (title, "", "", agency), None)


def poster_outputs(
    published: tuple[Published, ...],
    settings: Settings,
    urls: dict[str, str],
    days: dict[str, str],
    cache_dir: Path,
    workers: int | None = None,
    editions: tuple[Edition, ...] = (ENGLISH,),
) -> Made:
    """Every poster and share image of every edition: `urls` gives each case's page address in
    the default edition (an edition's is under its prefix), `days` the date its poster carries
    (YYYY-MM-DD), by id. Files: posters/<id>-a4.pdf and share/<id>.jpg for the default
    edition, posters/<language>/<id>-a4.pdf and share/<language>/<id>.jpg for the others.
    Raises nothing for a missing photo: a case without one gets a poster and an image without
    a picture."""
    if not settings.posters:
        return Made({})
    posters: dict[str, Job] = {}
    shares: dict[str, Job] = {}
    settings_digest = hashlib.sha256(settings.model_dump_json().encode()).hexdigest()
    fonts = poster_fonts(cache_dir / "fonts")
    for edition in editions:
        folder = "" if edition.default else edition.prefix
        shares[f"share/{folder}site.jpg"] = site_share_job(settings, edition)
        for p in published:
            url = urls[p.id].replace("/cases/", f"/{edition.prefix}cases/", 1)
            for job in poster_jobs(p, settings, settings_digest, url, days[p.id], fonts, edition):
                posters[f"posters/{folder}{p.id}-{job.size}.pdf"] = job
            shares[f"share/{folder}{p.id}.jpg"] = share_job(p, settings, edition)
    poster_dir, share_dir = cache_dir / "posters", cache_dir / "share"
    poster_files, posters_made = _run(draw, posters, poster_dir, workers)
    share_files, shares_made = _run(make, shares, share_dir, workers)
    return Made({**poster_files, **share_files}, posters_made, shares_made)


class Job(Protocol):
    """A poster or share image to make: its file's name in the cache names its inputs."""

    @property
    def file_name(self) -> str: ...


def _run(
    work: Callable[[Any, Path], None],
    jobs: Mapping[str, Job],
    cache_dir: Path,
    workers: int | None,
) -> tuple[dict[str, Path], int]:
    """Make the jobs whose file is not in the cache, in worker processes when there are
    several; every job's file by its path under docs/, and how many were made."""
    missing = [job for _, job in sorted(jobs.items()) if not (cache_dir / job.file_name).is_file()]
    if missing:
        _make(work, missing, cache_dir, workers or os.cpu_count() or 1)
    forget_unused(cache_dir, {job.file_name for job in jobs.values()}, (".pdf", ".jpg"))
    return {path: cache_dir / job.file_name for path, job in jobs.items()}, len(missing)


def _make(
    work: Callable[[Any, Path], None], missing: list[Job], cache_dir: Path, cores: int
) -> None:
    """Make the jobs, in worker processes when there are more than two and more than one core.
    WeasyPrint's copies of the fonts go under a scratch folder, one per process that draws,
    removed when all are made."""
    with tempfile.TemporaryDirectory(prefix="mostwanted-fonts-") as scratch:
        if len(missing) <= 2 or cores <= 1:
            with drawing(scratch):
                for job in missing:
                    work(job, cache_dir)
            return
        processes = min(cores, len(missing))
        with ProcessPoolExecutor(processes, initializer=_start, initargs=(scratch,)) as pool:
            # In pairs: a case's two paper sizes go to one worker, which draws its QR once.
            list(pool.map(work, missing, repeat(cache_dir), chunksize=2))


def _start(scratch: str) -> None:
    """A worker's first step. The build pauses the cyclic garbage collector
    (build._without_gc) and forked workers inherit that: without it back on, a WeasyPrint
    worker keeps every poster's cycles, about 2 MB a poster (some 19 GB per worker at 10,000
    cases). Then the worker gets a font configuration of its own (`begin_drawing`)."""
    gc.enable()
    begin_drawing(scratch)
