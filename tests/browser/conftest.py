"""Real-browser fixtures: the sample site built by MkDocs, served on loopback, driven in Chromium;
and a synthetic project of 1,000 cases (bench/corpus.py), built and served the same way.

Chromium is Debian's (/usr/bin/chromium, installed by `make test`); Playwright never downloads a
browser. Every page a test opens records console errors and any request to another host, and
the test fails on either.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright, Route, sync_playwright

from bench.browser import serve
from bench.corpus import make_corpus
from tests.test_site import mkdocs_build

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SCALE_CASES = 1000  # the synthetic project of the search suite at scale


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving(site: Path, port: int) -> Iterator[str]:
    """A built site served on loopback for as long as the block runs; yields its address."""
    with serve(site, port) as address:
        yield address + "/"


@pytest.fixture(scope="session")
def site_url(sample_copy: Path) -> Iterator[str]:
    """The sample site, built for and served at http://127.0.0.1:<port>/."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    os.environ["SITE_URL"] = url
    try:
        result = mkdocs_build(sample_copy, "site-browser")
    finally:
        del os.environ["SITE_URL"]
    assert result.returncode == 0, result.stderr
    with serving(sample_copy / "site-browser", port) as served:
        yield served


@pytest.fixture(scope="session")
def scale_project(tmp_path_factory: pytest.TempPathFactory, scale_port: int) -> Iterator[Path]:
    """A synthetic project of SCALE_CASES cases (bench/corpus.py: names that repeat and collide,
    numbers that share prefixes and endings), built by the real MkDocs with the hook, so with
    Pagefind. Without photos or posters, which search does not need and which would take minutes
    rather than seconds (about 20 s in all on two cores). Removed at the end (8,000 files)."""
    folder = tmp_path_factory.mktemp("scale")
    root = folder / "project"
    make_corpus(root, SCALE_CASES, photos=False)
    settings = root / "cases" / "publication.yaml"
    text = re.sub(r"(?m)^posters:.*\n", "", settings.read_text("utf-8"))
    settings.write_text(text + "posters: false\n", "utf-8")
    # Built for the address it is served at, as the sample is: Material's scripts fetch the
    # sitemaps of the editions from the site's address.
    os.environ["SITE_URL"] = f"http://127.0.0.1:{scale_port}/"
    try:
        result = mkdocs_build(root)
    finally:
        del os.environ["SITE_URL"]
    assert result.returncode == 0, result.stderr
    yield root
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def scale_port() -> int:
    return _free_port()


@pytest.fixture(scope="session")
def scale_site_url(scale_project: Path, scale_port: int) -> Iterator[str]:
    """The synthetic project's site, served at http://127.0.0.1:<port>/."""
    with serving(scale_project / "site", scale_port) as served:
        yield served


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), (
        "Debian's chromium is missing: run `make test`, which installs it"
    )
    launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield launched
    launched.close()


class Watched:
    """A page plus what it did wrong: console errors, failed loads, requests to other hosts."""

    def __init__(self, page: Page, site_url: str) -> None:
        self.page = page
        self.errors: list[str] = []
        self.foreign: list[str] = []
        origin = urlsplit(site_url).netloc
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def guard(route: Route) -> None:
            url = route.request.url
            if url.startswith(("data:", "blob:")) or urlsplit(url).netloc == origin:
                route.continue_()
            else:
                self.foreign.append(url)
                route.abort()

        page.route("**/*", guard)

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def viewport(request: pytest.FixtureRequest) -> dict[str, int]:
    return dict(request.param)


@pytest.fixture
def watched(browser: Browser, site_url: str) -> Iterator[Watched]:
    """A fresh desktop page; the test fails if it logged errors or reached another host."""
    yield from _watched(browser, site_url, DESKTOP)


@pytest.fixture
def watched_phone(browser: Browser, site_url: str) -> Iterator[Watched]:
    """Like `watched`, at a phone width (390 px)."""
    yield from _watched(browser, site_url, PHONE)


@pytest.fixture
def watched_at(browser: Browser, site_url: str, viewport: dict[str, int]) -> Iterator[Watched]:
    """Like `watched`, once at a desktop width and once at a phone width (390 px)."""
    yield from _watched(browser, site_url, viewport)


def _watched(browser: Browser, site_url: str, size: dict[str, int]) -> Iterator[Watched]:
    context = browser.new_context(viewport=size, base_url=site_url, service_workers="block")
    page = context.new_page()
    page.set_default_timeout(15_000)
    watch = Watched(page, site_url)
    yield watch
    context.close()
    assert watch.errors == [], (watch.errors, watch.foreign)
    assert watch.foreign == [], watch.foreign
