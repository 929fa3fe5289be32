#!/usr/bin/env bash
# shellcheck disable=SC2016 # the single-quoted snippets are PHP code, not shell
# Operators steer jobs run by the real relaisd: a running job is cancelled
# (its program stopped), a failed job is retried and succeeds once its cause is
# fixed.
# shellcheck source=tests/lib/system.sh
. "$(dirname "$0")/../lib/system.sh"

# status_is JOB STATUS: true when relais show reports STATUS.
status_is() { [ "$(t_job_status "$1")" = "$2" ]; }

cancel_stops_a_running_job() {
    local flow job started
    flow="$(t_unique sleeper)"
    t_import_flow "$flow" '[{"activity":"exec","with":{"program":"/bin/sh","args":["-c","sleep 60"],"timeout_seconds":120}}]' || return 1
    t_run relais submit "$flow"
    t_expect_rc 0 "relais submit $flow" || return 1
    job="$(t_job_id_from_submit)"
    t_wait_for 20 status_is "$job" running || { t_fail "job $job is not running after 20s: $(t_job_status "$job")"; return 1; }
    started=$SECONDS
    t_run relais cancel "$job"
    t_expect_rc 0 "relais cancel $job" || return 1
    t_wait_for 20 status_is "$job" cancelled || { t_fail "job $job is not cancelled 20s after relais cancel: $(t_job_status "$job")"; return 1; }
    [ $((SECONDS - started)) -lt 30 ] || t_fail "cancelling took $((SECONDS - started))s: the program was not stopped"
}

cancel_of_a_finished_job_is_refused() {
    local flow job
    flow="$(t_unique quick)"
    t_import_flow "$flow" '[{"activity":"noop"}]' || return 1
    t_run relais submit "$flow" --wait 30
    t_expect_rc 0 "relais submit $flow --wait 30" || return 1
    job="$(t_job_id_from_submit)"
    t_run relais cancel "$job"
    t_expect_rc 2 "relais cancel of a succeeded job"
    t_expect_one_line_stderr
    status_is "$job" succeeded || t_fail "job $job changed to $(t_job_status "$job")"
}

retry_runs_a_failed_job_again() {
    local flow job marker script
    flow="$(t_unique flaky)"
    marker="$RELAIS_TEST_TMP/fixed"
    script="$RELAIS_TEST_TMP/needs-marker.sh"
    printf '#!/bin/sh\ntest -f "%s" || { echo "marker file missing" >&2; exit 1; }\n' "$marker" > "$script"
    chmod 755 "$script"
    rm -f "$marker"
    t_import_flow "$flow" "[{\"activity\":\"exec\",\"with\":{\"program\":\"$script\"}}]" || return 1
    t_run relais submit "$flow" --wait 30
    t_expect_rc 1 "relais submit --wait of a job that fails" || return 1
    job="$(t_job_id_from_submit)"
    touch "$marker"
    t_run relais retry "$job"
    t_expect_rc 0 "relais retry $job" || return 1
    t_wait_for 30 status_is "$job" succeeded || t_fail "job $job did not succeed within 30s of relais retry: $(t_job_status "$job")"
}

pause_of_a_running_job_stops_it_after_the_step_and_resume_continues() {
    local flow job counter="$RELAIS_TEST_TMP/pause-runs" script="$RELAIS_TEST_TMP/pause-step.sh" steps
    flow="$(t_unique pausable)"
    printf '#!/bin/sh\necho run >> "%s"\nsleep 3\n' "$counter" > "$script"
    chmod 755 "$script"
    rm -f "$counter"
    t_import_flow "$flow" "[{\"activity\":\"exec\",\"with\":{\"program\":\"$script\"}},{\"activity\":\"noop\"}]" || return 1
    t_run relais submit "$flow"
    t_expect_rc 0 "relais submit $flow" || return 1
    job="$(t_job_id_from_submit)"
    t_wait_for 20 test -s "$counter" || { t_fail "step 0 of job $job did not start within 20s"; return 1; }
    t_run relais pause "$job"
    t_expect_rc 0 "relais pause $job" || return 1
    t_wait_for 20 status_is "$job" paused || { t_fail "job $job is not paused 20s after relais pause: $(t_job_status "$job")"; return 1; }
    # The running step ended normally; the next one did not start.
    steps="$(relais show "$job" --json < /dev/null 2> /dev/null | t_json '
        $s = job($d)["steps"] ?? $d["steps"] ?? []; echo implode(",", array_map(fn($x) => $x["position"] . ":" . $x["status"], $s));')"
    [ "$steps" = "0:succeeded" ] || t_fail "steps of the paused job: '$steps', expected '0:succeeded'"
    t_run relais resume "$job"
    t_expect_rc 0 "relais resume $job" || return 1
    t_wait_for 20 status_is "$job" succeeded || t_fail "job $job did not succeed within 20s of relais resume: $(t_job_status "$job")"
    [ "$(wc -l < "$counter")" -eq 1 ] || t_fail "step 0 ran $(wc -l < "$counter") times; resume must continue with step 1"
}

t_case cancel_stops_a_running_job cancel_stops_a_running_job
t_case cancel_of_a_finished_job_is_refused cancel_of_a_finished_job_is_refused
t_case retry_runs_a_failed_job_again retry_runs_a_failed_job_again
t_case pause_of_a_running_job_stops_it_after_the_step_and_resume_continues pause_of_a_running_job_stops_it_after_the_step_and_resume_continues
