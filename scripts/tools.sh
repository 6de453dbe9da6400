#!/usr/bin/env bash
# Installs what building and testing need, from package registries only, and
# skips whatever is already in place: the wasm32 target, trunk, wasm-bindgen-cli
# (the version Cargo.lock pins), the splitter (wasm-split-cli), Chromium,
# chromedriver and nginx from Debian, and the npm tools of package-lock.json
# (wasm-opt from binaryen, playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The splitter of the app's wasm module into parts (scripts/split/): its
# output must match wasm-bindgen's and leptos's, so it moves only with them.
WASM_SPLIT_VERSION=0.2.4
say() { printf '==> %s\n' "$*"; }

# apt-get as root, or through sudo.
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing Debian packages: $*"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# The wasm-bindgen version Cargo.lock resolved; Trunk.toml must name the same.
wasm_bindgen_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! grep -q "wasm_bindgen = \"$wasm_bindgen_version\"" Trunk.toml; then
  echo "Trunk.toml's [tools] wasm_bindgen differs from Cargo.lock's wasm-bindgen $wasm_bindgen_version: update Trunk.toml." >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $wasm_bindgen_version"; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (about 2 minutes)"
  # Not --locked: one of its locked dependency versions is not on the registry.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 1 minute)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt_install chromium chromium-driver
fi

# The host of docs/deploy.md, which tests/e2e/deploy.test.mjs runs as written.
if [ ! -x /usr/sbin/nginx ] || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  apt_install nginx libnginx-mod-http-brotli-static
fi

if ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi

# The end-to-end runner (node:test) and Playwright are used with Node.js 20:
# a machine with another major version (Debian 12 ships 18; newer ones
# change `node --test`) gets Node.js 20 from the npm registry, in .tools/,
# which the Makefile puts first on PATH.
NODE_MAJOR=20
if ! node --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  arch=$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')
  say "installing Node.js $NODE_MAJOR (node-linux-$arch) into .tools/"
  npm install --prefix .tools --no-save --no-audit --no-fund "node-linux-$arch@$NODE_MAJOR"
  ln -sf "node-linux-$arch" .tools/node_modules/node-linux
  node --version | grep -q "^v$NODE_MAJOR\." || { echo "Node.js $NODE_MAJOR is not first on PATH" >&2; exit 1; }
fi

if ! [ -x node_modules/.bin/wasm-opt ] || ! [ -d node_modules/playwright-core ] || ! [ -d node_modules/axe-core ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools from package-lock.json"
  npm ci --no-audit --no-fund
fi

# DuckDB from PyPI in a virtual environment of the project's own, for the
# national-scale test (tests/scale/duckdb_totals.py).
DUCKDB_VERSION=2.0.1
if ! .venv/bin/python -c "import duckdb, sys; sys.exit(duckdb.__version__ != '$DUCKDB_VERSION')" 2>/dev/null; then
  say "installing duckdb $DUCKDB_VERSION into .venv"
  command -v python3 >/dev/null || apt_install python3
  # Debian keeps venv's pip in a package of its own.
  python3 -m venv .venv 2>/dev/null || { rm -rf .venv; apt_install python3-venv; python3 -m venv .venv; }
  .venv/bin/pip install --quiet "duckdb==$DUCKDB_VERSION"
fi
