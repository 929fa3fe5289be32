#!/usr/bin/env bash
# tests/bench/engine_throughput.sh: the job engine's figures (issue 3).
#   1. throughput of one-step noop jobs, queued first, with 1 and with 2 relaisd
#      processes (from the first job's start to the last job's end, by the
#      database's own timestamps), and submit-to-end with submits running alongside;
#   2. submit-to-start latency at low load (p50, p99);
#   3. the same MariaDB's single-row commit rate (sysbench oltp_insert, 1 thread),
#      and jobs/s as a ratio of it.
# Everything runs on a private MariaDB under tests/.out/bench (or RELAIS_BENCH_DIR,
# e.g. a tmpfs folder to take the disk out of the measure), stopped at the end.
# Usage: tests/bench/engine_throughput.sh [JOBS]   (default 20000)
# Knobs: RELAIS_BENCH_MARIADB_ARGS="--innodb-... ..." (extra mariadbd options),
#        RELAIS_BENCH_QUICK=1 (the queued-jobs runs only),
#        RELAIS_BENCH_WORKERS=N ([engine] workers of each relaisd, default 4 as the product).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=installer/lib/all.sh
. "$ROOT/installer/lib/all.sh"
JOBS="${1:-20000}"
BASE="${RELAIS_BENCH_DIR:-$ROOT/tests/.out/bench}"
B="$ROOT/build/engine"
INI="$BASE/relais.ini"
rm -rf "$BASE"
mkdir -p "$BASE"
PORT="$(relais_free_port)"
cleanup() {
    for p in "$BASE"/relaisd-*.pid; do [ -f "$p" ] && relais_daemon_stop "$p"; done
    relais_mariadb_stop "$BASE/mariadb"
}
trap cleanup EXIT

relais_ensure_packages sysbench
relais_build_engine "$ROOT" > /dev/null 2>&1 || relais_die "engine build failed: cmake --build build/engine"
# shellcheck disable=SC2086
relais_mariadb_start "$BASE/mariadb" "$PORT" ${RELAIS_BENCH_MARIADB_ARGS:-}
PASSWORD="$(relais_random_hex 16)"
relais_mariadb_create_database "$BASE/mariadb" relais_bench relais_bench "$PASSWORD"
relais_mariadb_create_database "$BASE/mariadb" sbtest relais_bench "$PASSWORD"
SOCK="$(relais_mariadb_socket "$BASE/mariadb")"
relais_write_ini "$INI" "mariadb://relais_bench:$PASSWORD@localhost/relais_bench?socket=$SOCK" "$BASE/store" bench-1 "$ROOT/sql/mariadb" warn
WORKERS="${RELAIS_BENCH_WORKERS:-4}"
sed -i -e 's/^poll_interval_ms = .*/poll_interval_ms = 20/' -e "s/^workers = .*/workers = $WORKERS/" "$INI"
sed "s/^node = .*/node = bench-2/" "$INI" > "$BASE/relais-2.ini"
"$B/relais" --config "$INI" migrate > /dev/null
printf '{"name":"bench-noop","steps":[{"activity":"noop"}]}\n' > "$BASE/bench-noop.json"
"$B/relais" --config "$INI" flows import "$BASE/bench-noop.json" > /dev/null

last_id() { relais_mariadb_sql "$BASE/mariadb" "SELECT COALESCE(MAX(id), 0) FROM relais_bench.job"; }
start_daemons() {
    local n="$1" i
    for ((i = 1; i <= n; i++)); do
        local ini="$INI"
        [ "$i" -eq 2 ] && ini="$BASE/relais-2.ini"
        relais_daemon_start "$B/relaisd" "$ini" "$BASE/relaisd-$i.pid" "$BASE/relaisd-$i.log" 2> /dev/null
    done
}
stop_daemons() { for p in "$BASE"/relaisd-*.pid; do [ -f "$p" ] && relais_daemon_stop "$p" 2> /dev/null; done; true; }

echo "== data in $BASE ($(df --output=fstype "$BASE" | tail -1)); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(mariadbd --version | awk '{print $3}'), $(uname -r)"
for n in 1 2; do
    echo "== $JOBS queued noop jobs, $n relaisd process(es), $WORKERS workers each, claim_batch 4"
    after="$(last_id)"
    "$B/bench/relais_bench" --config "$INI" submit --jobs "$JOBS" --threads 2
    start_daemons "$n"
    "$B/bench/relais_bench" --config "$INI" wait --jobs "$JOBS" --after-id "$after"
    stop_daemons
done
if [ -n "${RELAIS_BENCH_QUICK:-}" ]; then exit 0; fi
for n in 1 2; do
    echo "== $JOBS noop jobs submitted (2 threads) while $n relaisd process(es) run them"
    start_daemons "$n"
    after="$(last_id)"
    "$B/bench/relais_bench" --config "$INI" submit --jobs "$JOBS" --threads 2
    "$B/bench/relais_bench" --config "$INI" wait --jobs "$JOBS" --after-id "$after"
    stop_daemons
done
echo "== latency at low load: 500 jobs, one every 20 ms, 1 relaisd (poll_interval_ms 20)"
start_daemons 1
"$B/bench/relais_bench" --config "$INI" latency --jobs 500 --interval-ms 20
stop_daemons

echo "== MariaDB single-row commit rate: sysbench oltp_insert, 1 thread, 20 s"
SB=(--db-driver=mysql --mysql-socket="$SOCK" --mysql-user=relais_bench --mysql-password="$PASSWORD"
    --mysql-db=sbtest --tables=1 --table-size=10000 --threads=1)
sysbench oltp_insert "${SB[@]}" prepare > /dev/null
sysbench oltp_insert "${SB[@]}" --time=20 run | grep -E "transactions:|queries:" | sed 's/^ */  /'
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: ${RELAIS_BENCH_DIR:+RELAIS_BENCH_DIR=$RELAIS_BENCH_DIR }${RELAIS_BENCH_WORKERS:+RELAIS_BENCH_WORKERS=$RELAIS_BENCH_WORKERS }${RELAIS_BENCH_MARIADB_ARGS:+RELAIS_BENCH_MARIADB_ARGS=\"$RELAIS_BENCH_MARIADB_ARGS\" }tests/bench/engine_throughput.sh $JOBS"
