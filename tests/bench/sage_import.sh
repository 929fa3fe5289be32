#!/usr/bin/env bash
# tests/bench/sage_import.sh: the Sage 100 connector's figures (issue 6).
#   1. the raw single-row insert rate of the emulated Sage database through
#      ODBC (each INSERT its own commit), measured first in the same run;
#   2. importing ORDERS orders of LINES lines (one pivot file) through ODBC:
#      orders/s, and its ratio to the raw insert rate;
#   3. the same import through the whole engine: ORDERS jobs of one order each
#      (a flow with one sage.import step), queued first, then run by a real
#      relaisd (2 workers): orders/s from the first job's start to the last
#      job's end (the database's timestamps), next to the direct figure and to
#      as many one-step noop jobs on the same relaisd (the engine's own cost);
#   4. exporting as many invoices (imported as Sage invoices first): documents/s.
# Everything runs on a private MariaDB under tests/.out/bench-sage (durable
# settings: flush at every commit), reached through unixODBC and the MariaDB
# ODBC driver with a private DSN; stopped at the end.
# Usage: tests/bench/sage_import.sh [ORDERS] [LINES]   (default 1000 10)
# Knob: RELAIS_BENCH_WORKERS=N ([engine] workers of the relaisd, default 2).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=installer/lib/all.sh
. "$ROOT/installer/lib/all.sh"
ORDERS="${1:-1000}"
LINES="${2:-10}"
BASE="$ROOT/tests/.out/bench-sage"
BENCH="$ROOT/build/engine/bench/sage_bench"
RELAIS_BENCH="$ROOT/build/engine/bench/relais_bench"
B="$ROOT/build/engine"
rm -rf "$BASE"
mkdir -p "$BASE/out"
PORT="$(relais_free_port)"
cleanup() {
    [ -f "$BASE/relaisd.pid" ] && relais_daemon_stop "$BASE/relaisd.pid"
    relais_mariadb_stop "$BASE/mariadb"
}
trap cleanup EXIT

relais_build_engine "$ROOT" > /dev/null 2>&1 || relais_die "engine build failed: cmake --build build/engine"
relais_mariadb_start "$BASE/mariadb" "$PORT" --skip-log-bin
relais_sage100_load "$ROOT" "$BASE/mariadb" sage_bench sage_bench "$(relais_random_hex 16)"
relais_odbc_configure "$BASE/odbc" relais_sage_bench "$BASE/mariadb" sage_bench
relais_odbc_export "$BASE/odbc"
SRC=(--dsn relais_sage_bench --user "$(relais_mariadb_admin_user)")

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), MariaDB $(mariadbd --version | awk '{print $3}'), ODBC driver $(dpkg-query -W -f='${Version}' odbc-mariadb), $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$BENCH" generate --out "$BASE/orders.pivot" --orders "$ORDERS" --lines "$LINES" --prefix BENCH-ORD-
"$BENCH" generate --out "$BASE/invoices.pivot" --orders "$ORDERS" --lines "$LINES" --prefix BENCH-INV-
mkdir -p "$BASE/jobs"
"$BENCH" generate --split --out "$BASE/jobs" --orders "$ORDERS" --lines "$LINES" --prefix BENCH-JOB-

echo "== raw single-row INSERT through ODBC, autocommit (one commit per row), 10000 rows"
RAW="$("$BENCH" raw "${SRC[@]}" --rows 10000)"
echo "$RAW"
echo "== import of $ORDERS orders of $LINES lines (one pivot file, one transaction per order)"
IMP="$("$BENCH" import "${SRC[@]}" --file "$BASE/orders.pivot")"
echo "$IMP"
raw_rate="$(sed -E 's/.*raw_inserts_per_s=([0-9.]+).*/\1/' <<< "$RAW")"
ord_rate="$(sed -E 's/.*orders_per_s=([0-9.]+) .*/\1/' <<< "$IMP")"
awk -v o="$ord_rate" -v r="$raw_rate" 'BEGIN { printf "ratio: %.1f orders/s = %.4f of %.0f raw inserts/s (one order costs the time of %.1f single-row inserts)\n", o, o / r, r, r / o }'
echo "== the same import again (every order found already imported: nothing written)"
"$BENCH" import "${SRC[@]}" --file "$BASE/orders.pivot"

