#!/usr/bin/env bash
# Serves the release build in dist/ on 127.0.0.1 and prints its address.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8080}"
echo
echo "Sổ tay Chi hội is at http://127.0.0.1:$port/"
echo "On the first screen, «Xem dữ liệu mẫu» opens a sample chapter. Ctrl+C stops."
echo
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
