# Two commands (see README):  make run   |   make test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Prefect's home: the vanban command's own (~/.local/share/vanban/prefect, see README), so `make run`
# and .venv/bin/vanban share one history; the tests use ./.prefect (tests/conftest.py)
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_LEVEL ?= WARNING

.PHONY: setup system run test bench eval clean

$(BIN)/vanban: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

## Python environment only
setup: $(BIN)/vanban

## Debian packages for .doc, OCR and PDF rendering (installs as root; otherwise says what to install)
system:
	@bash tools/install_system_deps.sh

## Set up everything, then run the main job on the sample documents
run: setup system
	$(BIN)/python tools/build_samples.py
	$(BIN)/vanban ingest data/raw

## Set up everything, then run the test suite (store tests also on a throw-away PostgreSQL)
test: setup system
	$(BIN)/python tools/build_samples.py
	@pg=""; \
	if out=$$(bash tools/start_postgres.sh); then eval "$$out"; pg=1; \
	elif [ -n "$${CI:-}" ]; then echo "CI: PostgreSQL could not be started" >&2; exit 1; \
	else echo "PostgreSQL not available: store tests run on SQLite only" >&2; fi; \
	status=0; $(BIN)/python -m pytest -q $(PYTEST_ARGS) || status=$$?; \
	if [ -n "$$pg" ]; then bash tools/start_postgres.sh --stop; fi; \
	exit $$status

eval: setup
	$(BIN)/vanban eval tests/shared/gold/seeds data/raw

bench: setup
	$(BIN)/python bench/parse_speed.py

clean:
	rm -rf $(VENV) .prefect data/structured/*.json data/*.sqlite
