#!/usr/bin/env bash
# Runs every test: native engine tests, browser tests (wasm-bindgen-test in headless
# Chromium), and end-to-end tests (Playwright driving Debian's Chromium against the release
# build). Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

if [ ! -d ../shared/testdata ]; then
  echo "notice: ../shared/testdata is absent; tests that read it will say so and skip."
fi

step "1/4 Code layout (rustfmt), then native tests (engine, report, command-line tool)"
if cargo fmt --version >/dev/null 2>&1; then
  cargo fmt --check
else
  echo "notice: rustfmt is not installed with this toolchain; the layout check is skipped."
fi
cargo test --locked

step "2/4 Browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test browser

step "3/4 Release build (Trunk), and the single-file build from it"
trunk build --release
node scripts/single-file.mjs dist dist-single/workforce-report-builder.html

step "4/4 End-to-end tests (Playwright and Chromium against dist/)"
node --test --test-reporter=spec tests/e2e/
