"""Poster and share-image workers collect their garbage even though the build pauses the cyclic
collector: forked workers inherit the pause, and a WeasyPrint worker then kept every poster's
reference cycles (about 2 MB a poster: tens of GB over a 10,000-case cold build). And every
process that draws has WeasyPrint font copies of its own, removed when drawing is over."""

from __future__ import annotations

import gc
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.build import build
from generator.posters.outputs import _run
from tests.conftest import CASE, SETTINGS, Project


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


def test_drawing_leaves_no_font_copies_and_forks_none(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WeasyPrint copies the poster fonts into a temporary folder per font configuration. Once
    they were left in the system's temporary folder (6.6 MB a process, every build), and
    workers forked after this process had drawn shared its folder: two wrote the same file at
    once and one died of a bus error. Here this process draws, then two workers do."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    project.write("cases/publication.yaml", SETTINGS.replace("posters: false", "posters: true"))
    cache = project.root / ".cache"
    project.case("first-case")
    assert build(project.root, cache, workers=1).posters_made == 2  # in this process
    for name in ("second", "third", "fourth"):
        project.case(f"{name}-case", CASE.replace("TEST Person", f"{name.upper()} Person"))
    assert build(project.root, cache, workers=2).posters_made == 6  # in two workers
    assert sorted(path.name for path in temporary.iterdir()) == []
    assert tempfile.tempdir == str(temporary)
