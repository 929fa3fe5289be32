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
    set +e
    "$@"
    rc=$?
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
