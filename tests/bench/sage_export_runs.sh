#!/usr/bin/env bash
# tests/bench/sage_export_runs.sh: what the admin site's Sage page costs the
# core's ExportFolder (engine/sage/export_folder.h) as [sage] export_dir
# fills up: listing the 10 latest runs (every page view) and opening one file
# (a download), for folders of 100, 1,000 and 10,000 runs of 5 files each
# made under tests/.out/bench-export-runs (removed at the end). Wall and CPU
# microseconds per call; the load average is printed with them.
# Usage: tests/bench/sage_export_runs.sh [CALLS]   (default 200)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=installer/lib/all.sh
. "$ROOT/installer/lib/all.sh"
CALLS="${1:-200}"
BASE="$ROOT/tests/.out/bench-export-runs"
trap 'rm -rf "$BASE"' EXIT
relais_build_engine "$ROOT" > /dev/null 2>&1 || relais_die "engine build failed: cmake --build build/engine"
echo "command: tests/bench/sage_export_runs.sh $CALLS"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for runs in 100 1000 10000; do
    rm -rf "$BASE"
    mkdir -p "$BASE"
    "$ROOT/build/engine/bench/sage_bench" runs --dir "$BASE" --runs "$runs" --files 5 --calls "$CALLS"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
