#!/usr/bin/env bash
# tests/run.sh: the one test command. From a fresh clone, as root or not, with no
# standard input:
#   1. installs the missing Debian packages and builds the engine and extension,
#   2. starts a private MariaDB (and later Apache) on free loopback ports, with
#      their data under tests/.out/ (never the installer's var/),
#   3. runs, in order: GoogleTest (ctest), the EDIFACT reader's fuzzer (about
#      60 s), PHPT, system tests (tests/system/*.sh), browser tests (node --test tests/web/),
#   4. stops everything it started, even on failure or Ctrl-C,
#   5. prints per-suite results and ends with one line "N passed, N failed".
# Exit status 0 only when nothing failed and every suite ran.
#
# Environment knobs: RELAIS_TEST_SUITES="ctest fuzz phpt system web" (subset to run;
# "memcheck" adds the PHPT suite under valgrind, slower, not in the default set),
# RELAIS_TEST_SYSTEM="reliability job_control" (only these tests/system scripts),
# RELAIS_TEST_KEEP=1 (leave the servers running at the end, for debugging).
# Sage 100 connector tests get RELAIS_TEST_SAGE_DSN (an ODBC DSN of the private
# unixODBC configuration in tests/.out/odbc: ODBCSYSINI and ODBCINI point there).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=installer/lib/all.sh
. "$ROOT/installer/lib/all.sh"
# shellcheck source=tests/lib/test_pki.sh
. "$ROOT/tests/lib/test_pki.sh"
# shellcheck source=tests/lib/transfer_servers.sh
. "$ROOT/tests/lib/transfer_servers.sh"
cd "$ROOT"

SUITES="${RELAIS_TEST_SUITES:-ctest fuzz phpt system web}"
OUT="$ROOT/tests/.out"
LOGS="$OUT/logs"
CLI="$ROOT/build/engine/relais"
DAEMON="$ROOT/build/engine/relaisd"
START_TIME=$SECONDS

# ---------------------------------------------------------------- bookkeeping
SUITE_NAMES=()
declare -A SUITE_PASS=() SUITE_FAIL=() SUITE_SKIP=() SUITE_NOTE=()
TOTAL_PASS=0
TOTAL_FAIL=0

