#!/usr/bin/env bash
# Serves the release build in dist/ on 127.0.0.1 and prints its address,
# through the same static host the end-to-end tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/static-server.mjs dist "${1:-8080}"
