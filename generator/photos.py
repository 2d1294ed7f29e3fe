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
import tempfile
import warnings
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import PIL
from PIL import ExifTags, Image, ImageCms, ImageOps, UnidentifiedImageError, features

CACHE_VERSION = "photos-1"  # bump whenever a change here alters the published bytes
MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
REDUCING_GAP = 2.0  # JPEG draft decoding keeps at least this factor above the largest output
# What produced the bytes: part of every hash, so a new encoder never reuses stale cache entries.
ENGINE = (
    f"Pillow {PIL.__version__}; libjpeg {features.version('jpg')}; "
    f"libwebp {features.version('webp')}; lcms {features.version('littlecms2')}"
)
_MB = 1024 * 1024
# Camera JPEGs that embed a second picture are reported by Pillow as "MPO"; they are JPEG files.
_ACCEPTED = {"JPEG", "MPO", "PNG", "WEBP"}
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, struct.error)
_BOMB = (Image.DecompressionBombError, Image.DecompressionBombWarning)
_FORMATS = (("webp", "WEBP", "image/webp"), ("jpg", "JPEG", "image/jpeg"))

Fit = Literal["cover", "contain"]


@dataclass(frozen=True)
class Rendition:
    """One published size: "cover" crops to fill width x height exactly (upscaling if needed),
    "contain" fits inside width x height and never upscales."""

    name: str
    width: int
    height: int
    fit: Fit
    webp_quality: int = 80
    jpeg_quality: int = 82

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[a-z0-9]+", self.name):
            raise ValueError(f"rendition name {self.name!r} must be lowercase letters and digits")
        if self.width < 1 or self.height < 1 or self.fit not in ("cover", "contain"):
            raise ValueError(f"rendition {self.name!r} has an invalid size or fit")
        if not (1 <= self.webp_quality <= 100 and 1 <= self.jpeg_quality <= 100):
            raise ValueError(f"rendition {self.name!r} qualities must be between 1 and 100")


CARD = Rendition("card", 360, 450, "cover")
LARGE = Rendition("large", 960, 1200, "contain")
RENDITIONS = (CARD, LARGE)


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


_ROLES = ("card_webp", "card_jpeg", "large_webp", "large_jpeg")  # order of rendition x format


@dataclass
class PhotoStats:
    """Counters that `process_photos` adds to when given one, for logs and benchmarks."""

    cached: int = 0  # distinct photos (by content) found in the cache
    processed: int = 0  # distinct photos decoded and encoded


class PhotoError(ValueError):
    """A source photo that cannot be published; `message` is the sentence for editors."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(path, message)  # both in args, so the error crosses process pools
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class _Refused(Exception):
    """Internal: carries the editor's message until the caller attaches the file."""


def _ceil1(value: float) -> str:
    """Round up to one decimal, so that a value just over a limit never prints as the limit."""
    return f"{math.ceil(value * 10) / 10:.1f}"


def _read(path: Path) -> bytes:
    """The source bytes, refused when the file is unreadable or bigger than MAX_BYTES."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _Refused(f"is {_ceil1(size / _MB)} MB; photos must be at most 20 MB")
        return path.read_bytes()
    except OSError as exc:
        raise _Refused(f"could not be read: {exc.strerror or exc}") from exc


def _check_header(img: Image.Image) -> None:
    """Refuse by what the header says (format by content, pixel count) before any decoding."""
    if img.format not in _ACCEPTED:
        name = img.format or "unknown"
        article = "an" if name[0] in "AEFHILMNORSX" else "a"
        raise _Refused(f"is {article} {name} image; use JPEG, PNG or WebP")
    width, height = img.size
    if width * height > MAX_PIXELS:
        mp = _ceil1(width * height / 1e6)
        raise _Refused(
            f"is {width} x {height} pixels ({mp} megapixels); photos must be at most 40 megapixels"
        )


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

    Must run before decoding and before `exif_transpose`, so the wanted size is computed upright
    and then turned back into the stored orientation."""
    if not renditions or img.format not in ("JPEG", "MPO"):
        return
    width, height = img.size
    rotated = img.getexif().get(ExifTags.Base.Orientation, 1) in _ROTATED
    upright = (height, width) if rotated else (width, height)
    need_w = need_h = 1
    for rendition in renditions:
        s = min(_scale(upright, rendition), 1.0)
        need_w = max(need_w, math.ceil(upright[0] * s * REDUCING_GAP))
        need_h = max(need_h, math.ceil(upright[1] * s * REDUCING_GAP))
    want = (min(need_w, upright[0]), min(need_h, upright[1]))
    img.draft("RGB", (want[1], want[0]) if rotated else want)


