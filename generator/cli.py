"""The command line: `python -m generator validate|build`.

Editors' mistakes are printed as a clean list (file:line: field: message) with exit status 1;
anything else is a bug in the generator and keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .build import build, check
from .errors import InputError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project folder (default: here)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every case and the publication settings")
    generate = commands.add_parser(
        "build", help="validate, then write the generated pages into docs/"
    )
    generate.add_argument(
        "--cache",
        type=Path,
        help="photo cache folder (default: $MOSTWANTED_PHOTO_CACHE or .cache/photos)",
    )
    generate.add_argument("--workers", type=int, help="photo processes (default: one per core)")
    args = parser.parse_args(argv)

    root = args.root.resolve()
    started = time.perf_counter()
    try:
        if args.command == "validate":
            project, _ = check(root)
            print(f"{len(project.cases)} cases valid.")
        else:
            result = build(root, args.cache, workers=args.workers)
            seconds = time.perf_counter() - started
            t, photos = result.seconds, result.photo_stats
            print(
                f"{result.published} of {result.cases} cases published; {result.files} files, "
                f"{len(result.written)} written, {len(result.removed)} removed in {seconds:.1f} s "
                f"(validation {t.validation:.1f} s, photos {t.photos:.1f} s, "
                f"generation {t.generation:.1f} s; {photos.processed} photos processed, "
                f"{photos.cached} from the cache)."
            )
    except InputError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    return 0