suite_wanted() { case " $SUITES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# record SUITE PASSED FAILED SKIPPED NOTE
record() {
    SUITE_NAMES+=("$1")
    SUITE_PASS[$1]="$2"
    SUITE_FAIL[$1]="$3"
    SUITE_SKIP[$1]="$4"
    SUITE_NOTE[$1]="${5:-}"
    TOTAL_PASS=$((TOTAL_PASS + $2))
    TOTAL_FAIL=$((TOTAL_FAIL + $3))
}

# could_not_run SUITE REASON: a suite that cannot run counts as one failure.
could_not_run() {
    suite_wanted "$1" || return 0
    relais_warn "suite $1 could not run: $2"
    record "$1" 0 1 0 "could not run: $2"
}

# Suites run under `timeout --foreground` so that they stay in the terminal's
# process group: Ctrl-C reaches the test scripts, whose traps stop what they
# started, while this script's trap stops the shared servers.

# attempt LOGNAME FUNCTION ARGS...: run a setup step in a subshell with errexit on,
# so that one failing step (relais_die) is reported instead of ending the run.
attempt() {
    local logname="$1" rc
    shift
    set +e
    ( set -e; "$@" ) 2> >(tee -a "$LOGS/$logname.log" >&2)
    rc=$?
    set -e
    stop_if_interrupted "$rc"
    return "$rc"
}

section() { printf '\n=== %s\n' "$*" >&2; }

# stop_if_interrupted RC: a child that ended with 130 (SIGINT) means Ctrl-C.
# Bash does not run our INT trap when the foreground child handled the signal
# itself, so check its status and leave through the EXIT trap.
stop_if_interrupted() {
    if [ "$1" -eq 130 ]; then
        relais_warn "interrupted"
        exit 130
    fi
}

# ---------------------------------------------------------------- cleanup
DB_BASE=""
WEB_BASE=""
SRV=""
RELAISD_PID="$OUT/run/relaisd.pid"
SUMMARY_PRINTED=""
SERVERS_STOPPED=""

stop_servers() {
    if [ -n "${RELAIS_TEST_KEEP:-}" ]; then
        relais_log "RELAIS_TEST_KEEP set: leaving the servers running (state in $OUT)"
        return 0
    fi
    if [ -n "$WEB_BASE" ]; then relais_apache_stop "$WEB_BASE" || true; fi
    if [ -n "$SRV" ]; then tr_mail_stop "$SRV/mail" 2>/dev/null || true; fi
    relais_daemon_stop "$RELAISD_PID" || true
    if [ -n "$DB_BASE" ]; then relais_mariadb_stop "$DB_BASE" || true; fi
}

# A server directory made outside the tree (long paths) goes once stopped; its
# logs were copied to tests/.out/logs.
remove_private_tmp() {
    if [ -z "${RELAIS_TEST_KEEP:-}" ] && [ "$SRV" != "$OUT/srv" ] && [ -n "$SRV" ]; then
        rm -rf "$SRV"
        rm -f "$OUT/srv-$(basename "$SRV")"
    fi
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    [ -n "$SERVERS_STOPPED" ] || stop_servers
    remove_private_tmp
    if [ -z "$SUMMARY_PRINTED" ]; then
        # Interrupted or crashed before the end: still close with the totals.
        TOTAL_FAIL=$((TOTAL_FAIL + 1))
        printf 'run.sh: interrupted before all suites ran\n'
        printf '%d passed, %d failed\n' "$TOTAL_PASS" "$TOTAL_FAIL"
        [ "$rc" -eq 0 ] && rc=1
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Servers left over by an earlier run that was killed hard: stop them by pid file.
stop_leftovers() {
    local d
    for d in "$OUT"/srv "$OUT"/srv-*; do
        [ -d "$d" ] || continue
        relais_apache_stop "$d/web" 2>/dev/null || true
        tr_mail_stop "$d/mail" 2>/dev/null || true
        relais_mariadb_stop "$d/db" 2>/dev/null || true
    done
    relais_daemon_stop "$RELAISD_PID" 2>/dev/null || true
}
stop_leftovers
rm -rf "$OUT"
mkdir -p "$OUT" "$LOGS" "$OUT/run" "$OUT/tmp"
chmod 755 "$OUT" "$OUT/run"

# The MariaDB socket path must stay under ~100 characters.
if [ "${#OUT}" -le 60 ]; then
    SRV="$OUT/srv"
    mkdir -p "$SRV"
else
    SRV="$(mktemp -d /tmp/relais-test.XXXXXX)"
    ln -sfn "$SRV" "$OUT/srv-$(basename "$SRV")"
fi
chmod 755 "$SRV"
DB_BASE="$SRV/db"
WEB_BASE="$SRV/web"

# npm and Chromium want a home directory; CI environments may not set one.
if [ -z "${HOME:-}" ] || [ ! -d "$HOME" ]; then
    export HOME="$OUT/home"
    mkdir -p "$HOME"
fi

relais_log "test output in $OUT"

# ---------------------------------------------------------------- prerequisites
section "prerequisites"
PREREQ_OK=1
if ! attempt packages relais_ensure_packages "${RELAIS_PACKAGES_BUILD[@]}" "${RELAIS_PACKAGES_RUNTIME[@]}" "${RELAIS_PACKAGES_TEST[@]}"; then
    PREREQ_OK=""
fi

section "build"
ENGINE_OK=""
EXT_OK=""
if [ -n "$PREREQ_OK" ] && attempt build-engine relais_build_engine "$ROOT"; then
    ENGINE_OK=1
    if attempt build-ext relais_build_extension "$ROOT"; then
        EXT_OK=1
    fi
fi

DB_OK=""
if [ -n "$PREREQ_OK" ]; then
    section "MariaDB"
    DB_PORT="$(relais_free_port)"
    # Durability is not under test: flush lazily for speed.
    if attempt mariadb relais_mariadb_start "$DB_BASE" "$DB_PORT" \
            --innodb-flush-log-at-trx-commit=2 --sync-binlog=0 --skip-log-bin; then
        DB_OK=1
        export RELAIS_TEST_ADMIN_DSN
        RELAIS_TEST_ADMIN_DSN="$(relais_mariadb_admin_dsn "$DB_BASE")"
        export RELAIS_TEST_MARIADB_BASE="$DB_BASE"
    fi
fi

# The emulated Sage 100 database and a private unixODBC configuration whose
# DSN reaches it through the MariaDB ODBC driver (never /etc/odbc*.ini).
# Sage tests connect with "DSN=$RELAIS_TEST_SAGE_DSN;DATABASE=their own".
SAGE_OK=""
SAGE_PASSWORD="$(relais_random_hex 16)"
setup_sage() {
    relais_sage100_load "$ROOT" "$DB_BASE" relais_sage_test relais_sage_test "$SAGE_PASSWORD"
    relais_odbc_configure "$OUT/odbc" relais_sage_test "$DB_BASE" relais_sage_test
}
relais_odbc_export "$OUT/odbc"
if [ -n "$DB_OK" ]; then
    section "Sage 100 (emulated) and ODBC"
    if attempt sage setup_sage; then
        SAGE_OK=1
        export RELAIS_TEST_SAGE_DSN=relais_sage_test
    else
        # The Sage tests would skip: count it as a failure instead.
        record sage 0 1 0 "emulated Sage database or ODBC DSN not set up (see $LOGS/sage.log)"
    fi
fi

# ---------------------------------------------------------------- suite: ctest
run_ctest() {
    local log="$LOGS/ctest.log" rc total failed skipped passed summary
    section "ctest (GoogleTest)"
    set +e
    timeout --foreground --kill-after=10 1500 ctest --test-dir "$ROOT/build/engine" --output-on-failure --timeout 300 -j2 \
        < /dev/null 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    stop_if_interrupted "$rc"
    set -e
    summary="$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)"
    if [ -z "$summary" ]; then
        if grep -q 'No tests were found' "$log"; then
            could_not_run ctest "ctest found no tests in build/engine"
        else
            could_not_run ctest "ctest exited $rc without a summary (see $log)"
        fi
        return
    fi
    failed="$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<< "$summary")"
    total="$(sed -E 's/.*failed out of ([0-9]+).*/\1/' <<< "$summary")"
    skipped="$(grep -cE '\(Skipped\)|\(Disabled\)' "$log" || true)"
    passed=$((total - failed - skipped))
    [ "$passed" -lt 0 ] && passed=0
    if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
        record ctest "$passed" 1 "$skipped" "ctest exited $rc"
    else
        record ctest "$passed" "$failed" "$skipped"
    fi
}

if suite_wanted ctest; then
    if [ -n "$ENGINE_OK" ]; then
        run_ctest
    else
        could_not_run ctest "engine build failed (see $LOGS/build-engine.log)"
    fi
fi

# ---------------------------------------------------------------- suite: fuzz
# The EDIFACT reader under libFuzzer for a bounded time (tests/fuzz/run.sh).
run_fuzz() {
    local log="$LOGS/fuzz.log" rc
    section "fuzz (EDIFACT reader, libFuzzer)"
    set +e
    timeout --foreground --kill-after=10 600 "$ROOT/tests/fuzz/run.sh" "${RELAIS_TEST_FUZZ_SECONDS:-60}" < /dev/null 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    stop_if_interrupted "$rc"
    set -e
    case "$rc" in
        0) record fuzz 1 0 0 "$(grep -E '^fuzz: ' "$log" | tail -n 1 | sed 's/^fuzz: //')" ;;
        1) record fuzz 0 1 0 "crash: see $log and tests/.out/fuzz/" ;;
        *) could_not_run fuzz "tests/fuzz/run.sh exited $rc (see $log)" ;;
    esac
}

