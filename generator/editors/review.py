"""What a change does to the public site, compared with a base branch: `make review`.

Both sides are read the way the site is built, through `publish.Published` (withdrawn cases
dropped, document numbers under their policy), so the review describes what the public will
see change, not what changed in the YAML. The base side is `git archive` of the base ref's
cases/ in a temporary folder; the head side is the working tree, which must be valid.

Nothing printed from a review can leak what the site hides: document numbers are masked to
their last four characters even when published in full, numbers that were hidden are never
shown at all, and a withdrawn case is named by its id only. Photos are compared by the
SHA-256 of their source files; the review never processes a photo.
"""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from ..build import inspect
from ..photos.photo import PhotoFile, ProcessedPhoto
from ..public.publish import MASK, Published, photo_sources, publish
from ..source.loader import LoadedCase, Project, load_project
from ..source.reviews import Findings, build_day, review_findings

WIDER = {("hidden", "partial"), ("hidden", "full"), ("partial", "full")}


class ReviewError(Exception):
    """The review cannot be made (unknown base ref, no git); the message says why."""


@dataclass(frozen=True)
class PublicCase:
    """What the public sees of one case, flattened for comparison; safe to print."""

    id: str
    name: str
    status: str
    fields: dict[str, str]  # dotted path -> shown value; document numbers masked
    photos: dict[str, str]  # file name -> SHA-256 of the source
    policies: dict[str, tuple[int, str, str]]  # number key -> (index, label, effective policy)
    previous_ids: tuple[str, ...]
    identity: frozenset[str]  # number keys and name+birth, for matching renamed folders


@dataclass(frozen=True)
class Side:
    """One side of the comparison: its published cases and what else it holds."""

    cases: dict[str, PublicCase]
    withdrawn: frozenset[str]
    folders: frozenset[str]
    settings: dict[str, str]
    problems: int = 0
    attention: tuple[str, ...] = ()  # review dates and sources to attend to (head only)


@dataclass(frozen=True)
class Change:
    """A field that differs; None on a side where it is absent."""

    path: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class Review:
    """Every difference between the public views of the base and the head."""

    base: str
    added: tuple[tuple[str, str, str], ...] = ()  # id, name, status
    withdrawn: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()  # folder deleted outright (ids must stay reserved)
    renamed: tuple[tuple[str, str, str], ...] = ()  # old id, new id, how it was matched
    status: tuple[tuple[str, str, str], ...] = ()  # id, old status, new status
    fields: tuple[tuple[str, tuple[Change, ...]], ...] = ()
    photos: tuple[tuple[str, tuple[Change, ...]], ...] = ()
    second_look: tuple[str, ...] = ()
    settings: tuple[Change, ...] = ()
    base_problems: int = 0
    attention: tuple[str, ...] = ()  # due or overdue reviews, unsourced status changes

    @property
    def empty(self) -> bool:
        parts = (self.added, self.withdrawn, self.removed, self.renamed, self.status)
        others = (self.fields, self.photos, self.second_look, self.settings, self.attention)
        return not any((*parts, *others))


def number_key(number: str) -> str:
    """A document number as compared across cases: no spaces or dashes, capitals."""
    return re.sub(r"[\s\-]", "", number).upper()


def flatten(value: Any, prefix: str = "", out: dict[str, str] | None = None) -> dict[str, str]:
    """Nested data as {"fled.date": "2012-07", "history[1].event": "arrested", ...}."""
    out = {} if out is None else out
    if isinstance(value, dict):
        for key, item in value.items():
            flatten(item, f"{prefix}.{key}" if prefix else str(key), out)
    elif isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            if value:
                out[prefix] = ", ".join(str(v) for v in value)
        else:
            for i, item in enumerate(value):
                flatten(item, f"{prefix}[{i}]", out)
    elif value is not None:
        out[prefix] = str(value)
    return out


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def _stand_ins(cases: tuple[LoadedCase, ...]) -> dict[Path, ProcessedPhoto]:
    """Photos as `publish` expects them, without processing: the key is the source's hash."""
    out = {}
    for source in photo_sources(cases):
        stub = PhotoFile(source.name, source, 0, 0, "")
        out[source] = ProcessedPhoto(_digest(source), stub, stub, stub, stub)
    return out


