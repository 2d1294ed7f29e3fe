"""The poster fonts: Noto Sans CJK SC cut down once to the characters posters nearly always use.

WeasyPrint subsets every font it embeds, once per PDF, and the cost grows with the font it
starts from: Debian's Noto Sans CJK has some 65,000 glyphs a face, and subsetting its Regular
and Bold faces was a third of a poster's time, with the unused glyph slots left in each PDF
(about 210 KB a poster). Starting from a face of 13,000 glyphs makes a poster about 30%
faster and 60% smaller, and its pages render to the same pixels.

The cut keeps a fixed set of characters, so it does not change when a case does: Latin with
the tone marks of pinyin, punctuation, the CJK symbols, full-width forms and the 6,763
Chinese characters of GB 2312. A character outside it (a rare one in a name) is still
printed: the poster's font list names the full face next, and Pango takes it from there.

HarfBuzz's subsetter (uharfbuzz) makes both faces in about 0.4 s; fontTools took 40 s.
The files live in the cache under a name made of the source file's digest, the character
set's version and uharfbuzz's, so they are made again only when one of these changes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

import uharfbuzz

from ..files import write_atomic

NOTO = Path("/usr/share/fonts/opentype/noto")
FACES = {"Regular": NOTO / "NotoSansCJK-Regular.ttc", "Bold": NOTO / "NotoSansCJK-Bold.ttc"}
SIMPLIFIED_CHINESE = 2  # face index of Noto Sans CJK SC in each collection
CHARSET_VERSION = "1"  # raise when CHARACTER_RANGES or the GB 2312 rule changes
CHARACTER_RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1, Latin Extended-A and -B: pinyin's ā á ǎ à ü ǘ ǚ ǜ
    (0x0300, 0x036F),  # combining diacritical marks
    (0x2000, 0x206F),  # general punctuation: dashes, quotes, ellipsis
    (0x20A0, 0x20CF),  # currency signs
    (0x2100, 0x214F),  # letterlike symbols: №
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。「」
    (0xFF00, 0xFFEF),  # half-width and full-width forms: ，：（）
)


@dataclass(frozen=True)
class PosterFonts:
    """The cut faces, as files, and a digest that changes when either does."""

    regular: Path
    bold: Path
    digest: str


@cache
def characters() -> tuple[int, ...]:
    """The code points the cut keeps, sorted: CHARACTER_RANGES and the hanzi of GB 2312.
    Worked out once a process, for both faces."""
    points = {point for first, last in CHARACTER_RANGES for point in range(first, last + 1)}
    for row in range(0xB0, 0xF8):  # GB 2312's rows of Chinese characters, levels 1 and 2
        for cell in range(0xA1, 0xFF):
            try:
                points.add(ord(bytes((row, cell)).decode("gb2312")))
            except UnicodeDecodeError:  # the five empty cells at the end of level 1
                continue
    return tuple(sorted(points))


def cut(source: Path, points: tuple[int, ...]) -> bytes:
    """The Simplified Chinese face of a Noto Sans CJK collection, keeping `points` (and the
    glyphs their shaping needs). Raises RuntimeError when HarfBuzz cannot subset the face."""
    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(source)), SIMPLIFIED_CHINESE)
    wanted = uharfbuzz.SubsetInput()
    for point in points:
        wanted.unicode_set.add(point)
    result = uharfbuzz.subset(face, wanted)
    if result is None:
        raise RuntimeError(f"{source}: HarfBuzz could not subset face {SIMPLIFIED_CHINESE}")
    return bytes(result.blob.data)


@cache
def _digest(source: Path) -> str:
    """A font file's content digest, read once a process (some 20 MB a face)."""
    return hashlib.sha256(source.read_bytes()).hexdigest()


def poster_fonts(cache_dir: Path) -> PosterFonts:
    """The cut faces in `cache_dir` (made there when missing). Raises FileNotFoundError when
    Debian's fonts-noto-cjk is not installed (`make site` installs it)."""
    stamp = f"charset={CHARSET_VERSION},uharfbuzz={version('uharfbuzz')}"
    files: dict[str, Path] = {}
    for weight, path in FACES.items():
        name = hashlib.sha256(f"{_digest(path)},{stamp}".encode()).hexdigest()[:24]
        files[weight] = cache_dir / f"NotoSansCJKsc-{weight}-{name}.otf"
        if not files[weight].is_file():
            write_atomic(files[weight], cut(path, characters()))
    digest = hashlib.sha256(",".join(sorted(p.name for p in files.values())).encode()).hexdigest()
    return PosterFonts(files["Regular"], files["Bold"], digest)
