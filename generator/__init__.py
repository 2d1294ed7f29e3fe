"""Most-wanted site generator: validated YAML cases and photos to Markdown for MkDocs."""
