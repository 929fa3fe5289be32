#!/usr/bin/env bash
# The engine under failure, with real relaisd processes and a real MariaDB:
#   - a relaisd killed (-9) in the middle of a step: another node re-queues the
#     job once the lease runs out and the job completes exactly once;
#   - MariaDB restarted while 1,000 jobs run: all succeed, none twice;
#   - 10,000 jobs over 2 nodes: exactly 10,000 successful jobs and 10,000
#     deposited files, every step run once.
# Each case has its own database (and the restart case its own MariaDB), so
# the shared relaisd and its queue are left alone.
# shellcheck source=tests/lib/system.sh
. "$(dirname "$0")/../lib/system.sh"

OWN_DB=""
cleanup() {
    t_daemons_kill
    if [ -n "$OWN_DB" ]; then
        (relais_mariadb_stop "$OWN_DB") > /dev/null 2>&1 || true
        rm -rf "$OWN_DB"
    fi
}
t_on_exit cleanup

# fast_engine INI NODE: short lease and poll interval, so that recovery is
# seen within seconds; a second INI for NODE is written as INI-NODE.ini.
fast_engine() {
    local ini="$1" node="$2"
    t_ini_set "$ini" engine lease_seconds 5
    t_ini_set "$ini" engine poll_interval_ms 50
    t_ini_set "$ini" log level info
    sed "s/^node = .*/node = $node/" "$ini" > "${ini%.ini}-$node.ini"
    chmod 600 "${ini%.ini}-$node.ini"
}

# import_flow INI NAME STEPS_JSON
import_flow() {
    printf '{"name":"%s","trigger":{"type":"manual"},"steps":%s}\n' "$2" "$3" > "$RELAIS_TEST_TMP/$2.json"
    "$RELAIS_BIN" --config "$1" flows import "$RELAIS_TEST_TMP/$2.json" < /dev/null > /dev/null
}

# count_status DB FLOW STATUS: jobs of FLOW with STATUS.
count_status() { t_sql "$1" "SELECT COUNT(*) FROM job WHERE flow_name = '$2' AND status = '$3'"; }

# all_succeeded DB FLOW N: true once N jobs of FLOW succeeded.
all_succeeded() { [ "$(count_status "$1" "$2" succeeded)" -ge "$3" ]; }

# expect_deposits DIR N: DIR holds exactly the N files doc-000001.txt... with
# the content submit_many.php gave them, and nothing else (no temporary file).
expect_deposits() {
    local dir="$1" n="$2" files bad
    files="$(find "$dir" -type f | wc -l)"
    [ "$files" -eq "$n" ] || t_fail "$dir holds $files files, expected $n"
    bad="$(cd "$dir" && for ((i = 1; i <= n; i++)); do
        f="$(printf 'doc-%06d.txt' "$i")"
        [ "$(cat "$f" 2> /dev/null)" = "document $i of $n" ] || echo "$f"
    done | head -n 5)"
    [ -z "$bad" ] || t_fail "missing or wrong deposited files: $(echo $bad)"
}

# own_sql DB SQL: SQL on this script's own MariaDB (the restart case).
own_sql() { relais_mariadb_sql "$OWN_DB" "USE $1; $2"; }

# expect_no_double_deposit SQL_FUNCTION DB: no job deposited its document twice.
expect_no_double_deposit() {
    local twice
    twice="$("$1" "$2" "SELECT COUNT(*) FROM (SELECT job_id FROM job_log WHERE message LIKE 'deposited %'
        GROUP BY job_id HAVING COUNT(*) > 1) t")"
    [ "$twice" = 0 ] || t_fail "$twice job(s) deposited their document twice"
}

