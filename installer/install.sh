#!/usr/bin/env bash
# install.sh: install and start Relais from this source tree, for development or
# a trial: everything lives under <repo>/var/ (database, store, logs, config).
# Safe to run again: it rebuilds what changed and restarts what runs.
#
#   ./installer/install.sh [--port N] [--tls-port N|--no-tls] [--db-port N] [--var DIR] [--no-links]
#                                   install/update and start
#   ./installer/install.sh [--var DIR] --stop   stop what it started
#   ./installer/install.sh --system             (not yet supported)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=installer/lib/all.sh
. "$ROOT/installer/lib/all.sh"

PORT=8080
TLS_PORT=8443
DB_PORT=3307
ACTION=install
VAR="$ROOT/var"
LINKS=1

usage() {
    cat <<USAGE
Usage: $0 [--port N] [--tls-port N | --no-tls] [--db-port N] [--var DIR] [--no-links] [--stop] [--system] [--help]

Installs Relais from this source tree and starts it: MariaDB on
127.0.0.1:DB_PORT (default 3307), relaisd, and the admin site on
http://127.0.0.1:PORT/ (default 8080) and https://127.0.0.1:TLS_PORT/
(default 8443; the SOAP services need it; not with --no-tls), with all their
state under DIR (default $ROOT/var). As root it also links relais and relaisd
into /usr/local/bin (not with --no-links). Run it again to update; --stop stops
the three servers. See docs/install.md.
USAGE
}

# The options as given, for the "Update:" line (a later run needs the same ports).
ORIG_ARGS="$(printf ' %q' "$@")"
while [ $# -gt 0 ]; do
    case "$1" in
        --port) [ $# -ge 2 ] || relais_die "--port needs a value"; PORT="$2"; shift 2 ;;
        --port=*) PORT="${1#*=}"; shift ;;
        --tls-port) [ $# -ge 2 ] || relais_die "--tls-port needs a value"; TLS_PORT="$2"; shift 2 ;;
        --tls-port=*) TLS_PORT="${1#*=}"; shift ;;
        --no-tls) TLS_PORT=""; shift ;;
        --db-port) [ $# -ge 2 ] || relais_die "--db-port needs a value"; DB_PORT="$2"; shift 2 ;;
        --db-port=*) DB_PORT="${1#*=}"; shift ;;
        --var) [ $# -ge 2 ] || relais_die "--var needs a directory"; VAR="$2"; shift 2 ;;
        --var=*) VAR="${1#*=}"; shift ;;
        --no-links) LINKS=""; shift ;;
        --stop) ACTION=stop; shift ;;
        --system) ACTION=system; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; relais_die "unknown option: $1" ;;
    esac
done
for p in "$PORT" "$DB_PORT" ${TLS_PORT:+"$TLS_PORT"}; do
    case "$p" in ''|*[!0-9]*) relais_die "not a port number: $p" ;; esac
    if [ "$p" -lt 1 ] || [ "$p" -gt 65535 ]; then relais_die "port out of range: $p"; fi
done

