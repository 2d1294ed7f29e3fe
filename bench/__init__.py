"""The benchmark: `make bench N=1000` builds a synthetic project of N cases and reports timings.

Not a test: it measures the speed and size targets (warm build overhead next to MkDocs, the
rebuild after one edit, parallel photo processing, memory, site and search index size) and issue
14's search figures (Pagefind's time and memory, the header search box in a throttled Chromium,
the listing page's weight) on the machine it runs on, and prints them as Markdown tables for the
README's Performance section.
"""
