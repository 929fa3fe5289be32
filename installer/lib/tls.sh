# shellcheck shell=bash
# tls.sh: certificates made with the openssl CLI, for the installer's HTTPS
# listener (and the test suite's throw-away PKI, tests/lib/test_pki.sh).

# tls_issue DIR NAME SUBJECT EXTFILE SERIAL [DAYS]: DIR/NAME.{pem,key} (P-256),
# signed by DIR/ca.{pem,key}, valid DAYS days (default 30).
relais_tls_issue() {
    local dir="$1" name="$2" subject="$3" extfile="$4" serial="$5" days="${6:-30}"
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$dir/$name.key" \
        -out "$dir/$name.csr" -subj "$subject" 2> /dev/null \
        && openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -set_serial "$serial" \
            -days "$days" -extfile "$extfile" -out "$dir/$name.pem" 2> /dev/null \
        || relais_die "openssl could not issue $name in $dir"
    rm -f "$dir/$name.csr"
}

# tls_install_pki DIR: the certificates of an installer install's HTTPS listener,
# made once and kept (whoever trusts DIR/ca.pem keeps trusting the site):
#   DIR/ca.pem, ca.key          an authority of this install only; Apache also accepts
#                               client certificates it signed (partner applications,
#                               CPS cards for trials: docs/soap-services.md)
#   DIR/server.pem, server.key  the site's certificate for 127.0.0.1, localhost and
#                               this host's name, signed by that authority
# Made again when server.pem ends within 30 days. Not for production: the keys
# are unencrypted (mode 600); a server takes its certificates from its own PKI.
relais_tls_install_pki() {
    local dir="$1" host
    mkdir -p "$dir"
    chmod 755 "$dir"
    if [ -s "$dir/ca.key" ] && [ -s "$dir/server.pem" ] \
        && openssl x509 -checkend $((30 * 86400)) -noout -in "$dir/server.pem" > /dev/null 2>&1; then
        return 0
    fi
    relais_log "making the HTTPS certificates in $dir (authority ca.pem, for this install only)"
    if [ ! -s "$dir/ca.key" ] || ! openssl x509 -checkend $((30 * 86400)) -noout -in "$dir/ca.pem" > /dev/null 2>&1; then
        (umask 077; openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
            -keyout "$dir/ca.key" -out "$dir/ca.pem" \
            -subj "/O=Relais/CN=Relais install authority $(relais_random_hex 4)" 2> /dev/null) \
            || relais_die "openssl could not make the authority $dir/ca.pem"
    fi
    host="$(hostname -s 2> /dev/null || true)"
    {
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost%s\n' "${host:+,DNS:$host}"
        printf 'extendedKeyUsage=serverAuth\n'
    } > "$dir/server.ext"
    (umask 077; relais_tls_issue "$dir" server "/O=Relais/CN=127.0.0.1" "$dir/server.ext" "0x$(relais_random_hex 8)" 825)
    chmod 644 "$dir/ca.pem" "$dir/server.pem"
    chmod 600 "$dir/ca.key" "$dir/server.key"
}
