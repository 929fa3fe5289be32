#!/usr/bin/env bash
# tests/bench/sage_import.sh: the Sage 100 connector's figures (issue 6).
#   1. the raw single-row insert rate of the emulated Sage database through
#      ODBC (each INSERT its own commit), measured first in the same run;
#   2. importing ORDERS orders of LINES lines (one pivot file) through ODBC:
#      orders/s, and its ratio to the raw insert rate;
#   3. exporting as many invoices (imported as Sage invoices first): documents/s.
# Everything runs on a private MariaDB under tests/.out/bench-sage (durable
# settings: flush at every commit), reached through unixODBC and the MariaDB
# ODBC driver with a private DSN; stopped at the end.
# Usage: tests/bench/sage_import.sh [ORDERS] [LINES]   (default 1000 10)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=installer/lib/all.sh
. "$ROOT/installer/lib/all.sh"
ORDERS="${1:-1000}"
LINES="${2:-10}"
BASE="$ROOT/tests/.out/bench-sage"
BENCH="$ROOT/build/engine/bench/sage_bench"
rm -rf "$BASE"
mkdir -p "$BASE/out"
PORT="$(relais_free_port)"
cleanup() { relais_mariadb_stop "$BASE/mariadb"; }
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
echo "== export of $ORDERS invoices of $LINES lines (imported as Sage invoices first), one pivot file each"
"$BENCH" import "${SRC[@]}" --file "$BASE/invoices.pivot" --type invoice > /dev/null
"$BENCH" export "${SRC[@]}" --out "$BASE/out"
echo "command: tests/bench/sage_import.sh $ORDERS $LINES"
