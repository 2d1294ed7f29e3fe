"""`make new NAME="WANG Jianguo"`: a new case folder with a commented case.yaml to fill in.

The id comes from the name in Latin letters (accents dropped, everything else turned into
hyphens: "WANG Jianguo" -> wang-jianguo), or is given with --id. An id is never reused: it is
refused when its folder exists, when git history (any branch) ever held such a folder, or when a
case lists it under `previous_ids`. A name in another script (such as 王建国) is not guessed at:
it goes into `name.native` and the editor chooses the id.
"""

from __future__ import annotations

import json
import re
import string
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..source.fields import CASE_ID, CASE_ID_RULE, RESERVED_CASE_IDS
from ..source.loader import CASE_FILE
from ..source.yamlsrc import YamlProblem, parse

TEMPLATE = Path(__file__).parent / "templates" / "case.yaml.tmpl"
# Latin letters that Unicode does not decompose into a base letter and an accent.
_FOLD = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"}
)
_PLAIN = re.compile(r"^[^\W\d_][\w .'-]*$")


class ScaffoldError(Exception):
    """A case that cannot be created; the message tells the editor what to do instead."""


@dataclass(frozen=True)
class NewCase:
    """What `create` wrote."""

    id: str
    path: Path


def is_latin(name: str) -> bool:
    """True when every letter of the name is a Latin letter (accents allowed)."""
    return all(
        not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name.strip()
    )


def derive_id(name: str) -> str:
    """The case id for a name in Latin letters: 'HÉLÈNE Marchetti' -> 'helene-marchetti'."""
    if not is_latin(name):
        raise ScaffoldError(
            f"{name!r} is not written in Latin letters, so no id can be derived from it; "
            'give the id yourself: make new NAME="..." ID=wang-jianguo '
            "(python -m generator new NAME --id wang-jianguo)"
        )
    folded = unicodedata.normalize("NFKD", name.lower().translate(_FOLD))
    ascii_only = "".join(ch for ch in folded if not unicodedata.combining(ch))
    case_id = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    while len(case_id) > 64:
        case_id = case_id.rsplit("-", 1)[0] if "-" in case_id else case_id[:64]
    if not CASE_ID.match(case_id):
        raise ScaffoldError(
            f"the id {case_id!r} derived from {name!r} is not valid ({CASE_ID_RULE}); "
            "give one with --id (ID= for make new)"
        )
    return case_id


def used_ids(root: Path) -> dict[str, str]:
    """Every id that is or was in use, with where it was seen, for the refusal message."""
    used: dict[str, str] = {}
    cases = root / "cases"
    history = _git_paths(root)
    for path in history:
        parts = path.split("/")
        if len(parts) >= 3 and parts[0] == "cases":
            used.setdefault(parts[1], "in git history (a case folder that existed once)")
    for folder in sorted(cases.iterdir()) if cases.is_dir() else []:
        if folder.is_dir():
            used[folder.name] = f"by the existing folder cases/{folder.name}/"
            for old in _previous_ids(folder / CASE_FILE):
                used.setdefault(old, f"as a previous id of cases/{folder.name}/")
    return used


def _git_paths(root: Path) -> list[str]:
    """Every path under cases/ in the history of every branch and tag."""
    command = ["git", "log", "--all", "--format=", "--name-only", "--no-renames", "--relative"]
    try:
        result = subprocess.run(
            [*command, "--", "cases"], cwd=root, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return []
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


def _previous_ids(case_file: Path) -> list[str]:
    """The `previous_ids` a case declares, read leniently: a broken file declares none."""
    try:
        data = parse(case_file.read_text("utf-8")).data
    except (OSError, UnicodeDecodeError, YamlProblem):
        return []
    ids = data.get("previous_ids") if isinstance(data, dict) else None
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []


def _yaml_text(value: str) -> str:
    """A single-line value as YAML: plain when it is plainly text, else double-quoted."""
    return value if _PLAIN.match(value) else json.dumps(value, ensure_ascii=False)


def render_case(case_id: str, name: str) -> str:
    """The commented case.yaml for a new case."""
    name = " ".join(name.split())
    latin, native = (name, "") if is_latin(name) else ("", name)
    native_line = f"native: {_yaml_text(native)}" if native else "# native: Name in its own script"
    template = string.Template(TEMPLATE.read_text("utf-8"))
    text = template.substitute(
        case_id=case_id, latin=_yaml_text(latin) if latin else "", native_line=native_line
    )
    return re.sub(r"(?m)[ \t]+$", "", text)  # an empty latin name leaves "latin: "


def create(root: Path, name: str, case_id: str | None = None) -> NewCase:
    """Write cases/<id>/case.yaml for a new case; raise ScaffoldError when it cannot."""
    if not name.strip():
        raise ScaffoldError('give the person\'s name: make new NAME="WANG Jianguo"')
    if case_id is None:
        case_id = derive_id(name)
    elif not CASE_ID.match(case_id):
        raise ScaffoldError(f"{case_id!r} is not a valid case id: use {CASE_ID_RULE}")
    if case_id in RESERVED_CASE_IDS:
        raise ScaffoldError(f"{case_id!r} is reserved for the listing's own pages: choose another")
    where = used_ids(root).get(case_id)
    if where is not None:
        raise ScaffoldError(
            f"the id {case_id!r} is already used {where}; an id is never reused, even after a "
            f"case is withdrawn: choose another with --id (ID=), such as {case_id}-2 or one "
            "with the year of birth"
        )
    folder = root / "cases" / case_id
    folder.mkdir(parents=True)
    path = folder / CASE_FILE
    path.write_text(render_case(case_id, name), encoding="utf-8")
    return NewCase(case_id, path)
