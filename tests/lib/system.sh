# shellcheck shell=bash
# shellcheck disable=SC2016 # the single-quoted snippets are PHP code, not shell
# system.sh: helpers for the end-to-end tests in tests/system/*.sh.
#
# A test script sources this file, defines one function per test case and runs
# each with `t_case NAME FUNCTION`; t_case prints "ok NAME" or "not ok NAME"
# followed by "#"-prefixed diagnostics, which tests/run.sh counts.
#
# tests/run.sh provides the environment: RELAIS_ROOT, RELAIS_BIN, RELAISD_BIN,
# RELAIS_CONFIG (a migrated test database with the demo-deposit flow and a
# running relaisd), RELAIS_DEMO_OUTBOX, RELAIS_TEST_TMP (scratch directory of
# this script), RELAIS_TEST_ADMIN_DSN and RELAIS_TEST_MARIADB_BASE (the private
# MariaDB, for tests that need their own database).
set -euo pipefail

: "${RELAIS_ROOT:?run system tests through tests/run.sh (RELAIS_ROOT is not set)}"
: "${RELAIS_BIN:?RELAIS_BIN is not set}"
: "${RELAIS_CONFIG:?RELAIS_CONFIG is not set}"
: "${RELAIS_TEST_TMP:?RELAIS_TEST_TMP is not set}"
# shellcheck source=installer/lib/all.sh
. "$RELAIS_ROOT/installer/lib/all.sh"
mkdir -p "$RELAIS_TEST_TMP"

T_REASONS=()
T_RC=0
T_OUT=""
T_ERR=""

# t_on_exit FUNCTION: run FUNCTION when the script ends, also when it is
# interrupted (Ctrl-C) or terminated (a timeout), to stop what it started.
t_on_exit() {
    # shellcheck disable=SC2064 # expand FUNCTION now
    trap "$1" EXIT
    # Clean up, then die of the signal itself so that the caller sees it.
    # shellcheck disable=SC2064
    trap "trap - EXIT INT; $1; kill -INT \$\$" INT
    # shellcheck disable=SC2064
    trap "trap - EXIT TERM; $1; kill -TERM \$\$" TERM
}

# t_fail REASON: record why the current case fails (the case goes on).
t_fail() { T_REASONS+=("$*"); }

# t_case NAME FUNCTION [ARGS...]: run one test case and report it.
t_case() {
    local name="$1" rc reason
    shift
    T_REASONS=()
    # A case's t_run turns errexit back on: a case returning non-zero must
    # still be reported, not end the script.
    rc=0
    "$@" || rc=$?
    set -e
    if [ "$rc" -ne 0 ] && [ "${#T_REASONS[@]}" -eq 0 ]; then
        T_REASONS+=("test function $1 returned $rc")
    fi
    if [ "${#T_REASONS[@]}" -eq 0 ]; then
        printf 'ok %s\n' "$name"
    else
        printf 'not ok %s\n' "$name"
        for reason in "${T_REASONS[@]}"; do
            printf '#   %s\n' "$reason"
        done
        printf '#   last command exit status: %s\n' "$T_RC"
        [ -n "$T_OUT" ] && printf '#   stdout: %s\n' "${T_OUT//$'\n'/$'\n#           '}"
        [ -n "$T_ERR" ] && printf '#   stderr: %s\n' "${T_ERR//$'\n'/$'\n#           '}"
    fi
    return 0
}

# t_run CMD...: run CMD with no stdin; sets T_RC, T_OUT (stdout), T_ERR (stderr).
t_run() {
    local out="$RELAIS_TEST_TMP/.t_out" err="$RELAIS_TEST_TMP/.t_err"
    set +e
    "$@" < /dev/null > "$out" 2> "$err"
    T_RC=$?
    set -e
    T_OUT="$(cat "$out")"
    T_ERR="$(cat "$err")"
}

# relais ARGS...: the CLI on the shared test configuration (--config goes first:
# it is an option of the program, not of the subcommand).
relais() { "$RELAIS_BIN" --config "$RELAIS_CONFIG" "$@"; }

