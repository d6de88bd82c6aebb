#!/usr/bin/env bash
# Installs every Debian 12 package War Room needs to build, test and run.
# Idempotent: packages already present are left alone; uses sudo only when not root.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config ccache zlib1g-dev
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite
  qtkeychain-qt6-dev nlohmann-json3-dev libboost-graph-dev libyaml-cpp-dev
  libxlsxwriter-dev libgraphviz-dev
  xvfb xauth fonts-ipafont-gothic fonts-dejavu-core
  python3-openpyxl dbus gnome-keyring libsecret-1-0
  clang-14 libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
