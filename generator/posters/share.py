"""Share images: the picture a chat or a social network shows when a case link is shared.

Each published case gets one 1200 x 630 JPEG (the Open Graph size): the main photo on the left,
then both names, the status and the site's title, drawn with Pillow in Noto Sans CJK (face 2,
Simplified Chinese, which also has pinyin tone marks). Pages without a case share a site-wide
image with the title alone. The JPEG carries no metadata, and it is made once for its inputs:
the text drawn, the photo's content key and Pillow's version name its file in the cache.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont, ImageOps

from ..files import write_atomic
from .fonts import FACES, SIMPLIFIED_CHINESE

WIDTH, HEIGHT = 1200, 630
PHOTO_WIDTH = 504  # the photo's share of the width: 4:5, as the portraits are
BACKGROUND, INK, ACCENT, MUTED = (255, 255, 255), (17, 17, 17), (183, 28, 28), (90, 90, 90)


@dataclass(frozen=True)
class ShareJob:
    """What one share image shows; `key` names its file in the cache."""

    name: str  # the output's name, such as "wang-jianguo" or "site"
    lines: tuple[str, ...]  # the name shown first, the other name, status, site title
    photo: Path | None

    @property
    def key(self) -> str:
        h = hashlib.sha256("\n".join(self.lines).encode())
        h.update(f"|{self.photo.name if self.photo else ''}|pillow={PIL.__version__}".encode())
        return h.hexdigest()[:24]

    @property
    def file_name(self) -> str:
        return f"{self.key}.jpg"


@cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    face = FACES["Bold" if bold else "Regular"]
    return ImageFont.truetype(str(face), size, index=SIMPLIFIED_CHINESE)


def _fit(
    draw: ImageDraw.ImageDraw, text: str, size: int, width: int, bold: bool
) -> ImageFont.FreeTypeFont:
    """The largest font up to `size` in which `text` fits `width` pixels."""
    while size > 18 and draw.textlength(text, font=_font(size, bold)) > width:
        size -= 2
    return _font(size, bold)


def render(job: ShareJob) -> bytes:
    """The JPEG of a share image, without metadata."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    left = 60
    if job.photo is not None:
        with Image.open(job.photo) as source:
            portrait = ImageOps.fit(source.convert("RGB"), (PHOTO_WIDTH, HEIGHT))
        image.paste(portrait, (0, 0))
        left = PHOTO_WIDTH + 48
    width = WIDTH - left - 48
    latin, native, status, title = job.lines
    draw.rectangle((left, 60, left + 120, 68), fill=ACCENT)
    y = 100
    if latin:
        font = _fit(draw, latin, 64, width, True)
        draw.text((left, y), latin, font=font, fill=INK)
        y += int(font.size) + 24
    if native:
        font = _fit(draw, native, 60, width, False)
        draw.text((left, y), native, font=font, fill=INK)
        y += int(font.size) + 36
    if status:
        draw.text((left, y), status, font=_fit(draw, status, 44, width, True), fill=ACCENT)
    draw.text((left, HEIGHT - 90), title, font=_fit(draw, title, 30, width, False), fill=MUTED)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True, progressive=False)  # no EXIF, no ICC
    return out.getvalue()


def make(job: ShareJob, cache_dir: Path) -> None:
    """Draw the share image into the cache, as `cache_dir / job.file_name`."""
    write_atomic(cache_dir / job.file_name, render(job))
