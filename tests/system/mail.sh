#!/usr/bin/env bash
# Mail against real servers on loopback (docs/transfers.md): a private
# Postfix (submission with STARTTLS required, AUTH through Dovecot) and a
# private Dovecot (IMAP with STARTTLS, delivery over LMTP), with a test CA;
# a relaisd of our own on a private database. mail.send with attachments and
# the MSSanté headers, received back by mail.receive (message and attachments
# stored, then marked read); a wrong password fails for good; a server
# without STARTTLS is refused. relais mssante-proof checked line by line
# against sessions bash itself holds with the same servers.
# shellcheck source=tests/lib/system.sh
. "$(dirname "$0")/../lib/system.sh"
# shellcheck source=tests/lib/test_pki.sh
. "$RELAIS_ROOT/tests/lib/test_pki.sh"
# shellcheck source=tests/lib/transfer_servers.sh
. "$RELAIS_ROOT/tests/lib/transfer_servers.sh"
: "${RELAISD_BIN:?RELAISD_BIN is not set}"

tr_ensure_packages postfix dovecot-imapd dovecot-lmtpd python3 > "$RELAIS_TEST_TMP/packages.log" 2>&1 \
    || { cat "$RELAIS_TEST_TMP/packages.log" >&2; exit 1; }

MAIL="$RELAIS_TEST_TMP/mail"
DUMPS="$RELAIS_TEST_TMP/dumps"
OUT="$RELAIS_TEST_TMP/out"
rm -rf "$MAIL" "$DUMPS" "$OUT"
mkdir -p "$OUT"
cleanup() {
    t_daemons_kill
    tr_mail_stop "$MAIL"
    tr_silent_stop "$MAIL/silent"
}
t_on_exit cleanup

tr_mail_start "$MAIL"
tr_silent_start "$MAIL/silent"
DB="systest_mail_$$"
tr_engine "$DB" "$MAIL/pki/ca.pem" "$DUMPS"
SMTP_URL="smtp://127.0.0.1:$TR_SMTP_PORT"
IMAP_URL="imap://127.0.0.1:$TR_IMAP_PORT"

flow() {
    local file="$RELAIS_TEST_TMP/$1.json"
    printf '{"name":"%s","trigger":{"type":"manual"},"steps":%s}\n' "$1" "$2" > "$file"
    t_run relais flows import "$file"
    t_expect_rc 0 "relais flows import $file"
}

# unseen USER: the UIDs of USER's unseen messages (curl, as a mail client would).
unseen() {
    curl -sS --ssl-reqd --cacert "$MAIL/pki/ca.pem" "$IMAP_URL/INBOX" -u "$1:$TR_MAIL_PASSWORD" -X 'UID SEARCH UNSEEN' \
        | tr -d '\r' | sed -n 's/^\* SEARCH *//p'
}

