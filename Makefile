# Two commands matter: `make site` builds the site from cases/, `make test` checks everything.
# Both start from a machine with only python3, make and git: they make .venv themselves.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

export NO_MKDOCS_2_WARNING := 1
export PYTHONHASHSEED := 0
# jieba, imported by Material's search plugin, warns that pkg_resources is deprecated: not ours.
export PYTHONWARNINGS := ignore:pkg_resources is deprecated:UserWarning
# Reproducible output: dates in the site come from the last commit, not from the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)
export SOURCE_DATE_EPOCH

.PHONY: site serve validate generate new review hooks test lint bench clean distclean translations

# Browser tests drive Debian's Chromium through Playwright; no tool downloads a browser.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(BIN)/.site-deps: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(BIN)/.test-deps: $(BIN)/.site-deps requirements-dev.lock
	@# followthemoney needs pyicu, which compiles against ICU: install its headers when missing.
	pkg-config --exists icu-i18n 2>/dev/null || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config g++; }
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

# Posters need Pango (WeasyPrint) and Noto Sans CJK (Chinese and pinyin tone marks) from Debian.
# Checked on every run, Pango too: Chromium's install brings the font without PangoFT2.
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
.PHONY: poster-libraries
poster-libraries:
	@[ -f $(CJK_FONT) ] && $(PYTHON) -c "import ctypes.util as u, sys; \
		sys.exit(not u.find_library('pangoft2-1.0'))" || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0; }

## site: validate the cases, generate the pages and build site/ (the last good site stays on failure)
site: $(BIN)/.site-deps poster-libraries
	rm -rf .build/site
	@# The default edition first: its hook generates every edition's pages and configuration.
	$(BIN)/mkdocs build --quiet --strict --site-dir .build/site
	@cp .cache/generated.fingerprint .build/generation 2>/dev/null || rm -f .build/generation
	$(BIN)/python -m generator editions | while read -r language config; do \
		[ "$$config" = mkdocs.yml ] || \
		$(BIN)/mkdocs build --quiet --strict -f "$$config" --site-dir ".build/site/$$language"; \
	done
	@# Every edition from one generation: a case saved between two editions' builds would
	@# otherwise give an English page and a Chinese page that disagree.
	@cmp -s .cache/generated.fingerprint .build/generation || { echo "A case, a photo or the generator changed while the site was being built, so its editions could disagree: site/ is left as it was. Run make site again." >&2; exit 1; }
	rm -rf .build/site.old
	if [ -d site ]; then mv site .build/site.old; fi
	mv .build/site site
	rm -rf .build/site.old
	@echo "site/ built: $$(find site -type f | wc -l) files, $$(du -sh site | cut -f1)"
	@# One line, once: without SITE_URL, feeds, sitemap and canonical links name a placeholder.
	@[ -n "$${SITE_URL:-}" ] || echo "Note: SITE_URL is not set, so feeds, sitemap, canonical links, redirects, share previews and the QR codes on the posters point to the placeholder in mkdocs.yml; set SITE_URL=https://your.site/ to publish (docs/guide.md, \"The site's address\")."

## serve: live preview on http://127.0.0.1:8000 that rebuilds when a case or photo changes;
## invalid cases are listed in the terminal and on every page, over the last good version.
## One edition at a time: the default, or EDITION=zh (its mkdocs.zh.yml comes from a build)
SERVE_ADDR ?= 127.0.0.1:8000
EDITION ?=
serve: $(BIN)/.site-deps poster-libraries
	@[ -z "$(EDITION)" ] || [ -f mkdocs.$(EDITION).yml ] || $(BIN)/python -m generator build
	SITE_URL=http://$(SERVE_ADDR)/ $(BIN)/mkdocs serve --livereload --no-strict --dev-addr $(SERVE_ADDR) \
		$(if $(EDITION),-f mkdocs.$(EDITION).yml)

## validate: check every case and report every error
validate: $(BIN)/.site-deps
	$(BIN)/python -m generator validate

## generate: write the generated pages into docs/ without building the site
generate: $(BIN)/.site-deps poster-libraries
	$(BIN)/python -m generator build

