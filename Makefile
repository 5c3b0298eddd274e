# The two commands of the README. Both create the virtual environment on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,report]'
	touch $(STAMP)

setup: $(STAMP)

## run: set up, then run every stage on the samples in data/raw/
run: $(STAMP)
	$(PY) -m pipeline run --raw data/raw --out data/processed

## test: set up, then run the test suite
test: $(STAMP)
	$(PY) -m pytest -q

clean:
	rm -rf data/processed/* $(VENV)
