# The two commands of the README: `make run` and `make test`. Everything else is a step of them.
SHELL := /bin/bash
.DEFAULT_GOAL := help
CARGO ?= cargo
BIN := target/debug/convene

.PHONY: help run test build server spa frontend-deps test-rust test-postgres test-fuzz test-frontend test-e2e schema check-schema fmt clean bench

help:
	@echo "make run   - build everything and serve the demo at http://127.0.0.1:8080"
	@echo "make test  - every test: Rust on SQLite and PostgreSQL, API fuzzing, frontend unit tests, browser journeys"

## run: build the server and the SPA, then serve them on the embedded SQLite default with the demo data.
run: server spa
	CONVENE_DEMO=1 CONVENE_STATIC_DIR=frontend/dist $(BIN) serve

build: server spa

server:
	$(CARGO) build -p convene-server

frontend-deps:
	scripts/frontend-deps.sh

spa: frontend-deps
	cd frontend && npm run build

## test: everything. With CI=true, PostgreSQL and Chromium are required, never skipped.
test: test-rust test-postgres test-fuzz test-frontend test-e2e
	@echo "make test: all suites passed"

# the black-box suite starts `convene serve` processes too (replicas), so the binary comes first
test-rust: server
	scripts/redis-up.sh
	$(CARGO) test --workspace

test-postgres: server
	@scripts/redis-up.sh
	@url="$$(scripts/postgres-url.sh)"; \
	if [ -z "$$url" ]; then echo "PostgreSQL is not reachable: skipping the PostgreSQL run (CI requires it)"; exit 0; fi; \
	echo "Running the store and black-box suites on PostgreSQL"; \
	TEST_POSTGRES_URL="$$url" $(CARGO) test -p convene-store -p convene-blackbox

## test-fuzz: schemathesis against a running server, ~500 cases (FUZZ_EXAMPLES=5000 for longer).
test-fuzz: server
	scripts/fuzz-api.sh

# the budget test reads the built dist/ (npm run build fails over budget too)
test-frontend: spa
	cd frontend && npm run typecheck && npm test

test-e2e: server spa
	@rc=0; scripts/chromium.sh || rc=$$?; \
	if [ $$rc -eq 0 ]; then cd frontend && npm run e2e; \
	elif [ "$${CI:-}" = "true" ]; then echo "CI requires the browser journeys, and Chromium is not usable"; exit 1; \
	else echo "Chromium is not available: skipping the browser journeys (CI requires them)"; fi

## schema: regenerate schema.graphql from the server (review the diff: it is the contract).
schema:
	$(CARGO) run -q -p convene-server -- export-schema > schema.graphql

check-schema:
	$(CARGO) run -q -p convene-server -- export-schema --check

fmt:
	$(CARGO) fmt --all

clean:
	$(CARGO) clean
	rm -rf frontend/dist frontend/node_modules

## bench: a realistic network on SQLite and PostgreSQL, 16 clients, PostGraphile 4 beside it;
## writes BENCHMARKS.md from the run (not part of `make test`: it measures, it does not check).
bench:
	$(CARGO) build --release -p convene-server -p convene-bench
	BENCH_CONVENE_BIN=target/release/convene target/release/convene-bench
