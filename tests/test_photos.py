"""Tests of generator.photos.photo: checks for editors, metadata stripping, sizes, cache and pool.

Every image is made here with Pillow, in tmp_path; nothing is read from the repository.
"""

from __future__ import annotations

import io
import random
import re
import struct
import warnings
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageCms, JpegImagePlugin, PngImagePlugin

from generator.photos import photo as photos
from generator.photos.photo import (
    PhotoError,
    PhotoStats,
    check_photo,
    process_photo,
    process_photos,
)

RED, BLUE, GREEN = (220, 20, 20), (20, 20, 220), (20, 200, 20)
SECRETS = (b"SECRETDATUM", b"SpyCam", b"SECRETXMP", b"SECRETCOMMENT")
# Keys that Pillow reports for a bare file: container structure, not metadata.
STRUCTURAL = {
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "dpi",
    "progressive",
    "progression",
    "loop",
    "background",
}


def save(img: Image.Image, path: Path, fmt: str, **params: Any) -> Path:
    img.save(path, fmt, **params)
    return path


def picture(size: tuple[int, int], seed: int = 0) -> Image.Image:
    """A cheap, non-uniform RGB image (gradients), different for each seed."""
    grey = Image.linear_gradient("L").resize(size)
    return Image.merge("RGB", (grey, grey.rotate(90 + seed), Image.new("L", size, seed)))


def noise(size: tuple[int, int], seed: int = 0) -> Image.Image:
    """A noisy RGB image: it does not compress, so a cut file really lacks data."""
    data = random.Random(seed).randbytes(size[0] * size[1] * 3)
    return Image.frombytes("RGB", size, data)


def rgb(path: Path, xy: tuple[int, int]) -> tuple[int, int, int]:
    with Image.open(path) as img:
        r, g, b = img.convert("RGB").getpixel(xy)  # type: ignore[misc]
        return int(r), int(g), int(b)


def near(pixel: tuple[int, int, int], colour: tuple[int, int, int], tolerance: int = 30) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def opened_size(path: Path) -> tuple[int, int]:
    with Image.open(path) as img:
        return img.size


def secret_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x0112] = 1  # Orientation
    exif[0x8825] = {
        1: "N",
        2: (48.0, 51.0, 29.0),
        3: "E",
        4: (2.0, 17.0, 40.0),
        0x12: "SECRETDATUM",
    }  # GPSInfo IFD, with a map datum we can grep for
    return exif


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height but holds a single empty data chunk."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 16)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


# --- metadata ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_outputs_carry_no_metadata(tmp_path: Path, fmt: str) -> None:
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">SECRETXMP</x:xmpmeta>'
    params: dict[str, Any] = {"exif": secret_exif(), "icc_profile": icc}
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "SECRETCOMMENT")
        info.add_itxt("XML:com.adobe.xmp", xmp.decode())
        params["pnginfo"] = info
    else:
        params["xmp"] = xmp
    if fmt == "JPEG":
        params["comment"] = b"SECRETCOMMENT"
    source = save(picture((800, 600)), tmp_path / f"src.{fmt.lower()}", fmt, **params)
    raw = source.read_bytes()
    assert b"SECRETDATUM" in raw and b"SpyCam" in raw  # the source really carries GPS and EXIF

    result = process_photo(source, tmp_path / "cache")

    for photo in result.files():
        data = photo.path.read_bytes()
        for secret in (*SECRETS, b"Exif", b"GPS", b"ICC_PROFILE", b"ICCP", b"XMP", b"xmpmeta"):
            assert secret not in data, (photo.name, secret)
        with Image.open(photo.path) as img:
            assert set(img.info) <= STRUCTURAL, (photo.name, img.info.keys())
            assert not img.getexif()
            assert img.format == ("WEBP" if photo.mime == "image/webp" else "JPEG")


# --- orientation, colour, sizes ---------------------------------------------------------------


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    # Stored 400x200, red top-left quadrant. Orientation 6 means "turn 90° clockwise to view",
    # so the viewer sees a 200x400 portrait whose top-right quadrant is red.
    img = Image.new("RGB", (400, 200), BLUE)
    img.paste(RED, (0, 0, 200, 100))
    exif = Image.Exif()
    exif[0x0112] = 6
    source = save(img, tmp_path / "rotated.jpg", "JPEG", quality=95, exif=exif)

    result = process_photo(source, tmp_path / "cache")

    for photo in (result.large_webp, result.large_jpeg):
        assert opened_size(photo.path) == (200, 400)  # portrait, and never upscaled
        assert near(rgb(photo.path, (150, 100)), RED)
        assert near(rgb(photo.path, (50, 100)), BLUE)
        assert near(rgb(photo.path, (150, 300)), BLUE)
    for photo in (result.card_webp, result.card_jpeg):
        assert opened_size(photo.path) == (360, 450)
        assert near(rgb(photo.path, (300, 60)), RED)
        assert near(rgb(photo.path, (60, 60)), BLUE)
        assert near(rgb(photo.path, (300, 400)), BLUE)


