"""The open data: the public view as files for machines.

Takes in the public view (`public`), the publication settings and the cases' git dates; gives
out each case's API record (`datafiles.api_case`, in the shape of `apimodel`) and every data
file under docs/ by its path (`datafiles.data_files`): the JSON API with its JSON Schema,
cases.csv (`tables`), the Atom and JSON change feeds (`feeds`), the FollowTheMoney export
(`ftm`), the JSON Schemas of the editors' files, and the redirect pages of renamed cases (from
templates/). May import `public`, `source`, `photos` and `files`; never `pages`, which sits
beside it.
"""
