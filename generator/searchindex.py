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

Pagefind 1.5 writes its filter index in the order of a Rust hash map, which changes from run to
run: the same site gave differently named filter files each time. `stable_filters` rewrites them
with their values sorted, and the metadata file that names them, so that the same site gives
the same index, byte for byte (checked by tests/test_site.py).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cbor2

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
    indexed = run_pagefind(["--site", str(site), "--output-subdir", BUNDLE, *OPTIONS])
    stable_filters(site / BUNDLE)
    return indexed


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


# Pagefind's index files: gzip of this signature followed by one CBOR value.
SIGNATURE = b"pagefind_dcd"


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise IndexFailed(f"{path}: not a Pagefind index file")
    return cbor2.loads(data[len(SIGNATURE) :])


def _write(folder: Path, language: str, suffix: str, value: Any, digits: int) -> str:
    """Write an index file named, as Pagefind names them, by its language and a hash of its
    content; returns that name without the suffix (`zh_1a2b3c4`)."""
    data = SIGNATURE + cbor2.dumps(value)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def stable_filters(bundle: Path) -> None:
    """Rewrite each language's filter files with their values in sorted order, then its
    metadata file (which names the filter files) and pagefind-entry.json (which names the
    metadata file). Shapes, as Pagefind 1.5 writes them: a filter file is [name, [[value,
    [page numbers]], ...]]; the metadata file is [version, pages, index chunks, filters as
    [[name, file], ...], sorts, metadata fields]."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text("utf-8"))
    for language, about in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{about['hash']}.pf_meta"
        meta = _read(meta_path)
        if len(meta) != 6:
            raise IndexFailed(f"{meta_path}: unexpected layout; Pagefind was updated?")
        renamed = []
        for name, old in meta[3]:
            old_path = bundle / "filter" / f"{old}.pf_filter"
            filter_name, values = _read(old_path)
            ordered = [filter_name, sorted(values, key=lambda item: item[0])]
            old_path.unlink()
            renamed.append([name, _write(bundle / "filter", language, ".pf_filter", ordered, 7)])
        meta[3] = sorted(renamed)
        meta_path.unlink()
        about["hash"] = _write(bundle, language, ".pf_meta", meta, 10)
        # The metadata file is pagefind.<language>_<hash>.pf_meta.
        (bundle / f"{about['hash']}.pf_meta").rename(bundle / f"pagefind.{about['hash']}.pf_meta")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
