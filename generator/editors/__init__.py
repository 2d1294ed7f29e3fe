"""The editors' tools around a build: `make new`, `make review`, and `make serve`'s preview.

Takes in the editors' working tree, a base branch to compare with, and the outcome of a build;
gives out a new case folder with a commented case.yaml to fill in (`scaffold`, from
templates/case.yaml.tmpl), what the public site will change compared with the base branch
(`review`, compared by `review_compare`, written as text or Markdown by `review_report`), and
what a build does with editors' mistakes: fail it, or keep the live preview going (`preview`).
These tools run the build: they may import `build` and everything below it.
"""
