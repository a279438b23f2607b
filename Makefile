# Leerwijzer — two commands on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
PORT ?= 5000
WORKERS ?= 2
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := app

.PHONY: run dev test install install-dev translations db lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the requirement files change.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

translations: $(VENV)/.installed
	$(BIN)/pybabel compile --use-fuzzy -d translations

db: install translations
	$(BIN)/flask db upgrade
	$(BIN)/flask seed

## make run: install, migrate, seed and serve the portal with demo data on a production WSGI server.
run: db
	@echo "Leerwijzer draait op http://127.0.0.1:$(PORT)"
	$(BIN)/gunicorn --workers $(WORKERS) --bind 127.0.0.1:$(PORT) --access-logfile - app:app

## make dev: the same data, with Flask's reloader and debugger.
dev: db
	$(BIN)/flask run --debug --port $(PORT)

## make test: the whole test suite (SQLite; PostgreSQL too when TEST_DATABASE_URL is set;
## browser tests when /usr/bin/chromium exists).
test: install-dev translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check portal tests bench
	$(BIN)/ruff format --check portal tests bench

clean:
	rm -rf $(VENV) instance .pytest_cache

## make messages: refresh the translation catalogue after changing UI text.
messages: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k N_ -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations
