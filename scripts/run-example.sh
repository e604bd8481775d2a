#!/usr/bin/env bash
# The main job: installs what is missing, builds, and
#  1. compares the example pair that ships with the project (a
#     technical-cooperation MOU, draft and signed text);
#  2. builds a record store (SQLite, the embedded default) from the real
#     public data beside the project in ../shared/data — UPR recommendations,
#     ratifications, OHCHR thematic lists, treaty-body follow-up —, searches
#     it, and writes China's cooperation scorecard to build-example/CN.html.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR=build-example scripts/build.sh -DRAPPORTEUR_TESTS=OFF -DRAPPORTEUR_BENCH=OFF >/dev/null
bin=build-example/rapporteur
status=0
$bin compare examples/mou-draft-2000-03.md examples/mou-signed-2000-11.md || status=$?
[ "$status" -le 1 ] || exit "$status"

shared=../shared/data
if [ ! -d "$shared" ]; then
  echo "note: no $shared beside the project: skipping the record example" >&2
  exit 0
fi
db=build-example/record.db
rm -f "$db" "$db-wal" "$db-shm"
echo
$bin --db "$db" init
$bin --db "$db" import "$shared"/upr-info/upr-info_sessions_*.csv "$shared"/ratification-status/hr_status_*.csv \
  "$shared"/ohchr-thematic-lists-slovenia/cycle*__Thematic_List_of_Recommendations.md "$shared"/ccpr-followup/*.json
echo
$bin --db "$db" search 'torture AND (police OR prison)' --state China --limit 5
$bin --db "$db" report state CN --format html -o build-example/CN.html
$bin --db "$db" report recurrence CN --format html -o build-example/CN-recurrence.html
echo
echo "China's scorecard: build-example/CN.html; its recurring recommendations: build-example/CN-recurrence.html"
