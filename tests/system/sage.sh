#!/usr/bin/env bash
# The Sage 100 connector end to end, on an emulated Sage database of its own
# (sql/sage100) reached through unixODBC, the MariaDB ODBC driver and the DSN
# tests/run.sh configures (RELAIS_TEST_SAGE_DSN): `relais sage import` and
# `relais sage export`, their bad inputs, and flows with the sage.import and
# sage.export steps run by the real relaisd.
# shellcheck source=tests/lib/system.sh
. "$(dirname "$0")/../lib/system.sh"

: "${RELAIS_TEST_SAGE_DSN:?RELAIS_TEST_SAGE_DSN is not set (tests/run.sh sets it)}"
: "${RELAIS_TEST_MARIADB_BASE:?RELAIS_TEST_MARIADB_BASE is not set}"

SAGE_DB="sage_sys_$(relais_random_hex 4)"
SAGE_PW="$(relais_random_hex 12)"
SAGE_DSN="DSN=$RELAIS_TEST_SAGE_DSN;DATABASE=$SAGE_DB"
OUT_DIR="$RELAIS_TEST_TMP/out"
mkdir -p "$OUT_DIR"

cleanup() { relais_mariadb_drop_database "$RELAIS_TEST_MARIADB_BASE" "$SAGE_DB" "$SAGE_DB" > /dev/null 2>&1 || true; }
t_on_exit cleanup
relais_sage100_load "$RELAIS_ROOT" "$RELAIS_TEST_MARIADB_BASE" "$SAGE_DB" "$SAGE_DB" "$SAGE_PW" 2> "$RELAIS_TEST_TMP/load.log" \
    || { cat "$RELAIS_TEST_TMP/load.log"; echo "not ok sage_database_loads"; exit 1; }

# sage_cli ARGS...: `relais sage ARGS` on the test's Sage database, password on stdin.
sage_cli() {
    local cmd="$1"
    shift
    printf '%s\n' "$SAGE_PW" | "$RELAIS_BIN" sage "$cmd" --dsn "$SAGE_DSN" --user "$SAGE_DB" --password-stdin "$@"
}

sage_sql() { t_sql "$SAGE_DB" "$1"; }

# order NUMBER LINES COUNT: a pivot order of HYPER DU CENTRE.
order() {
    printf 'PIVOT;1;UTF-8\nDOC;ORDERS;%s;2024-03-01\nPAR;BY;3012345100014\nPAR;SU;3012345000000\n%sEND;%s\n' "$1" "$2" "$3"
}

order "SYS-1" $'LIN;1;3760000000017\nQTY;21;24;PCE\nPRI;AAA;1,95\nLIN;2;3760000000062\nQTY;21;2\n' 2 > "$RELAIS_TEST_TMP/sys-1.pivot"

cli_import_writes_the_order_and_a_second_run_finds_it() {
    t_run sage_cli import "$RELAIS_TEST_TMP/sys-1.pivot"
    t_expect_rc 0 "relais sage import" || return 1
    printf '%s' "$T_OUT" | grep -q '^imported  ORDERS SYS-1 -> BC00001  C0001  2 lines  75.80$' \
        || t_fail "the report does not show SYS-1 imported as BC00001"
    [ "$(sage_sql "SELECT CONCAT(DO_Tiers, ' ', DO_TotalHT) FROM F_DOCENTETE WHERE DO_Ref = 'SYS-1'")" = "C0001 75.800000" ] \
        || t_fail "F_DOCENTETE has no SYS-1 for C0001 at 75.80"
    t_run sage_cli import "$RELAIS_TEST_TMP/sys-1.pivot" --json
    t_expect_rc 0 "relais sage import again" || return 1
    [ "$(printf '%s' "$T_OUT" | t_json 'echo $d["documents"][0]["status"], " ", $d["documents"][0]["piece"];')" = "existing BC00001" ] \
        || t_fail "the second import is not reported existing BC00001"
    [ "$(sage_sql "SELECT COUNT(*) FROM F_DOCENTETE WHERE DO_Ref = 'SYS-1'")" = 1 ] || t_fail "SYS-1 was written twice"
}

