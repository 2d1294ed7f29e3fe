"""Photos: checked for editors, then published in two sizes with no metadata.

Takes in image files and a cache folder; gives out the problem with a photo, if any
(`photo.check_photo`), and its processed sizes in WebP and JPEG under content-addressed names
(`photo.process_photo`; `photoset.survey` does every photo of a project at once, on every core,
and remembers unchanged files). `portraits` draws the plainly synthetic sample portraits, for
the sample cases, the tests and the benchmark. Knows nothing of cases or settings: may import
`files` only.
"""
