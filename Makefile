# The project's commands. Each installs what it needs into .venv first, from the lock; lock,
# test-latest and test-oldest use venvs of their own.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# The development environment, locked: exact versions and hashes of every package installed
# below, for every extra, resolved once for Python 3.10 and newer. `make lock` remakes it from
# pyproject.toml with this version of uv (in a venv of its own, .venv-tools).
LOCK       := requirements-dev-lock.txt
UV_VERSION := 0.13.9
TOOLS      := .venv-tools
UV         := $(TOOLS)/bin/uv
UV_STAMP   := $(TOOLS)/.installed-uv-$(UV_VERSION)
LOCK_COMMAND := uv pip compile pyproject.toml --all-extras --universal --python-version 3.10 \
	--fork-strategy fewest --generate-hashes

.PHONY: install lock lint typecheck test test-only test-latest test-oldest demo serve screenshots \
	reliability bench bench-quick bench-table docs dist clean

# pip refuses editable installs in hash-checking mode, so the locked packages (the build
# backend among them) go in first, then the project itself with nothing more to fetch.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

$(UV_STAMP):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet uv==$(UV_VERSION)
	touch $@

# Written whole from pyproject.toml (the old lock is not consulted), so it can be re-run after
# any change or merge; a new file replaces the lock only if uv succeeded.
lock: $(UV_STAMP)
	{ echo "# The locked development environment: every package the Makefile installs."; \
	  echo "# Made by 'make lock' from pyproject.toml (all extras) with uv $(UV_VERSION):"; \
	  echo "#   $(LOCK_COMMAND)"; \
	  $(TOOLS)/bin/$(LOCK_COMMAND) --quiet --no-header; } > $(LOCK).new
	mv $(LOCK).new $(LOCK)

# The HTML documentation in docs/_build/html; any warning fails the build.
docs: $(STAMP)
	$(BIN)/sphinx-build -E -W --keep-going -q -b html docs docs/_build/html

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts docs/_ext
	$(BIN)/ruff format --check src tests bench scripts docs/_ext

typecheck: $(STAMP)
	$(BIN)/mypy

test-only: $(STAMP)
	$(BIN)/pytest -q -m "not slow"

test: lint typecheck test-only

# The test suite in a venv of its own (.venv-latest, .venv-oldest) with every extra at one end
# of the ranges pyproject.toml declares: the newest versions released today, or the lowest
# version of each package it names. The development tools may need newer versions of what
# users install (schemathesis needs a newer rich than the cli extra asks for), so the extras
# users install are then resolved alone and put in place over them. What was resolved stays in
# the venv: requirements.txt and users.txt.
USER_EXTRAS := --extra emulator --extra cli --extra async
test-latest: RESOLUTION := highest
test-oldest: RESOLUTION := lowest-direct
test-latest test-oldest: test-%: $(UV_STAMP)
	rm -rf .venv-$*
	$(PYTHON) -m venv .venv-$*
	$(UV) pip compile pyproject.toml --all-extras --resolution $(RESOLUTION) --quiet \
		--python .venv-$*/bin/python --output-file .venv-$*/requirements.txt
	$(UV) pip compile pyproject.toml $(USER_EXTRAS) --resolution $(RESOLUTION) --quiet \
		--python .venv-$*/bin/python --output-file .venv-$*/users.txt
	.venv-$*/bin/python -m pip install --quiet -r .venv-$*/requirements.txt
	.venv-$*/bin/python -m pip install --quiet --no-deps -r .venv-$*/users.txt
	.venv-$*/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	.venv-$*/bin/pytest -q -m "not slow"

# The sdist and the wheel in dist/, built with the locked backend, and their metadata checked.
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --no-isolation --outdir dist .
	$(BIN)/twine check --strict dist/*

# `make demo CACHET_VERSION=3` tours the Cachet 3 mode (experimental).
demo: $(STAMP)
	CACHET_VERSION=$(CACHET_VERSION) $(BIN)/python scripts/demo.py

serve: $(STAMP)
	$(BIN)/cachet-emulator --seed demo

# The status page image of the README and the emulator guide, taken by its browser test.
screenshots: $(STAMP)
	mkdir -p docs/images
	STATUS_PAGE_README_IMAGE=docs/images/status-page.png $(BIN)/pytest -q tests/status_page/test_pages.py -k demo_page

reliability: $(STAMP)
	$(BIN)/pytest -q -s -rx -m slow

bench: $(STAMP)
	$(BIN)/python -m bench

bench-quick: $(STAMP)
	$(BIN)/python -m bench --quick

# The README's Performance table, from the last run's bench/results.json.
bench-table: $(STAMP)
	$(BIN)/python -m bench.markdown

# Every compatibility scenario with this library and with cachet-client 3.1.1 and 4.0.1, each
# installed from PyPI into bench/.venv-cachet-client-<version> on first use (make test runs
# the same tests).
.PHONY: compat
compat: $(STAMP)
	$(BIN)/python -m tests.compat
	$(BIN)/pytest -q -rx tests/compat

clean:
	rm -rf $(VENV) .venv-latest .venv-oldest $(TOOLS) dist .pytest_cache .mypy_cache \
		.ruff_cache docs/_build
