#!/usr/bin/env bash
# What findings add to a comparison: `rapporteur compare --format json` on
# the generated 1M-word pair with and without --no-findings, best of three
# each, and the ratio (target: findings add at most 20%).
#   bench/run_findings_overhead.sh [density, default 0.01]
set -euo pipefail
cd "$(dirname "$0")/.."
density=${1:-0.01}
out=bench/out
mkdir -p "$out"
old="$out/gen-1000000-$density-old.md" new="$out/gen-1000000-$density-new.md"
[ -f "$old" ] || python3 bench/gen_pair.py --words 1000000 --density "$density" --seed 1 "$old" "$new" >/dev/null
[ -x build/rapporteur ] || scripts/build.sh >/dev/null
best() {
  local best=999999 t
  for _ in 1 2 3; do
    t=$( { /usr/bin/time -f %e build/rapporteur compare --format json "$@" "$old" "$new" >/dev/null; } 2>&1 | tail -1)
    best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  echo "$best"
}
without=$(best --no-findings)
with=$(best)
python3 -c "
w, f = float('$without'), float('$with')
print('| pair | without findings | with findings | added |')
print('|---|---|---|---|')
print(f'| generated 1M words, {float(\"$density\")*100:.0f}% edits | {w:.2f} s | {f:.2f} s | {100*(f-w)/w:.0f}% |')"
