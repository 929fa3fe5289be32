#!/usr/bin/env bash
# Transfers against real servers on loopback (docs/transfers.md): a private
# ProFTPD with explicit TLS and a test CA; a relaisd of our own on a private
# database whose [transfer] settings trust that CA and dump every exchange.
# FTP: deposit under a temporary name then rename; collect (NLST, download,
# store, then delete or move); a wrong password fails for good; a server down
# then up is retried and collected once; a certificate not matching the host
# is refused; 1,000 small files and a 50 MB file in one collect; a
# connection cut mid-download is resumed. SFTP (OpenSSH's sshd, key login,
# the server checked against known_hosts). HTTPS POST/PUT with a client
# certificate to a small Python server. Folders: dir.collect and
# dir.deposit's collision policies.
# shellcheck source=tests/lib/system.sh
. "$(dirname "$0")/../lib/system.sh"
# shellcheck source=tests/lib/test_pki.sh
. "$RELAIS_ROOT/tests/lib/test_pki.sh"
# shellcheck source=tests/lib/transfer_servers.sh
. "$RELAIS_ROOT/tests/lib/transfer_servers.sh"
: "${RELAISD_BIN:?RELAISD_BIN is not set}"

tr_ensure_packages openssh-server openssh-client python3 > "$RELAIS_TEST_TMP/packages.log" 2>&1 || { cat "$RELAIS_TEST_TMP/packages.log" >&2; exit 1; }

FTP="$RELAIS_TEST_TMP/ftp"
SFTP="$RELAIS_TEST_TMP/sftp"
HTTPS="$RELAIS_TEST_TMP/https"
DUMPS="$RELAIS_TEST_TMP/dumps"
OUT="$RELAIS_TEST_TMP/out"
rm -rf "$FTP" "$SFTP" "$HTTPS" "$DUMPS" "$OUT"
mkdir -p "$OUT"
cleanup() {
    t_daemons_kill
    tr_ftp_stop "$FTP"
    tr_sftp_stop "$SFTP"
    tr_https_stop "$HTTPS"
}
t_on_exit cleanup

tr_ftp_start "$FTP"
DB="systest_transfers_$$"
tr_engine "$DB" "$FTP/pki/ca.pem" "$DUMPS"
FTP_URL="ftp://127.0.0.1:$TR_FTP_PORT"

# ftp_with PATH [EXTRA_JSON]: the "with" of an FTP step on folder PATH.
ftp_with() {
    printf '{"url":"%s/%s/","user":"%s","password":"%s"%s}' "$FTP_URL" "$1" "$TR_FTP_USER" "$TR_FTP_PASSWORD" "${2:-}"
}

# flow NAME STEPS [RETRY]: import a manual flow (retry: max_attempts, backoff 1 s).
flow() {
    local file="$RELAIS_TEST_TMP/$1.json"
    printf '{"name":"%s","trigger":{"type":"manual"},"retry":{"max_attempts":%s,"backoff_seconds":1,"max_backoff_seconds":2},"steps":%s}\n' \
        "$1" "${3:-1}" "$2" > "$file"
    t_run relais flows import "$file"
    t_expect_rc 0 "relais flows import $file"
}

# collect_flow NAME FOLDER OUTBOX [EXTRA_JSON] [RETRY]: ftp.collect, then dir.deposit into OUTBOX.
collect_flow() {
    flow "$1" "[{\"activity\":\"ftp.collect\",\"with\":$(ftp_with "$2" "${4:-}")},{\"activity\":\"dir.deposit\",\"with\":{\"path\":\"$3\"}}]" "${5:-1}"
}

# remote_files FOLDER: how many files the FTP user's FOLDER holds.
remote_files() { find "$TR_FTP_HOME/$1" -maxdepth 1 -type f | wc -l; }

# make_remote FOLDER COUNT: COUNT small files in the FTP user's FOLDER.
make_remote() {
    local i
    mkdir -p "$TR_FTP_HOME/$1"
    for ((i = 1; i <= $2; i++)); do printf 'file %s of %s\n' "$i" "$1" > "$TR_FTP_HOME/$1/f$(printf '%04d' "$i").txt"; done
    tr_ftp_own "$TR_FTP_HOME/$1"
}

