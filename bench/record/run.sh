#!/usr/bin/env bash
# The record benchmark: import throughput, search latency and facet counts of
# the store, and the same queries through sqlite3 (LIKE) and grep.
#   bench/record/run.sh [--quick] [--import-only SIZE]... [--no-readme]
# --quick: the real rows and the 10k corpus only. Imports: best of three,
# one run for the 1M corpus. --import-only 1000000: for
# that size, import and nothing else. Takes about 15 minutes on 2 cores, most
# of it the 1M corpus. Run it on an otherwise idle machine: the timings are
# wall-clock (the load average is recorded with the results).
set -euo pipefail
cd "$(dirname "$0")/../.."

sizes=(10000 100000 1000000)
import_only=()
readme=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) sizes=(10000) ;;
    --import-only) import_only+=("$2"); shift ;;
    --no-readme) readme=0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done

for cmd in sqlite3 python3 cmake grep /usr/bin/time; do
  command -v "$cmd" >/dev/null || { echo "run.sh: '$cmd' is missing (scripts/install-deps.sh --bench)" >&2; exit 2; }
done
real_dir=${RAPPORTEUR_SHARED_DATA:-../shared/data}/upr-info
real_csv=("$real_dir"/upr-info_sessions_*.csv)
[ -f "${real_csv[0]}" ] || { echo "run.sh: no UPR Info export in '$real_dir'" >&2; exit 2; }

# The shipped configuration (-O2), built under the shared lock.
build_dir=${BUILD_DIR:-build}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(cd .. && pwd)}
flock /tmp/rapporteur-build.lock cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DRAPPORTEUR_BENCH=ON >/dev/null
flock /tmp/rapporteur-build.lock cmake --build "$build_dir" -j2 --target rapporteur record_search_bench
rapporteur=$build_dir/rapporteur
out=bench/out
mkdir -p "$out"
rm -f "$out"/record-import-*.json "$out"/record-search-*.json "$out"/record-peers-*.json

python3 - "$out/record-machine.json" <<'PY'
import json, os, platform, subprocess, sys, time
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next(int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal"))
sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
json.dump({"date": time.strftime("%Y-%m-%d"), "cpu": cpu, "cores": os.cpu_count(), "mem_mb": mem,
           "kernel": platform.release(), "sqlite3": sqlite, "load_start": os.getloadavg()[0]},
          open(sys.argv[1], "w"), indent=2)
PY

# Imports one set of files into a fresh store, timed by /usr/bin/time -v;
# best (wall clock) of `runs`.
import_store() {  # name runs store files...
  local name=$1 runs=$2 store=$3 run; shift 3
  for run in $(seq "$runs"); do import_once "$name" "$store" "$@"; done
  echo "import $name: $(tr -d '\n ' < "$out/record-import-$name.json")"
}

import_once() {  # name store files...
  local name=$1 store=$2; shift 2
  rm -f "$store" "$store-wal" "$store-shm"
  "$rapporteur" --db "$store" init >/dev/null
  /usr/bin/time -v -o "$out/record-import-$name.time" "$rapporteur" --db "$store" import "$@" \
    >"$out/record-import-$name.log" 2>&1
  python3 - "$name" "$out/record-import-$name" "$store" "$@" <<'PY'
import json, os, re, sys
name, base, store, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
t = {}
for line in open(base + ".time"):
    key, _, value = line.strip().rpartition(": ")
    t[key] = value
h, m, s = (["0"] * 3 + t["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"))[-3:]
added = sum(int(x) for x in re.findall(r"(\d+) added", open(base + ".log").read()))
wall = int(h) * 3600 + int(m) * 60 + float(s)
if os.path.exists(base + ".json") and json.load(open(base + ".json"))["wall_s"] <= wall:
    sys.exit(0)  # an earlier run was faster
json.dump({"name": name, "rows": added, "bytes": sum(os.path.getsize(f) for f in files),
           "wall_s": wall,
           "user_s": float(t["User time (seconds)"]), "sys_s": float(t["System time (seconds)"]),
           "max_rss_mb": int(t["Maximum resident set size (kbytes)"]) / 1024,
           "store_mb": os.path.getsize(store) / 1e6, "load": os.getloadavg()[0]},
          open(base + ".json", "w"), indent=2)
PY
}

measure() {  # name store csv...
  local name=$1 store=$2; shift 2
  "$build_dir/record_search_bench" --db="$store" --seconds=3 --min-runs=20 \
    --json="$out/record-search-$name.json"
  python3 bench/record/peers.py --name "$name" --store "$store" --rapporteur "$rapporteur" \
    --workdir "$out" --out "$out/record-peers-$name.json" "$@"
}

import_store real 3 "$out/record-real.db" "${real_csv[@]}"
measure real "$out/record-real.db" "${real_csv[@]}"
for n in "${sizes[@]}"; do
  csv=$out/upr-synthetic-$n.csv
  if [ ! -f "$csv" ] || [ bench/record/gen_upr.py -nt "$csv" ]; then
    python3 bench/record/gen_upr.py --rows "$n" --seed 1 "$csv"
  fi
  import_store "$n" "$([ "$n" -le 100000 ] && echo 3 || echo 1)" "$out/record-$n.db" "$csv"
  if [[ " ${import_only[*]} " == *" $n "* ]]; then continue; fi
  measure "$n" "$out/record-$n.db" "$csv"
done

python3 -c "import json,os,sys; m=json.load(open(sys.argv[1])); m['load_end']=os.getloadavg()[0]; json.dump(m,open(sys.argv[1],'w'),indent=2)" "$out/record-machine.json"
if [ "$readme" = 1 ]; then
  python3 bench/record/report.py --readme bench/README.md
else
  python3 bench/record/report.py
fi
