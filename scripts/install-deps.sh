#!/usr/bin/env bash
# Installs the Debian 12 packages rapporteur needs, and only those missing.
#   scripts/install-deps.sh          build and run
#   scripts/install-deps.sh --test   also what the tests use (LibreOffice, qpdf, ...)
#   scripts/install-deps.sh --bench  also the peers the benchmarks compare against
set -euo pipefail

build_pkgs=(
  cmake g++ make pkg-config git ca-certificates
  libicu-dev nlohmann-json3-dev libcli11-dev libfmt-dev libpugixml-dev libzip-dev
  libpoppler-cpp-dev libmimalloc-dev libxml2-dev libcmark-dev libre2-dev libsqlite3-dev libstemmer-dev iso-codes libgtest-dev libgmock-dev libbenchmark-dev
)
test_pkgs=(
  clang-format clang-tidy libreoffice-writer-nogui python3 python3-uno python3-snowballstemmer poppler-utils qpdf diffutils zip unzip sqlite3
)
bench_pkgs=(
  wdiff dwdiff python3 nodejs npm git time diffutils sqlite3 grep
)

want=("${build_pkgs[@]}")
for arg in "$@"; do
  case "$arg" in
    --test) want+=("${test_pkgs[@]}") ;;
    --bench) want+=("${bench_pkgs[@]}") ;;
    *) echo "error: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

missing=()
for pkg in "${want[@]}"; do
  # Node.js from another source (NodeSource bundles npm) conflicts with
  # Debian's npm package: a working node and npm are enough.
  case "$pkg" in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
  esac
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
