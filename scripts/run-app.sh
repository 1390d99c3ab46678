#!/usr/bin/env bash
# Builds the release bundle and serves the app, opened on its built-in sample, at
# http://127.0.0.1:8080. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
printf '\n\033[1m==> Building and serving on http://127.0.0.1:8080 (Ctrl+C to stop)\033[0m\n'
exec trunk serve --release --address 127.0.0.1 --port 8080 --no-autoreload
