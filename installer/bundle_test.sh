#!/bin/sh
# Run the built bundle as a user would: another working directory, no venv on PATH.
# Usage: installer/bundle_test.sh dist/specassist
set -eu
BUNDLE=$(cd "$1" && pwd)
EXE="$BUNDLE/specassist"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export PATH=/usr/bin:/bin
unset VIRTUAL_ENV PYTHONPATH PYTHONHOME SPECASSIST_HOME
echo "== version";        "$EXE" --version
echo "== catalog check";  "$EXE" catalog check > catalog.txt && tail -3 catalog.txt
DEMO=$(find "$BUNDLE" -name demo-survey.csv | head -1)
echo "== tender";         "$EXE" tender "$DEMO" -o tender.pdf --boq boq.xlsx
test -s tender.pdf && head -c 5 tender.pdf | grep -q '%PDF-' && test -s boq.xlsx
echo "== gui (offscreen, 6 s)"
status=0
QT_QPA_PLATFORM=offscreen timeout 6 "$EXE" --demo > gui.log 2>&1 || status=$?
if [ "$status" -ne 124 ]; then
    echo "the app exited early (status $status):" >&2; cat gui.log >&2; exit 1
fi
if grep -q "Traceback" gui.log; then cat gui.log >&2; exit 1; fi
echo "bundle test passed"
