#!/usr/bin/env bash
# Builds the Debian package from a build directory, installs it with apt (which pulls in its
# dependencies), and runs the installed `warroom --demo` and `warroom-cli` from /usr/bin.
#   ./scripts/check-package.sh [BUILD_DIR=build]
# Leaves the package installed (a second run reinstalls it); `apt-get remove warroom` undoes it.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"

rm -f "$build"/warroom_*.deb
(cd "$build" && cpack -G DEB >/dev/null 2>&1) || { echo "cpack failed in $build" >&2; exit 1; }
deb=$(ls "$build"/warroom_*.deb)
echo "package: $deb ($(du -h "$deb" | cut -f1))"
echo "depends: $(dpkg-deb -f "$deb" Depends)"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --reinstall "./$deb" >/dev/null

for f in /usr/bin/warroom /usr/bin/warroom-cli \
         /usr/share/applications/io.github.warroom.WarRoom.desktop \
         /usr/share/metainfo/io.github.warroom.WarRoom.metainfo.xml \
         /usr/share/icons/hicolor/256x256/apps/io.github.warroom.WarRoom.png \
         /usr/share/doc/warroom/copyright; do
    [ -e "$f" ] || { echo "missing from the installed package: $f" >&2; exit 1; }
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/io.github.warroom.WarRoom.desktop
fi

# Run from the package, in a throw-away HOME so the demo is generated afresh.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
HOME=$home /usr/bin/warroom-cli demo --out "$home/demo" >/dev/null
downstream=$(HOME=$home /usr/bin/warroom-cli down --workspace "$home/demo" \
    -t dag:core_raw_load_hourly_01 -r --quiet)
case $downstream in *bigfoot-prod.*) ;; *) echo "the installed warroom-cli found nothing downstream" >&2; exit 1 ;; esac
HOME=$home QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$home WARROOM_SCREENSHOT_DELAY_MS=1 \
    /usr/bin/warroom --demo --screenshot "$home/demo.png" 2>/dev/null
[ -s "$home/demo.png" ] || { echo "the installed warroom --demo wrote no screenshot" >&2; exit 1; }
echo "package check: installed, warroom --demo and warroom-cli ran from /usr/bin"
