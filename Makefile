# Porth: `make run` sets everything up and serves on http://127.0.0.1:$(PORT); `make test` runs every test.
# `make help` lists the rest.

SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8000
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
SASS := node_modules/.bin/sass
GOVUK := node_modules/govuk-frontend/dist/govuk
BUILD := static/build
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help run test test-postgres fuzz kill-test lint format bench messages assets setup browser clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

run: $(VENV)/.runtime $(BUILD)/.stamp locale/cy/LC_MESSAGES/django.mo var/static/.stamp ## Set up everything (first time) and serve Porth on http://127.0.0.1:$(PORT)
	$(MANAGE) setup_local
	@echo "Porth is at http://127.0.0.1:$(PORT)/ (Welsh: http://127.0.0.1:$(PORT)/cy/)"
	PORT=$(PORT) scripts/serve

setup: $(VENV)/.runtime $(BUILD)/.stamp locale/cy/LC_MESSAGES/django.mo var/static/.stamp ## Install dependencies, build assets, migrate and load data
	$(MANAGE) setup_local

# Collected (fingerprinted, compressed) static files, redone only when the built assets change.
var/static/.stamp: $(BUILD)/.stamp $(VENV)/.runtime
	$(MANAGE) collectstatic --noinput -v 0
	mkdir -p $(@D) && touch $@

test: $(VENV)/.dev $(BUILD)/.stamp locale/cy/LC_MESSAGES/django.mo browser ## Run the whole suite (unit, integration, browser) on SQLite
	$(VENV)/bin/pytest

# On PostgreSQL everything but the browser journeys and the demo load: both talk to the database only through
# code the rest of the suite runs there, and leaving them out keeps CI well inside its time.
test-postgres: $(VENV)/.dev $(BUILD)/.stamp locale/cy/LC_MESSAGES/django.mo ## Run the suite on PostgreSQL, browser journeys and demo load aside (a throwaway server unless DATABASE_URL is set)
	scripts/with-postgres $(VENV)/bin/pytest -m "not browser and not demo"

fuzz: $(VENV)/.dev locale/cy/LC_MESSAGES/django.mo ## Fuzz the JSON API (schemathesis, about 2,000 calls); any server error fails
	scripts/api-fuzz

kill-test: $(VENV)/.dev locale/cy/LC_MESSAGES/django.mo ## Kill the server mid-writes; every acknowledged write must survive
	$(PY) scripts/kill_test.py

lint: $(VENV)/.dev ## Check formatting and lint rules
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

format: $(VENV)/.dev ## Format the code
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(VENV)/.dev $(BUILD)/.stamp locale/cy/LC_MESSAGES/django.mo ## Run the benchmarks (ratios against the floor view)
	$(PY) bench/routing.py
	$(PY) bench/pages.py
	$(PY) bench/frontdoor.py
	$(PY) bench/portfolio.py
	$(PY) bench/similarity.py
	$(PY) bench/insight.py
	$(PY) bench/skills.py
	$(PY) bench/capability.py

messages: $(VENV)/.dev ## Extract the Welsh catalogue and compile it
	$(MANAGE) makemessages -l cy --no-obsolete --no-location --ignore=node_modules --ignore=.venv --ignore=var
	$(MANAGE) makemessages -l cy -d djangojs --no-obsolete --no-location --ignore=node_modules --ignore=.venv \
		--ignore=var --ignore=static --ignore=e2e
	$(MANAGE) compilemessages -l cy --ignore=.venv --ignore=node_modules

# Eurfa, the Welsh–English dictionary similar projects read to meet Welsh and English words (Debian's package).
EURFA := /usr/share/dictd/freedict-cym-eng.index

$(VENV)/.runtime: requirements.txt $(EURFA)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: $(BUILD)/.stamp ## Build the front-end assets

$(BUILD)/.stamp: node_modules/.stamp $(wildcard static/src/*)
	mkdir -p $(BUILD)/assets
	$(SASS) --load-path=node_modules --style=compressed --no-source-map static/src/porth.scss $(BUILD)/porth.css
	cp $(GOVUK)/govuk-frontend.min.js $(GOVUK)/govuk-frontend.min.js.map $(BUILD)/
	cp -r $(GOVUK)/assets/images $(BUILD)/assets/
	cp static/src/porth-icon.svg static/src/favicon.ico static/src/porth-autocomplete.js static/src/porth-similar.js $(BUILD)/
	cp static/src/porth-js-enabled.js static/src/porth-init.js $(BUILD)/
	cp node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js \
	   node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js.map \
	   node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.css \
	   node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.css.map $(BUILD)/
	touch $@

# compilemessages compiles both catalogues (djangojs.mo too) whenever either changes.
locale/cy/LC_MESSAGES/django.mo: locale/cy/LC_MESSAGES/django.po locale/cy/LC_MESSAGES/djangojs.po $(VENV)/.runtime
	command -v msgfmt >/dev/null || apt-get install -y gettext
	$(MANAGE) compilemessages -l cy --ignore=.venv --ignore=node_modules -v 0

$(EURFA):
	apt-get install -y dict-freedict-cym-eng || (apt-get update && apt-get install -y dict-freedict-cym-eng)

browser: ## Install Debian's Chromium for the browser tests when missing (no browser download)
	@test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)

clean: ## Remove the virtual environment, built assets and local data
	rm -rf $(VENV) node_modules $(BUILD) var
