# shellcheck shell=bash
# transfer_servers.sh: private servers for the transfer tests and benchmarks
# (tests/system/transfers.sh, tests/bench/transfers.sh), each on a free
# loopback port with its state under a folder of ours, started and stopped
# by the caller. Sourced after installer/lib/all.sh and tests/lib/test_pki.sh.
#
#   tr_pki DIR                 the test CA (DIR/ca.pem) and certificates: DIR/server.pem for
#                              127.0.0.1 only (so "localhost" does not match it)
#   tr_ftp_start DIR [CONF]    ProFTPD with explicit TLS, and implicit TLS on a port of its own;
#                              sets TR_FTP_PORT, TR_FTPS_PORT (implicit), TR_FTP_HOME (the
#                              user's folder), TR_FTP_USER, TR_FTP_PASSWORD; CONF: more config lines
#   tr_ftp_stop DIR
#   tr_silent_start DIR        a server that accepts TCP connections and never answers (a hung
#                              server); sets TR_SILENT_PORT
#   tr_silent_stop DIR

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
    relais_tls_issue "$dir" server "/C=FR/O=Relais tests/CN=127.0.0.1" "$dir/ext.ip-only" 3003
    chmod 644 "$dir"/*.pem
}

# tr_ftp_start DIR [CONFIG_LINES]: ProFTPD with a virtual user of its own
# (AuthUserFile), explicit and optional TLS (mod_tls), passive data
# connections; extra configuration lines may follow (e.g. a bandwidth limit).
# The same user and folder on TR_FTPS_PORT with implicit TLS (ftps://, the
# port 990 style: TLS from the first byte), a virtual host of the same server.
tr_ftp_start() {
    local dir="$1" extra="${2:-}" user group
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
    TR_FTPS_PORT="${TR_FTPS_PORT:-$(relais_free_port)}"
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
<VirtualHost 127.0.0.1>
  ServerName "Relais test FTPS (implicit TLS)"
  Port $TR_FTPS_PORT
  AuthOrder mod_auth_file.c
  AuthUserFile $dir/ftpd.passwd
  RequireValidShell off
  DefaultRoot ~
  AllowOverwrite on
  PassivePorts 40000 60000
  TLSEngine on
  TLSRequired on
  TLSProtocol TLSv1.2 TLSv1.3
  TLSRSACertificateFile $dir/pki/server.pem
  TLSRSACertificateKeyFile $dir/pki/server.key
  TLSOptions NoSessionReuseRequired UseImplicitSSL
  TLSVerifyClient off
  TLSLog $dir/proftpd-tls.log
  $extra
</VirtualHost>
$extra
CONF
    proftpd -n -c "$dir/proftpd.conf" < /dev/null >> "$dir/proftpd.out" 2>&1 &
    relais_wait_for_port "$TR_FTP_PORT" 10 && relais_wait_for_port "$TR_FTPS_PORT" 10 && return 0
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

# tr_mail_start DIR: Dovecot (IMAP with STARTTLS, passwords in a file of its
# own, LMTP delivery, SASL for Postfix) and a Postfix instance of its own
# (submission with STARTTLS required and AUTH through Dovecot, delivering
# every mail of the domain relais.test to Dovecot over LMTP). Sets
# TR_IMAP_PORT, TR_SMTP_PORT, TR_MAIL_USER (alice@relais.test),
# TR_MAIL_PASSWORD, TR_MAIL_USER2 (bob@relais.test, same password), and
# TR_SMTP_PLAIN_PORT: an SMTP server offering no STARTTLS. Both servers
# also take XOAUTH2 (Dovecot's oauth2 passdb asks a small OAuth 2.0 token
# introspection endpoint, RFC 7662, of ours): TR_MAIL_TOKEN is alice's bearer
# token.
tr_mail_start() {
    local dir="$1" lmtp auth oauth
    mkdir -p "$dir/dovecot/run" "$dir/dovecot/state" "$dir/mail" "$dir/postfix"
    tr_pki "$dir/pki"
    [ -s "$dir/password" ] || relais_random_hex 12 > "$dir/password"
    TR_MAIL_PASSWORD="$(cat "$dir/password")"
    [ -s "$dir/oauth-token" ] || relais_random_hex 24 > "$dir/oauth-token"
    TR_MAIL_TOKEN="$(cat "$dir/oauth-token")"
    TR_MAIL_USER=alice@relais.test
    TR_MAIL_USER2=bob@relais.test
    printf '%s:{PLAIN}%s\n' "$TR_MAIL_USER" "$TR_MAIL_PASSWORD" "$TR_MAIL_USER2" "$TR_MAIL_PASSWORD" > "$dir/dovecot/users"
    chmod 640 "$dir/dovecot/users"
    chgrp dovecot "$dir/dovecot/users" 2> /dev/null || true
    chown 65534:65534 "$dir/mail"
    TR_IMAP_PORT="${TR_IMAP_PORT:-$(relais_free_port)}"
    lmtp="$(relais_free_port)"
    auth="$(relais_free_port)"
    oauth="$(relais_free_port)"
    # The introspection endpoint: our one token is alice's, any other is inactive.
    cat > "$dir/introspect.py" <<'PY'
import http.server, json, sys, urllib.parse
port, token, user = int(sys.argv[1]), open(sys.argv[2]).read().strip(), sys.argv[3]
class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
        ok = form.get("token", [""])[0] == token
        out = json.dumps({"active": True, "username": user} if ok else {"active": False}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)
    def log_message(self, *args): pass
http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
PY
    python3 "$dir/introspect.py" "$oauth" "$dir/oauth-token" "$TR_MAIL_USER" < /dev/null >> "$dir/introspect.log" 2>&1 &
    echo $! > "$dir/introspect.pid"
    cat > "$dir/dovecot/oauth2.conf.ext" <<CONF
introspection_mode = post
introspection_url = http://127.0.0.1:$oauth/introspect
force_introspection = yes
username_attribute = username
active_attribute = active
active_value = true
CONF
    cat > "$dir/dovecot/dovecot.conf" <<CONF
base_dir = $dir/dovecot/run
state_dir = $dir/dovecot/state
log_path = $dir/dovecot/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = yes
ssl_cert = <$dir/pki/server.pem
ssl_key = <$dir/pki/server.key
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login xoauth2
passdb {
  driver = passwd-file
  args = $dir/dovecot/users
}
# Only for XOAUTH2 (a bearer token that is no password falls through to it);
# the passwd-file one also answers the user lookups of LMTP.
passdb {
  driver = oauth2
  mechanisms = xoauth2
  args = $dir/dovecot/oauth2.conf.ext
}
userdb {
  driver = static
  args = uid=65534 gid=65534 home=$dir/mail/%u
}
mail_location = maildir:~/Maildir
first_valid_uid = 1
namespace inbox {
  inbox = yes
  separator = /
  mailbox Archive {
    auto = create
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $TR_IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $lmtp
  }
}
service auth {
  inet_listener {
    address = 127.0.0.1
    port = $auth
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
CONF
    dovecot -F -c "$dir/dovecot/dovecot.conf" < /dev/null >> "$dir/dovecot/dovecot.out" 2>&1 &
    echo $! > "$dir/dovecot/dovecot.pid"

    TR_SMTP_PORT="${TR_SMTP_PORT:-$(relais_free_port)}"
    TR_SMTP_PLAIN_PORT="${TR_SMTP_PLAIN_PORT:-$(relais_free_port)}"
    cat > "$dir/postfix/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $dir/postfix/queue
data_directory = $dir/postfix/data
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mail.relais.test
mydomain = relais.test
myorigin = relais.test
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
virtual_mailbox_domains = relais.test
virtual_mailbox_maps =
virtual_transport = lmtp:inet:127.0.0.1:$lmtp
smtpd_tls_cert_file = $dir/pki/server.pem
smtpd_tls_key_file = $dir/pki/server.key
smtpd_tls_security_level = may
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:$auth
smtpd_relay_restrictions = permit_sasl_authenticated, reject
maillog_file = /dev/stdout
smtpd_banner = \$myhostname ESMTP Relais test
biff = no
CONF
    cat > "$dir/postfix/master.cf" <<CONF
127.0.0.1:$TR_SMTP_PORT inet n - n - - smtpd -o smtpd_tls_security_level=encrypt -o smtpd_sasl_auth_enable=yes -o smtpd_tls_auth_only=yes
127.0.0.1:$TR_SMTP_PLAIN_PORT inet n - n - - smtpd -o smtpd_tls_security_level=none -o smtpd_sasl_auth_enable=yes
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
CONF
    # The queue folders (post-install, as "postfix check" would, which wants
    # the folder listed in the system's main.cf); the master in the
    # foreground, in a process group of its own, logging to postfix.log.
    /usr/lib/postfix/sbin/post-install "config_directory=$dir/postfix" meta_directory=/etc/postfix create-missing \
        >> "$dir/postfix/postfix.log" 2>&1
    setsid /usr/lib/postfix/sbin/master -c "$dir/postfix" -d < /dev/null >> "$dir/postfix/postfix.log" 2>&1 &
    echo $! > "$dir/postfix/master.pid"
    relais_wait_for_port "$TR_IMAP_PORT" 10 && relais_wait_for_port "$TR_SMTP_PORT" 10 && return 0
    echo "the mail servers did not start: $(tail -n 3 "$dir/dovecot/dovecot.out" "$dir/dovecot/dovecot.log" "$dir/postfix/postfix.log" 2> /dev/null)" >&2
    return 1
}

tr_mail_stop() {
    relais_stop_pidfile "$1/postfix/master.pid" master 10
    relais_stop_pidfile "$1/dovecot/dovecot.pid" dovecot 10
    relais_stop_pidfile "$1/introspect.pid" python3 10
}

# tr_engine NAME CA_FILE DUMPS: a private database NAME (t_private_database)
# whose [transfer] settings trust CA_FILE and dump every exchange into DUMPS,
# made the RELAIS_CONFIG of every helper, with a relaisd of its own (system
# tests only). Sets INI and STORE.
tr_engine() {
    INI="$(t_private_database "$1")"
    STORE="$(relais_ini_get "$INI" store path)"
    printf '\n[transfer]\nca_file = %s\ndump_directory = %s\nconnect_timeout_seconds = 20\nidle_timeout_seconds = 20\n' \
        "$2" "$3" >> "$INI"
    RELAIS_CONFIG="$INI"
    t_daemon_start "$INI" "$RELAIS_TEST_TMP/relaisd.log" "$RELAIS_TEST_TMP/relaisd.pid"
}

# tr_sftp_start DIR: OpenSSH's sshd with a private configuration, SFTP only
# (internal-sftp), logging in the running user (root in CI) with a key of its
# own. Sets TR_SFTP_PORT, TR_SFTP_USER, TR_SFTP_KEY (ECDSA, PEM: libssh2 1.10
# signs RSA with SHA-1 only, which OpenSSH 9 refuses), TR_SFTP_KNOWN_HOSTS.
tr_sftp_start() {
    local dir="$1"
    mkdir -p "$dir"
    [ -s "$dir/host_key" ] || ssh-keygen -q -t ecdsa -b 256 -N '' -f "$dir/host_key"
    [ -s "$dir/user_key" ] || ssh-keygen -q -t ecdsa -b 256 -m PEM -N '' -f "$dir/user_key"
    cp "$dir/user_key.pub" "$dir/authorized_keys"
    TR_SFTP_PORT="${TR_SFTP_PORT:-$(relais_free_port)}"
    TR_SFTP_USER="$(id -un)"
    TR_SFTP_KEY="$dir/user_key"
    TR_SFTP_KNOWN_HOSTS="$dir/known_hosts"
    printf '[127.0.0.1]:%s %s\n' "$TR_SFTP_PORT" "$(cut -d' ' -f1,2 "$dir/host_key.pub")" > "$TR_SFTP_KNOWN_HOSTS"
    cat > "$dir/sshd_config" <<CONF
Port $TR_SFTP_PORT
ListenAddress 127.0.0.1
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
Subsystem sftp internal-sftp
CONF
    mkdir -p /run/sshd 2> /dev/null || true
    /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log"
    relais_wait_for_port "$TR_SFTP_PORT" 10 && return 0
    echo "sshd did not start on port $TR_SFTP_PORT: $(tail -n 3 "$dir/sshd.log")" >&2
    return 1
}

tr_sftp_stop() { relais_stop_pidfile "$1/sshd.pid" sshd 10; }

# tr_https_start DIR PKI: a small HTTPS server (Python's http.server behind TLS,
# asking for a client certificate signed by the test CA) answering POST and
# PUT with "METHOD PATH N bytes from CN": status 201, or 503 on /busy and 400
# on /bad, with the certificates of PKI (tr_pki; its card.pem is a client
# certificate it accepts). Sets TR_HTTPS_PORT.
tr_https_start() {
    local dir="$1" pki="$2"
    mkdir -p "$dir"
    tr_pki "$pki"
    TR_HTTPS_PORT="${TR_HTTPS_PORT:-$(relais_free_port)}"
    cat > "$dir/server.py" <<'PY'
import http.server, ssl, sys
port, pki = int(sys.argv[1]), sys.argv[2]
class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self): self.reply()
    def do_PUT(self): self.reply()
    def reply(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        cn = dict(x[0] for x in self.connection.getpeercert()["subject"]).get("commonName", "")
        code = {"/busy": 503, "/bad": 400}.get(self.path, 201)
        out = ("%s %s %d bytes from %s" % (self.command, self.path, len(body), cn)).encode()
        self.send_response(code)
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)
    def log_message(self, *args): pass
server = http.server.HTTPServer(("127.0.0.1", port), Handler)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(pki + "/server.pem", pki + "/server.key")
ctx.load_verify_locations(pki + "/ca.pem")
ctx.verify_mode = ssl.CERT_REQUIRED
server.socket = ctx.wrap_socket(server.socket, server_side=True)
server.serve_forever()
PY
    tr_python_serve "$dir" "HTTPS server" "$TR_HTTPS_PORT" "$pki"
}

tr_https_stop() { relais_stop_pidfile "$1/server.pid" python3 10; }

# tr_python_serve DIR WHAT PORT [ARGS...]: DIR/server.py PORT ARGS... in the
# background (pid in DIR/server.pid, output in DIR/server.log), waited for on
# PORT; WHAT names it when it does not start.
tr_python_serve() {
    local dir="$1" what="$2" port="$3"
    shift 3
    python3 "$dir/server.py" "$port" "$@" < /dev/null >> "$dir/server.log" 2>&1 &
    echo $! > "$dir/server.pid"
    relais_wait_for_port "$port" 10 && return 0
    echo "the $what did not start: $(tail -n 3 "$dir/server.log")" >&2
    return 1
}

# tr_silent_start DIR: a TCP server on a free loopback port that accepts every
# connection and never sends a byte, as a hung server does; it logs
# "accepted N" and "closed N" (the client hung up) in DIR/silent.log. Sets
# TR_SILENT_PORT.
tr_silent_start() {
    local dir="$1"
    mkdir -p "$dir"
    TR_SILENT_PORT="${TR_SILENT_PORT:-$(relais_free_port)}"
    cat > "$dir/server.py" <<'PY'
import socket, sys, threading
port, log = int(sys.argv[1]), sys.argv[2]
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(16)
def note(text):
    with open(log, "a") as f:
        f.write(text + "\n")
def hold(conn, n):
    while conn.recv(4096):  # what the client sends is read, never answered
        pass
    note("closed %d" % n)
n = 0
while True:
    conn, _ = server.accept()
    n += 1
    note("accepted %d" % n)
    threading.Thread(target=hold, args=(conn, n), daemon=True).start()
PY
    : > "$dir/silent.log"
    tr_python_serve "$dir" "silent server" "$TR_SILENT_PORT" "$dir/silent.log"
}

tr_silent_stop() { relais_stop_pidfile "$1/server.pid" python3 10; }