mail_send_then_receive_with_attachments_and_mssante_headers() {
    local id eml
    printf 'hello bob\n' > "$RELAIS_TEST_TMP/note.txt"
    # An IHE_XDM zip as an MSSanté message carries its CDA documents.
    python3 - "$RELAIS_TEST_TMP/IHE_XDM.ZIP" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("INDEX.HTM", "<html>index</html>")
    z.writestr("IHE_XDM/SUBSET01/METADATA.XML", "<SubmitObjectsRequest/>")
    z.writestr("IHE_XDM/SUBSET01/DOC0001.XML", "<ClinicalDocument><code code=\"11488-4\"/></ClinicalDocument>")
PY
    flow mailsend "[{\"activity\":\"mail.send\",\"with\":{\"url\":\"$SMTP_URL\",\"user\":\"$TR_MAIL_USER\",\"password\":\"$TR_MAIL_PASSWORD\",\"from\":\"$TR_MAIL_USER\",\"to\":\"$TR_MAIL_USER2\",\"subject\":\"Compte rendu été\",\"body\":\"Bonjour,\\nvoici le compte rendu.\",\"nil\":\"RELAIS-TEST-1\",\"cda_codes\":[\"11488-4^1.2.250.1.213.1.1.1.1\"],\"ins\":\"O\"}}]" || return 1
    t_run relais submit mailsend "$RELAIS_TEST_TMP/note.txt" "$RELAIS_TEST_TMP/IHE_XDM.ZIP" --wait 60
    t_expect_rc 0 "relais submit mailsend" || return 1
    t_wait_for 20 eval '[ -n "$(unseen "$TR_MAIL_USER2")" ]' || { t_fail "no unseen mail reached $TR_MAIL_USER2"; return 1; }
    flow mailrecv "[{\"activity\":\"mail.receive\",\"with\":{\"url\":\"$IMAP_URL\",\"user\":\"$TR_MAIL_USER2\",\"password\":\"$TR_MAIL_PASSWORD\"}},{\"activity\":\"dir.deposit\",\"with\":{\"path\":\"$OUT/recv\"}}]" || return 1
    t_run relais submit mailrecv --wait 60
    t_expect_rc 0 "relais submit mailrecv" || return 1
    cmp -s "$RELAIS_TEST_TMP/note.txt" "$OUT/recv/note.txt" || t_fail "note.txt was not received as sent"
    cmp -s "$RELAIS_TEST_TMP/IHE_XDM.ZIP" "$OUT/recv/IHE_XDM.ZIP" || t_fail "IHE_XDM.ZIP was not received as sent"
    eml="$(find "$OUT/recv" -name 'message-*.eml' | head -n 1 || true)"
    if [ -z "$eml" ]; then
        t_fail "the message itself (message-UID.eml) was not stored"
    else
        grep -q '^X-MSS-NIL: RELAIS-TEST-1' "$eml" || t_fail "$eml has no X-MSS-NIL header"
        grep -q '^X-MSS-CODECDA: 11488-4^1.2.250.1.213.1.1.1.1' "$eml" || t_fail "$eml has no X-MSS-CODECDA header"
        grep -q '^X-MSS-INS: O' "$eml" || t_fail "$eml has no X-MSS-INS header"
        grep -q '^Subject: =?UTF-8?B?' "$eml" || t_fail "$eml: the accented subject is not RFC 2047 encoded"
    fi
    [ -z "$(unseen "$TR_MAIL_USER2")" ] || t_fail "the received message is still unseen on the server"
    # Read without marking, marked only once stored: the fetch used BODY.PEEK, and the flag came after.
    grep -h -E '^> R[0-9]+ UID (FETCH|STORE)' "$DUMPS"/* | head -n 2 | tr '\n' '|' > "$RELAIS_TEST_TMP/order"
    grep -qE '^> R[0-9]+ UID FETCH [0-9]+ BODY.PEEK\[\]\|> R[0-9]+ UID STORE [0-9]+ \+FLAGS.SILENT \(\\Seen\)\|$' "$RELAIS_TEST_TMP/order" \
        || t_fail "expected FETCH BODY.PEEK[] then STORE \\Seen in the dumps, got: $(cat "$RELAIS_TEST_TMP/order")"
    ! grep -rqF "$TR_MAIL_PASSWORD" "$DUMPS" || t_fail "the mail password appears in a transaction dump"
    # Nothing new: a second run receives nothing and succeeds.
    t_run relais submit mailrecv --wait 60
    t_expect_rc 0 "relais submit mailrecv (second run)"
}

# send_refused_for_good FLOW CREDENTIALS_JSON TEXT WHAT: alice's mail.send with
# these credentials fails for good (exit 1), relais show holding TEXT (WHAT).
send_refused_for_good() {
    local id
    flow "$1" "[{\"activity\":\"mail.send\",\"with\":{\"url\":\"$SMTP_URL\",\"user\":\"$TR_MAIL_USER\",$2,\"from\":\"$TR_MAIL_USER\",\"to\":\"$TR_MAIL_USER2\",\"subject\":\"x\"}}]" || return 1
    t_run relais submit "$1" --wait 60
    t_expect_rc 1 "relais submit $1"
    id="$(t_job_id_from_submit)"
    t_run relais show "$id"
    printf '%s' "$T_OUT" | grep -qF "$3" || t_fail "relais show $id does not show $4"
    printf '%s' "$T_OUT" | grep -q 'permanent' || t_fail "relais show $id does not call the failure permanent"
}

mail_send_wrong_password_fails_for_good() {
    send_refused_for_good mailbadpw '"password":"wrong"' '535' "the server's 535 reply"
}

mail_send_refuses_a_server_without_starttls() {
    local id dump
    flow mailplain "[{\"activity\":\"mail.send\",\"with\":{\"url\":\"smtp://127.0.0.1:$TR_SMTP_PLAIN_PORT\",\"user\":\"$TR_MAIL_USER\",\"password\":\"$TR_MAIL_PASSWORD\",\"from\":\"$TR_MAIL_USER\",\"to\":\"$TR_MAIL_USER2\",\"subject\":\"x\"}}]" || return 1
    t_run relais submit mailplain --wait 60
    t_expect_rc 1 "relais submit mailplain"
    id="$(t_job_id_from_submit)"
    t_run relais show "$id"
    printf '%s' "$T_OUT" | grep -qi 'SSL\|TLS' || t_fail "relais show $id does not say TLS was refused"
    dump="$(grep -l "request smtp://127.0.0.1:$TR_SMTP_PLAIN_PORT" "$DUMPS"/* 2> /dev/null | head -n 1 || true)"
    [ -n "$dump" ] || { t_fail "no transaction dump of the exchange with port $TR_SMTP_PLAIN_PORT"; return 1; }
    ! grep -q '^> AUTH' "$dump" || t_fail "$dump: credentials were sent without TLS"
    ! grep -q '^> MAIL FROM' "$dump" || t_fail "$dump: the mail was sent without TLS"
}

# XOAUTH2: Postfix (SASL through Dovecot) and Dovecot check the bearer token
# with the token introspection endpoint of tr_mail_start; alice sends to
# herself with the token from a file and receives it back with the token.
mail_send_and_receive_with_an_xoauth2_bearer_token() {
    local token="$RELAIS_TEST_TMP/alice.token" dump
    (umask 077; printf '%s\n' "$TR_MAIL_TOKEN" > "$token")
    printf 'sent with a token\n' > "$RELAIS_TEST_TMP/oauth.txt"
    flow mailoauth "[{\"activity\":\"mail.send\",\"with\":{\"url\":\"$SMTP_URL\",\"user\":\"$TR_MAIL_USER\",\"bearer_token_file\":\"$token\",\"from\":\"$TR_MAIL_USER\",\"to\":\"$TR_MAIL_USER\",\"subject\":\"xoauth2\",\"nil\":\"RELAIS-TEST-2\"}}]" || return 1
    t_run relais submit mailoauth "$RELAIS_TEST_TMP/oauth.txt" --wait 60
    t_expect_rc 0 "relais submit mailoauth" || return 1
    dump="$(grep -l '^> AUTH XOAUTH2' "$DUMPS"/*smtp* 2> /dev/null | head -n 1 || true)"
    [ -n "$dump" ] || t_fail "no SMTP dump shows AUTH XOAUTH2"
    [ -z "$dump" ] || grep -q '^< 235 ' "$dump" || t_fail "$dump: the server did not accept the token (no 235)"
    flow mailoauthrecv "[{\"activity\":\"mail.receive\",\"with\":{\"url\":\"$IMAP_URL\",\"user\":\"$TR_MAIL_USER\",\"bearer_token\":\"$TR_MAIL_TOKEN\"}},{\"activity\":\"dir.deposit\",\"with\":{\"path\":\"$OUT/oauth\"}}]" || return 1
    t_wait_for 20 eval '[ -n "$(unseen "$TR_MAIL_USER")" ]' || { t_fail "no unseen mail reached $TR_MAIL_USER"; return 1; }
    t_run relais submit mailoauthrecv --wait 60
    t_expect_rc 0 "relais submit mailoauthrecv" || return 1
    cmp -s "$RELAIS_TEST_TMP/oauth.txt" "$OUT/oauth/oauth.txt" || t_fail "oauth.txt was not received as sent"
    grep -h '^> [A-Z0-9]* *AUTHENTICATE XOAUTH2' "$DUMPS"/*imap* > /dev/null 2>&1 || t_fail "no IMAP dump shows AUTHENTICATE XOAUTH2"
    ! grep -rqF "$TR_MAIL_TOKEN" "$DUMPS" || t_fail "the bearer token appears in a transaction dump"
    # A token the endpoint calls inactive: refused for good, with the server's
    # XOAUTH2 error decoded (its 334 challenge holds {"status":"401",...}).
    send_refused_for_good mailbadtoken '"bearer_token":"not-the-token"' 'that is {"status":"401"' "the server's XOAUTH2 error"
}

# The collect journal of mail.receive: a message stored but not marked (the
# server refused the move: no such folder) is, once the job is retried with
# the folder made, moved and passed on without being fetched again.
mail_receive_retried_adopts_the_message_it_had_stored() {
    local id docs folder="Later$$"
    printf 'adopt me\n' > "$RELAIS_TEST_TMP/adopt.txt"
    flow mailadoptsend "[{\"activity\":\"mail.send\",\"with\":{\"url\":\"$SMTP_URL\",\"user\":\"$TR_MAIL_USER\",\"password\":\"$TR_MAIL_PASSWORD\",\"from\":\"$TR_MAIL_USER\",\"to\":\"$TR_MAIL_USER2\",\"subject\":\"adopt\"}}]" || return 1
    t_run relais submit mailadoptsend "$RELAIS_TEST_TMP/adopt.txt" --wait 60
    t_expect_rc 0 "relais submit mailadoptsend" || return 1
    t_wait_for 20 eval '[ -n "$(unseen "$TR_MAIL_USER2")" ]' || { t_fail "no unseen mail reached $TR_MAIL_USER2"; return 1; }
    flow mailadopt "[{\"activity\":\"mail.receive\",\"with\":{\"url\":\"$IMAP_URL\",\"user\":\"$TR_MAIL_USER2\",\"password\":\"$TR_MAIL_PASSWORD\",\"after\":\"move\",\"archive\":\"$folder\"}},{\"activity\":\"dir.deposit\",\"with\":{\"path\":\"$OUT/adopt\"}}]" || return 1
    t_run relais submit mailadopt --wait 60
    t_expect_rc 1 "relais submit mailadopt (no folder $folder to move to)"
    id="$(t_job_id_from_submit)"
    [ -n "$(unseen "$TR_MAIL_USER2")" ] || t_fail "the message left the inbox although the move was refused"
    curl -sS --ssl-reqd --cacert "$MAIL/pki/ca.pem" "$IMAP_URL/" -u "$TR_MAIL_USER2:$TR_MAIL_PASSWORD" -X "CREATE $folder" > /dev/null \
        || { t_fail "could not create the folder $folder"; return 1; }
    t_run relais retry "$id"
    t_wait_for 30 eval '[ "$(t_job_status "$id")" = succeeded ]' || { t_fail "job $id is '$(t_job_status "$id")' after the retry"; return 1; }
    cmp -s "$RELAIS_TEST_TMP/adopt.txt" "$OUT/adopt/adopt.txt" || t_fail "adopt.txt was not passed on"
    docs="$(t_sql "$DB" "SELECT COUNT(*) FROM document WHERE job_id = $id AND direction = 'out' AND position = 0")"
    [ "$docs" = 2 ] || t_fail "step 0 of job $id has $docs documents, expected 2 (the message and its attachment, once)"
    [ -z "$(unseen "$TR_MAIL_USER2")" ] || t_fail "the message is still in the inbox"
    t_sql "$DB" "SELECT message FROM job_log WHERE job_id = $id" | grep -q "^adopted 1 message(s)" \
        || t_fail "the job log does not say the stored message was adopted"
}

# raw_session PORT COMMAND...: what a telnet user sees when typing COMMANDs
# (one per server reply) on PORT, from bash's own /dev/tcp: the reference
# the proof is checked against, line by line.
raw_session() {
    local port="$1" cmd line
    shift
    printf "telnet 127.0.0.1 %s\nTrying 127.0.0.1...\nConnected to 127.0.0.1.\nEscape character is '^]'.\n" "$port"
    exec 3<> "/dev/tcp/127.0.0.1/$port"
    # The greeting (SMTP: up to the line "220 "), then each command's reply.
    while IFS= read -r -t 10 line <&3; do
        line="${line%$'\r'}"
        printf '%s\n' "$line"
        case "$line" in "* OK"* | [0-9][0-9][0-9]" "*) break ;; esac
    done
    for cmd in "$@"; do
        printf '%s\r\n' "$cmd" >&3
        printf '%s\n' "$cmd"
        while IFS= read -r -t 10 line <&3; do
            line="${line%$'\r'}"
            printf '%s\n' "$line"
            case "$line" in "${cmd%% *} "* | [0-9][0-9][0-9]" "*) break ;; esac
        done
    done
    while IFS= read -r -t 10 line <&3; do printf '%s\n' "${line%$'\r'}"; done
    exec 3<&-
    printf 'Connection closed by foreign host.\n'
}

# section FILE TITLE: the lines under the heading holding TITLE, up to the blank line.
section() { awk -v t="$2" 'index($0, t) && /^=====/ { on = 1; next } on && /^$/ { exit } on' "$1"; }

mssante_proof_matches_raw_sessions_line_by_line() {
    local proof="$RELAIS_TEST_TMP/proof.txt"
    t_run relais mssante-proof 127.0.0.1 --imap-port "$TR_IMAP_PORT" --smtp-port "$TR_SMTP_PORT" --out "$proof"
    t_expect_rc 0 "relais mssante-proof" || return 1
    raw_session "$TR_IMAP_PORT" "C01 CAPABILITY" "C02 LOGOUT" > "$RELAIS_TEST_TMP/imap.expected"
    raw_session "$TR_SMTP_PORT" "EHLO 127.0.0.1" "QUIT" > "$RELAIS_TEST_TMP/smtp.expected"
    section "$proof" "LISTING IMAP (port $TR_IMAP_PORT)" > "$RELAIS_TEST_TMP/imap.got"
    section "$proof" "LISTING SMTP (port $TR_SMTP_PORT)" > "$RELAIS_TEST_TMP/smtp.got"
    diff "$RELAIS_TEST_TMP/imap.expected" "$RELAIS_TEST_TMP/imap.got" > "$RELAIS_TEST_TMP/imap.diff" \
        || t_fail "IMAP listing differs from a raw session: $(cat "$RELAIS_TEST_TMP/imap.diff")"
    diff "$RELAIS_TEST_TMP/smtp.expected" "$RELAIS_TEST_TMP/smtp.got" > "$RELAIS_TEST_TMP/smtp.diff" \
        || t_fail "SMTP listing differs from a raw session: $(cat "$RELAIS_TEST_TMP/smtp.diff")"
    [ "$(wc -l < "$RELAIS_TEST_TMP/imap.got")" -ge 12 ] || t_fail "the IMAP listing is too short"
    grep -qx 'FQDN : 127.0.0.1' "$proof" || t_fail "the proof does not name the FQDN"
    grep -qE '^Date : [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} UTC$' "$proof" || t_fail "the proof is not dated"
    grep -qx "IMAP (port $TR_IMAP_PORT) : STARTTLS proposé : oui" "$proof" || t_fail "IMAP STARTTLS not reported offered"
    grep -qx "SMTP (port $TR_SMTP_PORT) : STARTTLS proposé : oui" "$proof" || t_fail "SMTP STARTTLS not reported offered"
}

mssante_proof_reports_starttls_missing_and_unreachable_servers() {
    local proof="$RELAIS_TEST_TMP/proof2.txt" closed
    t_run relais mssante-proof 127.0.0.1 --imap-port "$TR_IMAP_PORT" --smtp-port "$TR_SMTP_PLAIN_PORT" --out "$proof"
    t_expect_rc 0 "relais mssante-proof (SMTP without STARTTLS)"
    grep -qx "SMTP (port $TR_SMTP_PLAIN_PORT) : STARTTLS proposé : non" "$proof" || t_fail "SMTP STARTTLS not reported missing"
    closed="$(relais_free_port)"
    t_run relais mssante-proof 127.0.0.1 --imap-port "$closed" --smtp-port "$TR_SMTP_PORT" --out "$proof"
    t_expect_rc 1 "relais mssante-proof (IMAP port closed)"
    t_expect_stderr_has "incomplete proof: IMAP"
    grep -q '^telnet: Unable to connect to remote host' "$proof" || t_fail "the proof does not show the failed connection"
    section "$proof" "LISTING SMTP" | grep -qx 'QUIT' || t_fail "the SMTP listing is missing when only IMAP failed"
}

# A server that accepts the connection and never answers (tests/lib's silent
# server): the proof stops at its time limit (--timeout, or [transfer]
# mssante_proof_timeout_seconds) instead of the idle timeout of each step (20 s
# here), names the step cut and how long it ran, and runs no session after it.
mssante_proof_stops_at_its_time_limit_on_a_server_that_never_answers() {
    local proof="$RELAIS_TEST_TMP/proof3.txt" ini="$RELAIS_TEST_TMP/proof-limit.ini" cut before
    before="$(grep -c '^accepted' "$MAIL/silent/silent.log" || true)"
    cut="the proof's time limit of 2 s ran out while waiting for the greeting, after [0-9]+\.[0-9] s on that step"
    t_run relais mssante-proof 127.0.0.1 --imap-port "$TR_SILENT_PORT" --smtp-port "$TR_SMTP_PORT" --timeout 2 --out "$proof"
    t_expect_rc 1 "relais mssante-proof --timeout 2 (IMAP server silent)"
    printf '%s\n' "$T_ERR" | grep -qE "^relais: incomplete proof: IMAP: $cut; SMTP: not run: the proof's time limit of 2 s had run out$" \
        || t_fail "stderr does not name the IMAP step cut and the SMTP session not run"
    section "$proof" "LISTING IMAP" | tail -n 1 | grep -qE "^Connection closed by Relais: $cut\.$" \
        || t_fail "the IMAP listing does not end with the step cut: $(section "$proof" "LISTING IMAP" | tail -n 2)"
    section "$proof" "LISTING SMTP" | grep -qx "(not run: the proof's time limit of 2 s had run out)" \
        || t_fail "the SMTP listing does not say it was not run"
    [ "$(grep -c '^accepted' "$MAIL/silent/silent.log" || true)" -eq $((before + 1)) ] \
        || t_fail "the silent server did not see one connection from the proof"
    # The limit from relais.ini; the SMTP session is the one cut, the IMAP listing complete.
    cp "$INI" "$ini"
    t_ini_set "$ini" transfer mssante_proof_timeout_seconds 2
    t_run "$RELAIS_BIN" --config "$ini" mssante-proof 127.0.0.1 --imap-port "$TR_IMAP_PORT" --smtp-port "$TR_SILENT_PORT" --out "$proof"
    t_expect_rc 1 "relais mssante-proof with [transfer] mssante_proof_timeout_seconds = 2 (SMTP server silent)"
    t_expect_stderr_has "incomplete proof: SMTP: the proof's time limit of 2 s ran out while waiting for the greeting"
    section "$proof" "LISTING IMAP" | grep -qx 'C02 LOGOUT' || t_fail "the IMAP listing is not complete"
    grep -qx "IMAP (port $TR_IMAP_PORT) : STARTTLS proposé : oui" "$proof" || t_fail "IMAP STARTTLS not reported offered"
}

t_case mail_send_then_receive_with_attachments_and_mssante_headers mail_send_then_receive_with_attachments_and_mssante_headers
t_case mail_send_wrong_password_fails_for_good mail_send_wrong_password_fails_for_good
t_case mail_send_refuses_a_server_without_starttls mail_send_refuses_a_server_without_starttls
t_case mail_send_and_receive_with_an_xoauth2_bearer_token mail_send_and_receive_with_an_xoauth2_bearer_token
t_case mail_receive_retried_adopts_the_message_it_had_stored mail_receive_retried_adopts_the_message_it_had_stored
t_case mssante_proof_matches_raw_sessions_line_by_line mssante_proof_matches_raw_sessions_line_by_line
t_case mssante_proof_reports_starttls_missing_and_unreachable_servers mssante_proof_reports_starttls_missing_and_unreachable_servers
t_case mssante_proof_stops_at_its_time_limit_on_a_server_that_never_answers mssante_proof_stops_at_its_time_limit_on_a_server_that_never_answers
