# Leernetwerk 16-27. The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py

.PHONY: run test test-fast test-browser lint format check bench lock install node clean serve loadtest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24" "uv>=0.5,<1"

# Reinstall when the dependency declaration or the lock changes.
$(STAMP): $(BIN)/python pyproject.toml setup.py requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python -c requirements.lock -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP) node

node:
	@./scripts/install-node-packages

## make run: install, migrate, load demo content, create a local admin and serve on SQLite.
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) ensure_dev_admin
	$(MANAGE) runserver 127.0.0.1:8000

## make serve: the production settings locally (gunicorn, DEBUG off, Redis, WhiteNoise).
# PORT (8000), WORKERS (cores + 1, 4 threads each) and REDIS_URL can be set: make serve PORT=8001.
PORT ?= 8000
serve: install
	PORT=$(PORT) $(if $(WORKERS),WORKERS=$(WORKERS)) ./scripts/serve

## make loadtest: 20 users against make serve (started when none runs); docs/benchmarks.md.
loadtest: install
	$(BIN)/uv pip install --quiet --python $(BIN)/python -c requirements.lock -e ".[dev,loadtest]"
	$(BIN)/python scripts/loadtest.py --port $(PORT) $(LOADTEST_ARGS)

## make test: install (including Chromium for the browser suite) and run every test.
# Both suites run on two workers, each with a test database of its own. The
# browser tests each restore the database (serialized rollback), so their order
# does not matter; in the rest pytest-django orders transactional tests last on
# each worker. Two workers cut the PostgreSQL run from 9-11 to 7 minutes.
test: install
	@./scripts/ensure-chromium
	$(BIN)/pytest -m "not browser" -n 2 $(PYTEST_ARGS)
	$(BIN)/pytest -m browser -n 2 $(PYTEST_ARGS)

test-fast: install
	$(BIN)/pytest -m "not browser" -n 2 $(PYTEST_ARGS)

test-browser: install
	@./scripts/ensure-chromium
	$(BIN)/pytest -m browser -n 2 $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint
	var/node/node_modules/.bin/stylelint --config-basedir var/node/node_modules "static/**/*.css"

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## check: Django's system checks, deployment checks and missing migrations.
check: install
	$(MANAGE) check
	DJANGO_SETTINGS_MODULE=leernetwerk.settings.production \
	  EMAIL_URL="smtp://ci:ci-wachtwoord@mail.example.org:587/?tls=True" \
	  REDIS_URL="redis://127.0.0.1:6379/15" \
	  CELERY_BROKER_URL="redis://127.0.0.1:6379/15" \
	  SECRET_KEY="ci-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')" \
	  $(MANAGE) check --deploy --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

bench: install
	$(BIN)/python scripts/bench.py

lock: $(BIN)/python
	$(BIN)/uv pip compile --quiet --python-version 3.11 --extra dev --extra loadtest pyproject.toml -o requirements.lock

clean:
	rm -rf $(VENV) var/static
