"""The live preview: an invalid case never stops it, and the last good pages stay on show.

One test drives the hook functions directly; the other runs the real `make serve` on a loopback
port in a copy of the project, breaks a case, mends it, and reads the pages over HTTP.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from generator import mkdocs_hook
from generator.editors import preview
from tests.conftest import CASE, ROOT, Project

BROKEN = CASE.replace("sex: female", "sex: <b>mael</b>")
MAKE_SERVE = ["make", "--no-print-directory", "-o", ".venv/bin/.site-deps", "serve"]
ERROR = "cases/alpha/case.yaml:4: sex: expected one of male, female or unknown; got '<b>mael</b>'"


def fake_config(root: Path) -> dict[str, Any]:
    return {"config_file_path": str(root / "mkdocs.yml"), "extra": {}}


def test_hook_keeps_the_preview_going_and_fails_a_build(
    project: Project, caplog: pytest.LogCaptureFixture
) -> None:
    project.case("alpha")
    config = fake_config(project.root)
    mkdocs_hook.on_startup(command="serve", dirty=False)
    try:
        mkdocs_hook.on_pre_build(config)
        assert config["extra"][preview.EXTRA_KEY] == []
        good = (project.root / "docs/cases/alpha/index.md").read_bytes()

        project.case("alpha", BROKEN)
        with caplog.at_level(logging.ERROR, logger="mkdocs"):
            mkdocs_hook.on_pre_build(config)
        assert config["extra"][preview.EXTRA_KEY] == [ERROR]
        assert (project.root / "docs/cases/alpha/index.md").read_bytes() == good
        assert [r.getMessage() for r in caplog.records][-1] == ERROR
        assert all(r.levelno == logging.ERROR for r in caplog.records)

        project.case("alpha", CASE.replace("TEST Person", "MENDED Person"))
        mkdocs_hook.on_pre_build(config)
        assert config["extra"][preview.EXTRA_KEY] == []
        assert b"MENDED Person" in (project.root / "docs/cases/alpha/index.md").read_bytes()

        project.case("alpha", BROKEN)
        mkdocs_hook.on_startup(command="build", dirty=False)
        with pytest.raises(PluginError, match="sex: expected one of male"):
            mkdocs_hook.on_pre_build(config)
    finally:
        mkdocs_hook.on_startup(command="build", dirty=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(url: str, test: Callable[[str], bool], seconds: float = 90) -> tuple[str, float]:
    """Poll a page until `test` holds; return the page and the seconds it took."""
    started = time.monotonic()
    page = ""
    while time.monotonic() - started < seconds:
        page = fetch(url)
        if test(page):
            return page, time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError(f"{url} never reached the expected state; last page:\n{page[:2000]}")


@pytest.fixture
def serving(site_project: Project) -> Iterator[tuple[Project, str, Path]]:
    """`make serve` on a free loopback port in a copy of the project; always stopped."""
    root = site_project.root
    site_project.case("alpha")
    (root / ".venv").symlink_to(ROOT / ".venv")
    address = f"127.0.0.1:{free_port()}"
    log = root / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [*MAKE_SERVE, f"SERVE_ADDR={address}"],
            cwd=root,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
            start_new_session=True,
        )
    try:
        yield site_project, f"http://{address}", log
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=20)


def test_make_serve_shows_errors_and_recovers(serving: tuple[Project, str, Path]) -> None:
    project, base, log = serving
    page_url, guide_url = f"{base}/cases/alpha/", f"{base}/guide/"
    wait_for(page_url, lambda page: "TEST Person" in page, seconds=180)

    project.case("alpha", BROKEN)
    page, broke = wait_for(page_url, lambda page: "mw-preview-errors" in page)
    # The last good version stays, under a notice that lists the error, escaped.
    assert "TEST Person" in page and "<b>mael</b>" not in page
    assert "the cases have 1 error." in page
    assert ERROR.replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;") in page
    assert "mw-preview-errors" in fetch(guide_url)  # on every page
    assert ERROR in log.read_text("utf-8")  # and in the terminal, with file, line and field

    project.case("alpha", CASE.replace("TEST Person", "MENDED Person"))
    page, mended = wait_for(page_url, lambda page: "MENDED Person" in page)
    assert "mw-preview-errors" not in page and "mw-preview-errors" not in fetch(guide_url)
    print(f"preview: error shown {broke:.1f} s after the save, mended page {mended:.1f} s after")
