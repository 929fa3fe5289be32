#!/usr/bin/env bash
# The SOAP services through a real Apache + mod_php (its own instance, HTTP and
# HTTPS with client certificates from a throw-away PKI), called by PHP's
# SoapClient built from the served WSDL: tests/system/soap/*.php print one
# "ok NAME" / "not ok NAME" line per case.
# shellcheck source=tests/lib/system.sh
. "$(dirname "$0")/../lib/system.sh"
# shellcheck source=tests/lib/test_pki.sh
. "$RELAIS_ROOT/tests/lib/test_pki.sh"

BASE="$RELAIS_TEST_TMP/web"
PKI="$RELAIS_TEST_TMP/pki"
PORT="$(relais_free_port)"
TLS_PORT="$(relais_free_port)"
while [ "$TLS_PORT" = "$PORT" ]; do TLS_PORT="$(relais_free_port)"; done
EXT="$RELAIS_ROOT/modules/relais.so"

cleanup() { relais_apache_stop "$BASE" > /dev/null 2>&1 || true; }
t_on_exit cleanup

start_apache() {
    relais_test_pki "$PKI"
    # A client certificate of the test CA that no application holds.
    relais_test_pki_issue "$PKI" unknown "/C=FR/O=Inconnu/CN=application inconnue" "$PKI/ext.cnf.client" 3003
    chmod 644 "$PKI"/*.pem
    relais_apache_configure "$RELAIS_ROOT" "$BASE" "$PORT" "$EXT" "$RELAIS_CONFIG" "$RELAIS_ROOT/webroot"
    relais_apache_enable_tls "$RELAIS_ROOT" "$BASE" "$TLS_PORT" "$PKI/server.pem" "$PKI/server.key" "$PKI/ca.pem"
    relais_apache_start "$BASE" "$PORT"
    relais_wait_for_port "$TLS_PORT" 30
}

if ! ( start_apache ) > "$RELAIS_TEST_TMP/apache-start.log" 2>&1; then
    echo "not ok soap_apache_starts"
    sed 's/^/#   /' "$RELAIS_TEST_TMP/apache-start.log"
    exit 1
fi

for driver in "$RELAIS_ROOT"/tests/system/soap/*_client.php; do
    rc=0
    php -d "extension=$EXT" -d display_errors=stderr "$driver" \
        "https://127.0.0.1:$TLS_PORT" "http://127.0.0.1:$PORT" "$PKI" < /dev/null || rc=$?
    # A driver that died before reporting its cases is a failure of its own.
    [ "$rc" -eq 0 ] || printf 'not ok %s_exited_%s\n' "$(basename "$driver" .php)" "$rc"
done
if [ -s "$BASE/log/php-error.log" ]; then
    echo "# PHP errors logged by Apache:"
    sed 's/^/#   /' "$BASE/log/php-error.log" | tail -n 20
fi
