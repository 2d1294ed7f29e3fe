"""The site's pages: the public view as Markdown for MkDocs.

Takes in the public view (`public`), the publication settings and the cases' git dates; gives
out the text of every generated page by its path under docs/: the home page, the listing, each
case page and the cards (`render`, from the Jinja2 templates in templates/), the pages of
countries, named lists, returns and whereabouts (`discovery`), and the statistics page
(`statistics`, drawn by `charts` as HTML bars with the same numbers in a table). Every value an
editor wrote passes through `source.text.esc`. May import `public`, `source`, `photos` and
`files`; never `opendata`, which sits beside it.
"""
