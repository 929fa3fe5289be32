#!/usr/bin/env bash
# tests/bench/php_extension.sh: the PHP extension's figures (issue 4), in one run:
#   1. 10,000 jobs submitted through the extension versus the same checks, inserts and
#      store writes in plain PHP with PDO: one job per call (Jobs::submit, a transaction
#      each) and in batches of BATCH jobs (Jobs::submitMany, PDO one transaction a batch);
#   2. Jobs::list of 50 rows with filters on 1,000,000 jobs (loaded by relais_ui_bench),
#      p50/p95/max in-process;
#   3. readDocument() of a 200 MB document: PHP's peak memory.
# Everything runs on a private MariaDB under tests/.out/bench-php, stopped at the end.
# Usage: tests/bench/php_extension.sh [SUBMITS [LIST_JOBS [MB [BATCH]]]]   (default 10000 1000000 200 1000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=installer/lib/all.sh
. "$ROOT/installer/lib/all.sh"
SUBMITS="${1:-10000}"
LIST_JOBS="${2:-1000000}"
MB="${3:-200}"
BATCH="${4:-1000}"
BASE="$ROOT/tests/.out/bench-php"
B="$ROOT/build/engine"
rm -rf "$BASE"
mkdir -p "$BASE"
PORT="$(relais_free_port)"
cleanup() { relais_mariadb_stop "$BASE/mariadb"; }
trap cleanup EXIT

relais_build_engine "$ROOT" > /dev/null 2>&1 || relais_die "engine build failed: cmake --build build/engine"
relais_build_extension "$ROOT" > /dev/null 2>&1 || relais_die "extension build failed (modules/relais.so)"
relais_mariadb_start "$BASE/mariadb" "$PORT" --innodb-buffer-pool-size=4G --innodb-log-file-size=1G
SOCK="$(relais_mariadb_socket "$BASE/mariadb")"
PHP=(php -d "extension=$ROOT/modules/relais.so" -d memory_limit=512M)

# new_db NAME: a migrated database NAME with its own ini ($BASE/NAME.ini) and store.
new_db() {
    local name="$1" password
    password="$(relais_random_hex 16)"
    relais_mariadb_create_database "$BASE/mariadb" "$name" "$name" "$password"
    relais_write_ini "$BASE/$name.ini" "mariadb://$name:$password@localhost/$name?socket=$SOCK" "$BASE/$name-store" \
        "$name" "$ROOT/sql/mariadb" warn
    mkdir -p "$BASE/$name-store"
    "$B/relais" --config "$BASE/$name.ini" migrate > /dev/null
    printf '{"name":"bench-in","steps":[{"activity":"noop"}]}\n' > "$BASE/bench-in.json"
    "$B/relais" --config "$BASE/$name.ini" flows import "$BASE/bench-in.json" > /dev/null
}

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM," \
    "MariaDB $(relais_mariadb_sql "$BASE/mariadb" 'SELECT VERSION()'), PHP $(php -r 'echo PHP_VERSION;'), $(uname -r)"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
new_db php_submit
DSN="$(relais_ini_get "$BASE/php_submit.ini" database dsn)"
echo "== $SUBMITS jobs, one 220-byte file each, MariaDB flushing at every commit"
"${PHP[@]}" "$ROOT/tests/bench/php_bench.php" submit "$BASE/php_submit.ini" "$DSN" "$SUBMITS" 1
"${PHP[@]}" "$ROOT/tests/bench/php_bench.php" submit "$BASE/php_submit.ini" "$DSN" "$SUBMITS" "$BATCH"
# The same with the costs both sides share taken out (the store on tmpfs, the redo
# log flushed once a second): what is left is the binding's own cost.
new_db php_submit_fast
SHM_STORE="$(mktemp -d /dev/shm/relais-bench.XXXXXX)"
sed -i "s|^path = .*|path = $SHM_STORE|" "$BASE/php_submit_fast.ini"
relais_mariadb_sql "$BASE/mariadb" "SET GLOBAL innodb_flush_log_at_trx_commit = 2"
echo "== $SUBMITS jobs, store on tmpfs, MariaDB flushing once a second (binding cost only)"
for batch in 1 "$BATCH"; do
    "${PHP[@]}" "$ROOT/tests/bench/php_bench.php" submit "$BASE/php_submit_fast.ini" \
        "$(relais_ini_get "$BASE/php_submit_fast.ini" database dsn)" "$SUBMITS" "$batch"
done
relais_mariadb_sql "$BASE/mariadb" "SET GLOBAL innodb_flush_log_at_trx_commit = 1"
rm -rf "$SHM_STORE"
echo "== readDocument of a $MB MB document"
"${PHP[@]}" "$ROOT/tests/bench/php_bench.php" read "$BASE/php_submit.ini" "$MB"

new_db php_list
echo "== Jobs::list on $LIST_JOBS jobs (loading them with relais_ui_bench)"
"$B/bench/relais_ui_bench" --config "$BASE/php_list.ini" load --jobs "$LIST_JOBS" --logs "$LIST_JOBS"
"${PHP[@]}" "$ROOT/tests/bench/php_bench.php" list "$BASE/php_list.ini" 200
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: tests/bench/php_extension.sh $SUBMITS $LIST_JOBS $MB $BATCH"