job_error() { relais show "$1" --json < /dev/null 2> /dev/null | t_json 'echo job($d)["error"] ?? job($d)["last_error"] ?? "";'; }

ftp_deposit_uploads_under_a_temporary_name_then_renames() {
    local name="order-$(relais_random_hex 3).txt" dump
    printf 'deposit me\n' > "$RELAIS_TEST_TMP/$name"
    flow ftpdep "[{\"activity\":\"ftp.deposit\",\"with\":$(ftp_with deposit ',"create_dirs":true')}]" || return 1
    t_run relais submit ftpdep "$RELAIS_TEST_TMP/$name" --wait 30
    t_expect_rc 0 "relais submit ftpdep" || return 1
    cmp -s "$RELAIS_TEST_TMP/$name" "$TR_FTP_HOME/deposit/$name" || t_fail "$name is not on the server as sent"
    [ "$(find "$TR_FTP_HOME/deposit" -name '*.part' | wc -l)" = 0 ] || t_fail "a temporary .part file is left on the server"
    dump="$(grep -l "STOR .$name.part" "$DUMPS"/* 2> /dev/null | head -n 1 || true)"
    if [ -z "$dump" ]; then
        t_fail "no transaction dump in $DUMPS shows 'STOR .$name.part'"
    else
        grep -q "RNTO $name" "$dump" || t_fail "$dump: no 'RNTO $name' after the upload"
        grep -q '^> PASS \*\*\*$' "$dump" || t_fail "$dump: the password is not masked as 'PASS ***'"
    fi
    ! grep -rqF "$TR_FTP_PASSWORD" "$DUMPS" || t_fail "the FTP password appears in a transaction dump"
}

ftp_collect_stores_then_deletes_matching_files() {
    make_remote c1 3
    printf 'other\n' > "$TR_FTP_HOME/c1/keep.edi"
    # NLST lists folders too: one matching the pattern is skipped, not fatal.
    mkdir -p "$TR_FTP_HOME/c1/folder.txt"
    tr_ftp_own "$TR_FTP_HOME/c1"
    collect_flow ftpc1 c1 "$OUT/c1" ',"pattern":"*.txt"' || return 1
    t_run relais submit ftpc1 --wait 30
    t_expect_rc 0 "relais submit ftpc1" || return 1
    [ "$(find "$OUT/c1" -type f | wc -l)" = 3 ] || t_fail "expected 3 files in $OUT/c1, found $(find "$OUT/c1" -type f | wc -l)"
    grep -q '^file 2 of c1$' "$OUT/c1/f0002.txt" 2> /dev/null || t_fail "f0002.txt collected with other content"
    [ -d "$TR_FTP_HOME/c1/folder.txt" ] || t_fail "the folder folder.txt is gone"
    [ "$(remote_files c1)" = 1 ] && [ -f "$TR_FTP_HOME/c1/keep.edi" ] \
        || t_fail "the server should keep only keep.edi, it has: $(ls "$TR_FTP_HOME/c1")"
}

ftp_collect_moves_files_to_the_archive_folder() {
    make_remote c2 2
    mkdir -p "$TR_FTP_HOME/c2/done"
    tr_ftp_own "$TR_FTP_HOME/c2"
    collect_flow ftpc2 c2 "$OUT/c2" ',"after":"move","archive":"done"' || return 1
    t_run relais submit ftpc2 --wait 30
    t_expect_rc 0 "relais submit ftpc2" || return 1
    [ "$(find "$OUT/c2" -type f | wc -l)" = 2 ] || t_fail "expected 2 files in $OUT/c2"
    [ "$(remote_files c2)" = 0 ] || t_fail "files are left in c2: $(ls "$TR_FTP_HOME/c2")"
    [ "$(remote_files c2/done)" = 2 ] || t_fail "expected 2 files in c2/done: $(ls "$TR_FTP_HOME/c2/done")"
}

