"""The editors' files, read and checked: the first stage.

Takes in what editors write and commit: cases/*/case.yaml and cases/publication.yaml, read as
strict YAML (`yamlsrc`) into pydantic models (`model`, by `loader`), the photos they name, and
the git history of cases/ (`gitdates`). Gives out the loaded project, every mistake at once as a
`errors.Problem` with its file, line and field (`checks` for the rules beyond the schema), the
JSON Schemas of the editors' files (`schema`), and what editors' text may hold and how it is
made safe in Markdown and HTML (`text`). Nothing here decides what is published. May import
`photos` (a photo is checked by processing it) and `files`, nothing above.
"""
