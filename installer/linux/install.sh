#!/bin/sh
# Install the SpecAssist bundle for the current user: program, menu entry, icon and
# the .specassist file association. Usage: install.sh [BUNDLE_DIR]   (default: ./specassist)
set -eu
BUNDLE=$(cd "${1:-$(dirname "$0")/specassist}" && pwd)
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN="$HOME/.local/bin"
[ -x "$BUNDLE/specassist" ] || { echo "no SpecAssist bundle in $BUNDLE" >&2; exit 1; }
RES="$BUNDLE/_internal/resources"
[ -d "$RES" ] || RES="$BUNDLE/resources"
mkdir -p "$BIN" "$DATA/applications" "$DATA/icons/hicolor/scalable/apps" "$DATA/mime/packages"
ln -sf "$BUNDLE/specassist" "$BIN/specassist"
cp "$RES/specassist.desktop" "$DATA/applications/specassist.desktop"
cp "$RES/icons/specassist.svg" "$DATA/icons/hicolor/scalable/apps/specassist.svg"
cp "$RES/specassist-mime.xml" "$DATA/mime/packages/specassist.xml"
command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
echo "SpecAssist installed: run 'specassist' or find it in the applications menu."
