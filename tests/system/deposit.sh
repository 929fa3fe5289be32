#!/usr/bin/env bash
# shellcheck disable=SC2016 # the single-quoted snippets are PHP code, not shell
# The demo flow end to end: a file submitted with the real CLI is run by the real
# relaisd and lands, unchanged, in the deposit directory; show/list report it.
# shellcheck source=tests/lib/system.sh
. "$(dirname "$0")/../lib/system.sh"
: "${RELAIS_DEMO_OUTBOX:?RELAIS_DEMO_OUTBOX is not set}"

INPUT="$RELAIS_TEST_TMP/$(t_unique deposit).txt"
printf 'Relais system test %s\nsecond line \xc3\xa9\n' "$(relais_random_hex 16)" > "$INPUT"
JOB=""

version_prints_a_version() {
    t_run relais version
    t_expect_rc 0 "relais version" || return 1
    [ -n "$T_OUT" ] || t_fail "relais version printed nothing"
}

submit_wait_deposits_file_unchanged_in_outbox() {
    local found="" f
    t_run relais submit demo-deposit "$INPUT" --wait 30
    t_expect_rc 0 "relais submit demo-deposit FILE --wait 30" || return 1
    JOB="$(t_job_id_from_submit)"
    [ -n "$JOB" ] || { t_fail "submit printed no job id"; return 1; }
    while IFS= read -r -d '' f; do
        if cmp -s "$f" "$INPUT"; then found="$f"; break; fi
    done < <(find "$RELAIS_DEMO_OUTBOX" -type f -print0)
    [ -n "$found" ] || t_fail "no file with the submitted content in $RELAIS_DEMO_OUTBOX (job $JOB)"
}

show_json_reports_job_succeeded() {
    [ -n "$JOB" ] || { t_fail "no job id from the submit test"; return 1; }
    t_run relais show "$JOB" --json
    t_expect_rc 0 "relais show $JOB --json" || return 1
    local status
    status="$(printf '%s' "$T_OUT" | t_json 'echo job($d)["status"] ?? "";')"
    [ "$status" = succeeded ] || t_fail "relais show $JOB --json: status '$status', expected succeeded"
}

show_text_names_the_job_and_status() {
    [ -n "$JOB" ] || { t_fail "no job id from the submit test"; return 1; }
    t_run relais show "$JOB"
    t_expect_rc 0 "relais show $JOB" || return 1
    printf '%s' "$T_OUT" | grep -q succeeded || t_fail "relais show $JOB does not say succeeded"
}

list_json_reports_job_succeeded() {
    [ -n "$JOB" ] || { t_fail "no job id from the submit test"; return 1; }
    t_run relais list --json --flow demo-deposit
    t_expect_rc 0 "relais list --json --flow demo-deposit" || return 1
    local status
    status="$(printf '%s' "$T_OUT" | JOB="$JOB" t_json '
        foreach (items($d) as $j) if (idOf($j) === getenv("JOB")) { echo $j["status"] ?? "?"; exit; }
        echo "missing";')"
    [ "$status" = succeeded ] || t_fail "job $JOB in relais list --json: '$status', expected succeeded"
}

list_status_filter_keeps_only_that_status() {
    t_run relais list --json --status succeeded
    t_expect_rc 0 "relais list --json --status succeeded" || return 1
    local other
    other="$(printf '%s' "$T_OUT" | t_json '
        $n = 0; foreach (items($d) as $j) if (($j["status"] ?? "") !== "succeeded") $n++; echo $n;')"
    [ "$other" = 0 ] || t_fail "relais list --status succeeded listed $other jobs of another status"
}

