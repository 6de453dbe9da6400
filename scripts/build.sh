#!/usr/bin/env bash
# Release build into dist/: the app (index.html), its places split into
# parts of one wasm module that are fetched on first use (ui/parts.rs,
# scripts/split/wasm-bindgen, scripts/parts.mjs, which checks them against
# the table of places), and the xlsx worker. Last, Trunk's inline start-up
# script goes into a file (so the Content-Security-Policy allows no inline
# script), JS and CSS are minified (scripts/minify.mjs), the service worker
# is written with the list of every file built, and each file gets its .br
# and .gz beside it, for hosts that serve them
# as they are (docs/deploy.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/scripts/split:$PATH"
trunk build --release
node scripts/parts.mjs target/wasm-bindgen/release/parts dist
node scripts/start-script.mjs
node scripts/minify.mjs
node scripts/service-worker.mjs
node scripts/compress.mjs
