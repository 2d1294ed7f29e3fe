"""Rules beyond the schema: dates, status against history, unique numbers and ids, photos.

Each check reads loaded cases and returns `Problem`s located at the field concerned. All checks
run on every case, so one run reports every mistake: a case that failed its format is checked
too, by the checks whose fields passed it (`LoadedCase.valid`), so that a wrong country code does
not hide a missing photo.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from ..photos.photo import check_photo
from .errors import Problem, field_path
from .fields import date_bounds
from .loader import LoadedCase
from .model import Settings
from .summary import summary_problems

# The history events that fix a status, and the status each one means.
STATUS_EVENTS = {
    "arrested": "arrested",
    "returned": "returned",
    "surrendered": "returned",
    "deceased": "deceased",
    "withdrawn": "withdrawn",
}


# Says what is wrong with a photo file (one sentence for editors), or None when it is fine.
PhotoVerdict = Callable[[Path], str | None]


def check_cases(
    cases: tuple[LoadedCase, ...],
    settings: Settings | None,
    today: date,
    photo_verdict: PhotoVerdict = check_photo,
) -> list[Problem]:
    """Every rule beyond the schema, over all cases; photo files are judged by `photo_verdict`."""
    problems: list[Problem] = []
    for loaded in cases:
        for field_loc, message in _case_problems(loaded, settings, today, photo_verdict):
            problems.append(
                Problem(loaded.file, loaded.line(*field_loc), field_path(field_loc), message)
            )
    problems.extend(_duplicate_numbers(cases))
    problems.extend(_reused_ids(cases))
    return problems


Found = Iterator[tuple[tuple[str | int, ...], str]]


def _case_problems(
    loaded: LoadedCase, settings: Settings | None, today: date, photo_verdict: PhotoVerdict
) -> Found:
    ready = loaded.valid  # a check runs only on fields that passed the format
    if ready("fled", "born", "location", "history", "sources", "reviewed"):
        yield from _dates(loaded, today)
    if ready("status", "history"):
        yield from _status(loaded)
        yield from _methods(loaded)
        yield from _corrections(loaded)
    if ready("photos"):
        yield from _photos(loaded, photo_verdict)
    if settings is not None and ready("lists"):
        declared = {named.id for named in settings.lists}
        for i, list_id in enumerate(loaded.case.lists):
            if list_id not in declared:
                known = ", ".join(sorted(declared)) or "none declared"
                yield (
                    ("lists", i),
                    f"list {list_id!r} is not declared in publication.yaml (declared: {known})",
                )
    if ready("summary") and loaded.case.summary:
        for message in summary_problems(loaded.case.summary):
            yield ("summary",), message


def _dates(loaded: LoadedCase, today: date) -> Found:
    case = loaded.case
    dated: list[tuple[tuple[str | int, ...], str]] = [(("fled", "date"), case.fled.date)]
    if case.born:
        dated.append((("born",), case.born))
    if case.reviewed:
        dated.append((("reviewed",), case.reviewed))
    if case.location and case.location.as_of:
        dated.append((("location", "as_of"), case.location.as_of))
    dated += [(("history", i, "date"), e.date) for i, e in enumerate(case.history)]
    dated += [(("sources", i, "date"), s.date) for i, s in enumerate(case.sources) if s.date]
    for loc, value in dated:
        if date_bounds(value)[0] > today:
            yield loc, f"{value} is in the future"
    if case.born and date_bounds(case.born)[0] > date_bounds(case.fled.date)[1]:
        yield ("born",), f"born {case.born} is after the flight on {case.fled.date}"
    for i in range(1, len(case.history)):
        before, this = case.history[i - 1].date, case.history[i].date
        if date_bounds(this)[1] < date_bounds(before)[0]:
            yield (
                ("history", i, "date"),
                f"{this} comes before the previous event ({before}); list events oldest first",
            )


def _status(loaded: LoadedCase) -> Found:
    case = loaded.case
    deciding = [(i, e) for i, e in enumerate(case.history) if e.event in STATUS_EVENTS]
    if deciding:
        i, latest = deciding[-1]
        expected = STATUS_EVENTS[latest.event]
        if case.status != expected:
            yield (
                ("status",),
                (
                    f"status is {case.status} but the latest deciding event is {latest.event} "
                    f"on {latest.date} (history[{i}]); expected status {expected}"
                ),
            )
    elif case.status in ("arrested", "returned", "deceased"):
        event = "returned or surrendered" if case.status == "returned" else case.status
        yield ("status",), f"status {case.status} needs a history event {event} that gives its date"


def _corrections(loaded: LoadedCase) -> Found:
    """A correction is recorded with a public note that says what was put right."""
    for i, event in enumerate(loaded.case.history):
        if event.event == "corrected" and not event.note:
            yield (
                ("history", i, "event"),
                "a corrected event needs a note: say what was corrected, without repeating the "
                "wrong value (for example: Date of birth corrected)",
            )


def _methods(loaded: LoadedCase) -> Found:
    """How a person came back is said only on a return, and a surrender is a surrender."""
    for i, event in enumerate(loaded.case.history):
        if event.method is None:
            continue
        if event.event not in ("returned", "surrendered"):
            yield (
                ("history", i, "method"),
                f"method is only for returned and surrendered events, not {event.event}",
            )
        elif event.event == "surrendered" and event.method != "surrendered":
            yield (
                ("history", i, "method"),
                f"a surrendered event means the method is surrendered, not {event.method}; "
                "use event: returned for another method",
            )


def photo_files(cases: tuple[LoadedCase, ...]) -> tuple[list[Path], list[Path]]:
    """The photo files that the checks judge: those of published cases, those of withdrawn ones."""
    published: list[Path] = []
    withdrawn: list[Path] = []
    for loaded in cases:
        if not loaded.valid("photos"):
            continue
        for photo in loaded.case.photos:
            target = loaded.photo_path(photo.file)
            if target is not None and target.is_file():
                (withdrawn if loaded.case.status == "withdrawn" else published).append(target)
    return sorted(published), sorted(withdrawn)


def _photos(loaded: LoadedCase, photo_verdict: PhotoVerdict) -> Found:
    for i, photo in enumerate(loaded.case.photos):
        loc: tuple[str | int, ...] = ("photos", i, "file")
        target = loaded.photo_path(photo.file)
        if target is None:
            yield loc, f"{photo.file!r} is outside the case folder; put the photo beside case.yaml"
        elif not target.is_file():
            yield loc, f"{photo.file!r} does not exist in {loaded.folder.name}/"
        else:
            message = photo_verdict(target)
            if message:
                yield loc, f"{photo.file!r} {message}"


def normalise_number(number: str) -> str:
    """The form in which two document numbers are compared: compatibility form (NFKC, so a
    full-width Ｅ８７ is E87), case folded, letters and digits only (no spaces or dashes)."""
    folded = unicodedata.normalize("NFKC", number).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def _duplicate_numbers(cases: tuple[LoadedCase, ...]) -> list[Problem]:
    first_seen: dict[str, tuple[LoadedCase, int]] = {}
    problems = []
    for loaded in cases:
        if not loaded.valid("documents"):
            continue
        for i, document in enumerate(loaded.case.documents):
            key = normalise_number(document.number)
            if key in first_seen:
                other, j = first_seen[key]
                where = "this case" if other is loaded else other.file
                msg = f"number {document.number!r} is already used in {where} (documents[{j}])"
                problems.append(
                    Problem(
                        loaded.file,
                        loaded.line("documents", i, "number"),
                        f"documents[{i}].number",
                        msg,
                    )
                )
            else:
                first_seen[key] = (loaded, i)
    return problems


def _reused_ids(cases: tuple[LoadedCase, ...]) -> list[Problem]:
    """An id belongs to one case forever: a previous id may be no other case's id, current or
    previous. Withdrawn cases take part too, so their ids stay reserved."""
    folders = {loaded.id: loaded for loaded in cases}
    claimed: dict[str, tuple[LoadedCase, int]] = {}
    problems = []
    for loaded in cases:
        if not loaded.valid("previous_ids"):
            continue
        for i, old in enumerate(loaded.case.previous_ids):
            message = ""
            if old == loaded.id:
                message = f"{old!r} is this case's own id; list only ids it had before"
            elif old in folders:
                message = (
                    f"{old!r} is the id of the case in {folders[old].file}; an id belongs to one "
                    "case forever: give the other case a new folder name, or remove this entry"
                )
            elif old in claimed:
                other, j = claimed[old]
                message = f"{old!r} is already a previous id of {other.file} (previous_ids[{j}])"
            else:
                claimed[old] = (loaded, i)
            if message:
                problems.append(
                    Problem(
                        loaded.file, loaded.line("previous_ids", i), f"previous_ids[{i}]", message
                    )
                )
    return problems
