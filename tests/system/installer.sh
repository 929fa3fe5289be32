#!/usr/bin/env bash
# shellcheck disable=SC2016 # the single-quoted snippets are PHP code, not shell
# installer/install.sh end to end, into a private state directory and ports:
# it starts everything and prints a URL, login and password that work; the demo
# flow runs; HTTPS serves the site and the SOAP services with the install's own
# certificates; a second run keeps the passwords, certificates and data; --stop
# stops it all.
# shellcheck source=tests/lib/system.sh
. "$(dirname "$0")/../lib/system.sh"

INSTALL="$RELAIS_ROOT/installer/install.sh"
VARDIR="$(mktemp -d /tmp/relais-inst.XXXXXX)"
chmod 755 "$VARDIR"
VARDIR="$VARDIR/var"
WEB_PORT="$(relais_free_port)"
DB_PORT="$(relais_free_port)"
while [ "$DB_PORT" = "$WEB_PORT" ]; do DB_PORT="$(relais_free_port)"; done
TLS_PORT="$(relais_free_port)"
while [ "$TLS_PORT" = "$WEB_PORT" ] || [ "$TLS_PORT" = "$DB_PORT" ]; do TLS_PORT="$(relais_free_port)"; done
INSTALL_ARGS=(--var "$VARDIR" --port "$WEB_PORT" --tls-port "$TLS_PORT" --db-port "$DB_PORT" --no-links)
FIRST_PASSWORD=""
FIRST_CERT=""

cleanup() {
    "$INSTALL" --var "$VARDIR" --stop < /dev/null > /dev/null 2>&1 || true
    rm -rf "$(dirname "$VARDIR")"
}
t_on_exit cleanup

# http_status URL: the HTTP status code of a GET (000 when nothing answers).
http_status() {
    local url="$1"
    php -r '
        $ctx = stream_context_create(["http" => ["ignore_errors" => true, "timeout" => 10, "follow_location" => 0]]);
        $body = @file_get_contents($argv[1], false, $ctx);
        if ($body === false && empty($http_response_header)) { echo "000"; exit; }
        preg_match("/^HTTP\/\S+ (\d+)/", $http_response_header[0] ?? "", $m);
        echo $m[1] ?? "000";' "$url"
}

install_prints_url_login_and_password() {
    t_run "$INSTALL" "${INSTALL_ARGS[@]}"
    printf '%s\n%s\n' "$T_OUT" "$T_ERR" > "$RELAIS_TEST_TMP/install-1.log"
    t_expect_rc 0 "install.sh" || return 1
    printf '%s' "$T_OUT" | grep -qF "http://127.0.0.1:$WEB_PORT/" || t_fail "install.sh did not print http://127.0.0.1:$WEB_PORT/"
    printf '%s' "$T_OUT" | grep -qE 'Login: +admin' || t_fail "install.sh did not print the login admin"
    # A later run needs the same options (ports): the update line repeats them.
    printf '%s' "$T_OUT" | grep -qE "^  Update: +$INSTALL .*--port $WEB_PORT --tls-port $TLS_PORT --db-port $DB_PORT" \
        || t_fail "install.sh did not print the update command with its options"
    FIRST_PASSWORD="$(head -n 1 "$VARDIR/admin-password" 2> /dev/null || true)"
    [ -n "$FIRST_PASSWORD" ] || { t_fail "no $VARDIR/admin-password"; return 1; }
    printf '%s' "$T_OUT" | grep -qF "$FIRST_PASSWORD" || t_fail "install.sh did not print the admin password"
}

# The installer builds the programs, not the test suite, and keeps the compilers'
# output in var/log/build.log rather than on the terminal.
install_builds_only_the_programs_into_a_log() {
    local log="$VARDIR/log/build.log"
    [ -s "$log" ] || { t_fail "no $log"; return 1; }
    grep -q 'Built target relaisd' "$log" || t_fail "$log does not show relaisd built"
    grep -q 'relais_engine_tests' "$log" && t_fail "the installer built the GoogleTests ($log)"
    grep -q 'Built target\|libtool' "$RELAIS_TEST_TMP/install-1.log" && t_fail "build output on the installer's terminal"
    return 0
}

