#!/usr/bin/env bash
# shellcheck disable=SC2016 # the single-quoted snippets are PHP code, not shell
# Bad input is refused by the CLI with a one-line message that names the culprit
# (exit 2), and leaves no trace: no flow row, no job row, no stored document.
# shellcheck source=tests/lib/system.sh
. "$(dirname "$0")/../lib/system.sh"

INPUT="$RELAIS_TEST_TMP/input.txt"
printf 'bad input tests %s\n' "$(relais_random_hex 8)" > "$INPUT"

# expect_no_new_job BEFORE_COUNT WHAT: the job count did not change.
expect_job_count() {
    local after
    after="$(t_job_count)"
    [ "$after" = "$1" ] || t_fail "relais list --json counted $1 jobs before and '$after' after $2"
}
expect_store_files() {
    local after
    after="$(t_store_files)"
    [ "$after" = "$1" ] || t_fail "the content store held $1 files before and $after after $2"
}

flows_import_json_syntax_error_is_refused_naming_the_file() {
    local file="$RELAIS_TEST_TMP/broken-flow.json" before after
    printf '{"name": "%s", "trigger": {"type": "manual"},\n "steps": [ {"activity": "noop"} \n' \
        "$(t_unique broken)" > "$file"
    before="$(t_flow_count)"
    [ -n "$before" ] || { t_fail "relais flows list --json did not give a flow list"; return 1; }
    t_run relais flows import "$file"
    t_expect_rc 2 "relais flows import (syntax error)"
    t_expect_one_line_stderr
    t_expect_stderr_has "$file"
    after="$(t_flow_count)"
    [ "$after" = "$before" ] || t_fail "flow count went from $before to $after"
}

flows_import_missing_file_is_refused_naming_the_file() {
    local file="$RELAIS_TEST_TMP/no-such-flow.json"
    t_run relais flows import "$file"
    t_expect_rc 2 "relais flows import (missing file)"
    t_expect_one_line_stderr
    t_expect_stderr_has "$file"
    t_expect_stderr_has "No such file or directory"
}

# A folder given where a flow file is expected (flows import DIR instead of
# DIR/*.json) is named as a folder, not reported as bad JSON.
flows_import_and_validate_refuse_a_directory_as_a_directory() {
    local dir="$RELAIS_TEST_TMP/flows-dir" cmd
    mkdir -p "$dir"
    for cmd in import validate; do
        t_run relais flows "$cmd" "$dir"
        t_expect_rc 2 "relais flows $cmd DIR"
        t_expect_one_line_stderr
        t_expect_stderr_has "flow file $dir is a directory"
    done
}

submit_to_unknown_flow_is_refused_naming_the_flow() {
    local flow before
    flow="$(t_unique no-such-flow)"
    before="$(t_job_count)"
    [ -n "$before" ] || { t_fail "relais list --json did not give a job list"; return 1; }
    t_run relais submit "$flow" "$INPUT"
    t_expect_rc 2 "relais submit to an unknown flow"
    t_expect_one_line_stderr
    t_expect_stderr_has "$flow"
    expect_job_count "$before" "a submit to an unknown flow"
}

submit_to_disabled_flow_is_refused() {
    local flow before
    flow="$(t_unique disabled)"
    t_import_flow "$flow" '[{"activity":"noop"}]' || return 1
    t_run relais flows disable "$flow"
    t_expect_rc 0 "relais flows disable $flow" || return 1
    before="$(t_job_count)"
    t_run relais submit "$flow" "$INPUT"
    t_expect_rc 2 "relais submit to a disabled flow"
    t_expect_one_line_stderr
    t_expect_stderr_has "$flow"
    expect_job_count "$before" "a submit to a disabled flow"
    # Enabled again, the same flow runs.
    t_run relais flows enable "$flow"
    t_expect_rc 0 "relais flows enable $flow" || return 1
    t_run relais submit "$flow" "$INPUT" --wait 30
    t_expect_rc 0 "relais submit --wait to the re-enabled flow"
}

submit_missing_input_file_is_refused_without_job_or_document() {
    local absent="$RELAIS_TEST_TMP/no-such-input.txt" jobs files
    jobs="$(t_job_count)"
    files="$(t_store_files)"
    t_run relais submit demo-deposit "$INPUT" "$absent"
    t_expect_rc 2 "relais submit with a missing input file"
    t_expect_one_line_stderr
    t_expect_stderr_has "$absent"
    expect_job_count "$jobs" "a submit with a missing input file"
    expect_store_files "$files" "a submit with a missing input file"
}