# Assertions on the last t_run. Each records a failure and returns 1 when unmet.
t_expect_rc() {
    [ "$T_RC" -eq "$1" ] && return 0
    t_fail "${2:-command} exited $T_RC, expected $1"
    return 1
}
t_expect_one_line_stderr() {
    local n
    n="$(printf '%s' "$T_ERR" | grep -c . || true)"
    [ "$n" -eq 1 ] && return 0
    t_fail "expected a one-line error on stderr, got $n lines"
    return 1
}
t_expect_stderr_has() {
    printf '%s' "$T_ERR" | grep -qiF -- "$1" && return 0
    t_fail "stderr does not mention '$1'"
    return 1
}

# t_unique PREFIX: a name no other test or run uses.
t_unique() { printf '%s-%s-%s\n' "$1" "$$" "$(relais_random_hex 4)"; }

# t_json PHP_EXPR < JSON: evaluate PHP code with $d = the decoded JSON document
# and helper functions; prints what the code echoes. Exit 1 on invalid JSON.
t_json() {
    # shellcheck disable=SC2016 # PHP code, not shell
    php -d display_errors=stderr -r '
        $d = json_decode(stream_get_contents(STDIN), true);
        if ($d === null) { fwrite(STDERR, "invalid JSON\n"); exit(1); }
        /* A list of jobs or flows, whether bare or wrapped in {"jobs": [...]}. */
        function items($d) {
            if (is_array($d) && array_is_list($d)) return $d;
            foreach (["jobs", "flows", "items", "data", "results"] as $k)
                if (isset($d[$k]) && is_array($d[$k])) return $d[$k];
            return [];
        }
        /* The job object of a show --json document. */
        function job($d) { return isset($d["job"]) && is_array($d["job"]) ? $d["job"] : $d; }
        function idOf($j) { return (string)($j["id"] ?? $j["job_id"] ?? $j["job"] ?? ""); }
        '"$1"
}

# t_job_id_from_submit: the job id printed by `relais submit` (first line, first word).
t_job_id_from_submit() {
    printf '%s\n' "$T_OUT" | awk 'NF { print $1; exit }'
}

# t_job_count: how many jobs `relais list --json` reports on the shared config.
t_job_count() {
    relais list --json --limit 10000 < /dev/null 2> /dev/null | t_json 'echo count(items($d));'
}

# t_flow_count: how many flows `relais flows list --json` reports.
t_flow_count() {
    relais flows list --json < /dev/null 2> /dev/null | t_json 'echo count(items($d));'
}

# t_store_files: how many files the content store of the shared config holds.
t_store_files() {
    local store
    store="$(relais_ini_get "$RELAIS_CONFIG" store path)"
    find "$store" -type f 2> /dev/null | wc -l
}

# t_job_status JOB: the status `relais show JOB --json` reports.
t_job_status() {
    relais show "$1" --json < /dev/null 2> /dev/null | t_json 'echo job($d)["status"] ?? "";'
}

# t_import_flow NAME STEPS_JSON: write and import a manual flow; 0 on success.
t_import_flow() {
    local file="$RELAIS_TEST_TMP/$1.json"
    printf '{"name":"%s","description":"system test flow","trigger":{"type":"manual"},"steps":%s}\n' \
        "$1" "$2" > "$file"
    t_run relais flows import "$file"
    t_expect_rc 0 "relais flows import $file"
}

# t_private_database NAME: create a database and user NAME in the test MariaDB,
# write RELAIS_TEST_TMP/NAME.ini for it (own store) and migrate it. Prints the ini path.
t_private_database() {
    local name="$1" password ini store
    : "${RELAIS_TEST_MARIADB_BASE:?RELAIS_TEST_MARIADB_BASE is not set}"
    password="$(relais_random_hex 16)"
    ini="$RELAIS_TEST_TMP/$name.ini"
    store="$RELAIS_TEST_TMP/$name-store"
    mkdir -p "$store"
    relais_mariadb_create_database "$RELAIS_TEST_MARIADB_BASE" "$name" "$name" "$password" >&2
    relais_write_ini "$ini" \
        "mariadb://$name:$password@localhost/$name?socket=$(relais_mariadb_socket "$RELAIS_TEST_MARIADB_BASE")" \
        "$store" "$name" "$RELAIS_ROOT/sql/mariadb" debug
    "$RELAIS_BIN" --config "$ini" migrate --sql-dir "$RELAIS_ROOT/sql/mariadb" < /dev/null >&2 \
        || { echo "relais migrate failed for $ini" >&2; return 1; }
    printf '%s\n' "$ini"
}