kill9_during_a_step_the_job_completes_once_on_another_node() {
    local name="systest_kill_$$" ini flow="killed-step" job counter="$RELAIS_TEST_TMP/kill-runs" out="$RELAIS_TEST_TMP/kill-out"
    local script="$RELAIS_TEST_TMP/slow-step.sh" input="$RELAIS_TEST_TMP/kill-input.txt" status node
    ini="$(t_private_database "$name")" || { t_fail "could not create a private database"; return 1; }
    fast_engine "$ini" node-a
    fast_engine "$ini" node-b
    printf '#!/bin/sh\necho run >> "%s"\nsleep 4\n' "$counter" > "$script"
    chmod 755 "$script"
    printf 'order 4711\n' > "$input"
    import_flow "$ini" "$flow" "[{\"activity\":\"exec\",\"with\":{\"program\":\"$script\"}},
        {\"activity\":\"dir.deposit\",\"with\":{\"path\":\"$out\",\"overwrite\":false}}]" \
        || { t_fail "flow import failed"; return 1; }
    t_daemon_start "${ini%.ini}-node-a.ini" "$RELAIS_TEST_TMP/kill-a.log" "$RELAIS_TEST_TMP/kill-a.pid"
    local pid_a="$T_DAEMON_PID"
    t_run "$RELAIS_BIN" --config "$ini" submit "$flow" "$input"
    t_expect_rc 0 "relais submit" || return 1
    job="$(t_job_id_from_submit)"
    t_wait_for 20 test -s "$counter" || { t_fail "step 0 did not start on node-a within 20s"; return 1; }
    kill -KILL "$pid_a"
    wait "$pid_a" 2> /dev/null || true
    [ "$(t_sql "$name" "SELECT CONCAT(status, ' ', node) FROM job WHERE id = $job")" = "running node-a" ] \
        || t_fail "after kill -9, job $job should still be running on node-a"
    t_daemon_start "${ini%.ini}-node-b.ini" "$RELAIS_TEST_TMP/kill-b.log" "$RELAIS_TEST_TMP/kill-b.pid"
    local pid_b="$T_DAEMON_PID"
    if ! t_wait_for 40 all_succeeded "$name" "$flow" 1; then
        status="$(t_sql "$name" "SELECT status FROM job WHERE id = $job")"
        t_fail "job $job is $status 40s after node-a was killed (see $RELAIS_TEST_TMP/kill-b.log)"
        return 1
    fi
    node="$(t_sql "$name" "SELECT node FROM job WHERE id = $job")"
    [ "$node" = node-b ] || t_fail "job $job finished on '$node', expected node-b"
    [ "$(cat "$out/kill-input.txt" 2> /dev/null)" = "order 4711" ] || t_fail "$out/kill-input.txt missing or wrong"
    [ "$(find "$out" -type f | wc -l)" -eq 1 ] || t_fail "$out should hold exactly one file"
    # The interrupted step ran again (once), the deposit once.
    [ "$(wc -l < "$counter")" -eq 2 ] || t_fail "step 0 ran $(wc -l < "$counter") times, expected 2 (interrupted + re-run)"
    [ "$(t_sql "$name" "SELECT COUNT(*) FROM job")" = 1 ] || t_fail "expected exactly one job row"
    t_sql "$name" "SELECT message FROM job_log WHERE job_id = $job" | grep -q "node-a stopped renewing its lease" \
        || t_fail "the job log does not say that node-a's lease ran out"
    t_run "$RELAIS_BIN" --config "$ini" nodes --json
    printf '%s' "$T_OUT" | t_json 'foreach ($d as $n) if ($n["name"] === "node-a" && !$n["alive"]) exit(0); exit(1);' \
        || t_fail "relais nodes does not show node-a dead: $T_OUT"
    t_daemon_stop "$pid_b" 10
}

mariadb_restart_during_1000_jobs_loses_none_and_runs_none_twice() {
    local port password ini db=systest_restart flow=restart out="$RELAIS_TEST_TMP/restart-out" done_before pid
    OWN_DB="$(mktemp -d /tmp/relais-sys.XXXXXX)"
    chmod 755 "$OWN_DB"
    port="$(relais_free_port)"
    password="$(relais_random_hex 16)"
    ini="$RELAIS_TEST_TMP/restart.ini"
    mkdir -p "$RELAIS_TEST_TMP/restart-store"
    if ! (
        relais_mariadb_start "$OWN_DB" "$port" --innodb-flush-log-at-trx-commit=2 --skip-log-bin
        relais_mariadb_create_database "$OWN_DB" "$db" "$db" "$password"
        relais_write_ini "$ini" "mariadb://$db:$password@localhost/$db?socket=$(relais_mariadb_socket "$OWN_DB")" \
            "$RELAIS_TEST_TMP/restart-store" restart-node "$RELAIS_ROOT/sql/mariadb" info
        "$RELAIS_BIN" --config "$ini" migrate < /dev/null
    ) > "$RELAIS_TEST_TMP/restart-setup.log" 2>&1; then
        t_fail "setting up a private MariaDB failed: $(tail -n 3 "$RELAIS_TEST_TMP/restart-setup.log")"
        return 1
    fi
    fast_engine "$ini" restart-node
    # A short program per job spreads the 1,000 jobs over several seconds.
    import_flow "$ini" "$flow" "[{\"activity\":\"exec\",\"with\":{\"program\":\"/bin/sh\",\"args\":[\"-c\",\"sleep 0.01\",\"sh\"]}},
        {\"activity\":\"dir.deposit\",\"with\":{\"path\":\"$out\",\"overwrite\":false}}]" \
        || { t_fail "flow import failed"; return 1; }
    t_submit_many "$ini" "$flow" 1000 "$RELAIS_TEST_TMP/restart-in" || { t_fail "submitting 1,000 jobs failed"; return 1; }
    t_daemon_start "$ini" "$RELAIS_TEST_TMP/restart-relaisd.log" "$RELAIS_TEST_TMP/restart-relaisd.pid"
    pid="$T_DAEMON_PID"
    some_done() { [ "$(own_sql "$db" "SELECT COUNT(*) FROM job WHERE status = 'succeeded'")" -ge 150 ]; }
    t_wait_for 60 some_done || { t_fail "fewer than 150 jobs succeeded within 60s"; return 1; }
    done_before="$(own_sql "$db" "SELECT COUNT(*) FROM job WHERE status = 'succeeded'")"
    [ "$done_before" -lt 1000 ] || { t_fail "all jobs ran before the restart: make the flow slower"; return 1; }
    (relais_mariadb_stop "$OWN_DB") > /dev/null 2>&1
    sleep 2
    (relais_mariadb_start "$OWN_DB" "$port" --innodb-flush-log-at-trx-commit=2 --skip-log-bin) \
        > "$RELAIS_TEST_TMP/restart-restart.log" 2>&1 || { t_fail "MariaDB did not start again"; return 1; }
    all_done() { [ "$(own_sql "$db" "SELECT COUNT(*) FROM job WHERE status = 'succeeded'")" -ge 1000 ]; }
    if ! t_wait_for 120 all_done; then
        t_fail "120s after the restart: $(own_sql "$db" "SELECT GROUP_CONCAT(CONCAT(status, '=', n)) FROM
            (SELECT status, COUNT(*) n FROM job GROUP BY status) t") (see $RELAIS_TEST_TMP/restart-relaisd.log)"
        return 1
    fi
    [ "$(own_sql "$db" "SELECT COUNT(*) FROM job")" = 1000 ] || t_fail "expected exactly 1,000 job rows"
    expect_deposits "$out" 1000
    expect_no_double_deposit own_sql "$db"
    kill -0 "$pid" 2> /dev/null || t_fail "relaisd exited during the restart"
    printf '#   %s of 1000 jobs had succeeded when MariaDB was stopped\n' "$done_before"
    t_daemon_stop "$pid" 10
    (relais_mariadb_stop "$OWN_DB") > /dev/null 2>&1 || true
}

ten_thousand_jobs_over_two_nodes_run_exactly_once() {
    local name="systest_10k_$$" ini flow=tenk out="$RELAIS_TEST_TMP/10k-out" pid_a pid_b per_node steps
    ini="$(t_private_database "$name")" || { t_fail "could not create a private database"; return 1; }
    fast_engine "$ini" node-1
    fast_engine "$ini" node-2
    import_flow "$ini" "$flow" "[{\"activity\":\"dir.deposit\",\"with\":{\"path\":\"$out\",\"overwrite\":false}}]" \
        || { t_fail "flow import failed"; return 1; }
    t_daemon_start "${ini%.ini}-node-1.ini" "$RELAIS_TEST_TMP/10k-1.log" "$RELAIS_TEST_TMP/10k-1.pid"
    pid_a="$T_DAEMON_PID"
    t_daemon_start "${ini%.ini}-node-2.ini" "$RELAIS_TEST_TMP/10k-2.log" "$RELAIS_TEST_TMP/10k-2.pid"
    pid_b="$T_DAEMON_PID"
    # Submitted while both nodes run, so that they compete for every job.
    t_submit_many "$ini" "$flow" 10000 "$RELAIS_TEST_TMP/10k-in" || { t_fail "submitting 10,000 jobs failed"; return 1; }
    if ! t_wait_for 300 all_succeeded "$name" "$flow" 10000; then
        t_fail "after 300s only $(count_status "$name" "$flow" succeeded) of 10000 jobs succeeded"
        return 1
    fi
    [ "$(t_sql "$name" "SELECT COUNT(*) FROM job")" = 10000 ] || t_fail "expected exactly 10,000 job rows"
    steps="$(t_sql "$name" "SELECT COUNT(*) FROM job_step")"
    [ "$steps" = 10000 ] || t_fail "$steps step runs recorded, expected 10000 (each job's step once)"
    expect_deposits "$out" 10000
    expect_no_double_deposit t_sql "$name"
    per_node="$(t_sql "$name" "SELECT GROUP_CONCAT(CONCAT(node, '=', n) ORDER BY node) FROM
        (SELECT node, COUNT(*) n FROM job GROUP BY node) t")"
    case "$per_node" in
        node-1=*,node-2=*) printf '#   jobs per node: %s\n' "$per_node" ;;
        *) t_fail "both nodes should have run jobs: $per_node" ;;
    esac
    t_daemon_stop "$pid_a" 10
    t_daemon_stop "$pid_b" 10
}

t_case kill9_during_a_step_the_job_completes_once_on_another_node kill9_during_a_step_the_job_completes_once_on_another_node
t_case mariadb_restart_during_1000_jobs_loses_none_and_runs_none_twice mariadb_restart_during_1000_jobs_loses_none_and_runs_none_twice
t_case ten_thousand_jobs_over_two_nodes_run_exactly_once ten_thousand_jobs_over_two_nodes_run_exactly_once
