"""The command line: `python -m generator validate|build|schema`.

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
from .schema import write_schemas


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
    generate.add_argument("--cache", type=Path, help="photo cache folder (default: .cache/photos)")
    generate.add_argument("--workers", type=int, help="photo processes (default: one per core)")
    commands.add_parser("schema", help="rewrite schema/*.schema.json from the case format")
    args = parser.parse_args(argv)

    root = args.root.resolve()
    started = time.perf_counter()
    try:
        if args.command == "schema":
            changed = write_schemas(root)
            print(f"{len(changed)} schema files rewritten." if changed else "Schemas up to date.")
        elif args.command == "validate":
            project, _ = check(root)
            print(f"{len(project.cases)} cases valid.")
        else:
            result = build(root, args.cache, workers=args.workers)
            seconds = time.perf_counter() - started
            print(
                f"{result.published} of {result.cases} cases published; {result.files} files, "
                f"{len(result.written)} written, {len(result.removed)} removed in {seconds:.1f} s."
            )
    except InputError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    return 0
