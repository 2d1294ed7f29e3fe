"""The review as text for a terminal or as Markdown for a pull request comment.

Editors' values are printed as inert text: control characters are escaped in both formats, and
in Markdown every value sits in a code span, so a name can neither format the comment, nor
mention a person (@name), nor carry HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .review import Change, Review

MAX_VALUE = 60
MAX_CHANGES = 12
MARKER = "<!-- most-wanted review -->"  # lets CI find and update its own comment
SAFE_PATH = re.compile(r"^[A-Za-z0-9_.\[\]-]+$")  # field paths; photo file names may be anything


def _clean(value: str) -> str:
    shown = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in value)
    return shown if len(shown) <= MAX_VALUE else shown[: MAX_VALUE - 1] + "…"


def _code(value: str) -> str:
    return "`" + _clean(value).replace("`", "'") + "`"


def _change(change: Change, quote: Callable[[str], str]) -> str:
    path = change.path if SAFE_PATH.match(change.path) else quote(change.path)
    if change.old is None:
        return f"{path} added ({quote(change.new or '')})"
    if change.new is None:
        return f"{path} removed (was {quote(change.old)})"
    if change.old == change.new:  # a photo: "added", "removed" or "replaced", not a value
        return f"{path} {change.new}"
    return f"{path}: {quote(change.old)} → {quote(change.new)}"


def _changes(changes: tuple[Change, ...], quote: Callable[[str], str]) -> str:
    shown = [_change(c, quote) for c in changes[:MAX_CHANGES]]
    if len(changes) > MAX_CHANGES:
        shown.append(f"and {len(changes) - MAX_CHANGES} more")
    return "; ".join(shown)


def _counts(review: Review) -> str:
    parts = [
        (len(review.added), "added"),
        (len(review.withdrawn), "withdrawn"),
        (len(review.removed), "folder deleted"),
        (len(review.renamed), "renamed"),
        (len(review.status), "status changed"),
        (len(review.fields), "with changed fields"),
        (len(review.photos), "with photo changes"),
    ]
    return ", ".join(f"{n} {what}" for n, what in parts if n) or "no case changes"


def sections(review: Review, quote: Callable[[str], str]) -> list[tuple[str, list[str]]]:
    """Titled groups of lines, shared by both formats."""
    out: list[tuple[str, list[str]]] = []
    if review.second_look:
        out.append(("Needs a second look", list(review.second_look)))
    if review.added:
        lines = [f"{i}: {quote(name)}, {status}" for i, name, status in review.added]
        out.append(("Added", lines))
    if review.withdrawn:
        title = "Withdrawn (page, photos, search entries and listings removed)"
        out.append((title, list(review.withdrawn)))
    if review.removed:
        title = "Folder deleted (prefer status: withdrawn; the id stays reserved)"
        out.append((title, list(review.removed)))
    if review.renamed:
        out.append(("Renamed", [f"{old} → {new} ({how})" for old, new, how in review.renamed]))
    if review.status:
        out.append(("Status changes", [f"{i}: {old} → {new}" for i, old, new in review.status]))
    if review.fields:
        lines = [f"{i}: {_changes(changes, quote)}" for i, changes in review.fields]
        out.append(("Fields changed", lines))
    if review.photos:
        lines = [f"{i}: {_changes(changes, quote)}" for i, changes in review.photos]
        out.append(("Photos", lines))
    if review.settings:
        out.append(("Publication settings", [_changes(review.settings, quote)]))
    if review.attention:
        out.append(("Reviews and sources to attend to", list(review.attention)))
    return out


def _note(review: Review) -> str:
    if not review.base_problems:
        return ""
    return (
        f"The base had {review.base_problems} validation problem(s); cases it could not read "
        "are left out of the comparison."
    )


def as_text(review: Review) -> str:
    """Plain text for a terminal."""
    if review.empty:
        return f"No change to the public site compared with {review.base}.\n"
    lines = [f"Changes to the public site compared with {review.base}: {_counts(review)}."]
    for title, items in sections(review, repr_text):
        lines += ["", f"{title}:"] + [f"  - {item}" for item in items]
    if note := _note(review):
        lines += ["", note]
    return "\n".join(lines) + "\n"


def repr_text(value: str) -> str:
    return "'" + _clean(value).replace("'", "\\'") + "'"


def as_markdown(review: Review) -> str:
    """Markdown for a pull request comment, starting with a marker CI uses to update it."""
    head = f"{MARKER}\n### Public site changes\n\nCompared with `{_clean(review.base)}`: "
    if review.empty:
        return head + "no change to the public site.\n"
    lines = [head + _counts(review) + "."]
    for title, items in sections(review, _code):
        flag = "⚠️ " if title == "Needs a second look" else ""
        lines += ["", f"**{flag}{title}**", ""] + [f"- {item}" for item in items]
    if note := _note(review):
        lines += ["", f"_{note}_"]
    return "\n".join(lines) + "\n"
