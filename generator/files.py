"""Writing a file so that no reader ever sees half of it: MkDocs, a browser, the next build."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

MANIFEST = ".generated.json"  # in docs/: the list of every file the generator wrote there
TIMINGS_ENV = "MOSTWANTED_TIMINGS"  # names the file a build writes its timings to (the bench)


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
