# The two commands a newcomer needs: `make run` and `make test`. Everything else is for developers.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: bench run test setup install migrate demo translators lint format messages check clean worker browser-deps

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_content

translators: demo
	$(BIN)/python manage.py setup_translator_groups

setup: demo translators

run: setup
	@echo "Serving the site on http://$(HOST):$(PORT)/ (admin at /admin/, APIs at /api/v2/ and /api/v3/docs/)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The browser tests' axe-core (tests/browser/package-lock.json), when npm is there. Chromium comes from Debian
# (apt-get install chromium); without it the browser tests skip and say so.
browser-deps:
	@if command -v npm >/dev/null && test ! -f tests/browser/node_modules/axe-core/axe.min.js; then \
		npm ci --prefix tests/browser --no-audit --no-fund; fi

test: setup browser-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Sends webhook deliveries and makes image renditions, both queued by publishing (README); run it beside `make run`.
worker: migrate
	$(BIN)/python manage.py db_worker --backend webhooks --queue-name webhooks,renditions

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

# One catalogue per language in locale/ (LOCALE_PATHS) for every app. The .mo files are committed, so a clone
# needs no gettext; this target (which does) refreshes both, and tests/cms/test_ui_translations.py checks they agree.
MESSAGES_IGNORE := --ignore=.venv --ignore=node_modules --ignore=tests --ignore=bench --ignore=test-artifacts
messages: install
	$(BIN)/python manage.py makemessages -l es -l fr -l ja $(MESSAGES_IGNORE)
	$(BIN)/python manage.py compilemessages -l es -l fr -l ja $(MESSAGES_IGNORE)

# Load benchmark (bench/README.md): gunicorn + wrk over a mix of pages and APIs. BENCH_QUICK=1: 100 stories, 3 s per URL.
bench: install
	$(BIN)/python bench/run.py $(if $(BENCH_QUICK),--quick,)

clean:
	rm -rf $(VENV) db.sqlite3 media test-artifacts
