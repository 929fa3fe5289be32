#!/usr/bin/env bash
# tests/bench/ui_queries.sh: the admin UI's job queries at scale (1,000,000 jobs and
# 10,000,000 log lines by default), through the real JobQueue code:
#   1. loads the jobs (50 flows, 200 partners, the 7 statuses, 90 days of history),
#      their documents, steps and log lines with INSERT ... SELECT from MariaDB's
#      sequence tables (relais_ui_bench load);
#   2. times each list query and the job detail RUNS times with varied values and
#      prints p50/p95/max in ms, with the rows the server read for one query
#      (relais_ui_bench measure).
# Everything runs on a private MariaDB under tests/.out/bench-ui, stopped at the end.
# Usage: tests/bench/ui_queries.sh [JOBS [LOG_LINES [RUNS]]]   (default 1000000 10000000 200)
# RELAIS_BENCH_REUSE=1 keeps the loaded database for the next run, which then skips
# the load when it holds JOBS jobs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=installer/lib/all.sh
. "$ROOT/installer/lib/all.sh"
# shellcheck source=tests/bench/ui_data.sh
. "$ROOT/tests/bench/ui_data.sh"
JOBS="${1:-1000000}"
LOGS="${2:-10000000}"
RUNS="${3:-200}"
BASE="$ROOT/tests/.out/bench-ui"
B="$ROOT/build/engine"
INI="$BASE/relais.ini"
[ -n "${RELAIS_BENCH_REUSE:-}" ] || rm -rf "$BASE"
cleanup() { relais_mariadb_stop "$BASE/mariadb"; }
trap cleanup EXIT

bench_ui_data "$ROOT" "$BASE" relais_ui_bench "$JOBS" "$LOGS"
echo "== $RUNS runs of each query (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
"$B/bench/relais_ui_bench" --config "$INI" measure --runs "$RUNS"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: tests/bench/ui_queries.sh $JOBS $LOGS $RUNS"
