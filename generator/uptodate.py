"""Whether docs/ already holds what the generator would write now, so that a build can skip it.

`make site` builds the default edition, whose hook generates the pages of every edition, then
each other edition (`mkdocs build -f mkdocs.zh.yml`), whose hook would read, validate and render
the same inputs again only to find nothing to write; and a second `make site` with nothing
changed would do all of it twice more. At 1,000 cases that is about 2.5 seconds a build. So a
good generation leaves a fingerprint in `.cache/generated.fingerprint`, and a build whose
fingerprint is the same skips the generator. Anything that differs generates again, as before.

The fingerprint covers every file under cases/ and generator/ (path, size and modification time,
in nanoseconds), mkdocs.yml and the hand-written files under docs/ that the generator copies or
reads (docs/assets/ and the Markdown pages at the top two levels), every file the generator
wrote (from its manifest, docs/.generated.json: a generated page edited or deleted by hand is
written again), the commit checked out (the pages show dates from git history), the site's
address, and the day the build speaks for. A skipped generation's warnings are shown again from
`.cache/generated.warnings`, so that an editor sees them on every build until they are dealt with.

The fingerprint is taken after generating, so an input saved while the generator ran would be
noted as done though the pages show it as it was. The build therefore stamps its inputs before
generating (`stamps`) and, if any changed meanwhile, notes nothing (`remember`): the next build
generates again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from .files import MANIFEST as WRITTEN
from .source.reviews import build_day

FINGERPRINT = Path(".cache") / "generated.fingerprint"
WARNINGS = Path(".cache") / "generated.warnings"


def _files(folder: Path) -> Iterator[Path]:
    """Every file under folder, in sorted order, leaving out Python's byte-code caches."""
    for path, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            yield Path(path) / name


def _checked_out(root: Path) -> str:
    """The commit checked out, as git's files name it (no git process), or "" outside git."""
    git = root / ".git"
    try:
        head = (git / "HEAD").read_text("utf-8").strip()
        if head.startswith("ref: "):
            ref = git / head.removeprefix("ref: ")
            packed = git / "packed-refs"
            head += ref.read_text("utf-8") if ref.is_file() else str(packed.stat().st_mtime_ns)
    except OSError:
        return ""
    return head


def _read(root: Path) -> list[Path]:
    """The files a generation reads, in sorted order: cases/, generator/, mkdocs.yml,
    docs/assets/ and the Markdown pages at the top two levels of docs/ (generated ones too)."""
    docs = root / "docs"
    return [
        *_files(root / "cases"),
        *_files(root / "generator"),
        root / "mkdocs.yml",
        *_files(docs / "assets"),
        *sorted(docs.glob("*.md")),
        *sorted(docs.glob("*/*.md")),
    ]


def _stamp(path: Path) -> tuple[int, int] | None:
    """A file's size and modification time in nanoseconds; None when it is missing."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _written(root: Path) -> list[str] | None:
    """The files the last generation wrote, by path under docs/ (its manifest), or None."""
    try:
        written = json.loads((root / "docs" / WRITTEN).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return written if isinstance(written, list) else None


def stamps(root: Path) -> dict[str, tuple[int, int] | None]:
    """Size and modification time of every file a generation reads, by path under root: taken
    before generating, to tell afterwards whether an input changed while it ran (`remember`)."""
    return {path.relative_to(root).as_posix(): _stamp(path) for path in _read(root)}


def fingerprint(root: Path, site_url: str | None) -> str:
    """A digest of everything listed in the module's docstring, as hex; "" when docs/ holds no
    generated files (no manifest)."""
    return _digest(root, site_url, stamps(root), _written(root))


def _digest(
    root: Path,
    site_url: str | None,
    read: dict[str, tuple[int, int] | None],
    written: list[str] | None,
) -> str:
    """`fingerprint` from the stamps of the files read (`stamps`) and the manifest's list."""
    if written is None:
        return ""
    digest = hashlib.sha256()
    digest.update(f"{_checked_out(root)}\n{site_url}\n{build_day()}\n{date.today()}\n".encode())
    ours = ((f"docs/{name}", _stamp(root / "docs" / name)) for name in written)
    for path, stamp in [*read.items(), *ours]:
        shown = "missing" if stamp is None else f"{stamp[0]}\0{stamp[1]}"
        digest.update(f"{path}\0{shown}\n".encode())
    return digest.hexdigest()


def remember(
    root: Path,
    site_url: str | None,
    warnings: str = "",
    before: dict[str, tuple[int, int] | None] | None = None,
) -> bool:
    """Note that docs/ now holds what the generator writes from the inputs as they are, and
    the warnings that generation reported (missing translations, reviews falling due), so
    that a build that skips it can still show them (`last_warnings`).

    `before` is `stamps(root)` from before generating. If an input the generation did not
    write itself differs now (an editor saved a case while it ran), docs/ holds what the inputs
    were, not what they are: nothing is noted, any earlier note is removed so that the next
    build generates again, and the answer is False."""
    target = root / FINGERPRINT
    written, after = _written(root), stamps(root)
    if before is not None:
        ours = {f"docs/{name}" for name in written or ()}
        if any(before.get(p) != after.get(p) for p in (before.keys() | after.keys()) - ours):
            target.unlink(missing_ok=True)
            return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_digest(root, site_url, after, written) + "\n", encoding="utf-8")
    (root / WARNINGS).write_text(warnings, encoding="utf-8")
    return True


def last_warnings(root: Path) -> str:
    """The warnings of the last good generation, as it reported them ("" for none)."""
    try:
        return (root / WARNINGS).read_text("utf-8")
    except OSError:
        return ""


def is_current(root: Path, site_url: str | None) -> bool:
    """Whether the last good generation read exactly the inputs there are now."""
    try:
        noted = (root / FINGERPRINT).read_text("utf-8").strip()
    except OSError:
        return False
    return bool(noted) and noted == fingerprint(root, site_url)
