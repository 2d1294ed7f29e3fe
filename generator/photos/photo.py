"""Photos of wanted persons: checked for editors, then published in two sizes with no metadata.

A published photo must never leak where or with what it was taken, so every output is encoded
from bare pixels: no EXIF (GPS above all), XMP, IPTC, ICC profile or comment survives. The work
is split into pure steps over small frozen parameters (`normalize`, `render`, `encode`) and a
content-addressed cache (`process_photo`, `process_photos`), so that an unchanged photo is never
decoded twice and the same input always yields the same bytes under the same file names.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import math
import os
import re
import struct
import warnings
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any, Literal

import PIL
from PIL import ExifTags, Image, ImageCms, ImageOps, UnidentifiedImageError, features

from ..files import write_atomic

CACHE_VERSION = "photos-1"  # bump whenever a change here alters the published bytes
MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
REDUCING_GAP = 2.0  # JPEG draft decoding keeps at least this factor above the largest output
# What makes the bytes: part of every hash, so that a new encoder never reuses old cache entries.
ENGINE = (
    f"Pillow {PIL.__version__}; libjpeg {features.version('jpg')}; "
    f"libwebp {features.version('webp')}; lcms {features.version('littlecms2')}"
)
# Camera JPEGs that embed a second picture are reported by Pillow as "MPO"; they are JPEG files.
_ACCEPTED = {"JPEG", "MPO", "PNG", "WEBP"}
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, struct.error)
_BOMB = (Image.DecompressionBombError, Image.DecompressionBombWarning)
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
_TOO_BIG = "is too large to decode safely; photos must be at most 40 megapixels"
_FORMATS: tuple[tuple[Literal["WEBP", "JPEG"], str, str], ...] = (
    ("WEBP", "webp", "image/webp"),
    ("JPEG", "jpg", "image/jpeg"),
)
# What the photo cache holds: each source's manifest (`manifest_name`) and its image files.
CACHE_SUFFIXES = (".json", *(f".{ext}" for _, ext, _ in _FORMATS))


@dataclass(frozen=True)
class Rendition:
    """One published size: "cover" crops to fill width x height exactly (upscaling if needed),
    "contain" fits inside width x height and never upscales."""

    name: str
    width: int
    height: int
    fit: Literal["cover", "contain"]
    webp_quality: int = 80
    jpeg_quality: int = 82

    def __post_init__(self) -> None:
        qualities = (self.webp_quality, self.jpeg_quality)
        if not (
            re.fullmatch(r"[a-z0-9]+", self.name)
            and self.fit in ("cover", "contain")
            and min(self.width, self.height) > 0
            and all(0 < q <= 100 for q in qualities)
        ):
            raise ValueError(f"invalid rendition {self!r}")


CARD = Rendition("card", 360, 450, "cover")
LARGE = Rendition("large", 960, 1200, "contain")
RENDITIONS = (CARD, LARGE)  # the order of ProcessedPhoto's fields


@dataclass(frozen=True)
class PhotoFile:
    """One published file, as it lies in the cache."""

    name: str  # output file name, e.g. "3f2a9c1d0b7e4a55-card-360x450.webp"
    path: Path  # where it lies in the cache
    width: int
    height: int
    mime: str  # "image/webp" or "image/jpeg"


@dataclass(frozen=True)
class ProcessedPhoto:
    """The four published files of one source photo; `key` names its cache entry."""

    key: str
    card_webp: PhotoFile
    card_jpeg: PhotoFile
    large_webp: PhotoFile
    large_jpeg: PhotoFile

    def files(self) -> tuple[PhotoFile, ...]:
        """All four files, card first, WebP before JPEG."""
        return (self.card_webp, self.card_jpeg, self.large_webp, self.large_jpeg)


@dataclass
class PhotoStats:
    """Counters that `process_photos` adds to when given one, for logs and benchmarks."""

    cached: int = 0  # distinct photos (by content) found in the cache
    processed: int = 0  # distinct photos decoded and encoded
    checked: int = 0  # distinct photos decoded only to check them (withdrawn cases' photos)
    hashed: int = 0  # source files read and hashed (not known unchanged from a memo)


class PhotoError(Exception):
    """A source photo that cannot be published; `message` is the sentence for editors."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(path, message)  # both in args, so the error crosses process pools
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _ceil1(value: float) -> str:
    """Round up to one decimal, so that a value just over a limit never prints as the limit."""
    return f"{math.ceil(value * 10) / 10:.1f}"


