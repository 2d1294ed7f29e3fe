"""When each case was first published and last changed, read from git history.

One `git log` over cases/ gives, for every case folder, the dates of the first and the latest
commit that touched it. Without git, or in a shallow clone whose history is cut short, the dates
are marked as not exact rather than guessed: `first` then falls back to the oldest commit that
is present, and a case with uncommitted changes counts as changed at SOURCE_DATE_EPOCH (or now).
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
    """First and last change of one case folder, as UTC datetimes."""

    first: datetime
    last: datetime
    exact: bool  # False when history is shallow or missing, or the folder has uncommitted changes


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


def case_dates(root: Path, now: datetime | None = None) -> dict[str, CaseDates]:
    """Dates for every case folder under root/cases that git knows; a folder with uncommitted
    changes counts as changed at `now` (default: build_time())."""
    log = _git(root, "log", "--format=@%ct", "--name-only", "--no-renames", "--", "cases")
    if log is None:
        return {}
    shallow = (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    dirty_out = _git(root, "status", "--porcelain", "--untracked-files=all", "--", "cases") or ""
    dirty = {_case_of(line[3:].strip().strip('"')) for line in dirty_out.splitlines()}
    seen: dict[str, list[int]] = {}
    stamp = 0
    for line in log.splitlines():
        if line.startswith("@"):
            stamp = int(line[1:])
        elif line.strip():
            case_id = _case_of(line.strip())
            if case_id:
                seen.setdefault(case_id, []).append(stamp)
    now = now or build_time()
    dates = {}
    for case_id, stamps in seen.items():
        first = datetime.fromtimestamp(min(stamps), UTC)
        last = datetime.fromtimestamp(max(stamps), UTC)
        exact = not shallow
        if case_id in dirty:
            last, exact = now, False
        dates[case_id] = CaseDates(first, last, exact)
    for case_id in sorted(c for c in dirty if c and c not in seen):
        dates[case_id] = CaseDates(now, now, False)
    return dates


def _case_of(path: str) -> str:
    """The case id of a path such as cases/<id>/case.yaml; '' for other paths."""
    parts = path.split("/")
    return parts[1] if len(parts) >= 3 and parts[0] == "cases" else ""