ftp_wrong_password_fails_for_good_quoting_the_server() {
    local id
    make_remote c3 1
    flow ftpbadpw "[{\"activity\":\"ftp.collect\",\"with\":{\"url\":\"$FTP_URL/c3/\",\"user\":\"$TR_FTP_USER\",\"password\":\"not-the-password\"}}]" 3 || return 1
    t_run relais submit ftpbadpw --wait 30
    t_expect_rc 1 "relais submit ftpbadpw (wrong password)"
    id="$(t_job_id_from_submit)"
    [ "$(t_job_status "$id")" = failed ] || t_fail "job $id is '$(t_job_status "$id")', expected failed (no retry)"
    t_run relais show "$id"
    printf '%s' "$T_OUT" | grep -q '530' || t_fail "relais show $id does not quote the server's 530 reply"
    printf '%s' "$T_OUT" | grep -q 'permanent' || t_fail "relais show $id does not call the failure permanent"
    ! printf '%s' "$T_OUT" | grep -q 'not-the-password' || t_fail "the password shows in relais show"
    [ "$(remote_files c3)" = 1 ] || t_fail "the remote file is gone"
}

ftp_server_down_then_up_is_retried_and_collected_once() {
    local id
    make_remote c4 5
    collect_flow ftpc4 c4 "$OUT/c4" "" 8 || return 1
    tr_ftp_stop "$FTP"
    t_run relais submit ftpc4
    t_expect_rc 0 "relais submit ftpc4" || { tr_ftp_start "$FTP"; return 1; }
    id="$(t_job_id_from_submit)"
    t_wait_for 20 eval '[ "$(t_job_status "$id")" = retry_wait ]' \
        || t_fail "with the server down, job $id is '$(t_job_status "$id")', expected retry_wait"
    tr_ftp_start "$FTP" || { t_fail "the FTP server did not start again"; return 1; }
    t_wait_for 60 eval '[ "$(t_job_status "$id")" = succeeded ]' \
        || { t_fail "job $id is '$(t_job_status "$id")' 60 s after the server came back"; return 1; }
    [ "$(find "$OUT/c4" -type f | wc -l)" = 5 ] || t_fail "expected 5 files in $OUT/c4, found $(find "$OUT/c4" -type f | wc -l)"
    [ "$(remote_files c4)" = 0 ] || t_fail "files left on the server: $(ls "$TR_FTP_HOME/c4")"
    t_run relais show "$id"
    printf '%s' "$T_OUT" | grep -q 'transient' || t_fail "relais show $id does not call the first failure transient"
}

ftp_certificate_not_matching_the_host_is_refused() {
    local id
    make_remote c5 1
    flow ftpbadcert "[{\"activity\":\"ftp.collect\",\"with\":{\"url\":\"ftp://localhost:$TR_FTP_PORT/c5/\",\"user\":\"$TR_FTP_USER\",\"password\":\"$TR_FTP_PASSWORD\"}}]" 3 || return 1
    t_run relais submit ftpbadcert --wait 30
    t_expect_rc 1 "relais submit ftpbadcert"
    id="$(t_job_id_from_submit)"
    [ "$(t_job_status "$id")" = failed ] || t_fail "job $id is '$(t_job_status "$id")', expected failed"
    t_run relais show "$id"
    printf '%s' "$T_OUT" | grep -qi 'certificate' || t_fail "relais show $id does not mention the certificate"
    [ "$(remote_files c5)" = 1 ] || t_fail "the remote file is gone"
}

ftp_collects_1000_small_files_in_one_job() {
    make_remote c6 1000
    collect_flow ftpc6 c6 "$OUT/c6" || return 1
    t_run relais submit ftpc6 --wait 240
    t_expect_rc 0 "relais submit ftpc6" || return 1
    [ "$(find "$OUT/c6" -type f | wc -l)" = 1000 ] || t_fail "expected 1000 files in $OUT/c6, found $(find "$OUT/c6" -type f | wc -l)"
    [ "$(remote_files c6)" = 0 ] || t_fail "$(remote_files c6) files left on the server"
    grep -q '^file 734 of c6$' "$OUT/c6/f0734.txt" 2> /dev/null || t_fail "f0734.txt collected with other content"
}