# t_wait_for SECONDS CMD...: poll CMD every 0.1 s until it succeeds.
t_wait_for() {
    local seconds="$1" i
    shift
    for ((i = 0; i < seconds * 10; i++)); do
        "$@" && return 0
        sleep 0.1
    done
    return 1
}

# t_daemon_start INI LOG PIDFILE: start relaisd as a child of this shell (not
# in a command substitution, so that `wait` gets its exit status and kill -9
# hits the daemon itself); sets T_DAEMON_PID and adds it to T_DAEMON_PIDS,
# which t_daemons_kill stops.
T_DAEMON_PIDS=()
t_daemon_start() {
    : "${RELAISD_BIN:?RELAISD_BIN is not set}"
    "$RELAISD_BIN" --config "$1" --pid-file "$3" < /dev/null >> "$2" 2>&1 &
    T_DAEMON_PID=$!
    T_DAEMON_PIDS+=("$T_DAEMON_PID")
}

# t_daemon_stop PID SECONDS: SIGTERM, then wait; sets T_STOP_RC (the exit
# status, or "timeout" when it is still running after SECONDS: then SIGKILL).
t_daemon_stop() {
    local pid="$1" seconds="$2" i
    kill -TERM "$pid" 2> /dev/null || true
    for ((i = 0; i < seconds * 10; i++)); do
        kill -0 "$pid" 2> /dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2> /dev/null; then
        T_STOP_RC=timeout
        kill -KILL "$pid" 2> /dev/null || true
        wait "$pid" 2> /dev/null || true
    else
        set +e
        wait "$pid"
        T_STOP_RC=$?
        set -e
    fi
}

# t_daemons_kill: SIGKILL every daemon t_daemon_start started (cleanup).
t_daemons_kill() {
    local pid
    for pid in "${T_DAEMON_PIDS[@]}"; do
        kill -KILL "$pid" 2> /dev/null || true
    done
}

# t_ini_set INI SECTION KEY VALUE: set KEY in [SECTION] of a file that
# relais_write_ini wrote (replacing the key or adding it under the section).
t_ini_set() {
    local ini="$1" section="$2" key="$3" value="$4"
    if grep -qE "^$key = " "$ini"; then
        sed -i "s|^$key = .*|$key = $value|" "$ini"
    else
        sed -i "/^\[$section\]/a $key = $value" "$ini"
    fi
}

# t_sql DATABASE SQL: run SQL on the test MariaDB as its administrator, in DATABASE.
t_sql() {
    : "${RELAIS_TEST_MARIADB_BASE:?RELAIS_TEST_MARIADB_BASE is not set}"
    relais_mariadb_sql "$RELAIS_TEST_MARIADB_BASE" "USE $1; $2"
}

# t_php ARGS...: php with the relais extension built in this tree (unless a
# relais extension is already loaded by the system's PHP configuration).
t_php() {
    if php -m 2> /dev/null | grep -qx relais; then
        php "$@"
    else
        php -d "extension=$RELAIS_ROOT/modules/relais.so" "$@"
    fi
}

# t_submit_many INI FLOW COUNT DIR: COUNT jobs of FLOW, one new file each
# (DIR/doc-NNNNNN.txt), submitted from one PHP process. 0 when all were.
t_submit_many() {
    local n
    n="$(t_php "$RELAIS_ROOT/tests/lib/submit_many.php" "$@" < /dev/null)" || return 1
    [ "$n" = "$3" ]
}
