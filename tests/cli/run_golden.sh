#!/usr/bin/env bash
# End-to-end golden tests through the command line, in the manner of git's
# t/ scripts: each case runs `rapporteur`, and compares its standard output,
# standard error and exit status with files under tests/golden/.
#   tests/cli/run_golden.sh BUILD/rapporteur          check
#   UPDATE=1 tests/cli/run_golden.sh BUILD/rapporteur rewrite the golden files
set -uo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/../.."
golden=tests/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0 passes=0

# check NAME EXPECTED_STATUS ARGS...: runs `rapporteur ARGS` in the project root.
check() {
  local name=$1 want=$2
  shift 2
  NO_COLOR=1 "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  printf '%s\n' "$got" >"$tmp/status"
  if [ "${UPDATE:-0}" = 1 ]; then
    cp "$tmp/out" "$golden/$name.out"
    cp "$tmp/err" "$golden/$name.err"
  fi
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit status $got, expected $want"; cat "$tmp/err"; failures=$((failures + 1)); return
  fi
  if ! diff -u "$golden/$name.out" "$tmp/out" >"$tmp/diff" || ! diff -u "$golden/$name.err" "$tmp/err" >>"$tmp/diff"; then
    echo "FAIL $name: output differs from $golden/$name.*"; head -40 "$tmp/diff"; failures=$((failures + 1)); return
  fi
  passes=$((passes + 1))
}

mou_old=examples/mou-draft-2000-03.md
mou_new=examples/mou-signed-2000-11.md
check mou-text 1 compare "$mou_old" "$mou_new"
check mou-json 1 compare --format json "$mou_old" "$mou_new"
check mou-md 1 compare --format md "$mou_old" "$mou_new"
check mou-same 0 compare "$mou_old" "$mou_old"
check mou-three 1 compare --format json "$mou_old" "$mou_new" "$mou_old"
check missing-file 2 compare "$mou_old" tests/fixtures/does-not-exist.txt
check one-file 2 compare "$mou_old"
check bad-format 2 compare --format pdf "$mou_old" "$mou_new"
check empty-file 2 compare "$mou_old" tests/fixtures/empty.txt
check not-a-zip 2 compare "$mou_old" tests/fixtures/not-a-zip.docx
check tokens-zh 0 tokens tests/fixtures/zh-short.md
check broken-utf8 2 compare "$mou_old" tests/fixtures/broken-utf8.txt
check latin1-detected 0 compare tests/fixtures/latin1.txt tests/fixtures/latin1.txt
check latin1-named 1 compare --encoding windows-1252 tests/fixtures/latin1.txt tests/fixtures/broken-utf8.txt
check encrypted-pdf 2 compare "$mou_old" tests/fixtures/pdf/encrypted.pdf
check scanned-pdf 2 compare "$mou_old" tests/fixtures/pdf/image-only.pdf
check truncated-pdf 2 compare "$mou_old" tests/fixtures/pdf/truncated.pdf
check not-a-pdf 2 compare "$mou_old" tests/fixtures/not-a-pdf.pdf
check report-md 1 compare --report md "$mou_old" "$mou_new"
check no-findings 1 compare --no-findings --format json "$mou_old" "$mou_new"
check bad-lexicon 2 compare --lexicon tests/fixtures/bad-lexicon.tsv "$mou_old" "$mou_new"
check output-missing-dir 2 compare --format json -o tests/fixtures/no-such-dir/out.json "$mou_old" "$mou_new"

# -o: the same bytes as standard output (JSON is written in pieces), the
# temporary file renamed away, nothing on standard output.
NO_COLOR=1 "$bin" compare --format json -o "$tmp/written.json" "$mou_old" "$mou_new" >"$tmp/out"
if [ $? = 1 ] && cmp -s "$tmp/written.json" "$golden/mou-json.out" && [ ! -s "$tmp/out" ] &&
   [ ! -e "$tmp/written.json.tmp" ]; then
  passes=$((passes + 1))
else
  echo "FAIL output-file: -o did not write what standard output gets"; failures=$((failures + 1))
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
