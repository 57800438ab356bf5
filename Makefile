# Two commands work on a fresh machine: `make run` and `make test` (each builds .venv when missing).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO   ?= .demo
DEMO_DB = sqlite:///$(DEMO)/gaozhu.db
LISTEN ?= 127.0.0.1:50051
PROTOS := $(wildcard proto/gaozhu/v1/*.proto)

.PHONY: install run test lint proto proto-check bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

# The demo zone on the embedded store, served in plaintext on loopback (Ctrl-C stops it).
run: $(STAMP)
	@mkdir -p $(DEMO)
	$(BIN)/gaozhu db upgrade --db $(DEMO_DB)
	$(BIN)/gaozhu demo load --db $(DEMO_DB) --data-key-file $(DEMO)/data.key
	@echo
	@echo "Serving the demo zone on $(LISTEN). In another terminal, try:"
	@echo "  $(BIN)/gaozhu query officers --insecure --gateway $(LISTEN) --dispatched"
	@echo "  $(BIN)/gaozhu query baseline CQ-YJGL-0001 --insecure --gateway $(LISTEN)"
	@echo
	$(BIN)/gaozhu serve --db $(DEMO_DB) --insecure --listen $(LISTEN) --data-key-file $(DEMO)/data.key

test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy -p gaozhu.registry -p gaozhu.gateway -p gaozhu.adapters
	scripts/buf.sh lint

proto: $(STAMP)
	$(BIN)/python -m grpc_tools.protoc -Iproto --python_out=proto --pyi_out=proto \
		--grpc_python_out=proto $(PROTOS)

# CI: regenerated code must equal what is committed.
proto-check: proto
	git diff --exit-code -- proto/ || (echo "generated code is out of date: run 'make proto' and commit" >&2; exit 1)

bench: $(STAMP)
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) $(DEMO) .tools .mypy_cache .ruff_cache .hypothesis
