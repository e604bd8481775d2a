#!/usr/bin/env bash
# The recurrence table of bench/README.md: the LSH engine (Find) against the
# all-pairs reference (FindReference) on the real UPR rows and on synthetic
# corpora resampled from them (bench/recurrence_bench.cc), one process per
# measurement so that each peak RSS is its own.
#   bench/run_recurrence.sh BUILD_DIR [DATA_DIR] [SIZES...]
set -euo pipefail
build=${1:?usage: run_recurrence.sh BUILD_DIR [DATA_DIR] [SIZES...]}
data=${2:-$(dirname "$0")/../../shared/data/upr-info}
shift 2 || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(0 10000 100000 1000000)
printf 'items\tmode\tseconds\tpeak_rss_mb\tclusters\tpairs_verified\n'
for n in "${sizes[@]}"; do
  "$build/recurrence_bench" "$data" "$n" fast
  # The reference is quadratic per state: past 1M it runs for many minutes.
  if [ "$n" -le 1000000 ]; then "$build/recurrence_bench" "$data" "$n" reference; fi
done
