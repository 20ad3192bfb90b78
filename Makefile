# casewatch: `make demo` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_DB ?= casewatch.db

.PHONY: install demo test fuzz bench lint browser serve clean postgres postgres-stop

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

demo: install
	$(BIN)/casewatch --db $(DEMO_DB) ingest examples/reports
	$(BIN)/casewatch --db $(DEMO_DB) documents
	$(BIN)/casewatch --db $(DEMO_DB) cases

# The web UI over the demo database (create a user first: casewatch user add NAME --role admin).
serve: install
	$(BIN)/casewatch --db $(DEMO_DB) serve

# Debian's Chromium for the browser tests (root, or sudo); without it they skip with a message.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium; }

# A throwaway PostgreSQL server on 127.0.0.1 (installed from Debian when missing); each call prints a new empty
# database's URL as its last line. Never for real data: it trusts every local connection.
postgres:
	@scripts/postgres.sh start

postgres-stop:
	@scripts/postgres.sh stop

test: install
	$(BIN)/python -m pytest -q

# Generated hostile input through acquire, clean, dates and extract: 10,000 inputs (FUZZ_EXAMPLES=N for more).
FUZZ_EXAMPLES ?= 10000
fuzz: install
	CASEWATCH_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -s tests/test_fuzz.py

bench: install
	$(BIN)/python bench/bench.py

lint: install
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache bench/out
