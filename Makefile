# The project's commands. Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install lint typecheck test test-only demo serve reliability bench bench-quick docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[emulator,cli,async,dev]'
	touch $(STAMP)

install: $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

test-only: $(STAMP)
	$(BIN)/pytest -q -m "not slow"

test: lint typecheck test-only

demo: $(STAMP)
	$(BIN)/python scripts/demo.py

serve: $(STAMP)
	$(BIN)/cachet-emulator --seed demo

reliability: $(STAMP)
	$(BIN)/pytest -q -s -rx -m slow

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache docs/_build
