# Two commands matter: `make site` builds the site from cases/, `make test` checks everything.
# Both start from a machine with only python3, make and git: they make .venv themselves.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

export NO_MKDOCS_2_WARNING := 1
export PYTHONHASHSEED := 0
# Reproducible output: dates in the site come from the last commit, not from the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)
export SOURCE_DATE_EPOCH

.PHONY: site serve validate generate test lint bench clean distclean

$(BIN)/.site-deps: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(BIN)/.test-deps: $(BIN)/.site-deps requirements-dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

## site: validate the cases, generate the pages and build site/ (the last good site stays on failure)
site: $(BIN)/.site-deps
	rm -rf .build/site
	$(BIN)/mkdocs build --quiet --strict --site-dir .build/site
	rm -rf .build/site.old
	if [ -d site ]; then mv site .build/site.old; fi
	mv .build/site site
	rm -rf .build/site.old
	@echo "site/ built: $$(find site -type f | wc -l) files, $$(du -sh site | cut -f1)"

## serve: live preview on http://127.0.0.1:8000 that rebuilds when a case or photo changes
serve: $(BIN)/.site-deps
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --livereload

## validate: check every case and report every error
validate: $(BIN)/.site-deps
	$(BIN)/python -m generator validate

## generate: write the generated pages into docs/ without building the site
generate: $(BIN)/.site-deps
	$(BIN)/python -m generator build

## lint: ruff and mypy over the code
lint: $(BIN)/.test-deps
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy

## test: lint, then the whole test suite (it builds real sites in temporary folders)
test: lint
	$(BIN)/pytest

## bench: time cold, warm and one-edit builds of N synthetic cases (make bench N=1000)
N ?= 200
bench: $(BIN)/.site-deps
	$(BIN)/python -m bench $(N)

## clean: remove build output and generated pages (keeps .venv)
clean:
	rm -rf site .build .cache docs/index.md docs/cases docs/photos docs/.generated.json

distclean: clean
	rm -rf $(VENV)
