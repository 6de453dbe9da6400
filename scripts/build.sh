#!/usr/bin/env bash
# Release build into dist/: the app (index.html), its places split into
# parts of one wasm module that are fetched on first use (ui/parts.rs,
# scripts/split/wasm-bindgen, scripts/parts.mjs, which checks them against
# the table of places), and the xlsx worker. Last, the page's
# Content-Security-Policy is given the hash of its one inline start-up
# script, and the service worker is written with the list of every file built.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/scripts/split:$PATH"
trunk build --release
node scripts/parts.mjs target/wasm-bindgen/release/parts dist
node scripts/csp-hashes.mjs
node scripts/service-worker.mjs
