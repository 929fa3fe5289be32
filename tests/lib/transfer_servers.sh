# shellcheck shell=bash
# transfer_servers.sh: private servers for the transfer tests and benchmarks
# (tests/system/transfers.sh, tests/bench/transfers.sh), each on a free
# loopback port with its state under a folder of ours, started and stopped
# by the caller. Sourced after installer/lib/all.sh and tests/lib/test_pki.sh.
#
#   tr_pki DIR                 the test CA (DIR/ca.pem) and certificates: DIR/server.pem for
#                              127.0.0.1 only (so "localhost" does not match it)
#   tr_ftp_start DIR [CONF]    ProFTPD with explicit TLS; sets TR_FTP_PORT, TR_FTP_HOME (the
#                              user's folder), TR_FTP_USER, TR_FTP_PASSWORD; CONF: more config lines
#   tr_ftp_stop DIR

# The Debian packages these servers need; the Postfix package is told not to
# configure a system mail server (we run private instances only).
tr_ensure_packages() {
    if relais_is_root && ! relais_package_installed postfix; then
        echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    fi
    relais_ensure_packages proftpd-basic openssl curl "$@"
}

tr_pki() {
    local dir="$1"
    [ -s "$dir/server.pem" ] && return 0
    relais_test_pki "$dir"
    printf 'subjectAltName=IP:127.0.0.1\n' > "$dir/ext.ip-only"
    rm -f "$dir/server.pem" "$dir/server.key"
    relais_test_pki_issue "$dir" server "/C=FR/O=Relais tests/CN=127.0.0.1" "$dir/ext.ip-only" 3003
    chmod 644 "$dir"/*.pem
}

# tr_ftp_start DIR [CONFIG_LINES]: ProFTPD with a virtual user of its own
# (AuthUserFile), explicit and optional TLS (mod_tls), passive data
# connections; extra configuration lines may follow (e.g. a bandwidth limit).
tr_ftp_start() {
    local dir="$1" extra="${2:-}" i user group
    mkdir -p "$dir"
    tr_pki "$dir/pki"
    TR_FTP_USER=relais
    TR_FTP_HOME="$dir/home"
    if [ ! -s "$dir/password" ]; then
        relais_random_hex 12 > "$dir/password"
        mkdir -p "$TR_FTP_HOME"
        printf '%s:%s:65534:65534::%s:/bin/false\n' "$TR_FTP_USER" \
            "$(openssl passwd -6 "$(cat "$dir/password")")" "$TR_FTP_HOME" > "$dir/ftpd.passwd"
        chmod 600 "$dir/ftpd.passwd"
    fi
    chown 65534:65534 "$TR_FTP_HOME"
    TR_FTP_PASSWORD="$(cat "$dir/password")"
    TR_FTP_PORT="${TR_FTP_PORT:-$(relais_free_port)}"
    if relais_is_root; then user=nobody; group=nogroup; else user="$(id -un)"; group="$(id -gn)"; fi
    cat > "$dir/proftpd.conf" <<CONF
ServerName "Relais test FTP"
ServerType standalone
DefaultServer on
Port $TR_FTP_PORT
DefaultAddress 127.0.0.1
SocketBindTight on
UseIPv6 off
User $user
Group $group
PidFile $dir/proftpd.pid
ScoreboardFile $dir/proftpd.scoreboard
DelayTable none
WtmpLog off
UseReverseDNS off
SystemLog $dir/proftpd.log
TransferLog none
AuthOrder mod_auth_file.c
AuthUserFile $dir/ftpd.passwd
RequireValidShell off
DefaultRoot ~
AllowOverwrite on
MaxInstances 30
PassivePorts 40000 60000
TimeoutIdle 600
ModulePath /usr/lib/proftpd
LoadModule mod_tls.c
TLSEngine on
TLSRequired off
TLSProtocol TLSv1.2 TLSv1.3
TLSRSACertificateFile $dir/pki/server.pem
TLSRSACertificateKeyFile $dir/pki/server.key
TLSOptions NoSessionReuseRequired
TLSVerifyClient off
TLSLog $dir/proftpd-tls.log
<Directory />
  AllowOverwrite on
</Directory>
$extra
CONF
    proftpd -n -c "$dir/proftpd.conf" < /dev/null >> "$dir/proftpd.out" 2>&1 &
    for ((i = 0; i < 100; i++)); do
        relais_port_in_use "$TR_FTP_PORT" && return 0
        sleep 0.1
    done
    echo "proftpd did not start on port $TR_FTP_PORT: $(tail -n 3 "$dir/proftpd.out" "$dir/proftpd.log" 2> /dev/null)" >&2
    return 1
}

# tr_ftp_stop DIR: the server and its sessions (ProFTPD forks one process per
# client, which would go on serving).
tr_ftp_stop() {
    local pid
    if relais_pid_alive "$1/proftpd.pid" proftpd; then
        pid="$(tr -dc '0-9' < "$1/proftpd.pid")"
        tr_kill_children "$pid"
    fi
    relais_stop_pidfile "$1/proftpd.pid" proftpd 10
}

# tr_kill_children PID: SIGKILL the descendants of PID (a process of ours).
tr_kill_children() {
    local child
    for child in $(ps -o pid= --ppid "$1" 2> /dev/null); do
        tr_kill_children "$child"
        kill -KILL "$child" 2> /dev/null || true
    done
}

# tr_ftp_own PATH...: files put in the FTP user's folder become theirs.
tr_ftp_own() { chown -R 65534:65534 "$@"; }
