#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer + UBSan) and runs
# each for a while. Not part of the default test run.
#   scripts/fuzz.sh [seconds per target, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/install-deps.sh
apt_missing=()
for p in clang libclang-rt-14-dev; do dpkg -s "$p" >/dev/null 2>&1 || apt_missing+=("$p"); done
[ ${#apt_missing[@]} -eq 0 ] || apt-get install -y -qq --no-install-recommends "${apt_missing[@]}"
CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRAPPORTEUR_FUZZ=ON \
  -DRAPPORTEUR_TESTS=OFF -DRAPPORTEUR_BENCH=OFF -DRAPPORTEUR_SANITIZE=ON -DRAPPORTEUR_WERROR=OFF >/dev/null
cmake --build build-fuzz -j2
mkdir -p build-fuzz/corpus
for target in build-fuzz/fuzz_*; do
  name=$(basename "$target")
  mkdir -p "build-fuzz/corpus/$name"
  echo "== $name for ${seconds}s"
  "$target" -max_total_time="$seconds" -max_len=1048576 -rss_limit_mb=2048 \
    "build-fuzz/corpus/$name" tests/fixtures tests/fuzz-corpus examples
done
