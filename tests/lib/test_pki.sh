# shellcheck shell=bash
# test_pki.sh: a throw-away PKI for the HTTPS tests of the admin site (tests/run.sh).
#
# relais_test_pki DIR makes, with the openssl CLI:
#   DIR/ca.pem, ca.key          a certificate authority standing for the CPS authorities
#   DIR/server.pem, server.key  the site's certificate for 127.0.0.1 / localhost, signed by the CA
#   DIR/card.pem, card.key      a "CPS card": a client certificate signed by the CA
#   DIR/stranger.pem, .key      a client certificate signed by nobody Apache trusts
# Nothing here is for production: the keys are unencrypted and the CA is thrown away.
# Certificates are issued by relais_tls_issue (installer/lib/tls.sh).

relais_test_pki() {
    local dir="$1" ext
    mkdir -p "$dir"
    ext="$dir/ext.cnf"
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > "$ext.server"
    printf 'extendedKeyUsage=clientAuth\n' > "$ext.client"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
        -keyout "$dir/ca.key" -out "$dir/ca.pem" -subj "/C=FR/O=Relais tests/CN=Relais test CPS authority" 2> /dev/null \
        || relais_die "openssl could not make the test CA in $dir"
    relais_tls_issue "$dir" server "/C=FR/O=Relais tests/CN=127.0.0.1" "$ext.server" 1001
    relais_tls_issue "$dir" card "/C=FR/O=CH Exemple/OU=10B0000001/CN=899700012345 MARTIN ALICE" "$ext.client" 2002
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
        -keyout "$dir/stranger.key" -out "$dir/stranger.pem" -subj "/C=FR/O=Elsewhere/CN=MALLORY" 2> /dev/null \
        || relais_die "openssl could not make the stranger certificate in $dir"
    chmod 644 "$dir"/*.pem
    chmod 600 "$dir"/*.key
}
