"""Every photo of the project in one pass, as the build needs them: cheap when nothing changed.

Photos of published cases are checked by processing them into the content-addressed cache
(`photos.process_photo`); photos of withdrawn cases only by decoding them (`photos.check_photo`),
so that nothing derived from a withdrawn person's photo is ever written. The work left to do runs
in a pool of processes, one per core, and every failure is kept as a sentence for editors rather
than stopping the run at the first.

A memo in the cache folder (`sources.json`) remembers, for each source file that passed, its
file-system stamp (size, modification and change times, inode) and the cache key of its content,
and for each key the files of its cache entry. While the stamp stays the same, the file is
neither read, hashed nor decoded again, and its cache entry is found without reading a
manifest. A file modified less than two seconds ago is not remembered, since a rewrite within
the file system's timestamp granularity could keep its stamp; and the memo is void whenever the
photo settings change.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files import forget_unused, write_atomic
from .photo import (
    CACHE_SUFFIXES,
    PhotoError,
    PhotoStats,
    ProcessedPhoto,
    _load_manifest,
    _read,
    check_photo,
    key_for,
    manifest_name,
    process_photo,
    verified,
)

MEMO = "sources.json"
SETTLE_NS = 2_000_000_000  # a stamp must be this old before it is trusted
Stamp = tuple[int, int, int, int]


@dataclass(frozen=True)
class PhotoSet:
    """The outcome of a survey: published files for the photos that passed, problems otherwise."""

    processed: Mapping[Path, ProcessedPhoto]  # each published source that passed
    problems: Mapping[Path, str]  # each source that failed, with the sentence for editors
    surveyed: frozenset[Path]
    cache_dir: Path  # where the processed files are

    def verdict(self, path: Path) -> str | None:
        """None when the photo passed, else the sentence; a photo not surveyed is checked now."""
        if path in self.surveyed:
            return self.problems.get(path)
        return check_photo(path)

    def forget_unused(self) -> int:
        """Mark the cache's files these photos use, with the memo of sources, and remove those
        no build has used for two weeks (`files.forget_unused`); how many were removed."""
        used = {MEMO}
        for photo in self.processed.values():
            used.add(manifest_name(photo.key))
            used.update(f.name for f in photo.files())
        return forget_unused(self.cache_dir, used, CACHE_SUFFIXES)


class _Memo:
    """Source stamps and content keys of the photos that passed, and the published files of each
    key (as in its manifest), kept in one file in the cache folder."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.settings = key_for(b"memo")  # changes with every setting that changes the outputs
        self.entries: dict[str, tuple[Stamp, str]] = {}
        self.outputs: dict[str, list[dict[str, Any]]] = {}
        self.changed = False
        try:
            doc = json.loads((cache_dir / MEMO).read_text("utf-8"))
            if doc["settings"] == self.settings:
                for name, (size, mtime, ctime, inode, key) in doc["files"].items():
                    self.entries[name] = ((size, mtime, ctime, inode), str(key))
                self.outputs = dict(doc["outputs"])
        except (OSError, ValueError, KeyError, TypeError):
            self.entries, self.outputs = {}, {}

    def key(self, path: Path, stamp: Stamp) -> str | None:
        entry = self.entries.get(str(path))
        return entry[1] if entry is not None and entry[0] == stamp else None

    def photo(self, key: str) -> ProcessedPhoto | None:
        """The cached files of a key, without reading its manifest, or None."""
        return verified(self.cache_dir, key, self.outputs[key]) if key in self.outputs else None

    def remember(self, path: Path, stamp: Stamp, key: str, now_ns: int) -> None:
        if stamp[1] > now_ns - SETTLE_NS:  # modified just now: could change within the tick
            return
        if self.entries.get(str(path)) != (stamp, key):
            self.entries[str(path)] = (stamp, key)
            self.changed = True

    def remember_photo(self, photo: ProcessedPhoto) -> None:
        if photo.key not in self.outputs:
            self.outputs[photo.key] = [
                dict(name=f.name, width=f.width, height=f.height, mime=f.mime, bytes=_size(f.path))
                for f in photo.files()
            ]
            self.changed = True

    def save(self, keep: set[str]) -> None:
        """Write the memo if it changed, forgetting files that were not surveyed this time."""
        if not keep.issuperset(self.entries):
            self.entries = {name: e for name, e in self.entries.items() if name in keep}
            self.changed = True
        keys = {key for _, key in self.entries.values()}
        if not keys.issuperset(self.outputs):
            self.outputs = {key: files for key, files in self.outputs.items() if key in keys}
            self.changed = True
        if not self.changed:
            return
        files = {name: [*stamp, key] for name, (stamp, key) in sorted(self.entries.items())}
        doc = {
            "settings": self.settings,
            "files": files,
            "outputs": dict(sorted(self.outputs.items())),
        }
        write_atomic(self.cache_dir / MEMO, json.dumps(doc, separators=(",", ":")).encode())


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1  # never matches: the entry will not be trusted


