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
JOBS="${1:-1000000}"
LOGS="${2:-10000000}"
RUNS="${3:-200}"
BASE="$ROOT/tests/.out/bench-ui"
B="$ROOT/build/engine"
INI="$BASE/relais.ini"
PASSWORD_FILE="$BASE/db-password"
[ -n "${RELAIS_BENCH_REUSE:-}" ] || rm -rf "$BASE"
mkdir -p "$BASE"
PORT="$(relais_free_port)"
cleanup() { relais_mariadb_stop "$BASE/mariadb"; }
trap cleanup EXIT

relais_build_engine "$ROOT" > /dev/null 2>&1 || relais_die "engine build failed: cmake --build build/engine"
# The whole data set fits the buffer pool, as it should on a server; a bigger
# redo log and a lazy flush only speed up the load.
relais_mariadb_start "$BASE/mariadb" "$PORT" --innodb-buffer-pool-size=4G --innodb-log-file-size=1G \
    --innodb-flush-log-at-trx-commit=2
[ -f "$PASSWORD_FILE" ] || relais_random_hex 16 > "$PASSWORD_FILE"
PASSWORD="$(cat "$PASSWORD_FILE")"
relais_mariadb_create_database "$BASE/mariadb" relais_ui_bench relais_ui_bench "$PASSWORD"
SOCK="$(relais_mariadb_socket "$BASE/mariadb")"
relais_write_ini "$INI" "mariadb://relais_ui_bench:$PASSWORD@localhost/relais_ui_bench?socket=$SOCK" "$BASE/store" \
    bench-ui "$ROOT/sql/mariadb" warn
"$B/relais" --config "$INI" migrate > /dev/null

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM," \
    "MariaDB $(relais_mariadb_sql "$BASE/mariadb" 'SELECT VERSION()'), $(uname -r)"
have="$(relais_mariadb_sql "$BASE/mariadb" 'SELECT COUNT(*) FROM relais_ui_bench.job')"
if [ "$have" != "$JOBS" ]; then
    [ "$have" = 0 ] || relais_die "$BASE holds $have jobs, not $JOBS: run without RELAIS_BENCH_REUSE to start afresh"
    echo "== loading $JOBS jobs and $LOGS log lines"
    "$B/bench/relais_ui_bench" --config "$INI" load --jobs "$JOBS" --logs "$LOGS"
fi
relais_mariadb_sql "$BASE/mariadb" "
    SELECT CONCAT('== data: ', (SELECT COUNT(*) FROM relais_ui_bench.job), ' jobs, ',
                  (SELECT COUNT(*) FROM relais_ui_bench.document), ' documents, ',
                  (SELECT COUNT(*) FROM relais_ui_bench.job_step), ' steps, ',
                  (SELECT COUNT(*) FROM relais_ui_bench.job_log), ' log lines, ',
                  ROUND((SELECT SUM(data_length + index_length) FROM information_schema.tables
                         WHERE table_schema = 'relais_ui_bench') / 1073741824, 1), ' GiB')"
echo "== $RUNS runs of each query (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
"$B/bench/relais_ui_bench" --config "$INI" measure --runs "$RUNS"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: tests/bench/ui_queries.sh $JOBS $LOGS $RUNS"
