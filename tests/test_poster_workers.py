"""Poster and share-image workers collect their garbage even though the build pauses the cyclic
collector: forked workers inherit the pause, and a WeasyPrint worker then kept every poster's
reference cycles (about 2 MB a poster: tens of GB over a 10,000-case cold build)."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

from generator.posters.outputs import _run


@dataclass(frozen=True)
class Probe:
    """A job whose work writes down whether its worker's garbage collector runs."""

    name: str

    @property
    def file_name(self) -> str:
        return f"{self.name}.txt"


def note_collector(job: Probe, cache_dir: Path) -> None:
    (cache_dir / job.file_name).write_text(str(gc.isenabled()), encoding="utf-8")


def test_workers_collect_garbage_while_the_build_pauses_the_collector(tmp_path: Path) -> None:
    jobs = {f"probe/{i}": Probe(str(i)) for i in range(6)}
    was = gc.isenabled()
    gc.disable()  # as build._without_gc does for the whole build
    try:
        files, made = _run(note_collector, jobs, tmp_path, workers=2)
    finally:
        if was:
            gc.enable()
    assert made == 6
    assert {path.read_text("utf-8") for path in files.values()} == {"True"}
