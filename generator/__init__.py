"""Most-wanted site generator: validated YAML cases and photos to Markdown for MkDocs.

The generator is a pipeline and its packages are the stages. From the top down:

- `__main__`, then `cli` and `mkdocs_hook`: the commands (`python -m generator`, the hook);
- `editors`: the editors' tools around a build (a new case, a review, the live preview);
- `build`: check everything, then write docs/; `searchindex`: Pagefind over the built site;
- `pieces`: what each case adds to the outputs, remembered between builds;
- `pages` (the site's Markdown pages), `opendata` (the data files) and `posters` (PDF posters
  and share images), side by side;
- `public`: the public view of the cases, where the privacy rules are applied;
- `source`: the editors' files, read and checked;
- `photos`: photos, checked and processed;
- `files`: writing a file so that no reader sees half of it.

Imports go one way, down `LAYERS`: a module imports from its own package or from a layer below
its own, never from a layer above it nor from its neighbour in the same layer, and no two
modules import each other, however indirectly. tests/test_layers.py checks every import.
"""

# Every top-level module and package of the generator, by layer, from the top down.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__main__",),
    ("cli", "mkdocs_hook"),
    ("editors", "uptodate"),
    ("build", "searchindex"),
    ("pieces", "editionsite"),
    ("posters",),
    ("pages", "opendata"),
    ("public",),
    ("source",),
    ("photos",),
    ("files",),
)
