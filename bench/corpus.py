"""A deterministic synthetic project of N valid, plainly fictional cases, for the benchmark.

The project is a copy of this one's site (mkdocs.yml, the hand-written pages under docs/, the
generator with its theme and hook, the publication settings) with N generated case folders. The
names (bench/names.py) repeat and collide as real Chinese names do: common family names, shared
full names, pinyin shared by different characters, aliases; the search suite at scale
(tests/browser/test_search_scale.py) relies on that. Document numbers have their real shapes and
share prefixes and last digits. The cases have history, sources and one or two photos at camera
size (2000 x 2500 JPEG); some photos are stored turned with an EXIF orientation, some carry an
(invented) GPS position. Photos are drawn from a few base portraits with film-like grain, and
each gets a small pattern of squares that encodes its case and number, so that every photo has
its own content (the photo cache deduplicates by content). A project for tests can leave the
photos out (`photos=False`), which makes 1,000 cases in a few seconds. The same N always gives
the same bytes.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageChops, ImageDraw

from bench.names import Person, person
from generator.photos.portraits import GPS_IFD, ORIENTATION, draw_portrait

ROOT = Path(__file__).resolve().parent.parent
CODE_ONLY = shutil.ignore_patterns("__pycache__")  # copying the generator: all of it, photos/ too
# Copying docs/: the hand-written pages and assets, not what the generator writes there.
HAND_WRITTEN = shutil.ignore_patterns("__pycache__", "index.md", "cases", "photos", ".generated*")
PHOTO_SIZE = (2000, 2500)
BASES = 6  # distinct base portraits
# Each English text with its Chinese: the cases are written in both editions' languages.
CHARGES = {
    "Embezzlement of public funds": "贪污公款", "Accepting bribes": "受贿",
    "Misappropriation of public funds": "挪用公款", "Illegal fund-raising": "非法集资",
    "Fraud in state procurement": "政府采购欺诈", "Abuse of office": "滥用职权",
    "Money laundering": "洗钱", "Contract fraud": "合同诈骗",
}  # fmt: skip
PLACES = [
    ("US", "California"), ("US", "New York"), ("CA", "Ontario"), ("CA", "British Columbia"),
    ("AU", "New South Wales"), ("NZ", "Auckland"), ("TH", "Bangkok"), ("SG", None),
    ("MY", "Kuala Lumpur"), ("GB", "London"), ("FR", None), ("AE", "Dubai"),
]  # fmt: skip
POSITIONS = {
    "Former deputy director of a city finance bureau": "某市财政局原副局长",
    "Former chairman of a state trading firm": "某国有贸易公司原董事长",
    "Former head of a county land office": "某县国土局原局长",
    "Former manager at a state-owned bank branch": "某国有银行支行原行长",
    "Former official of a provincial transport department": "某省交通厅原干部",
}  # fmt: skip
UNTRANSLATED = 10  # every tenth case has its prose in English only, as a real list would
# Region codes of identity numbers (the first six digits): few, so that many numbers share one.
REGIONS = [
    "110101", "110105", "310104", "310115", "440103", "440305", "320102", "330106",
    "510104", "420102", "370102", "210102", "350102", "430102", "610103", "500103",
]  # fmt: skip
BATCHES = ["182", "302", "465", "735", "906"]  # passport number prefixes after the letter
STATUSES = [("at_large", 72), ("arrested", 12), ("returned", 10), ("deceased", 3), ("withdrawn", 3)]


@dataclass(frozen=True)
class PhotoSpec:
    """One photo to draw: its file, the number its pattern encodes, and its metadata."""

    path: Path
    mark: int
    orientation: int  # 1 (none), 3 or 6
    gps: bool


def _date(rng: random.Random, first: int, last: int) -> str:
    year = rng.randint(first, last)
    shape = rng.random()
    if shape < 0.15:
        return str(year)
    if shape < 0.4:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def case_name(i: int) -> tuple[str, dict[str, str], Person]:
    """Case number i's id, its name as case.yaml writes it, and the person. The person is drawn
    from a generator of its own, so that the rest of the case does not depend on the names."""
    drawn = person(random.Random(f"name-{i}"))
    name = {"latin": drawn.latin} | ({"native": drawn.native} if drawn.native else {})
    return f"{drawn.latin.lower().replace(' ', '-')}-{i:05d}", name, drawn


def national_id(i: int, born: str) -> str:
    """A Chinese identity number of the real shape: region, date of birth, sequence, check
    character. Region and sequence come from i through a bijection modulo a prime, so numbers are
    unique up to 15,991 cases, while many share a region (a prefix) or their last four."""
    mixed = (i * 7919 + 4007) % 15991
    body = f"{REGIONS[mixed // 1000]}{born.replace('-', '')}{mixed % 1000:03d}"
    total = sum(int(d) * (2 ** (17 - k) % 11) for k, d in enumerate(body))
    return body + "10X98765432"[total % 11]


def passport(i: int, fled_year: int, rng: random.Random) -> str:
    """A passport number: G (older) or E, a three-digit batch shared by many, five digits that
    are unique up to 99,991 cases."""
    series = "G" if fled_year < 2012 else "E"
    return f"{series}{rng.choice(BATCHES)}{(i * 7919 + 1000003) % 99991:05d}"


def case_data(i: int) -> tuple[str, dict[str, Any], list[tuple[str, int, int, bool]]]:
    """Case number i: its id, its case.yaml data, and its photos (file, mark, orientation, GPS)."""
    rng = random.Random(f"case-{i}")

    def both(english: str, chinese: str) -> str | dict[str, str]:
        """The text in both languages, or in English only for every UNTRANSLATED-th case."""
        return {"en": english, "zh": chinese} if i % UNTRANSLATED else english

    case_id, name, drawn = case_name(i)
    status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
    born_year = rng.randint(1950, 1985)
    fled_year = rng.randint(born_year + 28, 2020)
    born = f"{born_year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    data: dict[str, Any] = {"name": name}
    if drawn.aliases:
        data["aliases"] = list(drawn.aliases)
    data |= {"sex": drawn.sex, "born": born, "nationality": ["CN"]}
    position = rng.choice(list(POSITIONS))
    data["position"] = both(position, POSITIONS[position])
    photos = [("front.jpg", i * 2, *_photo_meta(rng))]
    if rng.random() < 0.2:
        photos.append((f"{fled_year - 2}.jpg", i * 2 + 1, *_photo_meta(rng)))
    data["photos"] = [
        {
            "file": f,
            "caption": both(
                f"Photograph taken in {fled_year - 1 - k}", f"摄于{fled_year - 1 - k}年"
            ),
        }
        for k, (f, *_) in enumerate(photos)
    ]
    data["documents"] = [
        {
            "kind": "national_id",
            "number": national_id(i, born),
            "country": "CN",
            "publish": rng.choice(["partial", "partial", "partial", "full"]),
        },
        {
            "kind": "passport",
            "number": passport(i, fled_year, rng),
            "country": "CN",
            "publish": rng.choice(["full", "partial", "hidden"]),
        },
    ]
    amount = rng.randint(1, 900) * 1_000_000
    charge = rng.choice(list(CHARGES))
    data["crimes"] = [
        {"charge": both(charge, CHARGES[charge]), "amount": {"value": amount, "currency": "CNY"}}
    ]
    data["fled"] = {"date": _date(rng, fled_year, fled_year), "from": "CN"}
    place = rng.choice(PLACES)
    located = rng.random() < 0.7
    if located:
        data["location"] = {"country": place[0], "as_of": str(fled_year + 2)}
        if place[1]:
            data["location"]["region"] = place[1]
    data["red_notice"] = f"{fled_year + 1}/{10000 + i % 90000}"
    data["lists"] = (["priority"] if rng.random() < 0.1 else []) + (
        ["financial"] if amount >= 300_000_000 else []
    )
    history = [{"date": f"{fled_year + 1}-01-15", "event": "listed"}]
    history.append({"date": f"{fled_year + 1}-06-02", "event": "red_notice"})
    if located:
        history.append({"date": str(fled_year + 2), "event": "located", "country": place[0]})
    final = {"arrested": "arrested", "returned": "returned", "deceased": "deceased"}
    if status in final or status == "withdrawn":
        event: dict[str, Any] = {
            "date": f"{fled_year + 3}-09-10",
            "event": final.get(status, status),
        }
        if status == "returned":
            event["country"] = place[0]
            event["note"] = both(
                "Returned under a fictional cooperation agreement", "依据虚构的合作协议遣返"
            )
        history.append(event)
    data["status"] = status
    data["history"] = history
    notice = "[the demonstration notice](https://example.org/notice)"  # a link in one in ten
    english = (
        f"Suspected of {charge.lower()} while serving as "
        f"{position[0].lower()}{position[1:]}. Fled in {fled_year}.\n"
        f"A fictional case made for the benchmark; see "
        f"{notice if rng.random() < 0.1 else 'the demonstration notice'}.\n"
    )
    chinese = (
        f"涉嫌在担任{POSITIONS[position]}期间{CHARGES[charge]}，{fled_year}年外逃。\n"
        "本案为基准测试虚构。\n"
    )
    data["summary"] = both(english, chinese)
    data["sources"] = [
        {"title": "Fictional press release", "url": f"https://example.org/press/{i}"}
    ]
    return case_id, data, photos


def _photo_meta(rng: random.Random) -> tuple[int, bool]:
    turn = rng.random()
    return (6 if turn < 0.08 else 3 if turn < 0.1 else 1), rng.random() < 0.1


@cache
def _base(k: int) -> Image.Image:
    """Base portrait k at camera size, with film-like grain (pseudo-random, seeded)."""
    image = draw_portrait(1000 + k, PHOTO_SIZE)
    rng = random.Random(k)
    half = (PHOTO_SIZE[0] // 2, PHOTO_SIZE[1] // 2)
    grain = Image.frombytes("L", half, rng.randbytes(half[0] * half[1]))
    grain = grain.point(lambda v: 116 + v * 24 // 255).resize(PHOTO_SIZE, Image.Resampling.BILINEAR)
    return ImageChops.add(image, Image.merge("RGB", (grain, grain, grain)), offset=-128)


def draw_photo(spec: PhotoSpec) -> None:
    """Draw and save one photo: a base portrait, its pattern, orientation and metadata."""
    image = _base(spec.mark % BASES).copy()
    draw = ImageDraw.Draw(image)
    for bit in range(40):  # 40 bits of the mark, as an 8 x 5 grid of 20-pixel squares
        x, y = 40 + (bit % 8) * 20, PHOTO_SIZE[1] - 160 + (bit // 8) * 20
        shade = (30, 30, 30) if spec.mark >> bit & 1 else (225, 225, 225)
        draw.rectangle((x, y, x + 19, y + 19), fill=shade)
    exif = Image.Exif()
    if spec.orientation != 1:
        exif[ORIENTATION] = spec.orientation
        turn = Image.Transpose.ROTATE_90 if spec.orientation == 6 else Image.Transpose.ROTATE_180
        image = image.transpose(turn)
    if spec.gps:  # an invented point in the South Pacific
        exif.get_ifd(GPS_IFD).update({1: "S", 2: (30.5, 0.0, 0.0), 3: "W", 4: (140.25, 0.0, 0.0)})
    image.save(spec.path, "JPEG", quality=88, exif=exif.tobytes())


def _draw_all(specs: Sequence[PhotoSpec]) -> None:
    for spec in specs:
        draw_photo(spec)


def copy_site(target: Path) -> None:
    """The site around the cases: config, hand-written pages, generator, publication settings."""
    target.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", target / "docs", ignore=HAND_WRITTEN)
    shutil.copytree(ROOT / "generator", target / "generator", ignore=CODE_ONLY)
    (target / "cases").mkdir()
    shutil.copy2(ROOT / "cases" / "publication.yaml", target / "cases" / "publication.yaml")


def make_corpus(target: Path, n: int, workers: int | None = None, photos: bool = True) -> int:
    """Write a project of n cases into target (which must not exist); return its photo count.
    Without photos, the cases list none and none is drawn; everything else is the same."""
    copy_site(target)
    specs: list[PhotoSpec] = []
    for i in range(n):
        case_id, data, case_photos = case_data(i)
        folder = target / "cases" / case_id
        folder.mkdir()
        if not photos:
            del data["photos"]
            case_photos = []
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        (folder / "case.yaml").write_text(text, encoding="utf-8")
        specs += [PhotoSpec(folder / f, mark, turn, gps) for f, mark, turn, gps in case_photos]
    if not specs:
        return 0
    count = workers or os.cpu_count() or 1
    batches = [specs[k :: count * 8] for k in range(count * 8)]  # sorted by base within a batch
    with ProcessPoolExecutor(max_workers=count) as pool:
        list(pool.map(_draw_all, [sorted(b, key=lambda s: s.mark % BASES) for b in batches]))
    return len(specs)
