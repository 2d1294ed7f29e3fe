"""Reading editors' files into models, turning every mistake into a located `Problem`.

`load_project` reads `cases/publication.yaml` and every `cases/<id>/case.yaml`, and returns
frozen, validated data together with all problems found. It never stops at the first mistake.
"""

from __future__ import annotations

import difflib
import os
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from .characters import nfc
from .errors import Problem, display_path, field_path
from .fields import CASE_FILE_MAX_BYTES, CASE_ID, CASE_ID_RULE, PATTERN_HELP, RESERVED_CASE_IDS
from .localized import AS_TEXT, BY_LANGUAGE, DEFAULT_LANGUAGES
from .model import Case, Settings
from .yamlsrc import Document, YamlProblem, parse

SETTINGS_FILE = "publication.yaml"
CASE_FILE = "case.yaml"
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class LoadedCase:
    """A case that passed its schema, with where it came from (for later checks' messages)."""

    id: str
    folder: Path
    file: str  # display path of case.yaml
    case: Case
    source: str  # the text of case.yaml, read again only to place a problem on its line
    invalid: frozenset[str] = frozenset()  # fields that failed the format (see `partial_case`)

    def valid(self, *fields: str) -> bool:
        """Whether these fields passed the format, so that checks beyond it may read them."""
        return not self.invalid.intersection(fields)

    def line(self, *path: str | int) -> int:
        """The line of the field at path, for a problem found after the schema."""
        return self._doc.line_of(path)

    def line_at(self, path: tuple[str | int, ...]) -> int:
        """The same, given the path as one tuple."""
        return self._doc.line_of(path)

    @cached_property
    def _doc(self) -> Document:
        # Not kept from loading: at 10,000 cases the lines of every value take 170 MB.
        return parse(self.source)

    @cached_property
    def real_folder(self) -> Path:
        """The case folder with every symbolic link resolved."""
        return self.folder.resolve()

    def photo_path(self, file: str) -> Path | None:
        """The resolved path of a photo the case names, or None when it lies outside the case
        folder. The one place that turns a photo's name into a path: the checks, the photo
        cache and the public view all find a photo under the same key."""
        if "/" not in file and file not in (".", ".."):
            target = self._on_disk(file)
            if not target.is_symlink():  # a plain name in a resolved folder: resolved already
                return target
        target = (self.real_folder / file).resolve()
        if Path(file).is_absolute() or not target.is_relative_to(self.real_folder):
            return None
        return target

    def _on_disk(self, file: str) -> Path:
        """The file as named in case.yaml, or the one whose name differs from it only in its
        Unicode form: macOS writes names in NFD, while case.yaml is read in NFC."""
        target = self.real_folder / file
        if target.exists() or file.isascii():
            return target
        for entry in sorted(os.listdir(self.real_folder)):
            if nfc(entry) == file:
                return self.real_folder / entry
        return target


@dataclass(frozen=True)
class Project:
    """Everything read from cases/: settings, valid cases sorted by id, and the problems found."""

    root: Path
    settings: Settings | None
    settings_doc: Document | None
    cases: tuple[LoadedCase, ...]
    problems: tuple[Problem, ...]
    # Cases that failed their format, with the fields that passed it: for the checks only, so
    # that one run reports every mistake. Never published.
    partial: tuple[LoadedCase, ...] = ()


def load_project(root: Path) -> Project:
    """Read and schema-check every input file under root/cases."""
    cases_dir = root / "cases"
    problems: list[Problem] = []
    settings, settings_doc = None, None
    settings_path = cases_dir / SETTINGS_FILE
    if not settings_path.is_file():
        problems.append(Problem(display_path(settings_path, root), 0, "", "file is missing"))
    else:
        settings, settings_doc = load_model(settings_path, root, Settings, problems)

    languages = (
        settings.languages if settings else declared_languages(settings_doc and settings_doc.data)
    )
    loaded: list[LoadedCase] = []
    partial: list[LoadedCase] = []
    entries = sorted(cases_dir.iterdir()) if cases_dir.is_dir() else []
    for entry in entries:
        shown = display_path(entry, root)
        if entry.name.startswith(".") or entry.name in (SETTINGS_FILE, "README.md"):
            continue
        if not entry.is_dir():
            problems.append(
                Problem(shown, 0, "", "unexpected file: cases/ holds one folder per case")
            )
            continue
        if not CASE_ID.match(entry.name):
            msg = f"folder name {entry.name!r} is not a valid case id: use {CASE_ID_RULE}"
            problems.append(Problem(shown, 0, "", msg))
            continue
        if entry.name in RESERVED_CASE_IDS:
            msg = f"folder name {entry.name!r} is reserved for the listing's own pages: rename it"
            problems.append(Problem(shown, 0, "", msg))
            continue
        case_path = entry / CASE_FILE
        if not case_path.is_file():
            problems.append(Problem(shown, 0, "", f"the case folder has no {CASE_FILE}"))
            continue
        case, doc = load_model(case_path, root, Case, problems, languages)
        file = display_path(case_path, root)
        if case is not None and doc is not None:
            loaded.append(LoadedCase(entry.name, entry, file, case, doc.text))
        elif doc is not None:
            some, invalid = partial_case(doc.data, languages)
            partial.append(LoadedCase(entry.name, entry, file, some, doc.text, invalid))
    return Project(root, settings, settings_doc, tuple(loaded), tuple(problems), tuple(partial))


