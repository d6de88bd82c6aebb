#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 30)
# on a copy of its seed corpus. A crash input is kept under build-fuzz/crashes/<target>/;
# copy it to tests/fuzz/regressions/<target>/ once fixed, so the ordinary tests replay it.
# Usage: ./scripts/fuzz.sh [SECONDS] [TARGET...]
# Exit status: 0 clean, 1 a target found something, 2 the targets do not build.
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}
seconds=${1:-30}
shift || true
build=${WARROOM_FUZZ_BUILD_DIR:-build-fuzz}
# UBSan findings stop the run (the fuzz build compiles with recoverable UBSan).
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DWARROOM_FUZZ=ON -DBUILD_TESTING=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/targets/*.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi
# A fuzz target that does not build is a broken build (e.g. code clang 14 rejects), not a finding.
if ! cmake --build "$build" --target "${targets[@]/#/fuzz_}"; then
  echo "fuzz: the fuzz targets do not build"; exit 2
fi
status=0
for t in "${targets[@]}"; do
  work=$(mktemp -d)
  mkdir -p "$work/corpus" "$build/crashes/$t"
  cp -r tests/fuzz/corpus/"$t"/. "$work/corpus/" 2>/dev/null || true
  cp -r tests/fuzz/regressions/"$t"/. "$work/corpus/" 2>/dev/null || true
  echo "fuzz: $t for ${seconds}s"
  if ! "$build/bin/fuzz_$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$build/crashes/$t/" -print_final_stats=1 "$work/corpus" >"$work/log" 2>&1; then
    echo "fuzz: $t FAILED; input in $build/crashes/$t/"; tail -40 "$work/log"; status=1
  else
    grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$work/log" | sed "s/^/fuzz: $t /"
  fi
  rm -rf "$work"
done
exit $status