list_pages_by_partner_ending_with_the_next_command() {
    local flow partner next
    flow="$(t_unique paged)"
    partner="$(t_unique partner)"
    t_import_flow "$flow" '[{"activity":"noop"}]' || return 1
    for _ in 1 2 3; do
        t_run relais submit "$flow" --partner "$partner"
        t_expect_rc 0 "relais submit $flow --partner $partner" || return 1
    done
    t_run relais list --partner "$partner" --limit 2
    t_expect_rc 0 "relais list --partner $partner --limit 2" || return 1
    [ "$(printf '%s\n' "$T_OUT" | grep -c "^[0-9].* $partner ")" = 2 ] || t_fail "page 1 is not 2 jobs of $partner: $T_OUT"
    next="$(printf '%s\n' "$T_OUT" | sed -n 's/^next: relais .* list /list /p')"
    [ -n "$next" ] || { t_fail "page 1 ends with no 'next: relais ... list ...' line: $T_OUT"; return 1; }
    # The command as printed, read by the shell.
    eval "t_run relais $next"
    t_expect_rc 0 "relais $next" || return 1
    [ "$(printf '%s\n' "$T_OUT" | grep -c "^[0-9].* $partner ")" = 1 ] || t_fail "page 2 is not the third job: $T_OUT"
    printf '%s\n' "$T_OUT" | grep -q '^next:' && t_fail "the last page has a 'next:' line: $T_OUT"
    return 0
}

# `relais document ID` writes a document's bytes, byte for byte, as `relais show`
# lists it; an unknown id is refused naming it.
document_writes_the_stored_bytes() {
    local doc out="$RELAIS_TEST_TMP/document-out"
    [ -n "$JOB" ] || { t_fail "no job from submit_wait_deposits_file_unchanged_in_outbox"; return 1; }
    t_run relais show "$JOB" --json
    doc="$(printf '%s' "$T_OUT" | t_json 'echo job($d)["documents"][0]["id"] ?? "";')"
    [ -n "$doc" ] || { t_fail "relais show $JOB --json lists no document"; return 1; }
    "$RELAIS_BIN" --config "$RELAIS_CONFIG" document "$doc" < /dev/null > "$out" || t_fail "relais document $doc failed"
    cmp -s "$INPUT" "$out" || t_fail "relais document $doc did not write the submitted bytes"
    t_run relais document 999999999
    t_expect_rc 2 "relais document 999999999"
    t_expect_one_line_stderr
    t_expect_stderr_has "no document #999999999"
}

# A submit from cron, systemd or `docker exec` (no USER in the environment) is
# still recorded as submitted by the account that ran it.
submit_without_user_variable_names_the_account() {
    local flow job who
    flow="$(t_unique submitter)"
    t_import_flow "$flow" '[{"activity":"noop"}]' || return 1
    t_run env -u USER -u SUDO_USER -u LOGNAME "$RELAIS_BIN" --config "$RELAIS_CONFIG" submit "$flow"
    t_expect_rc 0 "relais submit $flow without USER" || return 1
    job="$(t_job_id_from_submit)"
    t_run relais show "$job" --json
    t_expect_rc 0 "relais show $job --json" || return 1
    who="$(printf '%s' "$T_OUT" | t_json 'echo job($d)["submitted_by"] ?? "";')"
    [ "$who" = "cli:$(id -un)" ] || t_fail "job $job submitted by '$who', expected 'cli:$(id -un)'"
}

t_case version_prints_a_version version_prints_a_version
t_case submit_wait_deposits_file_unchanged_in_outbox submit_wait_deposits_file_unchanged_in_outbox
t_case show_json_reports_job_succeeded show_json_reports_job_succeeded
t_case show_text_names_the_job_and_status show_text_names_the_job_and_status
t_case list_json_reports_job_succeeded list_json_reports_job_succeeded
t_case list_status_filter_keeps_only_that_status list_status_filter_keeps_only_that_status
t_case list_pages_by_partner_ending_with_the_next_command list_pages_by_partner_ending_with_the_next_command
t_case document_writes_the_stored_bytes document_writes_the_stored_bytes
t_case submit_without_user_variable_names_the_account submit_without_user_variable_names_the_account
