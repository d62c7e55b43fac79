# Two commands for a fresh machine: `make run` starts the app, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test lint lock bench screenshots clean messages

# Installs come from the lock files: exact versions with their hashes, the ones CI tested.
# requirements*.txt are what people edit; `make lock` writes the lock files from them.
$(VENV)/.runtime: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.runtime
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
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

# After editing requirements*.txt: `make lock` pins what changed and keeps every other pin;
# `make lock LOCK_ARGS=--upgrade` moves everything to the newest versions the ranges allow
# (LOCK_ARGS="-P streamlit" only that package). Run it with Python 3.11 on Linux, as the image.
LOCK_VENV := $(VENV)/pip-tools
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet \
	--generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
	$(LOCK_ARGS)

lock:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "lock with Python 3.11")'
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --quiet pip-tools==7.6.2
	$(PIP_COMPILE) -o requirements.lock requirements.txt
	$(PIP_COMPILE) -c requirements.lock -o requirements-dev.lock requirements-dev.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

# After changing text in the code: collect every _("...") and N_("...") into messages.pot,
# add the new ones to each language's messages.po (translate them there), and compile the
# .mo files the app reads. tests/test_i18n.py fails while a message lacks its translation.
PYBABEL := $(VENV)/bin/pybabel
messages: $(VENV)/.dev
	$(PYBABEL) -q extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 -k pgettext:1c,2 -k NC_:1c,2 --no-location \
		--sort-output --project="Ice pick scar decision guide" -o locales/messages.pot .
	$(PYBABEL) -q update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching \
		--ignore-obsolete
	$(PYBABEL) -q compile -d locales -D messages --statistics
