# Tärkeissä töissä — developer entry points. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
RUFF   := $(VENV)/bin/ruff
MANAGE := $(PY) manage.py
# Keep Django's i18n commands out of third-party code (they walk the whole tree).
I18N_IGNORE := --ignore=.venv --ignore=node_modules --ignore=static_collected --ignore=test-output

.PHONY: help install css demo test topology lint format messages compilemessages elasticsearch elasticsearch-stop

help:
	@echo "make install          install Debian packages, .venv, node_modules, Elasticsearch (idempotent)"
	@echo "make css              build static/css/site.css (Sass, Suomi.fi tokens) and copy the font"
	@echo "make demo             migrate, load the demo site and run it on http://127.0.0.1:8000/"
	@echo "make test             lint + tests on SQLite, then all tests incl. browser on PostgreSQL + Elasticsearch,"
	@echo "                      then make topology (KT_SKIP_TOPOLOGY=1 skips it while developing)"
	@echo "make topology         two app servers sharing PostgreSQL, Redis, S3 storage, behind Varnish, with a"
	@echo "                      two-node Elasticsearch: failures, purges, backup, restore"
	@echo "make lint             ruff check and missing-migrations check"
	@echo "make format           ruff --fix and ruff format"
	@echo "make messages         update locale/{fi,sv} .po files"
	@echo "make compilemessages  build .mo files"
	@echo "make elasticsearch    start a local Elasticsearch for tests; prints ELASTICSEARCH_URL=..."
	@echo "make elasticsearch-stop  stop it again"

install:
	bash scripts/install.sh

css: install
	bash scripts/build_css.sh

demo: install
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(MANAGE) compilemessages $(I18N_IGNORE)
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(MANAGE) load_demo
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(MANAGE) runserver 127.0.0.1:8000

test: install
	bash scripts/test.sh

topology: install
	bash scripts/topology.sh

lint: install
	$(RUFF) check .
	$(MANAGE) makemigrations --check --dry-run

format: install
	$(RUFF) check --fix .
	$(RUFF) format .

messages: install
	$(MANAGE) makemessages -l fi -l sv --no-location $(I18N_IGNORE)

compilemessages: install
	$(MANAGE) compilemessages $(I18N_IGNORE)

elasticsearch: install
	bash scripts/elasticsearch.sh start

elasticsearch-stop:
	bash scripts/elasticsearch.sh stop