case "$VAR" in
    /*) ;;
    *) VAR="$PWD/$VAR" ;;
esac

CLI="$ROOT/build/engine/relais"
DAEMON="$ROOT/build/engine/relaisd"
INI="$VAR/relais.ini"
RUN="$VAR/run"
LOG="$VAR/log"
STORE="$VAR/store"
OUTBOX="$VAR/outbox/demo-deposit"
ADMIN_PASSWORD_FILE="$VAR/admin-password"

stop_all() {
    relais_apache_stop "$VAR"
    relais_daemon_stop "$RUN/relaisd.pid"
    relais_mariadb_stop "$VAR/mariadb"
}

case "$ACTION" in
    stop)
        stop_all
        relais_log "stopped"
        exit 0 ;;
    system)
        echo "--system (install under /etc/relais, /var/lib/relais with systemd units) is not yet supported;"
        echo "see docs/install.md for the outline. Run without --system for an install under $VAR."
        exit 2 ;;
esac

# 1. Packages.
relais_ensure_packages "${RELAIS_PACKAGES_BUILD[@]}" "${RELAIS_PACKAGES_RUNTIME[@]}"

# 2. Build (the programs and the library; the tests are tests/run.sh's), the
# compilers' output in var/log/build.log: its end is shown when the build fails.
mkdir -p "$LOG"
relais_log "building the engine and the PHP extension (output in $LOG/build.log)"
if ! (relais_build_engine "$ROOT" RelWithDebInfo relais relaisd relais_core && relais_build_extension "$ROOT") \
        > "$LOG/build.log" 2>&1; then
    tail -n 40 "$LOG/build.log" >&2
    relais_die "the build failed, see $LOG/build.log"
fi

# 3. Directories. var/ is traversable by the web server, which reads the ini and
# reaches the MariaDB socket; the store and outbox are shared with it.
mkdir -p "$VAR" "$RUN" "$LOG" "$VAR/outbox"
chmod 755 "$VAR" "$RUN" "$LOG" "$VAR/outbox"
relais_make_shared_dir "$STORE"
relais_make_shared_dir "$OUTBOX"

# 4. Database.
relais_mariadb_start "$VAR/mariadb" "$DB_PORT"
DB_PASSWORD="$(relais_dsn_password "$(relais_ini_get "$INI" database dsn)")"
if [ -z "$DB_PASSWORD" ]; then
    DB_PASSWORD="$(relais_random_hex 16)"
fi
relais_mariadb_create_database "$VAR/mariadb" relais relais "$DB_PASSWORD"

# The demo Sage 100 database (emulated, sql/sage100) and the ODBC DSN
# relais_sage_demo reaching it, in var/odbc (never /etc/odbc*.ini).
SAGE_PASSWORD_FILE="$VAR/sage-password"
if [ -s "$SAGE_PASSWORD_FILE" ]; then
    SAGE_PASSWORD="$(head -n 1 "$SAGE_PASSWORD_FILE")"
else
    SAGE_PASSWORD="$(relais_random_hex 16)"
fi
relais_sage100_load "$ROOT" "$VAR/mariadb" sage_demo relais_sage "$SAGE_PASSWORD"
(umask 077; printf '%s\n' "$SAGE_PASSWORD" > "$SAGE_PASSWORD_FILE")  # made readable by Apache's group below
relais_odbc_configure "$VAR/odbc" relais_sage_demo "$VAR/mariadb" sage_demo
relais_odbc_export "$VAR/odbc"

# 5. Configuration (rewritten each run; the password is kept).
relais_write_ini "$INI" \
    "mariadb://relais:$DB_PASSWORD@localhost/relais?socket=$(relais_mariadb_socket "$VAR/mariadb")" \
    "$STORE" "$(hostname -s 2>/dev/null || echo relais)" "$ROOT/sql/mariadb" info
relais_sage100_configure "$INI" relais_sage_demo relais_sage "$SAGE_PASSWORD_FILE" "$VAR/sage-export"

# 6. Schema, admin user, demo flow.
relais_log "applying database migrations"
"$CLI" --config "$INI" migrate --sql-dir "$ROOT/sql/mariadb" >&2 || relais_die "relais migrate failed"

# The admin user is created once; its password lives in var/admin-password.
if [ -s "$ADMIN_PASSWORD_FILE" ]; then
    ADMIN_PASSWORD="$(head -n 1 "$ADMIN_PASSWORD_FILE")"
    KNOWN_PASSWORD=1
else
    ADMIN_PASSWORD="$(relais_random_hex 12)"
    KNOWN_PASSWORD=""
fi
if relais_user_exists "$CLI" "$INI" admin; then
    if [ -z "$KNOWN_PASSWORD" ]; then
        relais_log "the admin user exists but var/admin-password is gone: setting a new password"
        printf '%s\n' "$ADMIN_PASSWORD" | "$CLI" --config "$INI" users passwd admin --password-stdin >&2 \
            || relais_die "relais users passwd admin failed"
    fi
else
    relais_log "creating the admin user 'admin'"
    printf '%s\n' "$ADMIN_PASSWORD" | "$CLI" --config "$INI" users add admin --password-stdin >&2 \
        || relais_die "relais users add admin failed"
fi
(umask 077; printf '%s\n' "$ADMIN_PASSWORD" > "$ADMIN_PASSWORD_FILE")
chmod 600 "$ADMIN_PASSWORD_FILE"

relais_render_template "$ROOT/installer/demo/demo-deposit.json.in" "$VAR/demo-deposit.json" OUTBOX="$OUTBOX"
# Importing is idempotent: an unchanged definition stays at its version.
relais_log "importing the demo flow demo-deposit (deposits into $OUTBOX)"
"$CLI" --config "$INI" flows import "$VAR/demo-deposit.json" >&2 || relais_die "relais flows import failed"

# 7. Servers.
relais_daemon_start "$DAEMON" "$INI" "$RUN/relaisd.pid" "$LOG/relaisd.log"
relais_apache_configure "$ROOT" "$VAR" "$PORT" "$ROOT/modules/relais.so" "$INI" "$ROOT/webroot"
if [ -n "$TLS_PORT" ]; then
    # HTTPS with certificates of this install (var/tls), made once; client
    # certificates signed by var/tls/ca.pem are accepted (partner applications).
    relais_tls_install_pki "$VAR/tls"
    relais_apache_enable_tls "$ROOT" "$VAR" "$TLS_PORT" "$VAR/tls/server.pem" "$VAR/tls/server.key" "$VAR/tls/ca.pem"
    if ! relais_pid_alive "$(relais_apache_pidfile "$VAR")" apache2 && relais_port_in_use "$TLS_PORT"; then
        relais_die "cannot start Apache: port 127.0.0.1:$TLS_PORT is already in use (choose another with --tls-port, or --no-tls)"
    fi
fi
relais_apache_start "$VAR" "$PORT"
if [ -n "$TLS_PORT" ]; then
    relais_wait_for_port "$TLS_PORT" 30 \
        || relais_die "Apache is not listening on 127.0.0.1:$TLS_PORT (HTTPS), see $LOG/apache-error.log"
fi

# 8. Commands on the PATH (root only).
if relais_is_root && [ -n "$LINKS" ]; then
    ln -sfn "$CLI" /usr/local/bin/relais
    ln -sfn "$DAEMON" /usr/local/bin/relaisd
fi

HTTPS_LINES=""
if [ -n "$TLS_PORT" ]; then
    HTTPS_LINES="  HTTPS:       https://127.0.0.1:$TLS_PORT/   (authority: $VAR/tls/ca.pem, e.g. curl --cacert)
  SOAP:        https://127.0.0.1:$TLS_PORT/ws/pa?wsdl, https://127.0.0.1:$TLS_PORT/ws/exchange?wsdl
               (partner applications: Services web > Applications partenaires; docs/soap-services.md)
"
fi
cat <<DONE

Relais is running.
  Admin site:  http://127.0.0.1:$PORT/
${HTTPS_LINES}  Login:       admin
  Password:    $ADMIN_PASSWORD   (also in $ADMIN_PASSWORD_FILE)
  Config:      $INI   (use: relais --config $INI ...)
  Demo flow:   relais --config $INI submit demo-deposit FILE --wait
               deposits FILE into $OUTBOX
  Sage demo:   ODBC DSN relais_sage_demo, user relais_sage, password in $SAGE_PASSWORD_FILE
               (export ODBCSYSINI=$VAR/odbc ODBCINI=$VAR/odbc/odbc.ini; see docs/sage100.md)
  Logs:        $LOG
  Update:      $0${ORIG_ARGS}   (after a git pull; also starts it again after --stop)
  Stop:        $0$([ "$VAR" = "$ROOT/var" ] || printf ' --var %s' "$VAR") --stop
DONE
