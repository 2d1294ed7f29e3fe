"""Comparing the public views of two sides of a review (see `review.py`).

Renamed folders are recognised from `previous_ids` when the case declares them, otherwise by a
shared document number or the same name and birth date between a folder that disappeared and
one that appeared. Anything that publishes more of a document number than before, or brings a
withdrawn case back, is called out as needing a second look.
"""

from __future__ import annotations

from .review import Change, PublicCase, Review, Side

STATUS_WORDS = {
    "at_large": "at large",
    "arrested": "arrested",
    "returned": "returned",
    "deceased": "deceased",
    "withdrawn": "withdrawn",
}
POLICY_ORDER = ("hidden", "partial", "full")


def diff_fields(old: dict[str, str], new: dict[str, str]) -> tuple[Change, ...]:
    """Changed paths; a list item that appeared or vanished whole counts as one change."""
    changes: list[Change] = []
    seen_items: set[str] = set()
    for path in sorted(set(old) | set(new), key=_path_order):
        if old.get(path) == new.get(path):
            continue
        item = path.split("]", 1)[0] + "]" if "[" in path else ""
        if item:
            in_old = {p: v for p, v in old.items() if p.startswith(item)}
            in_new = {p: v for p, v in new.items() if p.startswith(item)}
            if not in_old or not in_new:
                if item not in seen_items:
                    seen_items.add(item)
                    values = in_new or in_old
                    summary = ", ".join(values.values())  # in the order of the model
                    changes.append(
                        Change(item, None, summary) if in_new else Change(item, summary, None)
                    )
                continue
        changes.append(Change(path, old.get(path), new.get(path)))
    return tuple(changes)


def _path_order(path: str) -> tuple[str | int, ...]:
    """Sort history[10] after history[9]."""
    parts: list[str | int] = []
    for piece in path.replace("]", "").split("["):
        head, _, rest = piece.partition(".")
        parts.append(int(head) if head.isdigit() else head)
        if rest:
            parts.append(rest)
    return tuple(parts)


def _photo_changes(old: PublicCase | None, new: PublicCase) -> tuple[Change, ...]:
    before = old.photos if old else {}
    out = []
    for name in sorted(set(before) | set(new.photos)):
        if name not in before:
            what = "added"
        elif name not in new.photos:
            what = "removed"
        elif before[name] != new.photos[name]:
            what = "replaced"
        else:
            continue
        out.append(Change(name, what, what))  # old == new: a kind of change, not a value
    return tuple(out)


def _wider(old: PublicCase, new: PublicCase) -> list[str]:
    """Documents of which more is published than before; never with their numbers."""
    notes = []
    for key, (index, kind, policy) in sorted(new.policies.items(), key=lambda kv: kv[1]):
        before = old.policies.get(key)
        if before is None:
            continue
        was = before[2]
        if POLICY_ORDER.index(policy) > POLICY_ORDER.index(was):
            notes.append(
                f"{new.id}: documents[{index}] ({kind}) goes from {was} to {policy}: "
                "check that this number may be published"
            )
    return notes


def _renames(base: Side, head: Side, new: set[str], lost: set[str]) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    for new_id in sorted(new):
        for old_id in head.cases[new_id].previous_ids:
            if old_id in lost:
                found.append((old_id, new_id, "previous_ids"))
                lost.discard(old_id)
                new.discard(new_id)
                break
    for new_id in sorted(n for n in new if n not in base.folders):
        for old_id in sorted(o for o in lost if o not in head.folders):
            shared = head.cases[new_id].identity & base.cases[old_id].identity
            if shared:
                how = (
                    "same document number"
                    if any(s.startswith("doc:") for s in shared)
                    else ("same name and birth date")
                )
                found.append((old_id, new_id, how))
                lost.discard(old_id)
                new.discard(new_id)
                break
    return found


def compare(base: Side, head: Side, base_name: str) -> Review:
    """Everything the public will see change when head replaces base."""
    new = set(head.cases) - set(base.cases)
    lost = set(base.cases) - set(head.cases)
    renamed = _renames(base, head, new, lost)
    pairs = [(i, i) for i in sorted(set(base.cases) & set(head.cases))]
    pairs += [(old, new_id) for old, new_id, _ in renamed]
    second: list[str] = []
    status, fields, photos = [], [], []
    for old_id, new_id in sorted(pairs, key=lambda pair: pair[1]):
        old, cur = base.cases[old_id], head.cases[new_id]
        if old.status != cur.status:
            status.append((new_id, STATUS_WORDS[old.status], STATUS_WORDS[cur.status]))
        if changed := diff_fields(old.fields, cur.fields):
            fields.append((new_id, changed))
        if moved := _photo_changes(old, cur):
            photos.append((new_id, moved))
        second += _wider(old, cur)
    added = []
    for new_id in sorted(new):
        cur = head.cases[new_id]
        added.append((new_id, cur.name, STATUS_WORDS[cur.status]))
        if new_id in base.withdrawn:
            second.append(f"{new_id}: a withdrawn case is published again")
        if pics := _photo_changes(None, cur):
            photos.append((new_id, pics))
    return Review(
        base=base_name,
        added=tuple(added),
        withdrawn=tuple(sorted(i for i in lost if i in head.withdrawn)),
        removed=tuple(sorted(i for i in lost if i not in head.withdrawn)),
        renamed=tuple(renamed),
        status=tuple(status),
        fields=tuple(fields),
        photos=tuple(sorted(photos)),
        second_look=tuple(second),
        attention=head.attention,
        settings=diff_fields(base.settings, head.settings),
        base_problems=base.problems,
    )
