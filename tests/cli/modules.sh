#!/usr/bin/env bash
# The command line loads each of its modules (src/base/module_loader.h) on a
# path that succeeds: PDF in, DOCX out and in again, a full-text search
# (the stemmer). The CLI is linked differently from the unit tests (static
# archives, only the library's symbols exported), so a symbol a module
# needs and the program lacks shows here and nowhere else.
# Usage: tests/cli/modules.sh BUILD/rapporteur
set -uo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# run NAME WANT ARGS...: runs rapporteur and checks its exit status.
run() {
  local name=$1 want=$2
  shift 2
  NO_COLOR=1 "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit status $got, expected $want"
    cat "$tmp/err"
    failures=$((failures + 1))
  fi
}

run pdf 1 compare --no-findings tests/fixtures/pdf/simple.pdf tests/fixtures/pdf/columns.pdf
run docx-out 1 compare --format docx -o "$tmp/redline.docx" \
  examples/mou-draft-2000-03.md examples/mou-signed-2000-11.md
run docx-in 0 tokens "$tmp/redline.docx"
run search-init 0 --db "$tmp/record.db" init
run search-add 0 --db "$tmp/record.db" add recommendation state=China mechanism=UPR \
  "text=Allow independent monitoring of detention facilities" --key test:rec1
run search-stemmed 0 --db "$tmp/record.db" search facility --format json
if ! grep -q 'test:rec1' "$tmp/out"; then
  echo "FAIL search-stemmed: 'facility' did not find 'facilities'"
  cat "$tmp/out"
  failures=$((failures + 1))
fi

if [ "$failures" != 0 ]; then exit 1; fi
echo "modules: PDF, zip and stemmer loaded by the command line"
