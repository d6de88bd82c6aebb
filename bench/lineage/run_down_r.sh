#!/bin/sh
# Whole-process `warroom-cli down -r` on a generated warehouse (see bench/README.md, "lineage").
#   bench/lineage/run_down_r.sh BUILD_DIR [TABLES=20000] [OUT=/tmp/wr-lineage-TABLES]
set -e
build=${1:?build dir}
tables=${2:-20000}
out=${3:-/tmp/wr-lineage-$tables}
cli="$(cd "$build" && pwd)/bin/warroom-cli"
[ -f "$out/warroom.yaml" ] || "$cli" generate --out "$out" --tables "$tables" --jobs 1000 >/dev/null
cd "$out"
for i in 1 2 3; do
    /usr/bin/time -f "stairlight config: %e s wall, %U s user, %S s sys, %M KB" \
        "$cli" down -c stairlight -t bigfoot-prod.staging.users -r --quiet --timing >/dev/null
done
/usr/bin/time -f "workspace (SQL + DAGs + JOBS + OpenLineage): %e s wall, %U s user, %S s sys, %M KB" \
    "$cli" down --workspace . -t staging.users -r --quiet --timing >/dev/null