submit_unreadable_input_file_is_refused_without_job_or_document() {
    local unreadable jobs files
    if relais_is_root; then
        # root reads any file: a directory is what root cannot read as a document.
        unreadable="$RELAIS_TEST_TMP/a-directory"
        mkdir -p "$unreadable"
    else
        unreadable="$RELAIS_TEST_TMP/unreadable.txt"
        printf 'secret\n' > "$unreadable"
        chmod 000 "$unreadable"
    fi
    jobs="$(t_job_count)"
    files="$(t_store_files)"
    t_run relais submit demo-deposit "$INPUT" "$unreadable"
    t_expect_rc 2 "relais submit with an unreadable input file"
    t_expect_one_line_stderr
    t_expect_stderr_has "$unreadable"
    expect_job_count "$jobs" "a submit with an unreadable input file"
    expect_store_files "$files" "a submit with an unreadable input file"
}

submit_bad_param_syntax_is_refused() {
    local jobs
    jobs="$(t_job_count)"
    t_run relais submit demo-deposit "$INPUT" --param no-equals-sign
    t_expect_rc 2 "relais submit --param without K=V"
    t_expect_one_line_stderr
    expect_job_count "$jobs" "a submit with a malformed --param"
}

show_unknown_job_is_refused() {
    t_run relais show 999999999
    t_expect_rc 2 "relais show of an unknown job"
    t_expect_one_line_stderr
    t_expect_stderr_has 999999999
}

wrong_database_password_gives_one_line_database_error() {
    local ini="$RELAIS_TEST_TMP/wrong-password.ini" dsn password
    dsn="$(relais_ini_get "$RELAIS_CONFIG" database dsn)"
    password="$(relais_dsn_password "$dsn")"
    sed "s|:$password@|:wrong$(relais_random_hex 4)@|" "$RELAIS_CONFIG" > "$ini"
    cmp -s "$ini" "$RELAIS_CONFIG" && { t_fail "could not rewrite the password in $RELAIS_CONFIG"; return 1; }
    t_run "$RELAIS_BIN" --config "$ini" list
    t_expect_rc 2 "relais list with a wrong database password"
    t_expect_one_line_stderr
    t_expect_stderr_has database
    if printf '%s' "$T_ERR" | grep -qF "$(relais_dsn_password "$(relais_ini_get "$ini" database dsn)")"; then
        t_fail "the error message shows the database password"
    fi
}

missing_config_file_gives_one_line_error_naming_the_path() {
    local ini="$RELAIS_TEST_TMP/no-such-dir/relais.ini"
    t_run "$RELAIS_BIN" --config "$ini" list
    t_expect_rc 2 "relais list with a missing config file"
    t_expect_one_line_stderr
    t_expect_stderr_has "$ini"
}

config_from_environment_is_used() {
    local ini="$RELAIS_TEST_TMP/env-missing.ini"
    set +e
    RELAIS_CONFIG="$ini" "$RELAIS_BIN" list < /dev/null > /dev/null 2> "$RELAIS_TEST_TMP/.env_err"
    T_RC=$?
    set -e
    T_ERR="$(cat "$RELAIS_TEST_TMP/.env_err")"
    t_expect_rc 2 "relais list with RELAIS_CONFIG naming a missing file"
    t_expect_stderr_has "$ini"
}

list_with_an_impossible_date_is_refused_naming_the_option() {
    t_run relais list --from 2024-02-30
    t_expect_rc 2 "relais list --from 2024-02-30"
    t_expect_one_line_stderr
    t_expect_stderr_has "from '2024-02-30'"
}

unknown_command_is_refused() {
    t_run relais no-such-command
    t_expect_rc 2 "relais no-such-command"
}

t_case flows_import_json_syntax_error_is_refused_naming_the_file flows_import_json_syntax_error_is_refused_naming_the_file
t_case flows_import_missing_file_is_refused_naming_the_file flows_import_missing_file_is_refused_naming_the_file
t_case flows_import_and_validate_refuse_a_directory_as_a_directory flows_import_and_validate_refuse_a_directory_as_a_directory
t_case submit_to_unknown_flow_is_refused_naming_the_flow submit_to_unknown_flow_is_refused_naming_the_flow
t_case submit_to_disabled_flow_is_refused submit_to_disabled_flow_is_refused
t_case submit_missing_input_file_is_refused_without_job_or_document submit_missing_input_file_is_refused_without_job_or_document
t_case submit_unreadable_input_file_is_refused_without_job_or_document submit_unreadable_input_file_is_refused_without_job_or_document
t_case submit_bad_param_syntax_is_refused submit_bad_param_syntax_is_refused
t_case show_unknown_job_is_refused show_unknown_job_is_refused
t_case wrong_database_password_gives_one_line_database_error wrong_database_password_gives_one_line_database_error
t_case missing_config_file_gives_one_line_error_naming_the_path missing_config_file_gives_one_line_error_naming_the_path
t_case config_from_environment_is_used config_from_environment_is_used
t_case list_with_an_impossible_date_is_refused_naming_the_option list_with_an_impossible_date_is_refused_naming_the_option
t_case unknown_command_is_refused unknown_command_is_refused
