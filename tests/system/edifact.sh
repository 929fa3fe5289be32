#!/usr/bin/env bash
# shellcheck disable=SC2016 # the single-quoted snippets are PHP code, not shell
# The EDIFACT translation end to end: `relais edifact check|to-pivot|from-pivot`
# on the committed samples (tests/edifact/samples) and on bad input, and flows
# run by the real relaisd: an EANCOM ORDERS interchange dropped in a watched
# folder goes through edifact.contrl and edifact.to_pivot into an emulated
# Sage 100 database of its own (sage.import, over ODBC); bad input fails the
# job for good with a CONTRL rejection; edifact.split makes one job per
# message; a Sage invoice exported as pivot becomes an INVOIC that reads back.
# shellcheck source=tests/lib/system.sh
. "$(dirname "$0")/../lib/system.sh"

: "${RELAIS_TEST_SAGE_DSN:?RELAIS_TEST_SAGE_DSN is not set (tests/run.sh sets it)}"
: "${RELAIS_TEST_MARIADB_BASE:?RELAIS_TEST_MARIADB_BASE is not set}"

SAMPLES="$RELAIS_ROOT/tests/edifact/samples"
T="$RELAIS_TEST_TMP"
SAGE_DB="sage_edi_$(relais_random_hex 4)"
SAGE_PW="$(relais_random_hex 12)"
SAGE_DSN="DSN=$RELAIS_TEST_SAGE_DSN;DATABASE=$SAGE_DB"
RELAIS_DB="$(relais_ini_get "$RELAIS_CONFIG" database dsn | sed -n 's#^mariadb://[^/]*/\([^?]*\).*#\1#p')"
PARTNER="$(t_unique edi)"

cleanup() { relais_mariadb_drop_database "$RELAIS_TEST_MARIADB_BASE" "$SAGE_DB" "$SAGE_DB" > /dev/null 2>&1 || true; }
t_on_exit cleanup
relais_sage100_load "$RELAIS_ROOT" "$RELAIS_TEST_MARIADB_BASE" "$SAGE_DB" "$SAGE_DB" "$SAGE_PW" 2> "$T/load.log" \
    || { cat "$T/load.log"; echo "not ok sage_database_loads"; exit 1; }
sage_sql() { t_sql "$SAGE_DB" "$1"; }

# gln: a random GLN with its GS1 check digit (partners' GLNs are unique).
gln() {
    local body sum=0 i d
    body="30$(printf '%010d' "$((RANDOM * 32768 + RANDOM))")"
    for ((i = 0; i < 12; i++)); do
        d="${body:11-i:1}"
        if ((i % 2 == 0)); then sum=$((sum + 3 * d)); else sum=$((sum + d)); fi
    done
    printf '%s%s\n' "$body" "$(((10 - sum % 10) % 10))"
}
PARTNER_GLN="$(gln)"
t_sql "$RELAIS_DB" "INSERT INTO partner (code, name, gln) VALUES ('$PARTNER', 'EDI test partner', '$PARTNER_GLN');
    INSERT INTO partner_edifact (partner_id, syntax_level, separators, test_indicator)
    SELECT id, 'UNOA', ':*,? ~', 1 FROM partner WHERE code = '$PARTNER';"

cli_check_summarises_a_valid_interchange() {
    t_run "$RELAIS_BIN" edifact check "$SAMPLES/orders_d96a_unoc.edi"
    t_expect_rc 0 "relais edifact check" || return 1
    printf '%s' "$T_OUT" | grep -qF "valid interchange HC0000000042 from 3012345100014:14 to 3012345000000:14, UNOC:3, 2 message(s) (ORDERS 2)" \
        || t_fail "the summary does not name reference, sender, recipient, syntax and messages"
    t_run "$RELAIS_BIN" edifact check "$SAMPLES/orders_unoa_group.edi" --json
    t_expect_rc 0 "relais edifact check --json" || return 1
    [ "$(printf '%s' "$T_OUT" | t_json 'echo json_encode([$d["valid"], $d["reference"], $d["groups"], $d["messages"]]);')" = '[true,"CTR00017",1,{"ORDERS":1}]' ] \
        || t_fail "check --json does not report valid, reference, groups and messages by type"
}

