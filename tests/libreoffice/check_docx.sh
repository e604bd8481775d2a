#!/usr/bin/env bash
# LibreOffice round trip of the DOCX redline writer.
#
#   check_docx.sh RAPPORTEUR_TESTS_BINARY
#
# 1. The gtest DocxLibreOfficeSample.Write writes a sample redline and the
#    texts that accepting / rejecting all changes must give.
# 2. check_docx.py opens it in a private headless LibreOffice, accepts all
#    (resp. rejects all) tracked changes and compares the text.
# 3. soffice --convert-to pdf renders it; pdftotext must find its text.
# 4. soffice saves it as DOCX again; our reader must accept / reject
#    LibreOffice's tracked changes to the same texts.
#
# Exit status 0 pass, 1 fail, 77 skipped (LibreOffice, python3-uno or
# pdftotext missing). Every soffice runs under timeout(1) with a throw-away
# profile, in its own process group.
set -euo pipefail

tests_binary=${1:?usage: check_docx.sh RAPPORTEUR_TESTS_BINARY}
here=$(cd "$(dirname "$0")" && pwd)
SKIP=77

soffice=$(command -v soffice || true)
if [[ -z $soffice ]]; then
  echo "skip: soffice not found (apt-get install libreoffice-writer-nogui)"
  exit $SKIP
fi
# Debian's python3-uno serves /usr/bin/python3, which may not be the first
# python3 on the PATH (pyenv, venvs).
python=""
for candidate in /usr/bin/python3 "$(command -v python3 || true)"; do
  if [[ -x $candidate ]] && "$candidate" -c 'import uno' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [[ -z $python ]]; then
  echo "skip: no python3 with the uno module (apt-get install python3-uno)"
  exit $SKIP
fi
if ! command -v pdftotext >/dev/null; then
  echo "skip: pdftotext not found (apt-get install poppler-utils)"
  exit $SKIP
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/rapporteur-docx-lo.XXXXXX")
trap 'rm -rf "$work"' EXIT

RAPPORTEUR_DOCX_SAMPLE_DIR=$work "$tests_binary" \
  --gtest_filter='DocxLibreOfficeSample.Write' >"$work/gtest.log" 2>&1 || {
  cat "$work/gtest.log"
  exit 1
}
[[ -s $work/redline.docx ]] || { echo "FAIL: no sample written"; exit 1; }

timeout --kill-after=10 300 "$python" "$here/check_docx.py" \
  "$work/redline.docx" "$work/expected-accept.txt" "$work/expected-reject.txt" --timeout 240

# The redline must also render: a PDF with its words (old and new shown).
timeout --kill-after=10 180 "$soffice" --headless --invisible --norestore --nologo \
  "-env:UserInstallation=file://$work/pdf-profile" \
  --convert-to pdf --outdir "$work" "$work/redline.docx" >"$work/convert.log" 2>&1 || {
  cat "$work/convert.log"
  echo "FAIL: soffice --convert-to pdf failed"
  exit 1
}
[[ -s $work/redline.pdf ]] || { echo "FAIL: no PDF produced"; exit 1; }
pdftext=$(pdftotext -layout "$work/redline.pdf" - | tr -s '[:space:]' ' ')
for phrase in "Agreement on monitoring" "unimpeded" "Merge part two"; do
  if [[ $pdftext != *"$phrase"* ]]; then
    echo "FAIL: the PDF lacks '$phrase'"
    exit 1
  fi
done
echo "ok: the PDF has the redline's text"

# LibreOffice's own DOCX with the same tracked changes must read back the
# same through our reader (accept and reject).
timeout --kill-after=10 180 "$soffice" --headless --invisible --norestore --nologo \
  "-env:UserInstallation=file://$work/docx-profile" \
  --convert-to 'docx:MS Word 2007 XML' --outdir "$work/resaved" "$work/redline.docx" \
  >"$work/resave.log" 2>&1 || {
  cat "$work/resave.log"
  echo "FAIL: soffice could not save the redline as DOCX again"
  exit 1
}
[[ -s $work/resaved/redline.docx ]] || { echo "FAIL: no resaved DOCX"; exit 1; }
RAPPORTEUR_DOCX_SAMPLE_DIR=$work "$tests_binary" \
  --gtest_filter='DocxLibreOfficeSample.ReadResaved' >"$work/gtest-resaved.log" 2>&1 || {
  cat "$work/gtest-resaved.log"
  echo "FAIL: LibreOffice's DOCX does not read back as the sample"
  exit 1
}
if grep -q '\[  SKIPPED \]' "$work/gtest-resaved.log"; then
  echo "FAIL: the read-back test was skipped"
  exit 1
fi
echo "ok: LibreOffice's resaved DOCX reads back with accept and reject"
