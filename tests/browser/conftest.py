"""Real-browser fixtures: the sample site built by MkDocs, served on loopback, driven in Chromium.

Chromium is Debian's (/usr/bin/chromium, installed by `make test`); Playwright never downloads a
browser. Every page a test opens records console errors and any request to another host, and
the test fails on either.
"""

from __future__ import annotations

import functools
import os
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright, Route, sync_playwright

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


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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
    handler = functools.partial(_QuietHandler, directory=str(sample_copy / "site-browser"))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    server.server_close()


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
    assert watch.errors == [], watch.errors
    assert watch.foreign == [], watch.foreign
