"""Problems found in editors' input, and the exception that carries all of them at once.

A `Problem` is a user error: it names the file, the line and the field, and says what was
expected. Bugs in the generator are never turned into problems: they keep their tracebacks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one input file."""

    file: str  # path relative to the project root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    field: str  # dotted path such as "documents[1].number"; "" for the whole file
    message: str
    column: int = 0  # 1-based, when known (YAML syntax); 0 otherwise
    detail: str = ""  # further lines: the offending line with a caret, a hint

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.column:
            where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}" + (f"\n{self.detail}" if self.detail else "")


class InputError(Exception):
    """Raised once, after every problem of a run has been collected."""

    def __init__(self, problems: list[Problem], warnings: Sequence[Problem] = ()) -> None:
        self.problems = sorted(set(problems))
        self.warnings = sorted(set(warnings))  # shown too, so that a fix reveals no surprise
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        files = len({p.file for p in self.problems})
        lines = [str(p) for p in self.problems] + [f"warning: {p}" for p in self.warnings]
        noun = "error" if count == 1 else "errors"
        lines.append(
            f"{count} {noun} in {files} file{'s' if files != 1 else ''}; nothing was written."
        )
        return "\n".join(lines)


def display_path(path: Path, root: Path) -> str:
    """The path as editors see it: relative to the project root when possible."""
    try:
        return path.relative_to(root).as_posix()  # no file-system access in the usual case
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def field_path(loc: tuple[str | int, ...]) -> str:
    """Turn ("documents", 1, "number") into "documents[1].number"."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
