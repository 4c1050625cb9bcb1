# The project's commands. Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DOCS_STAMP := $(VENV)/.installed-docs

.PHONY: install lint typecheck test test-only demo serve screenshots reliability bench bench-quick bench-table docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[emulator,cli,async,dev]'
	touch $(STAMP)

install: $(STAMP)

$(DOCS_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[emulator,cli,async,dev,docs]'
	touch $(DOCS_STAMP)

# The HTML documentation in docs/_build/html; any warning fails the build.
docs: $(DOCS_STAMP)
	$(BIN)/sphinx-build -E -W --keep-going -q -b html docs docs/_build/html

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts docs/_ext
	$(BIN)/ruff format --check src tests bench scripts docs/_ext

typecheck: $(STAMP)
	$(BIN)/mypy

test-only: $(STAMP)
	$(BIN)/pytest -q -m "not slow"

test: lint typecheck test-only

demo: $(STAMP)
	$(BIN)/python scripts/demo.py

serve: $(STAMP)
	$(BIN)/cachet-emulator --seed demo

# The status page image of the README and the emulator guide, taken by its browser test.
screenshots: $(STAMP)
	mkdir -p docs/images
	STATUS_PAGE_README_IMAGE=docs/images/status-page.png $(BIN)/pytest -q tests/status_page/test_pages.py -k demo_page

reliability: $(STAMP)
	$(BIN)/pytest -q -s -rx -m slow

$(VENV)/.bench-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

bench: $(VENV)/.bench-installed
	$(BIN)/python -m bench

bench-quick: $(VENV)/.bench-installed
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
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache docs/_build
