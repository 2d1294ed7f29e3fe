"""The extra search spellings: pinyin, given names, tone marks, numbers and countries."""

from __future__ import annotations

from generator.public.publish import Published, ShownDocument
from generator.public.searchterms import han_forms, latin_forms, name_terms, plain, search_terms
from generator.source.model import Case


def published(**changes: object) -> Published:
    data: dict[str, object] = {
        "name": {"latin": "WANG Jianguo", "native": "王建国"},
        "sex": "male",
        "nationality": ["CN"],
        "crimes": [{"charge": "Bribery"}],
        "fled": {"date": "2012", "from": "CN"},
        "location": {"country": "CA"},
        "status": "at_large",
        "red_notice": "2015/12345",
    }
    data.update(changes)
    documents = (
        ShownDocument("passport", "Passport", "G1234 5678", "CN", "full"),
        ShownDocument("national_id", "National ID", "••••451X", "CN", "partial"),
    )
    return Published("wang-jianguo", Case.model_validate(data), documents, ())


def test_plain_strips_tone_marks_and_accents() -> None:
    assert plain("Wáng Jiànguó") == "Wang Jianguo"
    assert plain("Hélène") == "Helene"


def test_latin_forms_join_and_split() -> None:
    forms = latin_forms("LIN Pei-shan")
    assert {"LINPeishan", "LIN", "Pei", "shan"} <= set(forms)


def test_han_forms_split_the_given_name_and_add_pinyin() -> None:
    forms = han_forms("王建国")
    assert {"王建国", "王", "建国", "wangjianguo", "jianguo", "wángjiànguó", "jiànguó"} <= set(
        forms
    )
    # a compound surname stays whole: the given name is 明, and its pinyin "ming", not "yangming"
    assert han_forms("欧阳明")[1:3] == ["欧阳", "明"]
    assert "ouyang" in han_forms("欧阳明") and "yangming" not in han_forms("欧阳明")


def test_han_forms_hold_every_piece_the_browser_may_cut_a_name_into() -> None:
    """On a Chinese page Pagefind cuts the query with ICU (少华 into 少 and 华) and asks every
    piece to begin a word: every substring of the name begins one of its forms."""
    name = "欧阳晓明"
    forms = han_forms(name)
    pieces = {name[i:j] for i in range(len(name)) for j in range(i + 1, len(name) + 1)}
    assert all(any(form.startswith(piece) for form in forms) for piece in pieces)
    assert {"少", "华", "少华"} <= set(han_forms("梁少华"))


def test_han_forms_read_a_name_as_a_name() -> None:
    """pypinyin reads characters as words: 曾 as céng (曾经), 任 as rèn, 单 as dān, 子 toneless
    (儿子). As a family name they are Zēng, Rén, Shàn; a given name's 子 is zǐ."""
    assert {"zēngwěi", "zēng", "zengwei"} <= set(han_forms("曾伟"))
    assert {"rénbǎoshān", "shànjiànguó", "shan"} <= set(han_forms("任宝山") + han_forms("单建国"))
    assert "zǐháo" in han_forms("杜子豪") and "zihao" in han_forms("杜子豪")
    assert not {"céng", "rèn", "dān", "dan"} & set(
        han_forms("曾伟") + han_forms("任宝山") + han_forms("单建国")
    )


def test_name_terms_cover_names_and_aliases_only() -> None:
    names = name_terms(published(aliases=["李强", "Jimmy Wang"]))
    for expected in ("WANGJianguo", "建国", "jiànguó", "liqiang", "JimmyWang", "Jimmy"):
        assert expected in names, expected
    assert not {"5678", "Canada", "中国"} & set(names)
    assert len({n.lower() for n in names}) == len(names)  # no repeats, whatever the case


def test_search_terms_cover_numbers_and_countries_not_names() -> None:
    terms = search_terms(published())
    for expected in ("G12345678", "5678", "451X", "201512345", "Canada", "加拿大", "中国"):
        assert expected in terms, expected
    assert not {"WANGJianguo", "建国"} & set(terms)


def test_partial_numbers_give_only_their_last_four_characters() -> None:
    terms = " ".join(search_terms(published()))
    assert "451X" in terms and "••••" not in terms
