#!/usr/bin/env bash
# Installs what War Room needs (Debian 12), builds it, and opens the demo workspace.
# Idempotent: a second run only rebuilds what changed. Usage: ./scripts/run-demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}
./scripts/install-deps.sh
build=${WARROOM_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" --target warroom warroom-cli
exec "$build/bin/warroom" --demo "$@"