echo "== $ORDERS orders of $LINES lines as $ORDERS engine jobs (flow: one sage.import step), queued first, then one relaisd, ${RELAIS_BENCH_WORKERS:-2} workers"
PASSWORD="$(relais_random_hex 16)"
relais_mariadb_create_database "$BASE/mariadb" relais_bench relais_bench "$PASSWORD"
INI="$BASE/relais.ini"
mkdir -p "$BASE/store"
relais_write_ini "$INI" "mariadb://relais_bench:$PASSWORD@localhost/relais_bench?socket=$(relais_mariadb_socket "$BASE/mariadb")" \
    "$BASE/store" bench-sage "$ROOT/sql/mariadb" warn
WORKERS="${RELAIS_BENCH_WORKERS:-2}"
sed -i -e 's/^poll_interval_ms = .*/poll_interval_ms = 20/' -e "s/^workers = .*/workers = $WORKERS/" "$INI"
"$B/relais" --config "$INI" migrate > /dev/null
printf '{"name":"bench-sage","steps":[{"activity":"sage.import","with":{"dsn":"relais_sage_bench","user":"%s"}}]}\n' \
    "$(relais_mariadb_admin_user)" > "$BASE/bench-sage.json"
"$B/relais" --config "$INI" flows import "$BASE/bench-sage.json" > /dev/null
printf '{"name":"bench-noop","steps":[{"activity":"noop"}]}\n' > "$BASE/bench-noop.json"
"$B/relais" --config "$INI" flows import "$BASE/bench-noop.json" > /dev/null
last_id() { relais_mariadb_sql "$BASE/mariadb" "SELECT COALESCE(MAX(id), 0) FROM relais_bench.job"; }
# engine_run FLOW [SUBMIT OPTIONS...]: queue ORDERS jobs, run them with one relaisd, print the figures.
engine_run() {
    local flow="$1" after out
    shift
    after="$(last_id)"
    "$RELAIS_BENCH" --config "$INI" submit --jobs "$ORDERS" --threads 2 --flow "$flow" "$@"
    relais_daemon_start "$B/relaisd" "$INI" "$BASE/relaisd.pid" "$BASE/relaisd.log" 2> /dev/null
    out="$("$RELAIS_BENCH" --config "$INI" wait --jobs "$ORDERS" --after-id "$after")" || { echo "$out"; tail -n 20 "$BASE/relaisd.log"; exit 1; }
    relais_daemon_stop "$BASE/relaisd.pid" 2> /dev/null
    echo "$out"
}
ENG="$(engine_run bench-sage --files "$BASE/jobs")"
echo "$ENG"
echo "== the same relaisd running $ORDERS one-step noop jobs (the engine's own cost per job)"
NOOP="$(engine_run bench-noop)"
echo "$NOOP"
[ "$(relais_mariadb_sql "$BASE/mariadb" "SELECT COUNT(*) FROM sage_bench.F_DOCENTETE WHERE DO_Ref LIKE 'BENCH-JOB-%'")" = "$ORDERS" ] \
    || relais_die "the engine jobs did not write $ORDERS orders into Sage"
eng_rate="$(sed -nE 's/^engine throughput: ([0-9.]+) jobs.*/\1/p' <<< "$ENG")"
noop_rate="$(sed -nE 's/^engine throughput: ([0-9.]+) jobs.*/\1/p' <<< "$NOOP")"
awk -v w="$WORKERS" -v e="$eng_rate" -v o="$ord_rate" -v r="$raw_rate" -v n="$noop_rate" 'BEGIN { printf "summary: through the engine %.1f orders/s (one job each; a worker spends %.1f ms a job: %.1f as on a noop job + %.1f more), direct %.1f orders/s (%.1f ms an order, one thread), raw single-row inserts %.0f/s\n", e, 1000 * w / e, 1000 * w / n, 1000 * w / e - 1000 * w / n, o, 1000 / o, r }'
echo "== export of $ORDERS invoices of $LINES lines (imported as Sage invoices first), one pivot file each"
"$BENCH" import "${SRC[@]}" --file "$BASE/invoices.pivot" --type invoice > /dev/null
"$BENCH" export "${SRC[@]}" --out "$BASE/out"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: ${RELAIS_BENCH_WORKERS:+RELAIS_BENCH_WORKERS=$RELAIS_BENCH_WORKERS }tests/bench/sage_import.sh $ORDERS $LINES"
