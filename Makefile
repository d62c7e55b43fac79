# Two commands for a fresh machine: `make run` starts the app, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test lint bench screenshots clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py

test: $(VENV)/.dev
	$(PY) -m pytest

lint: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# not part of `make test`: needs Debian's Chromium, takes about five minutes
bench: $(VENV)/.dev
	$(PY) bench/run.py

screenshots: $(VENV)/.dev
	$(PY) -m pytest -q tests/e2e/test_phone_and_screens.py -k screenshots

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
