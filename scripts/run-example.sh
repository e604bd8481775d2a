#!/usr/bin/env bash
# The main job: installs what is missing, builds, and compares the example
# pair that ships with the project (a technical-cooperation MOU, draft and
# signed text). Exit status 1 means "differences found", as with diff(1).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR=build-example scripts/build.sh -DRAPPORTEUR_TESTS=OFF -DRAPPORTEUR_BENCH=OFF >/dev/null
status=0
build-example/rapporteur compare examples/mou-draft-2000-03.md examples/mou-signed-2000-11.md || status=$?
[ "$status" -le 1 ] || exit "$status"