ftp_collects_a_50_mb_file() {
    mkdir -p "$TR_FTP_HOME/c7"
    head -c 50M /dev/urandom > "$TR_FTP_HOME/c7/big.bin"
    sha256sum < "$TR_FTP_HOME/c7/big.bin" > "$RELAIS_TEST_TMP/big.sha"
    tr_ftp_own "$TR_FTP_HOME/c7"
    collect_flow ftpc7 c7 "$OUT/c7" || return 1
    t_run relais submit ftpc7 --wait 120
    t_expect_rc 0 "relais submit ftpc7" || return 1
    [ "$(sha256sum < "$OUT/c7/big.bin" 2> /dev/null)" = "$(cat "$RELAIS_TEST_TMP/big.sha")" ] || t_fail "big.bin arrived with other content"
    [ "$(remote_files c7)" = 0 ] || t_fail "big.bin is still on the server"
}

ftp_download_cut_midway_is_resumed_and_collected_once() {
    local id partial
    mkdir -p "$TR_FTP_HOME/c8"
    head -c 12M /dev/urandom > "$TR_FTP_HOME/c8/slow.bin"
    sha256sum < "$TR_FTP_HOME/c8/slow.bin" > "$RELAIS_TEST_TMP/slow.sha"
    tr_ftp_own "$TR_FTP_HOME/c8"
    # A slow server (2 MB/s) so that the cut comes mid-download.
    tr_ftp_stop "$FTP"
    tr_ftp_start "$FTP" "TransferRate RETR 2048" || { t_fail "the FTP server did not start throttled"; return 1; }
    collect_flow ftpc8 c8 "$OUT/c8" "" 8 || return 1
    t_run relais submit ftpc8
    id="$(t_job_id_from_submit)"
    partial() { find "$STORE/partial" -name '*.part' -size +1M 2> /dev/null | head -n 1 || true; }
    t_wait_for 20 eval '[ -n "$(partial)" ]' || t_fail "no partial download appeared in $STORE/partial"
    tr_ftp_stop "$FTP"
    t_wait_for 30 eval '[ "$(t_job_status "$id")" = retry_wait ]' \
        || t_fail "after the cut, job $id is '$(t_job_status "$id")', expected retry_wait"
    [ "$(remote_files c8)" = 1 ] || t_fail "slow.bin left the server after a cut download"
    partial="$(partial)"
    tr_ftp_start "$FTP" || { t_fail "the FTP server did not start again"; return 1; }
    t_wait_for 60 eval '[ "$(t_job_status "$id")" = succeeded ]' \
        || { t_fail "job $id is '$(t_job_status "$id")' 60 s after the server came back"; return 1; }
    [ "$(sha256sum < "$OUT/c8/slow.bin" 2> /dev/null)" = "$(cat "$RELAIS_TEST_TMP/slow.sha")" ] || t_fail "slow.bin arrived with other content"
    [ "$(find "$OUT/c8" -type f | wc -l)" = 1 ] || t_fail "expected slow.bin once in $OUT/c8"
    [ "$(remote_files c8)" = 0 ] || t_fail "slow.bin is still on the server"
    grep -lq '^> REST [1-9]' "$DUMPS"/* 2> /dev/null || t_fail "no transaction dump shows a resumed download (REST)"
    [ -z "$partial" ] || [ ! -e "$partial" ] || t_fail "the partial file $partial was left behind"
}

# Implicit TLS (ftps://, TLS from the first byte as on port 990) against the
# same ProFTPD's implicit virtual host: deposit then collect, no AUTH TLS in
# the exchange, the certificate checked.
ftps_implicit_deposit_then_collect() {
    local name="implicit-$(relais_random_hex 3).txt" with dump
    mkdir -p "$TR_FTP_HOME/c10"
    tr_ftp_own "$TR_FTP_HOME/c10"
    printf 'over implicit TLS\n' > "$RELAIS_TEST_TMP/$name"
    with="{\"url\":\"ftps://127.0.0.1:$TR_FTPS_PORT/c10/\",\"user\":\"$TR_FTP_USER\",\"password\":\"$TR_FTP_PASSWORD\"}"
    flow ftpsdep "[{\"activity\":\"ftp.deposit\",\"with\":$with}]" || return 1
    flow ftpscol "[{\"activity\":\"ftp.collect\",\"with\":$with},{\"activity\":\"dir.deposit\",\"with\":{\"path\":\"$OUT/c10\"}}]" || return 1
    t_run relais submit ftpsdep "$RELAIS_TEST_TMP/$name" --wait 30
    t_expect_rc 0 "relais submit ftpsdep" || return 1
    cmp -s "$RELAIS_TEST_TMP/$name" "$TR_FTP_HOME/c10/$name" || t_fail "$name is not on the server as sent"
    t_run relais submit ftpscol --wait 30
    t_expect_rc 0 "relais submit ftpscol" || return 1
    cmp -s "$RELAIS_TEST_TMP/$name" "$OUT/c10/$name" || t_fail "$name was not collected as sent"
    [ "$(remote_files c10)" = 0 ] || t_fail "$name is still on the server"
    dump="$(grep -l "STOR .$name.part" "$DUMPS"/*ftps-127.0.0.1* 2> /dev/null | head -n 1 || true)"
    if [ -z "$dump" ]; then
        t_fail "no ftps transaction dump in $DUMPS shows 'STOR .$name.part'"
    else
        ! grep -q '^> AUTH TLS' "$dump" || t_fail "$dump: AUTH TLS sent to an implicit TLS server"
        grep -qiE '^\* (SSL connection using|TLS)' "$dump" || t_fail "$dump: no TLS handshake noted"
        grep -q '^> PASS \*\*\*$' "$dump" || t_fail "$dump: the password is not masked"
    fi
}

# The node dies (kill -9) in the middle of a collect, after it has deleted
# some files from the server and before the step ended: the collect journal
# lets the next node pass on the files already taken, not take again the one
# whose deletion may not have gone through, and take the rest.
ftp_collect_killed_midway_collects_every_file_once() {
    local id i n=40 left files docs
    mkdir -p "$TR_FTP_HOME/c9"
    for ((i = 1; i <= n; i++)); do
        { printf 'file %s of c9\n' "$i"; head -c 30000 /dev/zero | tr '\0' x; } > "$TR_FTP_HOME/c9/k$(printf '%03d' "$i").txt"
    done
    tr_ftp_own "$TR_FTP_HOME/c9"
    # A slow server (about 0.15 s a file) and a lease that runs out in 5 s.
    tr_ftp_stop "$FTP"
    tr_ftp_start "$FTP" "TransferRate RETR 200" || { t_fail "the FTP server did not start throttled"; return 1; }
    t_daemon_stop "$T_DAEMON_PID" 10
    t_ini_set "$INI" engine lease_seconds 5
    t_daemon_start "$INI" "$RELAIS_TEST_TMP/relaisd.log" "$RELAIS_TEST_TMP/relaisd.pid"
    collect_flow ftpc9 c9 "$OUT/c9" "" 3 || return 1
    t_run relais submit ftpc9
    id="$(t_job_id_from_submit)"
    t_wait_for 30 eval '[ "$(remote_files c9)" -le $((n - 8)) ]' || t_fail "the collect did not start deleting files"
    kill -KILL "$T_DAEMON_PID"
    wait "$T_DAEMON_PID" 2> /dev/null || true
    left="$(remote_files c9)"
    [ "$left" -gt 0 ] && [ "$left" -lt "$n" ] || t_fail "kill -9 came too early or too late: $left of $n files left on the server"
    [ "$(t_job_status "$id")" = running ] || t_fail "after kill -9, job $id is '$(t_job_status "$id")', expected running"
    tr_ftp_stop "$FTP"
    tr_ftp_start "$FTP" || { t_fail "the FTP server did not start again"; return 1; }
    t_daemon_start "$INI" "$RELAIS_TEST_TMP/relaisd.log" "$RELAIS_TEST_TMP/relaisd.pid"
    t_wait_for 60 eval '[ "$(t_job_status "$id")" = succeeded ]' \
        || { t_fail "job $id is '$(t_job_status "$id")' 60 s after a node came back"; return 1; }
    files="$(find "$OUT/c9" -type f | wc -l)"
    [ "$files" = "$n" ] || t_fail "expected $n files in $OUT/c9 (nothing lost), found $files"
    for ((i = 1; i <= n; i++)); do
        head -n 1 "$OUT/c9/k$(printf '%03d' "$i").txt" 2> /dev/null | grep -qx "file $i of c9" || t_fail "k$(printf '%03d' "$i").txt lost or changed"
    done
    docs="$(t_sql "$DB" "SELECT COUNT(*) FROM document WHERE job_id = $id AND direction = 'out' AND position = 0")"
    [ "$docs" = "$n" ] || t_fail "step 0 of job $id stored $docs documents for $n files (taken twice?)"
    [ "$(remote_files c9)" = 0 ] || t_fail "files left on the server: $(ls "$TR_FTP_HOME/c9")"
    t_sql "$DB" "SELECT message FROM job_log WHERE job_id = $id" | grep -q "^adopted [0-9]* file(s) an earlier run" \
        || t_fail "the job log does not say that the earlier run's files were adopted"
}

# sftp_with FOLDER KNOWN_HOSTS: the "with" of an SFTP step on the absolute FOLDER.
sftp_with() {
    printf '{"url":"sftp://127.0.0.1:%s%s/","user":"%s","private_key":"%s","known_hosts":"%s"}' \
        "$TR_SFTP_PORT" "$1" "$TR_SFTP_USER" "$TR_SFTP_KEY" "$2"
}

sftp_deposit_then_collect_with_a_key() {
    local box="$RELAIS_TEST_TMP/sftp-box"
    mkdir -p "$box"
    tr_sftp_start "$SFTP" || { t_fail "sshd did not start"; return 1; }
    printf 'over ssh\n' > "$RELAIS_TEST_TMP/s1.txt"
    flow sftpdep "[{\"activity\":\"sftp.deposit\",\"with\":$(sftp_with "$box" "$TR_SFTP_KNOWN_HOSTS")}]" || return 1
    t_run relais submit sftpdep "$RELAIS_TEST_TMP/s1.txt" --wait 30
    t_expect_rc 0 "relais submit sftpdep" || return 1
    cmp -s "$RELAIS_TEST_TMP/s1.txt" "$box/s1.txt" || t_fail "s1.txt is not on the SFTP server as sent"
    [ ! -e "$box/.s1.txt.part" ] || t_fail "the temporary .s1.txt.part is left"
    t_run relais submit sftpdep "$RELAIS_TEST_TMP/s1.txt" --wait 30
    t_expect_rc 0 "relais submit sftpdep (the same file again replaces it)"
    flow sftpcol "[{\"activity\":\"sftp.collect\",\"with\":$(sftp_with "$box" "$TR_SFTP_KNOWN_HOSTS")},{\"activity\":\"dir.deposit\",\"with\":{\"path\":\"$OUT/sftp\"}}]" || return 1
    t_run relais submit sftpcol --wait 30
    t_expect_rc 0 "relais submit sftpcol" || return 1
    cmp -s "$RELAIS_TEST_TMP/s1.txt" "$OUT/sftp/s1.txt" || t_fail "s1.txt was not collected as sent"
    [ ! -e "$box/s1.txt" ] || t_fail "s1.txt is still on the SFTP server after the collect"
}

sftp_unknown_host_key_is_refused() {
    local id other="$RELAIS_TEST_TMP/other_known_hosts"
    ssh-keygen -q -t ecdsa -b 256 -N '' -f "$RELAIS_TEST_TMP/other_key" <<< y > /dev/null 2>&1 || true
    printf '[127.0.0.1]:%s %s\n' "$TR_SFTP_PORT" "$(cut -d' ' -f1,2 "$RELAIS_TEST_TMP/other_key.pub")" > "$other"
    flow sftpbadkey "[{\"activity\":\"sftp.collect\",\"with\":$(sftp_with "$RELAIS_TEST_TMP" "$other")}]" 3 || return 1
    t_run relais submit sftpbadkey --wait 30
    t_expect_rc 1 "relais submit sftpbadkey"
    id="$(t_job_id_from_submit)"
    [ "$(t_job_status "$id")" = failed ] || t_fail "job $id is '$(t_job_status "$id")', expected failed"
    relais show "$id" < /dev/null 2>&1 | grep -qi 'known_hosts\|host key\|fingerprint\|mismatch' \
        || t_fail "relais show $id does not say the host key is not the known one"
}

# http_with PATH [EXTRA]: an HTTP step's "with" to the test server, with the client certificate.
http_with() {
    printf '{"url":"https://127.0.0.1:%s%s","client_cert":"%s/card.pem","client_key":"%s/card.key"%s}' \
        "$TR_HTTPS_PORT" "$1" "$FTP/pki" "$FTP/pki" "${2:-}"
}

http_post_and_put_with_a_client_certificate_keep_the_reply() {
    # The same test CA as the FTP server's: the engine's ca_file.
    tr_https_start "$HTTPS" "$FTP/pki" || { t_fail "the HTTPS server did not start"; return 1; }
    printf 'order 42\n' > "$RELAIS_TEST_TMP/order.txt"
    flow httppost "[{\"activity\":\"http.post\",\"with\":$(http_with /orders)},{\"activity\":\"dir.deposit\",\"with\":{\"path\":\"$OUT/http\"}}]" || return 1
    flow httpput "[{\"activity\":\"http.put\",\"with\":$(http_with /orders/42 ',"expected_status":[201]')},{\"activity\":\"dir.deposit\",\"with\":{\"path\":\"$OUT/httpput\"}}]" || return 1
    t_run relais submit httppost "$RELAIS_TEST_TMP/order.txt" --wait 30
    t_expect_rc 0 "relais submit httppost" || return 1
    grep -q '^POST /orders 9 bytes from 899700012345 MARTIN ALICE$' "$OUT/http/order.txt.response" 2> /dev/null \
        || t_fail "the reply kept is not the server's: $(cat "$OUT/http/order.txt.response" 2> /dev/null)"
    t_run relais submit httpput "$RELAIS_TEST_TMP/order.txt" --wait 30
    t_expect_rc 0 "relais submit httpput" || return 1
    grep -q '^PUT /orders/42 9 bytes from' "$OUT/httpput/order.txt.response" 2> /dev/null || t_fail "PUT reply not kept"
}

http_statuses_are_classified_quoting_the_reply() {
    local id
    flow httpbusy "[{\"activity\":\"http.post\",\"with\":$(http_with /busy)}]" || return 1
    flow httpbad "[{\"activity\":\"http.post\",\"with\":$(http_with /bad)}]" || return 1
    flow httpnocert "[{\"activity\":\"http.post\",\"with\":{\"url\":\"https://127.0.0.1:$TR_HTTPS_PORT/orders\"}}]" || return 1
    t_run relais submit httpbusy "$RELAIS_TEST_TMP/order.txt" --wait 30
    id="$(t_job_id_from_submit)"
    relais show "$id" < /dev/null 2>&1 | grep -q 'HTTP status 503.*\[transient\]' || t_fail "503 is not a transient failure quoting the status"
    t_run relais submit httpbad "$RELAIS_TEST_TMP/order.txt" --wait 30
    id="$(t_job_id_from_submit)"
    relais show "$id" < /dev/null 2>&1 | grep -q "HTTP status 400 (server replied: 'POST /bad 9 bytes.*\[permanent\]" \
        || t_fail "400 is not a permanent failure quoting the reply"
    t_run relais submit httpnocert "$RELAIS_TEST_TMP/order.txt" --wait 30
    t_expect_rc 1 "relais submit httpnocert (no client certificate)"
}

dir_collect_takes_matching_files_atomically() {
    local inbox="$RELAIS_TEST_TMP/inbox"
    mkdir -p "$inbox"
    printf 'a\n' > "$inbox/a.xml"
    printf 'b\n' > "$inbox/b.xml"
    printf 'c\n' > "$inbox/c.txt"
    printf 'h\n' > "$inbox/.h.xml"
    flow dircol "[{\"activity\":\"dir.collect\",\"with\":{\"path\":\"$inbox\",\"pattern\":\"*.xml\"}},{\"activity\":\"dir.deposit\",\"with\":{\"path\":\"$OUT/dircol\"}}]" || return 1
    t_run relais submit dircol --wait 30
    t_expect_rc 0 "relais submit dircol" || return 1
    [ "$(cat "$OUT/dircol/a.xml" 2> /dev/null)" = a ] && [ "$(cat "$OUT/dircol/b.xml" 2> /dev/null)" = b ] \
        || t_fail "a.xml and b.xml did not reach $OUT/dircol"
    [ ! -e "$inbox/a.xml" ] && [ ! -e "$inbox/b.xml" ] || t_fail "collected files are still in $inbox"
    [ -f "$inbox/c.txt" ] && [ -f "$inbox/.h.xml" ] || t_fail "c.txt or .h.xml was taken"
    [ "$(find "$inbox/.relais-taken" -type f | wc -l)" = 0 ] || t_fail "files are left in $inbox/.relais-taken"
}

dir_deposit_collision_fail_overwrite_unique() {
    local box="$OUT/collide" id
    mkdir -p "$box"
    printf 'old\n' > "$box/x.txt"
    printf 'new\n' > "$RELAIS_TEST_TMP/x.txt"
    for policy in fail unique overwrite; do
        flow "dep$policy" "[{\"activity\":\"dir.deposit\",\"with\":{\"path\":\"$box\",\"collision\":\"$policy\"}}]" || return 1
    done
    t_run relais submit depfail "$RELAIS_TEST_TMP/x.txt" --wait 30
    t_expect_rc 1 "relais submit depfail"
    id="$(t_job_id_from_submit)"
    relais show "$id" < /dev/null 2>&1 | grep -q 'already exists' || t_fail "job $id does not say x.txt already exists"
    [ "$(cat "$box/x.txt")" = old ] || t_fail "collision fail replaced x.txt"
    t_run relais submit depunique "$RELAIS_TEST_TMP/x.txt" --wait 30
    t_expect_rc 0 "relais submit depunique"
    [ "$(cat "$box/x-1.txt" 2> /dev/null)" = new ] && [ "$(cat "$box/x.txt")" = old ] \
        || t_fail "collision unique did not write x-1.txt beside x.txt: $(ls "$box")"
    t_run relais submit depunique "$RELAIS_TEST_TMP/x.txt" --wait 30
    [ ! -e "$box/x-2.txt" ] || t_fail "the same content deposited again made x-2.txt"
    t_run relais submit depoverwrite "$RELAIS_TEST_TMP/x.txt" --wait 30
    t_expect_rc 0 "relais submit depoverwrite"
    [ "$(cat "$box/x.txt")" = new ] || t_fail "collision overwrite did not replace x.txt"
}

t_case ftp_deposit_uploads_under_a_temporary_name_then_renames ftp_deposit_uploads_under_a_temporary_name_then_renames
t_case ftp_collect_stores_then_deletes_matching_files ftp_collect_stores_then_deletes_matching_files
t_case ftp_collect_moves_files_to_the_archive_folder ftp_collect_moves_files_to_the_archive_folder
t_case ftp_wrong_password_fails_for_good_quoting_the_server ftp_wrong_password_fails_for_good_quoting_the_server
t_case ftp_server_down_then_up_is_retried_and_collected_once ftp_server_down_then_up_is_retried_and_collected_once
t_case ftp_certificate_not_matching_the_host_is_refused ftp_certificate_not_matching_the_host_is_refused
t_case ftp_collects_1000_small_files_in_one_job ftp_collects_1000_small_files_in_one_job
t_case ftp_collects_a_50_mb_file ftp_collects_a_50_mb_file
t_case ftp_download_cut_midway_is_resumed_and_collected_once ftp_download_cut_midway_is_resumed_and_collected_once
t_case ftps_implicit_deposit_then_collect ftps_implicit_deposit_then_collect
t_case sftp_deposit_then_collect_with_a_key sftp_deposit_then_collect_with_a_key
t_case sftp_unknown_host_key_is_refused sftp_unknown_host_key_is_refused
t_case http_post_and_put_with_a_client_certificate_keep_the_reply http_post_and_put_with_a_client_certificate_keep_the_reply
t_case http_statuses_are_classified_quoting_the_reply http_statuses_are_classified_quoting_the_reply
t_case dir_collect_takes_matching_files_atomically dir_collect_takes_matching_files_atomically
t_case dir_deposit_collision_fail_overwrite_unique dir_deposit_collision_fail_overwrite_unique
# Last: it makes the engine's lease short.
t_case ftp_collect_killed_midway_collects_every_file_once ftp_collect_killed_midway_collects_every_file_once
