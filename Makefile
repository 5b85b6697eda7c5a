# Everything runs inside .venv, which the first target that needs it creates.
# The two commands of the quick start are `make demo` and `make test`.

VENV      := .venv
BIN       := $(VENV)/bin
STAMP     := $(VENV)/.installed
HOST      ?= 127.0.0.1
PORT      ?= 8000
DEMO_ENV  := SAKIP_DEBUG=1 SAKIP_DEMO=1

.PHONY: demo serve test test-postgres lint format bench clean install

install: $(STAMP)

$(STAMP): pyproject.toml scripts/bootstrap-venv
	scripts/bootstrap-venv $(VENV)
	@touch $@

# The background worker builds the reports requested from the app; it stops with the server.
demo: $(STAMP)
	scripts/ensure-libreoffice || echo "PDF tidak tersedia: LibreOffice tidak dapat dipasang."
	$(DEMO_ENV) $(BIN)/sakip migrate --noinput
	$(DEMO_ENV) $(BIN)/sakip load-demo
	@echo "sakip berjalan di http://$(HOST):$(PORT)/  (Ctrl+C untuk berhenti)"
	$(DEMO_ENV) $(BIN)/sakip db_worker --interval 0.5 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(DEMO_ENV) $(BIN)/sakip runserver $(HOST):$(PORT)

test: $(STAMP)
	scripts/ensure-libreoffice
	scripts/ensure-chromium
	$(BIN)/pytest --cov=sakip --cov-report= $(PYTEST_ARGS)
	$(BIN)/coverage report --include='sakip/kinerja/*' --fail-under=95
	@echo "Cakupan seluruh paket:"
	@$(BIN)/coverage report --format=total | sed 's/$$/ %/'

# The same suite against PostgreSQL (started from Debian's packages if none answers).
test-postgres: $(STAMP)
	scripts/ensure-postgres
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sakip} $(MAKE) test

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict sakip/kinerja

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	scripts/ensure-libreoffice
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage .hypothesis