def _decode(data: bytes, renditions: Sequence[Rendition] = ()) -> Image.Image:
    """Open, check and fully decode a photo; any refusal is raised as `_Refused`.

    Pillow's own decompression-bomb warning is made an error and reported like our own limit, so
    no warning escapes. With `renditions`, big JPEGs are decoded at a reduced scale."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            _check_header(img)
            _draft(img, renditions)
            img.load()
            return img
    except UnidentifiedImageError:
        raise _Refused("is not a JPEG, PNG or WebP image") from None
    except _BOMB:
        raise _Refused("is too large to decode safely; photos must be at most 40 megapixels") from None
    except _DECODE_ERRORS as exc:
        raise _Refused(f"could not be decoded: {exc}") from exc


def check_photo(path: Path) -> str | None:
    """None when the photo can be published, else one sentence for editors (without the file)."""
    try:
        _decode(_read(path)).close()
    except _Refused as exc:
        return str(exc)
    return None


@cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


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
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(img, source, _srgb(), outputMode="RGB")
            img = converted if converted is not None else img
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass
    img = img.convert("RGB")
    if alpha is not None:
        white = Image.new("RGB", img.size, (255, 255, 255))
        white.paste(img, mask=alpha)
        img = white
    return img


def render(img: Image.Image, rendition: Rendition) -> Image.Image:
    """Resize a normalized image (LANCZOS) to `rendition`, centre-cropping for "cover"."""
    width, height = img.size
    s = _scale(img.size, rendition)
    if rendition.fit == "cover":
        crop_w, crop_h = min(width, rendition.width / s), min(height, rendition.height / s)
        box = ((width - crop_w) / 2, (height - crop_h) / 2, (width + crop_w) / 2, (height + crop_h) / 2)
    else:
        box = (0.0, 0.0, float(width), float(height))
    out = img.resize(target_size(img.size, rendition), Image.Resampling.LANCZOS, box=box)
    return Image.frombytes("RGB", out.size, out.convert("RGB").tobytes())


def encode(img: Image.Image, fmt: Literal["WEBP", "JPEG"], rendition: Rendition) -> bytes:
    """Encode deterministically from bare pixels, so no metadata of `img.info` can follow."""
    bare = Image.frombytes("RGB", img.size, img.convert("RGB").tobytes())
    buf = io.BytesIO()
    if fmt == "WEBP":
        bare.save(buf, "WEBP", quality=rendition.webp_quality, method=6, exif=b"", xmp=b"")
    else:
        bare.save(
            buf, "JPEG", quality=rendition.jpeg_quality, optimize=True, progressive=True,
            subsampling="4:2:0", exif=b"",
        )
    return buf.getvalue()


def _settings(renditions: Sequence[Rendition]) -> bytes:
    return json.dumps([CACHE_VERSION, ENGINE, [astuple(r) for r in renditions]]).encode()


def _cache_key(digest: bytes) -> str:
    """The cache key: the source's SHA-256 plus every setting that changes the output."""
    return hashlib.sha256(digest + _settings(RENDITIONS)).hexdigest()


def _digest(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").digest()
    except OSError as exc:
        raise PhotoError(path, f"could not be read: {exc.strerror or exc}") from exc


def _load_manifest(cache_dir: Path, key: str) -> ProcessedPhoto | None:
    """The cached outputs for `key`, or None unless the manifest and all its files are intact."""
    try:
        doc = json.loads((cache_dir / f"{key}.json").read_text("utf-8"))
        files: list[PhotoFile] = []
        for role in _ROLES:
            entry: dict[str, Any] = doc["files"][role]
            name = entry["name"]
            if not isinstance(name, str) or Path(name).name != name:
                return None
            path = cache_dir / name
            if path.stat().st_size != entry["bytes"]:
                return None
            files.append(PhotoFile(name, path, entry["width"], entry["height"], entry["mime"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return ProcessedPhoto(key, *files)


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def process_photo(source: Path, cache_dir: Path) -> ProcessedPhoto:
    """The published files of `source`, from the cache or made now; raises `PhotoError`."""
    try:
        data = _read(source)
        digest = hashlib.sha256(data).digest()
        key = _cache_key(digest)
        if False:
            return hit
        with _decode(data, RENDITIONS) as img:
            upright = normalize(img)
    except _Refused as exc:
        raise PhotoError(source, str(exc)) from None
    cache_dir.mkdir(parents=True, exist_ok=True)
    files: list[PhotoFile] = []
    manifest: dict[str, Any] = {"cache_version": CACHE_VERSION, "engine": ENGINE, "files": {}}
    roles = iter(_ROLES)
    for rendition in RENDITIONS:
        pic = render(upright, rendition)
        width, height = pic.size
        prefix = hashlib.sha256(digest + _settings([rendition])).hexdigest()[:16]
        for ext, fmt, mime in _FORMATS:
            name = f"{prefix}-{rendition.name}-{width}x{height}.{ext}"
            blob = encode(pic, "WEBP" if fmt == "WEBP" else "JPEG", rendition)
            _write_atomic(cache_dir / name, blob)
            files.append(PhotoFile(name, cache_dir / name, width, height, mime))
            manifest["files"][next(roles)] = {
                "name": name, "width": width, "height": height, "mime": mime, "bytes": len(blob),
            }
    _write_atomic(cache_dir / f"{key}.json", json.dumps(manifest, indent=1).encode())
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
    keys = {path: _cache_key(_digest(path)) for path in unique}
    done: dict[str, ProcessedPhoto] = {}
    misses: dict[str, Path] = {}
    for path in unique:
        key = keys[path]
        if key not in done and key not in misses:
            hit = _load_manifest(cache_dir, key)
            if hit is None:
                misses[key] = path
            else:
                done[key] = hit
    hits = len(done)
    count = min(workers or os.cpu_count() or 1, len(misses))
    if count <= 1:
        for key, path in misses.items():
            done[key] = process_photo(path, cache_dir)
    else:
        with ProcessPoolExecutor(max_workers=count) as pool:
            futures = {key: pool.submit(process_photo, path, cache_dir) for key, path in misses.items()}
            try:
                for key, future in futures.items():
                    done[key] = future.result()
            except BaseException:
                pool.shutdown(cancel_futures=True)
                raise
    if stats is not None:
        stats.cached += hits
        stats.processed += len(misses)
    return {path: done[keys[path]] for path in unique}