install_protects_secrets() {
    local mode
    mode="$(stat -c %a "$VARDIR/admin-password" 2> /dev/null)"
    [ "$mode" = 600 ] || t_fail "admin-password has mode $mode, expected 600"
    mode="$(stat -c %a "$VARDIR/relais.ini" 2> /dev/null)"
    [ "$mode" = 640 ] || t_fail "relais.ini has mode $mode, expected 640"
    if relais_is_root; then
        [ "$(stat -c %G "$VARDIR/relais.ini")" = www-data ] || t_fail "relais.ini is not group www-data"
        runuser -u www-data -- test -r "$VARDIR/relais.ini" || t_fail "www-data cannot read relais.ini"
        runuser -u www-data -- test -w "$VARDIR/store" || t_fail "www-data cannot write the store"
        if runuser -u www-data -- mariadb --no-defaults -S "$VARDIR/mariadb/run/mariadb.sock" -uroot -e 'SELECT 1' > /dev/null 2>&1; then
            t_fail "www-data can log in to MariaDB as root without a password"
        fi
    fi
}

installed_site_serves_the_login_page() {
    local status
    status="$(http_status "http://127.0.0.1:$WEB_PORT/")"
    case "$status" in
        200|302|303) ;;
        *) t_fail "GET http://127.0.0.1:$WEB_PORT/ answered $status" ;;
    esac
    status="$(http_status "http://127.0.0.1:$WEB_PORT/.htaccess")"
    [ "$status" = 403 ] || [ "$status" = 404 ] || t_fail "GET /.htaccess answered $status, expected 403/404"
}

installed_demo_flow_deposits_a_file() {
    local input="$RELAIS_TEST_TMP/installer-demo.txt"
    printf 'installer demo %s\n' "$(relais_random_hex 8)" > "$input"
    t_run "$RELAIS_BIN" --config "$VARDIR/relais.ini" submit demo-deposit "$input" --wait 30
    t_expect_rc 0 "relais submit demo-deposit on the installed instance" || return 1
    cmp -s "$input" "$VARDIR/outbox/demo-deposit/installer-demo.txt" \
        || t_fail "the file did not land unchanged in $VARDIR/outbox/demo-deposit/"
}