def swapped_primaries_profile() -> bytes:
    """An RGB ICC profile whose red and blue primaries are swapped, so converting it to sRGB
    visibly swaps red and blue: ignoring the profile cannot pass for applying it."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    count = struct.unpack(">I", data[128:132])[0]
    where = {bytes(data[132 + 12 * i : 136 + 12 * i]): 132 + 12 * i for i in range(count)}
    r, b = where[b"rXYZ"] + 4, where[b"bXYZ"] + 4
    data[r : r + 8], data[b : b + 8] = data[b : b + 8], data[r : r + 8]
    return bytes(data)


def test_icc_profile_is_converted_to_srgb_and_dropped(tmp_path: Path) -> None:
    icc = swapped_primaries_profile()
    img = Image.new("RGB", (500, 500), RED)
    tagged = save(img, tmp_path / "tagged.png", "PNG", icc_profile=icc)
    plain = save(Image.new("RGB", (500, 500), RED), tmp_path / "plain.png", "PNG")
    expected = ImageCms.profileToProfile(
        Image.new("RGB", (1, 1), RED),
        ImageCms.ImageCmsProfile(io.BytesIO(icc)),
        ImageCms.createProfile("sRGB"),
        outputMode="RGB",
    )
    assert expected is not None
    pixel = expected.getpixel((0, 0))
    assert isinstance(pixel, tuple)
    converted = (int(pixel[0]), int(pixel[1]), int(pixel[2]))
    assert not near(converted, RED)  # the profile really changes the colour

    for photo in process_photo(tagged, tmp_path / "cache").files():
        assert near(rgb(photo.path, (100, 100)), converted, 12)
        with Image.open(photo.path) as img:
            assert "icc_profile" not in img.info
    for photo in process_photo(plain, tmp_path / "cache").files():
        assert near(rgb(photo.path, (100, 100)), RED, 12)


def test_alpha_is_flattened_onto_white(tmp_path: Path) -> None:
    img = Image.new("RGBA", (400, 400), (*GREEN, 255))
    img.paste((0, 0, 0, 0), (0, 0, 200, 400))  # left half fully transparent (and black)
    result = process_photo(save(img, tmp_path / "alpha.png", "PNG"), tmp_path / "cache")
    assert near(rgb(result.large_jpeg.path, (50, 200)), (255, 255, 255), 8)
    assert near(rgb(result.large_webp.path, (350, 200)), GREEN, 12)


def test_sixteen_bit_grey_keeps_its_tone(tmp_path: Path) -> None:
    source = save(Image.new("I;16", (300, 300), 32768), tmp_path / "deep.png", "PNG")
    result = process_photo(source, tmp_path / "cache")
    assert near(rgb(result.large_jpeg.path, (150, 150)), (128, 128, 128), 6)


@pytest.mark.parametrize(
    ("size", "large"),
    [((1600, 900), (960, 540)), ((900, 1600), (675, 1200)), ((300, 300), (300, 300))],
)
def test_sizes(tmp_path: Path, size: tuple[int, int], large: tuple[int, int]) -> None:
    result = process_photo(save(picture(size), tmp_path / "s.png", "PNG"), tmp_path / "cache")
    for photo in (result.card_webp, result.card_jpeg):
        assert (photo.width, photo.height) == opened_size(photo.path) == (360, 450)
        assert photo.name.endswith(f"-card-360x450.{photo.path.suffix[1:]}")
    for photo in (result.large_webp, result.large_jpeg):
        assert (photo.width, photo.height) == opened_size(photo.path) == large
        assert f"-large-{large[0]}x{large[1]}." in photo.name
    assert result.card_webp.mime == "image/webp" and result.card_jpeg.mime == "image/jpeg"


def test_big_rotated_jpeg_is_drafted_without_losing_resolution(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored 4800x3200, viewed 3200x4800
    source = save(Image.new("RGB", (4800, 3200), GREEN), tmp_path / "big.jpg", "JPEG", exif=exif)
    drafted: list[tuple[int, int]] = []
    real_draft = JpegImagePlugin.JpegImageFile.draft

    def spy(self: JpegImagePlugin.JpegImageFile, mode: str | None, size: Any) -> Any:
        result = real_draft(self, mode, size)
        drafted.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    result = process_photo(source, tmp_path / "cache")

    assert len(drafted) == 1
    width, height = drafted[0]
    assert width < 4800  # decoded at a reduced scale...
    assert height >= 1200 and width >= 800  # ...still covering the upright 800x1200 output
    assert opened_size(result.large_jpeg.path) == (800, 1200)
    assert opened_size(result.card_webp.path) == (360, 450)


# --- refusals ---------------------------------------------------------------------------------


def test_header_over_40_megapixels_is_refused_before_decoding(tmp_path: Path) -> None:
    source = save(Image.new("1", (9000, 5000)), tmp_path / "bomb.png", "PNG")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        message = check_photo(source)
    assert caught == []
    assert message == (
        "is 9000 x 5000 pixels (45.0 megapixels); photos must be at most 40 megapixels"
    )


@pytest.mark.parametrize("side", [10_000, 100_000])  # Pillow warns, then Pillow raises
def test_pillow_decompression_bomb_becomes_a_message(tmp_path: Path, side: int) -> None:
    source = tmp_path / "bomb.png"
    source.write_bytes(png_header_only(side, side))
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        message = check_photo(source)
        with pytest.raises(PhotoError) as caught:
            process_photo(source, tmp_path / "cache")
    assert seen == []
    assert message == "is too large to decode safely; photos must be at most 40 megapixels"
    assert caught.value.message == message


def test_lowered_pillow_limit_is_reported_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = save(Image.new("RGB", (40, 40)), tmp_path / "small.png", "PNG")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # 1600 pixels: Pillow only warns
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        message = check_photo(source)
    assert seen == []
    assert message == "is too large to decode safely; photos must be at most 40 megapixels"


def test_file_size_limit(tmp_path: Path) -> None:
    jpeg = io.BytesIO()
    noise((100, 100)).save(jpeg, "JPEG")
    source = tmp_path / "padded.jpg"
    source.write_bytes(jpeg.getvalue())
    with source.open("r+b") as f:
        f.truncate(20 * 1024 * 1024)  # a valid JPEG followed by zeros, exactly at the limit
    assert check_photo(source) is None
    with source.open("r+b") as f:
        f.truncate(int(23.4 * 1024 * 1024))
    assert check_photo(source) == "is 23.4 MB; photos must be at most 20 MB"
    with pytest.raises(PhotoError, match="at most 20 MB"):
        process_photo(source, tmp_path / "cache")


def _truncated_jpeg(path: Path) -> None:
    buf = io.BytesIO()
    noise((300, 300)).save(buf, "JPEG", quality=95)
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])


def _mpo(path: Path) -> None:
    Image.new("RGB", (60, 60), RED).save(
        path, "MPO", save_all=True, append_images=[Image.new("RGB", (60, 60), BLUE)]
    )


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("photo.jpg", lambda p: Image.new("RGB", (50, 50)).save(p, "PNG"), None),
        ("photo.png", lambda p: Image.new("RGB", (50, 50)).save(p, "WEBP"), None),
        ("camera.jpg", _mpo, None),
        (
            "x.jpg",
            lambda p: Image.new("P", (50, 50)).save(p, "GIF"),
            "is a GIF image; use JPEG, PNG or WebP",
        ),
        (
            "x.jpg",
            lambda p: Image.new("RGB", (50, 50)).save(p, "BMP"),
            "is a BMP image; use JPEG, PNG or WebP",
        ),
        ("x.png", lambda p: p.write_text("not a picture\n"), "is not a JPEG, PNG or WebP image"),
        ("x.jpg", lambda p: p.write_bytes(b""), "is not a JPEG, PNG or WebP image"),
        ("cut.jpg", _truncated_jpeg, "could not be decoded: "),
    ],
)
def test_format_is_judged_by_content(
    tmp_path: Path, name: str, make: Any, expected: str | None
) -> None:
    source = tmp_path / name
    make(source)
    message = check_photo(source)
    if expected is None:
        assert message is None
        assert opened_size(process_photo(source, tmp_path / "cache").card_jpeg.path) == (360, 450)
    else:
        assert message is not None and message.startswith(expected)
        assert message == expected or expected.endswith(": ")
        with pytest.raises(PhotoError):
            process_photo(source, tmp_path / "cache")


def test_missing_file_is_a_message(tmp_path: Path) -> None:
    assert check_photo(tmp_path / "gone.jpg") == "could not be read: No such file or directory"


# --- determinism and cache --------------------------------------------------------------------


def test_same_source_gives_identical_bytes_and_names(tmp_path: Path) -> None:
    source = save(picture((700, 500)), tmp_path / "a.jpg", "JPEG", exif=secret_exif())
    first = process_photo(source, tmp_path / "one")
    second = process_photo(source, tmp_path / "two")
    assert first.key == second.key
    for a, b in zip(first.files(), second.files(), strict=True):
        assert a.name == b.name and a.path != b.path
        assert a.path.read_bytes() == b.path.read_bytes()
    names = [f.name for f in first.files()]
    assert re.fullmatch(r"[0-9a-f]{16}-card-360x450\.webp", names[0])
    assert re.fullmatch(r"[0-9a-f]{16}-large-700x500\.jpg", names[3])
    assert names[0][:16] == names[1][:16] != names[2][:16] == names[3][:16]


def test_cache_hit_decodes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = save(picture((640, 480)), tmp_path / "a.png", "PNG")
    cache = tmp_path / "cache"
    first = process_photo(source, cache)
    assert (cache / f"{first.key}.json").is_file()

    def refuse(*args: object, **kwargs: object) -> Any:
        raise AssertionError("decoded although cached")

    with monkeypatch.context() as patch:
        patch.setattr(Image, "open", refuse)
        patch.setattr(photos, "_decode", refuse)
        assert process_photo(source, cache) == first
        stats = PhotoStats()
        assert process_photos([source], cache, stats=stats) == {source: first}
        assert (stats.cached, stats.processed) == (1, 0)

    old_names = {p.name for p in first.files()}
    with monkeypatch.context() as patch:
        patch.setattr(photos, "CACHE_VERSION", "photos-test")  # new settings, same content
        bumped = process_photo(source, cache)
    assert bumped.key != first.key and old_names.isdisjoint(p.name for p in bumped.files())

    save(picture((640, 480), seed=1), source, "PNG")  # new content, same file name
    changed = process_photo(source, cache)
    assert changed.key not in (first.key, bumped.key)
    assert old_names.isdisjoint(p.name for p in changed.files())


def test_damaged_cache_entry_is_rebuilt(tmp_path: Path) -> None:
    source = save(picture((300, 300)), tmp_path / "a.png", "PNG")
    cache = tmp_path / "cache"
    first = process_photo(source, cache)
    first.large_webp.path.unlink()
    first.card_jpeg.path.write_bytes(b"partial")
    assert process_photo(source, cache) == first
    assert opened_size(first.large_webp.path) == (300, 300)
    assert opened_size(first.card_jpeg.path) == (360, 450)


def test_pool_matches_inline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pools: list[int | None] = []

    class SpyPool(ProcessPoolExecutor):
        def __init__(self, max_workers: int | None = None) -> None:
            pools.append(max_workers)
            super().__init__(max_workers)

    monkeypatch.setattr(photos, "ProcessPoolExecutor", SpyPool)
    sources = [save(picture((500, 400), i), tmp_path / f"p{i}.png", "PNG") for i in range(3)]
    twin = tmp_path / "twin.png"
    twin.write_bytes(sources[0].read_bytes())  # same content under another name
    inputs = [sources[2], sources[0], twin, sources[1], sources[2]]

    inline_stats, pool_stats = PhotoStats(), PhotoStats()
    inline = process_photos(inputs, tmp_path / "inline", workers=1, stats=inline_stats)
    assert pools == []  # workers=1: no pool
    pooled = process_photos(inputs, tmp_path / "pooled", workers=2, stats=pool_stats)
    assert pools == [2]

    assert list(inline) == list(pooled) == [sources[2], sources[0], twin, sources[1]]
    assert inline[twin] == inline[sources[0]]
    assert (inline_stats.cached, inline_stats.processed) == (0, 3)
    assert (pool_stats.cached, pool_stats.processed) == (0, 3)
    for path in inline:
        assert inline[path].key == pooled[path].key
        for a, b in zip(inline[path].files(), pooled[path].files(), strict=True):
            assert (a.name, a.width, a.height) == (b.name, b.width, b.height)
            assert a.path.read_bytes() == b.path.read_bytes()

    again = PhotoStats()
    assert process_photos(inputs, tmp_path / "pooled", workers=2, stats=again) == pooled
    assert (again.cached, again.processed) == (3, 0)


def test_pool_reports_a_bad_photo(tmp_path: Path) -> None:
    good = [save(picture((200, 200), i), tmp_path / f"g{i}.png", "PNG") for i in range(2)]
    bad = tmp_path / "bad.jpg"
    bad.write_text("nope")
    with pytest.raises(PhotoError) as caught:
        process_photos([*good, bad], tmp_path / "cache", workers=2)
    assert caught.value.path == bad
    assert caught.value.message == "is not a JPEG, PNG or WebP image"
