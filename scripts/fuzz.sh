#!/usr/bin/env bash
# Fuzzes the engine with cargo-fuzz (libFuzzer), one target at a time on one core.
#
#   scripts/fuzz.sh                  every target, 600 seconds each
#   scripts/fuzz.sh paste 60         one target for 60 seconds
#   scripts/fuzz.sh list             the targets
#
# Targets (fuzz/fuzz_targets/): paste, number, file_xlsx, file_xls, file_ods, file_text,
# project. Each starts from its seeds (fuzz/seeds/TARGET, made by fuzz/make_seeds.py, plus the
# workbook in tests/fixtures) and what earlier runs found (fuzz/corpus/TARGET, not committed),
# with fuzz/TARGET.dict as its dictionary where there is one.
# A crash, a hang (over 10 s for one input) or over 4 GB of memory stops the run and leaves
# the input in fuzz/artifacts/TARGET/; reproduce it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET fuzz/artifacts/TARGET/crash-...
# and shrink it with `cargo fuzz tmin TARGET FILE`. Stable Rust is enough: RUSTC_BOOTSTRAP=1
# lets it take the nightly flags cargo-fuzz passes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH" RUSTC_BOOTSTRAP=1

targets=(paste number file_xlsx file_xls file_ods file_text project)
target="${1:-all}"
seconds="${2:-600}"
if [ "$target" = list ]; then
  printf '%s\n' "${targets[@]}"
  exit 0
fi
if [ "$target" != all ] && [[ ! " ${targets[*]} " =~ " $target " ]]; then
  echo "unknown target '$target'; one of: ${targets[*]}, or all" >&2
  exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

# Copies seeds into a corpus, leaving what is there (cp -n's exit status varies by version).
seed() {
  local file
  for file in "${@:2}"; do
    [ -e "$1/$(basename "$file")" ] || cp "$file" "$1/"
  done
}

run() {
  local name="$1"
  mkdir -p "fuzz/corpus/$name" "fuzz/artifacts/$name"
  if [ -d "fuzz/seeds/$name" ]; then
    seed "fuzz/corpus/$name" fuzz/seeds/"$name"/*
  fi
  if [ "$name" = file_xlsx ]; then
    seed "fuzz/corpus/$name" tests/fixtures/*.xlsx
  fi
  local dict=()
  if [ -f "fuzz/$name.dict" ]; then
    dict=("-dict=fuzz/$name.dict")
  fi
  echo "==> fuzzing $name for $seconds s"
  # One job on one core, niced, so a build beside it keeps the other.
  nice -n 10 cargo fuzz run --jobs 1 "$name" "fuzz/corpus/$name" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 "${dict[@]}" \
    -artifact_prefix="fuzz/artifacts/$name/" -print_final_stats=1
}

if [ "$target" = all ]; then
  for name in "${targets[@]}"; do run "$name"; done
else
  run "$target"
fi
