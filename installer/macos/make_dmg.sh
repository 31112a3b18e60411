#!/bin/sh
# Build the macOS disk image from the .app PyInstaller made (see installer/README.md).
# Usage (on macOS, from the repository root): installer/macos/make_dmg.sh
set -eu
APP="dist/SpecAssist.app"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' specassist/__init__.py)
DMG="dist/SpecAssist-$VERSION.dmg"
[ -d "$APP" ] || { echo "build the app first: pyinstaller installer/specassist.spec" >&2; exit 1; }
STAGE=$(mktemp -d)
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "SpecAssist $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
rm -rf "$STAGE"
echo "$DMG"