@cache
def _field_adapter(name: str) -> TypeAdapter[Any]:
    info = Case.model_fields[name]
    annotated: Any = Annotated[info.annotation, info]  # the field's type with its constraints
    return TypeAdapter(annotated)


def partial_case(
    data: dict[str, Any], languages: Sequence[str] = DEFAULT_LANGUAGES
) -> tuple[Case, frozenset[str]]:
    """The fields of a case that pass the format each on its own, and the names of the others.
    The fields that fail (or are missing) hold their default, or None: read only the valid
    ones (`LoadedCase.valid`)."""
    context = {"languages": tuple(languages)}
    values: dict[str, Any] = {}
    invalid: set[str] = set()
    for name, info in Case.model_fields.items():
        key = info.alias or name
        if key in data:
            try:
                values[name] = _field_adapter(name).validate_python(data[key], context=context)
                continue
            except ValidationError:
                invalid.add(name)
        elif info.is_required():
            invalid.add(name)
        values[name] = None if info.is_required() else info.get_default(call_default_factory=True)
    return Case.model_construct(**values), frozenset(invalid)


def read_document(path: Path, shown: str, problems: list[Problem]) -> Document | None:
    """Read a YAML file as strict, located data; record a problem and return None on failure."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(shown, 0, "", f"cannot be read: {exc.strerror}"))
        return None
    if not raw.strip():
        problems.append(Problem(shown, 0, "", "file is empty"))
        return None
    if len(raw) > CASE_FILE_MAX_BYTES:
        size = f"{len(raw) / 1024:.0f} KiB"
        limit = f"{CASE_FILE_MAX_BYTES // 1024} KiB"
        problems.append(Problem(shown, 0, "", f"is {size}; a file may be at most {limit}"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        msg = f"is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        problems.append(Problem(shown, line, "", msg))
        return None
    try:
        doc = parse(text.removeprefix("\ufeff"))
    except YamlProblem as exc:
        problems.append(Problem(shown, exc.line, exc.field, exc.message, exc.column, exc.detail))
        return None
    if not isinstance(doc.data, dict):
        problems.append(
            Problem(shown, 1, "", "expected a mapping of fields (key: value) at the top")
        )
        return None
    return doc


def load_model(
    path: Path,
    root: Path,
    model: type[M],
    problems: list[Problem],
    languages: Sequence[str] | None = None,
) -> tuple[M | None, Document | None]:
    """Read a YAML file and validate it against a model, recording every problem. Prose may be
    written in `languages` (the site's, default first); for the settings themselves, None: the
    languages the file declares."""
    shown = display_path(path, root)
    doc = read_document(path, shown, problems)
    if doc is None:
        return None, None
    context = {"languages": tuple(languages or declared_languages(doc.data))}
    try:
        return model.model_validate(doc.data, context=context), doc
    except ValidationError as exc:
        for error in exc.errors():
            # Without the tags of the two shapes of prose (text, or text by language).
            loc = tuple(part for part in error["loc"] if part not in (AS_TEXT, BY_LANGUAGE))
            message = explain(error, model, loc)
            problems.append(Problem(shown, doc.line_of(loc), field_path(loc), message))
        return None, doc


def declared_languages(settings: Any) -> tuple[str, ...]:
    """The `languages:` of a publication settings file as read, before validation."""
    declared = settings.get("languages") if isinstance(settings, dict) else None
    if isinstance(declared, list) and declared and all(isinstance(x, str) for x in declared):
        return tuple(declared)
    return DEFAULT_LANGUAGES


def explain(error: Any, model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    """An editor-facing sentence for one pydantic error: what was expected, what was found."""
    kind, given = error["type"], error.get("input")
    shown = f"{given!r}" if isinstance(given, str) else "nothing"
    if kind == "extra_forbidden":
        known = sorted(_keys_at(model, loc[:-1]))
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; known fields: {', '.join(known)}"
        return f"unknown field {loc[-1]!r}{hint}"
    if kind == "missing":
        return "required field is missing"
    if kind == "literal_error":
        expected = error["ctx"]["expected"].replace("'", "")
        return f"expected one of {expected}; got {shown}"
    if kind == "string_pattern_mismatch":
        pattern = error["ctx"]["pattern"]
        return f"expected {PATTERN_HELP.get(pattern, 'text matching ' + pattern)}; got {shown}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        limit = error["ctx"]["max_length"]
        return f"is {len(given)} characters long; at most {limit} are allowed"
    if kind == "too_short":
        return "needs at least one entry"
    if kind == "too_long":
        limit = error["ctx"]["max_length"]
        return f"has {error['ctx']['actual_length']} entries; at most {limit} are allowed"
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return f"expected a whole number without separators; got {shown}"
    if kind in ("bool_parsing", "bool_type"):
        return f"expected true or false; got {shown}"
    if kind == "list_type":
        return f"expected a list (- item lines, or [a, b]); got {shown}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping of fields (key: value); got {shown}"
    if kind == "string_type":
        return "expected text; got a list or mapping" if given is not None else "must not be empty"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return f"{error['msg']}; got {shown}"


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that holds the fields at loc, following nested models and lists."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        by_key = {f.alias or n: f for n, f in current.model_fields.items()}
        if part not in by_key:
            return None
        current = _inner_model(by_key[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """Unwrap Optional[...] and list[...] down to a model class, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None


def _keys_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    target = _model_at(model, loc)
    if target is None:
        return []
    return [f.alias or n for n, f in target.model_fields.items()]