def _read(path: Path) -> bytes:
    """The source bytes; refused when unreadable or bigger than MAX_BYTES (checked first)."""
    try:
        size = path.stat().st_size
        if size <= MAX_BYTES:
            return path.read_bytes()
    except OSError as exc:
        raise PhotoError(path, f"could not be read: {exc.strerror or exc}") from exc
    raise PhotoError(path, f"is {_ceil1(size / 1024 / 1024)} MB; photos must be at most 20 MB")


def _check_header(path: Path, img: Image.Image) -> None:
    """Refuse by what the header says (format by content, pixel count) before any decoding."""
    if img.format not in _ACCEPTED:
        name = img.format or "unknown"
        article = "an" if name[0] in "AEFHILMNORSX" else "a"
        raise PhotoError(path, f"is {article} {name} image; use JPEG, PNG or WebP")
    w, h = img.size
    if w * h > MAX_PIXELS:
        size = f"{w} x {h} pixels ({_ceil1(w * h / 1e6)} megapixels)"
        raise PhotoError(path, f"is {size}; photos must be at most 40 megapixels")


def _scale(size: tuple[int, int], rendition: Rendition) -> float:
    """Factor by which the whole upright source is resized (before the crop, for "cover")."""
    fx, fy = rendition.width / size[0], rendition.height / size[1]
    return max(fx, fy) if rendition.fit == "cover" else min(fx, fy, 1.0)


def target_size(size: tuple[int, int], rendition: Rendition) -> tuple[int, int]:
    """Output size of `rendition` for an upright source of `size`."""
    if rendition.fit == "cover":
        return rendition.width, rendition.height
    s = _scale(size, rendition)
    return max(1, round(size[0] * s)), max(1, round(size[1] * s))


def _draft(img: Image.Image, renditions: Sequence[Rendition]) -> None:
    """Let a JPEG decode at 1/2, 1/4 or 1/8 scale when every rendition stays well covered.

    Runs before decoding, hence before `exif_transpose`: the wanted size is computed upright,
    then turned back to the stored orientation. Pillow keeps both axes at least that big."""
    if not renditions or img.format not in ("JPEG", "MPO"):
        return
    rotated = img.getexif().get(ExifTags.Base.Orientation, 1) in _ROTATED
    upright = (img.height, img.width) if rotated else img.size
    want_w = want_h = 1
    for rendition in renditions:
        s = min(_scale(upright, rendition), 1.0) * REDUCING_GAP
        want_w = max(want_w, min(upright[0], math.ceil(upright[0] * s)))
        want_h = max(want_h, min(upright[1], math.ceil(upright[1] * s)))
    img.draft("RGB", (want_h, want_w) if rotated else (want_w, want_h))


