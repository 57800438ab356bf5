# Two commands work on a fresh machine: `make run` and `make test` (each builds .venv when missing).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO   ?= .demo
LISTEN ?= 127.0.0.1:50051
PROTOS := $(wildcard proto/gaozhu/v1/*.proto)

.PHONY: install run test lint proto proto-check bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

# The demo zone on the embedded store: migrate, load through both province agents, serve in
# plaintext on loopback (Ctrl-C stops it).
SAMPLES := $(wildcard ../shared/platforms/samples)
run: $(STAMP)
	$(BIN)/gaozhu demo run --dir $(DEMO) --listen $(LISTEN) $(if $(SAMPLES),--samples $(SAMPLES))

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

# Each prints one JSON object; the helpers beside them (echo server, load, servers, watchers) are not run.
BENCHES := query sync adapters discretion new_item
bench: $(STAMP)
	@for b in $(BENCHES); do echo "== bench/$$b.py"; $(BIN)/python bench/$$b.py || exit 1; done

clean:
	rm -rf $(VENV) $(DEMO) .tools .mypy_cache .ruff_cache .hypothesis
