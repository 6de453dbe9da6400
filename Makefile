# Everything runs through these targets; `make serve` and `make test` install
# what is missing first (scripts/tools.sh), so they work on a fresh machine.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
# Node.js 20 from .tools/ when the machine has another major (scripts/tools.sh).
export PATH := $(CURDIR)/.tools/node_modules/node-linux/bin:$(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER := /usr/bin/chromedriver
PORT ?= 8080

.PHONY: tools build serve test test-host test-scale test-browser test-e2e size size-check lint screenshots fuzz bench

tools:
	scripts/tools.sh

build: tools
	scripts/build.sh

serve: build
	scripts/serve.sh $(PORT)

# Formatting and warnings first (clippy also compiles the benches and
# examples, so bench code cannot rot), then three layers of tests and the
# size budget; the first failure stops the run. Each step says how long it
# took, so a cold run shows where its time goes.
test:
	$(call timed,tools)
	$(call timed,lint)
	$(call timed,test-host)
	$(call timed,test-scale)
	$(call timed,test-browser)
	$(call timed,build)
	$(call timed,test-e2e)
	$(call timed,size-check)

timed = @start=$$SECONDS; $(MAKE) --no-print-directory $(1); echo "==> make $(1): $$((SECONDS - start)) s"

test-host:
	cargo test

# DuckDB adds up the 1,000 report files tests/national.rs wrote (test-host)
# and must find the app's own totals.
test-scale:
	.venv/bin/python tests/scale/duckdb_totals.py

test-browser:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --test browser

# The files named one by one: what `node --test DIR` runs differs between
# Node.js versions.
test-e2e:
	node --test --test-concurrency=1 tests/e2e/*.test.mjs

# Prints raw, gzip and brotli sizes of the release build and writes docs/size.md.
size: build
	node scripts/size.mjs --write docs/size.md
	command -v twiggy >/dev/null || cargo install twiggy --locked
	node scripts/breakdown.mjs --write docs/size.md

# Fails when the first load is over its budget.
size-check:
	node scripts/size.mjs

# The wasm target is linted as the release build compiles it, split into
# parts (feature `split`); test-browser compiles it unsplit.
lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown --features split -- -D warnings

# Host benchmarks (criterion, benches/domain.rs) and browser figures
# (scripts/bench-browser.mjs on files made by examples/bench_files.rs), written
# into BENCHMARKS.md, each figure against its target. About 8 minutes; not
# part of `make test`.
bench: build
	cargo bench --bench domain
	cargo run --example bench_files -- target/bench
	node scripts/bench-browser.mjs
	node scripts/benchmarks.mjs --write BENCHMARKS.md

# The import path under libFuzzer for FUZZ_SECONDS (nightly Rust); seeds in
# fuzz/corpus/import, what it finds in fuzz/found. Not part of `make test`.
FUZZ_SECONDS ?= 900
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --version 0.13.2
	mkdir -p fuzz/found
	cd fuzz && cargo +nightly fuzz run import found corpus/import -- \
	  -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=4096

# Screenshots of the release build at 360x740 into docs/screenshots/.
screenshots: build
	node scripts/screenshots.mjs