if suite_wanted fuzz; then
    run_fuzz
fi

# ---------------------------------------------------------------- shared environment
# One database, config, admin user, demo flow and relaisd for the system and
# browser tests (tests that need more isolation make their own; see tests/lib/system.sh).
ENV_OK=""
TEST_INI="$OUT/relais.ini"
STORE="$OUT/store"
OUTBOX="$OUT/outbox/demo-deposit"
ADMIN_PASSWORD="$(relais_random_hex 12)"

setup_shared_env() {
    local db_password
    db_password="$(relais_random_hex 16)"
    relais_make_shared_dir "$STORE"
    mkdir -p "$OUT/outbox"
    chmod 755 "$OUT/outbox"
    relais_make_shared_dir "$OUTBOX"
    relais_mariadb_create_database "$DB_BASE" relais_test relais_test "$db_password"
    relais_write_ini "$TEST_INI" \
        "mariadb://relais_test:$db_password@localhost/relais_test?socket=$(relais_mariadb_socket "$DB_BASE")" \
        "$STORE" "test-node" "$ROOT/sql/mariadb" debug
    # The MSSanté proof page's browser test waits this long for a server that never answers.
    printf '\n[transfer]\nmssante_proof_timeout_seconds = 5\n' >> "$TEST_INI"
    if [ -n "$SAGE_OK" ]; then
        (umask 077; printf '%s\n' "$SAGE_PASSWORD" > "$OUT/sage-password")
        relais_sage100_configure "$TEST_INI" relais_sage_test relais_sage_test "$OUT/sage-password" "$OUT/sage-export"
    fi
    relais_log "relais migrate"
    "$CLI" --config "$TEST_INI" migrate --sql-dir "$ROOT/sql/mariadb" >&2 || relais_die "relais migrate failed"
    relais_log "relais users add admin"
    printf '%s\n' "$ADMIN_PASSWORD" | "$CLI" --config "$TEST_INI" users add admin --password-stdin >&2 \
        || relais_die "relais users add admin --password-stdin failed"
    relais_render_template "$ROOT/installer/demo/demo-deposit.json.in" "$OUT/demo-deposit.json" OUTBOX="$OUTBOX"
    relais_log "relais flows import demo-deposit"
    "$CLI" --config "$TEST_INI" flows import "$OUT/demo-deposit.json" >&2 || relais_die "relais flows import failed"
    relais_daemon_start "$DAEMON" "$TEST_INI" "$RELAISD_PID" "$LOGS/relaisd.log"
}

