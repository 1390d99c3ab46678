#!/usr/bin/env bash
# Installs what this project needs on a fresh machine, and skips whatever is already there.
#   scripts/setup.sh build   the wasm target, Trunk, wasm-bindgen-cli and wasm-opt
#   scripts/setup.sh test    all of that, plus Chromium, ChromeDriver, LibreOffice Writer and the npm
#                            test packages
# Everything comes from the package registries (crates.io, npm, Debian); Trunk itself is set
# to offline in Trunk.toml, so it can never fetch tools of its own.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
what=${1:-build}
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "Installing Trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must be exactly the version Cargo.lock resolves, or the glue will not match.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  echo "setup: no wasm-bindgen version found in Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  step "Installing wasm-bindgen-cli $bindgen_version (about 3 minutes)"
  # Not --locked: its lockfile names a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# Chromium and its driver for browser tests; pdftotext (poppler-utils) to read printed PDFs.
if [ "$what" = test ] && ! { have chromium && have chromedriver && have pdftotext; }; then
  step "Installing Debian's Chromium, ChromeDriver and poppler-utils"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver poppler-utils
fi

# LibreOffice (Writer, no GUI) opens the Word file in tests and converts it to PDF.
if [ "$what" = test ] && ! have soffice; then
  step "Installing Debian's LibreOffice Writer (no GUI)"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libreoffice-writer-nogui
fi

# python-docx opens the Word file in tests as an independent reader (its styles resolved).
if [ "$what" = test ] && ! python3 -c 'import docx' 2>/dev/null; then
  step "Installing python-docx"
  python3 -m pip install --quiet "python-docx==1.2.0" 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages "python-docx==1.2.0"
fi

# npm's binaryen provides wasm-opt (Debian's is too old for current output); playwright-core
# drives Debian's Chromium and never downloads a browser.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing npm packages (binaryen, playwright-core, axe-core; SheetJS and Papa Parse for the benchmark)"
  npm ci --no-audit --no-fund
fi

step "Fetching crates"
cargo fetch --locked
