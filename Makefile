# Two commands for a fresh clone: `make demo` (the bot, talking to three readers) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install catalogs extract update-catalogs demo preview test bench clean

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

demo: install
	$(BIN)/digestbot demo

preview: install
	$(BIN)/digestbot preview sample/article-de.txt --lang en

test: install
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/engine.py
	$(BIN)/python benchmarks/commands.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
	find locale -name '*.mo' -delete
