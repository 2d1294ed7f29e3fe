"""The public view: what may be shown of the cases, and how the shown cases group.

Takes in the loaded cases and settings (`source`) and the processed photos (`photos`); gives out
a `publish.Published` for every case that may be shown (withdrawn cases dropped, document
numbers under their policy, photos processed) and a nameless `publish.Removal` for every
withdrawn one, the words for codes (`names`: statuses, return methods, country names), the
groupings of the shown cases (`facets`: filters, countries, lists, returns) and the extra search
words of each (`searchterms`). The stages above read cases only through this view, so the
privacy rules live here alone. May import `source`, `photos` and `files`.
"""
