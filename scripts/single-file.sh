#!/usr/bin/env bash
# Builds the single-file app: one .html an officer can save on a laptop and open from file://
# with no server and no install. Installs whatever the build needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
printf '\n\033[1m==> Release build (Trunk)\033[0m\n'
trunk build --release
node scripts/single-file.mjs dist dist-single/workforce-report-builder.html
