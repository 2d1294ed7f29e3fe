"""Where a case was last known to be (`Published.last_known`): its location, else for a closed
case the latest history event that places the person."""

from __future__ import annotations

from generator.public.publish import Published, Whereabouts
from generator.source.model import Case


def published(status: str, history: list[dict[str, str]], **changes: object) -> Published:
    data: dict[str, object] = {
        "name": {"latin": "TEST Person"},
        "sex": "male",
        "nationality": ["CN"],
        "crimes": [{"charge": "Bribery"}],
        "fled": {"date": "2010", "from": "CN"},
        "status": status,
        "history": history,
    }
    data.update(changes)
    return Published("test-person", Case.model_validate(data), (), ())


LOCATED = {"date": "2013-08", "event": "located", "country": "US"}
RETURNED = {"date": "2017-06-19", "event": "returned", "country": "CA"}


def test_the_location_comes_first() -> None:
    p = published("returned", [LOCATED, RETURNED], location={"country": "TH", "region": "Bangkok"})
    assert p.last_known == Whereabouts("TH", "Bangkok", None, None)


def test_a_closed_case_is_placed_by_its_latest_placing_event() -> None:
    note = {"date": "2018", "event": "note", "country": "FR"}  # a note places no one
    assert published("returned", [LOCATED, RETURNED, note]).last_known == Whereabouts(
        "CA", None, "2017-06-19", "returned"
    )
    no_country = {"date": "2019", "event": "deceased"}
    assert published("deceased", [LOCATED, no_country]).last_known == Whereabouts(
        "US", None, "2013-08", "located"
    )
    assert published("deceased", [no_country]).last_known is None


def test_a_case_at_large_without_location_is_unknown() -> None:
    assert published("at_large", [LOCATED]).last_known is None
