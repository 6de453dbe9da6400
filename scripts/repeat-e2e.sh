#!/usr/bin/env bash
# Runs one end-to-end test file again and again, JOBS runs side by side, to
# tell a defect that shows now and then from a fluke: prints how many runs
# passed and keeps the output of each failing run in target/repeat-e2e/.
#   scripts/repeat-e2e.sh tests/e2e/offices.test.mjs [RUNS=30] [JOBS=1]
# Two jobs on a two-core machine is the loaded machine CI may be.
set -euo pipefail
cd "$(dirname "$0")/.."
file="$1"
runs="${2:-30}"
jobs="${3:-1}"
out=target/repeat-e2e
mkdir -p "$out"
export PATH="$PWD/.tools/node_modules/node-linux/bin:$PWD/node_modules/.bin:$PATH"

run() {
  local n="$1" log="$out/run-$1.log"
  local start=$SECONDS
  if node --test --test-concurrency=1 "$file" >"$log" 2>&1; then
    echo "run $n: pass ($((SECONDS - start)) s)"
    rm -f "$log"
  else
    echo "run $n: FAIL ($((SECONDS - start)) s), output in $log"
  fi
}

for ((n = 1; n <= runs; n += jobs)); do
  for ((j = n; j < n + jobs && j <= runs; j++)); do run "$j" & done
  wait
done | tee "$out/summary.txt"
passed=$(grep -c ': pass' "$out/summary.txt" || true)
echo "$file: $passed of $runs runs passed ($jobs side by side)"
[ "$passed" -eq "$runs" ]