cli_import_of_a_bad_pivot_names_line_field_and_value() {
    order "SYS-BAD" $'LIN;1;3760000000017\nQTY;21;1O\n' 1 > "$RELAIS_TEST_TMP/bad.pivot"
    t_run sage_cli import "$RELAIS_TEST_TMP/bad.pivot"
    t_expect_rc 2 "relais sage import of a malformed pivot" || return 1
    t_expect_one_line_stderr
    t_expect_stderr_has "bad.pivot line 6: QTY value (field 3) '1O' is not a number"
    [ "$(sage_sql "SELECT COUNT(*) FROM F_DOCENTETE WHERE DO_Ref = 'SYS-BAD'")" = 0 ] || t_fail "SYS-BAD was written"
}

cli_import_of_an_unknown_ean_fails_unless_a_generic_item_is_set() {
    order "SYS-EAN" $'LIN;1;3760000000222\nQTY;21;1\n' 1 > "$RELAIS_TEST_TMP/ean.pivot"
    t_run sage_cli import "$RELAIS_TEST_TMP/ean.pivot"
    t_expect_rc 1 "relais sage import with an unknown EAN" || return 1
    printf '%s' "$T_OUT" | grep -qF "unknown item EAN 3760000000222" || t_fail "the report does not name the unknown EAN"
    t_run sage_cli import "$RELAIS_TEST_TMP/ean.pivot" --generic-item ARTGENERIQUE
    t_expect_rc 0 "relais sage import --generic-item" || return 1
    t_expect_stderr_has "imported as the generic item ARTGENERIQUE"
}

cli_refuses_an_unknown_dsn_and_a_wrong_password_without_showing_it() {
    t_run "$RELAIS_BIN" sage import "$RELAIS_TEST_TMP/sys-1.pivot" --dsn relais_sys_no_such_dsn
    t_expect_rc 2 "relais sage import --dsn unknown" || return 1
    t_expect_one_line_stderr
    t_expect_stderr_has "ODBC data source 'relais_sys_no_such_dsn'"
    t_expect_stderr_has "IM002"
    local wrong
    wrong="wrong-$(relais_random_hex 6)"
    T_ERR="$(printf '%s\n' "$wrong" | "$RELAIS_BIN" sage import "$RELAIS_TEST_TMP/sys-1.pivot" --dsn "$SAGE_DSN" \
        --user "$SAGE_DB" --password-stdin 2>&1 > /dev/null)" && T_RC=0 || T_RC=$?
    t_expect_rc 2 "relais sage import with a wrong password" || return 1
    t_expect_stderr_has "Access denied for user '$SAGE_DB'"
    if printf '%s' "$T_ERR" | grep -qF "$wrong"; then t_fail "the password appears in the message"; fi
}

cli_export_writes_each_invoice_once() {
    t_run sage_cli export --out "$OUT_DIR" --own-gln 3012345000000 --type invoice
    t_expect_rc 0 "relais sage export" || return 1
    [ -f "$OUT_DIR/INVOIC_FA00001.pivot" ] && [ -f "$OUT_DIR/INVOIC_FA00002.pivot" ] || { t_fail "no invoice files in $OUT_DIR"; return 1; }
    head -n 2 "$OUT_DIR/INVOIC_FA00001.pivot" | tail -n 1 | grep -q '^DOC;INVOIC;FA00001;2024-03-05;380' \
        || t_fail "INVOIC_FA00001.pivot does not start with its DOC record"
    t_run sage_cli export --out "$OUT_DIR" --own-gln 3012345000000 --type invoice
    t_expect_rc 0 "relais sage export again" || return 1
    printf '%s' "$T_OUT" | grep -q '^0 exported in 0 file(s)$' || t_fail "the second export exported again"
}