def _decode(path: Path, data: bytes, renditions: Sequence[Rendition] = ()) -> Image.Image:
    """Open, check and fully decode a photo, or raise `PhotoError`.

    Pillow's decompression-bomb warning is made an error and reported like our own limit, so no
    warning escapes. With `renditions`, big JPEGs are decoded at a reduced scale."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            _check_header(path, img)
            _draft(img, renditions)
            img.load()
            img.getexif()  # parse EXIF here, so that `normalize` cannot meet a broken one
            return img
    except UnidentifiedImageError:
        raise PhotoError(path, "is not a JPEG, PNG or WebP image") from None
    except _BOMB:
        raise PhotoError(path, _TOO_BIG) from None
    except _DECODE_ERRORS as exc:
        raise PhotoError(path, f"could not be decoded: {exc}") from exc


def check_photo(path: Path) -> str | None:
    """None when the photo can be published, else one sentence for editors (without the file)."""
    try:
        _decode(path, _read(path)).close()
    except PhotoError as exc:
        return exc.message
    return None


def normalize(img: Image.Image) -> Image.Image:
    """A new upright, sRGB, RGB image with alpha flattened onto white, from a decoded photo.

    An embedded ICC profile is applied; one that lcms cannot use is ignored, as browsers do."""
    icc = img.info.get("icc_profile")
    img = ImageOps.exif_transpose(img)
    if img.mode in ("I", "I;16", "I;16B", "I;16L"):  # 16-bit greyscale PNG: keep the top 8 bits
        img = img.convert("I").point(lambda v: v / 256).convert("L")
    alpha = None
    if img.has_transparency_data:
        rgba = img.convert("RGBA")
        alpha, img = rgba.getchannel("A"), rgba.convert("RGB")
    elif img.mode not in ("RGB", "L", "CMYK"):
        img = img.convert("RGB")
    if icc:
        with contextlib.suppress(ImageCms.PyCMSError, OSError, ValueError, TypeError):
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            img = ImageCms.profileToProfile(img, source, _SRGB, outputMode="RGB") or img
    img = img.convert("RGB")
    if alpha is not None:
        white = Image.new("RGB", img.size, (255, 255, 255))
        white.paste(img, mask=alpha)
        img = white
    return img


def render(img: Image.Image, rendition: Rendition) -> Image.Image:
    """Resize a normalized image (LANCZOS) to `rendition`, centre-cropping for "cover"."""
    w, h = img.size
    box = (0.0, 0.0, float(w), float(h))
    if rendition.fit == "cover":
        s = _scale(img.size, rendition)
        crop_w, crop_h = min(w, rendition.width / s), min(h, rendition.height / s)
        box = ((w - crop_w) / 2, (h - crop_h) / 2, (w + crop_w) / 2, (h + crop_h) / 2)
    out = img.resize(target_size(img.size, rendition), Image.Resampling.LANCZOS, box=box)
    return Image.frombytes("RGB", out.size, out.convert("RGB").tobytes())


def encode(img: Image.Image, fmt: Literal["WEBP", "JPEG"], rendition: Rendition) -> bytes:
    """Encode deterministically from bare pixels, so that nothing of `img.info` can follow."""
    bare = Image.frombytes("RGB", img.size, img.convert("RGB").tobytes())
    buf = io.BytesIO()
    if fmt == "WEBP":
        bare.save(buf, "WEBP", quality=rendition.webp_quality, method=6, exif=b"", xmp=b"")
    else:
        quality = rendition.jpeg_quality
        bare.save(
            buf,
            "JPEG",
            quality=quality,
            optimize=True,
            progressive=True,
            exif=b"",
            subsampling="4:2:0",
        )
    return buf.getvalue()


def _settings(renditions: Sequence[Rendition]) -> bytes:
    """Everything besides the source that changes the output bytes."""
    return json.dumps([CACHE_VERSION, ENGINE, [astuple(r) for r in renditions]]).encode()


def key_for(digest: bytes) -> str:
    """The cache key of a source whose content has this SHA-256 digest, under every setting."""
    return hashlib.sha256(digest + _settings(RENDITIONS)).hexdigest()


def _cache_key(data: bytes) -> tuple[bytes, str]:
    """The source's SHA-256 digest, and the cache key: that digest plus every setting."""
    digest = hashlib.sha256(data).digest()
    return digest, key_for(digest)


def manifest_name(key: str) -> str:
    """The name of the cache entry that lists a source's published files: <key>.json."""
    return f"{key}.json"


