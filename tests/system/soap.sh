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
    relais_tls_issue "$PKI" unknown "/C=FR/O=Inconnu/CN=application inconnue" "$PKI/ext.cnf.client" 3003
    chmod 644 "$PKI"/*.pem
    relais_apache_configure "$RELAIS_ROOT" "$BASE" "$PORT" "$EXT" "$RELAIS_CONFIG" "$RELAIS_ROOT/webroot"
    relais_apache_enable_tls "$RELAIS_ROOT" "$BASE" "$TLS_PORT" "$PKI/server.pem" "$PKI/server.key" "$PKI/ca.pem"
    relais_apache_start "$BASE" "$PORT"
    relais_wait_for_port "$TLS_PORT" 30
}

# The admin site's users of admin_client.php.
SOAP_WEB_PASSWORD="$(relais_random_hex 12)"
SOAP_ADMIN_LOGIN="soap-admin-$(relais_random_hex 3)"
SOAP_VIEWER_LOGIN="soap-viewer-$(relais_random_hex 3)"
export SOAP_WEB_PASSWORD SOAP_ADMIN_LOGIN SOAP_VIEWER_LOGIN
make_users() {
    printf '%s\n' "$SOAP_WEB_PASSWORD" | relais users add "$SOAP_ADMIN_LOGIN" --role admin --password-stdin
    printf '%s\n' "$SOAP_WEB_PASSWORD" | relais users add "$SOAP_VIEWER_LOGIN" --role viewer --password-stdin
}

if ! ( start_apache && make_users ) > "$RELAIS_TEST_TMP/apache-start.log" 2>&1; then
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
# C++ clients that gSOAP generates from the served WSDLs (wsdl2h, soapcpp2):
# gsoap_pa_client creates, consults and gets a token; gsoap_exchange_client
# deposits a document as an MTOM attachment and gets it back.
# gsoap_client SERVICE PROXY: builds tests/system/soap/gsoap_SERVICE_client.cpp
# on the code generated from /ws/SERVICE?wsdl and runs it with an application
# of its own, allowed SERVICE, its user and secret in the environment (not on
# a command line).
gsoap_client() {
    local service="$1" proxy="$2" dir="$RELAIS_TEST_TMP/gsoap-$1" app
    mkdir -p "$dir"
    php -r '$c = stream_context_create(["ssl" => ["cafile" => $argv[2]]]);
            $w = file_get_contents($argv[1], false, $c); if ($w === false) exit(1); echo $w;' \
        "https://127.0.0.1:$TLS_PORT/ws/$service?wsdl" "$PKI/ca.pem" > "$dir/$service.wsdl"
    (cd "$dir" && wsdl2h -o "$service.h" "$service.wsdl" && soapcpp2 -j -C -I/usr/share/gsoap/import "$service.h")
    # shellcheck disable=SC2046 # pkg-config's flags are words
    g++ -std=c++17 -O0 -I"$dir" -o "$dir/client" "$RELAIS_ROOT/tests/system/soap/gsoap_${service}_client.cpp" \
        "$dir/soapC.cpp" "$dir/soap${proxy}Proxy.cpp" $(pkg-config --cflags --libs gsoapssl++)
    app="gsoap-$service-$(relais_random_hex 3)"
    WS_USER="$app" WS_SECRET="$(php -d "extension=$EXT" -r '$d = new Relais\Ws\Directory(new Relais\Client());
            $d->saveApplication($argv[1], [$argv[2]], $argv[1]); echo $d->newApplicationSecret($argv[1]);' "$app" "$service")" \
        "$dir/client" "https://127.0.0.1:$TLS_PORT/ws/$service" "$PKI/ca.pem"
}
for client in "pa ViaTrajectoirePASoap12" "exchange RelaisExchangeSoap12"; do
    read -r service proxy <<< "$client"
    if ! gsoap_client "$service" "$proxy" > "$RELAIS_TEST_TMP/gsoap-$service.log" 2>&1; then
        echo "not ok gsoap_${service}_client_builds_and_runs"
        sed 's/^/#   /' "$RELAIS_TEST_TMP/gsoap-$service.log" | tail -n 20
    fi
    grep -E '^(not )?ok ' "$RELAIS_TEST_TMP/gsoap-$service.log" || true
done

# The cause of the code 000 that pa_client.php provoked is in PHP's log for the
# operator, and nothing else is.
if grep -q 'relais ws: CreerDossierPA answered 000: .*vt_demande' "$BASE/log/php-error.log"; then
    echo "ok soap_000_cause_is_logged_for_the_operator"
else
    echo "not ok soap_000_cause_is_logged_for_the_operator"
fi
if grep -v 'answered 000' "$BASE/log/php-error.log" | grep -q .; then
    echo "not ok soap_no_other_php_error"
    grep -v 'answered 000' "$BASE/log/php-error.log" | sed 's/^/#   /' | tail -n 20
else
    echo "ok soap_no_other_php_error"
fi