cli_export_of_credit_notes_and_purchase_documents() {
    local dir="$RELAIS_TEST_TMP/out-credit"
    mkdir -p "$dir"
    t_run sage_cli export --out "$dir" --own-gln 3012345000000 --type credit_note --from 2024-03-01 --to 2024-03-31
    t_expect_rc 0 "relais sage export --type credit_note" || return 1
    printf '%s' "$T_OUT" | grep -q '^exported  INVOIC 381 AV00001  C0001  1 lines  3.90  -> ' \
        || t_fail "the report does not show the credit note AV00001 as INVOIC 381"
    grep -q '^DOC;INVOIC;FA00003;2024-03-09;381' "$dir/INVOIC_FA00003.pivot" \
        || t_fail "the facture d'avoir FA00003 is not an INVOIC 381"
    t_run sage_cli export --out "$dir" --own-gln 3012345000000 --domain purchases --type order,invoice --customer F0002 --json
    t_expect_rc 0 "relais sage export --domain purchases" || return 1
    [ "$(printf '%s' "$T_OUT" | t_json 'foreach ($d["documents"] as $x) echo $x["piece"], ":", $x["kind"], " ";')" = "CF00001:order FF00001:invoice " ] \
        || t_fail "the purchase export did not report CF00001 and FF00001"
    grep -q '^PAR;BY;3012345000000' "$dir/ORDERS_CF00001.pivot" && grep -q '^PAR;SU;3012345300025' "$dir/ORDERS_CF00001.pivot" \
        || t_fail "the purchase order does not go from the company (BY) to the supplier (SU)"
    t_run sage_cli export --out "$dir" --own-gln 3012345000000 --type avoir
    t_expect_rc 2 "relais sage export --type avoir" || return 1
    t_expect_stderr_has "--type 'avoir' is not one of"
}

daemon_runs_a_sage_import_flow() {
    local flow job
    flow="$(t_unique sage-in)"
    t_import_flow "$flow" "[{\"activity\":\"sage.import\",\"with\":{\"dsn\":\"$SAGE_DSN\",\"user\":\"$SAGE_DB\",\"password\":\"$SAGE_PW\",\"generic_customer\":\"CL99999999\"}}]" || return 1
    order "SYS-JOB" $'LIN;1;3760000000031\nQTY;21;10\n' 1 | sed 's/3012345100014/3012345900027/' > "$RELAIS_TEST_TMP/job.pivot"
    t_run relais submit "$flow" "$RELAIS_TEST_TMP/job.pivot" --wait 60
    t_expect_rc 0 "relais submit --wait to a sage.import flow" || return 1
    job="$(t_job_id_from_submit)"
    t_run relais show "$job"
    printf '%s' "$T_OUT" | grep -qF "imported ORDERS SYS-JOB as" || t_fail "the job log does not report the import"
    printf '%s' "$T_OUT" | grep -qF "imported for the generic customer CL99999999" || t_fail "the job log has no generic-customer warning"
    [ "$(sage_sql "SELECT DO_Tiers FROM F_DOCENTETE WHERE DO_Ref = 'SYS-JOB'")" = CL99999999 ] || t_fail "SYS-JOB is not in Sage for CL99999999"
}

daemon_runs_a_sage_export_flow_whose_outputs_are_the_files() {
    local flow job names
    flow="$(t_unique sage-out)"
    t_import_flow "$flow" "[{\"activity\":\"sage.export\",\"with\":{\"dsn\":\"$SAGE_DSN\",\"user\":\"$SAGE_DB\",\"password\":\"$SAGE_PW\",\"own_gln\":\"3012345000000\",\"type\":\"delivery\"}}]" || return 1
    t_run relais submit "$flow" --wait 60
    t_expect_rc 0 "relais submit --wait to a sage.export flow" || return 1
    job="$(t_job_id_from_submit)"
    names="$(relais show "$job" --json < /dev/null | t_json 'foreach (job($d)["documents"] as $x) if ($x["direction"] === "out") echo $x["name"], "\n";')"
    [ "$names" = "DESADV_BL00001.pivot" ] || t_fail "the job's output documents are '$names', expected DESADV_BL00001.pivot"
}

t_case cli_import_writes_the_order_and_a_second_run_finds_it cli_import_writes_the_order_and_a_second_run_finds_it
t_case cli_import_of_a_bad_pivot_names_line_field_and_value cli_import_of_a_bad_pivot_names_line_field_and_value
t_case cli_import_of_an_unknown_ean_fails_unless_a_generic_item_is_set cli_import_of_an_unknown_ean_fails_unless_a_generic_item_is_set
t_case cli_refuses_an_unknown_dsn_and_a_wrong_password_without_showing_it cli_refuses_an_unknown_dsn_and_a_wrong_password_without_showing_it
t_case cli_export_writes_each_invoice_once cli_export_writes_each_invoice_once
t_case cli_export_of_credit_notes_and_purchase_documents cli_export_of_credit_notes_and_purchase_documents
t_case daemon_runs_a_sage_import_flow daemon_runs_a_sage_import_flow
t_case daemon_runs_a_sage_export_flow_whose_outputs_are_the_files daemon_runs_a_sage_export_flow_whose_outputs_are_the_files
