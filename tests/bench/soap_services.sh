#!/usr/bin/env bash
# tests/bench/soap_services.sh: requests per second of the PA services through the real
# Apache + mod_php + extension, next to a trivial PHP SoapServer echo on the same Apache
# in the same run (the target: at least half the echo's rate).
#   1. a private MariaDB and database (migrated), a partner application with a secret,
#      one dossier to consult;
#   2. a private Apache over HTTPS (throw-away PKI) serving webroot/, plus /bench-echo: a
#      SoapServer with a one-operation WSDL (SOAP 1.2) answering its input, and two
#      references without Relais code (the PA WSDL with a fixed answer, and that plus
#      one database round trip through PHP's mysqli);
#   3. after a 3 s warm-up of each service, wrk with CONNECTIONS connections (keep-alive,
#      HTTP Basic) for SECONDS seconds on each: the echo, the two references,
#      CreerDossierPA (a new dossier per request), ConsulterDossierPA (one dossier), the
#      echo again;
#   4. prints requests/s of each, the ratio to the echo (mean of both echo runs), the
#      CPU time per request of Apache, MariaDB and wrk, and the load average.
# Everything runs under tests/.out/bench-soap, stopped at the end.
# Usage: tests/bench/soap_services.sh [SECONDS [CONNECTIONS]]   (default 20 16)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=installer/lib/all.sh
. "$ROOT/installer/lib/all.sh"
# shellcheck source=tests/lib/test_pki.sh
. "$ROOT/tests/lib/test_pki.sh"
DURATION="${1:-20}"
CONNECTIONS="${2:-16}"
THREADS=$((CONNECTIONS < 2 ? 1 : 2))
BASE="$ROOT/tests/.out/bench-soap"
B="$ROOT/build/engine"
INI="$BASE/relais.ini"
rm -rf "$BASE"
mkdir -p "$BASE/echo"
chmod 755 "$BASE" "$BASE/echo"
DB_PORT="$(relais_free_port)"
WEB_PORT="$(relais_free_port)"
TLS_PORT="$(relais_free_port)"
cleanup() {
    relais_apache_stop "$BASE/web" || true
    relais_mariadb_stop "$BASE/mariadb" || true
}
trap cleanup EXIT

command -v wrk > /dev/null || relais_ensure_packages wrk
relais_build_engine "$ROOT" > /dev/null 2>&1 || relais_die "engine build failed: cmake --build build/engine"
relais_build_extension "$ROOT" > /dev/null 2>&1 || relais_die "extension build failed (modules/relais.so)"
relais_mariadb_start "$BASE/mariadb" "$DB_PORT" --innodb-flush-log-at-trx-commit=1 --skip-log-bin 2> /dev/null
DB_PASSWORD="$(relais_random_hex 12)"
relais_mariadb_create_database "$BASE/mariadb" relais_soap_bench relais_soap_bench "$DB_PASSWORD"
relais_make_shared_dir "$BASE/store"
relais_write_ini "$INI" "mariadb://relais_soap_bench:$DB_PASSWORD@localhost/relais_soap_bench?socket=$(relais_mariadb_socket "$BASE/mariadb")" \
    "$BASE/store" bench-node "$ROOT/sql/mariadb" warn
"$B/relais" --config "$INI" migrate --sql-dir "$ROOT/sql/mariadb" > /dev/null
relais_web_user_can_read "$INI" || chmod 644 "$INI"

# The application, and the dossier ConsulterDossierPA reads.
SECRET="$(RELAIS_CONFIG="$INI" php -d "extension=$ROOT/modules/relais.so" -r '
    $d = new Relais\Ws\Directory(new Relais\Client());
    $d->saveApplication("bench", ["pa"], "bench");
    echo $d->newApplicationSecret("bench");')"
AUTH="Basic $(printf 'bench:%s' "$SECRET" | base64 -w0)"

