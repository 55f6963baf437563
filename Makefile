# Garda — the two commands that matter: `make run` and `make test`.
# Everything is installed into .venv; the application writes only under $(GARDA_DATA_DIR) (default var/).

SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV ?= .venv
export GARDA_DATA_DIR ?= $(CURDIR)/var

# Find a Python >= 3.12 by itself: python3.13, python3.12, a pyenv install, then python3.
# A pyenv shim can exist without working, so each candidate is actually run, not only looked up.
PYTHON ?= $(shell for c in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3 \
	$$HOME/.pyenv/versions/3.12*/bin/python3 python3; do \
	  if "$$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then \
	    echo "$$c"; break; fi; done)

GARDA := $(VENV)/bin/garda
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser)

.PHONY: help run test lint bench messages clean python-check browser-check

help:
	@echo "make run    - set up, migrate, load the demo office and serve Garda at http://127.0.0.1:8000"
	@echo "make test   - set up and run the whole test suite (unit, integration, command line, browser)"
	@echo "make lint   - ruff, mypy and the import layering (lint-imports)"
	@echo "make bench  - benchmarks, printing their figures"

python-check:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Garda needs Python 3.12 or newer and none was found (tried python3.13, python3.12,"; \
	  echo "~/.pyenv/versions/3.1[23]*/bin/python3, python3)."; \
	  echo "Install one, e.g. 'apt-get install python3.12 python3.12-venv' or 'pyenv install 3.12',"; \
	  echo "or run 'make PYTHON=/path/to/python3.12 ...'."; exit 1; fi

$(VENV)/bin/python: | python-check
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip uv

$(VENV)/.runtime: pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(VENV)/bin/python -e .
	touch $@

$(VENV)/.dev: pyproject.toml $(VENV)/.runtime
	$(VENV)/bin/uv pip install --quiet --python $(VENV)/bin/python -e '.[dev]'
	touch $@

run: $(VENV)/.runtime
	$(GARDA) migrate --noinput
	$(GARDA) demo --if-empty
	$(GARDA) serve --with-worker --host 127.0.0.1 --port 8000

# Chromium for the browser tests; Pango for the PDF letters (WeasyPrint).
browser-check:
	@if [ -z "$(CHROMIUM)" ] || ! ldconfig -p 2>/dev/null | grep -q libpangoft2; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian chromium and pango for the browser tests and the letters..."; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libpango-1.0-0 \
	      libpangoft2-1.0-0 >/dev/null) || exit 1; \
	  else \
	    echo "The tests need Chromium and Pango (Debian: 'sudo apt-get install chromium libpangoft2-1.0-0')."; \
	    exit 1; \
	  fi; fi

# The suite keeps its files (secret key, test database) apart from the demo's, under var/test.
test: $(VENV)/.dev browser-check
	GARDA_DATA_DIR=$(CURDIR)/var/test $(VENV)/bin/pytest -n 2 --dist loadfile -q

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check garda bench
	$(VENV)/bin/ruff format --check garda bench
	$(VENV)/bin/mypy garda
	$(VENV)/bin/lint-imports --no-cache

# Each benchmark prints its figures; with PostgreSQL reachable on this machine they measure it too.
BENCH_PG ?= postgres://postgres@127.0.0.1:5432/postgres
$(VENV)/.bench: pyproject.toml $(VENV)/.dev
	$(VENV)/bin/uv pip install --quiet --python $(VENV)/bin/python -e '.[dev,bench]'
	touch $@

bench: $(VENV)/.bench
	@pg=""; if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then pg="$(BENCH_PG)"; fi; \
	for b in bench/bench_*.py; do echo "== $$b"; BENCH_DATABASE_URL=$$pg $(VENV)/bin/python $$b || exit 1; done

# Compile the English catalogue (the source strings are Indonesian).
messages: $(VENV)/.dev
	$(VENV)/bin/python -m garda.i18n_compile

clean:
	rm -rf $(VENV) build *.egg-info
