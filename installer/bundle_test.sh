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
echo "== team catalog";   "$EXE" catalog publish --to "sqlite:///$WORK/team.db" --approve | tail -1
"$EXE" flag "$DEMO" --catalog-url "sqlite:///$WORK/team.db" | head -1
if "$EXE" catalog approve --url postgresql://nobody@127.0.0.1:1/x 2> pg.txt; then exit 1; fi
grep -q "cannot reach the team catalog" pg.txt || { cat pg.txt >&2; exit 1; }  # psycopg is in
echo "== signed pack";    "$EXE" catalog keygen -o "$WORK/desk.key" | tail -1
"$EXE" catalog pack -o "$WORK/c.pack" --key "$WORK/desk.key" | tail -1
SPECASSIST_CONFIG_DIR="$WORK/config" "$EXE" catalog trust "$WORK/desk.key.pub" | tail -1
SPECASSIST_CONFIG_DIR="$WORK/config" "$EXE" catalog install "$WORK/c.pack" --dry-run | tail -1
echo "== gui (offscreen, 6 s)"
status=0
QT_QPA_PLATFORM=offscreen timeout 6 "$EXE" --demo > gui.log 2>&1 || status=$?
if [ "$status" -ne 124 ]; then
    echo "the app exited early (status $status):" >&2; cat gui.log >&2; exit 1
fi
if grep -q "Traceback" gui.log; then cat gui.log >&2; exit 1; fi
echo "bundle test passed"