def _public(p: Published, loaded: LoadedCase, default_policy: str) -> PublicCase:
    case = loaded.case
    exclude = {"documents", "photos", "status", "previous_ids"}
    shown = flatten(p.case.model_dump(mode="json", by_alias=True, exclude=exclude))
    # Published documents are the raw ones minus the hidden, in order: label them by raw index.
    visible = [i for i, d in enumerate(case.documents) if (d.publish or default_policy) != "hidden"]
    for i, d in zip(visible, p.documents, strict=True):
        masked = MASK + d.number.removeprefix(MASK)[-4:]
        shown |= flatten(
            {"kind": d.kind, "number": masked, "country": d.country, "publish": d.policy},
            f"documents[{i}]",
        )
    for i, photo in enumerate(p.photos):
        shown |= flatten({"caption": photo.caption}, f"photos[{i}]")
    policies: dict[str, tuple[int, str, str]] = {
        number_key(d.number): (i, str(d.kind), d.publish or default_policy)
        for i, d in enumerate(case.documents)
    }
    identity = {f"doc:{key}" for key in policies}
    identity.add(f"name:{case.name.latin.casefold()}|{case.born or ''}")
    return PublicCase(
        id=p.id,
        name=p.names,
        status=case.status,
        fields=shown,
        photos={
            photo.file: ph.processed.key for photo, ph in zip(case.photos, p.photos, strict=True)
        },
        policies=policies,
        previous_ids=tuple(getattr(case, "previous_ids", None) or ()),
        identity=frozenset(identity),
    )


def side(project: Project, problems: int = 0, findings: Findings | None = None) -> Side:
    """The public view of a loaded project; `findings`, when the checks already made them,
    say which cases a build would withhold or retire."""
    folders = frozenset(c.id for c in project.cases)
    withdrawn = frozenset(c.id for c in project.cases if c.case.status == "withdrawn")
    settings = project.settings
    if settings is None:
        return Side({}, withdrawn, folders, {}, problems)
    findings = findings or review_findings(project.cases, settings, build_day())
    hidden = findings.withheld | findings.retired  # not on the site, as in a build
    shown = tuple(c for c in project.cases if c.id not in hidden)
    published = publish(shown, settings, _stand_ins(shown))
    by_id = {c.id: c for c in project.cases}
    cases = {p.id: _public(p, by_id[p.id], settings.default_publish) for p in published}
    dumped = flatten(settings.model_dump(mode="json", by_alias=True))
    return Side(cases, withdrawn, folders, dumped, problems)


def head_side(root: Path, today: date | None = None) -> Side:
    """The working tree, which must pass every check (raises InputError otherwise)."""
    checked = inspect(root, today)
    findings = checked.findings
    attention = [str(p) for p in sorted(findings.warnings)]
    attention += [f"{i}: overdue, withheld from the site" for i in sorted(findings.withheld)]
    return replace(side(checked.project, findings=findings), attention=tuple(attention))


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except OSError as exc:
        raise ReviewError(f"git is needed for a review: {exc}") from None


def base_side(root: Path, ref: str) -> Side:
    """The cases at `ref`, read from git into a temporary folder; their mistakes are counted."""
    if _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise ReviewError(
            f"unknown base {ref!r}: fetch it first (git fetch origin main) or name another "
            "branch or commit with --base (BASE= for make review)"
        )
    with tempfile.TemporaryDirectory(prefix="review-") as tmp:
        if _git(root, "ls-tree", "-d", "--name-only", ref, "--", "cases").stdout.strip():
            archive = _git(root, "archive", "--format=tar", ref, "--", "cases")
            if archive.returncode != 0:
                raise ReviewError(archive.stderr.decode("utf-8", "replace").strip())
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(tmp, filter="data")
        project = load_project(Path(tmp))
        return side(project, len(project.problems))
