"""Deterministic, plainly synthetic placeholder portraits for the fictional sample cases.

The same seed always gives the same picture: a flat head-and-shoulders silhouette marked SAMPLE.
`python -m generator.photos.portraits [cases-dir]` rewrites every photo that the sample cases name.
"""

from __future__ import annotations

import random
import sys
import zlib
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw, ImageFont

Size = tuple[int, int]
RGB = tuple[int, ...]

_BACKGROUNDS: list[RGB] = [(196, 210, 224), (216, 206, 188), (190, 214, 200), (222, 212, 228)]
_FIGURES: list[RGB] = [(72, 84, 100), (98, 82, 68), (60, 78, 72), (88, 74, 98), (70, 70, 74)]
# How the pixels are stored so that applying the EXIF orientation shows them upright.
_STORED_TURN = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90}
_SAVE_OPTIONS: dict[str, dict[str, Any]] = {
    "JPEG": {"quality": 85, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 80, "method": 6},
}
ORIENTATION, GPS_IFD = 0x0112, 0x8825
# Sample photos carrying metadata that the build must apply or strip, by "case-id/file".
ORIENTED = {"luo-qiwen/front.jpg": 6}
GEOTAGGED = {"he-yanling/front.jpg": (-30.5, -140.25)}  # an invented point in the South Pacific


def _vary(colour: RGB, rng: random.Random, spread: int) -> RGB:
    """The colour with each channel moved by up to `spread`."""
    return tuple(max(0, min(255, c + rng.randint(-spread, spread))) for c in colour)


def draw_portrait(seed: int, size: Size = (600, 750)) -> Image.Image:
    """An RGB head-and-shoulders silhouette on a plain background, the same for the same seed."""
    rng = random.Random(seed)
    width, height = size
    background = _vary(rng.choice(_BACKGROUNDS), rng, 14)
    figure = _vary(rng.choice(_FIGURES), rng, 12)
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    mid = width * rng.uniform(0.46, 0.54)
    head_w = width * rng.uniform(0.27, 0.34)
    head_h = head_w * rng.uniform(1.2, 1.38)
    top = height * rng.uniform(0.15, 0.22)
    chin = top + head_h
    neck = head_w * rng.uniform(0.38, 0.5) / 2
    shoulders = chin + height * rng.uniform(0.0, 0.035)
    half = width * rng.uniform(0.38, 0.48)
    box = (mid - half, shoulders, mid + half, height * 1.5)
    draw.rounded_rectangle(box, radius=int(half * rng.uniform(0.45, 0.65)), fill=figure)
    draw.rectangle((mid - neck, chin - head_h * 0.2, mid + neck, shoulders + 8), fill=figure)
    v_neck = shoulders + height * rng.uniform(0.09, 0.14)
    collar = [(mid - neck * 1.4, shoulders + 4), (mid + neck * 1.4, shoulders + 4), (mid, v_neck)]
    draw.polygon(collar, fill=_vary(background, rng, 20))
    draw.ellipse((mid - head_w / 2, top, mid + head_w / 2, chin), fill=figure)
    font = ImageFont.load_default(size=max(10, height // 42))
    draw.text((width - width // 40, width // 40), "SAMPLE", fill=figure, font=font, anchor="ra")
    return image


def save_sample_photo(
    path: Path,
    seed: int,
    size: Size = (600, 750),
    fmt: str | None = None,
    exif: Image.Exif | None = None,
) -> None:
    """Write a portrait; the format follows the file name unless `fmt` is given.

    With an EXIF orientation of 3 or 6 the pixels are stored turned, so the picture shows
    upright only once a viewer applies the orientation.
    """
    image = draw_portrait(seed, size)
    fmt = fmt or Image.registered_extensions()[path.suffix.lower()]
    options = dict(_SAVE_OPTIONS.get(fmt, {}))
    if exif is not None:
        turn = _STORED_TURN.get(int(exif.get(ORIENTATION, 1)))
        image = image.transpose(turn) if turn is not None else image
        options["exif"] = exif.tobytes()
    image.save(path, fmt, **options)


def sample_exif(key: str) -> Image.Exif | None:
    """The demonstration metadata of one sample photo, if it has any."""
    exif = Image.Exif()
    if key in ORIENTED:
        exif[ORIENTATION] = ORIENTED[key]
    if key in GEOTAGGED:
        lat, lon = GEOTAGGED[key]
        exif.get_ifd(GPS_IFD).update(
            {1: "NS"[lat < 0], 2: (abs(lat), 0.0, 0.0), 3: "EW"[lon < 0], 4: (abs(lon), 0.0, 0.0)}
        )
    return exif if key in ORIENTED or key in GEOTAGGED else None


def main(argv: list[str] | None = None) -> int:
    """Regenerate every photo that a case.yaml names; the seed comes from 'case-id/file'."""
    args = sys.argv[1:] if argv is None else argv
    for case_file in sorted(Path(args[0] if args else "cases").glob("*/case.yaml")):
        data = yaml.load(case_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        for photo in data.get("photos") or []:
            key = f"{case_file.parent.name}/{photo['file']}"
            path = case_file.parent / photo["file"]
            save_sample_photo(path, zlib.crc32(key.encode()), exif=sample_exif(key))
            print(f"{path}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
