#!/usr/bin/env bash
# relaisd as a process: it writes its pid file, stops cleanly and quickly on
# SIGTERM, and when MariaDB is down at start it keeps retrying, says so in its
# log, and gets to work once the database is up.
# Each test runs its own relaisd on its own database, so the shared daemon and
# its queue are left alone.
# shellcheck source=tests/lib/system.sh
. "$(dirname "$0")/../lib/system.sh"
: "${RELAISD_BIN:?RELAISD_BIN is not set}"

OWN_DB=""
cleanup() {
    t_daemons_kill
    if [ -n "$OWN_DB" ]; then
        (relais_mariadb_stop "$OWN_DB") 2> /dev/null || true
        rm -rf "$OWN_DB"
    fi
}
t_on_exit cleanup

relaisd_writes_pid_file_and_stops_on_sigterm_within_5s() {
    local ini log="$RELAIS_TEST_TMP/sigterm-relaisd.log" pidfile="$RELAIS_TEST_TMP/sigterm-relaisd.pid" pid
    ini="$(t_private_database "systest_sigterm_$$")" || { t_fail "could not create a private database"; return 1; }
    t_daemon_start "$ini" "$log" "$pidfile"
    pid="$T_DAEMON_PID"
    if ! t_wait_for 10 test -s "$pidfile"; then
        t_fail "relaisd wrote no pid file $pidfile within 10s"
    elif [ "$(tr -dc '0-9' < "$pidfile")" != "$pid" ]; then
        t_fail "pid file holds $(cat "$pidfile"), relaisd is pid $pid"
    fi
    sleep 1
    kill -0 "$pid" 2> /dev/null || { t_fail "relaisd exited on its own: $(tail -n 3 "$log")"; return 1; }
    t_daemon_stop "$pid" 5
    [ "$T_STOP_RC" = 0 ] || t_fail "relaisd after SIGTERM: exit '$T_STOP_RC' (expected 0 within 5s); log: $(tail -n 3 "$log")"
}

relaisd_waits_for_the_database_then_runs_jobs() {
    local port ini log="$RELAIS_TEST_TMP/dbdown-relaisd.log" pidfile="$RELAIS_TEST_TMP/dbdown-relaisd.pid"
    local pid password flow input
    OWN_DB="$(mktemp -d /tmp/relais-sys.XXXXXX)"
    chmod 755 "$OWN_DB"
    port="$(relais_free_port)"
    password="$(relais_random_hex 16)"
    ini="$RELAIS_TEST_TMP/dbdown.ini"
    flow="$(t_unique dbdown)"
    input="$RELAIS_TEST_TMP/dbdown-input.txt"
    printf 'db down test\n' > "$input"
    mkdir -p "$RELAIS_TEST_TMP/dbdown-store"
    # Prepare a database, then stop its server.
    if ! (
        relais_mariadb_start "$OWN_DB" "$port" --innodb-flush-log-at-trx-commit=2
        relais_mariadb_create_database "$OWN_DB" systest_dbdown systest_dbdown "$password"
        relais_write_ini "$ini" \
            "mariadb://systest_dbdown:$password@localhost/systest_dbdown?socket=$(relais_mariadb_socket "$OWN_DB")" \
            "$RELAIS_TEST_TMP/dbdown-store" dbdown "$RELAIS_ROOT/sql/mariadb" debug
        "$RELAIS_BIN" --config "$ini" migrate --sql-dir "$RELAIS_ROOT/sql/mariadb" < /dev/null
        printf '{"name":"%s","trigger":{"type":"manual"},"steps":[{"activity":"noop"}]}\n' "$flow" > "$RELAIS_TEST_TMP/dbdown-flow.json"
        "$RELAIS_BIN" --config "$ini" flows import "$RELAIS_TEST_TMP/dbdown-flow.json" < /dev/null
        relais_mariadb_stop "$OWN_DB"
    ) > "$RELAIS_TEST_TMP/dbdown-setup.log" 2>&1; then
        t_fail "setting up a private MariaDB failed: $(tail -n 3 "$RELAIS_TEST_TMP/dbdown-setup.log")"
        return 1
    fi
    t_daemon_start "$ini" "$log" "$pidfile"
    pid="$T_DAEMON_PID"
    sleep 4
    if ! kill -0 "$pid" 2> /dev/null; then
        t_fail "relaisd exited while the database was down: $(tail -n 3 "$log")"
        return 1
    fi
    grep -qiE 'database|mariadb|retry' "$log" \
        || t_fail "relaisd log has no line about the database being down: $(tail -n 3 "$log")"
    if ! (relais_mariadb_start "$OWN_DB" "$port") > "$RELAIS_TEST_TMP/dbdown-restart.log" 2>&1; then
        t_fail "could not restart the private MariaDB"
        return 1
    fi
    t_run "$RELAIS_BIN" --config "$ini" submit "$flow" "$input" --wait 40
    t_expect_rc 0 "relais submit --wait once the database is back"
    t_daemon_stop "$pid" 10
    [ "$T_STOP_RC" = 0 ] || t_fail "relaisd after SIGTERM: exit '$T_STOP_RC'"
    (relais_mariadb_stop "$OWN_DB") > /dev/null 2>&1 || true
}

t_case relaisd_writes_pid_file_and_stops_on_sigterm_within_5s relaisd_writes_pid_file_and_stops_on_sigterm_within_5s
t_case relaisd_waits_for_the_database_then_runs_jobs relaisd_waits_for_the_database_then_runs_jobs
