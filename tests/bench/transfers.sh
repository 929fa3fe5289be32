#!/usr/bin/env bash
# tests/bench/transfers.sh: the transfer figures (issue 9), on private servers
# under tests/.out/bench-transfers (tests/lib/transfer_servers.sh), stopped at
# the end:
#   1. ftp.collect of FILES small files from ProFTPD with explicit TLS (list,
#      download, store, delete, one connection): files/s;
#   2. in the same run, a shell loop of curl doing the same downloads and
#      deletions (one curl per file, each with its own connection, TLS and login);
#   3. mail.send of MAILS mails (one small attachment each) through Postfix
#      submission (STARTTLS, AUTH), each mail its own connection: mails/s.
# Usage: tests/bench/transfers.sh [FILES] [MAILS]   (default 1000 1000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=installer/lib/all.sh
. "$ROOT/installer/lib/all.sh"
# shellcheck source=tests/lib/test_pki.sh
. "$ROOT/tests/lib/test_pki.sh"
# shellcheck source=tests/lib/transfer_servers.sh
. "$ROOT/tests/lib/transfer_servers.sh"
FILES="${1:-1000}"
MAILS="${2:-1000}"
BASE="$ROOT/tests/.out/bench-transfers"
BENCH="$ROOT/build/engine/bench/transfers_bench"
rm -rf "$BASE"
mkdir -p "$BASE/store" "$BASE/curl-out"
cleanup() {
    tr_ftp_stop "$BASE/ftp"
    tr_mail_stop "$BASE/mail"
}
trap cleanup EXIT

tr_ensure_packages postfix dovecot-imapd dovecot-lmtpd > /dev/null
relais_build_engine "$ROOT" > /dev/null 2>&1 || relais_die "engine build failed: cmake --build build/engine"
tr_ftp_start "$BASE/ftp"
tr_mail_start "$BASE/mail"
CA="$BASE/ftp/pki/ca.pem"

make_files() {
    local i
    mkdir -p "$TR_FTP_HOME/in"
    for ((i = 1; i <= FILES; i++)); do printf 'file %s\n' "$i" > "$TR_FTP_HOME/in/f$i.txt"; done
    tr_ftp_own "$TR_FTP_HOME/in"
}

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), libcurl $(curl-config --version | cut -d' ' -f2), $(proftpd -v 2>&1 | head -n 1), Postfix $(postconf -d mail_version 2>/dev/null | cut -d' ' -f3), $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== ftp.collect of $FILES small files (FTP, explicit TLS, passive, one connection)"
make_files
"$BENCH" collect --store "$BASE/store" --ca "$CA" \
    --with "{\"url\":\"ftp://127.0.0.1:$TR_FTP_PORT/in/\",\"user\":\"$TR_FTP_USER\",\"password\":\"$TR_FTP_PASSWORD\"}"
[ -z "$(ls "$TR_FTP_HOME/in")" ] || relais_die "files left on the server after ftp.collect"
echo "== the same with a shell loop of curl (one curl per file: download then DELE)"
make_files
start=$(date +%s.%N)
failures=0
for ((i = 1; i <= FILES; i++)); do
    curl -sS --ssl-reqd --cacert "$CA" -u "$TR_FTP_USER:$TR_FTP_PASSWORD" \
        "ftp://127.0.0.1:$TR_FTP_PORT/in/f$i.txt" -o "$BASE/curl-out/f$i.txt" -Q "-DELE f$i.txt" \
        || failures=$((failures + 1))
done
end=$(date +%s.%N)
awk -v n="$FILES" -v s="$start" -v e="$end" -v f="$failures" \
    'BEGIN { printf "curl loop: %d files in %.2f s = %.1f files/s (%d curl failures)\n", n, e - s, n / (e - s), f }'
[ -z "$(ls "$TR_FTP_HOME/in")" ] || relais_warn "$(ls "$TR_FTP_HOME/in" | wc -l) files left on the server after the curl loop"
echo "== mail.send of $MAILS mails (SMTP submission, STARTTLS, AUTH PLAIN, one 1 KiB attachment, a connection each)"
head -c 1024 /dev/urandom | base64 > "$BASE/attachment.txt"
"$BENCH" send --store "$BASE/store" --ca "$BASE/mail/pki/ca.pem" --count "$MAILS" --attach "$BASE/attachment.txt" \
    --with "{\"url\":\"smtp://127.0.0.1:$TR_SMTP_PORT\",\"user\":\"$TR_MAIL_USER\",\"password\":\"$TR_MAIL_PASSWORD\",\"from\":\"$TR_MAIL_USER\",\"to\":\"$TR_MAIL_USER2\",\"subject\":\"bench\"}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: tests/bench/transfers.sh $FILES $MAILS"