cli_check_names_the_place_of_each_bad_input() {
    local f="$T/bad.edi"
    sed 's/^UNT+33+1/UNT+30+1/' "$SAMPLES/orders_d96a_unoc.edi" > "$f"
    t_run "$RELAIS_BIN" edifact check "$f"
    t_expect_rc 1 "relais edifact check of a wrong UNT count" || return 1
    printf '%s' "$T_OUT" | grep -qF "interchange HC0000000042, message 1 (ORDERS), segment 33 of the message (UNT, segment 34 of the interchange), element 1 component 1: wrong segment count in UNT: expected 33, found '30'" \
        || t_fail "the error does not name interchange, message, segment, element, expected and found"
    sed 's/UNOC:3/UNOX:3/' "$SAMPLES/orders_d96a_unoc.edi" > "$f"
    t_run "$RELAIS_BIN" edifact check "$f" --json
    t_expect_rc 1 "relais edifact check of an unknown syntax identifier" || return 1
    [ "$(printf '%s' "$T_OUT" | t_json 'echo json_encode([$d["valid"], $d["errors"][0]["code"], $d["errors"][0]["tag"], $d["errors"][0]["found"]]);')" = '[false,"2","UNB","UNOX"]' ] \
        || t_fail "check --json does not give code 2 at UNB with UNOX found"
    t_run "$RELAIS_BIN" edifact check "$T/no-such.edi"
    t_expect_rc 2 "relais edifact check of a missing file" || return 1
    t_expect_stderr_has "no-such.edi" || return 1
}

cli_to_pivot_writes_a_pivot_file_and_nothing_on_bad_input() {
    mkdir -p "$T/pivot"
    t_run "$RELAIS_BIN" edifact to-pivot "$SAMPLES/orders_unow_release.edi" --out "$T/pivot"
    t_expect_rc 0 "relais edifact to-pivot" || return 1
    grep -qF 'DOC;ORDERS;WEB+2024'"'"'03;2024-03-03;220;9' "$T/pivot/orders_unow_release.pivot" || t_fail "the pivot order is not the interchange's"
    printf "UNB+UNOC:3+A:14+B:14+240301:0815+R1'UNH+1+INVOIC:D:96A:UN:EAN008'BGM+380+F1+9'UNT+3+1'UNZ+1+R1'" > "$T/invoic.edi"
    t_run "$RELAIS_BIN" edifact to-pivot "$T/invoic.edi" --out "$T/pivot"
    t_expect_rc 2 "relais edifact to-pivot of a message type not mapped" || return 1
    t_expect_one_line_stderr || return 1
    t_expect_stderr_has "message 1 (INVOIC), segment 1 of the message (UNH, segment 2 of the interchange), element 2 component 1: message type INVOIC is not mapped here: expected ORDERS, found 'INVOIC'" || return 1
    [ ! -e "$T/pivot/invoic.pivot" ] || t_fail "a pivot file was written for a refused interchange"
}

cli_from_pivot_uses_the_partners_settings() {
    mkdir -p "$T/edi"
    printf 'PIVOT;1;UTF-8\nDOC;INVOIC;FA-SYS-1;2024-03-05;380;9;EUR\nPAR;SU;3012345000000;Laiterie des Alpes\nPAR;BY;%s;Client\nLIN;1;3760000000017\nQTY;47;24;PCE\nPRI;AAA;1.95\nMOA;203;46.8\nTOT;77;49.37\nEND;1\n' \
        "$PARTNER_GLN" > "$T/invoice.pivot"
    t_run "$RELAIS_BIN" --config "$RELAIS_CONFIG" edifact from-pivot "$T/invoice.pivot" --type INVOIC --partner "$PARTNER" --out "$T/edi"
    t_expect_rc 0 "relais edifact from-pivot" || return 1
    local out="$T/edi/invoice.INVOIC.edi"
    grep -qF "UNA:*,? ~UNB*UNOA:3*3012345000000:14*$PARTNER_GLN:14*" "$out" || t_fail "not the partner's separators, level and GLN: $(head -c 120 "$out")"
    grep -qF "NAD*SU*3012345000000::9**LAITERIE DES ALPES~" "$out" || t_fail "UNOA text is not upper case"
    grep -qF "PRI*AAA:1,95~" "$out" || t_fail "the partner's decimal comma is not used"
    grep -qF "*INVOIC****1~" "$out" || t_fail "the test indicator is not set"
    t_run "$RELAIS_BIN" edifact check "$out"
    t_expect_rc 0 "relais edifact check of the INVOIC written" || return 1
    t_run "$RELAIS_BIN" --config "$RELAIS_CONFIG" edifact from-pivot "$T/invoice.pivot" --type INVOIC --partner "no-such-$PARTNER" --out "$T/edi"
    t_expect_rc 2 "relais edifact from-pivot to an unknown partner" || return 1
    t_expect_stderr_has "unknown partner 'no-such-$PARTNER'" || return 1
}

