"""Writing a file so that no reader ever sees half of it: MkDocs, a browser, the next build;
and keeping a cache folder from growing without end."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

MANIFEST = ".generated.json"  # in docs/: the list of every file the generator wrote there
TIMINGS_ENV = "MOSTWANTED_TIMINGS"  # names the file a build writes its timings to (the bench)
# A cached file that no build has used for this long (seconds) is removed by `forget_unused`.
# Two settings that alternate, a local build without SITE_URL and a deploy with it, keep each
# other's files; a cache that CI carries from run to run stops growing after two weeks.
UNUSED_FOR = 14 * 24 * 3600


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file to write into that replaces `path` by a rename once the block ends, readable by
    all; if the block fails, `path` stays as it was and the temporary file is removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; published files must be world-readable
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path through `atomic_file`."""
    with atomic_file(path) as handle:
        handle.write(data)


def forget_unused(
    folder: Path, used: set[str], suffixes: tuple[str, ...], now: float | None = None
) -> int:
    """Mark the files of `folder` that a build used (names in `used`) by giving them `now`
    (seconds since the epoch, default the current time) as their modification time, and remove
    the files with one of `suffixes` that no build has used for UNUSED_FOR seconds; how many
    were removed. Files with other suffixes and a missing folder are left alone."""
    now = time.time() if now is None else now
    try:
        names = sorted(os.listdir(folder))
    except FileNotFoundError:
        return 0
    removed = 0
    for name in names:
        path = folder / name
        if name in used:
            os.utime(path, (now, now))
        elif name.endswith(suffixes) and path.stat().st_mtime < now - UNUSED_FOR:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
