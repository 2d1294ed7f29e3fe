"""The search index: Pagefind run over the built site, after MkDocs.

Pagefind (installed by pip as `pagefind[extended]`, its binary in the wheel
`pagefind_bin_extended`) reads every HTML page of the built site and writes a chunked index into
`<site>/pagefind/`, which the browser fetches piece by piece (`docs/assets/search.js`). What it
indexes is decided by the generator's templates: only case pages carry `data-pagefind-body`, so
every other page is left out, and inside a case page the parts marked `data-pagefind-ignore` are
left out too (see `generator/pages/templates/case.md.j2`). Hidden document numbers and withdrawn
cases never reach the HTML, so they never reach the index either.

The extended binary segments Chinese text into words, but only in an index whose language is
Chinese; the site's pages say `lang="en"`, so the language is forced: one index in which Chinese
is segmented and nothing is stemmed (no English stemmer, which would also mangle names).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"  # the index's folder inside the site
LANGUAGE = "zh"
OPTIONS = ("--force-language", LANGUAGE)  # Pagefind's options besides the site and the output
SAMPLE_SECONDS = 0.05  # how often Pagefind's memory high-water mark is read while it runs


class IndexFailed(Exception):
    """Pagefind failed; the message holds its output."""


@dataclass(frozen=True)
class Indexed:
    """One Pagefind run: its output and what it cost (the benchmark reports the cost)."""

    summary: str  # Pagefind's output lines
    seconds: float  # wall-clock seconds, from start to exit
    cpu_seconds: float  # user + system CPU seconds of Pagefind's process
    peak_rss: int  # bytes: the most memory Pagefind's process held resident (0 if unknown)

    def figures(self) -> dict[str, float]:
        """The cost as the timings file holds it: seconds, cpu_seconds, peak_rss (bytes)."""
        return {"seconds": self.seconds, "cpu_seconds": self.cpu_seconds, "peak_rss": self.peak_rss}


def _high_water(pid: int) -> int:
    """Bytes: the process's resident-memory high-water mark so far (VmHWM), 0 if unreadable."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def index_site(site: Path) -> Indexed:
    """Index the built site in place (`site/pagefind/`); returns Pagefind's output and cost."""
    return run_pagefind(["--site", str(site), "--output-subdir", BUNDLE, *OPTIONS])


def run_pagefind(arguments: Sequence[str], env: Mapping[str, str] | None = None) -> Indexed:
    """Run Pagefind's command line with these arguments (and environment, by default this
    process's), measured; raise IndexFailed if it fails.

    Pagefind's peak memory is its process's VmHWM, read every SAMPLE_SECONDS while it runs
    (Linux): the kernel's maximum resident set that wait4 reports would not do, as a child
    started by vfork and exec inherits the high-water mark of the process that started it (the
    whole MkDocs build)."""
    # `python -m pagefind` replaces itself with Pagefind's binary (exec): one process.
    command = [sys.executable, "-m", "pagefind", *arguments]
    peak = [0]
    done = threading.Event()
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)

        def watch() -> None:
            while not done.wait(SAMPLE_SECONDS):
                peak[0] = max(peak[0], _high_water(child.pid))

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        _, status, usage = os.wait4(child.pid, 0)  # also the child's CPU time
        seconds = time.perf_counter() - started
        done.set()
        watcher.join()
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if child.returncode != 0 or "Error" in text:
        raise IndexFailed(text.strip())
    return Indexed(text, seconds, usage.ru_utime + usage.ru_stime, peak[0])
