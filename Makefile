# The two commands of the README. Both create the virtual environment on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup clean report-screenshot

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## run: set up, run every stage on the samples in data/raw/, then write the report.
## data/raw holds deliberately bad samples: they land in `rejects` and the run still exits 0
## (exit 2 for rejects only with --fail-on-rejects; see docs/nightly.md, "Exit codes").
run: $(STAMP)
	$(PY) -m pipeline run --raw data/raw --out data/processed
	$(PY) -m pipeline report --out data/processed --output data/processed/report.html

## report-screenshot: write the report of data/processed and draw it with headless Chromium into
## data/processed/report.png, to look at (needs Debian's chromium: `apt-get install chromium`).
report-screenshot: $(STAMP)
	$(PY) -m pipeline report --out data/processed --output data/processed/report.html \
		--screenshot data/processed/report.png

## test: set up, then run the test suite
test: $(STAMP)
	$(PY) -m pytest -q

## clean: remove the tables (their hidden version folders and lock too, .gitkeep aside) and the environment
clean:
	find data/processed -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
	rm -rf $(VENV)