# The echo service: the least a PHP SoapServer with a WSDL does.
cat > "$BASE/echo/echo.wsdl" <<'WSDL'
<?xml version="1.0" encoding="UTF-8"?>
<definitions name="Echo" targetNamespace="urn:bench:echo" xmlns:tns="urn:bench:echo"
    xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <types><xs:schema targetNamespace="urn:bench:echo" elementFormDefault="qualified">
    <xs:element name="Echo"><xs:complexType><xs:sequence><xs:element name="Message" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
    <xs:element name="EchoResponse"><xs:complexType><xs:sequence><xs:element name="Message" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
  </xs:schema></types>
  <message name="EchoIn"><part name="parameters" element="tns:Echo"/></message>
  <message name="EchoOut"><part name="parameters" element="tns:EchoResponse"/></message>
  <portType name="EchoPort"><operation name="Echo"><input message="tns:EchoIn"/><output message="tns:EchoOut"/></operation></portType>
  <binding name="EchoSoap12" type="tns:EchoPort"><soap12:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
    <operation name="Echo"><soap12:operation soapAction="urn:bench:echo/Echo"/><input><soap12:body use="literal"/></input><output><soap12:body use="literal"/></output></operation>
  </binding>
  <service name="Echo"><port name="EchoSoap12" binding="tns:EchoSoap12"><soap12:address location="https://127.0.0.1/bench-echo/echo.php"/></port></service>
</definitions>
WSDL
cat > "$BASE/echo/echo.php" <<'PHP'
<?php
final class EchoService { public function Echo($in) { return ['Message' => $in->Message]; } }
$server = new SoapServer(__DIR__ . '/echo.wsdl', ['soap_version' => SOAP_1_2, 'cache_wsdl' => WSDL_CACHE_MEMORY]);
$server->setObject(new EchoService());
$server->handle();
PHP

# Two references served next to it, each from the PA WSDL with a fixed CreerDossierPA
# answer and no Relais code: what a SoapServer decoding and encoding the PA types costs
# (pa-types), and that plus the one statement a consultation cannot do without
# (pa-types+db: PHP's own mysqli on a persistent connection to the same MariaDB reads
# the consulted dossier's row by its key, one round trip): the least any service pays
# that reads or stores its dossiers in the database.
cat > "$BASE/echo/pa-types.php" <<'PHP'
<?php
final class FixedPa {
    public function CreerDossierPA($in) {
        if (defined('ROUND_TRIP')) {
            $c = require dirname(__DIR__) . '/reference-db.php';
            $db = new mysqli('p:localhost', $c['user'], $c['password'], 'relais_soap_bench', 0, $c['socket']);
            $db->query('SELECT application_id, id_local, demandeur FROM vt_dossier WHERE id = ' . (int)$c['dossier'])->fetch_row()
                ?? throw new RuntimeException('the reference found no dossier ' . $c['dossier']);
        }
        return ['Response' => ['IdDossier' => 1, 'CodeRetour' => ['Code' => '999', 'Message' => 'Succès']]];
    }
}
$server = new SoapServer(__DIR__ . '/pa.wsdl', ['soap_version' => SOAP_1_2,
    'features' => SOAP_SINGLE_ELEMENT_ARRAYS, 'cache_wsdl' => WSDL_CACHE_MEMORY, 'encoding' => 'UTF-8']);
$server->setObject(new FixedPa());
$server->handle();
PHP
printf '<?php\nconst ROUND_TRIP = true;\nrequire __DIR__ . "/pa-types.php";\n' > "$BASE/echo/pa-types-db.php"
cp "$ROOT/webroot/ws/pa.wsdl" "$BASE/echo/pa.wsdl"
chmod 644 "$BASE/echo/"*

relais_test_pki "$BASE/pki" > /dev/null
relais_apache_configure "$ROOT" "$BASE/web" "$WEB_PORT" "$ROOT/modules/relais.so" "$INI" "$ROOT/webroot"
relais_apache_enable_tls "$ROOT" "$BASE/web" "$TLS_PORT" "$BASE/pki/server.pem" "$BASE/pki/server.key" "$BASE/pki/ca.pem"
cat >> "$BASE/web/apache/httpd.conf" <<CONF
Alias /bench-echo "$BASE/echo"
<Directory "$BASE/echo">
    Require all granted
</Directory>
CONF
relais_apache_start "$BASE/web" "$WEB_PORT" 2> /dev/null
relais_wait_for_port "$TLS_PORT" 30 || relais_die "Apache is not listening on $TLS_PORT"
SITE="https://127.0.0.1:$TLS_PORT"

