"""Posters and share images: what carries a case beyond the website, on paper and in chats.

Takes the public view (`public.Published`), the settings, each case's page address and date,
and gives out files for docs/: a PDF poster per case and paper size (`posters/<id>-a4.pdf`,
`posters/<id>-letter.pdf`, drawn by WeasyPrint) and a 1200 x 630 share image per case
(`share/<id>.jpg`, drawn by Pillow), plus `share/site.jpg` for pages without a case. Each file
is made once for its inputs and kept in a cache outside docs/. May import `public`, `source`,
`photos` and `files`; never `pages` or `opendata`, its neighbours.
"""
