#!/usr/bin/env bash
# shellcheck disable=SC2016 # the single-quoted snippets are PHP code, not shell
# A job whose exec step fails ends `failed` with the error recorded, and
# `relais submit --wait` says so with exit status 1; a succeeding exec step
# gets the input document path as its last argument.
# shellcheck source=tests/lib/system.sh
. "$(dirname "$0")/../lib/system.sh"

INPUT="$RELAIS_TEST_TMP/input.txt"
printf 'exec tests %s\n' "$(relais_random_hex 8)" > "$INPUT"
FAIL_FLOW="$(t_unique exec-false)"
JOB=""

exec_step_failure_fails_the_job_and_wait_exits_1() {
    t_import_flow "$FAIL_FLOW" '[{"activity":"exec","with":{"program":"/bin/false","args":[]}}]' || return 1
    t_run relais submit "$FAIL_FLOW" "$INPUT" --wait 30
    t_expect_rc 1 "relais submit --wait to a flow whose exec step fails"
    JOB="$(t_job_id_from_submit)"
    [ -n "$JOB" ] || { t_fail "submit printed no job id"; return 1; }
    local status
    status="$(t_job_status "$JOB")"
    [ "$status" = failed ] || t_fail "job $JOB status '$status', expected failed"
}

failed_job_records_the_error() {
    [ -n "$JOB" ] || { t_fail "no job id from the previous test"; return 1; }
    t_run relais show "$JOB" --json
    t_expect_rc 0 "relais show $JOB --json" || return 1
    local error
    error="$(printf '%s' "$T_OUT" | t_json 'echo job($d)["error"] ?? "";')"
    if [ -z "$error" ]; then
        t_fail "relais show $JOB --json has no error for the failed job"
    elif ! printf '%s' "$error" | grep -qF /bin/false; then
        t_fail "the recorded error does not name the program that failed: $error"
    fi
}

exec_step_gets_input_path_and_succeeds() {
    local flow script marker
    flow="$(t_unique exec-copy)"
    marker="$RELAIS_TEST_TMP/exec-copy-output.txt"
    script="$RELAIS_TEST_TMP/copy-input.sh"
    printf '#!/bin/sh\n# $1 = %s, last argument = the input document\nfor last; do :; done\ncp "$last" "$1"\n' \
        "output path" > "$script"
    chmod 755 "$script"
    t_import_flow "$flow" "[{\"activity\":\"exec\",\"with\":{\"program\":\"$script\",\"args\":[\"$marker\"]}}]" || return 1
    t_run relais submit "$flow" "$INPUT" --wait 30
    t_expect_rc 0 "relais submit --wait to a flow whose exec step succeeds" || return 1
    cmp -s "$marker" "$INPUT" || t_fail "the exec step did not receive the input document as its last argument"
}

t_case exec_step_failure_fails_the_job_and_wait_exits_1 exec_step_failure_fails_the_job_and_wait_exits_1
t_case failed_job_records_the_error failed_job_records_the_error
t_case exec_step_gets_input_path_and_succeeds exec_step_gets_input_path_and_succeeds
