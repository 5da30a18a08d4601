# Intersector: `make run` sets up and serves the app, `make test` sets up and runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1:8000

.PHONY: install install-dev system-packages run serve test lint migrate clean benchmark check-seeds

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Runtime packages (pinned in requirements.txt) and front-end assets (pinned in package-lock.json).
$(VENV)/.installed: $(BIN)/python requirements.txt package.json package-lock.json
	$(BIN)/python -m pip install --quiet -r requirements.txt
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev system-packages

# Debian's Chromium drives the browser tests; poppler-utils turns reports into page images.
# Installed with apt-get when run as root and missing.
system-packages:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = "0" ]; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	elif [ -n "$$missing" ]; then \
		echo "Missing Debian packages:$$missing (install them as root for the browser tests)"; \
	fi

migrate: install
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable

run: migrate
	$(MANAGE) seed_demo
	$(MANAGE) runserver $(HOST)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

test: lint
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest

# Compares the toolkit's text with its source, which lies outside the repository
# (../shared/seeds, or INTERSECTOR_SEEDS=folder). CI runs it; `make test` does not need it.
check-seeds: install-dev
	$(BIN)/pytest seedcheck

# Times the report's PDF for a fully filled collaboration, through the app and with
# WeasyPrint alone; builds its data in a throwaway database. Not part of `make test`.
benchmark: install
	$(MANAGE) report_benchmark

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3*
