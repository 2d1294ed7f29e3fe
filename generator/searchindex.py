"""The search index: Pagefind run over the built site, after MkDocs.

Pagefind (installed by pip as `pagefind[extended]`, its binary in the wheel
`pagefind_bin_extended`) reads every HTML page of the built site and writes a chunked index into
`<site>/pagefind/`, which the browser fetches piece by piece (`docs/assets/search.js`). What it
indexes is decided by the generator's templates: only case pages carry `data-pagefind-body`, so
every other page is left out, and inside a case page the parts marked `data-pagefind-ignore` are
left out too (see `generator/pages/templates/case.md.j2`). Hidden document numbers and withdrawn
cases never reach the HTML, so they never reach the index either.

The extended binary segments Chinese text into words, but only in an index whose language is
Chinese; the site's pages say `lang="en"`, so the language is forced: one index in which Chinese
is segmented and nothing is stemmed (no English stemmer, which would also mangle names).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"  # the index's folder inside the site
LANGUAGE = "zh"


class IndexFailed(Exception):
    """Pagefind failed; the message holds its output."""


def index_site(site: Path) -> str:
    """Index the built site in place (`site/pagefind/`); returns Pagefind's summary lines."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--output-subdir",
        BUNDLE,
        "--force-language",
        LANGUAGE,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or "Error" in done.stdout:
        raise IndexFailed((done.stdout + done.stderr).strip())
    return done.stdout