# A flow taking interchanges from a watched folder: CONTRL, pivot, Sage.
INBOX="$T/inbox"
CONTRL="$T/contrl"
ORDERS_FLOW="$(t_unique edi-orders)"
mkdir -p "$INBOX" "$CONTRL"
printf '{"name":"%s","trigger":{"type":"directory","path":"%s","pattern":"*.edi","stable_seconds":0,"poll_seconds":1},"steps":[{"activity":"edifact.contrl","with":{"path":"%s"}},{"activity":"edifact.to_pivot","with":{"contrl_path":"%s"}},{"activity":"sage.import","with":{"dsn":"%s","user":"%s","password":"%s","generic_item":"ARTGENERIQUE"}}]}\n' \
    "$ORDERS_FLOW" "$INBOX" "$CONTRL" "$CONTRL" "$SAGE_DSN" "$SAGE_DB" "$SAGE_PW" > "$T/orders-flow.json"

# drop FILE NAME: put FILE in the watched folder as NAME, atomically.
drop() {
    cp "$1" "$INBOX/.$2.part"
    mv "$INBOX/.$2.part" "$INBOX/$2"
}

# job_of NAME: the id of the job whose document is NAME (waits up to 30 s for it to end).
job_of() {
    local id="" i status
    for ((i = 0; i < 300; i++)); do
        id="$(relais list --json --flow "$ORDERS_FLOW" --document "$1" < /dev/null 2> /dev/null | t_json 'echo idOf(items($d)[0] ?? []);')"
        if [ -n "$id" ]; then
            status="$(t_job_status "$id")"
            case "$status" in succeeded | failed) break ;; esac
        fi
        sleep 0.1
    done
    printf '%s\n' "$id"
}

daemon_takes_dropped_orders_into_sage() {
    local job name
    t_run relais flows import "$T/orders-flow.json"
    t_expect_rc 0 "relais flows import (EDIFACT orders flow)" || return 1
    for name in orders_d96a_unoc orders_unoa_group orders_unow_release; do
        drop "$SAMPLES/$name.edi" "$name-$$.edi"
        job="$(job_of "$name-$$.edi")"
        [ -n "$job" ] || { t_fail "no job for $name dropped in $INBOX (see relaisd.log)"; continue; }
        [ "$(t_job_status "$job")" = succeeded ] || t_fail "job $job of $name is $(t_job_status "$job"): $(relais show "$job" < /dev/null 2>&1 | tail -5)"
        [ -f "$CONTRL/CONTRL-$name-$$.edi" ] || t_fail "no CONTRL for $name in $CONTRL"
    done
    grep -qF "UCI+HC0000000042+3012345100014:14+3012345000000:14+7'" "$CONTRL/CONTRL-orders_d96a_unoc-$$.edi" \
        || t_fail "the CONTRL of orders_d96a_unoc does not accept interchange HC0000000042"
    for ref in CMD-HC-0042 CMD-HC-0043 PO-77812 "WEB+2024'03"; do
        [ "$(sage_sql "SELECT COUNT(*) FROM F_DOCENTETE WHERE DO_Ref = '${ref//\'/\'\'}'")" = 1 ] || t_fail "order $ref is not in F_DOCENTETE"
    done
    [ "$(sage_sql "SELECT COUNT(*) FROM F_DOCLIGNE l JOIN F_DOCENTETE e ON e.DO_Piece = l.DO_Piece AND e.DO_Type = l.DO_Type WHERE e.DO_Ref = 'CMD-HC-0042'")" = 2 ] \
        || t_fail "order CMD-HC-0042 does not have its 2 lines in F_DOCLIGNE"
}

daemon_fails_bad_input_for_good_with_a_contrl_rejection() {
    local job name="bad-$$.edi" invoic="invoic-$$.edi"
    sed 's/^UNZ+2+/UNZ+3+/' "$SAMPLES/orders_d96a_unoc.edi" > "$T/bad-unz.edi"
    drop "$T/bad-unz.edi" "$name"
    job="$(job_of "$name")"
    [ "$(t_job_status "$job")" = failed ] || { t_fail "job '$job' of $name is not failed"; return 1; }
    relais show "$job" < /dev/null | grep -qF "interchange HC0000000042, segment 52 (UNZ), element 1 component 1: wrong control count in UNZ (the number of messages): expected 2, found '3' (byte 1222) [permanent]" \
        || t_fail "the job's error does not name the place in the interchange: $(relais show "$job" < /dev/null 2>&1 | grep -i error | head -3)"
    grep -qF "UCI+HC0000000042+3012345100014:14+3012345000000:14+4+29+UNZ+1:1'" "$CONTRL/CONTRL-bad-$$.edi" \
        || t_fail "no CONTRL rejection naming UNZ element 1 for $name"
    [ "$(sage_sql "SELECT COUNT(*) FROM F_DOCENTETE WHERE DO_Ref = 'CMD-HC-0042'")" = 1 ] || t_fail "the bad interchange wrote to Sage"
    drop "$T/invoic.edi" "$invoic"
    job="$(job_of "$invoic")"
    [ "$(t_job_status "$job")" = failed ] || { t_fail "job '$job' of $invoic is not failed"; return 1; }
    grep -qF "UCM+1+INVOIC:D:96A:UN:EAN008+4+14+UNH+2:1'" "$CONTRL/CONTRL-invoic-$$.edi" \
        || t_fail "no CONTRL rejection of the unmapped INVOIC at UNH element 2: $(cat "$CONTRL/CONTRL-invoic-$$.edi" 2>&1)"
}

