#!/usr/bin/env bash
# Installs what is missing, builds and runs every test: once as a normal
# build, then clang-format and clang-tidy (scripts/lint.sh), then the tests
# again under AddressSanitizer and UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
jobs=${JOBS:-2}

echo "== build (RelWithDebInfo)"
# Options set explicitly: the build directory may have been configured
# without tests (scripts/run-example.sh does that).
BUILD_DIR=build scripts/build.sh -DRAPPORTEUR_SANITIZE=OFF -DRAPPORTEUR_TESTS=ON -DRAPPORTEUR_BENCH=ON
echo "== tests"
(cd build && ctest --output-on-failure --no-tests=error -j"$jobs" --timeout 600)
echo "== lint"
BUILD_DIR=build JOBS="$jobs" scripts/lint.sh

if [ "${RAPPORTEUR_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== build (AddressSanitizer + UBSan)"
  BUILD_DIR=build-asan BUILD_TYPE=Debug scripts/build.sh -DRAPPORTEUR_SANITIZE=ON -DRAPPORTEUR_TESTS=ON -DRAPPORTEUR_BENCH=OFF
  echo "== tests under AddressSanitizer + UBSan"
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
     ctest --output-on-failure --no-tests=error -j"$jobs" --timeout 900 -E 'libreoffice')
fi
