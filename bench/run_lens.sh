#!/usr/bin/env bash
# Reference matching against grep: the catalogue's names, abbreviations and
# aliases and the lexicon phrases, scanned by rapporteur (Aho-Corasick) and
# by `grep -F -i -f` with the same phrase list on the same text.
#   bench/run_lens.sh [MiB of text, default 64]
set -euo pipefail
cd "$(dirname "$0")/.."
mib=${1:-64}
out=bench/out
mkdir -p "$out"
[ -x build/lens_bench ] || scripts/build.sh >/dev/null
# Text: the project's own English, French, Spanish and Chinese test texts,
# repeated to the size asked for.
python3 - "$mib" "$out/lens-text.txt" <<'PY'
import glob, sys
target = int(sys.argv[1]) << 20
parts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("examples/*.md") + glob.glob("tests/lens/corpus/*/*.md") + glob.glob("tests/lens/corpus/*/*.txt"))]
chunk = "\n".join(parts)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    written = 0
    while written < target:
        f.write(chunk); written += len(chunk.encode())
PY
bytes=$(stat -c %s "$out/lens-text.txt")
build/lens_bench --text="$out/lens-text.txt" --dump-phrases="$out/lens-phrases.txt" \
  --benchmark_format=json --benchmark_out="$out/lens.json" >/dev/null 2>"$out/lens.err"
ours=$(python3 -c "import json; b=json.load(open('$out/lens.json'))['benchmarks'][0]; print(b['real_time']/1000)")
# grep: best of three, same phrases, case-insensitive like the matcher.
best=999999
for i in 1 2 3; do
  s=$(date +%s.%N); LC_ALL=C.UTF-8 grep -F -i -c -f "$out/lens-phrases.txt" "$out/lens-text.txt" >/dev/null || true; e=$(date +%s.%N)
  t=$(echo "$e - $s" | bc -l); best=$(echo "if ($t < $best) $t else $best" | bc -l)
done
python3 - "$bytes" "$ours" "$best" "$(wc -l < "$out/lens-phrases.txt")" <<'PY'
import sys
size, ours, grep, phrases = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
mb = size / 1e6
print(f"| text | phrases | rapporteur | grep -F -i -f | grep / rapporteur |")
print(f"|---|---|---|---|---|")
print(f"| {mb:.0f} MB | {phrases} | {ours*1000:.0f} ms ({mb/ours:.0f} MB/s) | {grep*1000:.0f} ms ({mb/grep:.0f} MB/s) | {grep/ours:.1f}x |")
PY
