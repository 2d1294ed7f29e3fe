"""Every poster and share image of a build, made where missing, on every core.

`poster_outputs` lists the jobs of every published case, makes in worker processes the ones whose
file is not in the cache yet, and returns the files by their path under docs/, with how many
were made. Posters and share images are off when `posters: false` stands in the settings.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any, Protocol

from ..public.names import STATUS_LABELS
from ..public.publish import Published
from ..source.model import Settings
from .poster import draw, poster_jobs
from .share import ShareJob, make


@dataclass(frozen=True)
class Made:
    """Files by their path under docs/, and how many of them were made in this build."""

    files: dict[str, Path]
    posters_made: int = 0
    shares_made: int = 0


def share_job(p: Published, settings: Settings) -> ShareJob:
    photo = p.photos[0].processed.large_jpeg.path if p.photos else None
    status = STATUS_LABELS[p.case.status].upper() if p.case.status != "at_large" else "WANTED"
    lines = (p.case.name.latin, p.case.name.native or "", status, settings.title)
    return ShareJob(p.id, lines, photo)


def site_share_job(settings: Settings) -> ShareJob:
    return ShareJob("site", (settings.title, "", "", settings.agency.name), None)


def poster_outputs(
    published: tuple[Published, ...],
    settings: Settings,
    urls: dict[str, str],
    days: dict[str, str],
    cache_dir: Path,
    workers: int | None = None,
) -> Made:
    """Every poster and share image: `urls` and `days` give each case's page address and the
    date its poster carries (YYYY-MM-DD), by id. Raises nothing for a missing photo: a case
    without one gets a poster and an image without a picture."""
    if not settings.posters:
        return Made({})
    posters: dict[str, Job] = {}
    shares: dict[str, Job] = {"share/site.jpg": site_share_job(settings)}
    settings_digest = hashlib.sha256(settings.model_dump_json().encode()).hexdigest()
    for p in published:
        for job in poster_jobs(p, settings, settings_digest, urls[p.id], days[p.id]):
            posters[f"posters/{p.id}-{job.size}.pdf"] = job
        shares[f"share/{p.id}.jpg"] = share_job(p, settings)
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
    count = workers or os.cpu_count() or 1
    if len(missing) > 2 and count > 1:
        # The build pauses the cyclic garbage collector (build._without_gc) and forked workers
        # inherit that: without it back on, a WeasyPrint worker keeps every poster's cycles,
        # about 2 MB a poster (some 19 GB per worker at 10,000 cases).
        with ProcessPoolExecutor(min(count, len(missing)), initializer=gc.enable) as pool:
            list(pool.map(work, missing, repeat(cache_dir)))
    else:
        for job in missing:
            work(job, cache_dir)
    return {path: cache_dir / job.file_name for path, job in jobs.items()}, len(missing)
