#!/usr/bin/env bash
# shellcheck disable=SC2016 # the single-quoted snippets are PHP code, not shell
# A flow with a directory trigger: the running relaisd takes a file dropped in
# the watched folder (which empties), and runs one job with it as input; a file
# not matching the pattern stays; once the flow is disabled (and relaisd has
# read the flows again) files stay where they are until it is enabled.
# shellcheck source=tests/lib/system.sh
. "$(dirname "$0")/../lib/system.sh"

INBOX="$RELAIS_TEST_TMP/inbox"
OUTBOX="$RELAIS_TEST_TMP/outbox"
FLOW="$(t_unique watched)"
mkdir -p "$INBOX" "$OUTBOX"

directory_trigger_runs_one_job_per_dropped_file() {
    local name content
    name="order-$(relais_random_hex 4).edi"
    content="UNA:+.? 'UNB+UNOC:3+SENDER+RECEIVER+240101:1200+$(relais_random_hex 6)'"
    printf '{"name":"%s","trigger":{"type":"directory","path":"%s","pattern":"*.edi","stable_seconds":0,"poll_seconds":1},"steps":[{"activity":"dir.deposit","with":{"path":"%s"}}]}\n' \
        "$FLOW" "$INBOX" "$OUTBOX" > "$RELAIS_TEST_TMP/$FLOW.json"
    t_run relais flows import "$RELAIS_TEST_TMP/$FLOW.json"
    t_expect_rc 0 "relais flows import (directory trigger)" || return 1
    printf '%s\n' "$content" > "$INBOX/.$name.part"
    printf 'not for this flow\n' > "$INBOX/readme.txt"
    mv "$INBOX/.$name.part" "$INBOX/$name"
    if ! t_wait_for 30 test -f "$OUTBOX/$name"; then
        t_fail "$name dropped into $INBOX did not reach $OUTBOX within 30s (see relaisd.log)"
        return 1
    fi
    [ "$(cat "$OUTBOX/$name")" = "$content" ] || t_fail "$OUTBOX/$name differs from the dropped file"
    t_wait_for 10 test ! -e "$INBOX/$name" || t_fail "$INBOX/$name is still in the watched folder"
    [ -f "$INBOX/readme.txt" ] || t_fail "readme.txt (not matching *.edi) was taken"
    local jobs
    jobs="$(relais list --json --flow "$FLOW" < /dev/null 2> /dev/null | t_json '
        $n = 0; foreach (items($d) as $j) if (($j["status"] ?? "") === "succeeded") $n++; echo $n;')"
    [ "$jobs" = 1 ] || t_fail "expected exactly 1 succeeded job of flow $FLOW, relais list shows '$jobs'"
}

disabled_flow_trigger_takes_no_file() {
    local name
    name="held-$(relais_random_hex 4).edi"
    t_run relais flows disable "$FLOW"
    t_expect_rc 0 "relais flows disable $FLOW" || return 1
    # relaisd reads the flows' triggers again every 5 s.
    sleep 7
    printf 'held\n' > "$INBOX/$name"
    sleep 4
    [ -f "$INBOX/$name" ] || t_fail "a disabled flow's directory trigger took $name"
    [ ! -e "$OUTBOX/$name" ] || t_fail "a disabled flow's job deposited $name"
    t_run relais flows enable "$FLOW"
    t_expect_rc 0 "relais flows enable $FLOW" || return 1
    t_wait_for 30 test -f "$OUTBOX/$name" || t_fail "once enabled again, the flow did not take $name within 30s"
}

t_case directory_trigger_runs_one_job_per_dropped_file directory_trigger_runs_one_job_per_dropped_file
t_case disabled_flow_trigger_takes_no_file disabled_flow_trigger_takes_no_file
