# Two commands (see README):  make run   |   make test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PREFECT_HOME := $(CURDIR)/.prefect
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

## Set up everything, then run the test suite
test: setup system
	$(BIN)/python tools/build_samples.py
	$(BIN)/python -m pytest -q

eval: setup
	$(BIN)/vanban eval ../shared/gold/seeds data/raw

bench: setup
	$(BIN)/python bench/parse_speed.py

clean:
	rm -rf $(VENV) .prefect data/structured/*.json data/*.sqlite
