# The two commands of the README:
#   make run    set everything up, then start the kiosk on the bundled exhibition
#   make test   set everything up, then run the whole test suite
# Both create (or reuse) a virtual environment in .venv, install the project in it and
# compile the translation catalogs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test setup catalogs system-packages validate benchmark clean

run: setup
	$(BIN)/kiosk run --content exhibits

test: system-packages setup
	$(BIN)/python -m pytest -n auto --dist loadfile

setup: $(STAMP) catalogs

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

catalogs: $(STAMP)
	@if ls i18n/*/LC_MESSAGES/*.po >/dev/null 2>&1; then $(BIN)/pybabel compile --use-fuzzy -d i18n -D kiosk --statistics; fi

system-packages:
	@sh tools/system-packages.sh

validate: setup
	$(BIN)/kiosk validate exhibits

benchmark: setup
	$(BIN)/python benchmarks/validate_1000.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