if suite_wanted phpt || suite_wanted memcheck || suite_wanted system || suite_wanted web; then
    if [ -n "$ENGINE_OK" ] && [ -n "$DB_OK" ]; then
        section "shared test environment"
        attempt shared-env setup_shared_env && ENV_OK=1
    fi
fi
ENV_REASON="shared test environment not set up (see $LOGS/shared-env.log, build-engine.log, mariadb.log)"

# ---------------------------------------------------------------- suite: phpt
phpt_count() { # LABEL LOG
    { grep -E "^Tests $1 *:" "$2" || true; } | tail -n 1 | sed -E 's/^[^:]*: *([0-9]+).*/\1/'
}

# run_phpt SUITE [RUN_TESTS_ARGS...]: the PHPT suite (phpt), or the same under
# valgrind (memcheck: run-tests -m, with USE_ZEND_ALLOC=0 so that every
# allocation is seen); a leak or invalid access fails the test.
run_phpt() {
    local suite="$1" log rc runner passed failed skipped warned leaked PHPT_CONFIG=""
    shift
    log="$LOGS/$suite.log"
    # PHPT tests make their own databases from RELAIS_TEST_ADMIN_DSN; the shared
    # config is there for those that only read.
    [ -n "$ENV_OK" ] && PHPT_CONFIG="$TEST_INI"
    section "PHPT (tests/ext) $*"
    runner="$ROOT/run-tests.php"
    [ -f "$runner" ] || runner="/usr/lib/php/20220829/build/run-tests.php"
    if ! compgen -G "$ROOT/tests/ext/*.phpt" > /dev/null; then
        could_not_run "$suite" "no tests/ext/*.phpt"
        return
    fi
    set +e
    TEST_PHP_EXECUTABLE=/usr/bin/php NO_INTERACTION=1 REPORT_EXIT_STATUS=1 \
        RELAIS_CONFIG="$PHPT_CONFIG" \
        timeout --foreground --kill-after=10 2400 php "$runner" -q --show-diff "$@" \
        -d "extension=$ROOT/modules/relais.so" "$ROOT/tests/ext" < /dev/null 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    stop_if_interrupted "$rc"
    set -e
    passed="$(phpt_count passed "$log")"
    failed="$(phpt_count failed "$log")"
    skipped="$(phpt_count skipped "$log")"
    warned="$(phpt_count warned "$log")"
    leaked="$(phpt_count leaked "$log")"
    if [ -z "$passed" ] || [ -z "$failed" ]; then
        could_not_run "$suite" "run-tests.php exited $rc without a summary (see $log)"
        return
    fi
    failed=$((failed + ${warned:-0} + ${leaked:-0}))
    if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
        record "$suite" "$passed" 1 "${skipped:-0}" "run-tests.php exited $rc"
    else
        record "$suite" "$passed" "$failed" "${skipped:-0}"
    fi
}

for phpt_suite in phpt memcheck; do
    suite_wanted "$phpt_suite" || continue
    if [ -z "$EXT_OK" ]; then
        could_not_run "$phpt_suite" "extension build failed (see $LOGS/build-ext.log or build-engine.log)"
    elif [ -z "$DB_OK" ]; then
        could_not_run "$phpt_suite" "MariaDB did not start (see $LOGS/mariadb.log)"
    elif [ "$phpt_suite" = memcheck ]; then
        command -v valgrind > /dev/null || relais_ensure_packages valgrind
        run_phpt memcheck -m
    else
        run_phpt phpt
    fi
