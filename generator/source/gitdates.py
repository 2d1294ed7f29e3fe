"""When each case was first published and last changed, read from git history.

One `git log` over cases/ gives, for every case folder, the dates of the first and the latest
commit that touched it. A date is marked exact only when history proves it:

- In a shallow clone, the oldest commits present (the "boundary", listed in `.git/shallow`)
  look like root commits that add every file they hold, so a case whose latest change shows
  only in a boundary commit was really changed on or before that commit's date (`last_exact`
  is False), and a case present in a boundary commit was first added on or before it
  (`first_exact` is False). Cases changed after the boundary keep exact dates.
- A case folder with uncommitted changes (a preview) is `uncommitted`: its true date is not
  known yet, so `last` is the build time (SOURCE_DATE_EPOCH, else now) and not exact.
- Without git, or outside a repository, there are no dates at all (an empty mapping).
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True)
class CaseDates:
    """First and last change of one case folder, as UTC datetimes, and how sure each is."""

    first: datetime
    last: datetime
    first_exact: bool = True  # False: first added on or before `first` (shallow history)
    last_exact: bool = True  # False: last changed on or before `last`, or uncommitted
    uncommitted: bool = False  # the folder has changes that are not committed yet

    @property
    def exact(self) -> bool:
        """Both dates are exact."""
        return self.first_exact and self.last_exact


def build_time() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the current time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch) if epoch else int(time.time()), UTC)


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=True, timeout=120
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout


def _shallow_boundary(root: Path) -> set[str]:
    """The commits at which a shallow clone's history is cut; empty for a full clone."""
    if (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() != "true":
        return set()
    where = (
        _git(root, "rev-parse", "--path-format=absolute", "--git-path", "shallow") or ""
    ).strip()
    try:
        return set(Path(where).read_text("ascii").split()) if where else set()
    except OSError:
        return set()


def _uncommitted(root: Path) -> set[str]:
    """Case ids whose folders differ from HEAD: changed, staged, deleted or untracked files."""
    paths = (_git(root, "diff", "--name-only", "-z", "--relative", "HEAD", "--", "cases") or "") + (
        _git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", "cases") or ""
    )
    return {c for c in map(_case_of, paths.split("\0")) if c}


def case_dates(root: Path, now: datetime | None = None) -> dict[str, CaseDates]:
    """Dates for every case folder under root/cases that git knows, by case id."""
    log = _git(
        root, "log", "--format=@%ct %H", "--name-only", "--no-renames", "--relative", "--", "cases"
    )
    if log is None:
        return {}
    boundary = _shallow_boundary(root)
    # Per case: (newest stamp, newest is boundary), oldest stamp, touched by a boundary commit.
    seen: dict[str, list[int]] = {}
    last_cut: dict[str, bool] = {}
    first_cut: set[str] = set()
    stamp, is_boundary = 0, False
    for line in log.splitlines():
        if line.startswith("@"):
            stamp_text, commit = line[1:].split()
            stamp, is_boundary = int(stamp_text), commit in boundary
        elif case_id := _case_of(line.strip()):
            if case_id not in seen:  # git log lists the newest commit first
                last_cut[case_id] = is_boundary
            seen.setdefault(case_id, []).append(stamp)
            if is_boundary:
                first_cut.add(case_id)
    dirty = _uncommitted(root)
    now = now or build_time()
    dates = {}
    for case_id, stamps in seen.items():
        first = datetime.fromtimestamp(min(stamps), UTC)
        last = datetime.fromtimestamp(max(stamps), UTC)
        if case_id in dirty:
            dates[case_id] = CaseDates(first, now, case_id not in first_cut, False, True)
        else:
            dates[case_id] = CaseDates(first, last, case_id not in first_cut, not last_cut[case_id])
    for case_id in sorted(dirty - set(seen)):
        dates[case_id] = CaseDates(now, now, False, False, True)
    return dates


def _case_of(path: str) -> str:
    """The case id of a path such as cases/<id>/case.yaml; '' for other paths."""
    parts = path.split("/")
    return parts[1] if len(parts) >= 3 and parts[0] == "cases" else ""
