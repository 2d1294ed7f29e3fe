"""The header search box timed in a real browser, as a phone would run it (issue 14).

The built site is served on loopback by a small threaded HTTP server (plain files, no
compression) and a case page is opened in Debian's Chromium (/usr/bin/chromium, driven by
Playwright; no tool downloads a browser), with the CPU slowed down 4 times through the DevTools
protocol (`Emulation.setCPUThrottlingRate`). As soon as the page's load event has fired, a query
is typed into the header's search box; the page itself notes when the first result appears in the
list, so the time is measured on the page's clock, from the load event to that moment. Every
query runs in a new browser context, with an empty cache, so each is a visitor's first search.

Bytes fetched are what the search loaded after the load event until the first result: every file
of Pagefind's bundle (`pagefind/`: its scripts, the WebAssembly, the index chunks and fragments)
requested after the load event and received before the first result; the result thumbnails,
requested when the results are drawn, are not counted. A file's bytes are its size on disk, which
is what the server sends; beside them, the bytes if a server gzip-compressed the files that are
not compressed already (Pagefind's index chunks and fragments are).
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from bench.queries import Query
from generator.searchindex import BUNDLE

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
THROTTLING = 4  # CPU slowdown rate, as CDP's Emulation.setCPUThrottlingRate takes it
VIEWPORT = {"width": 1280, "height": 900}  # wide enough for the header's search box to show
BOX = "#mw-search-input"
TIMEOUT_MS = 120_000

# Runs in the page before its own scripts: notes, on the page's clock, when the results list
# first holds a result.
WATCH_RESULTS = """
addEventListener("DOMContentLoaded", () => {
  const list = document.querySelector(".mw-search__list");
  if (!list) return;
  new MutationObserver((_, observer) => {
    if (list.querySelector("li")) {
      window.__firstResult = performance.now();
      observer.disconnect();
    }
  }).observe(list, {childList: true});
});
"""
# The load event and the first result in milliseconds since the epoch, and the result links.
MARKS = """() => {
  const navigation = performance.getEntriesByType("navigation")[0];
  return {
    load: performance.timeOrigin + navigation.loadEventStart,
    first: performance.timeOrigin + window.__firstResult,
    links: [...document.querySelectorAll(".mw-search__list a")].map(a => a.pathname),
  };
}"""


@dataclass(frozen=True)
class Searched:
    """One query typed into the search box of a freshly loaded case page."""

    query: Query
    seconds: float  # from the page's load event to the first result in the list
    fetched: int  # bytes of Pagefind's files fetched after the load event until the first result
    fetched_gzip: int  # the same files' bytes if served gzip-compressed where they are not
    files: int  # how many files that was
    rank: int | None  # the query's case among the results shown (1 = first), None if absent


@dataclass(frozen=True)
class SearchFigures:
    """The browser part of the benchmark: the page loaded and each query's figures."""

    page: str  # path of the case page loaded, e.g. /cases/<id>/
    searches: tuple[Searched, ...]


def unavailable() -> str:
    """Why the browser part cannot run here, or "" when it can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (`make test` installs Debian's chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed (it is in requirements-dev.lock)"
    return ""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path, port: int = 0) -> Iterator[str]:
    """Serve site on loopback, on port (a free one by default), for as long as the block runs;
    yields its address, http://127.0.0.1:<port>. The browser tests serve their sites with it."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@functools.cache
def _sizes(path: Path) -> tuple[int, int]:
    """A file's bytes as sent, and if gzip-compressed (itself, when it is compressed already)."""
    data = path.read_bytes()
    return len(data), len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


def _search(browser: Any, site: Path, url: str, query: Query) -> Searched:
    """Open url in a new context with the CPU throttled, type the query, wait for a result."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        finished: list[Any] = []
        context.on("requestfinished", lambda request: finished.append(request))  # workers too
        page = context.new_page()
        page.add_init_script(WATCH_RESULTS)
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": THROTTLING})
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        page.fill(BOX, query.text, timeout=TIMEOUT_MS)
        page.wait_for_function("() => window.__firstResult !== undefined", timeout=TIMEOUT_MS)
        marks = page.evaluate(MARKS)
        page.wait_for_timeout(250)  # let the protocol deliver the last responses' events
        sent = fetched = squeezed = 0
        for request in finished:
            path = unquote(urlsplit(request.url).path)
            timing = request.timing
            done = timing["startTime"] + max(timing["responseEnd"], 0.0)
            # Pagefind's bundle of any edition: /pagefind/..., /zh/pagefind/...
            if f"/{BUNDLE}/" not in path or timing["startTime"] < marks["load"]:
                continue
            if done > marks["first"] + 1:  # a millisecond's leeway between the two clocks
                continue
            size, small = _sizes(site / path.lstrip("/"))
            sent, fetched, squeezed = sent + 1, fetched + size, squeezed + small
        links = [link.rstrip("/").rsplit("/", 1)[-1] for link in marks["links"]]
        rank = links.index(query.case) + 1 if query.case in links else None
        seconds = (marks["first"] - marks["load"]) / 1000
        return Searched(query, seconds, fetched, squeezed, sent, rank)
    finally:
        context.close()


def measure_search(site: Path, page: str, queries: list[Query]) -> SearchFigures:
    """Time each query on a fresh load of the case page at path page (after one untimed run
    that warms Chromium and the file cache)."""
    from playwright.sync_api import sync_playwright  # only when the browser part runs

    with serve(site) as base, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            _search(browser, site, base + page, queries[0])
            found = [_search(browser, site, base + page, query) for query in queries]
        finally:
            browser.close()
    return SearchFigures(page, tuple(found))