# Apache's upload_tmp_dir (as PHP reads the generated php.ini) and the content
# store are outside the DocumentRoot, and a stored document is not served by path.
installed_uploads_and_store_are_outside_the_web_root() {
    local docroot upload store entry what dir stored rel path status
    docroot="$(sed -nE 's/^DocumentRoot "([^"]+)"$/\1/p' "$VARDIR/apache/httpd.conf" | head -n 1)"
    if [ -z "$docroot" ] || [ ! -d "$docroot" ]; then
        t_fail "no DocumentRoot directory in $VARDIR/apache/httpd.conf"
        return 1
    fi
    docroot="$(realpath "$docroot")"
    upload="$(php -c "$VARDIR/apache/php.ini" -r 'echo ini_get("upload_tmp_dir");' 2> /dev/null)"
    store="$(relais_ini_get "$VARDIR/relais.ini" store path)"
    for entry in "upload_tmp_dir=$upload" "store=$store"; do
        what="${entry%%=*}"
        dir="${entry#*=}"
        if [ -z "$dir" ] || [ ! -d "$dir" ]; then
            t_fail "$what '$dir' is not a directory"
            continue
        fi
        case "$(realpath "$dir")/" in
            "$docroot"/*) t_fail "$what $dir is under the web root $docroot" ;;
        esac
    done
    stored="$(find "$store" -path "$store/tmp" -prune -o -type f -print 2> /dev/null | head -n 1)"
    [ -n "$stored" ] || { t_fail "no document in the store $store"; return 1; }
    rel="${stored#"$store"/}"
    for path in "$rel" "store/$rel" "var/store/$rel"; do
        status="$(http_status "http://127.0.0.1:$WEB_PORT/$path")"
        [ "$status" = 404 ] || t_fail "GET /$path (a stored document) answered $status, expected 404"
    done
}

# GET URL over HTTPS trusting only CAFILE: the HTTP status, or "000 REASON".
https_status() {
    php -r '
        $ctx = stream_context_create(["http" => ["ignore_errors" => true, "timeout" => 10, "follow_location" => 0],
                                      "ssl" => ["cafile" => $argv[2], "verify_peer" => true, "verify_peer_name" => true]]);
        $body = @file_get_contents($argv[1], false, $ctx);
        if ($body === false && empty($http_response_header)) { echo "000 ", error_get_last()["message"] ?? ""; exit; }
        preg_match("/^HTTP\/\S+ (\d+)/", $http_response_header[0] ?? "", $m);
        echo $m[1] ?? "000";' "$1" "$2"
}

installed_site_answers_https_with_its_own_authority() {
    local status
    grep -qF "https://127.0.0.1:$TLS_PORT/" "$RELAIS_TEST_TMP/install-1.log" || t_fail "install.sh did not print https://127.0.0.1:$TLS_PORT/"
    [ -s "$VARDIR/tls/ca.pem" ] || { t_fail "no $VARDIR/tls/ca.pem"; return 1; }
    [ "$(stat -c %a "$VARDIR/tls/server.key")" = 600 ] || t_fail "tls/server.key is not mode 600"
    FIRST_CERT="$(openssl x509 -noout -fingerprint -sha256 -in "$VARDIR/tls/server.pem")"
    status="$(https_status "https://127.0.0.1:$TLS_PORT/" "$VARDIR/tls/ca.pem")"
    case "$status" in
        200|302|303) ;;
        *) t_fail "GET https://127.0.0.1:$TLS_PORT/ trusting tls/ca.pem answered $status" ;;
    esac
    # Verification is real: the system's authorities do not know this certificate.
    status="$(https_status "https://127.0.0.1:$TLS_PORT/" /etc/ssl/certs/ca-certificates.crt)"
    case "$status" in
        000*) ;;
        *) t_fail "GET https://127.0.0.1:$TLS_PORT/ verified without tls/ca.pem ($status)" ;;
    esac
}

# A partner application registered as docs/soap-services.md says deposits a
# document through /ws/exchange over HTTPS (HTTP Basic), as in the doc's PHP
# example; the same credential over plain HTTP is refused (100).
installed_exchange_service_takes_a_deposit_over_https() {
    local secret out
    secret="$(RELAIS_CONFIG="$VARDIR/relais.ini" php -d "extension=$RELAIS_ROOT/modules/relais.so" -r '
        $d = new Relais\Ws\Directory(new Relais\Client());
        $d->saveApplication("trial-partner", ["exchange"], "trial-partner"); echo $d->newApplicationSecret("trial-partner");' 2>&1)" \
        || { t_fail "registering the application failed: $secret"; return 1; }
    out="$(WS_SECRET="$secret" php -r '
        [, $base, $ca] = $argv;
        $opts = ["soap_version" => SOAP_1_2, "login" => "trial-partner", "password" => getenv("WS_SECRET"),
                 "cache_wsdl" => WSDL_CACHE_NONE, "exceptions" => true,
                 "stream_context" => stream_context_create(["ssl" => ["cafile" => $ca]])];
        $c = new SoapClient("$base/ws/exchange?wsdl", $opts);
        $r = $c->DeposerDocument(["Flux" => "demo-deposit", "NomFichier" => "via-soap.txt", "Contenu" => "deposited over SOAP\n"]);
        echo $r->Response->CodeRetour->Code, " ", $r->Response->IdTraitement ?? "-", "\n";
        $c = new SoapClient("$base/ws/exchange?wsdl", $opts + ["location" => $argv[3] . "/ws/exchange"]);
        echo $c->ConsulterStatut(["IdTraitement" => "1"])->Response->CodeRetour->Code, "\n";' \
        "https://127.0.0.1:$TLS_PORT" "$VARDIR/tls/ca.pem" "http://127.0.0.1:$WEB_PORT" 2>&1)" || true
    case "$out" in
        "999 "[0-9]*$'\n100') ;;
        *) t_fail "expected '999 JOB' over HTTPS then 100 over HTTP, got: $out"; return 1 ;;
    esac
    local i
    for ((i = 0; i < 100; i++)); do
        [ -f "$VARDIR/outbox/demo-deposit/via-soap.txt" ] && break
        sleep 0.2
    done
    [ "$(cat "$VARDIR/outbox/demo-deposit/via-soap.txt" 2> /dev/null)" = "deposited over SOAP" ] \
        || t_fail "the document deposited over SOAP did not reach $VARDIR/outbox/demo-deposit/"
}

# An update that relinks the extension (relais.la gone: as after a change of the
# core) restarts the running Apache gracefully, same parent, still serving.
second_install_keeps_passwords_and_jobs() {
    local dsn_before dsn_after apache_before
    dsn_before="$(relais_ini_get "$VARDIR/relais.ini" database dsn)"
    apache_before="$(cat "$VARDIR/run/httpd.pid" 2> /dev/null)"
    rm -f "$RELAIS_ROOT/relais.la"
    t_run "$INSTALL" "${INSTALL_ARGS[@]}"
    printf '%s\n%s\n' "$T_OUT" "$T_ERR" > "$RELAIS_TEST_TMP/install-2.log"
    t_expect_rc 0 "second install.sh" || return 1
    dsn_after="$(relais_ini_get "$VARDIR/relais.ini" database dsn)"
    [ "$dsn_before" = "$dsn_after" ] || t_fail "the database DSN (password) changed on the second run"
    [ "$(head -n 1 "$VARDIR/admin-password")" = "$FIRST_PASSWORD" ] || t_fail "the admin password changed on the second run"
    [ "$(openssl x509 -noout -fingerprint -sha256 -in "$VARDIR/tls/server.pem")" = "$FIRST_CERT" ] \
        || t_fail "the HTTPS certificate changed on the second run"
    grep -q 'libtool: install: cp' "$VARDIR/log/build.log" || t_fail "the second run did not relink the extension"
    [ "$(cat "$VARDIR/run/httpd.pid" 2> /dev/null)" = "$apache_before" ] \
        || t_fail "Apache's parent changed on the second run (crashed and restarted?)"
    case "$(http_status "http://127.0.0.1:$WEB_PORT/")" in
        200|302|303) ;;
        *) t_fail "the site does not answer after the second run" ;;
    esac
    t_run "$RELAIS_BIN" --config "$VARDIR/relais.ini" list --json --status succeeded
    local n
    n="$(printf '%s' "$T_OUT" | t_json 'echo count(items($d));')"
    [ "${n:-0}" -ge 1 ] || t_fail "the demo job is gone after the second run"
}

stop_stops_everything() {
    t_run "$INSTALL" --var "$VARDIR" --stop
    t_expect_rc 0 "install.sh --stop"
    local pidfile
    for pidfile in "$VARDIR/run/httpd.pid" "$VARDIR/run/relaisd.pid" "$VARDIR/mariadb/run/mariadb.pid"; do
        if [ -e "$pidfile" ]; then t_fail "$pidfile still exists after --stop"; fi
    done
    relais_port_in_use "$WEB_PORT" && t_fail "port $WEB_PORT still answers after --stop"
    relais_port_in_use "$DB_PORT" && t_fail "port $DB_PORT still answers after --stop"
    relais_port_in_use "$TLS_PORT" && t_fail "port $TLS_PORT still answers after --stop"
    return 0
}

t_case install_prints_url_login_and_password install_prints_url_login_and_password
t_case install_builds_only_the_programs_into_a_log install_builds_only_the_programs_into_a_log
t_case install_protects_secrets install_protects_secrets
t_case installed_site_serves_the_login_page installed_site_serves_the_login_page
t_case installed_demo_flow_deposits_a_file installed_demo_flow_deposits_a_file
t_case installed_uploads_and_store_are_outside_the_web_root installed_uploads_and_store_are_outside_the_web_root
t_case installed_site_answers_https_with_its_own_authority installed_site_answers_https_with_its_own_authority
t_case installed_exchange_service_takes_a_deposit_over_https installed_exchange_service_takes_a_deposit_over_https
t_case second_install_keeps_passwords_and_jobs second_install_keeps_passwords_and_jobs
t_case stop_stops_everything stop_stops_everything