daemon_splits_an_interchange_into_one_job_per_message() {
    local parent child split_flow
    child="$(t_unique edi-message)"
    split_flow="$(t_unique edi-split)"
    t_import_flow "$child" '[{"activity":"edifact.to_pivot"}]' || return 1
    t_import_flow "$split_flow" "[{\"activity\":\"edifact.split\",\"with\":{\"flow\":\"$child\"}}]" || return 1
    t_run relais submit "$split_flow" "$SAMPLES/orders_d96a_unoc.edi" --wait 60
    t_expect_rc 0 "relais submit to an edifact.split flow" || return 1
    parent="$(t_job_id_from_submit)"
    children_done() { [ "$(relais list --flow "$child" --status succeeded --json < /dev/null 2> /dev/null | t_json 'echo count(items($d));')" = 2 ]; }
    t_wait_for 30 children_done || true
    local jobs
    jobs="$(relais list --flow "$child" --json < /dev/null | t_json '
        $out = []; foreach (items($d) as $j) $out[] = ($j["status"] ?? "") . ":" . ($j["params"]["parent_job"] ?? "") . ":" . ($j["params"]["message_ref"] ?? "");
        sort($out); echo implode(" ", $out);')"
    [ "$jobs" = "succeeded:$parent:1 succeeded:$parent:2" ] || t_fail "the message jobs are '$jobs', expected 2 succeeded children of job $parent (messages 1 and 2)"
}

sage_invoice_becomes_an_invoic_that_reads_back() {
    mkdir -p "$T/export" "$T/invoic"
    printf '%s\n' "$SAGE_PW" | "$RELAIS_BIN" sage export --dsn "$SAGE_DSN" --user "$SAGE_DB" --password-stdin \
        --out "$T/export" --own-gln 3012345000000 --type invoice > "$T/export.log" 2>&1 \
        || { t_fail "relais sage export failed: $(cat "$T/export.log")"; return 1; }
    local n=0 f
    for f in "$T"/export/*.pivot; do
        [ -e "$f" ] || continue
        t_run "$RELAIS_BIN" --config "$RELAIS_CONFIG" edifact from-pivot "$f" --type INVOIC --partner "$PARTNER" --out "$T/invoic"
        t_expect_rc 0 "relais edifact from-pivot of $(basename "$f")" || return 1
        t_run "$RELAIS_BIN" edifact check "$T/invoic/$(basename "$f" .pivot).INVOIC.edi"
        t_expect_rc 0 "relais edifact check of the INVOIC of $(basename "$f")" || return 1
        n=$((n + 1))
    done
    [ "$n" -gt 0 ] || t_fail "the emulated Sage exported no invoice"
}

t_case cli_check_summarises_a_valid_interchange cli_check_summarises_a_valid_interchange
t_case cli_check_names_the_place_of_each_bad_input cli_check_names_the_place_of_each_bad_input
t_case cli_to_pivot_writes_a_pivot_file_and_nothing_on_bad_input cli_to_pivot_writes_a_pivot_file_and_nothing_on_bad_input
t_case cli_from_pivot_uses_the_partners_settings cli_from_pivot_uses_the_partners_settings
t_case daemon_takes_dropped_orders_into_sage daemon_takes_dropped_orders_into_sage
t_case daemon_fails_bad_input_for_good_with_a_contrl_rejection daemon_fails_bad_input_for_good_with_a_contrl_rejection
t_case daemon_splits_an_interchange_into_one_job_per_message daemon_splits_an_interchange_into_one_job_per_message
t_case sage_invoice_becomes_an_invoic_that_reads_back sage_invoice_becomes_an_invoic_that_reads_back
