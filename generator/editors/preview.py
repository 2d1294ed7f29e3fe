"""What a build does with editors' mistakes: fail a real build, keep a live preview going.

`mkdocs build` (and `make site`) must stop on the first invalid case, so nothing half-checked is
ever published. `mkdocs serve` is an editor's preview: when a save makes a case invalid, the
generator writes nothing (docs/ keeps the last good pages), the errors go to the terminal with
their file, line and field, and every page of the preview shows them in a notice until the next
good save. The MkDocs hook only calls `generate` and passes the outcome to the theme.

The errors are logged at ERROR level through MkDocs' logger, which a strict build counts: so
`make serve` runs `mkdocs serve --no-strict`. A bare `mkdocs serve` reads `strict: true` from
mkdocs.yml and stops on the first invalid case instead of keeping the preview going.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ..build import Result, build
from ..source.errors import InputError

# The theme reads this key of `config.extra`: a list of error lines, empty when all is well.
EXTRA_KEY = "preview_errors"
KEPT = "the preview keeps showing the last good version until the errors are fixed"


@dataclass(frozen=True)
class Outcome:
    """One generator run: what it wrote, or the errors that stopped it (preview only)."""

    result: Result | None
    errors: tuple[str, ...] = ()


def generate(
    root: Path, serving: bool, log: logging.Logger, site_url: str | None = None
) -> Outcome:
    """Run the generator; while serving, turn input errors into an Outcome instead of failing."""
    try:
        return Outcome(build(root, site_url=site_url))
    except InputError as exc:
        if not serving:
            raise
        lines = tuple(str(p) for p in exc.problems)
        count = len(lines)
        log.error(f"{count} error{'s' if count != 1 else ''} in the cases; {KEPT}:")
        for line in lines:
            log.error(line)
        return Outcome(None, lines)