## new: create cases/<id>/case.yaml to fill in: make new NAME="WANG Jianguo" [ID=wang-jianguo]
new: export NAME := $(NAME)
new: export ID := $(ID)
new: $(BIN)/.site-deps
	@test -n "$$NAME" || { echo 'usage: make new NAME="WANG Jianguo" [ID=wang-jianguo]' >&2; exit 2; }
	$(BIN)/python -m generator new "$$NAME" $${ID:+--id "$$ID"}

## review: what the public site will change compared with BASE (default main); FORMAT=markdown
BASE ?= main
FORMAT ?= text
review: $(BIN)/.site-deps
	$(BIN)/python -m generator review --base "$(BASE)" --format "$(FORMAT)"

## translations: extract the site's words (templates and code, babel.cfg) into
## generator/locales/messages.pot and update the catalog of every edition but the default,
## generator/locales/<language>/LC_MESSAGES/messages.po (created when missing); translators edit
## the .po files, which every build compiles. Run twice, it changes nothing: no dates, no wrapping,
## no fuzzy guesses (a new message stays untranslated, so English, until a translator fills it).
LOCALES := generator/locales
translations: $(BIN)/.site-deps
	mkdir -p $(LOCALES)
	$(BIN)/pybabel --quiet extract --mapping-file babel.cfg --keywords NP_:1,2 \
		--add-comments Translators: --no-wrap --project "Most Wanted" \
		--header-comment "$$(printf '# The words of the Most Wanted site, in English: make translations writes it.\n#')" \
		--output-file $(LOCALES)/messages.pot generator
	$(BIN)/python -m generator editions | while read -r language config; do \
		if [ "$$config" != mkdocs.yml ]; then \
			$(BIN)/pybabel --quiet update --init-missing --no-wrap --no-fuzzy-matching \
				--ignore-obsolete --input-file $(LOCALES)/messages.pot --locale "$$language" \
				--output-file "$(LOCALES)/$$language/LC_MESSAGES/messages.po"; \
		fi; \
	done
	@# The dates Babel writes change on every run: the catalogs keep none.
	sed -i -e '/^"POT-Creation-Date: /d' -e '/^"PO-Revision-Date: /d' \
		$(LOCALES)/messages.pot $(LOCALES)/*/LC_MESSAGES/messages.po
	@echo "$$(($$(grep -c '^msgid ' $(LOCALES)/messages.pot) - 1)) messages in $(LOCALES)/messages.pot"

## hooks: install the git pre-commit hooks (.pre-commit-config.yaml)
hooks: $(BIN)/.test-deps
	$(BIN)/pre-commit install

## lint: ruff, mypy, yamllint over the YAML, actionlint over the GitHub workflows
lint: $(BIN)/.test-deps
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy
	$(BIN)/yamllint --strict .
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/actionlint  # with shellcheck from the venv

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		chromium fonts-noto-cjk

# The poster tests read PDFs with poppler (pdftotext, pdfinfo, pdftoppm) and QR codes with zbar.
PDF_TOOLS := /usr/bin/pdftotext /usr/bin/zbarimg
$(PDF_TOOLS):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		poppler-utils zbar-tools

# Node runs the site's own search code over a built index, without a browser.
NODE := /usr/bin/node
$(NODE):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs

## test: lint, then the whole test suite (real MkDocs builds, real Chromium)
test: lint $(CHROMIUM) $(NODE) poster-libraries $(PDF_TOOLS)
	$(BIN)/pytest

## bench: time cold, warm and one-edit builds of N synthetic cases, and search in Chromium
## (make bench N=1000; BENCH_ARGS="--repeat 1 --no-posters", see python -m bench --help)
N ?= 200
BENCH_ARGS ?=
bench: $(BIN)/.test-deps $(CHROMIUM) poster-libraries
	$(BIN)/python -m bench $(N) $(BENCH_ARGS)

## clean: remove build output and generated pages (keeps .venv)
clean:
	rm -rf site .build .cache docs/index.md docs/cases docs/photos docs/.generated.json
	rm -rf docs/api docs/ftm docs/schema docs/cases.csv docs/feed.xml docs/feed.json
	rm -rf docs/countries docs/lists docs/returned docs/statistics docs/whereabouts
	rm -rf docs/corrections docs/posters docs/share

distclean: clean
	rm -rf $(VENV)
