# The two commands a newcomer needs: `make report` and `make test`.
# Each creates .venv with the project and its test tools when it is missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: report test lab bench clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

report: $(INSTALLED)
	$(BIN)/tokolab report

test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

bench: $(INSTALLED)
	$(BIN)/python benchmarks/bench_uptime.py

lab: $(INSTALLED)
	$(BIN)/python -m pip install --quiet jupyterlab ipywidgets
	$(BIN)/jupyter lab notebooks/

clean:
	rm -f reports/*.html reports/*.ipynb reports/.*.tmp
