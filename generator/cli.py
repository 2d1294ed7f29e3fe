"""The command line: `python -m generator validate|build|new|review|schema`.

Editors' mistakes are printed as a clean list (file:line: field: message) with exit status 1;
anything else is a bug in the generator and keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .build import build, check, inspect
from .editionsite import config_name
from .public.editions import editions
from .source.errors import InputError
from .source.reviews import Findings
from .source.schema import write_schemas


def _parser() -> argparse.ArgumentParser:
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
    new = commands.add_parser("new", help="create cases/<id>/case.yaml for a new case")
    new.add_argument("name", help='the name in Latin letters, family name first: "WANG Jianguo"')
    new.add_argument("--id", dest="case_id", help="the case id (default: derived from the name)")
    review = commands.add_parser(
        "review", help="summarise what the public site will change compared with a base branch"
    )
    review.add_argument("--base", default="main", help="branch or commit (default: main)")
    review.add_argument("--format", choices=("text", "markdown"), default="text")
    review.add_argument("--output", type=Path, help="write the summary here (default: stdout)")
    commands.add_parser("schema", help="rewrite schema/*.schema.json from the case format")
    commands.add_parser(
        "editions",
        help="print each edition's language and MkDocs configuration, the default first",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = args.root.resolve()
    started = time.perf_counter()
    try:
        if args.command == "schema":
            changed = write_schemas(root)
            print(f"{len(changed)} schema files rewritten." if changed else "Schemas up to date.")
        elif args.command == "validate":
            checked = inspect(root)
            _warn(checked.findings)
            print(f"{len(checked.project.cases)} cases valid.")
        elif args.command == "build":
            result = build(root, args.cache, workers=args.workers)
            _warn(result.findings)
            print(result.summary(time.perf_counter() - started))
        elif args.command == "new":
            return _new(root, args.name, args.case_id)
        elif args.command == "editions":
            _, settings = check(root)
            for edition in editions(settings):
                name = "mkdocs.yml" if edition.default else config_name(edition)
                print(edition.language, name)
        else:
            return _review(root, args.base, args.format, args.output)
    except InputError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    return 0


def _warn(findings: Findings) -> None:
    """Print the review warnings and withheld cases, if any, to standard error."""
    report = findings.report()
    if report:
        print(report, file=sys.stderr)


def _new(root: Path, name: str, case_id: str | None) -> int:
    from .editors.scaffold import ScaffoldError, create

    try:
        made = create(root, name, case_id)
    except ScaffoldError as exc:
        print(f"cannot create the case: {exc}", file=sys.stderr)
        return 1
    shown = made.path.relative_to(root).as_posix()
    print(f"Created {shown}: fill in the required fields, then run make validate.")
    return 0


def _review(root: Path, base: str, fmt: str, output: Path | None) -> int:
    from .editors.review import ReviewError, base_side, head_side
    from .editors.review_compare import compare
    from .editors.review_report import as_markdown, as_text

    try:
        head = head_side(root)
        review = compare(base_side(root, base), head, base)
    except ReviewError as exc:
        print(f"cannot review: {exc}", file=sys.stderr)
        return 2
    text = as_markdown(review) if fmt == "markdown" else as_text(review)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
    return 0