envelope() { printf '<?xml version="1.0" encoding="UTF-8"?>\n<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:p="urn:relais:viatrajectoire:pa"><env:Body>%s</env:Body></env:Envelope>' "$1"; }
envelope '<p:CreerDossierPA><p:CreationDossier><p:Demandeur>
<p:Civilite><p:Code>MME</p:Code><p:CodeSystem>1.2.250.1.213.1.6.1.69</p:CodeSystem></p:Civilite>
<p:NomNaissance>Dupont</p:NomNaissance><p:Prenom>Hélène</p:Prenom><p:DateNaissance>1938-04-12</p:DateNaissance>
<p:Adresse><p:NumeroVoie>12</p:NumeroVoie><p:TypeVoie>rue</p:TypeVoie><p:LibelleVoie>des Lilas</p:LibelleVoie>
<p:CodePostal><p:Code>69003</p:Code><p:CodeSystem>1.2.250.1.214.2.45</p:CodeSystem></p:CodePostal>
<p:Localite><p:Code>69383</p:Code><p:CodeSystem>1.2.250.1.213.2.23</p:CodeSystem><p:DisplayName>Lyon 3e</p:DisplayName></p:Localite></p:Adresse>
<p:Mail>helene.dupont@example.fr</p:Mail><p:NumSecu>185057800608491</p:NumSecu>
</p:Demandeur><p:IdLocal>usager-bench</p:IdLocal></p:CreationDossier></p:CreerDossierPA>' > "$BASE/creer.xml"
post() { curl -s --cacert "$BASE/pki/ca.pem" -H 'Content-Type: application/soap+xml; charset=utf-8' -H "Authorization: $AUTH" --data-binary "@$2" "$SITE$1"; }
ID="$(post /ws/pa "$BASE/creer.xml" | sed -n 's/.*<ns1:IdDossier>\([0-9]*\)<.*/\1/p')"
[ -n "$ID" ] || relais_die "CreerDossierPA did not answer a dossier id: $(post /ws/pa "$BASE/creer.xml" | head -c 400)"
envelope "<p:ConsulterDossierPA><p:ListeDossier><p:AccesDossierRequest><p:IdDossier>$ID</p:IdDossier><p:IdLocal>usager-bench</p:IdLocal></p:AccesDossierRequest></p:ListeDossier></p:ConsulterDossierPA>" > "$BASE/consulter.xml"
post /ws/pa "$BASE/consulter.xml" | grep -q '<ns1:Code>999</ns1:Code>' || relais_die "ConsulterDossierPA did not answer 999"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:e="urn:bench:echo"><env:Body><e:Echo><e:Message>%s</e:Message></e:Echo></env:Body></env:Envelope>' \
    "$(head -c 600 /dev/zero | tr '\0' 'x')" > "$BASE/echo.xml"
post /bench-echo/echo.php "$BASE/echo.xml" | grep -q 'EchoResponse' || relais_die "the echo service did not answer"
cat > "$BASE/reference-db.php" <<PHP
<?php return ['socket' => '$(relais_mariadb_socket "$BASE/mariadb")', 'user' => 'relais_soap_bench', 'password' => '$DB_PASSWORD', 'dossier' => $ID];
PHP
chmod 644 "$BASE/reference-db.php"
for ref in pa-types pa-types-db; do
    post "/bench-echo/$ref.php" "$BASE/creer.xml" | grep -q '<ns1:Code>999</ns1:Code>' || relais_die "the $ref reference did not answer 999"
done

cat > "$BASE/post.lua" <<'LUA'
-- POSTs one SOAP 1.2 request body (BENCH_BODY) with the bench application's credentials.
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/soap+xml; charset=utf-8"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
function response(status, headers, body)
  if status ~= 200 then io.stderr:write("HTTP " .. status .. "\n") end
end
LUA

