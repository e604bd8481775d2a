#!/usr/bin/env bash
# End-to-end tests of the record through the command line: init, import of
# the real data beside the project (../shared/data), idempotent re-import,
# counts against the sources, a search checked against an independent count
# over the CSV, bad input that must write nothing, add/edit/history, and the
# reports. Usage: tests/cli/record_cli.sh BUILD/rapporteur
set -uo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/../.."
root=$PWD
shared=${RAPPORTEUR_SHARED_DATA:-$root/../shared/data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/record.db
failures=0 passes=0

fail() { echo "FAIL $1"; failures=$((failures + 1)); }
pass() { passes=$((passes + 1)); }
r() { NO_COLOR=1 "$bin" --db "$db" "$@"; }
# expect NAME STATUS ARGS...: runs rapporteur, checks the exit status; output in $tmp/out, $tmp/err.
expect() {
  local name=$1 want=$2
  shift 2
  r "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$want" ]; then fail "$name: exit status $got, expected $want"; cat "$tmp/err"; return 1; fi
  pass
}
# json_get EXPR: evaluates a Python expression over the JSON in $tmp/out (as j).
json_get() { python3 -c "import json,sys; j=json.load(open('$tmp/out')); print($1)"; }
same() { if [ "$2" == "$3" ]; then pass; else fail "$1: got '$2', expected '$3'"; fi; }
contains() { if grep -qF -- "$3" "$2"; then pass; else fail "$1: '$3' not in output"; cat "$2"; fi; }

# --- a store that does not exist, and init
expect no-store 2 search torture
contains no-store-message "$tmp/err" "rapporteur init"
expect init 0 init
expect init-again 0 init

# --- add, edit, history, show
expect add-visit 0 add visit state=China mandate=SR-TORTURE event=requested date=2015-03-02 --key test:visit1
id=$(r search --kind visit --format json | python3 -c "import json,sys; print(json.load(sys.stdin)['results'][0]['id'])")
expect edit-visit 0 edit "$id" note="reminder sent by the mandate"
expect history 0 history "$id" --json
same history-length "$(json_get 'len(j)')" 2
same history-actions "$(json_get '",".join(c["action"] for c in j)')" "add,update"
expect bad-date 2 add visit state=CN mandate=SR-TORTURE event=requested date=2015-13-02
contains bad-date-message "$tmp/err" "date"
expect bad-state 2 add visit state=Chna mandate=SR-TORTURE event=requested date=2015-03-02
contains bad-state-suggestion "$tmp/err" "China"
expect unknown-kind 2 add treaty state=CN

if [ ! -d "$shared/upr-info" ]; then
  echo "record_cli: $passes passed, $failures failed (no shared data: real-data cases skipped)"
  [ "$failures" -eq 0 ]; exit
fi

# --- import the real data: counts agree with the sources
upr=("$shared"/upr-info/upr-info_sessions_{1-5,6-9,10-13,14-17,17-20}.csv)
expect import-upr 0 import "${upr[@]}"
added=$(awk -F'[:,]' '{for(i=1;i<=NF;i++) if ($i ~ / added$/) {split($i,a," "); s+=a[1]}} END{print s}' "$tmp/out")
same upr-rows "$added" 41066
expect reimport-upr 0 import "${upr[@]}"
unchanged=$(grep -o '[0-9]* unchanged' "$tmp/out" | awk '{s+=$1} END{print s}')
same upr-reimport-unchanged "$unchanged" 41066
expect import-ratification 0 import "$shared"/ratification-status/hr_status_*.csv
expect ratification-states 0 search --kind ratification --limit 0 --format json
same ratification-states "$(json_get 'len(j["facets"]["state"])')" 193

# --- a search against an independent count over the CSV
expect search-china 0 search 'torture AND (police OR prison)' --state China --limit 0 --format json
total=$(json_get 'j["total"]')
independent=$(/usr/bin/python3 tests/cli/count_upr.py China "${upr[@]}")
same search-vs-csv "$total" "$independent"
expect search-all 0 search 'torture AND (police OR prison)' --limit 0 --format json --no-facets
same search-all-vs-csv "$(json_get 'j["total"]')" "$(/usr/bin/python3 tests/cli/count_upr.py '*' "${upr[@]}")"
expect search-woman 0 search woman --state CN --limit 0 --format json
women=$(json_get 'j["total"]')
[ "$women" -gt 0 ] && pass || fail "search-woman: 'woman' finds nothing (women should match)"

# --- bad input writes nothing
before=$(r search --limit 0 --format json --no-facets | python3 -c "import json,sys; print(json.load(sys.stdin)['total'])")
printf 'To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\rChina,Asia,,Ratify the ICCPR,Frnace,WEOG,,Accepted,5,Treaty bodies,4\r' >"$tmp/bad.csv"
expect bad-row 2 import "$tmp/bad.csv"
contains bad-row-line "$tmp/err" "line 2"
contains bad-row-suggestion "$tmp/err" "France"
after=$(r search --limit 0 --format json --no-facets | python3 -c "import json,sys; print(json.load(sys.stdin)['total'])")
same bad-row-wrote-nothing "$after" "$before"
expect skip-bad 0 import --skip-bad --rejects "$tmp/rejects.csv" "$tmp/bad.csv"
contains rejects-file "$tmp/rejects.csv" "Frnace"

# --- reports
expect report-cn 0 report state CN --format json --as-of 2026-01-01
same report-state "$(json_get 'j["state"]["code"]')" CN
same report-iccpr-not-ratified "$(json_get '"ICCPR" in [x["instrument"] for x in j["ratification"]["not_ratified"]]')" True
same report-iccpr-signed "$(json_get '"ICCPR" in [x["instrument"] for x in j["ratification"]["signed_not_ratified"]]')" True
expect report-html 0 report state China --format html -o "$tmp/cn.html"
contains report-html-svg "$tmp/cn.html" "<svg"
expect recurrence-cn 0 report recurrence CN --format json
same recurrence-has-clusters "$(json_get 'len(j["clusters"]) > 0')" True
same recurrence-spans-cycles "$(json_get 'all(len(c["cycles"]) >= 2 for c in j["clusters"])')" True
expect timeline-cn 0 report timeline CN --format md
expect report-all 0 report timeline --all --format csv -o "$tmp/all"
same report-all-files "$(ls "$tmp/all" | grep -c '^[A-Z][A-Z]\.csv$')" 193
contains report-all-index "$tmp/all/index.csv" "CN.csv"
expect report-unknown 2 report state Atlantis
contains report-unknown-message "$tmp/err" "Atlantis"
expect report-empty 2 report state 'Holy See' --as-of 2026-01-01 --format json
contains report-empty-message "$tmp/err" "no records"

echo "record_cli: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
