#!/usr/bin/env bash
# The peer benchmark: installs the peers, builds rapporteur, runs every tool on
# every pair and rewrites the tables in bench/README.md from the run.
#   bench/run_peers.sh [--quick] [--timeout SECONDS] [--no-readme]
# Takes about 15 minutes on 2 cores, most of it peers on the 1M-word pairs.
# Run it on an otherwise idle machine: the timings are wall-clock.
set -euo pipefail
cd "$(dirname "$0")/.."

# Install the peers only if a command is missing: where node comes from
# NodeSource, npm is bundled with it and Debian's npm package cannot be
# installed beside it, so asking install-deps.sh for it would fail.
for cmd in wdiff dwdiff python3 node npm git /usr/bin/time diff cmake; do
  if ! command -v "$cmd" >/dev/null; then
    bash scripts/install-deps.sh --bench
    break
  fi
done
npm ci --prefix bench --no-audit --no-fund --loglevel=error

# The shipped build configuration (-O2, as scripts/build.sh), built under the
# shared lock so as not to fight other builds for the two cores.
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
flock /tmp/rapporteur-build.lock cmake --build "$build_dir" -j2 --target rapporteur

exec python3 bench/run_peers.py --rapporteur "$build_dir/rapporteur" "$@"