# cpu_ticks PID...: the user + system CPU clock ticks these processes used, with
# those of their children already waited for (Apache's workers that exited).
cpu_ticks() {
    local p t=0
    for p in "$@"; do
        [ -r "/proc/$p/stat" ] && t=$((t + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 + $14 + $15 }')))
    done
    echo "$t"
}
# server_ticks SHELL_PID: CPU ticks so far of Apache (parent and workers), of
# MariaDB and of the finished children of that shell (wrk), "APACHE DB CLIENT".
APACHE_PID="$(tr -dc '0-9' < "$(relais_apache_pidfile "$BASE/web")")"
DB_PID="$(tr -dc '0-9' < "$(relais_mariadb_pidfile "$BASE/mariadb")")"
server_ticks() {
    # shellcheck disable=SC2046 # one pid a word
    echo "$(cpu_ticks "$APACHE_PID" $(pgrep -P "$APACHE_PID")) $(cpu_ticks "$DB_PID") $(sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $14 + $15 }')"
}
HZ="$(getconf CLK_TCK)"

# run NAME PATH BODY: requests/s of wrk on PATH (the errors it saw on stderr), with
# the CPU time per request of Apache (TLS, PHP, the extension), of MariaDB and of
# wrk: figures that hold on a shared machine, where requests/s do not. The
# total CPU per request is written to $BASE/NAME.cpu (milliseconds).
run() {
    local out rate before after requests
    local self="$BASHPID"  # run() is itself in a subshell: wrk is its child
    before="$(server_ticks "$self")"
    out="$(BENCH_BODY="$3" BENCH_AUTH="$AUTH" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$BASE/post.lua" "$SITE$2" 2> "$BASE/$1.err")"
    after="$(server_ticks "$self")"
    rate="$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' <<< "$out")"
    requests="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<< "$out")"
    printf '%-20s %10s req/s   p50 %-9s p99 %-9s non-200: %-4s CPU/request: %s\n' "$1" "$rate" \
        "$(awk '$1 == "50%" { print $2 }' <<< "$out")" "$(awk '$1 == "99%" { print $2 }' <<< "$out")" "$(grep -c . "$BASE/$1.err" || true)" \
        "$(awk -v b="$before" -v a="$after" -v n="$requests" -v hz="$HZ" -v total="$BASE/$1.cpu" 'BEGIN {
            split(b, x, " "); split(a, y, " ")
            for (i = 1; i <= 3; i++) ms[i] = 1000 * (y[i] - x[i]) / hz / n
            printf "%.4f\n", ms[1] + ms[2] + ms[3] > total
            printf "Apache %.3f ms, MariaDB %.3f ms, wrk %.3f ms", ms[1], ms[2], ms[3] }')" >&2
    printf '%s\n' "$rate"
}
echo "== PHP $(php -r 'echo PHP_VERSION;'), $(apache2 -v | sed -n 's/^Server version: //p'), wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s over HTTPS (keep-alive)" >&2
# Warm-up: Apache forks its workers, each parses the WSDLs and opens its connection.
warm() { BENCH_BODY="$2" BENCH_AUTH="$AUTH" wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$BASE/post.lua" "$SITE$1" > /dev/null 2>&1; }
warm /bench-echo/echo.php "$BASE/echo.xml"
warm /bench-echo/pa-types-db.php "$BASE/creer.xml"
warm /ws/pa "$BASE/consulter.xml"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
E1="$(run echo /bench-echo/echo.php "$BASE/echo.xml")"
T="$(run pa-types /bench-echo/pa-types.php "$BASE/creer.xml")"
D="$(run pa-types+db /bench-echo/pa-types-db.php "$BASE/creer.xml")"
C="$(run CreerDossierPA /ws/pa "$BASE/creer.xml")"
Q="$(run ConsulterDossierPA /ws/pa "$BASE/consulter.xml")"
E2="$(run echo-again /bench-echo/echo.php "$BASE/echo.xml")"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# The CPU ratio: the share of the echo's rate each service would reach if the
# machine ran nothing else (rates in inverse proportion to CPU per request).
awk -v e1="$E1" -v e2="$E2" -v t="$T" -v d="$D" -v c="$C" -v q="$Q" \
    -v ce1="$(cat "$BASE/echo.cpu")" -v ce2="$(cat "$BASE/echo-again.cpu")" -v ct="$(cat "$BASE/pa-types.cpu")" \
    -v cd="$(cat "$BASE/pa-types+db.cpu")" -v cc="$(cat "$BASE/CreerDossierPA.cpu")" -v cq="$(cat "$BASE/ConsulterDossierPA.cpu")" '
    function line(name, rate, cpu) {
        printf "%-20s %10.0f req/s  %5.1f%% of the echo; %.3f ms CPU/request: %5.1f%% by CPU\n", name, rate, 100 * rate / e, cpu, 100 * ce / cpu
    }
    BEGIN {
    e = (e1 + e2) / 2
    ce = (ce1 + ce2) / 2
    printf "echo (mean)          %10.0f req/s             %.3f ms CPU/request\n", e, ce
    line("pa-types", t, ct)
    line("pa-types+db", d, cd)
    line("CreerDossierPA", c, cc)
    line("ConsulterDossierPA", q, cq)
}'
echo "dossiers written: $(RELAIS_CONFIG="$INI" php -d "extension=$ROOT/modules/relais.so" -r 'echo (new Relais\Ws\Directory(new Relais\Client()))->dossierCount();')"
echo "command: tests/bench/soap_services.sh $DURATION $CONNECTIONS"
