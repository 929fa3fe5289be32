#!/usr/bin/env bash
# check.sh: check the prerequisites of a Relais install without changing
# anything: Debian packages, tools, ports, permissions, build outputs and, when
# an install exists under var/, whether its servers answer.
#
#   ./installer/check.sh [--port N] [--tls-port N] [--db-port N]
# Exit 0 when nothing blocks an install, 1 otherwise.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=installer/lib/all.sh
. "$ROOT/installer/lib/all.sh"

PORT=8080
TLS_PORT=8443
DB_PORT=3307
while [ $# -gt 0 ]; do
    case "$1" in
        --port) PORT="${2:?--port needs a value}"; shift 2 ;;
        --tls-port) TLS_PORT="${2:?--tls-port needs a value}"; shift 2 ;;
        --db-port) DB_PORT="${2:?--db-port needs a value}"; shift 2 ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *) relais_die "unknown option: $1" ;;
    esac
done

PROBLEMS=0
pass() { printf '  ok    %s\n' "$*"; }
warn() { printf '  warn  %s\n' "$*"; }
fail() { printf '  FAIL  %s\n' "$*"; PROBLEMS=$((PROBLEMS + 1)); }

echo "System"
if [ -r /etc/debian_version ]; then
    pass "Debian $(cat /etc/debian_version)"
else
    warn "not Debian: package names may differ"
fi
if relais_is_root; then pass "running as root (packages can be installed, Apache workers run as www-data)"
else warn "not root: missing packages must be installed by root; everything runs as $(id -un)"; fi
pass "$(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) of memory"

echo "Debian packages"
missing=()
for pkg in "${RELAIS_PACKAGES_BUILD[@]}" "${RELAIS_PACKAGES_RUNTIME[@]}"; do
    relais_package_installed "$pkg" || missing+=("$pkg")
done
if [ "${#missing[@]}" -eq 0 ]; then pass "all build and runtime packages installed"
else fail "missing: ${missing[*]} (apt-get install ${missing[*]})"; fi
test_missing=()
for pkg in "${RELAIS_PACKAGES_TEST[@]}"; do
    case "$pkg" in
        nodejs) command -v node > /dev/null 2>&1 && continue ;;
        npm) command -v npm > /dev/null 2>&1 && continue ;;
    esac
    relais_package_installed "$pkg" || test_missing+=("$pkg")
done
if [ "${#test_missing[@]}" -eq 0 ]; then pass "test-only packages present (chromium, node, npm)"
else warn "for tests/run.sh only, missing: ${test_missing[*]}"; fi

echo "Tools"
for tool in cmake g++ phpize php mariadbd mariadb-install-db apache2; do
    if command -v "$tool" > /dev/null 2>&1; then pass "$tool: $(command -v "$tool")"
    else fail "$tool not found"; fi
done
if [ -f /usr/lib/apache2/modules/libphp8.2.so ]; then pass "mod_php 8.2"
else fail "mod_php 8.2 missing (/usr/lib/apache2/modules/libphp8.2.so)"; fi

echo "Ports"
for entry in "$PORT:--port" "$TLS_PORT:--tls-port"; do
    if [ -s "$ROOT/var/run/httpd.pid" ] && relais_pid_alive "$ROOT/var/run/httpd.pid" apache2; then
        pass "127.0.0.1:${entry%%:*}: Relais's Apache is running"
    elif relais_port_in_use "${entry%%:*}"; then fail "127.0.0.1:${entry%%:*} is in use by another program (use ${entry#*:})"
    else pass "127.0.0.1:${entry%%:*} is free for Apache"; fi
done
if relais_pid_alive "$ROOT/var/mariadb/run/mariadb.pid" mariadbd; then
    pass "127.0.0.1:$DB_PORT: Relais's MariaDB is running"
elif relais_port_in_use "$DB_PORT"; then fail "127.0.0.1:$DB_PORT is in use by another program (use --db-port)"
else pass "127.0.0.1:$DB_PORT is free for MariaDB"; fi

echo "Permissions"
if relais_is_root && ! id www-data > /dev/null 2>&1; then
    fail "no www-data account (created by the apache2 package)"
elif [ -d "$ROOT/webroot" ]; then
    if relais_web_user_can_read "$ROOT/webroot"; then pass "$(relais_web_user) can read $ROOT/webroot"
    else fail "$(relais_web_user) cannot reach $ROOT/webroot: chmod o+x its parent directories or move the tree"; fi
fi

echo "Build"
for f in build/engine/relais build/engine/relaisd modules/relais.so; do
    if [ -e "$ROOT/$f" ]; then pass "$f built"; else warn "$f not built yet (install.sh builds it)"; fi
done

if [ -f "$ROOT/var/relais.ini" ] && [ -x "$ROOT/build/engine/relais" ]; then
    echo "Installed instance ($ROOT/var)"
    if "$ROOT/build/engine/relais" --config "$ROOT/var/relais.ini" flows list > /dev/null 2> "$ROOT/var/.check.err"; then
        pass "the database answers (relais flows list)"
    else
        fail "relais flows list: $(cat "$ROOT/var/.check.err")"
    fi
    rm -f "$ROOT/var/.check.err"
    if relais_pid_alive "$ROOT/var/run/relaisd.pid" relaisd; then pass "relaisd is running (pid $(cat "$ROOT/var/run/relaisd.pid"))"
    else warn "relaisd is not running (./installer/install.sh starts it)"; fi
fi

echo
if [ "$PROBLEMS" -eq 0 ]; then
    echo "Nothing blocks an install: ./installer/install.sh"
else
    echo "$PROBLEMS problem(s) to fix first."
    exit 1
fi
