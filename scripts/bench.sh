#!/usr/bin/env bash
# The benchmark: release build, then scripts/bench.mjs in headless Chromium. Prints one table of
# figures (paste it into BENCHMARKS.md). Extra arguments go to bench.mjs, e.g. --runs 7.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
printf '\n\033[1m==> Release build (Trunk)\033[0m\n'
trunk build --release
printf '\n\033[1m==> Benchmark\033[0m\n'
node scripts/bench.mjs "$@"