def _load_manifest(cache_dir: Path, key: str) -> ProcessedPhoto | None:
    """The cached outputs for `key`, or None unless the manifest and all its files are intact."""
    try:
        doc = json.loads((cache_dir / manifest_name(key)).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return verified(cache_dir, key, doc.get("files") if isinstance(doc, dict) else None)


def verified(cache_dir: Path, key: str, entries: Any) -> ProcessedPhoto | None:
    """The outputs that a manifest's "files" entries describe, or None unless all four files are
    in the cache with the sizes stated."""
    try:
        files: list[PhotoFile] = []
        for entry in entries:
            name = entry["name"]
            if not isinstance(name, str) or Path(name).name != name:
                return None
            if (cache_dir / name).stat().st_size != entry["bytes"]:
                return None
            size = entry["width"], entry["height"]
            files.append(PhotoFile(name, cache_dir / name, *size, entry["mime"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return ProcessedPhoto(key, *files) if len(files) == 4 else None


def process_photo(source: Path, cache_dir: Path) -> ProcessedPhoto:
    """The published files of `source`, from the cache or made now; raises `PhotoError`.

    Image files are written first and the manifest `<key>.json` last, so that an interrupted
    run leaves no entry that looks complete."""
    data = _read(source)
    digest, key = _cache_key(data)
    if (hit := _load_manifest(cache_dir, key)) is not None:
        return hit
    with _decode(source, data, RENDITIONS) as img:
        upright = normalize(img)
    cache_dir.mkdir(parents=True, exist_ok=True)
    files: list[PhotoFile] = []
    entries: list[dict[str, str | int]] = []
    for rendition in RENDITIONS:
        pic = render(upright, rendition)
        w, h = pic.size
        prefix = hashlib.sha256(digest + _settings([rendition])).hexdigest()[:16]
        for fmt, ext, mime in _FORMATS:
            name = f"{prefix}-{rendition.name}-{w}x{h}.{ext}"
            blob = encode(pic, fmt, rendition)
            write_atomic(cache_dir / name, blob)
            files.append(PhotoFile(name, cache_dir / name, w, h, mime))
            entries.append(dict(name=name, width=w, height=h, mime=mime, bytes=len(blob)))
    manifest = {"cache_version": CACHE_VERSION, "engine": ENGINE, "key": key, "files": entries}
    write_atomic(cache_dir / manifest_name(key), json.dumps(manifest, indent=1).encode())
    return ProcessedPhoto(key, *files)


def process_photos(
    sources: Sequence[Path],
    cache_dir: Path,
    workers: int | None = None,
    stats: PhotoStats | None = None,
) -> dict[Path, ProcessedPhoto]:
    """Process many photos: cache hits are resolved here, misses in a pool of processes.

    Sources are de-duplicated by path and by content (each content is processed once). The
    result maps each distinct source, in first-seen order, to its files; it does not depend on
    the order or on `workers` (default: the CPU count; 1 means no pool). If `stats` is given, its
    counters are increased. The first `PhotoError` is raised and the pending work cancelled."""
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    unique = list(dict.fromkeys(sources))
    keys = {path: _cache_key(_read(path))[1] for path in unique}
    done: dict[str, ProcessedPhoto] = {}
    misses: dict[str, Path] = {}
    for path, key in keys.items():
        if key not in done and key not in misses:
            hit = _load_manifest(cache_dir, key)
            if hit is None:
                misses[key] = path
            else:
                done[key] = hit
    hits = len(done)
    count = min(workers or os.cpu_count() or 1, len(misses))
    if count <= 1:
        done.update((key, process_photo(path, cache_dir)) for key, path in misses.items())
    else:
        with ProcessPoolExecutor(max_workers=count) as pool:
            futures = {k: pool.submit(process_photo, p, cache_dir) for k, p in misses.items()}
            try:
                done.update((key, future.result()) for key, future in futures.items())
            except BaseException:
                pool.shutdown(cancel_futures=True)
                raise
    if stats is not None:
        stats.hashed += len(unique)
        stats.cached += hits
        stats.processed += len(misses)
    return {path: done[key] for path, key in keys.items()}