def _stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _work(path: Path, cache_dir: Path, publish: bool) -> ProcessedPhoto | None:
    """In a worker: process a published photo, or only check a withdrawn case's photo."""
    if publish:
        return process_photo(path, cache_dir)
    message = check_photo(path)
    if message is not None:
        raise PhotoError(path, message)
    return None


def _run(
    todo: Mapping[str, tuple[Path, bool]], cache_dir: Path, workers: int | None
) -> dict[str, ProcessedPhoto | str | None]:
    """Do the work by content key, in a pool when there is more than one piece and one core."""
    done: dict[str, ProcessedPhoto | str | None] = {}
    count = min(workers or os.cpu_count() or 1, len(todo))
    if count <= 1:
        for key, (path, publish) in todo.items():
            try:
                done[key] = _work(path, cache_dir, publish)
            except PhotoError as exc:
                done[key] = exc.message
        return done
    with ProcessPoolExecutor(max_workers=count, initializer=gc.enable) as pool:
        futures: dict[str, Future[ProcessedPhoto | None]] = {
            key: pool.submit(_work, path, cache_dir, publish)
            for key, (path, publish) in todo.items()
        }
        try:
            for key, future in futures.items():
                try:
                    done[key] = future.result()
                except PhotoError as exc:
                    done[key] = exc.message
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
    return done


def survey(
    published: Sequence[Path],
    withdrawn: Sequence[Path],
    cache_dir: Path,
    workers: int | None = None,
    stats: PhotoStats | None = None,
) -> PhotoSet:
    """Check every photo, processing those of published cases; see the module's docstring.

    Sources are resolved paths; the same content is processed once. `workers` defaults to the
    number of cores (1 means no pool). If `stats` is given, its counters are increased."""
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    memo = _Memo(cache_dir)
    to_publish = set(published)
    sources = list(dict.fromkeys([*published, *withdrawn]))
    keys: dict[Path, tuple[Stamp | None, str]] = {}
    problems: dict[Path, str] = {}
    cached: dict[str, ProcessedPhoto | None] = {}  # by key: the cache entry, None if absent
    todo: dict[str, tuple[Path, bool]] = {}  # by key: a source, and whether to publish it
    hashed = 0
    for path in sources:
        stamp = _stamp(path)
        known = memo.key(path, stamp) if stamp is not None else None
        key = known
        if key is None:
            try:
                key = key_for(hashlib.sha256(_read(path)).digest())
            except PhotoError as exc:
                problems[path] = exc.message
                continue
            hashed += 1
        keys[path] = (stamp, key)
        publish = path in to_publish
        if key not in cached:
            cached[key] = memo.photo(key) or _load_manifest(cache_dir, key)
        # A cache entry or the memo says the content passed; else it is decoded now.
        needed = cached[key] is None and (publish or known is None)
        if needed and not (key in todo and todo[key][1]):
            todo[key] = (path, publish)
    done = _run(todo, cache_dir, workers)
    processed: dict[Path, ProcessedPhoto] = {}
    now_ns = time.time_ns()
    for path, (stamp, key) in keys.items():
        outcome = done[key] if key in done else cached[key]
        if isinstance(outcome, str):
            problems[path] = outcome
            continue
        if path in to_publish:
            if outcome is None:
                raise AssertionError(f"{path} was checked but not processed")
            processed[path] = outcome
        if stamp is not None:
            memo.remember(path, stamp, key, now_ns)
            if outcome is not None:
                memo.remember_photo(outcome)
    if keys:
        memo.save({str(path) for path in keys})
    if stats is not None:
        hits = {key for path, (_, key) in keys.items() if path in to_publish and cached[key]}
        stats.cached += len(hits)
        stats.processed += sum(1 for _, publish in todo.values() if publish)
        stats.checked += sum(1 for _, publish in todo.values() if not publish)
        stats.hashed += hashed
    return PhotoSet(processed, problems, frozenset(sources), cache_dir)
