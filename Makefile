# Two commands for a fresh clone: `make preview` (the sample digest) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install catalogs extract update-catalogs preview test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) catalogs

catalogs: $(STAMP)
	$(BIN)/pybabel compile --domain=messages --directory=locale --statistics

extract: $(STAMP)
	$(BIN)/pybabel extract --mapping-file=babel.cfg \
		--add-comments=Translators: --project=digestbot --sort-by-file \
		--output-file=locale/messages.pot .

update-catalogs: extract
	$(BIN)/pybabel update --input-file=locale/messages.pot --output-dir=locale --domain=messages

preview: install
	$(BIN)/digestbot preview sample/article-de.txt --lang en

test: install
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/engine.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
	find locale -name '*.mo' -delete
