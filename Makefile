# Intersector: `make run` sets up and serves the app, `make test` sets up and runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1:8000

.PHONY: install install-dev system-packages run serve test test-postgres postgres check-deploy \
	lint migrate clean benchmark check-seeds housekeeping bench catalogs messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Runtime packages (pinned in requirements.txt) and front-end assets (pinned in package-lock.json).
$(VENV)/.installed: $(BIN)/python requirements.txt package.json package-lock.json
	$(BIN)/python -m pip install --quiet -r requirements.txt
	npm ci --no-audit --no-fund --loglevel=error --ignore-scripts
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed catalogs

install-dev: $(VENV)/.installed-dev system-packages catalogs

# The translations (.po, committed) compiled to .mo (not committed) with Babel's pure-Python
# compiler: every locale/ folder of the repository, the site's and the toolkit's.
catalogs: $(VENV)/.installed
	$(BIN)/python -m toolkit_site.catalogs

# After changing text in the code or templates: gather the messages into the catalogs (the
# site's in locale/; the toolkit's, every string of the stages app, in stages/locale/), then
# translate what is new or marked fuzzy. Needs GNU gettext (Debian's `gettext`, installed by system-packages).
messages: $(VENV)/.installed
	mkdir -p stages/locale
	$(MANAGE) makemessages --locale es --no-obsolete --no-location \
		--ignore 'node_modules/*' --ignore 'staticfiles/*' --ignore 'media/*'

# Debian's Chromium drives the browser tests; poppler-utils turns reports into page images;
# gettext extracts messages (`make messages`, and the test that the catalogs are up to date);
# Java runs the Nu HTML checker (vnu-jar, from npm). Installed with apt-get when run as root
# and missing.
system-packages:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v xgettext >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = "0" ]; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	elif [ -n "$$missing" ]; then \
		echo "Missing Debian packages:$$missing (install them as root for the browser and HTML tests)"; \
	fi

migrate: install
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable

# The web server and the task worker (report PDFs, mail, reminders every 15 minutes) run side
# by side, each in its own process group; when either stops, or on Ctrl-C, both stop. Once the
# server answers, the demo sign-ins are printed below its start-up lines.
run: SHELL := /bin/bash
run: migrate
	$(MANAGE) seed_demo
	$(MANAGE) send_reminders --schedule
	@set -m; \
	$(MANAGE) db_worker --queue-name '*' --interval 1 & worker=$$!; \
	$(MANAGE) runserver $(HOST) & web=$$!; \
	$(MANAGE) demo_sign_ins --when-serving $(HOST) & banner=$$!; \
	trap 'kill -TERM -- -$$web -$$worker -$$banner 2>/dev/null; wait' EXIT; \
	trap 'exit 130' INT TERM; \
	wait -n $$web $$worker

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

test: lint
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest

# The same suite on PostgreSQL 15: installed from Debian when missing and run as root, started,
# given a role and a database (.ci/postgres). POSTGRES_DB names the database, so several
# checkouts on one machine can test side by side; the test database is `test_$(POSTGRES_DB)`.
POSTGRES_USER ?= intersector
POSTGRES_PASSWORD ?= intersector
POSTGRES_DB ?= intersector
POSTGRES_URL ?= postgres://$(POSTGRES_USER):$(POSTGRES_PASSWORD)@127.0.0.1:5432/$(POSTGRES_DB)

postgres:
	POSTGRES_USER=$(POSTGRES_USER) POSTGRES_PASSWORD=$(POSTGRES_PASSWORD) \
		POSTGRES_DB=$(POSTGRES_DB) .ci/postgres

test-postgres: install-dev postgres
	DATABASE_URL=$(POSTGRES_URL) DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest --create-db

# Django's deployment checklist against the production settings the README documents.
check-deploy: install
	DEBUG=0 SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
		ALLOWED_HOSTS=intersector.example.org \
		CSRF_TRUSTED_ORIGINS=https://intersector.example.org \
		DATABASE_URL=$(POSTGRES_URL) \
		$(MANAGE) check --deploy --fail-level WARNING

# Compares the toolkit's text with its source, which lies outside the repository
# (../shared/seeds, or INTERSECTOR_SEEDS=folder). CI runs it; `make test` does not need it.
check-seeds: install-dev
	$(BIN)/pytest seedcheck

# Times the report's PDF for a fully filled collaboration, through the app and with
# WeasyPrint alone; builds its data in a throwaway database. Not part of `make test`.
benchmark: install
	$(MANAGE) report_benchmark

# Every kind of page against the layout-only page, at 10 and 1,000 collaborations, in a
# throwaway database; prints the table and writes bench.json. Not part of `make test`.
bench: install
	$(MANAGE) bench

# What production runs daily (cron or a scheduler): expired sessions and old report PDFs.
housekeeping: install
	$(MANAGE) clearsessions
	$(MANAGE) clean_report_files
	$(MANAGE) prune_db_task_results --queue-name '*' --min-age-days 7

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3*