done


# ---------------------------------------------------------------- suite: system
run_system() {
    local script name log rc ok notok passed=0 failed=0 notes=""
    section "system tests (tests/system)"
    if ! compgen -G "$ROOT/tests/system/*.sh" > /dev/null; then
        could_not_run system "no tests/system/*.sh"
        return
    fi
    for script in "$ROOT"/tests/system/*.sh; do
        name="$(basename "$script" .sh)"
        if [ -n "${RELAIS_TEST_SYSTEM:-}" ]; then
            case " $RELAIS_TEST_SYSTEM " in *" $name "*) ;; *) continue ;; esac
        fi
        log="$LOGS/system-$name.log"
        mkdir -p "$OUT/tmp/$name"
        printf -- '--- %s\n' "$name" >&2
        set +e
        RELAIS_ROOT="$ROOT" RELAIS_BIN="$CLI" RELAISD_BIN="$DAEMON" RELAIS_CONFIG="$TEST_INI" \
            RELAIS_DEMO_OUTBOX="$OUTBOX" RELAIS_TEST_TMP="$OUT/tmp/$name" RELAIS_TEST_LOGS="$LOGS" \
            timeout --foreground --kill-after=10 600 bash "$script" < /dev/null 2>&1 | tee "$log"
        rc=${PIPESTATUS[0]}
        stop_if_interrupted "$rc"
        set -e
        ok="$(grep -cE '^ok ' "$log" || true)"
        notok="$(grep -cE '^not ok ' "$log" || true)"
        passed=$((passed + ok))
        failed=$((failed + notok))
        if [ "$rc" -ne 0 ] && [ "$notok" -eq 0 ]; then
            failed=$((failed + 1))
            notes="$notes $name exited $rc;"
            printf 'not ok %s - script exited %d without reporting a failure\n' "$name" "$rc"
        elif [ "$ok" -eq 0 ] && [ "$notok" -eq 0 ]; then
            failed=$((failed + 1))
            notes="$notes $name reported no test;"
        fi
    done
    record system "$passed" "$failed" 0 "${notes# }"
}

if suite_wanted system; then
    if [ -n "$ENV_OK" ]; then
        run_system
    else
        could_not_run system "$ENV_REASON"
    fi
fi

# ---------------------------------------------------------------- suite: web
WEB_PORT=""
WEB_TLS_PORT=""
PKI="$OUT/pki"
# Apache on two ports: plain HTTP, and HTTPS asking for a client certificate (the
# login by CPS card), with a throw-away PKI (tests/lib/test_pki.sh).
setup_web() {
    WEB_PORT="$(relais_free_port)"
    WEB_TLS_PORT="$(relais_free_port)"
    relais_test_pki "$PKI"
    relais_apache_configure "$ROOT" "$WEB_BASE" "$WEB_PORT" "$ROOT/modules/relais.so" "$TEST_INI" "$ROOT/webroot"
    relais_apache_enable_tls "$ROOT" "$WEB_BASE" "$WEB_TLS_PORT" "$PKI/server.pem" "$PKI/server.key" "$PKI/ca.pem"
    relais_apache_start "$WEB_BASE" "$WEB_PORT"
    relais_wait_for_port "$WEB_TLS_PORT" 30 || relais_die "Apache is not listening on 127.0.0.1:$WEB_TLS_PORT (HTTPS)"
    printf '%s\n' "$WEB_PORT" > "$OUT/run/web-port"
    printf '%s\n' "$WEB_TLS_PORT" > "$OUT/run/web-tls-port"
}

# The MSSanté proof page's servers: Dovecot (IMAP with STARTTLS) and Postfix
# (submission with STARTTLS, and a port without) from tests/lib/transfer_servers.sh.
setup_web_mail() {
    tr_ensure_packages postfix dovecot-imapd dovecot-lmtpd
    tr_mail_start "$SRV/mail"
    printf '%s %s %s\n' "$TR_IMAP_PORT" "$TR_SMTP_PORT" "$TR_SMTP_PLAIN_PORT" > "$OUT/run/web-mail-ports"
}

setup_node_modules() {
    if [ ! -d "$ROOT/tests/web/node_modules" ]; then
        relais_log "npm install in tests/web"
        (cd "$ROOT/tests/web" && npm install --no-audit --no-fund < /dev/null >&2) \
            || relais_die "npm install failed in tests/web"
    fi
    [ -x /usr/bin/chromium ] || relais_ensure_packages chromium
}

tap_count() { # LABEL LOG
    { grep -E "^# $1 [0-9]+$" "$2" || true; } | tail -n 1 | sed -E 's/.* ([0-9]+)$/\1/'
}

run_web() {
    local log="$LOGS/web.log" rc passed failed cancelled skipped todo
    section "browser tests (tests/web)"
    set +e
    RELAIS_WEB_URL="http://127.0.0.1:$WEB_PORT/" RELAIS_WEB_LOGIN=admin RELAIS_WEB_PASSWORD="$ADMIN_PASSWORD" \
        RELAIS_DEMO_OUTBOX="$OUTBOX" RELAIS_CONFIG="$TEST_INI" RELAIS_WEB_SESSIONS="$WEB_BASE/sessions" \
        RELAIS_WEB_TLS_URL="https://127.0.0.1:$WEB_TLS_PORT/" RELAIS_WEB_PKI="$PKI" \
        RELAIS_WEB_MAIL_PORTS="$(cat "$OUT/run/web-mail-ports" 2> /dev/null || true)" \
        timeout --foreground --kill-after=10 1200 node --test --test-reporter=tap "$ROOT/tests/web/" < /dev/null 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    stop_if_interrupted "$rc"
    set -e
    passed="$(tap_count pass "$log")"
    failed="$(tap_count fail "$log")"
    cancelled="$(tap_count cancelled "$log")"
    skipped="$(tap_count skipped "$log")"
    todo="$(tap_count todo "$log")"
    if [ -z "$passed" ] || [ -z "$failed" ]; then
        could_not_run web "node --test exited $rc without a summary (see $log)"
        return
    fi
    failed=$((failed + ${cancelled:-0}))
    if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
        record web "$passed" 1 "$(( ${skipped:-0} + ${todo:-0} ))" "node --test exited $rc"
    elif [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
        record web 0 1 "$(( ${skipped:-0} + ${todo:-0} ))" "no browser test ran"
    else
        record web "$passed" "$failed" "$(( ${skipped:-0} + ${todo:-0} ))"
    fi
}

if suite_wanted web; then
    if [ -z "$ENV_OK" ]; then
        could_not_run web "$ENV_REASON"
    elif [ -z "$EXT_OK" ]; then
        could_not_run web "extension build failed"
    else
        section "Apache and browser prerequisites"
        if ! attempt web-setup setup_node_modules; then
            could_not_run web "npm install or chromium missing (see $LOGS/web-setup.log)"
        elif ! attempt apache setup_web; then
            could_not_run web "Apache did not start (see $LOGS/apache.log and $WEB_BASE/log/)"
        else
            # Without them only the proof page's test fails (it names this log).
            attempt web-mail setup_web_mail || relais_warn "the mail servers did not start (see $LOGS/web-mail.log)"
            WEB_PORT="$(cat "$OUT/run/web-port")"
            WEB_TLS_PORT="$(cat "$OUT/run/web-tls-port")"
            run_web
        fi
    fi
fi

# ---------------------------------------------------------------- summary
# Server logs are worth keeping next to the suite logs.
stop_servers
for f in "$DB_BASE/log/mariadb.log" "$WEB_BASE/log/apache-error.log" "$WEB_BASE/log/php-error.log"; do
    if [ -f "$f" ]; then cp "$f" "$LOGS/" 2>/dev/null || true; fi
done
SERVERS_STOPPED=1  # the EXIT trap stays quiet after the closing line

printf '\n=== results (%ds; logs in %s)\n' "$((SECONDS - START_TIME))" "$LOGS"
for name in "${SUITE_NAMES[@]}"; do
    printf '  %-8s %4d passed %4d failed %4d skipped  %s\n' "$name" \
        "${SUITE_PASS[$name]}" "${SUITE_FAIL[$name]}" "${SUITE_SKIP[$name]}" "${SUITE_NOTE[$name]}"
done
if [ "${#SUITE_NAMES[@]}" -eq 0 ]; then
    printf '  no suite ran (RELAIS_TEST_SUITES=%s)\n' "$SUITES"
    TOTAL_FAIL=$((TOTAL_FAIL + 1))
fi
SUMMARY_PRINTED=1
printf '%d passed, %d failed\n' "$TOTAL_PASS" "$TOTAL_FAIL"
[ "$TOTAL_FAIL" -eq 0 ]
